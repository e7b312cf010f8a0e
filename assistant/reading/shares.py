"""Shares of an amount: a percentage "of" something is an amount, worked out from what it is of.

"maintenance 15% of implementation per annum", "our analyst at 25% of a $96K salary", "we expect
to save 30% of this": the percentage is no input of its own (a TCO or an ROI takes amounts), and
leaving it out would state a total short by that amount. What it is of decides how it is read:

- a figure right after "of" ("25% of a $96K salary"): that amount is only the base; its share is
  the input, and the base itself is no part of the calculation;
- a pronoun ("30% of this", "of that", "of it"): the amount said just before, likewise;
- an input's name ("15% of the implementation price"): the figure that name stands next to; that
  input stays in the calculation and the share is a further amount.

The share keeps the percentage's own words (what it is: "maintenance", "save") and its period
("per annum", "annual"), else the base's period. Structure only: where the number sits and what
"of" points at; no vocabulary of costs or gains.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from assistant.reading.money import amount_like, counts_nouns
from knowledge.figures import Figure

_PRONOUN = {"this", "that", "it", "these", "those", "them", "which"}
_DETERMINERS = {"a", "an", "the", "our", "their", "its", "his", "her", "my", "your", "total", "full", "current", "annual",
                "yearly", "monthly"}
_BETWEEN = re.compile(r"\s*of\s+(?:(?:a|an|the|our|their|its|his|her|my|your)\s+)?(?:(?:total|full|current|annual|yearly|"
                      r"monthly)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Share:
    """The percentage figure ``share`` (its index) is ``base``'s amount times that percentage;
    ``consumed``: the base was given only to size the share (not an input of its own)."""

    share: int
    base: int
    consumed: bool


def _words_after_of(fig: Figure) -> list[str]:
    if fig.after[:1] != ["of"]:
        return []
    return [w for w in fig.after[1:] if w not in _DETERMINERS]


def find_shares(text: str, figures: list[Figure]) -> list[Share]:
    """The percentages of ``figures`` that are a share of an amount, and of which."""
    out: list[Share] = []
    for fig in figures:
        if fig.unit != "percent" or fig.is_range:
            continue
        following = figures[fig.index + 1] if fig.index + 1 < len(figures) else None
        if following is not None and _BETWEEN.match(text[fig.span[1] : following.span[0]]) and amount_like(following):
            out.append(Share(fig.index, following.index, True))  # "25% of a $96K salary"
            continue
        named = _words_after_of(fig)
        if not named:
            continue
        earlier = [f for f in figures[: fig.index] if amount_like(f) and not counts_nouns(f)]
        if named[0] in _PRONOUN and earlier:
            out.append(Share(fig.index, earlier[-1].index, True))  # "save 30% of this"
            continue
        for base in reversed(earlier):  # "15% of the implementation price": the figure that name labels
            if any(named[0] == w or (len(w) >= 5 and named[0].startswith(w[:5])) for w in base.before + base.after[:2]):
                out.append(Share(fig.index, base.index, False))
                break
    return out


def with_shares(text: str, figures: list[Figure]) -> tuple[list[Figure], dict[int, str], dict[int, str]]:
    """``figures`` with each share worked out as an amount (same index and words), the bases
    that only sized a share (index → why they are no input), and a note per share."""
    shares = find_shares(text, figures)
    if not shares:
        return figures, {}, {}
    out = list(figures)
    consumed: dict[int, str] = {}
    notes: dict[int, str] = {}
    for share in shares:
        pct, base = figures[share.share], figures[share.base]
        value = pct.value / 100 * base.value
        out[share.share] = dataclasses.replace(
            pct, value=value, unit="money" if base.unit == "money" else "count", currency=base.currency,
            period=pct.period or base.period, scaled=True, ratio=None,
            after=list(base.after) if share.consumed else [])
        shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
        notes[share.share] = f"; {pct.show()} of {base.show()} = {shown}"
        if share.consumed:
            consumed[share.base] = f"only the base of {pct.show()} of it"
    return out, consumed, notes
