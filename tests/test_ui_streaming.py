"""`ui.streaming.paced`: an answer that arrives in one piece is shown a few words at a time,
within a time budget, and nothing else is held back or changed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ui.streaming import paced


@dataclass
class Event:
    type: str
    text: str = ""


def run(batches, **kwargs):
    return list(paced(iter(batches), is_text=lambda e: e.type == "token",
                      split=lambda e, t: replace(e, text=t), **kwargs))


def test_one_long_piece_is_shown_in_several_steps_and_nothing_is_lost():
    text = "One two three four five six seven eight nine ten eleven twelve. Thirteen fourteen."
    out = run([[Event("tool_call")], [Event("token", text)], [Event("final")]],
              words=4, step_s=0.0)
    assert out[0] == [Event("tool_call")] and out[-1] == [Event("final")]
    pieces = [e.text for batch in out[1:-1] for e in batch]
    assert len(pieces) >= 3 and "".join(pieces) == text


def test_a_long_text_is_spread_over_the_steps_the_budget_allows():
    text = " ".join(f"w{i}" for i in range(200))
    out = run([[Event("token", text)]], words=2, step_s=0.01, budget_s=0.05)
    pieces = [e.text for batch in out for e in batch]
    assert 3 <= len(pieces) <= 6 and "".join(pieces) == text
    sizes = [len(piece.split()) for piece in pieces]
    assert max(sizes) - min(sizes) <= 40, sizes  # even steps, not a few words then a jump


def test_short_text_passes_through_whole():
    batches = [[Event("token", "Hi there"), Event("token", " you")], [Event("final")]]
    assert run(batches, words=4, step_s=0.0) == [[Event("token", "Hi there you")],
                                                 [Event("final")]]


def test_lines_that_arrive_together_are_paced_as_one_text():
    lines = [Event("token", f"Line {i} has five words.\n") for i in range(6)]
    out = run([lines, [Event("final")]], words=3, step_s=0.0001, budget_s=0.0005)
    pieces = [e.text for batch in out[:-1] for e in batch]
    assert "".join(pieces) == "".join(e.text for e in lines)
    assert len(pieces) >= 3 and max(len(p.split()) for p in pieces) < 30
