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
