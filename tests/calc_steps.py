"""Shared steps of the calculator-reading tests: the one call a message plans, or the question
it asks instead."""

from __future__ import annotations

from assistant.reading.calculate import read_calculation


def only_call(text: str) -> tuple[str, dict]:
    """The one calculator call ``text`` plans (it must plan exactly one and ask nothing)."""
    calc = read_calculation(text)
    assert calc is not None and calc.clarification is None, calc and calc.clarification
    (call,) = calc.calls
    return call


def question_asked(text: str) -> str:
    """The clarifying question ``text`` gets (it must plan no call)."""
    calc = read_calculation(text)
    assert calc is not None and not calc.calls, calc and calc.calls
    assert calc.clarification is not None
    return calc.clarification.question
