"""Loads the sentence-transformers model once per process, offline, from a local folder."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    import numpy as np
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


def get_embedder(settings=None) -> Embedder:
    """The process-wide embedder for these settings (default: the bundled MiniLM)."""
    from assistant.settings import get_settings

    settings = settings or get_settings()
    return _embedder_for(str(settings.resolved_embedding_model()))
