"""An answer quotes the part of the course that answers: an example in brackets keeps its own first
clause when only a later clause holds a fill-in slot; "what comes after X?" in prose that names its
members in capitals skips the sentences that only say more about X; bullets that lean on the bullet
before them ("It also…", "This lets…") are quoted with it; "who…?" after an answer gets the part of
the sentence that names the people; a section built round a table names its rows."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering.compose import PLACEHOLDER, Composer, neighbour, passage_units, retold, without_slot_asides
from assistant.answering.forms import kind_fit
from assistant.answering.members import section_members
from assistant.reading.elliptical import is_elliptical, resolve
from assistant.settings import Settings
from knowledge.chunking import Unit
from word_vectors import embed


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


# ---- "who…?" after an answer: the part of its sentence that names the people ----------------------
ROTA = ("Stock checks should include a quick daily count of the fast movers at the tills; a full count "
        "each quarter by the warehouse team and two store managers to settle the books; and a spot "
        "check after every delivery that arrives damaged.")


@pytest.mark.parametrize(("ask", "fits"), [
    ("and who owns that?", True), ("who signs it off?", True), ("ok, who does it then?", True),
    ("who else sells it?", False),  # over-reach: not an ask for who does the work
])
def test_an_ask_for_who_fits_a_unit_that_names_people(ask, fits):
    people = Unit(("A full count each quarter by the warehouse team settles the books.",), "sentence")
    assert kind_fit("follow-up", ask, people) == float(fits)


def test_who_after_an_answer_retells_the_clause_naming_the_people():
    unit = Unit((ROTA,), "sentence")
    told = retold(unit, "and who owns that (stock checks)?", "follow-up", frozenset({ROTA}), "and who owns that?")
    assert told.parts[0].startswith("a full count each quarter by the warehouse team")


def test_a_sentence_said_before_whose_clause_answers_who_is_picked_again_narrowed():
    passages = [{"text": ROTA, "kind": "prose", "section": "Stock checks", "chunk_id": "c1"},
                {"text": "Counting stock regularly keeps the shelves and the books in step with each other.",
                 "kind": "prose", "section": "Stock checks", "chunk_id": "c2"}]
    picks = Composer(embed, Settings()).select("and who owns that (stock checks)?", passages, 1, set(),
                                               kind="follow-up", avoid=frozenset({ROTA}), typed="and who owns that?")
    assert picks and picks[0].unit.parts[0].startswith("a full count each quarter")


# ---- "is that different for…?": what was just said, as the subject --------------------------------
PREVIOUS = "we run two cafés and a van. how often should the coffee machines be descaled?"


@pytest.mark.parametrize("message", [
    "is that different for a market stall?", "would those still apply to a food truck?", "is that true for hard water?",
])
def test_a_short_question_about_what_was_just_said_leans_on_it(message):
    assert is_elliptical(message)
    follow = resolve(message, PREVIOUS, "")
    assert follow.elliptical and "coffee machines descaled" in follow.text


@pytest.mark.parametrize("message", [
    "is it ok to descale with vinegar?",  # over-reach: "it" opens a question of its own
    "is this grinder different from a burr grinder?",  # "this" as a determiner
])
def test_a_question_with_its_own_subject_stands_alone(message):
    assert not is_elliptical(message)


def test_a_follow_up_borrows_the_asking_sentence_not_the_situation():
    follow = resolve("and who does that?", PREVIOUS, "")
    assert "cafés" not in follow.text and "van" not in follow.text
    assert "coffee machines" in follow.text


# ---- a section built round a table names its rows -------------------------------------------------
def _row(section, text, start):
    return SimpleNamespace(section=section, text=text, start=start, kind="table_row", source="bakes.odt")


class _Course(SimpleNamespace):
    __hash__ = object.__hash__  # a served course is hashed by identity


BAKES = _Course(chunks=[
    SimpleNamespace(section="Easy first bakes", text="Start with forgiving doughs.", start=0, kind="prose", source="bakes.odt"),
    _row("Easy first bakes", "Bake: Soda bread\nOven (°C): 200\nTime (min): 40", 10),
    _row("Easy first bakes", "Bake: Flapjack\nOven (°C): 180\nTime (min): 25", 20),
    _row("Easy first bakes", "Bake: Banana loaf\nOven (°C): 170\nTime (min): 55", 30),
    _row("Sample log", "Date: 3 May\nOven (°C): 200", 40),
])


def test_a_section_built_round_a_table_names_its_rows_by_their_first_cells():
    assert section_members(BAKES, "bakes.odt", "Easy first bakes") == ("Soda bread", "Flapjack", "Banana loaf")


def test_a_lone_sample_row_names_no_members():
    # over-reach: one row is an example, not a list of the section's members
    assert section_members(BAKES, "bakes.odt", "Sample log") == ()


# ---- bullets that lean on the bullet before them ---------------------------------------------------
def test_bullets_that_lean_on_the_one_before_are_quoted_under_it():
    text = ("Keep raw and cooked food in separate fridges wherever the kitchen allows it.\n"
            "This stops juices from raw meat dripping onto food that will not be cooked again.\n"
            "Moreover, it makes the daily temperature checks quicker for the closing shift.\n"
            "Label every shelf with the date it was last deep-cleaned by the team.")
    found = passage_units({"text": text, "kind": "bullets"})
    grouped = [u for u in found if len(u.parts) > 1]
    assert len(grouped) == 1 and grouped[0].parts[0].startswith("Keep raw and cooked")
    assert grouped[0].parts[2].startswith("It makes the daily")  # its connective trimmed
    # over-reach: a bullet that opens on its own stays its own unit
    assert any(u.parts == ("Label every shelf with the date it was last deep-cleaned by the team.",) for u in found)


def test_bullets_that_each_stand_alone_stay_apart():
    text = ("Out of direct sunlight, which heats the water and feeds green algae.\n"
            "At least one metre away from radiators, fireplaces and draughty windows.\n"
            "Close to a power socket, so that cables do not cross walkways.")
    assert [len(u.parts) for u in passage_units({"text": text, "kind": "bullets"})] == [1, 1, 1]


BREAD_GUIDE = """# Home Baking Basics

## Easy first loaves
Beginners do best with forgiving doughs that need no shaping skill and little kneading.

| Loaf | Flour | Oven (°C) | Bake (min) |
| --- | --- | --- | --- |
| Soda bread | Plain white | 200 | 40 |
| No-knead rye | Rye | 230 | 45 |
| Tin loaf | Strong white | 220 | 35 |
| Focaccia | Strong white | 220 | 25 |

## Storing bread
Keep bread in a cloth bag at room temperature and freeze what you will not eat within two days.
"""


def test_an_ask_for_which_things_answered_from_a_table_names_its_rows(tmp_path, embedder):
    from tests.advisors import advisor_on

    path = tmp_path / "bread.md"
    path.write_text(BREAD_GUIDE, encoding="utf-8")
    advisor = advisor_on([path], tmp_path / "data", embedder)
    result = advisor.ask("first time baking at home, so excited!! which loaves are easy ones to start with",
                         remember=False)
    assert all(name in result.answer for name in ("Soda bread", "No-knead rye", "Tin loaf", "Focaccia"))
