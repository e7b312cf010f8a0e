"""The grounding checker: is every claim of an answer backed by the evidence it was built from?

Used on every answer of the assistant, by the eval suite and by `advisor check`. An answer is
split into sentences (Markdown-aware, see `assistant.text`); each claim sentence is attributed to
the evidence unit (a window of 1-3 adjacent sentences of one passage, or a tool result, compared
sentence by sentence: see `similarity`) that scores best on embedding similarity plus term
coverage (synonyms folded, see `lexicon`).

A claim is unsupported when a hard fact fails (a number or a name no source gives, a quote of
the user's words ("from “…”") that no message of the user contains, a claim
resting mostly on the user's own words, an answer of the wrong type for the question), or when
the learned model (`model.py`: similarity, coverage and the detectors of `detectors.py`) gives it
a probability of being wrong above the calibrated threshold. The reason names the error kind and
the evidence sentence it conflicts with.

Structural lines are not claims: headings, "Sources:"-style labels and the reference list under
them, lines ending in a colon of at most eight words, questions, and sentences with no content
word and no number. `score` is supported claims / claims, 1.0 when there are none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from assistant.grounding import detectors as det
from assistant.grounding import similarity as similar
from assistant.grounding.answer_type import answer_type_problem
from assistant.grounding.comparisons import reversed_comparison
from assistant.grounding.quotes import misquoted
from assistant.grounding.claims import (
    CLAUSES, abbreviated, claim_terms, claim_words, framed, is_claim, is_frame, name_groups,
    plain,
)
from assistant.grounding.evidence import ROOT, Prepared, Unit, prepare_evidence, root, units
from assistant.grounding.lexicon import surface, terms
from assistant.grounding.order import reversed_steps
from assistant.grounding.model import DETECTOR_KINDS, Weights, default_weights
from assistant.grounding.numbers import (
    describe_period,
    implied_numbers,
    measures,
    period_conflict,
)
from assistant.grounding.cross import CrossModel, default_cross_model
from assistant.grounding.pair import PairModel, default_pair_model
from assistant.grounding.types import (
    CheckRequest,
    ErrorKind,
    Evidence,
    GroundingReport,
    SentenceSupport,
    Thresholds,
)
from assistant.text import Segment, extract_numbers, segments

if TYPE_CHECKING:
    import numpy as np


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


# A claim that names whom a source's "they" / "she" stands for otherwise restates the source:
# at most this many of its other words are ones no source has (an added detail or two), not a
# different account with a name on it.
_RESTATED = 2

_KIND_LABEL = {
    "negation": "negation",
    "swap": "swap",
    "overclaim": "overclaim",
    "invented": "invented list member",
    "not_in_course": "not in the course",
}


@dataclass
class Analysis:
    """Everything the checker measured about one claim sentence (features for the model)."""

    text: str  # the claim judged: the sentence without what frames it (`claims.framed`)
    features: dict[str, float] = field(default_factory=dict)
    veto: tuple[ErrorKind, str] | None = None
    findings: dict[str, det.Finding] = field(default_factory=dict)
    unit_text: str = ""
    sources: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    numbers_missing: list[float] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    score: float = 0.0
    tool: bool = False  # attributed to a tool result (structured data, not prose)
    verbatim: bool = False  # the claim's words are a stretch of its evidence unit's words
    pair: tuple[str, str] | None = None  # (claim, unit text) the entailment classifier reads
    given: tuple[str, ...] = ()  # the user's own words, evidence beside the unit (alignment)
    said: str = ""  # the sentence as the answer writes it (shown in the verdict)


ALIGN_COSINE = 0.6  # MiniLM cosine of two words taken as the same meaning (features only)


def _missing_words(a: Analysis) -> tuple[tuple[str, ...], int] | None:
    """The claim's content words whose terms its unit lacks, and how many content words it has
    (without the words that frame it: "the module argues", "basically", see `claim_words`)."""
    said = list(dict.fromkeys(w.lower() for w in claim_words(a.text)))
    if not said or not a.pair:
        return None
    unit_terms = set(terms(a.pair[1]))
    unit_numbers = set(extract_numbers(a.pair[1], words=True))
    # A number word is the digit the unit writes ("three to six" = "3-6").
    gone = tuple(
        w for w in said
        if not set(terms(w)) <= unit_terms
        and not (set(extract_numbers(w, words=True)) & unit_numbers)
    )
    return (gone, len(said)) if gone else None


def _in_own_words(a: Analysis, most: int = 6) -> str:
    """The claim's words no source has, as the answer writes them ("sign-off", not the term
    "show" its synonym group folds it to), for a reason an instructor reads."""
    return ", ".join(dict.fromkeys(surface(t, a.text) for t in a.unknown[:most]))


def claim_body(sentence: str, pool: frozenset[str]) -> str:
    """What of ``sentence`` is judged: without a post's or a question's number, tags and
    pictographs, and without a lead-in that says nothing the evidence says (`claims.framed`)."""
    said = framed(sentence)
    return said.body if said.lead and is_frame(said.lead, pool) else said.text


def _unit_words(text: str) -> tuple[str, ...]:
    from assistant.text import content_words

    return tuple(dict.fromkeys(w.lower() for w in content_words(text)))


class GroundingChecker:
    """Checks answers against evidence; one instance can be reused (embeddings are cached)."""

    def __init__(
        self,
        embedder: Embedder | None = None,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
        pair_model: PairModel | None = None,
        cross_model: CrossModel | None = None,
    ) -> None:
        self._embedder = embedder
        self._pair_model = pair_model
        self._cross_model = cross_model
        self.thresholds = thresholds or Thresholds()
        self._weights = weights
        self._vectors = None
        self._tokens = None  # alignment.TokenCache, made on first use

    @property
    def weights(self) -> Weights:
        if self._weights is None:
            self._weights = default_weights()
        return self._weights

    @property
    def pair_model(self) -> PairModel | None:
        if self._pair_model is None:
            self._pair_model = default_pair_model()
        return self._pair_model

    @property
    def cross_model(self) -> CrossModel | None:
        if self._cross_model is None:
            self._cross_model = default_cross_model()
        return self._cross_model

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from knowledge.embeddings import get_embedder

            self._embedder = get_embedder()
        return self._embedder

    def embed(self, texts: list[str]) -> np.ndarray:
        """Normalised embeddings through the process's one memo (`knowledge.embeddings.memoised`):
        each distinct text is encoded once, and texts the Advisor warmed up cost nothing."""
        import numpy as np

        from knowledge.embeddings import memoised

        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        if self._vectors is None:
            self._vectors = memoised(self.embedder)
        return np.asarray(self._vectors.encode(texts), dtype=np.float32)

    def check(
        self, answer: str, evidence: list[Evidence], question: str | None = None
    ) -> GroundingReport:
        """Grade ``answer`` sentence by sentence against ``evidence``.

        ``question``, when given, enables the answer-type check only: a question asserts
        nothing, so its words are not evidence. Statements the user made ("my AOV is $48") are
        evidence: pass them as ``Evidence(kind="user")``. Pass tool results as
        ``Evidence(kind="tool", text=<JSON or text>)``.
        """
        request = CheckRequest(answer=answer, evidence=evidence, question=question)
        return self.check_many([request])[0]

    def check_many(self, requests: list[CheckRequest]) -> list[GroundingReport]:
        """`check` for many answers at once: every text is embedded in one batch."""
        return [self._report(pieces, analyses) for pieces, analyses in self.analyse_many(requests)]

    # --- measuring ----------------------------------------------------------------------

    def analyse_many(
        self, requests: list[CheckRequest]
    ) -> list[tuple[list[Segment], list[Analysis | None]]]:
        """Per answer: its segments and, for each claim segment, what the checker measured."""
        prepared = []
        for request in requests:
            pieces = segments(request.answer)
            items = [prepare_evidence(e) for e in request.evidence]
            pool = frozenset().union(*(it.terms for it in items))
            # a name written out where the source gives its acronym is the acronym
            acronyms = tuple(e.text for e in request.evidence if e.kind != "user")
            claims = [
                abbreviated(claim_body(p.text, pool), acronyms) for p in pieces if is_claim(p)
            ]
            unit_list = units(items, self.thresholds.window)
            compared = [similar.compared(request, items, unit) for unit in unit_list]
            prepared.append((request, pieces, claims, items, unit_list, compared))
        # One batch for every text that needs a vector (see `similarity` for who does not).
        self.embed(list(dict.fromkeys(
            t for _, _, c, _, u, cmp in prepared if u for t in similar.to_embed(c, cmp)
        )))
        out = []
        for request, pieces, claims, items, unit_list, compared in prepared:
            sims = None
            if claims and unit_list:
                sims = similar.similarities(claims, compared, self.embed)
            problem = (
                answer_type_problem(request.question, " ".join(claims)) if request.question else ""
            )
            user_words = [e.text for e in request.evidence if e.kind == "user"]
            analyses: list[Analysis | None] = []
            index = 0
            for piece in pieces:
                if not is_claim(piece):
                    analyses.append(None)
                    continue
                row = sims[index] if sims is not None else None
                body = claims[index]
                index += 1
                a = self._analyse(
                    body, request.evidence, items, unit_list, row, request.question or ""
                )
                a.said = piece.text
                self._question_features(a, bool(request.question))
                if quote := misquoted(piece.text, request.answer, user_words):  # before any other verdict
                    a.veto = ("misquote", f"quoted as the user's words, but no message of the user says «{quote}»")
                if request.question and a.veto is None and (
                    len(claim_terms(a.text)) <= self.thresholds.qa_max_terms
                ):  # a phrase answer; a sentence may paraphrase: the model reads the shares
                    a.veto = self._extractive(a) or (("answer_type", problem) if problem else None)
                analyses.append(a)
            out.append((pieces, analyses))
        claims = [a for _, analyses in out for a in analyses if a is not None]
        self._entailment(claims)
        self._cross(claims)
        self._alignment(claims)
        self._token_alignment(claims)
        return out

    def forget_tokens(self, texts: list[str]) -> None:
        """Drops the token vectors and joint readings of these texts (so a benchmark's answer
        is first seen)."""
        from assistant.grounding.cross import shared_cache

        if self._tokens is not None:
            self._tokens.forget(texts)
        if (model := getattr(self.embedder, "model", None)) is not None:
            shared_cache(model).forget(texts)

    def _token_alignment(self, analyses: list[Analysis]) -> None:
        """Features tok_mean / tok_min / tok_weak (`alignment`): how well the claim's words, read
        in context, are matched by its unit's words. Without a prose unit (a tool result), or an
        embedder without token vectors, they stand at what the term coverage says."""
        from assistant.grounding import alignment

        todo = [a for a in analyses if a.features and a.pair and a.veto is None and not a.verbatim]
        for a in analyses:
            if a.features:
                cov = a.features.get("coverage", 0.0)
                a.features.update(tok_mean=cov, tok_min=cov, tok_weak=1.0 - cov)
        model = getattr(self.embedder, "model", None)
        if not todo or model is None or not set(alignment.FEATURES) & set(self.weights.features):
            return  # weights that do not read them (or no token vectors): no cost
        if self._tokens is None or self._tokens.model is not model:
            self._tokens = alignment.TokenCache(model)
        import numpy as np

        vectors = self._tokens.get([t for a in todo for t in (*a.pair, *a.given)])  # type: ignore[misc]
        for a in todo:
            claim, unit = a.pair  # type: ignore[misc]
            # words the user gave are evidence too ("with an AOV of $48")
            theirs = np.vstack([vectors[unit], *(vectors[t] for t in a.given)])
            found = alignment.features(vectors[claim], theirs)
            if found:
                a.features.update(found)

    def _alignment(self, analyses: list[Analysis]) -> None:
        """Feature "aligned": the share of the claim's content words found in its unit, or close
        in meaning (MiniLM cosine of the words) to one of the unit's words, so an everyday word
        the course happens not to use ("tweak" for "adjust") weighs as what it means."""
        todo = [a for a in analyses if a.features and a.pair]
        for a in analyses:
            if a.features:
                a.features["aligned"] = a.features.get("coverage", 0.0)
        import numpy as np

        missing = [(a, m) for a in todo if (m := _missing_words(a))]
        if not missing:
            return
        unit_words = [_unit_words(a.pair[1]) for a, _ in missing]
        vocab = list(dict.fromkeys(
            w for (_, m), theirs in zip(missing, unit_words, strict=True) for w in (*m[0], *theirs)
        ))
        vectors = dict(zip(vocab, self.embed(vocab), strict=True))
        for (a, (gone, total)), theirs in zip(missing, unit_words, strict=True):
            if not theirs:
                continue
            matrix = np.stack([vectors[w] for w in theirs])
            close = sum(float((matrix @ vectors[w]).max()) >= ALIGN_COSINE for w in gone)
            a.features["aligned"] = (total - len(gone) + close) / total

    @staticmethod
    def _question_features(a: Analysis, question: bool) -> None:
        if a.features:
            q = 1.0 if question else 0.0
            a.features["question"] = q
            a.features["question_found"] = q * a.features["found"]
            a.features["question_colocated"] = q * a.features["coverage_sentence"]

    def pair_vectors(self, analyses: list[Analysis]) -> list[tuple[np.ndarray, np.ndarray] | None]:
        """(claim vector, unit vector) per analysis that has a prose unit (memoised vectors)."""
        pairs = [a.pair for a in analyses]
        texts = list(dict.fromkeys(t for p in pairs if p for t in p))
        if not texts:
            return [None] * len(analyses)
        vectors = dict(zip(texts, self.embed(texts), strict=True))
        return [(vectors[p[0]], vectors[p[1]]) if p else None for p in pairs]

    def _entailment(self, analyses: list[Analysis]) -> None:
        """The entailment classifier's logit as the feature "entail" (0 without a prose unit)."""
        model = self.pair_model
        todo = [a for a in analyses if a.features and a.veto is None and not a.verbatim]
        for a in analyses:
            if a.features:
                a.features["entail"] = 0.0
        if model is None or not todo or "entail" not in self.weights.features:
            return  # weights that do not read it: no cost
        for a, uv in zip(todo, self.pair_vectors(todo), strict=True):
            if uv is not None:
                a.features["entail"] = model.logit(*uv)

    def joint_vectors(self, analyses: list[Analysis]) -> list[np.ndarray | None]:
        """The joint reading of claim and unit (`cross.joint_vectors`) per analysis with a prose
        unit, cached by pair; None without one (or an embedder without its model)."""
        from assistant.grounding.cross import shared_cache

        model = getattr(self.embedder, "model", None)
        if model is None:
            return [None] * len(analyses)
        pairs = [a.pair for a in analyses if a.pair]
        found = iter(shared_cache(model).get(pairs))  # type: ignore[arg-type]
        return [next(found) if a.pair else None for a in analyses]

    def _cross(self, analyses: list[Analysis]) -> None:
        """The cross-reading head's logit as the feature "cross" (0 without a prose unit)."""
        todo = [a for a in analyses if a.features and a.veto is None and not a.verbatim]
        for a in analyses:
            if a.features:
                a.features["cross"] = 0.0
        if not todo or "cross" not in self.weights.features:
            return  # weights that do not read it: no cost
        model = self.cross_model
        if model is None:
            return
        for a, x in zip(todo, self.joint_vectors(todo), strict=True):
            if x is not None:
                a.features["cross"] = model.logit(x)

    def _analyse(
        self,
        sentence: str,
        evidence: list[Evidence],
        items: list[Prepared],
        unit_list: list[Unit],
        sims,
        question: str = "",
    ) -> Analysis:
        t = self.thresholds
        a = Analysis(text=sentence, numbers=extract_numbers(sentence, words=True))
        if not unit_list:
            a.veto = ("no_evidence", "no evidence to check against")
            return a
        kinds = [it.kind for it in items]
        user_terms = frozenset().union(*(it.terms for it in items if it.kind == "user"))
        tool_terms = frozenset().union(*(it.terms for it in items if it.kind == "tool"))
        source_pool = frozenset().union(*(it.terms for it in items if it.kind != "user"))
        pool_roots = frozenset().union(*(it.roots for it in items))
        tokens = claim_terms(sentence)
        # A word form the lexicon does not fold ("consistent" / "consistency") still matches
        # on its first letters.
        roots = {s: root(s) if len(s) >= ROOT else "" for s in tokens}
        # A name may be cut short where the source mentions it again ("Owen Wilson ... Wilson
        # is known for"): a word of a multi-word name counts where another word of it stands.
        groups = name_groups(sentence)
        # Words only the user wrote are taken as given; every other word must sit in ONE unit
        # (or a tool result), so a claim cannot be stitched from words scattered over a passage.
        echoed = {s for s in tokens if s in user_terms and s not in source_pool}
        extra = tool_terms | echoed

        n = len(tokens)
        best, best_score, best_cov, best_sent_cov, best_sim = 0, -1.0, 0.0, 0.0, -1.0
        w = t.similarity_weight
        for u, unit in enumerate(unit_list):
            cov = (
                sum(
                    s in unit.terms or s in extra or roots[s] in unit.roots
                    or bool(groups.get(s, frozenset()) & unit.terms)
                    for s in tokens
                ) / n
                if n
                else 1.0
            )
            sim = float(sims[u]) if sims is not None else 0.0
            score = w * sim + (1 - w) * cov
            if score > best_score:
                best, best_score, best_cov = u, score, cov
            best_sim = max(best_sim, sim)
            if unit.size == 1:
                best_sent_cov = max(best_sent_cov, cov)
        # Co-location per clause of the claim: each clause must stand in one sentence, but two
        # clauses ("A, while B") may rest on two neighbouring sentences.
        parts = [claim_terms(p) for p in CLAUSES.split(sentence)]
        parts = [p for p in parts if p] or [tokens]
        clause_cov = min(
            max(
                (
                    sum(
                        s in u.terms or s in extra or (len(s) >= ROOT and s[:ROOT] in u.roots)
                        or bool(groups.get(s, frozenset()) & u.terms)
                        for s in part
                    ) / len(part)
                    for u in unit_list
                    if u.size == 1
                ),
                default=0.0,
            )
            for part in parts
        ) if len(parts) > 1 else best_sent_cov
        unit = unit_list[best]
        primary = items[unit.item]
        a.unit_text = unit.text
        # Backed by a tool result when the tool's words (and the user's) carry the claim.
        tool_share = sum(s in tool_terms or s in echoed for s in tokens) / n if n else 0.0
        # A stretch of one evidence text, quoted as it stands (a table row's cells joined, say),
        # says what that text says, even when it is longer than a window of sentences.
        said = plain(sentence)
        a.verbatim = said in plain(unit.text) or any(
            it.kind != "user" and said in plain(it.text) for it in items
        )
        a.tool = primary.kind == "tool" or (
            bool(tool_terms) and tool_share >= t.qa_min_coverage
        )
        a.score = round(max(0.0, best_score), 4)
        unknown = [
            s for s in tokens
            if s not in source_pool and s not in user_terms and roots[s] not in pool_roots
        ]
        a.unknown = unknown
        found = (n - len(unknown)) / n if n else 1.0

        a.sources = [evidence[unit.item].id]
        token_set = set(tokens)
        for i, it in enumerate(items):
            if i != unit.item and it.kind in ("user", "tool") and (
                token_set & it.terms or set(a.numbers) & set(it.numbers)
            ):
                a.sources.append(evidence[i].id)

        # Hard facts.
        pool = list(primary.numbers) + [x for it in items if it.kind == "user" for x in it.numbers]
        # A count of the unit's list, a frequency or fraction in words ("annually" = every 12
        # months, "25%" = one in four) is a number the source gives.
        pool += list(implied_numbers(unit.text)) if primary.kind == "passage" else []
        tool_pool = [x for it in items if it.kind == "tool" for x in it.numbers]
        # A number that measures something ("in three years", "10%") is a figure of the source,
        # not the size of one of its lists.
        figures = pool if primary.kind != "passage" else (
            list(primary.numbers) + [x for it in items if it.kind == "user" for x in it.numbers]
            + list(implied_numbers(unit.text, counts=False))
        )
        measured = set(measures(sentence))
        a.numbers_missing = [
            v for v in a.numbers
            if not det.number_supported(
                v, figures if v in measured else pool, tool_pool, t.tool_rounding
            )
        ]
        period = period_conflict(sentence, unit.text) if primary.kind == "passage" else None
        sentences = (
            primary.sentences[unit.start : unit.start + unit.size]
            if primary.kind == "passage"
            else primary.sentences
        )
        nearest = max(sentences, key=lambda s: len(s.terms & token_set)).text
        names = [
            name for name in det.missing_names(
                sentence, primary.terms | user_terms | tool_terms, primary.text
            )
            # a short acronym ("AI") is the topic's shorthand, and a name the question asks
            # about is the subject it set (the answer names it back, inventing nothing): a
            # feature (an unknown term), not a verdict; a name no source gives is a verdict
            if not det.is_acronym(name) and name.lower() not in question.lower()
        ]
        if (
            len(names) == 1 and primary.kind == "passage" and det.unnamed_actor(primary.text)
            and len(set(unknown) - set(terms(names[0]))) <= _RESTATED
        ):
            # ... unless the source tells of someone only as "they" / "she" and the claim
            # otherwise restates it: the source named them before, so one name may be whom the
            # pronoun stands for (still an unknown term)
            names = []
        if a.numbers_missing:
            a.veto = (
                "number",
                f"number {det.fmt_number(a.numbers_missing[0])} not in any source "
                f"(closest source sentence: «{nearest}»)",
            )
        elif period:
            a.veto = (
                "number",
                f"period: the answer says {describe_period(period[0])} where the source says "
                f"{' or '.join(describe_period(p) for p in dict.fromkeys(period[1]))} "
                f"(source: «{nearest}»)",
            )
        elif names:
            a.veto = ("name", f"name '{names[0]}' not in the sources")
        elif n and len(echoed) / n > t.max_user_only:
            a.veto = (
                "user_words",
                f"rests on the user's words, not the sources: {', '.join(sorted(echoed)[:6])}",
            )

        # Detectors (features for the model, and the reason when it says "unsupported").
        if finding := det.negation(sentence, token_set, sentences):
            a.findings["negation"] = finding
            # the course's own words, polarity flipped (a tool's output is no sentence of prose:
            # its "cannot judge" note is not the negation of its result)
            if finding.exact and a.veto is None and primary.kind == "passage":
                a.veto = (
                    "negation", f"negation: {finding.detail} (source: «{finding.sentence}»)"
                )
        if finding := (
            det.swap(sentence, sentences) or det.names_apart(sentence, sentences)
            or det.crossed(sentence, sentences) or det.swapped_sayings(sentence, sentences)
            or reversed_comparison(sentence, sentences) or reversed_steps(sentence, sentences)
        ):
            a.findings["swap"] = finding
        over_count, finding = det.overclaim(sentence, unit.text)
        if finding:
            a.findings["overclaim"] = finding
        if finding := det.invented(sentence, source_pool | user_terms, pool_roots, primary):
            a.findings["invented"] = finding
        list_gap = det.list_gap(sentence, source_pool | user_terms, pool_roots)

        if primary.kind == "passage":
            a.pair = (sentence, unit.text)
            a.given = tuple(it.text for it in items if it.kind == "user")
        a.features = {
            "similarity": best_sim,
            "coverage": best_cov,
            "coverage_sentence": clause_cov if "passage" in kinds else best_cov,
            "found": found,
            "unknown": float(min(4, len(unknown))),
            "short": 1.0 if n <= 3 else 0.0,
            "negation": 1.0 if "negation" in a.findings else 0.0,
            "short_colocated": (1.0 if n <= 3 else 0.0)
            * (best_sent_cov if "passage" in kinds else best_cov),
            "long_similarity": (0.0 if n <= 3 else 1.0) * best_sim,
            "swap": 1.0 if "swap" in a.findings else 0.0,
            "overclaim": float(min(2, over_count)),
            "invented": 1.0 if "invented" in a.findings else 0.0,
            "list_gap": list_gap,
        }
        return a

    def _extractive(self, a: Analysis) -> tuple[ErrorKind, str] | None:
        """Question answering over a context is extractive: the answer's words must be in the
        context, and together in one sentence of it (calibrated on HaluEval QA)."""
        t = self.thresholds
        if a.features.get("found", 1.0) < t.qa_min_found:
            return ("not_in_course", f"not in the sources: {_in_own_words(a)}")
        if a.features.get("coverage_sentence", 1.0) < t.qa_min_coverage:
            return (
                "not_in_course",
                f"words not found together in one source sentence (closest: «{a.unit_text}»)",
            )
        return None

    # --- deciding -----------------------------------------------------------------------

    def verdict(self, a: Analysis) -> SentenceSupport:
        """The supported/unsupported decision and its reason for one analysed claim."""
        out = SentenceSupport(
            text=a.said or a.text,
            supported=True,
            sources=a.sources,
            evidence=a.unit_text,
            numbers=a.numbers,
            numbers_missing=a.numbers_missing,
        )
        if a.veto:
            out.supported, out.kind, out.reason, out.score = False, a.veto[0], a.veto[1], 0.0
            return out
        if a.verbatim:
            out.score = 1.0  # a quote of the evidence says what the evidence says
            return out
        if a.tool:
            # A tool result is data the answer renders, not prose it paraphrases (the model was
            # fitted on prose): its words must be there.
            t = self.thresholds
            if a.features["found"] >= t.qa_min_found and a.features["coverage"] >= (
                t.qa_min_coverage
            ):
                out.score = 1.0
                return out
        weights = self.weights
        p = weights.probability(a.features)
        out.score = round(1.0 - p, 4)
        threshold = self.thresholds.decision
        if p < (weights.threshold if threshold is None else threshold):
            return out
        out.supported = False
        pushes = weights.contributions(a.features)
        fired = [k for k in DETECTOR_KINDS if k in a.findings and pushes.get(k, 0.0) > 0]
        if fired:
            kind = max(fired, key=lambda k: pushes[k])
            finding = a.findings[kind]
            out.kind = kind  # type: ignore[assignment]
            out.reason = f"{_KIND_LABEL[kind]}: {finding.detail} (source: «{finding.sentence}»)"
        elif a.unknown:
            out.kind = "not_in_course"
            out.reason = f"not in the course: words not in any source: {_in_own_words(a)}"
        elif a.features.get("coverage_sentence", 1.0) < 1.0:
            out.kind = "not_in_course"
            out.reason = (
                "not in the course: its words are in the source but not found together in one "
                f"sentence (closest: «{a.unit_text}»)"
            )
        else:
            out.kind = "not_in_course"
            out.reason = (
                "not in the course: the closest source passage does not say this "
                f"(closest: «{a.unit_text}»)"
            )
        return out

    def _report(
        self, pieces: list[Segment], analyses: list[Analysis | None]
    ) -> GroundingReport:
        results: list[SentenceSupport] = []
        for piece, a in zip(pieces, analyses, strict=True):
            if a is None:
                results.append(
                    SentenceSupport(
                        text=piece.text,
                        supported=True,
                        claim=False,
                        score=1.0,
                        reason=f"not a claim ({piece.kind})",
                    )
                )
            else:
                results.append(self.verdict(a))
        claims = [r for r in results if r.claim]
        supported = sum(r.supported for r in claims)
        return GroundingReport(
            score=round(supported / len(claims), 4) if claims else 1.0,
            sentences=results,
            unsupported=[r.text for r in claims if not r.supported],
        )


__all__ = ["Analysis", "GroundingChecker", "claim_terms", "is_claim", "terms"]
