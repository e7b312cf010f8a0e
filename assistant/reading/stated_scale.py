"""A scale stated once for a whole message, as accounts and exercises do: "all figures in $000",
"amounts are in thousands of euros", "(USD '000)", "figures in € millions", "all numbers in lakh".

The amounts written bare under such a statement ("setup 45", "EUR 75") are thousands (millions,
lakhs) of the currency: each is multiplied out and becomes a money figure, so nothing downstream
computes with 45 where 45,000 was meant. The statement's own digits ("000") are no figure.
Figures that are not amounts are left alone: percentages, durations, years, amounts already
written with k / M, and counts of things ("120 orders").
"""

from __future__ import annotations

import dataclasses
import re

from assistant.reading.money import counts_nouns
from knowledge.figures import CURRENCY_NAMES, Figure

_CURRENCY = r"(?:[$€£¥₹]|usd|eur|gbp|chf|cad|aud|inr|jpy|pln|sek|nok|dkk)"
_SIGN_CODES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_FACTOR = {"000": 1e3, "thousand": 1e3, "thousands": 1e3, "k": 1e3, "000s": 1e3, "000,000": 1e6, "m": 1e6,
           "mn": 1e6, "million": 1e6, "millions": 1e6, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
_UNIT = r"(?P<unit>000,000|000s?|thousands?|millions?|mn|lakhs?|crores?|k|m)"
_NOUNS = r"(?:figures|amounts|numbers|values|costs|prices|sums|money\s+figures|all\s+money)"
_STATED = re.compile(
    # "all figures in $000", "amounts are in thousands of euros", "figures shown in € millions"
    rf"\b(?:all\s+|the\s+)?{_NOUNS}\s+(?:are\s+|is\s+)?(?:(?:shown|given|stated|expressed|quoted|reported)\s+)?"
    rf"(?:in\s+|as\s+)?(?P<cur>{_CURRENCY})?\s*['’]?{_UNIT}(?:\s+of\s+(?P<word>[a-z]+))?(?![\w,.]*\d)"
    # "($000)", "(in € '000)", "(EUR k)": a heading's bracket
    rf"|\(\s*(?:in\s+)?(?P<cur2>{_CURRENCY})\s*['’]?(?P<unit2>000,000|000s?|k|m|mn|millions?|thousands?)\s*\)",
    re.IGNORECASE)


def stated_scale(text: str) -> tuple[float, str | None, tuple[int, int]] | None:
    """(factor, currency code or None, the statement's span) when the message states one scale for
    its amounts; None when it states none, or states two different ones."""
    found = []
    for match in _STATED.finditer(text):
        unit = (match.group("unit") or match.group("unit2") or "").lower()
        if unit in {"k", "m"} and match.group("cur") is None and match.group("cur2") is None:
            continue  # "all figures in m" is rare; "numbers in k" too short to trust without a currency
        if match.group("unit") and match.group("word") and match.group("word").lower() not in CURRENCY_NAMES \
                and not match.group("word").lower().rstrip("s") in {"dollar", "euro", "pound", "rupee", "yen"}:
            continue  # "amounts in thousands of orders": a count, not a scale of money
        written = (match.group("cur") or match.group("cur2") or "").lower()
        code = _SIGN_CODES.get(written) or (written.upper() if written else None)
        found.append((_FACTOR[unit], code, match.span()))
    if not found or len({f for f, _, _ in found}) > 1:
        return None
    return found[0]


def _year_like(fig: Figure) -> bool:
    return fig.value == int(fig.value) and 1900 <= fig.value <= 2100 and fig.unit == "count"


def apply_stated_scale(text: str, figures: list[Figure]) -> tuple[list[Figure], dict[int, str]]:
    """``figures`` with the bare amounts multiplied out by the message's stated scale (re-indexed
    without the statement's own digits), and index → note for the account ("× 1,000: all figures
    in $000")."""
    stated = stated_scale(text)
    if stated is None:
        return figures, {}
    factor, code, (start, end) = stated
    said = text[start:end].strip(" ()")
    out: list[Figure] = []
    notes: dict[int, str] = {}
    for fig in figures:
        if start <= fig.span[0] < end:
            continue  # the "000" of "$000"
        if fig.unit in {"money", "count"} and not fig.scaled and not _year_like(fig) and not (
                fig.unit == "count" and counts_nouns(fig)):
            high = fig.high * factor if fig.high is not None else None
            fig = dataclasses.replace(fig, value=fig.value * factor, high=high, unit="money", scaled=True,
                                      currency=fig.currency or code)
            notes[len(out)] = f"; × {factor:,.0f} (“{said}”)"
        out.append(dataclasses.replace(fig, index=len(out)))
    return out, notes
