"""Shared steps of the dialogue tests: a calculation started from a message, and the call a
turn planned."""

from __future__ import annotations

from assistant.reading.calculate import read_calculation
from assistant.reading.dialogue import start_state


def state_of(message: str):
    """The conversation state after ``message`` (which must start a calculation)."""
    calc = read_calculation(message)
    assert calc is not None, message
    state = start_state(message, calc)
    assert state is not None
    return state


def call_of(turn) -> tuple[str, dict]:
    """The first calculator call a turn planned (it must have planned one)."""
    assert turn.calculation is not None and turn.calculation.calls, turn.calculation
    return turn.calculation.calls[0]
