"""A stand-in embedder for composer tests: similar words, similar vectors, no model to load."""

import hashlib

import numpy as np

from knowledge.text import content_words, stem


def embed(texts: list[str]) -> np.ndarray:
    """Bag of stemmed words hashed into 64 dimensions, normalised: similar words, similar vectors."""
    out = np.zeros((len(texts), 64))
    for row, text in enumerate(texts):
        for word in content_words(text):
            out[row, int(hashlib.md5(stem(word).encode()).hexdigest(), 16) % 64] += 1.0
        out[row] /= np.linalg.norm(out[row]) or 1.0
    return out
