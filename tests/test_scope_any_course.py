"""Off-topic scope by the corpus, whatever course is loaded: general-purpose tasks (letters,
code, poems, maths homework, personal shopping, personal legal, medical and money advice) are
refused; a question in the loaded course's own words (its headings) never is; a refused turn
does not taint the next one. The modules are test data (tests/data/formats/), loaded alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.scope import requested_work
from tests.advisors import advisor_on

FORMATS = Path(__file__).parent / "data" / "formats"
MODULES = ["phishing-slide-notes.txt", "composting-course-page.html", "youth-coaching.md", "cold-room-sop.txt"]

# Written for this test, in no course's words: what a general assistant is asked.
GENERAL = [
    "Write a cover letter for a warehouse supervisor job",
    "can you write me a python script that renames all files in a folder",
    "compose a haiku about the sea",
    "draft an email to my kid's teacher explaining she was sick",
    "Solve 3x + 5 = 20 and show the steps",
    "help me pick a laptop under 800 euros for university",
    "my landlord won't return my deposit, what can I do legally?",
    "I get chest pains when I climb stairs, should I be worried?",
    "should I put my bonus into an index fund or pay off my mortgage?",
    "Which stocks should I buy with 5000 dollars?",
    "what's the best vacuum cleaner for pet hair",
    "translate 'where is the train station' into German",
    "make me a spreadsheet to track my gym workouts",
    "can you recommend a good AI chatbot to answer my emails?",
]


@pytest.fixture(scope="module")
def advisors(tmp_path_factory, embedder):
    return {name: advisor_on([FORMATS / name], tmp_path_factory.mktemp(Path(name).stem), embedder) for name in MODULES}


def _own_words(advisor) -> list[str]:
    """Questions in the loaded course's own words: one per heading of its outline."""
    from knowledge.course import publish

    course = publish(advisor.retriever.course)
    headings = [title for module in course.modules for lesson in module.lessons
                for title in (lesson.title, *lesson.sections)]
    assert len(headings) >= 3
    return [f"What does the course say about {title.lower()}?" for title in headings]


@pytest.mark.parametrize("name", MODULES)
def test_general_purpose_tasks_are_refused_whatever_is_loaded(name, advisors):
    judge = advisors[name].scope
    assert [q for q in GENERAL if not judge.off_topic(q)] == []


@pytest.mark.parametrize("name", MODULES)
def test_a_question_in_the_courses_own_words_is_never_refused(name, advisors):
    judge = advisors[name].scope
    assert [q for q in _own_words(advisors[name]) if judge.off_topic(q)] == []


@pytest.mark.parametrize(
    ("message", "work"),
    [
        ("Differentiate f(x) = x^2 sin(x), it's for my homework", ""),
        ("solve 3x + 5 = 20", ""),
        ("solve the churn problem in our store", None),  # a problem to think about, no formula
        ("can you summarise this module for me", "module"),
        ("ok. btw can u write me a limerick about my cat", "limerick"),  # text-speak "u" for "you"
        ("can u help me write a wedding toast", "wedding toast"),
        ("make me a spreadsheet to split the fuel money", "spreadsheet"),
        ("make sure the group waits at the gate", None),  # an instruction to follow, not a thing to make
    ],
)
def test_a_maths_exercise_is_a_task_and_a_business_problem_is_not(message, work):
    assert requested_work(message) == work


def test_a_request_about_the_courses_own_text_is_not_a_general_task(advisors):
    judge = advisors["phishing-slide-notes.txt"].scope
    assert "module" not in judge._text and "course" not in judge._text.replace("of course", "")
    assert not judge.general_task("can you summarise this module for me?")
    assert not judge.general_task("please write out the key points of the course")
    assert judge.general_task("please write a limerick about my cat")


def test_figures_to_work_out_are_refused_only_when_plainly_personal(advisors):
    advisor = advisors["phishing-slide-notes.txt"]
    personal = advisor.ask("Is a part-time law degree worth it for me? I'm 35 and earn 38k a year, "
                           "what would my ROI be?", remember=False)
    assert personal.refused
    business = advisor.ask("What's the payback period if a tool costs 12000 and saves 1500 a month?",
                           remember=False)
    assert not business.refused and business.tool_calls


def test_a_refused_turn_does_not_taint_the_next(advisors):
    advisor = advisors["phishing-slide-notes.txt"]
    first = advisor.ask("can you write me a poem about my holiday in Spain?", remember=True)
    assert first.refused
    assert "Spotting Phishing at Work" in first.answer and "Five Warning Signs" in first.answer  # its own outline
    back = advisor.ask("ok, back to the course: how fast must I report that I entered a password?",
                       conversation_id=first.conversation_id, remember=True)
    assert not back.refused and {c.source for c in back.citations} == {"phishing-slide-notes.txt"}
    again = advisor.ask("Which smartphone should I buy this year?", conversation_id=first.conversation_id,
                        remember=True)
    assert again.refused
    follow = advisor.ask("and what are the warning signs of a phishing e-mail?",
                         conversation_id=first.conversation_id, remember=True)
    assert not follow.refused


# Near misses: in the loaded module's domain, but asking what it never speaks of. Written for this
# test against the cold-room procedure (tests/data/formats/cold-room-sop.txt).
NEAR_MISSES = [
    "which degreaser is better value, Ecolab or Diversey?",
    "is it legal to store staff lunches in the cold room?",
    "a porter slipped on the wet floor, can he sue us?",
    "I'm allergic to the sanitiser, what medication should I take?",
    "what salary should a hygiene supervisor ask for?",
    "can you recommend a good brand of mop for the cold room floor?",
    "do we have to charge VAT on the cleaning chemicals we sell to the cafe?",
    "whats the best thermometer app for logging the temperatures?",
]
# Real questions about the same module, choices between things it names among them.
REAL = [
    "should I scrub the shelves or the walls first?",
    "degreaser or sanitiser, which one needs the longer contact time?",
    "how often are the door seals cleaned?",
    "what happens if the swab reading is too high?",
    "which brush do you recommend for the door seals?",
    "can you suggest a contact time for the sanitiser?",
]


def test_near_misses_in_the_modules_domain_are_refused(advisors):
    judge = advisors["cold-room-sop.txt"].scope
    assert [q for q in NEAR_MISSES if not judge.off_topic(q)] == []


def test_real_questions_and_choices_between_what_the_module_names_are_answered(advisors):
    judge = advisors["cold-room-sop.txt"].scope
    assert [q for q in REAL if judge.off_topic(q)] == []
    assert not judge.unnamed_choice("degreaser or sanitiser, which is stronger?")
    assert judge.unnamed_choice("Ecolab or Diversey, which is stronger?")
    assert not judge.foreign_frame("how long is the contact time of the sanitiser?")


def test_a_frame_counts_in_the_asking_sentence_and_when_the_corpus_never_uses_any_of_its_words(advisors, monkeypatch):
    judge = advisors["cold-room-sop.txt"].scope
    assert not judge.foreign_frame("ok, I'll ask a lawyer later. how long does the sanitiser stay wet?")
    assert judge.foreign_frame("is it legal to skip the swab test?")
    monkeypatch.setattr(judge, "_vocabulary", judge.vocabulary | {"law"})  # a corpus that speaks of the law
    assert not judge.foreign_frame("is it legal to skip the swab test?")


def test_a_recommendation_of_a_product_the_module_never_names_is_refused_and_of_what_it_teaches_is_not(advisors):
    judge = advisors["cold-room-sop.txt"].scope
    assert judge.recommends_unnamed("can you recommend a good brand of mop for the cold room floor?")
    assert judge.recommends_unnamed("whats the best thermometer app for logging the temperatures?")
    assert not judge.recommends_unnamed("can you suggest a contact time for the sanitiser?")
    assert not judge.recommends_unnamed("what is the best dilution for the degreaser?")
    assert judge.foreign_frame("do we have to charge VAT on the cleaning chemicals?")
    assert judge.foreign_frame("can u recommend a specific brush to buy, brand and model and where its cheapest")


@pytest.mark.parametrize("name", MODULES)
def test_questions_to_the_advisor_as_a_person_and_world_records_are_refused_in_the_courses_own_words(name, advisors):
    """The kind of request decides, not its words: the module's own headings, asked about as the
    advisor's tastes, as a record of the world or as who invented them, are not its questions."""
    judge = advisors[name].scope
    topics = [title.lower() for title in _own_words(advisors[name])][:3]
    kinds = []
    for asked in topics:
        subject = asked.removeprefix("what does the course say about ").rstrip("?")
        subject = subject.split(". ", 1)[-1] if subject[:1].isdigit() else subject  # "2. scope": its words
        kinds += [f"do you like {subject} yourself?", f"what's your favourite part of {subject}?",
                  f"what's the biggest {subject} ever recorded?", f"who invented {subject}?"]
    assert [q for q in kinds if not judge.off_topic(q)] == []
    assert [q for q in kinds if not judge.off_topic_by_kind(q)] == []


def test_a_record_is_the_courses_question_when_the_corpus_states_one(advisors, monkeypatch):
    judge = advisors["cold-room-sop.txt"].scope
    assert judge.asks_record("what's the coldest cold room ever built?")
    monkeypatch.setattr(judge, "_text", judge._text + " the coldest cold room ever built held -60 c.")
    assert not judge.asks_record("what's the coldest cold room ever built?")


def test_a_message_that_leans_on_the_last_answer_is_judged_with_its_topic(advisors):
    """"When is the best time of year to do it?" alone is nearer a general question than the
    course; after an answer about the course it asks about that answer's topic and is answered.
    The same message opening a conversation, and a general request after the answer, are refused."""
    advisor = advisors["composting-course-page.html"]
    message = "whens the best time of year to do it?"
    alone = advisor.ask(message, remember=True)
    first = advisor.ask(_own_words(advisor)[1], remember=True)
    assert not first.refused
    after = advisor.ask(message, conversation_id=first.conversation_id, remember=True)
    turns = advisor.store.history(after.conversation_id, limit=2)
    assert alone.refused, "the message alone should be outside the course (else this test proves nothing)"
    assert not after.refused and turns[0].payload["resolved"] != message
    general = advisor.ask("do you like it yourself?", conversation_id=first.conversation_id, remember=True)
    assert general.refused


def test_the_best_way_or_time_to_do_something_is_a_how_to_not_a_product_to_recommend(advisors):
    """"the best way to X" asks how to do X: judged by its nearness, never refused as a product."""
    judge = advisors["cold-room-sop.txt"].scope
    assert not judge.recommends_unnamed("what's the best way to move the stock before cleaning?")
    assert not judge.recommends_unnamed("what is the best time for mixing the sanitiser?")
    assert not judge.off_topic("what's the best way to move the stock before cleaning?")
    assert judge.recommends_unnamed("what's the best pressure washer to buy?")  # still a product


def test_a_tool_to_use_or_a_purchase_worth_it_is_refused_unless_the_module_names_it(advisors):
    judge = advisors["cold-room-sop.txt"].scope
    assert judge.recommends_unnamed("what floor scrubbing robot should we use in the cold room?")
    assert judge.recommends_unnamed("are steam cleaners worth it for a small kitchen?")
    assert not judge.recommends_unnamed("which sanitiser should we use on the door seals?")
    assert not judge.recommends_unnamed("is the reserve chiller worth it?")
    assert not judge.recommends_unnamed("which of the procedure's chemical mixes should we use first?")
    assert judge.off_topic("are steam cleaners worth it for a small kitchen?")


def test_help_with_something_the_module_never_names_is_a_general_errand(advisors):
    judge = advisors["cold-room-sop.txt"].scope
    assert judge.general_task("can you help me with my geography homework on rivers?")
    assert judge.off_topic("help me with my geography homework on rivers")
    assert not judge.general_task("help me with the door seals, they stay dirty")
    assert not judge.general_task("please help me with this procedure")
