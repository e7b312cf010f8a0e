#!/usr/bin/env bash
# Opens the v13 held-out halves ONCE, at the end of stop 39. Log: /work/sets/heldout/open39.log
set -u
cd /work/main
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
{
echo "== commit $(git rev-parse --short HEAD) $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== calc v13"; $PY -m evals.calcsets $D/calc/singles_v13a.yaml $D/calc/singles_v13b.yaml $D/calc/dialogues_v13.yaml --held-out
echo "== fish alone (odt)"; $PY -m evals.devsets $D/modules/first-aquarium.questions.yaml $D/conversations_v13_fish.yaml $D/offtopic_v13_fish.yaml --module $D/modules/first-aquarium.odt --alone --held-out
echo "== m6 v13"; $PY -m evals.devsets $D/users_words_v13.yaml $D/conversations_m6_v13.yaml $D/offtopic_m6_v13.yaml --held-out
echo "== claims"; $PY -m evals.calibrate --held-out --no-latency
echo "== injection v13"; $PY -m evals.injection --round v13 --held-out
echo "== together (bundled + every module)"; bash /work/sets/base_v13_together.sh /work/main --held-out
echo "== done $(date -u)"
} > /work/sets/heldout/open39.log 2>&1
