"""Deterministic arithmetic for rules applied to a learner's own figures: an expression of
operands and the four operations, evaluated with the usual precedence, over values that may be
ranges ("25–50 litres per m²" gives a range), and the way a result is written back.

Pure functions, no parsing of course text: the caller hands over numbers and operators.
"""

from __future__ import annotations

from dataclasses import dataclass

OPERATORS = ("+", "-", "*", "/")
SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷"}


@dataclass(frozen=True)
class Span:
    """A value, or a range low–high (both ends computed through the same operations)."""

    low: float
    high: float | None = None

    @property
    def ends(self) -> tuple[float, float]:
        return (self.low, self.low if self.high is None else self.high)

    def combine(self, op: str, other: "Span") -> "Span":
        if op not in OPERATORS:
            raise ValueError(f"operator must be one of {OPERATORS}; got {op!r}")
        results = [_apply(a, op, b) for a in self.ends for b in other.ends]
        low, high = min(results), max(results)
        return Span(low, None if self.high is None and other.high is None else high)


def _apply(a: float, op: str, b: float) -> float:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        raise ZeroDivisionError("division by zero in a rule's arithmetic")
    return a / b


def evaluate(operands: list[Span], operators: list[str]) -> Span:
    """``operands[0] operators[0] operands[1] …`` with × and ÷ before + and −, left to right."""
    if len(operators) != len(operands) - 1 or not operands:
        raise ValueError("an expression needs one operator fewer than operands")
    terms: list[Span] = [operands[0]]
    signs: list[str] = []
    for op, value in zip(operators, operands[1:]):
        if op in "*/":
            terms[-1] = terms[-1].combine(op, value)
        else:
            signs.append(op)
            terms.append(value)
    total = terms[0]
    for op, term in zip(signs, terms[1:]):
        total = total.combine(op, term)
    return total


def written(value: float) -> str:
    """A number as an answer writes it: thousands separated, at most two decimals, no trailing
    zeros ("2,880", "2.64", "12.5")."""
    rounded = round(value, 2)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.2f}".rstrip("0").rstrip(".")


def written_span(span: Span) -> str:
    if span.high is None or written(span.high) == written(span.low):
        return written(span.low)
    return f"{written(span.low)}–{written(span.high)}"
