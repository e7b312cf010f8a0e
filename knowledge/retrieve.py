"""Course retrieval: dense (Chroma) search fused with BM25, returning passages with citations.

Fusion is reciprocal-rank fusion (RRF, k=60) of the dense and BM25 rankings. Whether it helps is
measured on the labelled question set in ``tests/data/retrieval_labels.yaml`` (see README).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

from knowledge.text import tokenize
from knowledge.types import Citation, Passage

if TYPE_CHECKING:
    from knowledge.settings import Settings
    from knowledge.index import CourseIndex

RRF_K = 60
QUOTE_CHARS = 320


def make_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The chunk's opening, cut at a sentence or word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "))
    if end > limit // 2:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")] + " …"


def _citation(chunk_id: str, text: str, meta: dict, score: float) -> Citation:
    return Citation(
        chunk_id=chunk_id,
        lesson=str(meta.get("lesson", "")),
        lesson_title=str(meta.get("lesson_title", "")),
        section=str(meta.get("section", "")),
        quote=make_quote(text),
        source=str(meta.get("source", "")),
        score=round(float(score), 4),
    )


class CourseRetriever:
    """Top-k course passages for a query, with citation objects.

    The course's own Suggested/Alternative Questions are excluded by default: they ask, they
    do not answer, and they would otherwise win lexical matches against learners' questions.
    """

    def __init__(self, settings: "Settings", index: "CourseIndex | None" = None) -> None:
        from knowledge.index import CourseIndex

        self.settings = settings
        self.index = index or CourseIndex(settings)

    @cached_property
    def _lexical(self):
        from rank_bm25 import BM25Okapi

        chunks = self.index.all_chunks()
        corpus = [tokenize(f"{meta.get('section', '')} {text}") for _, text, meta in chunks]
        return chunks, BM25Okapi(corpus) if chunks else None

    @cached_property
    def chunk_map(self) -> dict[str, tuple[str, dict]]:
        return {cid: (text, meta) for cid, text, meta in self._lexical[0]}

    def refresh(self) -> None:
        """Forgets the lexical index and passage texts; the next search reloads them."""
        self.__dict__.pop("_lexical", None)
        self.__dict__.pop("chunk_map", None)

    def embed(self, query: str) -> list[float]:
        return self.index.embedder.encode([query])[0].tolist()

    def search(
        self,
        query: str,
        k: int | None = None,
        mode: str | None = None,
        exclude_kinds: Iterable[str] = ("question",),
        vector: list[float] | None = None,
    ) -> list[Passage]:
        k = k or self.settings.top_k
        mode = mode or self.settings.retrieval
        excluded = set(exclude_kinds)
        pool = max(4 * k, 20)
        dense = self.index.query(vector or self.embed(query), pool)
        dense = [hit for hit in dense if hit[2].get("kind") not in excluded]
        if any(cid not in self.chunk_map for cid, *_ in dense):
            self.refresh()  # another process ingested into the shared index: reload the rest
        similarity = {cid: score for cid, _, _, score in dense}
        if mode == "dense":
            ranked = [cid for cid, *_ in dense]
        else:
            ranked = self._fuse([cid for cid, *_ in dense], self._bm25_ranking(query, pool, excluded))
        passages = []
        for cid in ranked[:k]:
            text, meta = self.chunk_map.get(cid, ("", {}))
            if not text:
                continue
            score = similarity.get(cid)
            if score is None:
                score = self._similarity(query, text, vector)
            passages.append(
                Passage(text=text, kind=str(meta.get("kind", "prose")), citation=_citation(cid, text, meta, score))
            )
        return passages

    def course_terms(self, text: str, min_idf: float = 1.5) -> list[str]:
        """Distinctive course vocabulary in ``text``: acronyms (STRIVE, HITL) or long words
        (≥ 7 letters, so "good" or "best" never count) that occur in the course (BM25 idf ≥ min_idf)."""
        _, bm25 = self._lexical
        if bm25 is None:
            return []
        acronyms = {word.lower() for word in re.findall(r"\b[A-Z]{2,}s?\b", text)}
        return [
            t for t in tokenize(text)
            if (t in acronyms or len(t) >= 7) and bm25.idf.get(t, 0.0) >= min_idf
        ]

    def _bm25_ranking(self, query: str, pool: int, excluded: set[str]) -> list[str]:
        chunks, bm25 = self._lexical
        tokens = tokenize(query)
        if bm25 is None or not tokens:
            return []
        scores = bm25.get_scores(tokens)
        order = sorted(range(len(chunks)), key=lambda i: -scores[i])
        ranked = [chunks[i][0] for i in order if scores[i] > 0 and chunks[i][2].get("kind") not in excluded]
        return ranked[:pool]

    @staticmethod
    def _fuse(*rankings: list[str]) -> list[str]:
        fused: dict[str, float] = {}
        for ranking in rankings:
            for rank, cid in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        return sorted(fused, key=lambda cid: -fused[cid])

    def _similarity(self, query: str, text: str, vector: list[float] | None) -> float:
        import numpy as np

        q = np.asarray(vector or self.embed(query))
        d = self.index.embedder.encode([text])[0]
        return float(np.dot(q, d))
