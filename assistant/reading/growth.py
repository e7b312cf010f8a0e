"""An amount said to grow by a rate each period: "savings start at 2k in Q1 and grow 10% a quarter
after that", "revenue of 40k, rising 5% a year". The amount is then a series, not one flat figure:
counting it flat (or leaving the rate out) states a wrong result, so the calculation asks."""

from __future__ import annotations

import re

from knowledge.figures import Figure

_GROWS = re.compile(r"\b(?:grow|grows|growing|grew|rise|rises|rising|increase|increases|increasing|climb|climbs|climbing|"
                    r"go(?:es)?\s+up|compound(?:s|ing)?)\b(?:\s+(?:by|at))?\s*$", re.IGNORECASE)
_PER_PERIOD = re.compile(r"^\s*(?:a|per|each|every|/)\s*(?:day|week|month|quarter|year|yr|mo|qtr)\b"
                         r"|^\s*(?:month|quarter|year)[\s-]+(?:on|over)[\s-]+(?:month|quarter|year)\b", re.IGNORECASE)


def growth_rates(text: str, figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    """(amount, rate) for each percentage said to be the growth of the amount before it in the same
    sentence, per period ("grow 10% a quarter", "rising 5% per year", "up 3% month over month")."""
    out = []
    for k, rate in enumerate(figures):
        if rate.unit != "percent" or k == 0:
            continue
        before = text[max(0, rate.span[0] - 40) : rate.span[0]]
        if not _GROWS.search(before):
            continue
        if not (rate.period or _PER_PERIOD.match(text[rate.span[1] : rate.span[1] + 30])):
            continue
        amount = next((f for f in reversed(figures[:k]) if f.unit in {"money", "count"} and not re.search(
            r"[.!?\n]", text[f.span[1] : rate.span[0]])), None)
        if amount is not None:
            out.append((amount, rate))
    return out
