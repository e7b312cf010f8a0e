#!/usr/bin/env bash
# v12 sets with the bundled course and every module (24) together; tune half (add --held-out to open).
set -u
cd "${1:-/work/main}"; shift || true
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
D=evals/dev; M=""
for f in $D/modules/*.md $D/modules/*.txt $D/modules/*.pdf $D/modules/*.docx $D/modules/*.html $D/modules/*.pptx $D/modules/*.tex $D/modules/*.epub; do M="$M --module $f"; done
.venv/bin/python -m evals.devsets $D/modules/rainwater-harvesting.questions.yaml $D/users_words_v12.yaml \
  $D/conversations_v12_rain.yaml $D/conversations_m6_v12.yaml \
  $D/offtopic_v12_rain.yaml $D/offtopic_m6_v12.yaml $M "$@"
