#!/usr/bin/env bash
# Tune-half baselines of the v11 sets on a checkout. usage: base_v11.sh calc|promo|stars|m6|claims|inject [dir]
set -u
cd "${2:-/work/main}"
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
case "$1" in
  calc) $PY -m evals.calcsets $D/calc/singles_v11a.yaml $D/calc/singles_v11b.yaml $D/calc/dialogues_v11.yaml ;;
  promo) $PY -m evals.devsets $D/modules/promotions-discounts.questions.yaml $D/conversations_v11_promo.yaml $D/offtopic_v11_promo.yaml --module $D/modules/promotions-discounts.pptx --alone ;;
  stars) $PY -m evals.devsets $D/modules/backyard-stargazing.questions.yaml $D/conversations_v11_stars.yaml $D/offtopic_v11_stars.yaml --module $D/modules/backyard-stargazing.tex --alone ;;
  m6) $PY -m evals.devsets $D/users_words_v11.yaml $D/conversations_m6_v11.yaml $D/offtopic_m6_v11.yaml ;;
  claims) $PY -m evals.calibrate 2>&1 | grep -i -A8 "claims j" ;;
  inject) $PY -m evals.injection --round v11 ;;
esac
