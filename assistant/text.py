"""Plain-text helpers for grounding: Markdown stripping, sentence splitting, numbers, words.

Everything here is pure and dependency-free so the grounding checker, the eval suite and the
tests can share one definition of "a sentence", "a number" and "a content word".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

SegmentKind = Literal["text", "heading", "bullet", "table", "reference", "label"]


@dataclass(frozen=True)
class Segment:
    """One sentence-sized piece of an answer, with the Markdown construct it came from."""

    text: str
    kind: SegmentKind


# --- Markdown -------------------------------------------------------------------------------

# "[1]", "[2, 3]", "[1-3]", "[^4]", "【1】" — citation markers, never content.
CITATION_RE = re.compile(r"\s*(?:\[\^?\d+(?:\s*[,;\u2013\u2014-]\s*\^?\d+)*\]|\u3010\d+\u3011)")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_CODE_RE = re.compile(r"`([^`]*)`")
_EMPH_RE = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_HTML_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$")
_BULLET_RE = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+(.*)$")
_QUOTE_RE = re.compile(r"^\s*>\s?(.*)$")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE_RE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
# A line that is only a source reference: "[1] Lesson 6.2 — Calculating ROI", "Source: ...".
_REFERENCE_RE = re.compile(
    r"^\s*(?:\[\^?\d+\]:?|\^\d+|(?:sources?|references?|citations?)\s*:)", re.IGNORECASE
)
_SOURCES_HEADING_RE = re.compile(
    r"^(sources?|references?|citations?|further reading)\s*:?$", re.IGNORECASE
)


def strip_markdown(text: str) -> str:
    """Inline Markdown removed: emphasis, code ticks, links (their text kept), citation markers."""
    text = CITATION_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _CODE_RE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***x***
        text = _EMPH_RE.sub(r"\2", text)
    text = _HTML_RE.sub("", text)
    return re.sub(r"[ \t]+", " ", text).strip()


# --- Sentences ------------------------------------------------------------------------------

# Words after which a period does not end a sentence.
ABBREVIATIONS = {
    "e.g",
    "i.e",
    "vs",
    "etc",
    "cf",
    "approx",
    "ca",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "no",
    "nos",
    "fig",
    "figs",
    "vol",
    "pp",
    "p",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "al",
    "est",
    "dept",
    "min",
    "max",
    "avg",
    "mt",
    "ft",
    "gen",
    "gov",
    "sen",
    "rep",
    "rev",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "viz",
    "resp",
}
_BOUNDARY_RE = re.compile(
    r"(?<=[.!?\u2026])[\"')\]\u201d\u2019*]*\s+(?=[\"'(\[\u201c\u2018*]*[A-Z0-9])"
    # Scraped text often glues sentences: "...hermeneutics.Lydia Davis (born 1947)".
    r"|(?<=[a-z0-9)\"\u201d][.!?])(?=[A-Z][a-z])"
)
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _split_prose(text: str) -> list[str]:
    """Sentence boundaries inside one paragraph, respecting abbreviations and initials."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        before = text[start : match.start()].rstrip("\"')]\u201d\u2019*")
        last = _LAST_WORD_RE.search(before)
        if last:
            word = last.group(1).lower()
            # "e.g.", "vs.", "Dr." and single initials ("H. Bruce") do not end sentences.
            if word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        pieces.append(text[start : match.start()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _table_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def segments(text: str) -> list[Segment]:
    """Split Markdown into sentence-sized segments, each tagged with its construct.

    Headings, bullet items, table rows, quotes and paragraphs are kept apart so that a heading
    never fuses with the sentence under it. Fenced code blocks and horizontal rules are skipped;
    the list under a "Sources:" heading or label is tagged ``reference`` (it ends at the next
    heading, or at a plain paragraph after a blank line).
    """
    out: list[Segment] = []
    paragraph: list[str] = []
    in_code = False
    in_sources = False
    header_cells: list[str] | None = None

    def flush() -> None:
        if paragraph:
            joined = strip_markdown(" ".join(paragraph))
            kind: SegmentKind = "reference" if in_sources else "text"
            out.extend(Segment(s, kind) for s in _split_prose(joined))
            paragraph.clear()

    after_blank = False
    for raw in text.splitlines():
        line = raw.rstrip()
        blank, after_blank = after_blank, not line.strip()
        if line.strip().startswith(("```", "~~~")):
            flush()
            in_code = not in_code
            continue
        if in_code:
            continue
        if not line.strip() or _RULE_RE.match(line):
            flush()
            header_cells = None
            continue
        if heading := _HEADING_RE.match(line):
            flush()
            title = strip_markdown(heading.group(1))
            in_sources = bool(_SOURCES_HEADING_RE.match(title))
            if title:
                out.append(Segment(title, "heading"))
            continue
        if "|" in line and line.strip().startswith("|"):
            flush()
            if _TABLE_SEP_RE.match(line):
                continue
            cells = [strip_markdown(c) for c in _table_cells(line)]
            if header_cells is None:
                header_cells = cells
                out.append(Segment(", ".join(c for c in cells if c), "heading"))
            else:
                out.append(Segment(", ".join(c for c in cells if c), "table"))
            continue
        header_cells = None
        if quote := _QUOTE_RE.match(line):
            line = quote.group(1)
        stripped = strip_markdown(line)
        if _SOURCES_HEADING_RE.match(stripped):
            flush()
            in_sources = True
            out.append(Segment(stripped, "label"))
            continue
        if _REFERENCE_RE.match(line):
            flush()
            if stripped:
                out.append(Segment(stripped, "reference"))
            continue
        if bullet := _BULLET_RE.match(line):
            flush()
            item = strip_markdown(bullet.group(1))
            kind: SegmentKind = "reference" if in_sources else "bullet"
            out.extend(Segment(s, kind) for s in _split_prose(item))
            continue
        if in_sources and blank and not paragraph:
            in_sources = False  # a plain paragraph after a blank line: the source list is over
        paragraph.append(line.strip())
    flush()
    return [s for s in out if s.text]


def split_sentences(text: str) -> list[str]:
    """Sentences of a Markdown text, markup stripped. Headings come back as their own items."""
    return [s.text for s in segments(text)]


# --- Numbers --------------------------------------------------------------------------------

_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}
# Number words compared like digits ("ten weeks" == "10 weeks"). "one", "once", "half" are left
# out on purpose: they are far more often pronouns or idioms ("one of the key...") than counts.
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_NUM_RE = re.compile(
    r"(?<![\w.])(?P<sign>[-\u2212])?(?P<cur>[$\u20ac\u00a3])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mm|[kKmMbBtT])(?![A-Za-z]))?"
)
_LIST_MARKER_RE = re.compile(r"^\s*\d{1,3}[.)]\s+", re.MULTILINE)
# Numbers that name a place in the course, not a quantity: "Lesson 6.2", "Module 6".
_REF_NUMBER_RE = re.compile(
    r"\b(?:lesson|module|section|chapter|step|figure|table)\s+\d+(?:\.\d+)*", re.IGNORECASE
)
_WORD_NUM_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def _is_scale(match: re.Match[str]) -> bool:
    """Whether the letters after a number multiply it: "1.2k", "$3m", "2 million" — not "5 m"."""
    scale = match.group("scale")
    if not scale:
        return False
    attached = match.start("scale") == match.end("num")
    return len(scale) > 1 or scale in "kK" or bool(match.group("cur")) or attached


def extract_numbers(text: str, *, words: bool = False, references: bool = False) -> list[float]:
    """Numeric values in ``text``, in order.

    "15%" -> 15, "$1,200" -> 1200, "1.2k" -> 1200, "3-6 months" -> 3, 6, "-4.5" -> -4.5.
    List markers ("1. "), citation markers ("[2]") and, unless ``references``, course locators
    ("Lesson 6.2") are ignored. With ``words``, number words count too ("ten weeks" -> 10).
    """
    text = CITATION_RE.sub(" ", text)
    text = _LIST_MARKER_RE.sub(" ", text)
    if not references:
        text = _REF_NUMBER_RE.sub(" ", text)
    values: list[tuple[int, float]] = []
    for match in _NUM_RE.finditer(text):
        value = float(match.group("num").replace(",", ""))
        if _is_scale(match):
            value *= _SCALE[match.group("scale").lower()]
        sign = match.group("sign")
        if sign:
            prev = text[: match.start()].rstrip()
            # "3 - 6" is a range, not 3 and -6 ("3-6" never captures a sign); "of -5%" is negative.
            if not prev or not prev[-1].isdigit():
                value = -value
        values.append((match.start(), value))
    if words:
        values.extend(
            (m.start(), float(NUMBER_WORDS[m.group(1).lower()]))
            for m in _WORD_NUM_RE.finditer(text)
        )
    return [v for _, v in sorted(values, key=lambda item: item[0])]


# --- Words ----------------------------------------------------------------------------------

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can cannot could couldn't did didn't do does
    doesn't doing don't down during each either few for from further had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself just let's may me might more most
    must mustn't my myself neither nor of off on once only or other ought our ours ourselves out
    over own same shall shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through thus to too under until up upon us very via was wasn't
    we we'd we'll we're we've were weren't what what's when when's where where's whether which
    while who who's whom whose why why's will with within without won't would wouldn't yet you
    you'd you'll you're you've your yours yourself yourselves one ones many much like well
    every per among across along around onto whereas whose whatever whichever whoever yes
    """.split()
)
NEGATIONS = frozenset(
    """not no never none nothing nobody nowhere neither nor cannot can't won't don't doesn't
    didn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't
    mustn't without lack lacks lacking fail fails failed unable""".split()
)
# Underscores split words, so a tool key "net_profit" matches "net profit" in an answer.
_WORD_RE = re.compile(r"[^\W_](?:[^\W_]|['\u2019](?=[^\W_]))*", re.UNICODE)


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, inner apostrophes kept), original case."""
    return _WORD_RE.findall(text.replace("\u2019", "'"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match plural/tense/adverb variants, nothing more."""
    w = word.lower()
    w = w.removesuffix("'s")
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, repl, min_len in (
        ("ational", "ate", 8),
        ("ization", "ize", 8),
        ("isation", "ize", 8),
        ("iveness", "ive", 8),
        ("fulness", "ful", 8),
        ("ousness", "ous", 8),
        ("ies", "y", 5),
        ("ied", "y", 5),
        ("sses", "ss", 5),
        ("ments", "ment", 7),
        ("ingly", "", 7),
        ("edly", "", 6),
        ("ing", "", 6),
        ("ed", "", 5),
        ("ly", "", 6),
        ("es", "", 6),
        ("s", "", 4),
    ):
        if w.endswith(suffix) and len(w) >= min_len:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[: -len(suffix)] + repl
            break
    # Collapse a doubled final consonant left by -ing/-ed ("planned" -> "plann" -> "plan").
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Lower-cased words that carry meaning: no stopwords, no bare numbers."""
    out = []
    for word in words(text):
        low = word.lower()
        low = low.removesuffix("'s")
        if low in STOPWORDS or low in NEGATIONS or low.replace(".", "").isdigit():
            continue
        if len(low) == 1 and not word.isupper():
            continue
        out.append(low)
    return out


def has_negation(text: str) -> bool:
    low = text.lower().replace("\u2019", "'")
    return any(w in NEGATIONS or w.endswith("n't") for w in re.findall(r"[a-z']+", low))


def capitalised_terms(text: str) -> list[str]:
    """Proper-noun-like words: capitalised or acronym words not opening the sentence.

    The first word of a sentence counts only when the next word is capitalised too ("Lucy Liu"),
    because a sentence-initial capital says nothing on its own.
    """
    tokens = words(text)
    out: list[str] = []
    for i, token in enumerate(tokens):
        if not token[0].isupper() or token.lower() in STOPWORDS or token.lower() in NEGATIONS:
            continue
        if token.lower() in NUMBER_WORDS:
            continue
        if i == 0:
            nxt = tokens[1] if len(tokens) > 1 else ""
            if not (
                nxt[:1].isupper() or token.isupper() and len(token) > 1 or _is_mixed_case(token)
            ):
                continue
        out.append(token)
    return out


def _is_mixed_case(token: str) -> bool:
    return any(c.isupper() for c in token[1:]) and any(c.islower() for c in token)
