"""The Gradio web UI of the advisor: app wiring, pure formatting, the plan builder, its tables."""

_EXPORTS = {
    "build_app": "ui.app",
    "launch": "ui.app",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    # Lazy re-exports (PEP 562): importing the package stays cheap and cycle-free.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
