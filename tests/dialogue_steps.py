"""Shared steps of the dialogue tests: a calculation started from a message, the state after
replies to it, and the call a turn planned."""

from __future__ import annotations

from assistant.reading.calculate import read_calculation
from assistant.reading.dialogue import read_turn, start_state


def state_of(message: str):
    """The conversation state after ``message`` (which must start a calculation)."""
    calc = read_calculation(message)
    assert calc is not None, message
    state = start_state(message, calc)
    assert state is not None
    return state


def state_after(first: str, *replies: str):
    """The state after ``first`` and each reply, read in turn (each must leave a state)."""
    state = state_of(first)
    for reply in replies:
        turn = read_turn(reply, state)
        assert turn.state is not None, reply
        state = turn.state
    return state


def call_of(turn) -> tuple[str, dict]:
    """The first calculator call a turn planned (it must have planned one)."""
    assert turn.calculation is not None and turn.calculation.calls, turn.calculation
    return turn.calculation.calls[0]
