"""Spec: one amount said twice is one amount; a figure the user revises replaces the one quoted.

- "1,500 a month, so that's 18k a year" is one cost in two periods, not two costs;
- "it earns 3k a month, the fee is 500 a month, so net it's 2.5k" — the net the user worked out
  is the benefit, and the gross parts it came from are not counted again;
- "the vendor says 300k a year; I'd trim that to 120k" — the user's figure replaces the quoted
  one, in the same period;
- a spreadsheet row "Hosting /mo  C4: =250" is 250 a month, and its cell reference is no label;
- a policy line "our threshold is 10%" is a limit, not the change asked about; "not key
  customers" says the key segment is untouched.
"""

from __future__ import annotations

from assistant.reading.calculate import read_calculation
from assistant.reading.context_figures import restated_amounts
from assistant.reading.slots import extract
from knowledge.figures import read_figures


def _calls(text: str) -> list:
    calc = read_calculation(text)
    assert calc is not None
    return calc.calls


def test_an_amount_restated_per_year_is_counted_once():
    assert _calls("the helpdesk add-on costs 1,500 a month so that's 18k a year, and it saves us 30k a "
                  "year in overtime. ROI for the year?") == [("roi", {"cost": 18000.0, "gain": 30000.0})]


def test_over_reach_an_amount_in_another_period_that_does_not_convert_is_no_restatement():
    text = "the add-on costs 1,500 a month, that's on top of 10k a year for the support plan"
    assert restated_amounts(text, read_figures(text)) == {}


def test_a_net_amount_the_user_worked_out_is_the_benefit():
    assert _calls("set-up is 15k. it earns 3k a month but the fee is 500 a month, so net it's about 2.5k. "
                  "months to break even?") == [("payback_period", {"upfront_cost": 15000.0, "monthly_benefit": 2500.0})]


def test_over_reach_a_net_that_does_not_match_its_parts_is_not_taken_for_them():
    calc = read_calculation("set-up is 15k. it earns 3k a month but the fee is 500 a month, so net it's about 1k. "
                            "months to break even?")
    assert not calc.calls or calc.calls[0][1]["monthly_benefit"] != 1000.0 or calc.clarification is not None


def test_a_figure_the_user_revises_replaces_the_quoted_one_in_its_period():
    assert _calls("The agency says the chatbot yields $300k of extra profit a year. I'd trim that to $120k. "
                  "It costs us $80k a year. ROI on my figure?") == [("roi", {"gain": 120000.0, "cost": 80000.0})]


def test_a_row_label_ending_in_a_period_gives_the_cell_its_period():
    calc = read_calculation("C1: Item\tD1: Cost\nC2: Setup\tD2: =3000\nC3: Hosting /mo\tD3: =250\n\nTCO over 1 yr?")
    assert calc.calls == [("tco", {"implementation": 3000.0, "software_fees": 3000.0, "horizon_years": 1.0})] or (
        calc.calls and sum(v for k, v in calc.calls[0][1].items() if k != "horizon_years") == 6000.0)


def test_a_threshold_named_as_such_is_a_limit():
    slots = extract("The model wants to cut prices 4% on clearance lines. Our limit is 6%. Does it need sign-off?")
    assert slots.percents == [4.0] and slots.limits == [6.0]


def test_over_reach_limit_as_a_verb_is_no_threshold():
    slots = extract("we will limit the markdown to 7% this week")
    assert slots.limits == []


def test_key_customers_excluded_or_named():
    assert extract("a 3% price rise on standard lines, not key accounts").key_segment is False
    assert extract("a 3% price rise for our key accounts").key_segment is True
    assert extract("a 3% price rise on standard lines").key_segment is None
