"""Off-topic rules of stop 39, on a small module written for this test (a repair café's bench).

- A question asked wholly in the corpus's words, nearer the course than nearly all general
  questions come, is refused only when a general question is clearly nearer ("what's the first
  thing to do when opening a repair ticket" is not outvoted by a general question about fixing
  a door that happens to be a little nearer).
- "the cheapest" of what the course compares is its question; the cheapest product it never
  names is a recommendation of a product.
- The date of something that happened in the world ("what year did <a company> start…") is
  history, unless the course dates events itself.
- A chore of the user's own handed over ("can you do my tax return", "make my expense report in
  excel") is a general task unless the course names the thing.
"""

from __future__ import annotations

import pytest

from tests.advisors import advisor_on

MODULE = """# Running a Repair Café Bench

## Opening a Repair Ticket

Every item that comes to the bench gets a repair ticket before anyone opens it. The volunteer
writes the owner's name, what the item is and what is wrong with it, and the owner signs that
they accept the item may not be fixed. The ticket stays with the item until it leaves the café.

## Tools on the Bench

Three kits sit on the bench: a soldering kit, a sewing kit and a screwdriver set with security
bits. A multimeter is shared between benches. Glue and spare fuses are kept in the locked
cupboard, and the kits are counted back in at the end of every session.

| Kit | Used for | Cost to replace |
|---|---|---|
| Soldering kit | lamps, radios, loose wires | high |
| Sewing kit | bags, coats, torn seams | low |
| Screwdriver set | toasters, kettles, casings | medium |

## Safety Checks

Anything that plugs into the mains gets a visual check of its cable and plug before and after
the repair. A volunteer who is unsure stops and asks the bench lead; a failed check means the
item goes home with a note, never back into use.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("repair-cafe")
    module = folder / "repair-cafe-bench.md"
    module.write_text(MODULE, encoding="utf-8")
    return advisor_on([module], folder / "data", embedder)


@pytest.fixture(scope="module")
def judge(advisor):
    return advisor.scope


def _general_a_little_nearer(judge, monkeypatch):
    """Nearer the module than nearly all general questions come, and a general question a little
    nearer still (within the margin a course's own terms get)."""
    course = judge.ceiling + 0.2
    monkeypatch.setattr(judge, "_nearness", lambda question: (course, course + 0.05))


@pytest.mark.parametrize("asked", [
    "who signs the ticket when an item comes to the bench?",
    "where are the glue and the spare fuses kept?",
    "is the multimeter shared between benches?",
])
def test_a_question_wholly_in_the_course_words_is_not_outvoted_by_a_slightly_nearer_general_one(
        judge, monkeypatch, asked):
    _general_a_little_nearer(judge, monkeypatch)
    assert not judge.off_topic(asked)


@pytest.mark.parametrize("asked", [
    "what's the first thing to do when opening a garage door",  # garage, door: not the course's words
    "how do i fix a dripping tap in my bathroom",
])
def test_a_word_the_course_never_uses_keeps_the_plain_vote(judge, monkeypatch, asked):
    _general_a_little_nearer(judge, monkeypatch)
    assert judge.off_topic(asked)


def test_a_general_question_clearly_nearer_still_wins(judge, monkeypatch):
    course = judge.ceiling + 0.2
    monkeypatch.setattr(judge, "_nearness", lambda question: (course, course + 0.15))
    assert judge.off_topic("what's the very first thing to do when opening a repair ticket")


def test_under_the_ceiling_the_course_words_do_not_shield(judge, monkeypatch):
    course = judge.floor + 0.01
    monkeypatch.setattr(judge, "_nearness", lambda question: (course, course + 0.02))
    assert judge.off_topic("who signs the ticket when an item comes to the bench?")


@pytest.mark.parametrize("asked", [
    "and the cheapest?",
    "which kit is cheapest to replace?",
    "what's the cheapest kit to replace if it goes missing",
])
def test_the_cheapest_of_what_the_course_compares_is_its_question(judge, asked):
    assert not judge.off_topic_by_kind(asked)


@pytest.mark.parametrize("asked", [
    "what's the cheapest cordless drill for home use",
    "which brand of soldering iron is cheapest",
])
def test_the_cheapest_product_the_course_never_names_is_refused(judge, asked):
    assert judge.off_topic_by_kind(asked)


@pytest.mark.parametrize("asked", [
    "what year did ikea open its first store?",
    "when was the transistor invented",
    "in which year was the first cash machine installed?",
    "who founded the red cross?",
])
def test_the_date_of_an_event_in_the_world_is_history(judge, asked):
    assert judge.off_topic_by_kind(asked)
    assert judge.off_topic(asked)


@pytest.mark.parametrize("asked", [
    "when did the bench lead start counting the kits back in?",  # the course's own words
    "when was the safety check done, before or after the repair?",
])
def test_a_when_question_about_what_the_course_names_is_not_history(judge, asked):
    assert not judge.asks_date_of_past(asked)


def test_a_course_that_dates_events_is_asked_them(tmp_path, embedder):
    dated = tmp_path / "cafe-history.md"
    dated.write_text("# Our Café\n\n## How It Began\n\nThe first repair café opened in Amsterdam in 2009, and "
                     "ours followed in 2014 in the church hall on the high street.\n", encoding="utf-8")
    judge = advisor_on([dated], tmp_path / "data", embedder).scope
    assert not judge.asks_date_of_past("what year did the first repair café in amsterdam open?")


@pytest.mark.parametrize("asked", [
    "Can you do my tax return for me? it's due on the 31st",
    "could you make my wedding budget in a spreadsheet",
    "pls fill in my visa application form",
    "hi! can u sort out my holiday packing list",
])
def test_a_chore_of_the_users_own_the_course_never_names_is_a_general_task(judge, asked):
    assert judge.general_task(asked)
    assert judge.off_topic(asked)


@pytest.mark.parametrize("asked", [
    "can you do my repair ticket for this lamp?",  # the course's own thing
    "could you make my notes from this module shorter",  # the course's material
    "what do I do with my soldering kit at the end of a session?",  # no chore handed over
])
def test_a_chore_in_the_course_words_is_no_general_task(judge, asked):
    assert not judge.general_task(asked)


# A request to the advisor after a comma ("my kettle sparks, can you find me an electrician"), a
# provider of the user's own choice ("which electrician should i ring"), and a thing asked to be
# given that the course never names ("give me a spreadsheet formula for…") are the general
# assistant's; the course's material given ("give me some practical examples") is not.

@pytest.mark.parametrize("asked", [
    "my kettle at home sparks when I switch it on, can you find me an electrician nearby",
    "our toaster caught fire last night, which electrician should i ring tomorrow",
    "give me a spreadsheet macro to sort my household bills",
    "give me a lasagne recipe for eight people",
])
def test_an_errand_a_provider_or_a_thing_the_course_never_names_is_refused(judge, asked):
    assert judge.off_topic_by_kind(asked)


@pytest.mark.parametrize("asked", [
    "give me some practical examples of a failed safety check",
    "give me the big picture of the bench in plain words",
    "give me a simple explanation of why the kits are counted back in",
    "the lamp flickers, which kit should we use?",  # a choice among the course's own kits
    "a kettle came in, can you tell me who signs its ticket?",
])
def test_the_course_material_given_or_its_own_choice_is_not_refused_by_kind(judge, asked):
    assert not judge.off_topic_by_kind(asked)


@pytest.mark.parametrize("asked", ["give me the opposite case", "give me a different scenario then"])
def test_a_case_asked_for_in_a_conversation_is_not_a_thing_to_hand_over(judge, asked):
    assert not judge.general_task(asked)
