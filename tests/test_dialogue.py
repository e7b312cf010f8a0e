"""A calculation across a conversation: the advisor's question answered, a what-if that changes
exactly the input it names, and "What I read" quoting only the user's own words.

The state of a calculation is stored with the conversation in the database, so these run on a
real SQLite store, and the reload test answers with a second Advisor sharing the file.
"""

from __future__ import annotations

import re

import pytest
from pydantic import SecretStr

from assistant.grounding.quotes import user_quotes
from assistant.reading.calculate import read_calculation
from assistant.reading.dialogue import option_chosen, read_turn, start_state


def _state(message: str):
    calc = read_calculation(message)
    assert calc is not None
    return start_state(message, calc)


def _args(turn):
    assert turn.calculation is not None and turn.calculation.calls, turn.calculation
    return turn.calculation.calls[0][1]


# ---- reading a message against the stored calculation (no engine) ----------------------------

def test_a_what_if_replaces_only_the_part_it_names():
    state = _state("ROI: licence cost $24,000 and set-up cost $12,000, gain $60,000")
    assert state.args == {"cost": 36000, "gain": 60000}
    turn = read_turn("What if the set-up had cost $8,000?", state)
    assert _args(turn) == {"cost": 32000, "gain": 60000}  # the licences stay
    assert turn.calculation.account_lines()[0] == "changed: cost: $12,000 → $8,000"


def test_a_change_keeps_the_period_of_the_figure_it_replaces():
    state = _state("Payback: we pay $30,000 up front and it saves $3,000 a month.")
    turn = read_turn("and if it only saved 2,000?", state)
    assert _args(turn) == {"upfront_cost": 30000, "monthly_benefit": 2000}


def test_a_removal_drops_the_named_line_only():
    state = _state("TCO over 2 years: implementation $10,000, training $2,000, maintenance $3,000 a year.")
    turn = read_turn("drop the training line", state)
    assert _args(turn) == {"implementation": 10000, "maintenance": 3000, "horizon_years": 2}


def test_a_correction_names_the_value_it_replaces():
    state = _state("IRR for these cash flows: -40000, 15000, 15000, 15000")
    turn = read_turn("Sorry, the last one is 9000, not 15000.", state)
    assert _args(turn) == {"cash_flows": [-40000, 15000, 15000, 9000]}


def test_a_new_question_leaves_the_calculation_aside():
    state = _state("ROI: cost $10,000, gain $15,000")
    assert read_turn("Which KPIs matter for a chatbot?", state).calculation is None
    assert read_turn("ROI: cost $2,000, gain $5,000", state).calculation is None  # a complete one of its own


@pytest.mark.parametrize(("options", "reply", "chosen"), [
    (["per month", "per year", "one-off"], "it's monthly", 0),
    (["per month", "per year", "one-off"], "Yearly, please.", 1),
    (["per month", "per year", "one-off"], "option 3", 2),
    (["the cost", "the gain", "not part of this calculation"], "It's a cost, we pay it.", 0),
    (["2,000", "2,500", "3,000"], "take the low one", 0),
    (["2,000", "2,500", "3,000"], "the middle, please", 1),
    (["12 months", "24 months", "36 months"], "the second", 1),
    (["per month", "per year", "one-off"], "How do I measure a chatbot?", None),
])
def test_an_option_is_chosen_by_its_words_or_its_number(options, reply, chosen):
    assert option_chosen(options, reply) == chosen


# ---- through the Advisor, on a real SQLite store --------------------------------------------

def _quotes_are_the_users(result, said: list[str]) -> None:
    plain = [" ".join(s.split()) for s in said]
    for quote in user_quotes(result.answer):
        assert any(" ".join(quote.split()) in s for s in plain), quote


def test_the_advisors_question_is_answered_and_the_calculation_runs(advisor):
    first = advisor.ask("ROI? the chatbot saves $3,000 a month and cost $20,000 to set up")
    assert first.clarification is not None and not first.tool_calls
    assert first.grounding.score == 1.0  # a question is not an unsupported answer
    second = advisor.ask("24 months", conversation_id=first.conversation_id)
    roi = [c for c in second.tool_calls if c.name == "roi"]
    assert roi and roi[0].args == {"gain": 72000, "cost": 20000}
    _quotes_are_the_users(second, [first.question, second.question])
    assert second.grounding.score == 1.0 or all(s.kind != "misquote" for s in second.grounding.sentences)


def test_the_calculation_survives_a_reload_on_another_advisor(built_settings, embedder, tmp_path):
    from assistant.engine import Advisor

    shared = built_settings.model_copy(update={"database_url": SecretStr(f"sqlite:///{tmp_path / 'shared.sqlite3'}")})
    one, two = Advisor(shared, embedder=embedder), Advisor(shared, embedder=embedder)
    first = one.ask("Payback: $24,000 up front, it saves $3,000")
    assert first.clarification is not None
    assert [o.lower() for o in first.clarification.options][:2] == ["per month", "per year"]
    second = two.ask("it's monthly", conversation_id=first.conversation_id)  # another replica
    payback = [c for c in second.tool_calls if c.name == "payback_period"]
    assert payback and payback[0].args == {"upfront_cost": 24000, "monthly_benefit": 3000}
    third = one.ask("what if it saved $4,000 a month?", conversation_id=first.conversation_id)
    assert [c.args for c in third.tool_calls if c.name == "payback_period"] == [
        {"upfront_cost": 24000, "monthly_benefit": 4000}]
    assert "$3,000 → $4,000" in third.answer


def test_what_i_read_never_quotes_words_the_user_did_not_write(advisor):
    first = advisor.ask("ROI: licence cost $24,000 and set-up cost $12,000, gain $60,000")
    second = advisor.ask("What if the set-up had cost $8,000?", conversation_id=first.conversation_id)
    _quotes_are_the_users(second, [first.question, second.question])
    assert not re.search(r"licence cost \$8,000", second.answer)


def test_the_grounding_check_rejects_an_altered_quote(advisor):
    from assistant.grounding import Evidence

    said = "Licences cost $24,000, the set-up $12,000"
    line = "- $12,000 → cost (from “the set-up $12,000”)"
    evidence = [Evidence(id="user", text=said, kind="user"),
                Evidence(id="figures", text="$12,000 → cost (from “the set-up $12,000”)", kind="tool")]
    honest = advisor.checker.check(line, evidence)
    assert all(s.kind != "misquote" for s in honest.sentences)
    for altered in ("the set-up $8,000", "the licences $12,000", "set-up $12,000 a month"):
        report = advisor.checker.check(line.replace("the set-up $12,000", altered), evidence)
        assert [s.kind for s in report.sentences if not s.supported] == ["misquote"], altered
