"""`python -m evals.dev SET.yaml [--module M.md] [--recall]`: pass rates per half."""

import sys

from evals.dev.runner import main

sys.exit(main())
