#!/usr/bin/env bash
# Tune-half baselines of the v10 sets on a checkout. usage: base_v10.sh calc|bike|reviews|m6|claims|inject [dir]
set -u
cd "${2:-/work/main}"
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
PY=.venv/bin/python; D=evals/dev
case "$1" in
  calc) $PY -m evals.calcsets $D/calc/singles_v10a.yaml $D/calc/singles_v10b.yaml $D/calc/dialogues_v10.yaml ;;
  bike) $PY -m evals.devsets $D/modules/bike-maintenance.questions.yaml $D/conversations_v10_bike.yaml $D/offtopic_v10_bike.yaml --module $D/modules/bike-maintenance.txt --alone ;;
  reviews) $PY -m evals.devsets $D/modules/reviews-ratings.questions.yaml $D/conversations_v10_reviews.yaml $D/offtopic_v10_reviews.yaml --module $D/modules/reviews-ratings.docx --alone ;;
  m6) $PY -m evals.devsets $D/users_words_v10.yaml $D/conversations_m6_v10.yaml $D/offtopic_m6_v10.yaml ;;
  claims) $PY -m evals.calibrate 2>&1 | grep -i -A8 "claims i" ;;
  inject) $PY -m evals.injection --round v10 ;;
esac
