"""Course retrieval: dense (Chroma) search fused with BM25 and two structure signals.

Fusion is reciprocal-rank fusion (RRF, k = ``Settings.rrf_k``) of up to four rankings of the same chunks:
dense similarity of the chunk, BM25 over section heading + text, the best-matching *sentence* of
the chunk (a sentence-level index beside the chunk index: a learner's words often match one
sentence of a long passage far better than the passage as a whole), and the similarity of the
chunk's section heading to the question. Each signal was measured on the users'-words
development set (evals/dev/users_words.yaml, tune half; see ``SIGNALS``). Sentence and heading
vectors are computed once per process from the index (the Advisor's warm-up does it), so a
question costs one query embedding and a few matrix products.
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

# Rankings fused by default. Recall@5 on the users'-words tune half (evals/devsets.py --recall):
# dense+bm25 0.857; measured additions are listed in the README's retrieval section.
SIGNALS = ("dense", "bm25", "sentences")
# A heading ranking ties every chunk of a section, so it joins the fusion at a lower weight.
HEADING_WEIGHT = 0.5


# An acronym's plural ("CFOs", "KPIs"): one term with the acronym a question writes alone.
ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,6})s\b")


def terms(text: str) -> list[str]:
    """BM25 terms of ``text``: its tokens, an acronym's plural read as the acronym."""
    return tokenize(ACRONYM_PLURAL.sub(r"\1", text))


def make_quote(text: str, limit: int) -> str:
    """The chunk's opening, at most ``limit`` characters, cut at a sentence or word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "))
    if end > limit // 2:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")] + " …"


def _citation(chunk_id: str, text: str, meta: dict, score: float, quote_chars: int) -> Citation:
    return Citation(
        chunk_id=chunk_id,
        lesson=str(meta.get("lesson", "")),
        lesson_title=str(meta.get("lesson_title", "")),
        section=str(meta.get("section", "")),
        quote=make_quote(text, quote_chars),
        source=str(meta.get("source", "")),
        score=round(float(score), 4),
    )


class CourseRetriever:
    """Top-k course passages for a query, with citation objects.

    The course's own Suggested/Alternative Questions are excluded by default: they ask, they
    do not answer, and they would otherwise win lexical matches against learners' questions.
    """

    def __init__(
        self,
        settings: "Settings",
        index: "CourseIndex | None" = None,
        signals: Iterable[str] = SIGNALS,
        feedback_terms: int = 0,
        heading_weight: float = HEADING_WEIGHT,
    ) -> None:
        """``signals``: the rankings to fuse; ``feedback_terms``: how many terms of the top
        passages to add to the BM25 query (pseudo-relevance feedback; 0 = off)."""
        from knowledge.index import CourseIndex

        self.settings = settings
        self.index = index or CourseIndex(settings)
        self.signals = tuple(signals)
        self.feedback_terms = feedback_terms
        self.heading_weight = heading_weight

    @cached_property
    def _lexical(self):
        from rank_bm25 import BM25Okapi

        chunks = self.index.all_chunks()
        corpus = [terms(f"{meta.get('section', '')} {text}") for _, text, meta in chunks]
        return chunks, BM25Okapi(corpus) if chunks else None

    @cached_property
    def _postings(self) -> dict:
        """BM25Okapi's statistics as an inverted index: term -> (chunk positions, term counts),
        so a query's scores cost its terms' postings, not a pass over every chunk per term."""
        import numpy as np

        _, bm25 = self._lexical
        rows: dict[str, tuple[list[int], list[int]]] = {}
        for position, freqs in enumerate(bm25.doc_freqs):
            for term, count in freqs.items():
                where, counts = rows.setdefault(term, ([], []))
                where.append(position)
                counts.append(count)
        return {t: (np.asarray(w, dtype=np.int64), np.asarray(c, dtype=np.float64)) for t, (w, c) in rows.items()}

    @cached_property
    def _bm25_norm(self):
        """BM25Okapi's length normalisation of each chunk, k1·(1 − b + b·len/avgdl)."""
        import numpy as np

        _, bm25 = self._lexical
        doc_len = np.asarray(bm25.doc_len, dtype=np.float64)
        return bm25.k1 * (1 - bm25.b + bm25.b * doc_len / bm25.avgdl)

    @cached_property
    def _kinds(self) -> list[str]:
        return [str(meta.get("kind")) for _, _, meta in self._lexical[0]]

    def _allowed(self, excluded: set[str]):
        """Boolean mask over chunk positions: the chunks whose kind is not excluded."""
        import numpy as np

        masks = self.__dict__.setdefault("_masks", {})
        key = frozenset(excluded)
        if key not in masks:
            masks[key] = np.fromiter((kind not in excluded for kind in self._kinds), dtype=bool,
                                     count=len(self._kinds))
        return masks[key]

    def _bm25_scores(self, tokens: list[str]):
        """`BM25Okapi.get_scores(tokens)`, computed from the postings (same formula, same sums)."""
        import numpy as np

        _, bm25 = self._lexical
        scores = np.zeros(bm25.corpus_size)
        norm = self._bm25_norm
        for term in tokens:
            posting = self._postings.get(term)
            if posting is None:
                continue
            where, tf = posting
            scores[where] += (bm25.idf.get(term) or 0) * (tf * (bm25.k1 + 1) / (tf + norm[where]))
        return scores

    @cached_property
    def chunk_map(self) -> dict[str, tuple[str, dict]]:
        return {cid: (text, meta) for cid, text, meta in self._lexical[0]}

    @cached_property
    def course(self):
        """The course this index serves (knowledge.course.Course): outline, metric tables, sidecar."""
        from knowledge.course import build_indexed

        return build_indexed(self._lexical[0])

    def refresh(self) -> None:
        """Forgets the lexical index and passage texts; the next search reloads them."""
        for name in ("_lexical", "chunk_map", "course", "_postings", "_bm25_norm", "_kinds", "_sentence_index",
                     "_heading_index", "_masks"):
            self.__dict__.pop(name, None)

    def embed(self, query: str) -> list[float]:
        return self.index.embedder.encode([query])[0].tolist()

    def _embed_course(self, texts: list[str]):
        """Course texts, embedded once: pinned in the process memo (and so saved with the
        warm-up's vectors for the next start) when the embedder has one."""
        from knowledge.embeddings import CachedEmbedder

        embedder = self.index.embedder
        if isinstance(embedder, CachedEmbedder):
            embedder.pin(texts)
        return embedder.encode(texts)

    @cached_property
    def _sentence_index(self):
        """(chunk positions, matrix): one row per sentence (or list item, or table row) of each
        chunk, with the position of its chunk in the chunk list."""
        import numpy as np

        from knowledge.chunking import retrieval_units

        owners, texts = [], []
        for position, (_, text, meta) in enumerate(self._lexical[0]):
            for unit in retrieval_units(text, str(meta.get("kind", "prose"))):
                owners.append(position)
                texts.append(unit)
        matrix = self._embed_course(texts) if texts else np.zeros((0, 384), dtype=np.float32)
        return np.asarray(owners, dtype=np.int64), np.asarray(matrix)

    @cached_property
    def _heading_index(self):
        """(chunk positions, matrix): each chunk's lesson title + section heading, embedded once per
        heading."""
        import numpy as np

        chunks = self._lexical[0]
        headings = [f"{meta.get('lesson_title', '')}: {meta.get('section', '')}" for _, _, meta in chunks]
        distinct = list(dict.fromkeys(headings))
        vectors = self._embed_course(distinct) if distinct else np.zeros((0, 384), dtype=np.float32)
        row = {heading: i for i, heading in enumerate(distinct)}
        matrix = np.asarray(vectors)[[row[h] for h in headings]] if headings else vectors
        return np.arange(len(chunks), dtype=np.int64), matrix

    def prepare(self) -> None:
        """Builds the lexical, sentence and heading indexes now rather than on the first question."""
        self._lexical  # noqa: B018
        if "sentences" in self.signals:
            self._sentence_index  # noqa: B018
        if "headings" in self.signals:
            self._heading_index  # noqa: B018

    def _vector_ranking(self, owners, matrix, query_vector, pool: int, excluded: set[str]) -> list[str]:
        """Chunks by their best-matching row (sentence or heading), best first, ties in chunk
        order. ``owners``: the chunk position of each row of ``matrix``."""
        import numpy as np

        if not len(owners):
            return []
        chunks = self._lexical[0]
        scores = matrix @ np.asarray(query_vector, dtype=np.float32)
        best = np.full(len(chunks), -np.inf)
        np.maximum.at(best, owners, scores.astype(np.float64))
        candidates = np.flatnonzero(np.isfinite(best) & self._allowed(excluded))
        order = candidates[np.argsort(-best[candidates], kind="stable")]
        return [chunks[i][0] for i in order[:pool]]

    def _feedback_query(self, query: str, top: list[str]) -> str:
        """The query plus the most distinctive terms of the top passages (pseudo-relevance feedback)."""
        from collections import Counter

        _, bm25 = self._lexical
        asked = set(terms(query))
        counts: Counter[str] = Counter()
        for cid in top:
            text, meta = self.chunk_map.get(cid, ("", {}))
            counts.update(set(terms(f"{meta.get('section', '')} {text}")))
        weighted = {t: n * bm25.idf.get(t, 0.0) for t, n in counts.items() if t not in asked and len(t) > 3}
        extra = sorted(weighted, key=lambda t: -weighted[t])[: self.feedback_terms]
        return f"{query} {' '.join(extra)}"

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
        vector = vector or self.embed(query)
        dense = self.index.query(vector, pool)
        dense = [hit for hit in dense if hit[2].get("kind") not in excluded]
        if any(cid not in self.chunk_map for cid, *_ in dense):
            self.refresh()  # another process ingested into the shared index: reload the rest
        similarity = {cid: score for cid, _, _, score in dense}
        if mode == "dense":
            ranked = [cid for cid, *_ in dense]
        else:
            rankings = [([cid for cid, *_ in dense], 1.0)] if "dense" in self.signals else []
            if "sentences" in self.signals:
                rankings.append((self._vector_ranking(*self._sentence_index, vector, pool, excluded), 1.0))
            if "headings" in self.signals:
                rankings.append((self._vector_ranking(*self._heading_index, vector, pool, excluded), self.heading_weight))
            lexical = self._bm25_ranking(query, pool, excluded) if "bm25" in self.signals else []
            if lexical and self.feedback_terms:
                first = self._fuse(*rankings, (lexical, 1.0))[:3]
                lexical = self._bm25_ranking(self._feedback_query(query, first), pool, excluded)
            ranked = self._fuse(*rankings, (lexical, 1.0))
        passages = []
        # A passage the dense pool missed is scored on its indexed vector too (one lookup).
        stored = self.index.stored_vectors([cid for cid in ranked[:k] if cid not in similarity])
        for cid in ranked[:k]:
            text, meta = self.chunk_map.get(cid, ("", {}))
            if not text:
                continue
            score = similarity.get(cid)
            if score is None:
                score = self._similarity(query, text, vector, stored.get(cid))
            passages.append(
                Passage(text=text, kind=str(meta.get("kind", "prose")),
                        citation=_citation(cid, text, meta, score, self.settings.quote_chars),
                        start=int(meta.get("start", 0) or 0))
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
        tokens = terms(query)
        if bm25 is None or not tokens:
            return []
        import numpy as np

        scores = self._bm25_scores(tokens)
        candidates = np.flatnonzero((scores > 0) & self._allowed(excluded))
        order = candidates[np.argsort(-scores[candidates], kind="stable")]
        return [chunks[i][0] for i in order[:pool]]

    def _fuse(self, *rankings: tuple[list[str], float]) -> list[str]:
        """Weighted reciprocal-rank fusion of (ranking, weight) pairs."""
        fused: dict[str, float] = {}
        k = self.settings.rrf_k
        for ranking, weight in rankings:
            for rank, cid in enumerate(ranking):
                fused[cid] = fused.get(cid, 0.0) + weight / (k + rank + 1)
        return sorted(fused, key=lambda cid: -fused[cid])

    def _similarity(self, query: str, text: str, vector: list[float] | None,
                    stored: list[float] | None = None) -> float:
        import numpy as np

        q = np.asarray(vector or self.embed(query))
        d = np.asarray(stored) if stored is not None else self.index.embedder.encode([text])[0]
        return float(np.dot(q, d))
