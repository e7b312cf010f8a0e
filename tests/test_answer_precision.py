"""What an answer quotes answers the ask: a section whose heading says the opposite of an ask for
things ("which may I…" and "What not to…") gives way to the one that says what is asked; a bare
list under a heading that names the ask is quoted whole; a question that is a field of a sample
the course shows ("Subject: …?") may be quoted; "sum it up" asks for the whole; "the third one"
after an answer that opened with one line points into the list the reader saw."""

from __future__ import annotations

import pytest

from assistant.answering.compose import Composer, Pick, quotable, turned_against, with_bare_list
from assistant.reading.elliptical import listed_member, resolve
from assistant.reading.intents import names_no_topic, question_kind
from knowledge.chunking import Unit
from knowledge.settings import Settings
from knowledge.text import content_words, stem
from word_vectors import embed


# ---- a heading that says the opposite of the ask ------------------------------------------
@pytest.mark.parametrize(("question", "heading", "turned"), [
    ("which scraps may I put in the compost bin?", "What not to compost", True),
    ("list what you can carry in hand luggage", "Items you must never carry", True),
    ("so what should I never wash with soap?", "What to wash with soap", True),
    ("which scraps may I put in the compost bin?", "What you can compost", False),
    ("what should I never wash with soap?", "Things you should never wash", False),
    # over-reach: a yes/no question may be answered by either, a heading about something else
    # is never touched, and an ask that is not for things keeps every section
    ("can I compost citrus peel?", "What not to compost", False),
    ("which scraps may I put in the compost bin?", "Mistakes with watering", False),
    ("why does the heap smell of ammonia?", "What not to compost", False),
])
def test_a_heading_turned_against_an_ask_for_things_is_told_apart(question, heading, turned):
    assert turned_against(question, heading) is turned


def _bullets(section: str, lines: list[str], chunk: str) -> dict:
    return {"text": "\n".join(lines), "kind": "bullets", "section": section, "chunk_id": chunk, "start": 0}


ALLOWED = _bullets("What you can compost", [
    "Vegetable peelings and fruit cores from the kitchen.",
    "Coffee grounds together with their paper filters.",
    "Shredded cardboard and egg boxes without any plastic."], "yes")
BANNED = _bullets("What not to compost", [
    "Never compost meat or fish scraps in an open heap.",
    "Never compost glossy printed paper or coloured card."], "no")


def test_the_section_that_says_what_is_asked_is_quoted_before_its_opposite():
    question = "which kitchen scraps can I compost at home?"
    settings = Settings(min_relevance=0.0, relative_relevance=0.0)
    first = Composer(embed, settings).select(question, [BANNED, ALLOWED], 1, set())[0]
    assert first.passage["section"] == "What you can compost"
    # the penalty is what tells them apart: without it the turned section comes first
    unturned = Composer(embed, Settings(min_relevance=0.0, relative_relevance=0.0, compose_polarity_penalty=0.0))
    assert unturned.select(question, [BANNED, ALLOWED], 1, set())[0].passage["section"] == "What not to compost"


# ---- a bare list under a heading that names the ask ----------------------------------------
EXAM = _bullets("What you may bring into the exam hall", [
    "A clear plastic bottle of still water without a label.",
    "Black pens and a pencil in a transparent pencil case.",
    "A calculator from the approved list, with its lid removed.",
    "Your candidate card with the photograph showing."], "exam")


def _asked(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def test_a_bullet_of_a_bare_list_whose_heading_names_the_ask_brings_its_list():
    one = Pick(Unit(("Black pens and a pencil in a transparent pencil case.",), "bullet"), EXAM, 0.8)
    picks = with_bare_list([one], _asked("what may I bring into the exam?"), set())
    assert [p.unit.parts[0] for p in picks][1:] == [
        "A clear plastic bottle of still water without a label.",
        "A calculator from the approved list, with its lid removed.",
        "Your candidate card with the photograph showing."]


def test_a_bare_list_stays_as_picked_when_its_heading_names_nothing_asked_or_it_is_long():
    one = Pick(Unit(("Black pens and a pencil in a transparent pencil case.",), "bullet"), EXAM, 0.8)
    assert len(with_bare_list([one], _asked("which pencils are allowed?"), set())) == 1
    long = {**EXAM, "text": "\n".join(f"Item number {n} that a candidate may bring along." for n in range(9))}
    many = Pick(Unit(("Item number 1 that a candidate may bring along.",), "bullet"), long, 0.8)
    assert len(with_bare_list([many], _asked("what may I bring into the exam?"), set())) == 1


# ---- a question that is a field of a sample ------------------------------------------------
@pytest.mark.parametrize(("text", "kept"), [
    ("Subject: Did your enamel kettle arrive safely?", True),
    ("Customer: Where is my parcel, it has been two weeks?", True),
    ("Question: How would you greet a returning customer?", False),
    ("How would you greet a customer who returns after a year?", False),
])
def test_a_question_that_is_a_field_of_a_sample_may_be_quoted(text, kept):
    assert quotable(text) is kept


# ---- "sum it up" asks for the whole --------------------------------------------------------
@pytest.mark.parametrize(("question", "kind"), [
    ("could you sum up this whole course for me?", "overview"),
    ("boil the whole chapter down for me please", "overview"),
])
def test_summing_up_the_whole_material_is_an_overview(question, kind):
    assert question_kind(question) == kind


def test_summing_up_something_else_is_no_overview():
    assert question_kind("how do I sum up the weekly takings in my spreadsheet?") != "overview"


def test_an_overview_that_names_no_topic_has_no_words_to_search():
    assert names_no_topic("sum up the whole module for me?")
    assert not names_no_topic("what does this course say about pruning roses?")


# ---- "the third one" after an answer that opened with one line -----------------------------
ANSWER = ("### What the course says\n\n#### Summary\n- Pack every parcel so it survives a drop. [1]\n\n"
          "#### What to put in the box\n- Two layers of bubble wrap. [2]\n- A packing slip with the order number. [2]\n"
          "- Void fill in every gap. [2]\n- A returns label. [2]\n")


def test_a_place_points_into_the_first_heading_that_printed_several_lines():
    assert listed_member("and the third one?", ANSWER) == "Void fill in every gap."
    follow = resolve("the third one?", "what goes in a parcel?", ANSWER)
    assert follow.text == "the third one (Void fill in every gap)?"


def test_a_first_heading_with_a_list_of_its_own_still_wins():
    answer = ANSWER.replace("- Pack every parcel so it survives a drop. [1]\n",
                            "- Weigh the parcel. [1]\n- Print the label. [1]\n")
    assert listed_member("the second one?", answer) == "Print the label."


# ---- the outline names lessons as the course numbers them ---------------------------------
def test_the_outline_never_prints_a_lesson_id_that_is_a_slug_of_its_title():
    from assistant.answering.compose import _outline
    from knowledge.course import LessonOutline, ModuleOutline

    class Served:  # hashable by identity, as a served Course is
        modules = [ModuleOutline("care.docx", "Caring for Houseplants", (
            LessonOutline("1-light-and-position", "1. Light and position", ("Light",)),
            LessonOutline("2-watering", "2. Watering", ("Watering",))))]

    class Numbered:
        modules = [ModuleOutline("care.md", "Caring for Houseplants", (
            LessonOutline("3.1", "Light and Position", ("Light",)), LessonOutline("3.2", "Watering", ("Watering",))))]

    assert _outline(Served()) == "“Caring for Houseplants” covers 1. Light and position; 2. Watering."
    assert _outline(Numbered()) == "“Caring for Houseplants” covers 3.1. Light and Position; 3.2. Watering."


@pytest.mark.parametrize(("question", "asks"), [
    ("what may I bring into the exam?", True), ("list the things a candidate can bring", True),
    ("ok, so which pens are allowed?", True), ("is it ok to bring a calculator?", False),
    ("can I bring my phone if it is switched off?", False),
])
def test_only_an_ask_for_the_things_themselves_gets_a_bare_list_whole(question, asks):
    from assistant.answering.compose import asks_for_things

    assert asks_for_things(question) is asks


# ---- an ask for an example gets the example its section gives -----------------------------
SALES = {"text": ("Count the sales of every week and compare them with the same week of last year.\n"
                  "Example: in May one stall sold 120 jars against 95 the year before, a rise of about 26%."),
         "kind": "prose", "section": "Measuring weekly sales", "chunk_id": "sales", "start": 0}
RECORDS = {"text": "Track weekly figures such as sales per market day, sales per jar size and sales per flavour in practice.",
           "kind": "prose", "section": "Keeping records", "chunk_id": "records", "start": 0}


def test_a_unit_that_is_an_example_fits_better_than_one_naming_some_in_passing():
    from assistant.answering.compose import kind_fit

    ask = "any example of that?"
    assert kind_fit("example", ask, Unit(("Example: in May one stall sold 120 jars against 95.",), "sentence")) == 1.0
    assert kind_fit("example", ask, Unit(("Print the ingredients, such as sugar, fruit and pectin.",), "sentence")) == 0.5


def test_an_ask_for_an_example_quotes_the_example_of_the_best_section():
    # (the old composer quoted the record-keeping line for its "such as" instead)
    question = "is there an example of counting weekly sales in practice?"
    picks = Composer(embed, Settings()).select(question, [SALES, RECORDS], 2, set(), kind="example")
    assert [pick.unit.text[:12] for pick in picks] == ["Count the sa", "Example: in "]


# ---- a tool result the previous answer gave is not printed again ----------------------------
def _composed(question: str, avoid: tuple[str, ...]) -> str:
    import json

    from langchain_core.messages import AIMessage, ToolMessage
    from langchain_core.runnables.config import var_child_runnable_config

    from assistant.answering.offline import INTENT, OfflineChatModel
    from assistant.reading.intents import Intent
    from assistant.reading.slots import Slots
    from tools.registry import run_tool

    args = {"gain": 30000, "cost": 12000}
    planner = AIMessage(content="", tool_calls=[{"name": "roi", "args": args, "id": "c1", "type": "tool_call"}])
    result = ToolMessage(content=json.dumps(run_tool("roi", args)), tool_call_id="c1")
    intent = Intent("explanation", Slots(), kind="explanation", avoid=avoid)
    token = var_child_runnable_config.set({"configurable": {INTENT: intent}})
    try:
        return str(OfflineChatModel(embed=embed, settings=Settings()).compose(question, [planner, result], "planner").content)
    finally:
        var_child_runnable_config.reset(token)


def test_a_follow_up_does_not_print_the_tool_result_the_previous_answer_gave():
    from tools.registry import describe_call, run_tool

    said = tuple(describe_call("roi", {"gain": 30000, "cost": 12000}, run_tool("roi", {"gain": 30000, "cost": 12000})))
    first = _composed("what is the return on this tool?", ())
    assert all(line in first for line in said)
    again = _composed("and how do I explain that (return tool)?", said)
    assert not any(line in again for line in said)
    # over-reach: a result the previous answer did not give is printed
    assert all(line in _composed("and how do I explain that?", ("Another line said before.",)) for line in said)
