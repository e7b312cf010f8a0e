"""One warm-up's sentence vectors, handed on to every server a test session starts.

A server embeds the course's sentences when it warms up and saves them in its data folder
(``sentence-vectors.npz``: text → vector, for one model). A test session starts a dozen
servers on fresh data folders; each would embed the same course again (about 15 s on two
cores). The first server of a session still warms up cold; each one after it starts from the
vectors the largest earlier warm-up saved. The vectors are a pure function of text and model,
so a server that finds them computes nothing differently, only sooner. The cold path stays
measured in bench/ (start to serving).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

CACHE_NAME = "sentence-vectors.npz"  # assistant.engine.Advisor.vector_cache_path
_folder: Path | None = None


def _seed() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="advisor-test-vectors-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder / CACHE_NAME


def share_vectors(data_dir: Path) -> None:
    """Before a server starts on ``data_dir``: give it the session's vectors if it has none."""
    seed, target = _seed(), Path(data_dir) / CACHE_NAME
    if seed.exists() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seed, target)


def keep_vectors(data_dir: Path) -> None:
    """After a server on ``data_dir`` stopped: keep its vectors when they hold more."""
    seed, source = _seed(), Path(data_dir) / CACHE_NAME
    try:
        if source.stat().st_size > (seed.stat().st_size if seed.exists() else 0):
            partial = seed.with_suffix(".partial")
            shutil.copyfile(source, partial)
            partial.replace(seed)
    except OSError:
        pass  # no vectors saved (a server killed before its warm-up ended): nothing to keep
