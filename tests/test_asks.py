"""A message's asks, and follow-ups: the new message's own ask wins; earlier turns fill gaps."""

from __future__ import annotations

import pytest

from assistant.reading.asks import search_asks, split_asks
from assistant.reading.calculate import other_asks
from assistant.reading.dialogue import resolve_follow_up

KPI_QUESTION = "Which KPIs should I track for an AI support chatbot?"
RICE_QUESTION = ("Prioritise with RICE: 'A' reach 1000, impact 2, confidence 0.8, effort 2; "
                 "'B' reach 500, impact 1, confidence 0.5, effort 1")


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("Was it worth it, and which KPIs should we watch?", ["Was it worth it", "which KPIs should we watch?"]),
        ("What is RICE? How do I use it?", ["What is RICE?", "How do I use it?"]),
        ("It cost $5k. What's the ROI; also which metrics matter?", ["What's the ROI", "which metrics matter?"]),
    ],
)
def test_a_message_is_split_into_its_asks(message, asks):
    assert [a.text for a in split_asks(message) if a.question] == asks


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("How do we pick projects first, and how do we get the CFO to pay for them?", 2),
        ("We're scaling our pilot - what should we check first?", 1),
        ("What is model drift? And how do we spot it early?", 2),
        ("Tell me about bias", 1),
    ],
)
def test_a_message_is_searched_once_per_ask(question, count):
    assert len(search_asks(question)) == count


def test_both_granularities_cut_at_the_same_clause_joins():
    message = "We're scaling our pilot - what should we check first, and where do humans stay involved?"
    assert [a.text for a in split_asks(message)] == [
        "We're scaling our pilot", "what should we check first", "where do humans stay involved?"]
    # the statement travels with the question after it; each ask is one course search
    assert search_asks(message) == [
        "We're scaling our pilot what should we check first", "where do humans stay involved?"]


def test_more_asks_than_the_limit_are_searched_together_at_the_end():
    message = "What is RICE? How is ICE different? What is STRIVE? How do we track KPIs?"
    assert search_asks(message, limit=2) == [
        "What is RICE?", "How is ICE different? What is STRIVE? How do we track KPIs?"]


def test_the_other_asks_keep_the_context_and_drop_the_calculation():
    rest = other_asks("A chatbot cost $20k and saved $35k. Was it worth it, and which KPIs should we watch?")
    assert "$20k" in rest and "which KPIs should we watch?" in rest
    assert "worth it" not in rest
    assert other_asks("A chatbot cost $20k and saved $35k. Was it worth it?") == ""


def test_in_one_sentence_the_other_ask_keeps_the_context_without_the_calculation_words():
    rest = other_asks("Our support chatbot cost $20k and saved $35k, was it worth it and what KPIs should we track?")
    assert "support chatbot" in rest and "what KPIs should we track?" in rest
    assert "worth it" not in rest


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        # a complete ask of its own wins over the previous topic
        (KPI_QUESTION, "ok, it cost us 20k and saved 35k in agent time — ROI?",
         "ok, it cost us 20k and saved 35k in agent time — ROI?"),
        # a restated input of a calculation is no longer written into the previous question's text
        # (words the user never wrote): the stored calculation changes that input
        # (reading/dialogue.read_turn, tests/test_dialogue.py)
        # an open follow-up is added to the previous question
        ("It costs $12,000 and saves $1,500 per month. What's the ROI?", "and for 6 months?",
         "It costs $12,000 and saves $1,500 per month. What's the ROI (for 6 months)?"),
        # not a follow-up
        ("What is model drift?", "How do I bake bread?", "How do I bake bread?"),
    ],
)
def test_follow_ups(previous, follow_up, expected):
    assert resolve_follow_up(follow_up, previous) == expected


def test_the_resolved_follow_up_computes_over_the_new_horizon():
    from assistant.reading.calculate import read_calculation

    resolved = resolve_follow_up("and for 6 months?", "It costs $12,000 and saves $1,500 per month. What's the ROI?")
    assert read_calculation(resolved).calls == [("roi", {"cost": 12000.0, "gain": 9000.0})]
