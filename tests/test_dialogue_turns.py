"""A calculation across turns, read as the user goes on: the reply to the advisor's question in
any form, a what-if that changes one input of one project or one period, a new subject that
takes none of the old figures, and a reply that cannot be placed asked again (never dropped).

Pure reading (reading/dialogue.py and its parts): no engine, no store; each case is one
calculation started from one message and one or two replies.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of
from tools.registry import run_tool


_state, _call = state_of, call_of  # the steps both dialogue test files use


def _asked(turn) -> str:
    assert turn.calculation is not None and not turn.calculation.calls, turn.calculation
    assert turn.calculation.clarification is not None
    return turn.calculation.clarification.question


# ---- the reply to the advisor's question -------------------------------------------------------

@pytest.mark.parametrize(("reply", "monthly"), [
    ("1", 1500), ("option 2", 125), ("yearly", 125), ("it comes every month", 1500), ("the first", 1500),
])
def test_a_period_question_is_answered_by_an_option_or_its_number(reply, monthly):
    state = _state("Payback please: the kiosk cost 18,000 and it saves 1,500")
    assert state.need == "period"
    assert _call(read_turn(reply, state)) == ("payback_period", {"upfront_cost": 18000, "monthly_benefit": monthly})


@pytest.mark.parametrize(("reply", "gain"), [
    ("52,000", 52000),  # a bare figure: the one input still missing
    ("roughly 52k I think", 52000),
    ("We made about 52k extra on it.", 52000),  # a plain sentence
])
def test_a_missing_input_is_completed_by_the_reply(reply, gain):
    state = _state("Our product-tagging model cost 40k. What was the ROI?")
    assert state.need == "missing"
    assert _call(read_turn(reply, state)) == ("roi", {"cost": 40000, "gain": gain})


def test_a_bare_figure_takes_the_period_the_question_asked_for():
    state = _state("When does it break even? Up front we put in 9,000.")
    assert state.need == "missing"
    assert _call(read_turn("750", state)) == ("payback_period", {"upfront_cost": 9000, "monthly_benefit": 750})


@pytest.mark.parametrize(("reply", "months"), [("over three years", 36), ("18 months", 18), ("a couple of years", 24)])
def test_a_horizon_is_answered_in_any_words(reply, months):
    state = _state("ROI? The routing tool earns us 2,000 a month and the set-up cost 15,000.")
    assert state.need == "horizon"
    assert _call(read_turn(reply, state)) == ("roi", {"gain": 2000 * months, "cost": 15000})


def test_a_horizon_the_reader_cannot_count_is_asked_again_not_rounded():
    state = _state("ROI? The routing tool earns us 2,000 a month and the set-up cost 15,000.")
    turn = read_turn("a year and a half", state)
    question = _asked(turn)
    assert "a year and a half" in question and state.question.question in question
    assert turn.calculation.clarification.options == state.question.options
    assert turn.state == state  # the calculation is kept for the next reply


@pytest.mark.parametrize("reply", ["no idea", "the same as before", "ask finance"])
def test_a_reply_that_cannot_be_placed_gets_the_question_again(reply):
    state = _state("Our product-tagging model cost 40k. What was the ROI?")
    turn = read_turn(reply, state)
    assert reply in _asked(turn) and turn.state is state
    assert _call(read_turn("52,000", turn.state)) == ("roi", {"cost": 40000, "gain": 52000})  # still pending


def test_a_role_answer_that_names_another_figure_is_applied_to_that_figure():
    state = _state("ROI for the returns bot. It is 30k all in, extra margin 70k in the first year, plus 6k of agent hours.")
    assert state.need == "role" and state.figures[state.about].figure["value"] == 30000
    turn = read_turn("cost — the agents spend those hours fixing its answers", state)
    six = next(x for x in turn.state.figures if x.figure["value"] == 6000)
    assert six.field == "cost"  # the figure the reply names, not the one asked about
    assert turn.calculation.calls == [] or turn.calculation.calls[0][1]["cost"] >= 36000  # 6k never a gain


def test_a_figure_of_its_own_is_no_answer_to_how_often():
    state = _state("Payback please: the kiosk cost 18,000 and it saves 1,500")
    turn = read_turn("2,000 a year", state)  # not "1,500 per year": a different figure
    assert turn.calculation is None or not turn.calculation.calls or \
        turn.calculation.calls[0][1]["monthly_benefit"] != 125


def test_a_correction_replaces_the_input_it_names():
    state = _state("CLV for our tea shop: orders average €35, 5 orders a year, customers stay 4 years, margin 25%")
    name, args = _call(read_turn("actually our margin is 30%", state))
    assert (name, args["gross_margin"], args["aov"], args["purchases_per_year"]) == ("clv", 0.3, 35, 5)


# ---- what-ifs: exactly the input named --------------------------------------------------------

@pytest.mark.parametrize("reply", ["what if the onboarding bit were 5k?", "and if onboarding had cost 5,000",
                                   "say the onboarding came to 5k"])
def test_a_what_if_changes_the_part_named_by_its_own_word(reply):
    state = _state("ROI: the helpdesk AI costs 30,000 in licences plus 9,000 of onboarding, and saved 60,000")
    turn = read_turn(reply, state)
    assert _call(turn) == ("roi", {"cost": 35000, "gain": 60000})  # the licences stay
    assert turn.calculation.account_lines()[0].startswith("changed: cost: 9,000 → 5")


def test_a_what_if_naming_only_the_input_asks_which_part():
    state = _state("ROI: the helpdesk AI costs 30,000 in licences plus 9,000 of onboarding, and saved 60,000")
    assert "which one" in _asked(read_turn("what if the cost were 20k?", state))


@pytest.mark.parametrize(("reply", "upfront"), [
    ("what if the vendor threw the training in for free?", 20000),
    ("and without the set-up?", 3500),
])
def test_a_line_made_free_or_left_out_is_removed(reply, upfront):
    state = _state("Payback: set-up costs 20,000 plus 3,500 for training, and it saves 1,000 a month.")
    turn = read_turn(reply, state)
    assert _call(turn) == ("payback_period", {"upfront_cost": upfront, "monthly_benefit": 1000})
    assert "→ removed" in turn.calculation.account_lines()[0]


def test_a_removal_naming_no_line_asks_which():
    state = _state("Payback: set-up costs 20,000 plus 3,500 for training, and it saves 1,000 a month.")
    asked = read_turn("what if it were free?", state)
    assert _asked(asked) and len(asked.state.question.options) == 2  # the two costs, not the saving
    assert _call(read_turn("the training", asked.state)) == ("payback_period",
                                                            {"upfront_cost": 20000, "monthly_benefit": 1000})


TCO = "TCO over 2 years: build 15k, licence 600 a month, support 1,200 a year and hosting 2,400 a year"


def test_a_figure_said_to_come_on_top_is_one_more_part_not_a_replacement():
    state = _state(TCO)
    turn = read_turn("and if we also paid 1,000 a year for monitoring?", state)
    call = _call(turn)
    yearly = ("software_fees", "maintenance")
    assert sum(call[1].get(k, 0) for k in yearly) == sum(state.args.get(k, 0) for k in yearly) + 1000  # none replaced
    assert run_tool(*call)["total"] == run_tool(state.call, state.args)["total"] + 2000  # 1,000 a year over 2 years
    assert "added 1,000 a year" in turn.calculation.account_lines()[0]


def test_a_factor_naming_one_part_scales_that_part_only():
    state = _state(TCO)
    _, args = _call(read_turn("what if hosting doubled?", state))
    assert args["maintenance"] == state.args["maintenance"] + 2400  # 2,400 a year more: support stays
    _, args = _call(read_turn("what if maintenance doubled?", state))  # the input's own name: every part
    assert args["maintenance"] == 2 * state.args["maintenance"]


def test_a_change_whose_figure_fits_two_inputs_asks_which_then_replaces_that_one():
    state = _state("TCO over 2 years: implementation 14k, data integration 3k, licence 500 a month")
    asked = read_turn("what if the project cost 16k", state)  # the project: either one-off part
    assert "replace" in _asked(asked) and len(asked.state.question.options) == 2
    _, args = _call(read_turn("the implementation one", asked.state))
    assert args == {"implementation": 16000, "data_integration": 3000, "software_fees": 6000, "horizon_years": 2}


def test_a_line_named_by_a_word_the_calculation_never_used_is_asked_about():
    state = _state("TCO over 2 years: implementation 10k, training 2k, licence 300 a month")
    turn = read_turn("what if the workshops part ends up at 3k?", state)  # workshops: the training? not guessed
    assert "replace" in _asked(turn) and turn.state.question.options == ["the implementation", "the training"]
    assert _call(read_turn("the training", turn.state))[1]["training"] == 3000


def test_a_change_the_calculation_would_not_use_is_asked_about_not_ignored():
    state = _state("IRR for: yr0 -30,000 | yr1 9,000 | yr2 11,000 | yr3 14,000")
    turn = read_turn("what if it returned 6k a year", state)  # no yearly return in a list of flows
    assert "would change nothing" in _asked(turn)


def test_a_new_outlay_replaces_period_zero_of_a_listed_series():
    state = _state("IRR for: yr0 -30,000 | yr1 9,000 | yr2 11,000 | yr3 14,000")
    assert _call(read_turn("what if the upfront was 36k", state)) == ("irr", {"cash_flows": [-36000, 9000, 11000, 14000]})


def test_a_bare_number_for_a_missing_rate_is_a_percentage():
    state = _state("npv? -20k today, then 8k, 9k, 9k over the next three years")
    assert state.need == "missing"
    assert _call(read_turn("7", state)) == ("npv", {"cash_flows": [-20000, 8000, 9000, 9000], "rate": 0.07})


def test_a_value_chosen_by_the_specs_words_for_it():
    state = _state("ICE for the size-advice quiz: impact 7, confidence 6, ease 5")
    _, args = _call(read_turn("could you average them instead of multiplying?", state))
    assert args["aggregate"] == "mean"


def test_a_new_horizon_alone_changes_the_horizon():
    state = _state("ROI over 2 years? The bot cost 20k to build and saves 15k a year.")
    assert _call(read_turn("ok and over four years?", state)) == ("roi", {"cost": 20000, "gain": 60000})


def test_a_question_without_its_question_mark_is_not_taken_for_a_reply():
    state = _state("Our product-tagging model cost 40k. What was the ROI?")
    assert read_turn("btw what's a confidence interval", state).calculation is None


TABLE = """Please rank with RICE
Idea | Reach | Impact | Confidence | Effort
Gift finder | 4000 | 1 | 0.5 | 2
Size advisor | 1500 | 2 | 0.8 | 3
Reorder nudges | 2500 | 0.5 | 0.9 | 1"""


def _ranking(call) -> list[str]:
    return [row["name"] for row in run_tool(*call)["ranking"]]


def test_a_pasted_table_then_one_score_changed_reranks_that_project_only():
    state = _state(TABLE)
    first = state.call, state.args
    assert _ranking(first) == ["Reorder nudges", "Gift finder", "Size advisor"]
    turn = read_turn("what if the gift finder had confidence 0.9?", state)
    name, args = _call(turn)
    before = {row["name"]: row for row in first[1]["initiatives"]}
    for row in args["initiatives"]:  # only the gift finder's confidence moved
        changed = {k for k in row if row[k] != before[row["name"]][k]}
        assert changed == ({"confidence"} if row["name"] == "Gift finder" else set())
    assert _ranking((name, args)) == ["Gift finder", "Reorder nudges", "Size advisor"]
    assert turn.calculation.account_lines()[0] == "changed: confidence of Gift finder: 0.5 → 0.9"


@pytest.mark.parametrize(("reply", "project", "field", "value"), [
    ("Reorder nudges reach is actually 1000", "Reorder nudges", "reach", 1000),
    ("and if the size advisor took only 2 months", "Size advisor", "effort", 2),  # a time: the effort, never the reach
])
def test_one_projects_one_input_changes(reply, project, field, value):
    state = _state(TABLE)
    _, args = _call(read_turn(reply, state))
    after = {row["name"]: row for row in args["initiatives"]}
    before = {row["name"]: row for row in state.args["initiatives"]}
    assert after[project][field] == value
    assert all(after[n] == before[n] for n in after if n != project)


def test_a_change_naming_one_test_group_changes_that_group_only():
    state = _state("A/B test: control 6,000 sessions and 180 orders, variant 6,000 sessions and 231 orders")
    _, args = _call(read_turn("oops, the variant had 6,600 sessions", state))
    assert args == {"control_visitors": 6000, "control_conversions": 180,
                    "variant_visitors": 6600, "variant_conversions": 231}


def test_a_rate_given_for_one_group_stands_in_for_its_conversions():
    state = _state("A/B test: control 6,000 sessions and 180 orders, variant 6,000 sessions and 231 orders")
    _, args = _call(read_turn("what if the variant had converted at 3.5% instead?", state))
    assert args == {"control_visitors": 6000, "control_conversions": 180,
                    "variant_visitors": 6000, "variant_conversions": 210}


def test_one_period_of_a_recurring_flow_changes_that_period_only():
    state = _state("IRR please: -45,000 today, then 18,000 a year for 3 years")
    turn = read_turn("correction: the second-year inflow is 12,000", state)
    assert _call(turn) == ("irr", {"cash_flows": [-45000, 18000, 12000, 18000]})
    assert turn.calculation.account_lines()[0] == "changed: flows, year 2: 18,000 → 12,000"


def test_a_rate_change_keeps_a_series_read_from_one_message():
    state = _state("NPV at 7% of this: we put in 30,000 now, then get 9,000, 12,000 and 14,000 back")
    assert _call(read_turn("and at 11% instead?", state)) == (
        "npv", {"cash_flows": [-30000, 9000, 12000, 14000], "rate": 0.11})


def test_another_calculator_of_the_same_flows_takes_the_rate_written_without_a_label():
    state = _state("IRR for -25000 now, then 8000, 9000, 12000")
    assert _call(read_turn("fine, and the NPV of those flows with 6%", state)) == (
        "npv", {"cash_flows": [-25000, 8000, 9000, 12000], "rate": 0.06})


# ---- a new subject takes none of the old figures ----------------------------------------------

@pytest.mark.parametrize("message", [
    "ROI for a different tool: it cost 12k",
    "Another project: we paid 7,500 for it. ROI?",
    "What is the ROI of our new chatbot project, which cost 9k?",
    "Which KPIs should a returns chatbot track?",
    "Is a 40% ROI good for a small shop?",
])
def test_a_new_subject_leaves_the_calculation_aside(message):
    state = _state("ROI: the search upgrade cost 20k and brought 26k")
    assert read_turn(message, state).calculation is None


def test_a_message_going_back_changes_the_earlier_calculation_it_names():
    from assistant.reading.dialogue import read_conversation

    earlier = _state("ICE for the bundle recommender: impact 7, confidence 6, ease 8")
    latest = _state("TCO over 1 year: set-up 9k, licence 400 a month")
    turn = read_conversation("Going back to the recommender: confidence is really 5, not 6.", [latest, earlier])
    assert _call(turn) == ("ice_score", {"impact": 7, "confidence": 5, "ease": 8})
    assert read_conversation("confidence is really 5, not 6.", [latest, earlier]).calculation is None  # the latest only


# ---- through the Advisor and its store ---------------------------------------------------------

def _calls(result, name: str) -> list[dict]:
    return [c.args for c in result.tool_calls if c.name == name]


def test_a_course_question_in_the_middle_keeps_the_calculation_for_later(advisor):
    first = advisor.ask("CLV please: baskets average 45, customers buy 6 times a year and stay 2 years, gross margin 30%")
    assert _calls(first, "clv") == [{"aov": 45, "purchases_per_year": 6, "lifespan_years": 2, "gross_margin": 0.3}]
    aside = advisor.ask("How should CLV guide what we spend on acquiring customers?", conversation_id=first.conversation_id)
    assert not aside.tool_calls and aside.clarification is None  # the course answers; no figure carried in
    back = advisor.ask("Back to the numbers: what if the margin were 35%?", conversation_id=first.conversation_id)
    assert _calls(back, "clv") == [{"aov": 45, "purchases_per_year": 6, "lifespan_years": 2, "gross_margin": 0.35}]
    assert "30% → 35%" in back.answer  # before → after


def test_an_unplaced_reply_is_asked_again_and_the_next_reply_completes_it(advisor):
    first = advisor.ask("Our product-tagging model cost 40k. What was the ROI?")
    assert first.clarification is not None
    again = advisor.ask("not sure, ask me later", conversation_id=first.conversation_id)
    assert again.clarification is not None and not again.tool_calls
    done = advisor.ask("52k", conversation_id=first.conversation_id)
    assert _calls(done, "roi") == [{"cost": 40000, "gain": 52000}]
