"""Development sets in users' words (YAML, graded by `python -m evals.devsets`) and the
calculator phrasing generator (`calc_phrasings`)."""
