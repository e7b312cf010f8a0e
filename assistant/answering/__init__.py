"""Answering a read message: the offline brain (``offline``) and its extractive composer
(``compose``), the LangChain agent over course search and calculators (``agent``), the brain
factory (``brains``), the engine's prefetch of calculators and passages for an LLM
(``prefetch``), the guard that stops a model reciting its instructions (``streamguard``) and
what a server embeds before anyone asks (``warmup``)."""
