"""The one text toolkit of the house: Markdown stripping, the sentence splitter, the word
tokeniser, the stemmer and the stopword list.

It sits at the bottom (knowledge/) so the chunker, the retriever, the composer and the grounding
checker cut sentences and words the same way. Everything is pure and dependency-free. The
hand-written splitter and stemmer measured better than pysbd and Porter2 on this course's text,
so they stay hand-written.
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
    # The closing quote or bracket after a full stop belongs to the sentence (group "close").
    r"(?<=[.!?\u2026])(?P<close>[\"')\]\u201d\u2019*]*)\s+(?=[\"'(\[\u201c\u2018*]*[A-Z0-9])"
    # Scraped text often glues sentences: "...hermeneutics.Lydia Davis (born 1947)".
    r"|(?<=[a-z0-9)\"\u201d][.!?])(?=[A-Z][a-z])"
)
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def paragraphs(lines: list[str]) -> list[list[str]]:
    """Lines grouped into paragraphs: runs of non-blank lines, blank lines between them dropped."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def split_prose(text: str) -> list[str]:
    """Sentences of one paragraph of plain text, respecting abbreviations ("e.g.", "vs.",
    "Dr.") and initials ("H. Bruce"). The chunker cuts long course blocks with it; `segments`
    cuts the paragraphs of a Markdown answer with it."""
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
        end = match.end("close") if match.group("close") is not None else match.start()
        pieces.append(text[start:end].strip())
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
            out.extend(Segment(s, kind) for s in split_prose(joined))
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
            out.extend(Segment(s, kind) for s in split_prose(item))
            continue
        if in_sources and blank and not paragraph:
            in_sources = False  # a plain paragraph after a blank line: the source list is over
        paragraph.append(line.strip())
    flush()
    return [s for s in out if s.text]


def split_sentences(text: str) -> list[str]:
    """Sentences of a Markdown text, markup stripped. Headings come back as their own items."""
    return [s.text for s in segments(text)]


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


# The retriever's BM25 tokens: lower-case words kept whole across inner hyphens and apostrophes
# ("a/b-test", "customer's"), stopwords dropped.
_TOKEN_RE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def tokenize(text: str) -> list[str]:
    """Lower-case BM25 tokens of `text`, without STOPWORDS."""
    return [t for t in _TOKEN_RE.findall(text.lower()) if t not in STOPWORDS]


# --- small talk around an ask -------------------------------------------------------------

# Small talk before the ask: thanks, acknowledgements and "back to…" / "btw" / "unrelated".
_ACK = r"(?:ok(?:ay)?|ok cool|cool|great|thanks(?: a lot)?|thank you(?: so much)?|ty|perfect|nice|got it|right|alright|sure|fine|hmm+|ah|oh|haha|lol|merci(?: beaucoup)?|brilliant|awesome|understood)"
_SWITCH = (r"(?:back to (?:the |our |my )?[\w\s-]{1,30}?|(?:different|other|new|another|separate) (?:question|topic|thing)"
           r"|(?:on )?a different note|unrelated(?: question)?(?:,? but)?|random question|quick (?:one|question)|one more thing"
           r"|by the way|btw|anyway|also|so|now|but)")
# A whole sentence of thanks ("thank you for explaining the module.", "that really helped :)").
_THANKS = (r"(?:(?:thanks|thank you|ty|cheers)\b[^.!?\n]{0,80}?(?:[.!]+|:\)|$)"
           r"|that (?:really |was |is )?(?:helped|helps|helpful|useful|great|clear)[^.!?\n]{0,20}?(?:[.!]+|:\)))")
# A lead-in that sets an aside away and points at the ask after it ("never mind that —", "the
# actual question:", "the course bit:"): small talk only before a colon, comma or dash.
_RETURN = (r"(?:sorry|fair enough|never ?mind(?: that| this| it)?|forget (?:that|it|this)"
           r"|(?:the |my )?(?:actual|real|main|proper|serious) (?:question|one)|(?:the )?course (?:bit|part|question|one|stuff)"
           r"|(?:going|coming|getting|turning) back to (?:the |our |my )?[\w\s-]{1,30}?)")
PREAMBLE = re.compile(
    rf"^\s*(?:{_THANKS}[\s,]*|(?:{_ACK})\b[\s,!.:;)(-]*|(?:{_SWITCH})\s*[:,!—–-]+\s*|(?:{_SWITCH})\s+(?=\w)"
    rf"|(?:{_RETURN})\s*[:,.!—–-]+\s*)+",
    re.IGNORECASE,
)


def strip_preamble(message: str) -> str:
    """The message without small talk before its ask ("ok, back to the topic: …" → "…")."""
    stripped = PREAMBLE.sub("", message, count=1).strip()
    return stripped if stripped.strip(" ?.!,") else message.strip()
