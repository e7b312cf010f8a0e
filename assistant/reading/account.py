"""What a calculator message was read as: each figure's reading (the role it filled, or why it
was not used), the calculation planned from them ("What I read"), and the exception a step
raises when the user must be asked instead (assistant/reading/calculate.py plans with these)."""

from __future__ import annotations

import math
from typing import Any
from dataclasses import dataclass, field

from assistant.types import Clarification
from knowledge.figures import Figure


@dataclass
class Reading:
    """How one figure was read: the role (tool.field) it filled, or why it was not used."""

    figure: Figure
    roles: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def used(self) -> bool:
        return bool(self.roles)


@dataclass
class Calculation:
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    clarification: Clarification | None = None
    topic: str = ""
    titles: list[str] = field(default_factory=list)

    def account_lines(self) -> list[str]:
        """'What I read': each figure, its role and the words it came from; unused ones with why."""
        lines = []
        for reading in self.readings:
            fig = reading.figure
            words = fig.context or fig.show()
            if reading.used:
                lines.append(f"{fig.show()} → {', '.join(reading.roles)} (from “{words}”){reading.note}")
            else:
                lines.append(f"{fig.show()} → not used: {reading.note or 'no calculator input it fits'} (from “{words}”)")
        return lines


class NeedsAsking(Exception):
    def __init__(self, clarification: Clarification) -> None:
        super().__init__(clarification.question)
        self.clarification = clarification


def needs_asking(question: str, options: list[str] | None = None) -> NeedsAsking:
    return NeedsAsking(Clarification(question=question, options=options or []))


def fmt(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.4f}".rstrip("0").rstrip(".")
