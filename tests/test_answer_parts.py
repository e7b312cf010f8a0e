"""An answer quotes the part of the course that answers: an example in brackets keeps its own first
clause when only a later clause holds a fill-in slot; "what comes after X?" in prose that names its
members in capitals skips the sentences that only say more about X; bullets that lean on the bullet
before them ("It also…", "This lets…") are quoted with it; "who…?" after an answer gets the part of
the sentence that names the people."""

from __future__ import annotations

import pytest

from assistant.answering.compose import PLACEHOLDER, neighbour, passage_units, without_slot_asides
from knowledge.chunking import Unit


# ---- an example in brackets with a fill-in slot in a later clause ---------------------------------
def test_an_example_keeps_its_first_clause_when_only_a_later_clause_holds_a_slot():
    sentence = ("Talk to the board in outcomes (e.g., \"Our night crew packed 1,400 parcels in March, "
                "saving roughly X hours of overtime, worth $Y in wages\"). Charts help.")
    cut = without_slot_asides(sentence)
    assert "packed 1,400 parcels in March" in cut
    assert "X hours" not in cut and "$Y" not in cut
    assert all(piece in sentence for piece in cut.split("…"))  # verbatim on each side of the cut
    quoted = [part for unit in passage_units({"text": sentence, "kind": "prose"}) for part in unit.parts]
    assert any("1,400 parcels" in part for part in quoted)


@pytest.mark.parametrize("sentence", [
    # over-reach: the slot in the example's first clause; a head that states no figure of its own
    "Talk in outcomes (e.g., \"we saved X hours in March, so the crew went home early\").",
    "Talk in outcomes (e.g., \"the night crew was happier, saving $Y in wages\").",
])
def test_an_example_whose_head_holds_a_slot_or_no_figure_is_dropped_whole(sentence):
    assert "(" not in without_slot_asides(sentence)


@pytest.mark.parametrize(("text", "slot"), [
    ("the crew saved an estimated X hours", True),
    ("freeing staff to focus on Z priority orders", True),
    ("Generation Z shoppers prefer chat", False),  # a name, not an amount
    ("plot the value of x against time", False),  # a variable in lower case
])
def test_a_lone_capital_standing_for_an_amount_is_a_slot(text, slot):
    assert bool(PLACEHOLDER.search(text)) is slot


# ---- the member after a named one, in prose that names its members in capitals ---------------------
CHECKS = Unit(("Four checks come before a depot opens.",
               "Fire Safety must be signed off by the council.",
               "Staff Training covers the forklifts and the first-aid kit.",
               "Good trainers pair each new starter with a staff mentor for a week.",
               "The Stock Count sets the opening figures for the books.",
               "Insurance Cover is confirmed last."), "list")


@pytest.mark.parametrize(("question", "members"), [
    # the sentence after the training member only says more about it (and holds "staff" too)
    ("what comes right after staff training in that list?", ("Staff Training", "The Stock Count")),
    ("which check is just before the stock count?", ("Staff Training", "The Stock Count")),
    ("what comes after fire safety?", ("Fire Safety", "Staff Training")),
])
def test_the_next_member_is_the_next_one_named_in_capitals(question, members):
    unit = neighbour(CHECKS, question)
    assert unit is not None
    assert [" ".join(part.split()[:3]) for part in unit.parts[1:]] == [
        " ".join(part.split()[:3]) for part in CHECKS.parts[1:] if part.startswith(members)]


def test_prose_whose_sentences_all_open_in_capitals_steps_one_sentence():
    # over-reach: every sentence names a member, so none is skipped
    plain = Unit(("Three rules matter.", "Label Every Box clearly.", "Seal Each Carton twice.",
                  "Stack Heavy Items low."), "list")
    unit = neighbour(plain, "what comes after the label every box one?")
    assert unit is not None and unit.parts[2].startswith("Seal")
