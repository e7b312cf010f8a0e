#!/usr/bin/env bash
# Opens the v11 held-out halves ONCE, at the end of stop 37. Log: /work/sets/heldout/open37.log
set -u
cd /work/main
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
{
echo "== commit $(git rev-parse --short HEAD) $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== calc v11"; $PY -m evals.calcsets $D/calc/singles_v11a.yaml $D/calc/singles_v11b.yaml $D/calc/dialogues_v11.yaml --held-out
echo "== promo alone (pptx)"; $PY -m evals.devsets $D/modules/promotions-discounts.questions.yaml $D/conversations_v11_promo.yaml $D/offtopic_v11_promo.yaml --module $D/modules/promotions-discounts.pptx --alone --held-out
echo "== stars alone (tex)"; $PY -m evals.devsets $D/modules/backyard-stargazing.questions.yaml $D/conversations_v11_stars.yaml $D/offtopic_v11_stars.yaml --module $D/modules/backyard-stargazing.tex --alone --held-out
echo "== m6 v11"; $PY -m evals.devsets $D/users_words_v11.yaml $D/conversations_m6_v11.yaml $D/offtopic_m6_v11.yaml --held-out
echo "== claims"; $PY -m evals.calibrate --held-out
echo "== injection v11"; $PY -m evals.injection --round v11 --held-out
echo "== together (bundled + every module)"; bash /work/sets/base_v11_together.sh /work/main --held-out
echo "== done $(date -u)"
} > /work/sets/heldout/open37.log 2>&1
