#!/usr/bin/env bash
# v13 sets with the bundled course and every module (26) together; tune half (add --held-out to open).
set -u
cd "${1:-/work/main}"; shift || true
export HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
D=evals/dev; M=""
for f in $D/modules/*.md $D/modules/*.txt $D/modules/*.pdf $D/modules/*.docx $D/modules/*.html $D/modules/*.pptx $D/modules/*.tex $D/modules/*.epub $D/modules/*.odt; do M="$M --module $f"; done
.venv/bin/python -m evals.devsets $D/modules/first-aquarium.questions.yaml $D/users_words_v13.yaml \
  $D/conversations_v13_fish.yaml $D/conversations_m6_v13.yaml \
  $D/offtopic_v13_fish.yaml $D/offtopic_m6_v13.yaml $M "$@"
