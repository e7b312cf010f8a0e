"""How the injection screen reads a message: as written, with look-alike letters mapped to Latin,
invisible characters and combining marks dropped, letters spelled out with separators joined
("i.g.n.o.r.e"), and line breaks inside words healed. The frames (`injection_frames`,
`injection_lexicon`) run on these readings, so they are written for plain Latin letters.
"""

from __future__ import annotations

import re
import unicodedata

# Look-alike letters and digits attackers use to slip past the screen (screening only).
CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v",
    "ρ": "p", "τ": "t", "υ": "u", "һ": "h", "ԛ": "q", "ԝ": "w",
    # capitals too: "Ρrint" opens with a Greek rho
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
    "І": "I", "Ј": "J", "Ѕ": "S", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
})
# Characters that may sit between single letters of a spelled-out word ("i.g.n.o.r.e").
_LETTER_SEPARATORS = r"[ .\-_·•*/|~+]"
# One separator throughout a word, so "r-e-v-e-a-l y-o-u-r" stays two words.
# The separator may close the word too ("R.E.V.E.A.L."): it goes with the letters.
_SPELLED_OUT = re.compile(rf"(?<![a-z])[a-z]({_LETTER_SEPARATORS})(?:[a-z]\1){{2,}}[a-z]\1?(?![a-z])", re.IGNORECASE)
_SEPARATOR_CHARS = re.compile(_LETTER_SEPARATORS)


def _plain_letters(text: str) -> str:
    """Compatibility forms folded (fullwidth, ligatures), invisible format characters and
    combining marks (accents, strike-through overlays) dropped, look-alikes mapped to Latin."""
    if text.isascii():  # ASCII has no compatibility form, format character or combining mark
        return text.translate(CONFUSABLES)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text).translate(CONFUSABLES)


def _joined_letters(text: str) -> str:
    """Spelled-out words joined ("i.g.n.o.r.e" -> "ignore"); once a text spells words out with a
    separator, its two- and three-letter words too ("m.y"), and a slash between words is a space."""
    separators = {m.group(1) for m in _SPELLED_OUT.finditer(text)} - {" "}
    text = _SPELLED_OUT.sub(lambda m: _SEPARATOR_CHARS.sub("", m.group(0)), text)
    for sep in separators:
        s = re.escape(sep)
        short = re.compile(rf"(?<![a-z{s}])[a-z](?:{s}[a-z]){{1,2}}{s}?(?![a-z])", re.IGNORECASE)
        text = short.sub(lambda m: m.group(0).replace(sep, ""), text)
        text = re.sub(r"\s+/\s+", " ", text)
    return text


def screen_text(text: str) -> str:
    """The text as the injection screen reads it: plain letters, spelled-out letters joined,
    word separators (``_``, ``-``) read as spaces, whitespace collapsed."""
    text = _joined_letters(_plain_letters(text))
    text = re.sub(r"(?<=\w)[_-]+(?=\w)|_+", " ", text)
    return re.sub(r"[^\S\n]+", " ", text)


def readings(text: str) -> list[str]:
    """Every way the screen reads a message: as written, normalised, and normalised with line
    breaks healed (a line break may split a word as easily as it separates two)."""
    screened = screen_text(text)
    healed = re.sub(r"(?<=[a-z])[ \t]*\n\s*(?=[a-z])", "", screened, flags=re.IGNORECASE)
    return list(dict.fromkeys([text, screened, healed]))
