"""A percentage "of" an amount is that share of the amount, never dropped from a total: of a figure
said right after it (the figure only sizes the share), of "this" (the amount just said), or of an
input named by its label (that input stays, and the share is a further amount)."""

import pytest

from assistant.reading.calculate import read_calculation
from assistant.reading.shares import find_shares
from knowledge.figures import read_figures


def _call(text):
    calc = read_calculation(text)
    assert calc is not None and calc.clarification is None, calc and calc.clarification
    [call] = calc.calls
    return call


def test_a_share_of_a_named_input_adds_to_it_and_keeps_it():
    name, args = _call("3-year TCO: setup 20,000; licence 5,000 per year; upkeep 10% of the setup per year.")
    assert name == "tco" and args["implementation"] == 20000 and args["maintenance"] == pytest.approx(2000)


def test_a_share_of_the_amount_just_said_replaces_that_amount():
    name, args = _call("Our support costs 50,000 euro per year. The bot should save 20% of this. The bot costs "
                       "6,000 euro for the first year. ROI for the first year?")
    assert name == "roi" and args == {"gain": pytest.approx(10000), "cost": 6000}


def test_a_share_of_a_figure_right_after_of_counts_only_the_share():
    name, args = _call("TCO over 2 years: licence $1K/mo, plus an analyst at 50% of a $60K per year salary")
    assert args["software_fees"] == 12000 and sum(args.get(k, 0) for k in ("internal_resources", "maintenance")) == 30000


@pytest.mark.parametrize("text", ["a conversion rate of 3% of 20,000 visitors", "margin is 40%", "impact 3, 80% confidence"])
def test_a_percentage_that_is_no_share_of_an_amount_stays_a_percentage(text):
    assert find_shares(text, read_figures(text)) == []


def test_the_account_shows_how_the_share_was_worked_out():
    calc = read_calculation("3-year TCO: setup 20,000; licence 5,000 per year; upkeep 10% of the setup per year.")
    line = next(line for line in calc.account_lines() if line.startswith("10%"))
    assert "2,000" in line and "20,000" in line


# ---- people's time: a share of a person times that person's cost; hours times an hourly rate ----------

@pytest.mark.parametrize(("text", "staff"), [
    ("TCO over 2 years: setup 10k, licence 500/mo, 0.5 FTE @ 70k", 35000),
    ("2-year TCO: setup £10k, fees £500/mo, and half an FTE of an engineer whose full cost is £70k/yr", 35000),
    ("setup 10,000 and licence 6,000 a year, and my assistant spends a quarter of her time on it and she costs "
     "me 40,000 a year, so the TCO over two years?", 10000),
    ("2-year TCO: setup 10,000; licence 6,000 per year; support 3 h/week @ 40/h", 6240),
])
def test_staff_time_is_priced_from_the_share_of_a_person_or_the_hours(text, staff):
    name, args = _call(text)
    assert name == "tco" and args["internal_resources"] == pytest.approx(staff)


def test_hours_saved_times_an_hourly_cost_is_the_monthly_benefit():
    name, args = _call("Setup costs $6,000. It saves 40 hours of staff time a month, and staff time costs us $25 an hour. "
                       "Payback in months?")
    assert name == "payback_period" and args == {"upfront_cost": 6000, "monthly_benefit": pytest.approx(1000)}


@pytest.mark.parametrize("text", [
    "3-year TCO:\nItem\tAmount\tType\nSetup\t10,000\tone-time\nInternal staff (0.25 FTE)\t15,000\tper year",
    "3-year TCO: setup 10,000; internal staff (0.25 FTE) 15,000 per year",
])
def test_a_line_whose_label_gives_the_share_already_costs_the_share(text):
    name, args = _call(text)
    assert args.get("internal_resources", 0) + args.get("software_fees", 0) + args.get("maintenance", 0) == 15000
