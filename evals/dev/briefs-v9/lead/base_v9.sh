#!/usr/bin/env bash
# Tune-half baselines of the v9 sets on the current checkout. usage: base_v9.sh calc|pack|compost|m6|claims|inject [dir]
set -u
cd "${2:-/work/main}"
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
case "$1" in
  calc) $PY -m evals.calcsets $D/calc/singles_v9a.yaml $D/calc/singles_v9b.yaml $D/calc/dialogues_v9.yaml ;;
  pack) $PY -m evals.devsets $D/modules/packing-shipping-faq.questions.yaml $D/conversations_v9_pack.yaml $D/offtopic_v9_pack.yaml --module $D/modules/packing-shipping-faq.md --alone ;;
  compost) $PY -m evals.devsets $D/modules/home-composting.questions.yaml $D/conversations_v9_compost.yaml $D/offtopic_v9_compost.yaml --module $D/modules/home-composting.pdf --alone ;;
  m6) $PY -m evals.devsets $D/users_words_v9.yaml $D/conversations_m6_v9.yaml $D/offtopic_m6_v9.yaml ;;
  claims) $PY -m evals.calibrate 2>&1 | grep -i -A8 "claims h" ;;
  inject) $PY -m evals.injection --round v9 ;;
esac
