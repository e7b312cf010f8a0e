#!/usr/bin/env bash
# Tune-half baselines of the v12 sets on a checkout. usage: base_v12.sh calc|rain|m6|claims|inject [dir]
set -u
cd "${2:-/work/main}"
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
case "$1" in
  calc) $PY -m evals.calcsets $D/calc/singles_v12a.yaml $D/calc/singles_v12b.yaml $D/calc/dialogues_v12.yaml ;;
  rain) $PY -m evals.devsets $D/modules/rainwater-harvesting.questions.yaml $D/conversations_v12_rain.yaml $D/offtopic_v12_rain.yaml --module $D/modules/rainwater-harvesting.epub --alone ;;
  m6) $PY -m evals.devsets $D/users_words_v12.yaml $D/conversations_m6_v12.yaml $D/offtopic_m6_v12.yaml ;;
  claims) $PY -m evals.calibrate 2>&1 | grep -i -A8 "claims k" ;;
  inject) $PY -m evals.injection --round v12 ;;
esac
