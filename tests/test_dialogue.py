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


def test_a_what_if_naming_no_part_asks_which_part_and_never_replaces_both():
    state = _state("ROI: licence cost $24,000 and set-up cost $12,000, gain $60,000")
    asked = read_turn("what if the cost were $30,000?", state)
    assert asked.calculation.calls == [] and asked.state.need == "part"
    assert asked.state.question.options == ["licence cost $24,000", "set-up cost $12,000"]
    answered = read_turn("the set-up", asked.state)
    assert _args(answered) == {"cost": 54000, "gain": 60000}  # the licences stay
    assert answered.calculation.account_lines()[0] == "changed: set-up cost $12,000: $12,000 → $30,000"


@pytest.mark.parametrize(("reply", "args", "change"), [
    ("Let's double the reach.", {"reach": 4000, "impact": 2, "confidence": 0.5, "effort": 4},
     "reach: 2,000 a month → 4,000"),
    ("and halve the effort", {"reach": 2000, "impact": 2, "confidence": 0.5, "effort": 2},
     "effort: 4 person-months → 2"),
    ("with 20% more reach?", {"reach": 2400, "impact": 2, "confidence": 0.5, "effort": 4}, "reach: 2,000 a month → 2,400"),
    ("what if we halved our confidence", {"reach": 2000, "impact": 2, "confidence": 0.25, "effort": 4},
     "confidence: 50% → 25%"),
])
def test_a_factor_in_words_changes_the_input_it_names(reply, args, change):
    state = _state("RICE score please: reach 2,000 a month, impact high, confidence 50%, effort 4 person-months")
    turn = read_turn(reply, state)
    assert _args(turn) == args
    assert turn.calculation.account_lines()[0] == f"changed: {change}"


def test_a_percentage_more_of_a_percentage_is_not_guessed():
    state = _state("RICE score please: reach 2,000 a month, impact high, confidence 50%, effort 4 person-months")
    assert read_turn("with 20% more confidence?", state).calculation is None  # 70% or 60%? not guessed


@pytest.mark.parametrize(("reply", "gain"), [("the low one", 50000), ("go with the upper end", 80000)])
def test_an_end_of_a_range_is_chosen_in_words(reply, gain):
    state = _state("ROI? We paid 40k. The gain is between 50k and 80k.")
    assert state.question is not None
    assert _args(read_turn(reply, state)) == {"cost": 40000, "gain": gain}


def test_a_horizon_answer_completes_a_total_cost():
    state = _state("TCO please: set-up $6,000 and the subscription is $500 per month.")
    assert state.question is not None and state.need == "horizon"
    assert _args(read_turn("two years", state)) == {"implementation": 6000, "software_fees": 6000,
                                                    "horizon_years": 2}


def test_new_amounts_answer_a_horizon_question_by_completing_the_inputs():
    state = _state("What's the ROI if we pay 1,000 each month for the tool?")
    turn = read_turn("It brings us about 3k of profit each month.", state)
    assert _args(turn) == {"cost": 1000, "gain": 3000}  # both per month: the ratio needs no horizon


def test_a_restated_figure_replaces_the_one_it_names():
    state = _state("ROI: it cost $10,000 and brought £20,000 of profit.")
    assert state.question is not None  # two currencies: never summed silently
    turn = read_turn("The £20,000 is about $25,000.", state)
    assert _args(turn) == {"cost": 10000, "gain": 25000}


def test_a_choice_in_words_takes_the_value_that_is_not_the_current_one():
    state = _state("Rank with ICE: A impact 8 confidence 6 ease 3; B impact 5 confidence 5 ease 7")
    turn = read_turn("use the mean rather than the product", state)
    assert _args(turn)["ice_aggregate"] == "mean"
    assert turn.calculation.account_lines()[0] == "changed: ice aggregate: product → mean"


def test_another_calculator_of_the_same_figures_reads_them_from_the_first_message():
    state = _state("IRR of -50000 now, then 20000, 20000, 25000")
    turn = read_turn("and the NPV of those same flows at 7%?", state)
    assert _args(turn) == {"cash_flows": [-50000, 20000, 20000, 25000], "rate": 0.07}
    assert read_turn("what is a good NPV?", state).calculation is None


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
