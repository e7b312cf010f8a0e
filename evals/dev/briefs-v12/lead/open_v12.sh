#!/usr/bin/env bash
# Opens the v12 held-out halves ONCE, at the end of stop 38. Log: /work/sets/heldout/open38.log
set -u
cd /work/main
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
{
echo "== commit $(git rev-parse --short HEAD) $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== calc v12"; $PY -m evals.calcsets $D/calc/singles_v12a.yaml $D/calc/singles_v12b.yaml $D/calc/dialogues_v12.yaml --held-out
echo "== rain alone (epub)"; $PY -m evals.devsets $D/modules/rainwater-harvesting.questions.yaml $D/conversations_v12_rain.yaml $D/offtopic_v12_rain.yaml --module $D/modules/rainwater-harvesting.epub --alone --held-out
echo "== m6 v12"; $PY -m evals.devsets $D/users_words_v12.yaml $D/conversations_m6_v12.yaml $D/offtopic_m6_v12.yaml --held-out
echo "== claims"; $PY -m evals.calibrate --held-out
echo "== injection v12"; $PY -m evals.injection --round v12 --held-out
echo "== together (bundled + every module)"; bash /work/sets/base_v12_together.sh /work/main --held-out
echo "== done $(date -u)"
} > /work/sets/heldout/open38.log 2>&1
