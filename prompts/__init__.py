"""The LLM system prompt, intent exemplars and default assumptions, as data files (no code)."""

__all__: list[str] = []
