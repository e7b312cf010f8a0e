#!/usr/bin/env bash
# v10 sets with the bundled course and every module (19) together; tune half (add --held-out to open).
set -u
cd "${1:-/work/main}"; shift || true
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
D=evals/dev; M=""
for f in $D/modules/*.md $D/modules/*.txt $D/modules/*.pdf $D/modules/*.docx $D/modules/*.html; do M="$M --module $f"; done
.venv/bin/python -m evals.devsets $D/modules/bike-maintenance.questions.yaml $D/modules/reviews-ratings.questions.yaml $D/users_words_v10.yaml \
  $D/conversations_v10_bike.yaml $D/conversations_v10_reviews.yaml $D/conversations_m6_v10.yaml \
  $D/offtopic_v10_bike.yaml $D/offtopic_v10_reviews.yaml $D/offtopic_m6_v10.yaml $M "$@"
