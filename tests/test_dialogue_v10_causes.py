"""Causes behind calculation dialogues that went wrong in round v10, each as a specification in
its own words: an earlier result named by its calculator ("against that TCO") is the next one's
cost; a figure added with "also" whose words name no input is asked about, never put in place of
a line that merely shares a word with it; "in place of" names the old value; "last year's
numbers" is the time before now, no period of the calculation; a line given another line's value
moves, even beside a question about the result; "the cheaper/dearer one" picks one of two
alternatives; "ends up 24k" is where a figure lands, no move by 24k; one line taken back by its
name ("keep the new X, go back to the old Y"); "scrap"/"ditch"/"falls away" remove a line; in
"8k hardware + 4k setup" the word after a figure names that figure. Each comes with a guard: a
message of the same kind the rule must not change. Pure reading, as in tests/test_dialogue_undo.py.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_after, state_of


def _asked(turn) -> str:
    assert turn.calculation is not None and not turn.calculation.calls, turn.calculation
    assert turn.calculation.clarification is not None
    return turn.calculation.clarification.question


# -- an earlier result named by its calculator is the next calculator's cost ----------------------

HOSTING_TCO = "Total cost of ownership over 2 years: set-up 6,000, hosting 300 a month, support 1,000 a year"


@pytest.mark.parametrize("ask", ["we expect about 40k extra profit over those 2 years. ROI against that TCO?",
                                 "profit uplift of 40,000 over the period - what's the return on investment vs the TCO?"])
def test_an_earlier_total_named_by_its_calculator_is_the_cost_of_the_next_one(ask):
    name, args = call_of(read_turn(ask, state_of(HOSTING_TCO)))
    assert name == "roi" and args == {"gain": 40000, "cost": 15200}  # 6,000 + 2 × (3,600 + 1,000)


def test_guard_the_same_calculator_asked_again_is_a_change_of_it_not_a_pointer():
    name, args = call_of(read_turn("and the TCO over 3 years?", state_of(HOSTING_TCO)))
    assert name == "tco" and args["horizon_years"] == 3


def test_guard_an_roi_with_its_own_cost_takes_no_earlier_total():
    turn = read_turn("different question: ROI of a tool that cost 5,000 and made 9,000?", state_of(HOSTING_TCO))
    if turn.calculation is not None and turn.calculation.calls:
        assert turn.calculation.calls[0][1] == {"gain": 9000, "cost": 5000}


# -- "also" adds a part: an input its words do not name is asked, no line is replaced ----------------

KIOSK_ROI = "ROI please: the self-service kiosk cost us 9,000 and brought in 20,000 of extra sales"


def test_an_added_amount_whose_words_name_no_input_is_asked_about_and_replaces_nothing():
    turn = read_turn("oh and the kiosk also spared us 2,500 in queue staff", state_of(KIOSK_ROI))
    assert "2,500" in _asked(turn)
    assert turn.state.figures[0].figure["value"] == 9000  # the cost line is still the 9,000


def test_a_question_asked_mid_dialogue_still_shows_the_inputs_already_decided():
    turn = read_turn("oh and the kiosk also spared us 2,500 in queue staff", state_of(KIOSK_ROI))
    lines = turn.calculation.account_lines()
    assert any(line.startswith("9,000 → cost") for line in lines), lines
    assert any(line.startswith("20,000 → gain") for line in lines), lines
    assert any(line.startswith("2,500 → not used") for line in lines), lines  # the one asked about


def test_guard_an_added_saving_is_one_more_part_of_the_gain():
    name, args = call_of(read_turn("the kiosk also saved 2,500 in queue staff", state_of(KIOSK_ROI)))
    assert args == {"cost": 9000, "gain": 22500}


def test_guard_a_what_if_naming_the_cost_still_replaces_it():
    name, args = call_of(read_turn("what if the kiosk had cost 12,000?", state_of(KIOSK_ROI)))
    assert args == {"cost": 12000, "gain": 20000}


# -- "in place of" names the old value ------------------------------------------------------------

RICE_TWO = "Rank with RICE: Alpha reach 500, impact 2, confidence 0.5, effort 2; Beta reach 800, impact 1, confidence 0.8, effort 4"


def test_in_place_of_names_the_value_a_new_one_replaces():
    name, args = call_of(read_turn("and if Beta needed 6 person-months in place of 4?", state_of(RICE_TWO)))
    rows = {row["name"]: row for row in args["initiatives"]}
    assert rows["Beta"]["effort"] == 6 and rows["Alpha"]["effort"] == 2


# -- "last year's" is a time before now, not a period of the calculation ---------------------------

CLV = "CLV: average basket 40, 6 orders a year, customers stay 3 years"


@pytest.mark.parametrize("fix", ["sorry, 4 orders a year, not 6 - I had last year's report open",
                                 "my mistake, it's 4 orders a year rather than 6, last month's export was stale"])
def test_a_correction_that_mentions_last_years_numbers_still_corrects(fix):
    name, args = call_of(read_turn(fix, state_of(CLV)))
    assert args == {"aov": 40, "purchases_per_year": 4, "lifespan_years": 3}


def test_guard_the_last_year_of_a_series_is_still_that_period():
    name, args = call_of(read_turn("what if the last year's flow were 9,000?", state_of("NPV at 10%: -30,000 now, then 12,000, 12,000, 12,000")))
    assert args["cash_flows"] == [-30000, 12000, 12000, 9000]


# -- a line given another line's value moves, even beside a question about the result ---------------

ICE_THREE = "ICE please:\n- Alerts: impact 5, confidence 6, ease 8\n- Bundles: impact 7, confidence 4, ease 3\n- Quiz: impact 4, confidence 8, ease 6"


@pytest.mark.parametrize("say", ["our designer thinks bundles are simpler than that, more like a 6 on ease. Would that reorder things?",
                                 "our designer thinks bundles are more like a 6 on ease."])
def test_a_project_given_a_value_another_project_holds_moves_that_projects_input(say):
    name, args = call_of(read_turn(say, state_of(ICE_THREE)))
    rows = {row["name"]: row for row in args["initiatives"]}
    assert rows["Bundles"]["ease"] == 6 and rows["Quiz"]["ease"] == 6 and rows["Alerts"]["ease"] == 8


def test_guard_a_figure_pointed_at_in_a_question_changes_nothing():
    turn = read_turn("the 6 for the quiz ease, is that realistic?", state_of(ICE_THREE))
    assert turn.calculation is None or not turn.calculation.calls or \
        {r["name"]: r for r in turn.calculation.calls[0][1]["initiatives"]}["Quiz"]["ease"] == 6


# -- the cheaper or the dearer of two alternatives --------------------------------------------------

TWO_SUPPLIERS = "roi? gain 50k, cost 12k from supplier X or 15k from supplier Y"


@pytest.mark.parametrize("reply, cost", [("go with the cheaper one", 12000), ("the dearer quote", 15000)])
def test_the_cheaper_or_dearer_of_two_alternatives_is_chosen(reply, cost):
    state = state_of(TWO_SUPPLIERS)
    assert state.question is not None
    name, args = call_of(read_turn(reply, state))
    assert args == {"gain": 50000, "cost": cost}


def test_guard_the_cheaper_one_with_no_alternatives_chooses_nothing():
    state = state_of("ROI? it saves 3,000 a month and cost 20,000 to set up")
    turn = read_turn("the cheaper one", state)
    assert turn.calculation is None or not turn.calculation.calls


# -- "ends up" says where a figure lands, not what it moves by --------------------------------------

PAYBACK = "Payback: we pay 20,000 up front and it saves 2,000 a month"


def test_a_figure_that_ends_up_at_a_value_takes_that_value():
    name, args = call_of(read_turn("what if the upfront ends up 24k", state_of(PAYBACK)))
    assert args == {"upfront_cost": 24000, "monthly_benefit": 2000}


def test_guard_going_up_by_an_amount_is_still_a_move():
    name, args = call_of(read_turn("what if the upfront goes up 4k", state_of(PAYBACK)))
    assert args == {"upfront_cost": 24000, "monthly_benefit": 2000}


# -- one line taken back by its name ----------------------------------------------------------------

RENT = "TCO over 2 years: fit-out 10,000, rent 6,000 a year, insurance 1,000 a year"


@pytest.mark.parametrize("undo", ["keep the new rent, but go back to the old insurance figure",
                                  "fine, insurance back to what it was, rent stays"])
def test_one_line_taken_back_by_its_name_restores_that_line_only(undo):
    state = state_after(RENT, "what if the rent rose to 8,000 a year?", "and insurance to 2,000 a year?")
    name, args = call_of(read_turn(undo, state))
    assert args == {"implementation": 10000, "software_fees": 8000, "maintenance": 1000, "horizon_years": 2} or \
        (sum(args.get(k, 0) for k in ("software_fees", "maintenance")) == 9000 and args["implementation"] == 10000)


def test_guard_a_line_that_never_moved_is_not_taken_back():
    state = state_after(RENT, "what if the rent rose to 8,000 a year?")
    turn = read_turn("go back to the old fit-out", state)
    assert turn.calculation is None or not turn.calculation.calls or \
        sum(v for k, v in turn.calculation.calls[0][1].items() if k != "horizon_years") == 10000 + 8000 + 1000


# -- other words that take a line out ---------------------------------------------------------------

TCO_LINES = "TCO over 2 years: build 12,000, consultancy 3,000, hosting 2,000 a year"


@pytest.mark.parametrize("remove", ["ditch the consultancy", "the consultancy part is falling away, we do it in-house",
                                    "scrap the consultancy, please"])
def test_a_line_ditched_scrapped_or_falling_away_is_removed(remove):
    name, args = call_of(read_turn(remove, state_of(TCO_LINES)))
    assert sum(v for k, v in args.items() if k != "horizon_years") == 12000 + 2000


def test_guard_a_line_that_goes_up_is_not_removed():
    name, args = call_of(read_turn("what if the consultancy goes up to 5,000", state_of(TCO_LINES)))
    assert sum(v for k, v in args.items() if k != "horizon_years") == 12000 + 5000 + 2000


# -- "8k hardware + 4k setup": the word after a figure names it --------------------------------------

@pytest.mark.parametrize("first", ["payback? upfront 9k servers + 3k setup. saves 1.5k/mo",
                                   "payback? up-front: 9k for servers + 3k setup fee, saving 1.5k a month"])
def test_a_part_named_after_its_figure_is_the_one_removed(first):
    name, args = call_of(read_turn("drop the servers, we have spare ones", state_of(first)))
    assert args["upfront_cost"] == 3000


def test_guard_a_part_named_before_its_figure_is_still_named_by_those_words():
    name, args = call_of(read_turn("drop the servers", state_of("payback? setup 3k + servers 9k up front. saves 1.5k/mo")))
    assert args["upfront_cost"] == 3000


# -- another calculator on an amount said net or gross of a line already given ----------------------

KIOSK_TCO = "TCO for a year: the kiosk costs 11k to install, then a 250 a month service fee for the card reader"


def test_an_amount_before_a_line_of_the_last_calculation_takes_that_line_off():
    ask = "it should save about 1,500 a month in till staff, before the service fee. Payback on the 11k install?"
    name, args = call_of(read_turn(ask, state_of(KIOSK_TCO)))
    assert name == "payback_period" and args == {"upfront_cost": 11000, "monthly_benefit": 1250}


def test_guard_a_payback_that_names_no_line_of_the_last_calculation_is_its_own():
    turn = read_turn("payback if it saves 1,500 a month on 11k up front?", state_of(KIOSK_TCO))
    assert turn.calculation is None or turn.calculation.calls[0][1] == {"upfront_cost": 11000, "monthly_benefit": 1500}


# -- a line taken out in other words: named inside the verb or before it ----------------------------

@pytest.mark.parametrize("remove", ["take the consultancy out", "we won't need the consultancy after all",
                                    "the consultancy isn't needed", "consultancy is no longer necessary"])
def test_a_line_taken_out_or_no_longer_needed_is_removed(remove):
    name, args = call_of(read_turn(remove, state_of(TCO_LINES)))
    assert sum(v for k, v in args.items() if k != "horizon_years") == 12000 + 2000


TOOL_ROI = "ROI: the tool cost 10,000 and the training 2,000; it brought 30,000 extra profit"


@pytest.mark.parametrize("remove", ["the training is covered by the vendor now", "the training cost nothing in the end"])
def test_a_line_named_before_what_makes_it_free_is_the_one_removed(remove):
    name, args = call_of(read_turn(remove, state_of(TOOL_ROI)))
    assert args == {"cost": 10000, "gain": 30000}


def test_guard_covered_by_an_amount_is_no_removal():
    turn = read_turn("the training is covered by the 10,000", state_of(TOOL_ROI))
    assert turn.calculation is None or not turn.calculation.calls or turn.calculation.calls[0][1]["cost"] != 10000


# -- "add 1,000 for plugins": the verb that adds says nothing of the money's way ---------------------

def test_an_amount_added_for_a_thing_no_input_names_is_asked_about_never_a_gain():
    turn = read_turn("add 1,000 for plugins", state_of(TOOL_ROI))
    assert "1,000" in _asked(turn)


@pytest.mark.parametrize("add, args", [("and add 1,000 for hosting", {"cost": 13000, "gain": 30000}),
                                       ("add 5k of extra sales from upsells", {"cost": 12000, "gain": 35000})])
def test_guard_an_amount_added_whose_words_say_its_way_is_added_there(add, args):
    name, got = call_of(read_turn(add, state_of(TOOL_ROI)))
    assert got == args


def test_an_amount_paid_for_a_thing_is_one_more_part_not_another_subject():
    name, args = call_of(read_turn("we also pay 1,000 for a plugin", state_of(TOOL_ROI)))
    assert args == {"cost": 13000, "gain": 30000}  # "for a plugin" says what the 1,000 buys


def test_guard_a_calculator_asked_of_a_thing_not_named_before_is_another_subject():
    turn = read_turn("and the ROI of a plugin that cost 1,000 and made 4,000?", state_of(TOOL_ROI))
    assert turn.calculation is None or turn.calculation.calls[0][1] == {"cost": 1000, "gain": 4000}
