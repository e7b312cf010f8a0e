"""The calculator phrasing development set: no figure is ever read wrong.

339 generated questions (evals/dev/calc_phrasings.py) with known answers, split by a hash of the
question into tune and held-out halves. Each answer must be right or a clarifying question;
computing from a misread figure, or computing where a question was needed, is a failure.
"""

from __future__ import annotations

import collections

from assistant.reading.calculate import read_calculation
from evals.dev.calc_phrasings import generate, grade


def _grades() -> dict[str, collections.Counter]:
    counts: dict[str, collections.Counter] = {"tune": collections.Counter(), "held-out": collections.Counter()}
    for item in generate():
        calc = read_calculation(item.question)
        counts[item.half][grade(item, calc.calls if calc else [], bool(calc and calc.clarification))] += 1
    return counts


def test_the_set_is_large_and_split_into_two_halves():
    items = generate()
    assert len(items) >= 300
    halves = collections.Counter(item.half for item in items)
    assert min(halves.values()) >= 0.35 * len(items)


def test_no_figure_is_read_wrong_and_most_questions_are_answered(report_measure):
    counts = _grades()
    for half, c in counts.items():
        total = sum(c.values())
        report_measure(f"calculator phrasings, {half}: right {c['right']}/{total} ({c['right'] / total:.0%}), "
                       f"clarified {c['clarified']}, missed {c['missed']}, wrong {c['wrong']}")
    assert sum(c["wrong"] for c in counts.values()) == 0
    for c in counts.values():
        assert c["right"] / sum(c.values()) >= 0.95
