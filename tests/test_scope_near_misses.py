"""Near misses in a module's own domain and the turns around them: requests a course never answers
although their words are near it (a note of another kind, a supplier's price today, code, a court
case, an injury, the best brand), a general question in the middle of a course conversation, and
the way back to the course after it. Each rule has a guard: the same shape about what the module
teaches is still answered. Written for this test against the modules in tests/data/formats/."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.reading.intents import question_kind
from tests.advisors import advisor_on

FORMATS = Path(__file__).parent / "data" / "formats"
MODULES = ["cold-room-sop.txt", "youth-coaching.md"]


@pytest.fixture(scope="module")
def advisors(tmp_path_factory, embedder):
    return {name: advisor_on([FORMATS / name], tmp_path_factory.mktemp(Path(name).stem), embedder) for name in MODULES}


@pytest.fixture(scope="module")
def judge(advisors):
    return advisors["cold-room-sop.txt"].scope


def test_a_note_of_a_kind_the_course_never_names_is_a_task_but_its_own_points_are_not(judge):
    """"note", "page", "list" are forms of an answer about the course ("write up the key points"),
    unless a word before them makes them a thing of their own kind (a farewell note)."""
    assert judge.general_task("write me a farewell note for our retiring head chef")
    assert judge.general_task("can you draft a welcome page for our bakery website")
    assert not judge.general_task("write out the key points")
    assert not judge.general_task("write me a cleaning checklist for the cold room")
    assert not judge.general_task("write up the main steps")


def test_what_a_supplier_charges_now_is_looked_up_not_taught(judge):
    assert judge.asks_live_price("what does Bidfood currently charge for a 5 litre tub of degreaser?")
    assert judge.asks_live_price("how much is a Hobart dishwasher right now? what's the price")
    assert judge.off_topic("what does Bidfood currently charge for a 5 litre tub of degreaser?")
    # the present without a price, or a price without the present, is not a live price
    assert not judge.asks_live_price("what is the current contact time for the sanitiser?")
    assert not judge.asks_live_price("which of the two chemicals costs more to mix?")


def test_a_request_for_code_is_a_task_unless_the_corpus_holds_code(judge, monkeypatch):
    message = "how can I log the chiller temperatures to a spreadsheet automatically? step by step with code"
    assert judge.asks_for_code(message)
    assert judge.off_topic(message)
    assert judge.asks_for_code("give me a python script that emails me when the door is left open")
    assert not judge.asks_for_code("what does the code on the sanitiser label mean?")
    monkeypatch.setattr(judge, "_has_code", True)  # a course that teaches programming is asked for code
    assert not judge.asks_for_code(message)


def test_going_to_court_is_a_frame_of_its_own_beside_liability(judge, monkeypatch):
    asked = "the supplier sold us a bad batch of sanitiser and won't refund it, can we take them to court?"
    assert judge.foreign_frame(asked)
    # a corpus that speaks of liability does not thereby teach litigation
    monkeypatch.setattr(judge, "_vocabulary", judge.vocabulary | {"liability"})
    assert judge.foreign_frame(asked)


def test_an_injury_is_personal_medical_advice_unless_the_module_speaks_of_injuries(advisors, judge):
    assert judge.foreign_frame("I twisted my ankle on the wet floor during the clean, is it a sprain?")
    assert judge.off_topic("my knee has been sore since I scrubbed the floor all morning, should I see a doctor?")
    coaching = advisors["youth-coaching.md"].scope  # a module with a section on injuries
    assert not coaching.foreign_frame("a player hurt his knee in the warm-up game, what should the coach do?")


def test_the_best_brand_is_a_product_to_recommend_and_the_best_dilution_is_not(judge):
    assert judge.recommends_unnamed("which mop brand is best for a tiled floor?")
    assert judge.recommends_unnamed("what pressure washer would be the cheapest?")
    assert not judge.recommends_unnamed("which dilution is best for the degreaser?")
    assert not judge.recommends_unnamed("what chemical is best for the door seals?")


def test_an_ask_without_its_question_mark_still_counts_as_asking(judge):
    """"…too? which brand is cheapest": the last sentence asks although it has no question mark."""
    assert judge.foreign_frame("should we get a second trolley? which brand is cheapest")
    assert not judge.foreign_frame("should we get a second trolley? the procedure says one")


def test_a_short_word_is_known_in_its_plural(judge, monkeypatch):
    monkeypatch.setattr(judge, "_vocabulary", judge.vocabulary | {"skus"})
    assert judge.knows("SKU") and judge.knows("skus")
    assert not judge.knows("lasagne")


def test_a_general_question_mid_conversation_is_refused_and_the_way_back_is_answered(advisors):
    """A question with a topic of its own outside the course is not read with the conversation's
    topic because it shares a word with it ("stock"); the message that returns to the course after
    it is answered from the module."""
    advisor = advisors["cold-room-sop.txt"]
    first = advisor.ask("where do I move the stock before cleaning?", remember=True)
    assert not first.refused
    aside = advisor.ask("what's a good chicken stock recipe for four people?",
                        conversation_id=first.conversation_id, remember=True)
    assert aside.refused
    back = advisor.ask("sorry, the real question: what goes on the bottom shelf of the trolley?",
                       conversation_id=first.conversation_id, remember=True)
    assert not back.refused and back.citations


def test_a_follow_up_in_the_modules_words_still_leans_on_the_last_answer(judge):
    """Guard: a message in the corpus's own words is never taken for a topic elsewhere."""
    assert not judge.own_topic_elsewhere("and how long does it stay wet?")
    assert not judge.own_topic_elsewhere("what about the door seals?")


@pytest.mark.parametrize("message", ["what does this chapter cover?", "what's covered in the handbook?",
                                     "what does this help centre cover?"])
def test_the_whole_of_a_chapter_handbook_or_help_centre_is_an_overview(message):
    assert question_kind(message) == "overview"


def test_a_choice_between_two_brands_of_one_thing_is_a_choice_the_course_never_names(judge):
    """"karcher degreaser or numatic degreaser": the words that tell the options apart are the
    options, although the module names degreaser; a choice between two parts the module names
    ("door seals or shelf seals") is its own."""
    assert judge.unnamed_choice("should we put the budget into karcher degreaser or numatic degreaser?")
    assert not judge.unnamed_choice("should we wipe the door seals or the shelf seals first?")
    assert not judge.unnamed_choice("is the degreaser step or the sanitiser step longer?")


def test_a_message_that_points_back_is_never_judged_apart(judge):
    """Guard: "the best month of the year" is in no word of the module, but "it" is what was just
    said: the conversation decides, not the message alone."""
    assert not judge.own_topic_elsewhere("whats the best month of the year to do it?")


@pytest.mark.parametrize("message, ask", [
    ("never mind that - the course part: how cold must the room stay?", "how cold must the room stay?"),
    ("forget it — the real question: who signs the cleaning sheet?", "who signs the cleaning sheet?"),
    ("fair enough. coming back to the procedure: what goes on the top shelf?", "what goes on the top shelf?"),
])
def test_a_lead_in_that_returns_to_the_course_is_small_talk(message, ask):
    from knowledge.text import strip_preamble

    assert strip_preamble(message) == ask


@pytest.mark.parametrize("message", ["never mind the cost, is the deep clean weekly?",
                                     "sorry if I missed it but how long is the contact time?",
                                     "the real question is whether we rinse after sanitising"])
def test_words_of_a_return_that_carry_the_ask_are_kept(message):
    """Guard: "never mind the cost" names what to set aside, and "the real question is…" is the ask."""
    from knowledge.text import strip_preamble

    assert strip_preamble(message) == message


def test_a_continuation_is_never_judged_apart(judge):
    """Guard: "and how do I stop the spring rush…" opens by continuing the last question."""
    assert not judge.own_topic_elsewhere("and how do I stop the spring rush from ruining the weekly rota?")


def test_the_athletes_own_training_and_diet_are_a_frame_the_coaching_module_never_uses(advisors, monkeypatch):
    """A module on coaching children's sessions says nothing of an adult's fitness or diet: a
    question in that frame is personal advice, unless the corpus speaks in it."""
    coaching = advisors["youth-coaching.md"].scope
    asked = "how can I get my own fitness up so I can keep up with the kids, any plan?"
    assert coaching.foreign_frame(asked)
    assert coaching.foreign_frame("what diet should I follow on match days to have more energy?")
    assert not coaching.foreign_frame("how long should the warm-up game last?")  # guard: the module's own ask
    monkeypatch.setattr(coaching, "_vocabulary", coaching.vocabulary | {"fit", "fitness"})
    assert not coaching.foreign_frame("how do the kids build fitness in the warm-up game?")


def test_a_frame_word_that_names_what_a_shop_sells_is_not_a_frame_of_advice(advisors):
    """"a shop selling fitness apparel": the word names the goods, not the asker's training; the
    same word asked about the asker's body stays a frame the module never uses."""
    coaching = advisors["youth-coaching.md"].scope
    assert not coaching.foreign_frame("we run a small store with fitness apparel for kids: how long should the warm-up game last?")
    assert not coaching.foreign_frame("our club shop sells nutrition supplements; which drills suit the under-9s?")
    assert coaching.foreign_frame("what fitness plan should I follow to keep up with the kids?")  # guard: a plan for the asker
    assert coaching.foreign_frame("how many calories should I eat before coaching?")  # guard


def test_the_way_between_two_places_the_module_never_names_is_a_maps_question(judge):
    asked = "which route should the delivery van take from Croydon into the town centre?"
    assert judge.asks_directions(asked)
    assert judge.off_topic_by_kind(asked)
    assert judge.asks_directions("how do I get from Victoria station to Wembley on a Saturday?")
    # guard: a move between places the procedure names is its own question
    assert not judge.asks_directions("which route does the stock take from the cold room to the reserve chiller?")
    assert not judge.asks_directions("how do I get the stock from the trolley into the reserve chiller?")


def test_a_choice_between_the_users_own_cases_asked_in_the_modules_words_is_answered(judge):
    """"hummus tubs vs brie wheels: …moving the stock…?": the options are the user's own things,
    the ask is a heading of the module. A choice between brands asked as a choice stays refused."""
    asked = "tubs of hummus vs wheels of brie: is moving the stock done the same way for both?"
    assert judge.unnamed_choice(asked)  # the options are not the module's words…
    assert not judge.off_topic_by_kind(asked)  # …but what is asked is
    assert not judge.off_topic(asked)
    assert judge.off_topic_by_kind("Ecolab or Diversey, which is stronger?")
    assert judge.off_topic_by_kind("should we put the budget into karcher degreaser or numatic degreaser?")


def test_going_from_one_stage_to_the_next_is_not_a_journey(judge):
    """Guard: "go from the rota to a finished clean" moves between things the procedure names,
    whatever word stands before them."""
    assert not judge.asks_directions("how do we go from the weekly rota to an actually finished clean, step by step?")
