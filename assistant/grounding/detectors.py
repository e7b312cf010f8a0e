"""Targeted detectors for errors that look like support: each compares one claim with the
evidence unit it was attributed to and says what is wrong, or returns nothing.

- numbers: a number no source gives (tool numbers may be rounded or shown as a percentage);
- names: a proper noun / acronym no source gives;
- negation: the claim negates what the evidence asserts (or the reverse), or uses the opposite
  of the evidence's word ("improves" for "degrades"; pairs in lexicon.yaml);
- swap: the claim pairs words that the evidence keeps in different clauses of one sentence
  ("financial projections for CMOs" where the course says "... for CFOs, ... for CMOs");
- overclaim: an absolute word ("only", "always", "the most") the evidence does not use;
- invented: a list in the claim with a member the evidence's list does not contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.grounding.evidence import (
    ROOT,
    Prepared,
    Sentence,
    asserted_terms,
    clause_texts,
    denied_spans,
    denied_terms,
    negated_terms,
    negates,
)
from assistant.grounding.lexicon import lexicon, raw_words, surface, terms
from assistant.grounding.numbers import periods
from assistant.text import capitalised_terms, content_words, split_sentences, stem, words


@dataclass(frozen=True)
class Finding:
    """One detector's verdict: a short explanation and the evidence sentence it conflicts with."""

    detail: str
    sentence: str = ""
    # Exact: the claim has every term of its own in that one sentence and differs from it only
    # in polarity (a "not" dropped or added), so no learned judgement is needed.
    exact: bool = False


# --- numbers and names ----------------------------------------------------------------------


def number_supported(
    value: float, pool: list[float], tool_pool: list[float], rounding: bool
) -> bool:
    if any(abs(value - m) <= 1e-9 * max(1.0, abs(m)) for m in pool + tool_pool):
        return True
    if not rounding:
        return False
    for m in tool_pool:
        # Tool results are exact; answers show them rounded and fractions as percentages.
        for candidate in (m, m * 100, m / 100):
            for digits in range(4):
                if abs(round(candidate, digits) - value) <= 1e-9 * max(1.0, abs(value)):
                    return True
    return False


def fmt_number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else str(value)


def _spelled_out(acronym: str, evidence_text: str) -> bool:
    """ "IP" in the claim for "intellectual property" in the evidence."""
    letters = acronym.rstrip("s").lower()
    if not (2 <= len(letters) <= 6 and acronym[:len(letters)].isupper()):
        return False
    initials = "".join(w[0].lower() for w in content_words(evidence_text))
    return letters in initials


def is_acronym(name: str) -> bool:
    """A short all-capitals word ("AI", "KPIs", "ROI")."""
    letters = name.removesuffix("s")
    return 2 <= len(letters) <= 4 and letters.isupper() and letters.isalpha()


def _sentence_adverb(word: str) -> bool:
    """ "Honestly", "Ultimately", "Overall": a word that comments on the sentence it opens."""
    lower = word.lower()
    return word[1:].islower() and (
        len(lower) > 5 and lower.endswith("ly") or stem(lower) in lexicon().discourse
        or lower in lexicon().replies
    )


def missing_names(
    claim: str, pool: frozenset[str] | set[str], evidence_text: str = ""
) -> list[str]:
    """Proper nouns and acronyms of the claim that no evidence word gives."""
    lex = lexicon()
    found = [n.removesuffix("'s").removesuffix("\u2019s") for n in capitalised_terms(claim)]
    tokens = claim.split()
    first = tokens[0].strip("\"'*") if tokens else ""
    if found and len(tokens) > 1 and (
        found[0] == first and tokens[1].removesuffix("s").isupper()
        # "Honestly, AI ...", "Ultimately, Amazon ...": a name runs on without a comma, so a
        # sentence adverb set off by one opens the sentence, it is no part of a name ("Amazon,
        # Google and Meta" still are names)
        or found[0] == first.rstrip(",;:") != first and _sentence_adverb(found[0])
    ):
        found = found[1:]  # "Buying AI tools ...": a capital before an acronym opens a sentence
    return [
        e for e in found
        if lex.term(e) not in pool and lex.term(e) not in lex.discourse
        and not _spelled_out(e, evidence_text)
    ]


# Personal pronouns: a source that speaks of someone only this way ("they mapped their goal",
# "she stated") names them in the text before it.
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "his", "their", "hers", "theirs"})


@lru_cache(maxsize=16384)
def unnamed_actor(evidence_text: str) -> bool:
    """The evidence tells of someone by a personal pronoun and names no one itself, so a name
    in the claim may be who the pronoun stands for: the sources cannot rule it out."""
    if not _PERSONAL & set(raw_words(evidence_text)):
        return False
    # a capital letter standing for a figure ("$X") or a word in capitals ("SMART") names no one
    return not any(len(n) > 1 and not n.isupper() for n in capitalised_terms(evidence_text))


# --- negation and opposite direction --------------------------------------------------------


def _has_negation(text: str) -> bool:
    said = raw_words(text)
    return any(negates(said, i) for i in range(len(said)))


# A contrast that names both sides: what comes before it is asserted, what follows denied.
_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.IGNORECASE)


# Adverbs that negate by degree: "rarely useful" says what "often not useful" says.
_NEGATIVE_ADVERBS = frozenset({"rarely", "seldom", "hardly", "barely", "scarcely"})


def negation(claim: str, claim_terms: set[str], sentences: tuple[Sentence, ...]) -> Finding | None:
    """The claim says the opposite of the evidence sentences it rests on."""
    lex = lexicon()
    c_neg = negated_terms(claim)
    claim_negates = _has_negation(claim) or bool(set(raw_words(claim)) & _NEGATIVE_ADVERBS)
    not_yet = claim_negates and "yet" in raw_words(claim)
    e_terms = frozenset().union(*(s.terms for s in sentences)) if sentences else frozenset()
    for s in sentences:
        if not (s.terms & claim_terms):
            continue
        # Both sides negate something: a paraphrase may move the "not" ("cannot simply be set
        # up and left" for "is not a set-it-and-forget-it technology"). "Not yet" says what
        # "still" says of a process under way ("aren't mature yet" / "are still evolving").
        if claim_negates and (_has_negation(s.text) or (not_yet and "still" in raw_words(s.text))):
            # ... unless the claim sets two things against each other ("A rather than B",
            # "A instead of B") the other way round: it denies what the source asserts and
            # asserts what the source denies ("serves broad segments rather than individuals"
            # for "moving beyond broad segments to one-to-one experiences")
            denied = sorted(c_neg & (s.terms - s.negated))
            kept = sorted((s.negated - asserted_terms(s.text)) & (claim_terms - c_neg))
            if denied and kept and _CONTRAST.search(claim):
                return Finding(
                    f"the answer negates '{surface(denied[0], claim)}' and asserts "
                    f"'{surface(kept[0], claim)}', which the source denies", s.text,
                )
            continue
        same_words = claim_terms <= s.terms
        # "A instead of B" where the source ranks A over B ("A is more compelling than B"):
        # the comparison's side, not a flip (`comparisons.py` judges its direction)
        below = _compared(s.text) if _CONTRAST.search(claim) else frozenset()
        if hit := sorted(c_neg & (s.terms - s.negated - below)):
            return Finding(
                f"the answer negates '{surface(hit[0], claim)}', the source does not", s.text,
                exact=same_words,
            )
        # a word the source also asserts ("where X is not integrated ... by designing
        # integrated workflows") is no polarity the claim flips
        if hit := sorted((s.negated - asserted_terms(s.text)) & (claim_terms - c_neg)):
            return Finding(
                f"the source negates '{surface(hit[0], s.text)}', the answer does not", s.text,
                exact=same_words,
            )
    # A word a negation follows at once is reversed by it ("often not suitable" = "rarely
    # suitable"): its opposite agrees with it, on either side.
    # So is a word anywhere in the reach of the claim's own denial ("don't expect them to move
    # quickly" agrees with "they take longer").
    c_reversed = _reversed_terms(claim) | denied_terms(claim)
    for a in sorted(claim_terms - e_terms - c_neg - c_reversed):
        for s, about in zip(sentences, _about(sentences), strict=True):
            # Opposite words conflict only where the sentence is about the same things.
            if 2 * len(about & claim_terms) < len(claim_terms):
                continue
            for b in sorted(s.terms - claim_terms - s.negated - _reversed_terms(s.text)):
                if lex.opposite(a, b) or prefix_opposite(a, b):
                    return Finding(
                        f"the answer says '{surface(a, claim)}' where the source says "
                        f"'{surface(b, s.text)}'",
                        s.text,
                    )
    return None


def _compared(text: str) -> frozenset[str]:
    """Terms of the first content word after each "than" ("more compelling than *raw*
    numbers"): what a comparison ranks below."""
    said = raw_words(text)
    out: set[str] = set()
    for i, w in enumerate(said):
        if w == "than":
            for nxt in said[i + 1 : i + 4]:
                if content_words(nxt):
                    out.update(terms(nxt))
                    break
    return frozenset(out)


# A sentence opening with one of these speaks of what the sentence before it named ("Lagging
# indicators show ... . These take longer to manifest").
_ANAPHORS = frozenset({"these", "this", "they", "it", "those", "such"})


def _about(sentences: tuple[Sentence, ...]) -> list[frozenset[str]]:
    """Per sentence, the terms of what it is about: its own, and the previous sentence's where
    it opens with a pronoun that points back to it."""
    out, before = [], frozenset()
    for s in sentences:
        said = raw_words(s.text)
        out.append(s.terms | before if said and said[0] in _ANAPHORS else s.terms)
        before = s.terms
    return out


def _reversed_terms(text: str) -> frozenset[str]:
    """Terms of the words a negation cue follows at once ("often not" -> "often")."""
    said = raw_words(text)
    return frozenset(
        t for i in range(len(said) - 1) if negates(said, i + 1) for t in terms(said[i])
    )


# --- swapped pairings -----------------------------------------------------------------------

_CLAIM_CLAUSES = re.compile(r"\s*(?:;|\bwhile\b|\bwhereas\b|\bbut\b)\s*")


def swap(claim: str, sentences: tuple[Sentence, ...]) -> Finding | None:
    """The claim gives one clause's entity the attributes of a parallel clause.

    Evidence often pairs parallel things clause by clause ("projections for CFOs, ... metrics
    for CMOs"; "Leading: A, B / Lagging: C, D"). A swap takes only the entity from clause i
    and its attributes from clause j, whose own entity the claim leaves out. Parallel entities
    are names on both sides (CFOs / CMOs) or opposite words (leading / lagging).
    """
    lex = lexicon()
    all_clauses = [c for s in sentences for c in s.clauses]
    if len(all_clauses) < 2:
        return None
    for part in _CLAIM_CLAUSES.split(claim):
        q = set(terms(part))
        if len(q) < 2:
            continue
        # Words the claim itself writes as names: only those can be swapped names.
        written_as_names = {lex.term(w) for w in words(part) if w[:1].isupper()}
        for ci in all_clauses:
            from_i = (q & ci.terms)
            if not from_i:
                continue
            for cj in all_clauses:
                if cj is ci:
                    continue
                only_i = from_i - cj.terms
                only_j = (q & cj.terms) - ci.terms
                if not only_i or not only_j:
                    continue
                if len(only_i) != 1:
                    continue  # the claim takes more than one word from clause i: not a swap
                x = next(iter(only_i))
                for y in sorted(cj.terms - q - ci.terms):
                    names = x in written_as_names and x in ci.names and y in cj.names
                    if names or lex.opposite(x, y):
                        where = next(s.text for s in sentences if cj in s.clauses)
                        return Finding(
                            f"the answer pairs '{surface(x, part)}' with what the source gives "
                            f"to '{surface(y, where)}'",
                            where,
                        )
    return None


def crossed(claim: str, sentences: tuple[Sentence, ...]) -> Finding | None:
    """A clause of the claim pairs what one clause of a source sentence names with what a
    parallel clause says of another thing ("X (a), Y (b)" read as "X is b").

    Each clause of the source that pairs a thing with what is said of it ("X (a)", "X for a")
    has words of its own on both sides (words no other clause of the sentence has). A claim
    clause crosses two of them when it takes words only clause i names and words only clause j
    says, and neither what i says nor what j names, while it keeps no clause's own pairing.
    """
    for s in sentences:
        sided = [c for c in s.clauses if c.sides[0]]
        if len(sided) < 2:
            continue
        own = []
        for c in sided:
            rest = frozenset().union(*(o.own for o in s.clauses if o is not c))
            own.append((
                frozenset(t for t in c.sides[0] - rest - c.sides[1] if len(t) >= 3),
                frozenset(t for t in c.sides[1] - rest - c.sides[0] if len(t) >= 3),
            ))
        # What a clause names that no other clause names, with all it says: the pairing a claim
        # keeps ("customers get high-level transparency") even where another clause says a word
        # of it too.
        kept = [
            (c.sides[0] - frozenset().union(*(o.sides[0] for o in sided if o is not c)),
             c.sides[1])
            for c in sided
        ]
        for part in _parallel(clause_texts(claim)):
            q = set(terms(part))
            if len(q) < 3 or any(q & named and q & said for named, said in own):
                continue  # too short to pair anything, or it keeps one clause's own pairing
            # Words of its own on both sides (none of any other clause's); then, two parallel
            # clauses told apart by the words one has and the other lacks, where a third clause
            # shares a word with either ("users" and "customers" fold to one term).
            pairwise = [
                (ci, cj, ci.sides[0] - cj.own, ci.sides[1] - cj.own,
                 cj.sides[0] - ci.own, cj.sides[1] - ci.own)
                for ci in sided for cj in sided
                if cj is not ci and not any(q & named and q & said for named, said in kept)
            ]
            alone = [
                (ci, cj, ni, si, nj, sj)
                for (ni, si), ci in zip(own, sided, strict=True)
                for (nj, sj), cj in zip(own, sided, strict=True)
            ]
            for ci, cj, named_i, said_i, named_j, said_j in alone + pairwise:
                if cj.pairing != ci.pairing:
                    continue  # not parallel: "X (a)" and "Y for b"
                if not (q & named_i) or q & said_i or not said_i:
                    continue
                if q & said_j and named_j and not q & named_j:
                    x, y = sorted(q & named_i)[0], sorted(q & said_j)[0]
                    z = sorted(named_j)[0]
                    return Finding(
                        f"the answer gives '{surface(x, part)}' what the source says of "
                        f"'{surface(z, s.text)}' ('{surface(y, part)}')",
                        s.text,
                    )
    return None


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)


def _parallel(parts: list[str]) -> list[str]:
    """The claim's clauses, and the two halves of one that says two parallel things joined by
    "and" ("gave X as an example of A and Y as an example of B"): halves of three terms or more
    that repeat two of them (the frame) are read apart, so each pairing is judged alone."""
    out = list(parts)
    for part in parts:
        halves = _AND.split(part)
        if len(halves) == 2:
            a, b = (set(terms(h)) for h in halves)
            if len(a) >= 3 and len(b) >= 3 and len(a & b) >= 2:
                out += halves
                continue
        if repeated := _repeated_frame(part):
            out += repeated
    return out


# The words that open a frame a sentence may say twice ("lead with A for B and with C for D").
_FRAME_WORDS = frozenset({"with", "for", "to", "as", "in", "on", "by", "at", "from", "into"})


def _repeated_frame(part: str) -> list[str]:
    """The two halves of a clause whose "and" opens the frame again: the word after it is a
    preposition the first half has too, and each half has two prepositions of the frame in the
    same order ("with A for B and with C for D"). An "and" inside a member ("efficiencies and
    process improvements") opens no frame."""
    for m in _AND.finditer(part):
        first, second = part[: m.start()], part[m.end():]
        frame = [w.lower() for w in words(second) if w.lower() in _FRAME_WORDS]
        said = [w.lower() for w in words(first) if w.lower() in _FRAME_WORDS]
        opens = words(second)[:1]
        if (
            opens and opens[0].lower() in _FRAME_WORDS and len(frame) >= 2
            and said[-len(frame):] == frame and len(terms(first)) >= 2 and len(terms(second)) >= 2
        ):
            return [first, second]
    return []


def swapped_sayings(claim: str, sentences: tuple[Sentence, ...]) -> Finding | None:
    """Two clauses of the claim ("A is x, while B is y") whose subjects come from two source
    sentences and whose predicates come, each, from the other sentence: what the sources say
    of A and of B, exchanged. A claim that joins the two sentences keeps each clause with its
    own sentence."""
    if len(sentences) < 2:
        return None
    parts = [terms(p) for p in _CLAIM_CLAUSES.split(claim)]
    parts = [p for p in parts if len(p) >= 3]
    if len(parts) != 2:
        return None
    for a in sentences:
        for b in sentences:
            if a is b:
                continue
            only = {"a": a.terms - b.terms, "b": b.terms - a.terms}
            sides = [[k for t in p for k in only if t in only[k]] for p in parts]
            if any(not side for side in sides):
                continue
            (first1, *rest1), (first2, *rest2) = sides
            if (first1, first2) == ("a", "b") and (
                rest1.count("b") > rest1.count("a") and rest2.count("a") > rest2.count("b")
            ):
                return Finding(
                    "the answer exchanges what the source says of two things "
                    f"('{surface(parts[0][0], claim)}' and '{surface(parts[1][0], claim)}')",
                    f"{a.text} {b.text}",
                )
    return None


def names_apart(claim: str, sentences: tuple[Sentence, ...]) -> Finding | None:
    """The claim joins names that no one source sentence joins, where the sentence with one of
    them gives its predicate to another name ("A and B star. B voices C." -> "A voices C")."""
    if len(sentences) < 2:
        return None
    lex = lexicon()
    said = words(claim)
    named = {lex.term(w) for w in said[1:] if w[:1].isupper() and not is_acronym(w)}
    if len(named) < 2:
        return None
    held = [(s, frozenset().union(*(c.names for c in s.clauses)) & named) for s in sentences]
    held = [(s, h) for s, h in held if h]
    if len(held) < 2 or any(h == named for _, h in held):
        return None
    passage_names = frozenset().union(*(c.names for x in sentences for c in x.clauses))
    for s, h in held:
        for s2, h2 in held:
            # s2 says something of another name (its subject); neither sentence names the other's.
            others = (s2.terms & passage_names) - named
            if s2 is s or h & s2.terms or h2 & s.terms or (h | h2) != named or not others:
                continue
            return Finding(
                f"the answer gives '{surface(sorted(h)[0], claim)}' what the source says of "
                f"'{surface(sorted(others)[0], s2.text)}'",
                s2.text,
            )
    return None


# --- overclaims -----------------------------------------------------------------------------


# "any" after these is the "any" of a condition or a negation ("before any account is blocked",
# "without any delay"), which claims nothing about all cases: no absolute.
_NON_ASSERTIVE = frozenset(
    {"before", "without", "if", "whether", "unless", "not", "no", "never", "prior", "hardly"}
)


# Absolutes a denial turns into a weaker claim ("not always", "not every", "numbers won't
# tell you everything").
_DENIABLE = frozenset({
    "always", "every", "all", "any", "ever", "entirely", "completely", "necessarily",
    "everything", "everyone", "everywhere",
})
# A clause these open sets a condition ("before you launch any project", "if any figure is
# missing"): an "any" in it claims nothing about all cases.
_CONDITIONS = frozenset({"before", "if", "unless", "whether", "without", "until", "prior"})
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2013\u2014]|\s-\s")
_LEAVE = frozenset({"leave", "leaves", "left", "leaving", "let"})
_NOTS = frozenset({"not", "no", "never", "cannot", "nor"})  # a denial itself, not "avoid" a thing


# "all" in these set phrases claims nothing about all cases ("above all" = especially).
_ALL_IDIOMS = frozenset({"above", "after", "at"})


def _conditional(text: str) -> frozenset[int]:
    """Positions in ``raw_words(text)`` of the words of a clause that opens with a condition
    ("Before you kick off *any* project, ...")."""
    out: set[int] = set()
    start = 0
    for piece in _CLAUSE_BREAK.split(lexicon().rewrite(text)):
        said = [w.lower() for w in words(piece)]
        if said and said[0] in _CONDITIONS:
            out.update(range(start, start + len(said)))
        start += len(said)
    return frozenset(out)


def _absolute_words(
    words: tuple[str, ...], absolutes, summing: frozenset[int] = frozenset(),
    denied: frozenset[int] = frozenset(), conditional: frozenset[int] = frozenset(),
) -> list[str]:
    def idiom(i: int, w: str) -> bool:
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        # "not always", "can't always", "not every", "isn't all", "won't tell you everything":
        # a denied absolute says less than the plain statement ("some are not"), never more
        if w in _DENIABLE and (i in denied or any(
            words[j] in _NOTS or words[j].endswith("n't") for j in range(max(0, i - 2), i)
        )):
            return True
        if w == "any":  # the "any" of a condition or a negation
            return i in conditional or bool(_NON_ASSERTIVE & set(words[max(0, i - 3) : i]))
        if w in ("every", "each"):  # a frequency: "every month", "every three months"
            return bool(periods(" ".join(words[i : i + 4])))
        if w == "all":  # "above all", "after all", "all in all"
            return before in _ALL_IDIOMS or (after == "in" and words[i + 2 : i + 3] == ("all",)) or (
                before == "in" and words[max(0, i - 2) : i - 1] == ("all",)
            ) or i in summing
        if w in ("only", "just", "solely", "merely"):  # "not only A but B" adds, never limits
            return before in ("not", "no")
        # "left alone", "leave it alone": untouched, not "solely"
        return w == "alone" and bool(_LEAVE & set(words[max(0, i - 3) : i]))

    return [w for i, w in enumerate(words) if w in absolutes and not idiom(i, w)]


# "A, B and C all count": an "all" after the last member of an enumeration sums up the members
# just named; it claims nothing of the members the list leaves out. After "and" / "or" it opens
# a member of its own ("A, B and all other costs"): still an absolute.
_SUMMING_ALL = re.compile(r",[^,;:.!?]*\b(?:and|or)\s+[^,;:.!?]*?\w\s+all\b", re.IGNORECASE)


def _summing_all(claim: str, said: tuple[str, ...]) -> frozenset[int]:
    """Positions in ``said`` (the claim's words) of an "all" that sums up an enumeration."""
    ends = [m.end() for m in _SUMMING_ALL.finditer(claim)]
    if not ends:
        return frozenset()
    alls = [i for i, w in enumerate(said) if w == "all"]
    # the n-th "all" of the text is the n-th "all" of its words
    at = [m.end() for m in re.finditer(r"\ball\b", claim, re.IGNORECASE)]
    return frozenset(
        i for i, end in zip(alls, at, strict=False)
        if end in ends and said[i - 1] not in ("and", "or") if i
    )


# Absolute negations: a plain negation of the source ("vanity metrics don't translate to
# results") is already general, so "never" / "none" says no more; a hedged one ("often don't")
# is not.
_ABSOLUTE_NEGATIONS = frozenset({"never", "none", "nothing"})


# How near a hedge must stand to a negation to soften it ("often don't", "may not", "do not
# usually"): a hedge elsewhere in the sentence qualifies another verb ("by failing to prepare
# the organisation ... can lead to resistance" still plainly says it was not prepared).
_HEDGE_BEFORE, _HEDGE_AFTER = 3, 2


def _plainly_negates(text: str, hedges: frozenset[str]) -> bool:
    """Some sentence of ``text`` negates without a hedge ("don't translate", not "often don't")."""
    for sentence in split_sentences(text):
        said = raw_words(sentence)
        for i in range(len(said)):
            near = set(said[max(0, i - _HEDGE_BEFORE) : i + 1 + _HEDGE_AFTER])
            if negates(said, i) and not (near & hedges):
                return True
    return False


# A word joined to others by hyphens ("one-size-fits-all", "all-in-one", "always-on") names a
# kind of thing; the absolute inside it quantifies nothing.
_COMPOUND = re.compile(r"\b\w+(?:-\w+)+\b")
_QUANTIFIERS = frozenset({"all", "every", "any", "always", "never", "nothing", "ever", "single"})


def _without_compounds(text: str) -> str:
    return _COMPOUND.sub(
        lambda m: " " if _QUANTIFIERS & set(m.group(0).lower().split("-")) else m.group(0), text
    )


def overclaim(claim: str, evidence_text: str) -> tuple[int, Finding | None]:
    """Absolute words in the claim that the evidence does not use (synonyms folded)."""
    lex = lexicon()
    evidence_words = {lex.term(w) for w in raw_words(evidence_text)}
    plain_claim = _without_compounds(claim)
    said = raw_words(plain_claim)
    spans, _, denied = denied_spans(plain_claim)
    conditional = _conditional(plain_claim)
    if spans != said:  # the same words, read twice; positions only where they agree
        denied = conditional = frozenset()
    extra = [
        w for w in dict.fromkeys(
            _absolute_words(
                said, lex.absolutes, _summing_all(plain_claim, said), denied, conditional
            )
        )
        if lex.term(w) not in evidence_words
    ]
    if set(extra) & _ABSOLUTE_NEGATIONS and _plainly_negates(evidence_text, lex.hedges):
        extra = [w for w in extra if w not in _ABSOLUTE_NEGATIONS]
    if not extra:
        return 0, None
    return len(extra), Finding(f"'{extra[0]}' is stronger than the source", evidence_text)


# --- invented list members ------------------------------------------------------------------

# "&" joins the last member as "and" does ("A, B & C": a post's or a slide's shorthand).
_LIST_END = re.compile(r",?\s+(?:and|or|&)\s+", re.IGNORECASE)
_LIST_OPENS = re.compile(
    r"(?:alongside|along\s+with|together\s+with|as\s+well\s+as|besides|including|such\s+as"
    r"|namely)\s+",
    re.IGNORECASE,
)


def list_items(claim: str) -> list[str]:
    """The members of the claim's enumeration ("A, B, C and D"), or [] when it has none.

    Members are short (at most four words); the first one is the end of the text before the
    first comma ("Threats include *A*, B and C").
    """
    body = claim.rstrip(".!")
    parts = [p.strip() for p in body.split(",")]
    # "X, alongside A, B and C": the list is what the word after the comma introduces; X is
    # the sentence's subject, no member of it.
    for k in range(1, len(parts)):
        if opener := _LIST_OPENS.match(parts[k]):
            members = [parts[k][opener.end():]] + parts[k + 1 :]
            if len(members) >= 2 or len(_LIST_END.split(members[0])) >= 2:
                return _members(members[:-1] + _LIST_END.split(members[-1]))
            break
    if len(parts) < 2:
        return []
    last = _LIST_END.split(parts[-1])
    if len(last) < 2 and len(parts) < 3:
        return []
    items = [" ".join(parts[0].split()[-2:])] + parts[1:-1] + last
    if any(len(i.split()) > 6 or _clause_opening(i) for i in items[1:]):
        return []
    return [i for i in items if i]


# A member is a noun phrase: a stretch between commas that opens with a relative pronoun, a
# conjunction or a modal verb is a clause of the sentence ("..., which is often required").
_CLAUSE_OPENERS = frozenset({
    "which", "who", "whom", "whose", "where", "when", "because", "since", "although", "though",
    "while", "whereas", "unless", "so", "shall", "should", "must", "will", "would", "can",
    "could", "may", "might", "is", "are", "was", "were",
})


def _clause_opening(item: str) -> bool:
    said = words(item)
    return bool(said) and said[0].lower() in _CLAUSE_OPENERS


def _members(items: list[str]) -> list[str]:
    items = [i.strip() for i in items if i.strip()]
    return [] if len(items) < 2 or any(len(i.split()) > 6 for i in items) else items


def list_gap(claim: str, pool: frozenset[str] | set[str], roots: frozenset[str]) -> float:
    """The largest share of one list member's terms that no evidence word gives, when the other
    members are backed: a list with an added member ("..., and lower licensing costs")."""
    items = [terms(i) for i in list_items(claim)]
    items = [i for i in items if i]
    if len(items) < 3:
        return 0.0
    gaps = [sum(not (t in pool or t[:ROOT] in roots) for t in i) / len(i) for i in items]
    # The first member carries the lead-in's last word ("moves *revenue*"): judged by its last term.
    gaps[0] = float(not (items[0][-1] in pool or items[0][-1][:ROOT] in roots))
    return max(gaps) if sum(g < 0.5 for g in gaps) >= 2 else 0.0


_NEGATIVE_PREFIXES = ("ir", "un", "in", "im", "il", "non", "dis")


def prefix_opposite(a: str, b: str) -> bool:
    """ "replaceable" / "irreplaceable": one word is the other with a negative prefix."""
    for x, y in ((a, b), (b, a)):
        for prefix in _NEGATIVE_PREFIXES:
            if x.startswith(prefix) and len(y) >= 5 and x[len(prefix):] == y:
                return True
    return False


def invented(
    claim: str, pool: frozenset[str] | set[str], roots: frozenset[str], evidence: Prepared | None
) -> Finding | None:
    """A member of the claim's list that no evidence word backs, while the others are backed."""
    items = list_items(claim)
    if len(items) < 3:
        return None

    def backed(item: str) -> bool:
        # A member is the source's when most of its terms are: one shared word ("data") does not
        # make "data anonymization at the point of capture" a member of a list without it.
        said = terms(item)
        return 2 * sum(t in pool or t[:ROOT] in roots for t in said) >= len(said) > 0

    found = [backed(i) for i in items]
    missing = [i for i, ok in zip(items, found, strict=True) if not ok and terms(i)]
    if missing and sum(found) >= 2:
        return Finding(f"'{missing[0]}' is not in the source's list",
                       evidence.text if evidence else "")
    return None


__all__ = [
    "Finding",
    "fmt_number",
    "invented",
    "list_items",
    "missing_names",
    "negation",
    "number_supported",
    "overclaim",
    "swap",
    "crossed",
    "swapped_sayings",
]
