"""Loads the sentence-transformers model once per process, offline, from a local folder."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    import numpy as np

    from knowledge.settings import Settings
    from sentence_transformers import SentenceTransformer


@lru_cache(maxsize=4)
def load_model(model_path: str) -> "SentenceTransformer":
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    path = Path(model_path)
    if not path.exists():
        raise FileNotFoundError(
            f"embedding model folder {path} does not exist; set ADVISOR_EMBEDDING_MODEL to a "
            "local sentence-transformers folder or unset it to use the bundled MiniLM"
        )
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


class Embedder(Embeddings):
    """Thin wrapper: normalised float32 embeddings, batched, plus the LangChain interface."""

    def __init__(self, model_path: Path) -> None:
        self.model_path = Path(model_path)
        self.model_name = self.model_path.name

    @property
    def model(self) -> "SentenceTransformer":
        return load_model(str(self.model_path))

    def encode(self, texts: list[str], batch_size: int = 64) -> "np.ndarray":
        return self.model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )

    # LangChain Embeddings protocol (used by langchain-chroma).
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


@lru_cache(maxsize=4)
def _embedder_for(path: str) -> Embedder:
    return Embedder(Path(path))


def get_embedder(settings: Settings | None = None) -> Embedder:
    """The process-wide embedder for these settings (None: a fresh `Settings()` read from the
    environment, i.e. the bundled MiniLM unless ADVISOR_EMBEDDING_MODEL is set)."""
    from knowledge.settings import Settings

    settings = settings or Settings()
    return _embedder_for(str(settings.resolved_embedding_model()))


def memoised(embedder: "Embedder | CachedEmbedder") -> "CachedEmbedder":
    """`embedder` with the memo: itself when it already has one, so a vector is cached once."""
    return embedder if isinstance(embedder, CachedEmbedder) else CachedEmbedder(embedder)


class CachedEmbedder(Embeddings):
    """An Embedder that remembers vectors by text, and can keep them on disk between runs.

    The one embedding memo of the process: retrieval, the intent exemplars, the composer and
    the grounding checker all embed through the Advisor's instance, so each text is embedded
    and stored once (at warm-up, or loaded from the file a previous run saved), which takes the
    model out of the answer path. Vectors pinned at warm-up (and loaded from the file) stay for
    the life of the process whatever the corpus size; those added while answering are kept up
    to ``limit``, the least recently used going first.
    """

    def __init__(self, inner: Embedder, limit: int | None = None) -> None:
        """``limit``: the recent vectors kept (None: the `embedding_memo_limit` default)."""
        from collections import OrderedDict

        from knowledge.settings import Settings

        self.inner = inner
        self.model_name = inner.model_name
        self.limit = Settings.model_fields["embedding_memo_limit"].default if limit is None else limit
        self._pinned: dict[str, "np.ndarray"] = {}
        self._recent: OrderedDict[str, "np.ndarray"] = OrderedDict()
        self._dirty = False

    @property
    def model(self):
        return self.inner.model

    def __len__(self) -> int:
        return len(self._pinned) + len(self._recent)

    def _get(self, text: str) -> "np.ndarray | None":
        vector = self._pinned.get(text)
        if vector is None:
            vector = self._recent.get(text)
            if vector is not None:
                self._recent.move_to_end(text)
        return vector

    def encode(self, texts: list[str], batch_size: int = 64) -> "np.ndarray":
        return self._encode(texts, batch_size, pin=False)

    def pin(self, texts: list[str]) -> None:
        """Embeds ``texts`` (those not held yet) and keeps them for the life of the process."""
        for text in dict.fromkeys(texts):
            if text in self._recent:
                self._pinned[text] = self._recent.pop(text)
        self._encode(texts, 64, pin=True)

    def _encode(self, texts: list[str], batch_size: int, pin: bool) -> "np.ndarray":
        import numpy as np

        texts = list(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in self._pinned and t not in self._recent]
        if missing:
            vectors = dict(zip(missing, self.inner.encode(missing, batch_size)))
            self._dirty = True
            if pin:
                self._pinned.update(vectors)
            else:
                self._recent.update(vectors)
        out = [self._get(t) for t in texts]
        if missing and not pin:
            while len(self._recent) > self.limit:
                self._recent.popitem(last=False)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack(out)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()

    def forget(self, texts: list[str]) -> None:
        """Drops these texts' vectors (a benchmark timing first-seen text)."""
        for text in texts:
            self._pinned.pop(text, None)
            self._recent.pop(text, None)

    def load(self, path: Path) -> int:
        """Pins the vectors a previous run saved (for this model); returns how many are held."""
        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["model"]) != self.model_name:
                    return 0
                self._pinned.update(zip(data["texts"].tolist(), data["vectors"]))
        except (OSError, KeyError, ValueError):
            return 0  # a missing or damaged cache only costs time
        return len(self)

    def save(self, path: Path) -> None:
        """Saves the pinned vectors (what the next start would warm up), when they changed."""
        import numpy as np

        if not self._dirty or not self._pinned:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self._pinned)
        tmp = path.with_suffix(".tmp.npz")
        np.savez(tmp, model=self.model_name, texts=np.array(texts), vectors=np.stack([self._pinned[t] for t in texts]))
        tmp.replace(path)
        self._dirty = False


def one_thread_per_answer() -> None:
    """Serving: each answer encodes a short query on one torch thread; answers run side by side.

    Measured on the 2-core bench machine under load (bench/results.md): a query encode took
    p50 126 ms with one intra-op thread and 1,571 ms with two, because the threads wait on each
    other when the cores are busy; a server's parallelism comes from its concurrent answers.
    Bulk encodes (ingest, warm-up) run before this and keep every core.
    """
    import torch

    torch.set_num_threads(1)
