"""Shared fixtures: settings on temporary data folders and one course index built per session.

Importing ``assistant.settings`` switches Hugging Face and Chroma to offline / no telemetry.
No test may touch the repository's own ``.advisor/`` folder: every settings object here points
at a pytest temporary folder, and ``ADVISOR_DATA_DIR`` is redirected for the whole session so a
stray ``get_settings()`` cannot fall back to the default either.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import DEFAULT_CORPUS, Settings, get_settings
from knowledge.embeddings import Embedder
from knowledge.index import CourseIndex


class MemoEmbedder(Embedder):
    """The real bundled model, embedding each distinct text once per test session.

    Embedding the course takes ~15 s of CPU; with the vectors remembered, a test can build its
    own throwaway index in well under a second and still get the model's real vectors.
    """

    def __init__(self, model_path: Path) -> None:
        super().__init__(model_path)
        self._memo: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        texts = list(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in self._memo]
        if missing:
            self._memo.update(zip(missing, super().encode(missing, batch_size)))
        return np.stack([self._memo[text] for text in texts])


@pytest.fixture(scope="session", autouse=True)
def _no_default_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADVISOR_DATA_DIR", str(tmp_path_factory.mktemp("default-data-dir")))
        get_settings.cache_clear()
        yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def embedder() -> MemoEmbedder:
    """Pass as ``CourseIndex(settings, embedder=embedder)`` to build indexes cheaply."""
    return MemoEmbedder(Settings().resolved_embedding_model())


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory, embedder: MemoEmbedder) -> Settings:
    """Settings whose data folder holds an index of the bundled course. Treat it as read-only."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("built-index"))
    CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)
    return settings


@pytest.fixture
def fresh_settings(tmp_path: Path) -> Settings:
    """Settings on an empty data folder of this test's own."""
    return Settings(data_dir=tmp_path / "advisor")


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled course, under the same file name (so the same chunk ids)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    return Path(shutil.copy(DEFAULT_CORPUS, folder / DEFAULT_CORPUS.name))


@pytest.fixture
def use_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Settings]]:
    """Points ``get_settings()``, which the CLI reads, at a data folder (plus ADVISOR_* extras).

    ``use_settings(settings, max_ingest_bytes=60_000)`` sets ADVISOR_DATA_DIR from ``settings``
    and ADVISOR_MAX_INGEST_BYTES=60000, then returns the settings the CLI will see.
    """

    def use(settings: Settings, **extra: object) -> Settings:
        monkeypatch.setenv("ADVISOR_DATA_DIR", str(settings.data_dir))
        if settings.chroma_url:
            monkeypatch.setenv("ADVISOR_CHROMA_URL", settings.chroma_url)
        for name, value in extra.items():
            monkeypatch.setenv(f"ADVISOR_{name.upper()}", str(value))
        get_settings.cache_clear()
        return get_settings()

    yield use
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def advisor(built_settings: Settings, embedder: MemoEmbedder):
    """One offline Advisor over the built course index, shared by the engine tests."""
    from assistant.engine import Advisor

    return Advisor(built_settings, embedder=embedder)
