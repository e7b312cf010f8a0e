"""Multi-turn conversations: follow-ups build on the previous question; memory is per conversation."""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import resolve_follow_up


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        ("Which KPIs should I track for AI recommendations?", "and for a jewellery shop?",
         "Which KPIs should I track for AI recommendations (for a jewellery shop)?"),
        ("What is model drift?", "How do I bake bread?", "How do I bake bread?"),
    ],
)
def test_follow_ups_merge_into_the_previous_question(previous, follow_up, expected):
    assert resolve_follow_up(follow_up, previous) == expected


def test_a_follow_up_without_a_previous_question_stands_alone():
    assert resolve_follow_up("and for a jewellery shop?", None) == "and for a jewellery shop?"


def test_redo_the_rice_with_new_effort_recomputes_in_the_same_conversation(advisor):
    first = advisor.ask(
        "Prioritise with RICE: 'Site search' reach 3000, impact 2, confidence 0.5, effort 2; "
        "'Chatbot' reach 1000, impact 1, confidence 0.8, effort 1"
    )
    conversation = first.conversation_id
    assert conversation
    ranking = first.tool_calls[0].result["ranking"]
    assert {r["name"]: r["score"] for r in ranking} == {"Site search": 1500.0, "Chatbot": 800.0}

    second = advisor.ask("redo the RICE with effort 6", conversation_id=conversation)
    scores = {r["name"]: r["score"] for r in second.tool_calls[0].result["ranking"]}
    assert scores == {"Site search": 500.0, "Chatbot": pytest.approx(133.3333, rel=1e-4)}
    assert second.conversation_id == conversation

    history = advisor.store.history(conversation)
    assert [t.role for t in history] == ["user", "assistant", "user", "assistant"]


def test_and_for_another_business_keeps_the_topic(advisor):
    first = advisor.ask("Which KPIs should I track for an AI support chatbot?")
    second = advisor.ask("and what about a sales assist chatbot?", conversation_id=first.conversation_id)
    # the kind of question carries over with the topic; the topic is what the tools are read from
    assert second.intent == "list"
    assert any(c.name == "kpi_suggest" for c in second.tool_calls)


def test_conversations_do_not_share_memory(advisor):
    first = advisor.ask("Prioritise with RICE: 'X' reach 100, impact 1, confidence 1, effort 1; 'Y' reach 50, impact 1, confidence 1, effort 1")
    other = advisor.ask("redo the RICE with effort 6")  # a new conversation: nothing to redo
    assert other.conversation_id != first.conversation_id
    assert not any(c.name == "prioritize" for c in other.tool_calls)


def test_a_follow_up_with_its_own_calculation_computes_it_instead_of_repeating_the_topic(advisor):
    first = advisor.ask("Which KPIs should I track for an AI support chatbot?")
    second = advisor.ask("ok, it cost us 20k and saved 35k in agent time — ROI?", conversation_id=first.conversation_id)
    assert second.intent == "roi"
    (roi,) = [c for c in second.tool_calls if c.name == "roi"]
    assert roi.args == {"cost": 20000, "gain": 35000}
    assert "75%" in second.answer


def test_a_multi_part_question_gets_the_calculation_first_then_the_other_ask(advisor):
    result = advisor.ask(
        "An AI recommendation tool cost $24,000 in licences and $6,000 to set up, and brought $45,000 extra "
        "gross profit in a year. Was it worth it, and which KPIs should we watch?", remember=False)
    calls = {c.name: c for c in result.tool_calls}  # tools run in parallel: any order
    assert {"roi", "kpi_suggest"} <= calls.keys()
    assert calls["roi"].args == {"cost": 30000, "gain": 45000}
    answer = result.answer
    assert answer.index("What I read") < answer.index("50%") < answer.index("Recommendation CTR")
    for figure in ("$24,000", "$6,000", "$45,000"):
        assert figure in answer.split("Result:")[0]
    assert result.grounding.score >= 0.98, [s for s in result.grounding.sentences if not s.supported]


def test_a_missing_input_gets_a_clarifying_question_not_a_number(advisor):
    result = advisor.ask("We spent $20,000 on a chatbot. What is the ROI?", remember=False)
    assert result.clarification is not None
    assert not result.tool_calls
    assert "$20,000" in result.answer and result.clarification.question in result.answer
    assert "%" not in result.answer

