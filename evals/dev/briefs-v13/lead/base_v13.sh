#!/usr/bin/env bash
# Tune-half baselines of the v13 sets on a checkout. usage: base_v13.sh calc|fish|m6|claims|inject [dir]
set -u
cd "${2:-/work/main}"
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
case "$1" in
  calc) $PY -m evals.calcsets $D/calc/singles_v13a.yaml $D/calc/singles_v13b.yaml $D/calc/dialogues_v13.yaml ;;
  fish) $PY -m evals.devsets $D/modules/first-aquarium.questions.yaml $D/conversations_v13_fish.yaml $D/offtopic_v13_fish.yaml --module $D/modules/first-aquarium.odt --alone ;;
  m6) $PY -m evals.devsets $D/users_words_v13.yaml $D/conversations_m6_v13.yaml $D/offtopic_m6_v13.yaml ;;
  claims) $PY -m evals.calibrate 2>&1 | grep -i -A8 "claims l" ;;
  inject) $PY -m evals.injection --round v13 ;;
esac
