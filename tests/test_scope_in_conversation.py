"""Scope across the turns of a conversation: a follow-up is judged by what the user typed, not by
the words it borrows from an answered turn, and a message that points back with "that" before a
verb ("what does that tell me…") leans on the turn before it. Each rule has a guard: what the
user types in a frame the module never uses is still refused. Written for this test against the
cold-room procedure in tests/data/formats/ (a module that never speaks of the law)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.reading.elliptical import is_elliptical, leans_on
from knowledge.request_forms import owned_text
from tests.advisors import advisor_on

FORMATS = Path(__file__).parent / "data" / "formats"


@pytest.fixture(scope="module")
def bundled(request):
    return request.getfixturevalue("advisor")  # conftest's session Advisor on the bundled course


@pytest.fixture(scope="module")
def cold_room(tmp_path_factory, embedder):
    return advisor_on([FORMATS / "cold-room-sop.txt"], tmp_path_factory.mktemp("cold-room"), embedder)


def test_the_module_never_speaks_of_the_law(cold_room):
    assert not any(cold_room.scope.knows(w) for w in ("legal", "law", "lawyer", "sue"))


def test_a_follow_up_is_judged_by_its_own_words_not_the_ones_it_borrowed(cold_room):
    """The words in brackets came from an answered turn ("forget the legal side"): they do not
    make the new ask a legal question. The same words typed now do."""
    judge = cold_room.scope
    reading = "and what goes on the waste sheet (forget legal side; use-by)?"
    assert judge.off_topic_by_kind(reading)  # read whole, the borrowed "legal" is a frame
    assert not judge.off_topic(reading, typed="and what goes on the waste sheet?")
    assert not judge.clearly_off_topic(reading, typed="and what goes on the waste sheet?")
    # guard: the frame in the user's own words is still refused
    assert judge.off_topic("and is that legal (waste sheet)?", typed="and is that legal?")


def test_after_a_return_from_a_legal_aside_the_next_follow_up_is_answered(cold_room):
    first = cold_room.ask("how long must the sanitiser stay wet on a shelf?", remember=True)
    assert not first.refused
    cid = first.conversation_id
    aside = cold_room.ask("could I sue the chemical supplier if the sanitiser burned a porter's hands?",
                        conversation_id=cid, remember=True)
    assert aside.refused
    back = cold_room.ask("ok forget the legal side. where does the raw meat go on the trolley?",
                       conversation_id=cid, remember=True)
    assert not back.refused
    after = cold_room.ask("and what do I write on the waste sheet?", conversation_id=cid, remember=True)
    assert not after.refused and after.citations
    # guard: a legal ask typed now is refused, whatever the conversation was about
    again = cold_room.ask("and is it legal to throw that stock away?", conversation_id=cid, remember=True)
    assert again.refused


@pytest.mark.parametrize("message", ["what does that tell me is going wrong?", "does this apply to the dairy chiller?",
                                     "how did that happen?", "so what does that say about the rota?"])
def test_that_or_this_before_a_verb_points_back(message):
    assert leans_on(message, "how often is the cold room cleaned?")


@pytest.mark.parametrize("message", ["what does this course cover?", "does this module include freezers?",
                                     "what does this procedure say about door seals?"])
def test_this_before_a_noun_names_the_text_and_points_at_nothing_said(message):
    """Guard: "this course", "this module" name the text; the message is not elliptical."""
    assert not is_elliptical(message)


@pytest.mark.parametrize("message, owned", [
    ("summarise chapter 3 of my history textbook on the french revolution", "textbook"),
    ("rewrite the first paragraph from our annual report", "report"),
    ("can you summarise section 2 of my thesis please", "thesis"),
    ("summarise part 2 of the course", None),  # the course's own text, named with "the"
    ("write a subject line for my spring sale", None),  # what the text is for, not whose it is
])
def test_the_users_own_text_that_a_request_works_on(message, owned):
    assert owned_text(message) == owned


def test_a_numbered_part_of_the_users_own_book_is_not_the_courses(cold_room):
    """"Section 3 of my geography book": a section number the module also has does not make the
    request the course's. Guard: the module's own section 3 is summarised."""
    judge = cold_room.scope
    assert judge.general_task("summarise section 3 of my geography book for me")
    assert not judge.general_task("summarise section 3 of the procedure for me")  # failed before: "section 3" was no part of the text
    assert not judge.general_task("summarise section 3 of my copy of the procedure")
    refused = cold_room.ask("summarise section 3 of my geography book for me", remember=False)
    assert refused.refused
    answered = cold_room.ask("summarise section 3 of the procedure for me", remember=False)
    assert not answered.refused


@pytest.mark.parametrize("message", ["what's the bit in the sidebar about?",  # both refused before
                                     "explain the last figure in the table pls"])
def test_a_question_pointing_at_a_part_of_the_text_is_the_courses(cold_room, message):
    """A footnote, a table, a slide or a checklist is part of the course's text: the question is
    never refused for being far from its sentences."""
    assert not cold_room.scope.off_topic(message)


@pytest.mark.parametrize("message", ["what should I put on the table for a dinner party?",
                                     "what is in the box of chocolates I got for christmas?"])
def test_furniture_and_boxes_are_not_parts_of_the_text(cold_room, message):
    """Guard: "on the table" and "in the box" name things of the world, and stay refused."""
    assert cold_room.scope.off_topic(message)


@pytest.mark.parametrize("message", ["give me the big picture of this procedure in 4 bullet points",
                                     "summarise the whole procedure for my new porters"])
def test_a_request_for_the_gist_of_the_course_is_still_answered(cold_room, message):
    """Guard: the user's own text ("my textbook") is refused; the course's text asked for by its
    gist, for someone of the user's own, is not."""
    assert not cold_room.scope.works_on_users_text(message)
    assert not cold_room.ask(message, remember=False).refused


@pytest.mark.parametrize("message", ["are AI pricing tools legal in brazil for online shops?",  # both answered before
                                     "is personalised pricing legal in japan for an online store?",
                                     "how are online shops taxed in norway when they sell abroad?"])
def test_the_law_or_tax_of_a_place_the_course_never_names_is_not_its(bundled, message):
    """The bundled course speaks of regulation and data protection, but not of any one country's
    law: a question tied to a place it never names is personal legal or tax advice."""
    assert bundled.scope.foreign_frame(message)


@pytest.mark.parametrize("message", ["is it legal to use customer data to personalise prices?",
                                     "are there legal rules in the course about using customer data?"])
def test_a_legal_question_the_course_speaks_to_is_still_its_own(bundled, message):
    """Guard: without a place, a legal question in the course's own words is judged as before."""
    assert not bundled.scope.foreign_frame(message)
