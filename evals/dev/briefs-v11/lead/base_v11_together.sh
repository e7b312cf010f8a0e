#!/usr/bin/env bash
# v11 sets with the bundled course and every module (21) together; tune half (add --held-out to open).
set -u
cd "${1:-/work/main}"; shift || true
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
D=evals/dev; M=""
for f in $D/modules/*.md $D/modules/*.txt $D/modules/*.pdf $D/modules/*.docx $D/modules/*.html $D/modules/*.pptx $D/modules/*.tex; do M="$M --module $f"; done
.venv/bin/python -m evals.devsets $D/modules/promotions-discounts.questions.yaml $D/modules/backyard-stargazing.questions.yaml $D/users_words_v11.yaml \
  $D/conversations_v11_promo.yaml $D/conversations_v11_stars.yaml $D/conversations_m6_v11.yaml \
  $D/offtopic_v11_promo.yaml $D/offtopic_v11_stars.yaml $D/offtopic_m6_v11.yaml $M "$@"
