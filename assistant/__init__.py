"""The advisor itself: validates and masks a question, runs the agent (offline brain or an LLM)
over the course search and the calculators, checks grounding and keeps conversation memory.

Its public surface is `__all__` (re-exported lazily); everything else is an implementation
detail of its module.
"""

_EXPORTS = {
    "Advisor": "assistant.engine",
    "InputProblem": "assistant.engine",
    "AnswerResult": "assistant.types",
    "make_brain": "assistant.answering.brains",
    "GroundingChecker": "assistant.grounding",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    # Lazy re-exports (PEP 562): importing the package stays cheap and cycle-free.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
