"""Contextual word alignment of a claim with its evidence unit (features for the checker's model).

Each content word of the claim, read in its sentence by the bundled MiniLM (its token vectors, not
the sentence vector), is matched with the closest word of the unit read in the unit (the idea of
BERTScore). A paraphrase's own words ("tweak" for "adjust", "flops" for "failures") sit close to
the words they replace because their contexts agree; a word the claim adds or changes ("audit
teams" given the other side's role, "not", an invented member) finds no close match. The checker's
model reads the mean, the worst match and the share of weak matches; nothing here decides a
verdict on its own.

Word pieces count when their whole word is a content word (stopwords out, negations in);
``[CLS]`` and ``[SEP]`` never count. Token vectors are cached per text (`TokenCache`), so a
course unit read once costs nothing for the next answer.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from knowledge.text import NEGATIONS, STOPWORDS

if TYPE_CHECKING:
    import numpy as np

WEAK = 0.55  # cosine under which a claim word counts as matched by no unit word
FEATURES = ("tok_mean", "tok_min", "tok_weak")


def _content_pieces(pieces: list[str]) -> list[int]:
    """Indices of the pieces whose whole word is a content word (or a negation)."""
    words: list[int | None] = []
    for i, piece in enumerate(pieces):
        if piece in ("[CLS]", "[SEP]", "[PAD]"):
            words.append(None)
        elif piece.startswith("##") and words and words[-1] is not None:
            words.append(words[-1])
        else:
            words.append(i)
    spelled: dict[int, str] = {}
    for piece, word in zip(pieces, words, strict=True):
        if word is not None:
            spelled[word] = spelled.get(word, "") + piece.removeprefix("##")
    keep = []
    for i, word in enumerate(words):
        if word is None:
            continue
        text = spelled[word]
        if any(ch.isalnum() for ch in text) and (text not in STOPWORDS or text in NEGATIONS):
            keep.append(i)
    return keep


def token_vectors(model: Any, texts: list[str]) -> list[np.ndarray]:
    """Per text, the normalised contextual vectors of its content word pieces (n × dim)."""
    import numpy as np

    if not texts:
        return []
    encoded = model.encode(
        list(texts), output_value="token_embeddings", show_progress_bar=False, batch_size=32
    )
    tokenizer = model.tokenizer
    out = []
    for text, matrix in zip(texts, encoded, strict=True):
        matrix = matrix.detach().cpu().numpy() if hasattr(matrix, "detach") else np.asarray(matrix)
        ids = tokenizer(text, truncation=True, max_length=model.max_seq_length)["input_ids"]
        keep = _content_pieces(tokenizer.convert_ids_to_tokens(ids))[: len(matrix)]
        vectors = matrix[keep].astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out.append(vectors / np.where(norms == 0, 1.0, norms))
    return out


def features(claim: np.ndarray, unit: np.ndarray) -> dict[str, float] | None:
    """tok_mean / tok_min: the mean and the worst best-match cosine of the claim's words in the
    unit; tok_weak: the share of the claim's words under `WEAK`. None when a side has no word."""
    if not len(claim) or not len(unit):
        return None
    best = (claim @ unit.T).max(axis=1)
    return {
        "tok_mean": float(best.mean()),
        "tok_min": float(best.min()),
        "tok_weak": float((best < WEAK).mean()),
    }


class TokenCache:
    """Token vectors by text, the least recently used dropped past ``limit`` texts."""

    def __init__(self, model: Any, limit: int = 2048) -> None:
        self.model = model
        self.limit = limit
        self._held: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, texts: list[str]) -> dict[str, np.ndarray]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._held]
        self._held.update(zip(missing, token_vectors(self.model, missing), strict=True))
        out = {}
        for text in texts:
            self._held.move_to_end(text)
            out[text] = self._held[text]
        while len(self._held) > self.limit:
            self._held.popitem(last=False)
        return out

    def forget(self, texts: list[str]) -> None:
        """Drops these texts' vectors (a benchmark's first-seen answer)."""
        for text in texts:
            self._held.pop(text, None)
