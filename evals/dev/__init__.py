"""Development sets in users' words, split by a fixed hash into tune and held-out halves.

`runner` grades answers to a YAML set (`python -m evals.dev SET.yaml`); `calc_phrasings`
generates the calculator phrasing set with known answers.
"""

from evals.dev.runner import half, judge, load_set, main, pass_rates, recall_at_k, run_set

__all__ = ["half", "judge", "load_set", "main", "pass_rates", "recall_at_k", "run_set"]
