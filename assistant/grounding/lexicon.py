"""The grounding checker's word knowledge, read once from `lexicon.yaml`.

Turns text into *terms*: the stems of its content words after phrase rewriting ("take back" ->
"withdraw"), formula symbols read as words ("-" -> "minus") and synonym groups folded onto one
member ("cut", "lower", "reduce" -> "decrease"). Claim and evidence go through the same function,
so a paraphrase in other common words matches the course's own wording. The file also lists
opposite words, absolute words ("only", "always") and hedges ("can", "often").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.text import content_words, stem, words

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

# Spaced operators in a formula ("(A - B) / B * 100%"): read as the words an answer would use.
# A spaced en or em dash is prose punctuation ("reviewed – for example, at least annually"), not
# a minus: formulas write "-" or "\u2212".
_OPERATORS = (
    (re.compile(r"(?<=\S)\s[-\u2212]\s(?=\S)"), " minus "),
    (re.compile(r"(?<=\S)\s\+\s(?=\S)"), " plus "),
    (re.compile(r"(?<=\S)\s/\s(?=\S)"), " dividedby "),
    (re.compile(r"(?<=\S)\s[*\u00d7]\s(?=\S)"), " times "),
)


# A "+" joining words outside a formula is a slide's "and" ("momentum + proof of value"); in a
# formula (a line with "=", a spaced "/", "*" or "x", or a figure beside the "+") it is "plus".
_FORMULA = re.compile(r"=|\s[/*\u00d7\u00f7]\s|\d\s*\+|\+\s*[\d(]")
_ARITHMETIC = re.compile(r"\s[/*\u00d7\u00f7]\s|\d\s*\+|\+\s*[\d(]")
_JOINING_PLUS = re.compile(r"(?<=\S)\s\+\s(?=\S)")
# ... and so is a "+" before a clause of prose, even on a line with "=": a post's "=" says
# "means" ("Roadmap = quick wins in months + big bets over years that ..."), where a formula's
# terms are names of a few words ("cost = licences + set-up fees").
_PROSE_PLUS = re.compile(r"(?<=\S)\s\+\s(?=(?:[A-Za-z'-]+\s+){5})")
# A "plus" after a comma or opening a sentence adds a point ("..., plus strong governance"):
# it is "and", not the sum a formula's "plus" is.
_ADDING_PLUS = re.compile(r"(?:(?<=,)|^)\s*plus\b(?!\s*[\d($\u20ac\u00a3])\s*,?", re.IGNORECASE)
# "keep checking", "keeps adapting": "keep" before a verb in -ing says the doing goes on, what
# "continuous" / "ongoing" say ("keep the data" still keeps something).
_KEEP_DOING = re.compile(r"\b(?:keep|keeps|kept|keeping)\s+(?=[a-z]{3,}ing\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    canonical: dict[str, str]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    antonyms: frozenset[tuple[str, str]]
    absolutes: frozenset[str]
    hedges: frozenset[str]
    discourse: frozenset[str]
    shorthand: tuple[tuple[re.Pattern[str], str], ...] = ()
    # "the module argues": a reporting verb after the source a claim names (`attributions`)
    attribution: re.Pattern[str] | None = None
    # "In short, ...": an opening before a comma that frames the claim (`claims.framed`)
    opener: re.Pattern[str] | None = None
    # "Not quite: ...", "Yes — ...": a lead-in that answers, not asserts (`claims.is_frame`)
    replies: frozenset[str] = frozenset()
    # "Great question!", "Hope this helps.": said to the asker, no claim (`claims.is_claim`)
    courtesies: frozenset[str] = frozenset()

    def attributions(self, text: str) -> str:
        """``text`` without the reporting verb after a named source ("The module gives, as an
        example, X" -> "The module , as an example, X"): it reports, it claims nothing."""
        if not self.attribution:
            return text
        return self.attribution.sub(lambda m: m.group("source") or m.group("learner"), text)

    def term(self, word: str) -> str:
        """The canonical stem of one word."""
        s = stem(word)
        return self.canonical.get(s, s)

    def rewrite(self, text: str) -> str:
        """Phrases and formula symbols replaced by the single words the terms compare (once per
        distinct text: the same course sentences are rewritten for every answer that cites them)."""
        memo: dict[str, str] = self.__dict__.setdefault("_rewritten", {})
        done = memo.get(text)
        if done is None:
            done = text
            for pattern, replacement in self.shorthand:
                done = pattern.sub(replacement, done)
            if not _FORMULA.search(done):
                done = _JOINING_PLUS.sub(" and ", done)
            elif not _ARITHMETIC.search(done):
                done = _PROSE_PLUS.sub(" and ", done)
            done = _ADDING_PLUS.sub(" and ", done)
            for pattern, replacement in _OPERATORS:
                done = pattern.sub(replacement, done)
            done = _KEEP_DOING.sub("continuously ", done)
            for pattern, replacement in self.phrases:
                done = pattern.sub(replacement, done)
            if len(memo) >= 65536:
                memo.clear()
            memo[text] = done
        return done

    def opposite(self, a: str, b: str) -> bool:
        return (a, b) in self.antonyms


def _openers(openers: list, announcers: list) -> re.Pattern[str] | None:
    """An opening that frames the claim: a summing-up word or phrase before a comma ("In short,
    X", "Essentially, X"), or an announcement before "that" ("It's worth noting that X")."""
    def alternatives(phrases: list) -> str:
        # an apostrophe may be typed straight or curly ("it's" / "it’s")
        return "|".join(re.escape(str(p)).replace("'", "['\u2019]") for p in phrases)

    branches = []
    if openers:
        branches.append(r"(?P<lead>" + alternatives(openers) + r")\s*,\s*")
    if announcers:
        branches.append(r"(?P<announce>" + alternatives(announcers) + r")\s*(?:,\s*|\s+that\s+)")
    return re.compile(r"^\s*(?:" + "|".join(branches) + ")", re.IGNORECASE) if branches else None


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    canonical: dict[str, str] = {}
    for group in data["synonyms"]:
        head = stem(str(group[0]))
        for member in group:
            canonical.setdefault(stem(str(member)), head)
    canon = lambda w: canonical.get(stem(w), stem(w))  # noqa: E731
    phrases: list[tuple[str, str]] = [(str(k), str(v)) for k, v in data["phrases"].items()]
    phrases += [(str(k), {"-": "minus", "+": "plus", "/": "dividedby", "*": "times"}[str(v)])
                for k, v in data["formula"].items() if " " in str(k)]
    compiled = tuple(
        (re.compile(r"\b" + re.escape(k) + r"\b", re.IGNORECASE), v)
        for k, v in sorted(phrases, key=lambda kv: -len(kv[0]))
    )
    pairs: set[tuple[str, str]] = set()
    for a, b in data["antonyms"]:
        ta, tb = " ".join(canon(w) for w in str(a).split()), " ".join(
            canon(w) for w in str(b).split()
        )
        if ta != tb:
            pairs |= {(ta, tb), (tb, ta)}
    return Lexicon(
        canonical=canonical,
        phrases=compiled,
        antonyms=frozenset(pairs),
        absolutes=frozenset(str(w).lower() for w in data["absolutes"]),
        hedges=frozenset(str(w).lower() for w in data["hedges"]),
        discourse=frozenset(stem(str(w)) for w in data["discourse"]),
        shorthand=tuple(
            (re.compile(r"(?<![\w/.])" + re.escape(str(k)) + r"(?![\w/])"), f" {v} ")
            for k, v in sorted(data.get("abbreviations", {}).items(), key=lambda kv: -len(str(kv[0])))
        ),
        attribution=re.compile(
            r"(?P<source>\b(?:" + "|".join(map(re.escape, data["sources"])) + r")\b)"
            r"(?:\s+\w+ly)?\s+(?:" + "|".join(map(re.escape, data["reporting"])) + r")\b"
            r"(?:\s+(?:out|up|that|how))?"
            r"|(?P<learner>\b(?:" + "|".join(map(re.escape, data.get("learners", ["we"]))) + r")\b)"
            r"(?:\s+\w+ly)?\s+(?:" + "|".join(map(re.escape, data.get("learning", ["learned"])))
            + r")\b(?:\s+(?:that|how))?",
            re.IGNORECASE,
        ),
        opener=_openers(data.get("openers", []), data.get("announcers", [])),
        replies=frozenset(" ".join(str(r).lower().split()) for r in data.get("replies", [])),
        courtesies=frozenset(" ".join(str(c).lower().split()) for c in data.get("courtesies", [])),
    )


@lru_cache(maxsize=65536)
def terms(text: str) -> tuple[str, ...]:
    """Canonical stems of the content words of ``text``, in order (repeats kept)."""
    lex = lexicon()
    return tuple(lex.term(w) for w in content_words(lex.rewrite(text)))


@lru_cache(maxsize=65536)
def raw_words(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens of the rewritten text, stopwords included (for absolutes)."""
    return tuple(w.lower() for w in words(lexicon().rewrite(text)))


def surface(term: str, text: str) -> str:
    """The word of ``text`` that ``term`` came from (for reasons people read), else the term."""
    lex = lexicon()
    for word in words(lex.rewrite(text)):
        if lex.term(word) == term:
            return word.lower()
    return term
