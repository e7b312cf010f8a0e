#!/usr/bin/env bash
# Opens the v9 held-out halves ONCE, at the end of stop 35. Log: /work/sets/heldout/open35.log
set -u
cd /work/main
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
{
echo "== commit $(git rev-parse --short HEAD) $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== calc v9"; $PY -m evals.calcsets $D/calc/singles_v9a.yaml $D/calc/singles_v9b.yaml $D/calc/dialogues_v9.yaml --held-out
echo "== pack alone"; $PY -m evals.devsets $D/modules/packing-shipping-faq.questions.yaml $D/conversations_v9_pack.yaml $D/offtopic_v9_pack.yaml --module $D/modules/packing-shipping-faq.md --alone --held-out
echo "== compost alone"; $PY -m evals.devsets $D/modules/home-composting.questions.yaml $D/conversations_v9_compost.yaml $D/offtopic_v9_compost.yaml --module $D/modules/home-composting.pdf --alone --held-out
echo "== m6 v9"; $PY -m evals.devsets $D/users_words_v9.yaml $D/conversations_m6_v9.yaml $D/offtopic_m6_v9.yaml --held-out
echo "== claims"; $PY -m evals.calibrate --held-out
echo "== injection v9"; $PY -m evals.injection --round v9 --held-out
echo "== together (bundled + every module)"; bash /work/sets/base_v9_together.sh /work/main --held-out
echo "== spent: calc v8"; $PY -m evals.calcsets $D/calc/singles_v8a.yaml $D/calc/singles_v8b.yaml $D/calc/dialogues_v8.yaml --held-out 2>&1 | grep -v "FAIL"
echo "== done $(date -u)"
} > /work/sets/heldout/open35.log 2>&1
