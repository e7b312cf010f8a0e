"""The kind of a question comes from its form in general English, never from its topic; a
request for a general-purpose task is read as such whatever it is about."""

from __future__ import annotations

import pytest

from assistant.reading.intents import KINDS, detect, question_kind
from knowledge.scope import requested_work


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is a loss leader?", "definition"),
        ("What does APR stand for?", "definition"),
        ("why do volunteers drop out after a month?", "why"),
        ("What happens if the fridge is left open overnight?", "why"),
        ("How do we set up a weekly stock count?", "how-to"),
        ("how often should the probe be calibrated?", "how-to"),
        ("Which records should the shift manager keep?", "list"),
        ("What are the main risks of a gala dinner?", "list"),
        ("What's the difference between a grant and a donation?", "comparison"),
        ("should we launch to all branches at once or gradually?", "comparison"),
        ("Can you give me an example of a thank-you call script?", "example"),
        ("give me an example", "example"),
        ("and for a small shop?", "follow-up"),
        ("and the others?", "follow-up"),
    ],
)
def test_a_question_kind_is_read_from_its_form(question, kind):
    assert kind in KINDS
    assert question_kind(question) == kind or detect(question).kind == kind


def test_the_same_form_gets_the_same_kind_whatever_the_topic():
    topics = ["cold storage", "donor retention", "email deliverability", "AI pilots"]
    assert {detect(f"How do we improve {t}?").kind for t in topics} == {"how-to"}
    assert {detect(f"Why does {t} matter?").kind for t in topics} == {"why"}


def test_a_calculation_keeps_its_calculator_topic_and_the_calculation_kind():
    intent = detect("The tool costs $12,000 upfront and saves $1,500 per month. When does it pay back?")
    assert (intent.name, intent.kind) == ("payback", "calculation")


@pytest.mark.parametrize(
    ("message", "work"),
    [
        ("Write me a cover letter for a barista job", "cover letter"),
        ("thanks! btw can you help me write a wedding speech for my brother?", "wedding speech"),
        ("pls write a poem about the sea", "poem"),
        ("Could you draft a subject line for our win-back email?", "subject line"),
        ("unrelated, but can you design a floor plan for my kitchen", "floor plan"),
        ("could you just prepare the minutes of our last meeting", "minutes"),
        ("How do I write a good subject line?", None),
        ("What should a welcome email say?", None),
    ],
)
def test_a_request_to_produce_something_names_what_it_asks_for(message, work):
    assert requested_work(message) == work


def test_a_general_task_is_refused_unless_the_course_names_what_it_asks_for(advisor):
    judge = advisor.scope
    assert judge.general_task("by the way can you write me a cover letter for a marketing job?")
    assert judge.off_topic("pls write a poem about my cat for her birthday")
    assert not judge.general_task("Could you draft a SMART goal for our online shop?")  # the course teaches them
    assert not judge.general_task("How do I write a SMART goal?")  # a question, not a task


@pytest.mark.parametrize("question", [
    "What does this course cover?",
    "so what is the module about?",
    "What are the main topics?",
    "what will I learn in this course",
    "Can you give me an overview of the course?",
    # the whole named with words of its title between, or as "the whole thing", and its gist asked
    "could you list the big themes of the bicycle repair module as bullet points",
    "quick recap of the entire thing please, I'm in a hurry",
    "what are the key points of this deck?",
    "what's the gist of the handout",
])
def test_a_question_about_the_course_as_a_whole_is_an_overview(question):
    assert question_kind(question) == "overview"


@pytest.mark.parametrize("question", [
    "What does the course say about consent?",
    "What are the main risks of a loyalty programme?",
    "What topics should our newsletter cover?",
    "does the course cover tyre pressure?",  # a topic named after the gist word
    "which topics does this module cover on brakes?",
    "what are the key points of the course on pricing?",
])
def test_a_question_about_something_in_the_course_is_not_an_overview(question):
    assert question_kind(question) != "overview"
