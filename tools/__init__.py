"""Pure calculation tools of the advisor: pydantic models in, pydantic models out, no I/O.

One module per family (prioritization, finance, experiments, customer_value, kpi, goals,
oversight); `tools.registry` lists them for the CLI (`tools.cli`), the UI and the agent.
"""

_EXPORTS = {
    "TOOLS": "tools.registry",
    "run_tool": "tools.registry",
    "langchain_tools": "tools.registry",
    "ToolInputError": "tools.errors",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    # Lazy re-exports (PEP 562): importing the package stays cheap and cycle-free.
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
