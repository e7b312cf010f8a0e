"""Benchmarks of the Strategy Advisor: every figure is a ratio against a floor measured in the same run.

`make bench` (or `python -m bench.run`) runs all sections and writes bench/results.md and
bench/results.json; `python -m bench.run --only retrieval,latency` runs a subset.
"""

__all__: list[str] = []  # run as `python -m bench.run`; nothing here is imported by the product
