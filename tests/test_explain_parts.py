"""The general explanatory parts, alone: structure-keeping units, the undefined-acronym
rule, and the Draft every brain hands the engine."""

from __future__ import annotations

import pytest
from langchain_core.messages import AIMessage

from assistant.answering.compose import passage_units
from assistant.engine import _draft
from assistant.types import DRAFT, Draft, Plan
from knowledge.chunking import units
from knowledge.scope import spelled_out, undefined_acronyms


def test_a_lead_in_travels_with_the_list_it_introduces():
    text = "We review three things:\nData quality\nTeam skills\nBudget"
    found = units(text, "bullets")
    assert found[0].kind == "list"
    assert found[0].parts == ("We review three things:", "Data quality", "Team skills", "Budget")
    assert [u.parts for u in found if u.kind == "item"][1] == ("We review three things:", "Team skills")


def test_a_lead_in_inside_a_paragraph_keeps_its_questions():
    text = "Run an audit first. It should answer these questions: What data do we hold? Where is it stored?"
    kinds = {u.kind: u.parts for u in passage_units({"text": text, "kind": "prose"})}
    assert kinds["list"] == ("It should answer these questions:", "What data do we hold?", "Where is it stored?")


def test_a_table_row_is_one_unit_with_every_cell_labelled():
    row = "Application: Chatbot\nKPIs: CSAT, First Contact Resolution\nLeading: Chat Completion Rate"
    (unit,) = units(row, "table_row")
    assert unit.kind == "row" and unit.parts[1] == "KPIs: CSAT, First Contact Resolution"


def test_course_questions_are_never_quoted_as_answers():
    assert passage_units({"text": "What should you measure first for your store?", "kind": "question"}) == []


@pytest.mark.parametrize(
    ("acronym", "text", "expected"),
    [
        ("ROI", "the Return on Investment of a project", True),
        ("HITL", "a Human-in-the-Loop model", True),
        ("XAI", "Exploring Explainable AI (XAI) concepts", True),
        ("RICE", "frameworks like RICE (Reach, Impact, Confidence, Effort)", True),
        ("DPIAs", "Data Protection Impact Assessments (DPIAs)", True),
        ("STRIVE", "evaluate tools using frameworks like STRIVE, rather than hype", False),
        ("PRISM", "run every tool through the PRISM review first", False),
    ],
)
def test_an_acronym_is_defined_only_when_its_letters_are_spelled_out(acronym, text, expected):
    assert spelled_out(acronym, text) is expected


def test_undefined_acronyms_come_from_the_whole_corpus():
    corpus = ["Use the PRISM review.", "Track KPIs.", "Key Performance Indicators (KPIs) matter."]
    assert undefined_acronyms(corpus) == ["PRISM"]


def test_an_extractive_brain_hands_over_its_typed_draft():
    draft = Draft(answer="A.", citations=["c1"], quotes={"c1": ["A."]}, plan=Plan(intent="general"), extractive=True)
    assert _draft(AIMessage(content="A.", additional_kwargs={DRAFT: draft}), {}) is draft


def test_an_llm_answer_becomes_a_draft_citing_the_passages_it_references():
    retrieved = {"c1": {"ref": 1}, "c2": {"ref": 2}, "c3": {"ref": 3}}
    draft = _draft(AIMessage(content="Yes [2]. Also [1, 2]. Not [9]."), retrieved)
    assert draft.citations == ["c2", "c1"] and not draft.extractive and not draft.refused


@pytest.mark.parametrize("text", [
    "Divide the $Y monthly cost of the tool by the savings, yielding an ROI of Z%.",
    "Write your goal here [e.g., 'raise repeat orders by 10%'] and share it with the team.",
    "Send the welcome email to [Customer Name] within one hour of the first order.",
])
def test_template_placeholders_are_never_quoted_as_facts(text):
    assert passage_units({"text": text, "kind": "prose"}) == []


def test_a_question_about_what_x_is_or_how_x_is_measured_quotes_the_unit_defining_x_first():
    from assistant.answering.compose import Composer
    from assistant.settings import Settings

    passage = {"text": "Teams often review the repeat purchase rate in monthly meetings with finance. "
                       "Repeat purchase rate is the share of customers who order again within a year.",
               "kind": "prose", "section": "Metrics"}

    def embed(texts):  # every text equally near the question: only the form can decide
        import numpy as np
        return np.tile(np.eye(1, 384), (len(texts), 1))

    for question, kind in [("What is repeat purchase rate?", "definition"),
                           ("How is repeat purchase rate measured?", "how-to")]:
        (first, *_rest) = Composer(embed, Settings()).select(question, [passage], 2, set(), kind=kind)
        assert first.unit.text.startswith("Repeat purchase rate is the share")


def test_a_which_are_the_ask_counts_a_prose_sentence_naming_its_members_as_a_list():
    """A section written as prose answers "what are the safeguards" with the sentence that names
    them ("… include A, B and C"); a sentence that merely mentions the topic does not."""
    from assistant.answering.compose import Composer, enumerates
    from assistant.settings import Settings

    naming = "Safeguards for customer records include encryption, access controls, and regular audits."
    mentioning = "Safeguards for customer records matter to every shop that stores them."
    assert enumerates(naming) and not enumerates(mentioning)
    assert not enumerates("The plan (covering a, b, c) is reviewed yearly.")  # a bracketed aside lists nothing
    passage = {"text": f"{mentioning} {naming}", "kind": "prose", "section": "Records"}

    def embed(texts):  # every text equally near the question: only the form can decide
        import numpy as np
        return np.tile(np.eye(1, 384), (len(texts), 1))

    (first, *_rest) = Composer(embed, Settings()).select("What are the safeguards for customer records?",
                                                          [passage], 2, set(), kind="list")
    assert first.unit.text == naming


def test_items_of_one_list_are_printed_under_their_lead_in_once():
    import numpy as np

    from assistant.answering.offline import OfflineChatModel
    from assistant.reading.intents import detect
    from assistant.settings import Settings

    def embed(texts):
        return np.tile(np.eye(1, 384), (len(texts), 1))

    passage = {"chunk_id": "c1", "kind": "prose", "section": "Appeal costs", "lesson": "", "start": 0,
               "text": "A worked example of the spring appeal costs:\n- Print and postage cost the appeal $2,650.\n"
                       "- Design of the appeal letter cost $400.\n- Staff time on the appeal cost $1,140."}
    question = "what did the spring appeal cost?"
    lines: list[str] = []
    brain = OfflineChatModel(embed=embed, settings=Settings(offline_units=3))
    brain.explain(question, detect(question), [(question, [passage])], lines, calculated=False)
    assert sum("A worked example of the spring appeal costs" in line for line in lines) == 1, lines
