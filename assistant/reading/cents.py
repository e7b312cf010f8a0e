"""Amounts written with their cents in words ("1200 euros and 50 cents", "… euro and fifty cent
per month") read as one figure, not a figure of their own. Used by reading/whatif.py.
"""

from __future__ import annotations

import dataclasses
import re

from knowledge.figures import PERIOD_WORDS, WORDS_NUMBER, Figure, words_value


CENTS = {"cent", "cents", "pence", "penny", "centavos", "centimes"}


def with_cents(text: str, figures: list[Figure]) -> list[Figure]:
    """An amount written with its cents in words ("1200 euros and 50 cents") as one figure
    (1,200.50), its text the user's words from the amount to the cents."""
    out: list[Figure] = []
    for fig in figures:
        last = out[-1] if out else None
        if last is not None and last.unit == "money" and fig.unit == "count" and fig.after[:1] and fig.after[0] in CENTS \
                and 0 <= fig.value < 100 and re.fullmatch(r"\s+and\s+", text[last.span[1]: fig.span[0]]):
            end = fig.span[1] + len(re.match(r"\s*\w+", text[fig.span[1]:]).group(0))
            out[-1] = dataclasses.replace(last, value=last.value + fig.value / 100, span=(last.span[0], end),
                                          text=text[last.span[0]: end], after=fig.after[1:])
            continue
        out.append(fig)
    return [_cents_in_words(text, fig) for fig in out]


# "… euro and fifty cent per month": cents said in words, not read as a figure of their own.
CENTS_IN_WORDS = re.compile(rf"\s+and\s+({WORDS_NUMBER})\s+(?:{'|'.join(CENTS)})\b(?:\s+(?:per|a|an|each|every)\s+([a-z]+))?",
                            re.IGNORECASE)


def _cents_in_words(text: str, fig: Figure) -> Figure:
    found = CENTS_IN_WORDS.match(text, fig.span[1]) if fig.unit == "money" else None
    if found is None or not 0 < words_value(found.group(1)) < 100:
        return fig
    period = PERIOD_WORDS.get((found.group(2) or "").lower()) or fig.period
    end = found.end() if found.group(2) and PERIOD_WORDS.get(found.group(2).lower()) else found.end(1) + len(
        re.match(r"\s+\w+", text[found.end(1):]).group(0))
    return dataclasses.replace(fig, value=fig.value + words_value(found.group(1)) / 100, span=(fig.span[0], end),
                               text=text[fig.span[0]: end], period=period)
