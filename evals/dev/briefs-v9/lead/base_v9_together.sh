#!/usr/bin/env bash
# v9 sets with the bundled course and every module (17) together; tune half (add --held-out to open).
set -u
cd "${1:-/work/main}"; shift || true
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
D=evals/dev; M=""
for f in $D/modules/*.md $D/modules/*.txt $D/modules/*.pdf $D/modules/*.docx $D/modules/*.html; do M="$M --module $f"; done
.venv/bin/python -m evals.devsets $D/modules/packing-shipping-faq.questions.yaml $D/modules/home-composting.questions.yaml $D/users_words_v9.yaml \
  $D/conversations_v9_pack.yaml $D/conversations_v9_compost.yaml $D/conversations_m6_v9.yaml \
  $D/offtopic_v9_pack.yaml $D/offtopic_v9_compost.yaml $D/offtopic_m6_v9.yaml $M "$@"
