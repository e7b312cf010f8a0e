#!/usr/bin/env bash
# Opens the v10 held-out halves ONCE, at the end of stop 36. Log: /work/sets/heldout/open36.log
set -u
cd /work/main
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
{
echo "== commit $(git rev-parse --short HEAD) $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== calc v10"; $PY -m evals.calcsets $D/calc/singles_v10a.yaml $D/calc/singles_v10b.yaml $D/calc/dialogues_v10.yaml --held-out
echo "== bike alone"; $PY -m evals.devsets $D/modules/bike-maintenance.questions.yaml $D/conversations_v10_bike.yaml $D/offtopic_v10_bike.yaml --module $D/modules/bike-maintenance.txt --alone --held-out
echo "== reviews alone"; $PY -m evals.devsets $D/modules/reviews-ratings.questions.yaml $D/conversations_v10_reviews.yaml $D/offtopic_v10_reviews.yaml --module $D/modules/reviews-ratings.docx --alone --held-out
echo "== m6 v10"; $PY -m evals.devsets $D/users_words_v10.yaml $D/conversations_m6_v10.yaml $D/offtopic_m6_v10.yaml --held-out
echo "== claims"; $PY -m evals.calibrate --held-out
echo "== injection v10"; $PY -m evals.injection --round v10 --held-out
echo "== together (bundled + every module)"; bash /work/sets/base_v10_together.sh /work/main --held-out
echo "== done $(date -u)"
} > /work/sets/heldout/open36.log 2>&1
