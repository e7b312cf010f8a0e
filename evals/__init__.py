"""Evaluation of the advisor, apart from the unit tests: instructor-written YAML cases, grounding
metrics, the eval runner and report, and the paste-an-answer checker (`advisor eval`, `advisor check`).

Its public surface is `__all__` (re-exported lazily); everything else is an implementation
detail of its module.
"""

_EXPORTS = {
    "run_suite": "evals.runner",
    "SuiteReport": "evals.runner",
    "load_suites": "evals.cases",
    "GateThresholds": "evals.cases",
    "grade": "evals.checker",
    "CourseEvidence": "evals.checker",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    # Lazy re-exports (PEP 562): importing the package stays cheap and cycle-free.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
