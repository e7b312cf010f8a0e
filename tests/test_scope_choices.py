"""A choice between two named things the course never names, asked as the user's own choice
("should we keep the rota in notion boards or google calendar?"), is a product question, even
when one name shares a word with a name the course uses ("Google Sheets"). Options given as
examples of what the course's text is asked about ("does the handbook mention ebooks or
audiobooks?") are not a choice. Written for this test on a small module of its own."""

from __future__ import annotations

import pytest

from tests.advisors import advisor_on

MODULE = """# Running the Volunteer Rota

## Planning Shifts

Every library volunteer works at least one shift a month. The coordinator keeps the rota in
Google Sheets so that every volunteer can see the month ahead, and a paper sign-in sheet stays
at the front desk for the days the internet is down. Shifts are planned four weeks ahead, and
sheets for the next month go up on the notice board by the 20th.

## Reminders and Swaps

Volunteers get a reminder by text two days before a shift. A volunteer who cannot come finds a
swap from the reserve list and tells the coordinator; an empty shift is covered by the
coordinator, never left open.

## Welcoming New Volunteers

A new volunteer shadows an experienced one for two shifts before working the desk alone, and
reads the lending rules for books, magazines and the local history room.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("rota")
    module = folder / "volunteer-rota.md"
    module.write_text(MODULE, encoding="utf-8")
    return advisor_on([module], folder / "data", embedder)


@pytest.fixture(scope="module")
def judge(advisor):
    return advisor.scope


def test_a_word_the_course_writes_only_inside_a_name_is_a_part_of_that_name(judge):
    assert "google" in judge.name_words
    assert not {"sheets", "sheet", "volunteer", "shifts"} & judge.name_words  # written in lower case too


@pytest.mark.parametrize("asked", [
    "should we keep the rota in notion boards or google calendar?",
    "which is better for swaps, whatsapp groups or google forms?",
    "so should i move our reminders to slack channels or google chat",
])
def test_a_choice_between_two_named_things_the_course_never_names_is_refused(judge, advisor, asked):
    assert judge.unnamed_choice(asked)
    assert judge.off_topic_by_kind(asked)


def test_the_refusal_reaches_the_user(advisor):
    assert advisor.ask("should we keep the rota in notion boards or google calendar?").refused


@pytest.mark.parametrize("asked", [
    "should we keep the rota in google sheets or on the paper sign-in sheet?",  # both are the module's
    "should a new volunteer shadow two shifts or work the desk alone?",  # the module's own words
    "which reminder comes first, the text or the swap from the reserve list?",
])
def test_a_choice_between_what_the_course_names_is_its_question(judge, asked):
    assert not judge.unnamed_choice(asked)


@pytest.mark.parametrize("asked", [
    "does the module say anything about lending ebooks or audiobooks?",
    "is there a section on podcasts or vlogs in this course? what does it say?",
])
def test_options_given_as_examples_of_what_the_course_says_are_not_a_choice(judge, asked):
    """Guard: the sentence asks what the course's text says; its options are examples."""
    assert not judge.unnamed_choice(asked)


def test_options_named_in_passing_are_not_a_choice_asked(judge):
    """Guard: a sentence that does not ask for the user's choice lists things, it does not choose."""
    assert not judge.unnamed_choice("our volunteers post in slack channels or google chat; how early should a swap be found?")


def _between(judge, monkeypatch):
    """The message is as near the module as general questions commonly come: above the floor,
    below the ceiling, and nearer the module than to any general question."""
    course = (judge.floor + judge.ceiling) / 2
    monkeypatch.setattr(judge, "_nearness", lambda question: (course, course - 0.05))


@pytest.mark.parametrize("asked", [
    "how do i get the black mould off my bathroom tiles without bleach",
    "what strings should i buy for my daughter's second-hand violin",
])
def test_a_question_whose_words_are_mostly_not_the_courses_and_no_nearer_than_general_ones_is_refused(
        judge, monkeypatch, asked):
    """Its topic is its own, whatever word of the module it shares ("without", "buy")."""
    _between(judge, monkeypatch)
    assert judge.mostly_foreign(asked)
    assert judge.off_topic(asked)
    assert judge.own_topic_elsewhere(asked)  # in a conversation too: not read with its topic


@pytest.mark.parametrize("asked", [
    "can a volunteer swap a shift with someone from the reserve list?",  # the module's own words
    "does the handbook say anything about grandparents, teenagers or students volunteering?",  # its text
    "how early before the shift does the text reminder go out?",
])
def test_a_course_question_as_far_from_the_module_is_answered(judge, monkeypatch, asked):
    """Guard: at the same nearness, a question in the module's words or on its text is its own."""
    _between(judge, monkeypatch)
    assert not judge.off_topic(asked)


def test_a_question_nearer_the_module_than_general_questions_come_is_answered_in_any_words(judge, monkeypatch):
    """Guard: a learner's everyday words are no sign of another topic once the question is nearer
    the module than nearly every general question."""
    asked = "whats the deal if i cant make it, who do i actually tell?"
    assert judge.mostly_foreign(asked)
    monkeypatch.setattr(judge, "_nearness", lambda question: (judge.ceiling + 0.05, judge.ceiling - 0.1))
    assert not judge.off_topic(asked)
