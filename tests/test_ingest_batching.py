"""Specification of the ingest's embedding path: one length-sorted pass over every new chunk of
every file, written in slabs, so an interrupted build keeps what it wrote."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.settings import DEFAULT_CORPUS, Settings
from knowledge.index import CourseIndex


class CountingEmbedder:
    """Fixed-size unit vectors; remembers every batch it was asked to encode."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        self.calls.append(list(texts))
        vectors = np.zeros((len(texts), 8), dtype=np.float32)
        vectors[:, 0] = 1.0
        return vectors


@pytest.fixture
def two_files(tmp_path):
    other = tmp_path / "other-module.md"
    other.write_text(DEFAULT_CORPUS.read_text(encoding="utf-8").replace("AI", "ML"), encoding="utf-8")
    return [DEFAULT_CORPUS, other]


def test_every_new_chunk_of_every_file_is_embedded_once_longest_first(tmp_path, two_files):
    embedder = CountingEmbedder()
    index = CourseIndex(Settings(data_dir=tmp_path / "advisor"), embedder)
    report = index.ingest(two_files)
    (batch,) = embedder.calls  # both files in one pass, not file by file
    assert len(batch) == report.embedded
    assert [len(t) for t in batch] == sorted((len(t) for t in batch), reverse=True)
    assert index.collection().count() == report.embedded


def test_a_build_stopped_between_slabs_keeps_them_and_resumes(tmp_path, two_files):
    settings = Settings(data_dir=tmp_path / "advisor", ingest_slab=50)

    class Stop(Exception):
        pass

    def stop_after_first_slab(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        CourseIndex(settings, CountingEmbedder()).ingest(two_files, progress=stop_after_first_slab)
    embedder = CountingEmbedder()
    report = CourseIndex(settings, embedder).ingest(two_files)
    assert report.unchanged == 50  # the first slab was kept
    assert sum(len(call) for call in embedder.calls) == report.embedded
    assert all(len(call) <= 50 for call in embedder.calls)
