"""Wrong is worse than unsure: a figure the words do not pin down leads to a question, not a
result. Numbers said in words are computed with; a range said in words, or a value the user says
is not known yet, is asked about."""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation

SPOKEN = [
    ("we spent nine thousand on the new checkout and it brought in twenty seven thousand extra profit, what's the ROI",
     "roi", {"cost": 9000.0, "gain": 27000.0}),
    ("the pilot reaches four thousand users a quarter, impact 1, we're seventy percent confident and it takes "
     "three person months. RICE score?", "rice_score", {"reach": 4000.0, "impact": 1.0, "confidence": 0.7, "effort": 3.0}),
    ("what's the IRR if I pay twenty thousand up front and get back eight thousand a year for three years", "irr",
     {"cash_flows": [-20000.0, 8000.0, 8000.0, 8000.0]}),
]


@pytest.mark.parametrize(("text", "tool", "args"), SPOKEN, ids=[s[1] for s in SPOKEN])
def test_numbers_said_in_words_are_computed_with(text, tool, args):
    calc = read_calculation(text)
    assert calc is not None and calc.clarification is None
    assert calc.calls == [(tool, args)]


def test_effort_in_person_years_is_converted_to_the_months_the_tool_wants():
    calc = read_calculation("RICE please: reach 2,000 per quarter, impact 1, confidence 50%, effort 0.25 person-years")
    assert calc is not None and calc.calls and calc.calls[0][1]["effort"] == pytest.approx(3.0)


@pytest.mark.parametrize("text", [
    "the integration will cost somewhere between four and six thousand and it saves 500 a month, what's the payback",
    "the integration costs four to six thousand and saves 500 a month. Payback?",
])
def test_a_range_said_in_words_is_asked_about(text):
    calc = read_calculation(text)
    assert calc is not None and not calc.calls
    assert calc.clarification is not None and "range" in calc.clarification.question


@pytest.mark.parametrize("text", [
    "TCO over 2 years: licence $900/mo, setup $12k, support contract TBD",
    "ROI: it cost 20k and gained 35k, but the agency fee is not known yet",
    "Payback: setup 8k and it saves 700 a month, though the hosting cost is to be confirmed",
])
def test_a_value_said_to_be_unknown_is_asked_about_not_left_out(text):
    calc = read_calculation(text)
    assert calc is not None and not calc.calls
    assert calc.clarification is not None and "not known yet" in calc.clarification.question
