"""Specifications of "What learners ask": questions per section and week, refused questions
grouped by similarity, thumbs-down with notes, low-grounding answers, a CSV — with no learner
identifiable (owners never shown, personal data and person names masked) and instructors only.
"""

from __future__ import annotations

import time

import pytest

from assistant.memory import ConversationStore
from assistant.storage.users import UserStore
from ui import insights, instructor
from ui.access import Access, Forbidden
from ui.store import UIStore


@pytest.mark.parametrize(("text", "masked"), [
    ("Hi, my name is Ana Silva and I sell shoes.", "Hi, my name is [name] and I sell shoes."),
    ("I'm Bob, how do I compute ROI?", "I'm [name], how do I compute ROI?"),
    ("Customer Jones complained about late parcels.",
     "Customer [name] complained about late parcels."),
    ("Ask Dr. Patel about churn.", "Ask Dr. [name] about churn."),
    ("Which KPI fits? Thanks, Maria", "Which KPI fits? Thanks, [name]"),
    ("Which KPI fits?\n— Tom Baker", "Which KPI fits?\n— [name]"),
    ("I'm Looking for KPIs for a chatbot.", "I'm Looking for KPIs for a chatbot."),
    ("What is the ROI of AI in retail?", "What is the ROI of AI in retail?"),
])
def test_person_names_are_masked_at_their_common_cues_only(text, masked):
    assert insights.mask_names(text) == masked


def _exchange(store, owner, question, *, refused=False, score=0.9, section="Pricing",
              at=None):
    cid = store.create(owner=owner)
    payload = {"refused": refused, "grounding": {"score": score},
               "citations": [] if refused else [{"chunk_id": "c1", "lesson": "2",
                                                 "lesson_title": "Lesson 2", "section": section,
                                                 "quote": "q", "source": "module.md"}]}
    store.append_turns(cid, [("user", question, {}), ("assistant", "An answer.", payload)])
    return cid


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "advisor.sqlite3"
    conversations, ui = ConversationStore(path), UIStore(path)
    _exchange(conversations, "user:ana", "How do I price a bundle?")
    _exchange(conversations, "user:ana", "How should I price bundles online?", score=0.2)
    _exchange(conversations, "user:bob", "Which KPI for returns?", section="KPIs")
    _exchange(conversations, "user:bob", "What is the weather in Paris tomorrow?", refused=True)
    _exchange(conversations, "user:cy", "Will it rain in Paris tomorrow, weather?", refused=True)
    _exchange(conversations, "user:cy", "My name is Ana Silva, write to ana@example.com: "
              "who won the football cup?", refused=True)
    ui.add_feedback("user:bob", "down", question="Which KPI for returns?",
                    answer="An answer.", note="Wrong, customer Jones says so; mail ana@example.com")
    ui.add_feedback("user:bob", "up", question="How do I price a bundle?", answer="Fine.")
    return ui.db


def test_the_four_views_count_group_and_mask(database):
    found = insights.gather(database)
    counts = {section: n for _, section, n in found.sections}
    assert counts == {"Lesson 2 › Pricing": 2, "Lesson 2 › KPIs": 1}
    assert [n for n, *_ in found.refused] == [2, 1]  # the two weather questions are one group
    assert "weather" in found.refused[0][1].lower()
    assert found.low_grounding == [[found.low_grounding[0][0],
                                    "How should I price bundles online?", 0.2,
                                    "Lesson 2 › Pricing"]]
    assert len(found.thumbs_down) == 1 and "[name]" in found.thumbs_down[0][2]
    exported = insights.to_csv(found)
    for private in ("ana@example.com", "Ana Silva", "Jones", "user:", "user:bob"):
        assert private not in exported
    assert "view,week,section,questions" in exported


def test_the_period_filter_leaves_older_questions_out(database):
    later = time.time() + 10 * 86400
    assert insights.gather(database, days=7, now=later).sections == []
    assert insights.gather(database, days=30, now=later).sections != []


def test_only_an_instructor_sees_what_learners_ask(database, tmp_path):
    users = UserStore(database, rounds=4)
    users.add("ada", "correct horse 42", "instructor")
    users.add("bob", "correct horse 42")
    access = Access(users)
    view = instructor.learner_insights(access, database, tmp_path, "ada", "All time", None)
    assert view.sources == ["module.md"] and view.insights.sections
    for who in ("bob", None):
        with pytest.raises(Forbidden):
            instructor.learner_insights(access, database, tmp_path, who, "All time", None)


# ----------------------------------------------------------------------------- calculations


def _asked_back(question: str, options=("1 year", "2 years")) -> dict:
    asked = {"question": question, "options": list(options)}
    return {"clarification": asked, "citations": [], "tool_calls": [],
            "calculation": {"tool": "tco", "text": "t", "question": asked}}


COMPUTED = {"citations": [], "clarification": None,
            "tool_calls": [{"name": "tco", "args": {}, "result": {"total": 1}}]}


def _conversation(store, owner, *turns):
    cid = store.create(owner=owner)
    store.append_turns(cid, [item for question, payload in turns
                             for item in (("user", question, {}),
                                          ("assistant", "An answer.", payload))])


@pytest.fixture
def calculations(tmp_path):
    path = tmp_path / "advisor.sqlite3"
    conversations = ConversationStore(path)
    # Asked back, never replied to (a name and an e-mail in the question).
    _conversation(conversations, "user:ana",
                  ("I'm Ana Silva (ana@example.com): TCO with set-up 6000 and 500 a month?",
                   _asked_back("Over how many years?")))
    # Asked back twice, replied to twice, then the learner asked something else.
    _conversation(conversations, "user:bob",
                  ("ROI of 5000 on 2000?", _asked_back("Is 5000 the gain or the revenue?")),
                  ("the revenue", _asked_back("Over how many months?")),
                  ("hmm, not sure", _asked_back("Over how many months?")),
                  ("What is RICE?", {"citations": [], "tool_calls": []}))
    # Asked back, answered, computed: completed, not listed.
    _conversation(conversations, "user:cy",
                  ("TCO of 100 a month?", _asked_back("Over how many years?")),
                  ("2 years", COMPUTED))
    # Computed at once: never asked back.
    _conversation(conversations, "user:cy", ("CAC of 500 for 10 customers?", COMPUTED))
    return UIStore(path).db


def test_calculations_left_at_a_question_asked_back_are_listed_masked(calculations):
    rows = insights.gather(calculations).unanswered
    assert [(r[2], r[3], r[4], r[5]) for r in rows] == [
        ("tco", "Over how many years?", 0, insights.ENDED_THERE),
        ("tco", "Over how many months?", 2, insights.MOVED_ON),
    ]
    assert rows[1][1] == "ROI of 5000 on 2000?"  # the question the calculation started from
    assert "Ana" not in rows[0][1] and "ana@example.com" not in rows[0][1]
    assert "[name]" in rows[0][1]
    exported = insights.to_csv(insights.gather(calculations))
    assert "view,date,question,calculator,asked back,replies,then" in exported
    assert "Ana Silva" not in exported and "user:" not in exported


def test_the_questions_chart_has_one_series_per_section_with_the_tables_counts(database):
    from ui.insights_chart import questions_chart

    rows = insights.gather(database).sections
    figure = questions_chart(rows)
    counts = {trace.name: sum(trace.y) for trace in figure.data}
    assert counts == {section: n for _, section, n in rows}
    assert all(list(trace.x) == sorted({week for week, _, _ in rows}) for trace in figure.data)
    empty = questions_chart([])
    assert not empty.data and "No questions" in empty.layout.annotations[0].text
