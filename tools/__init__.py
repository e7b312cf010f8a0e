"""Pure calculation tools of the advisor: pydantic models in, pydantic models out, no I/O.

One module per family (prioritization, finance, experiments, customer_value, kpi, goals,
oversight); `tools.registry` lists them for the CLI (`tools.cli`), the UI and the agent.
"""
