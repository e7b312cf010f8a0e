"""One home for the step many tests share: an Advisor on its own index of the given course files."""

from __future__ import annotations

from pathlib import Path


def advisor_on(corpus: list[Path], data_dir: Path, embedder):
    """An Advisor whose index (in ``data_dir``) holds exactly ``corpus``, built with the session's
    memoised ``embedder`` so each vector is computed once per test session."""
    from assistant.engine import Advisor
    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    settings = Settings(data_dir=data_dir, corpus_paths=list(corpus))
    CourseIndex(settings, embedder=embedder).ingest(list(settings.corpus_paths))
    return Advisor(settings, embedder=embedder)
