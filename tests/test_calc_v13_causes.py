"""Stop 39 (v13 sets): causes of the calculator singles' wrong figures and misses, as
specifications in our own words (other figures, topics and wording than the set entries), each
with a guard against over-reach."""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from knowledge.figures import read_figures


def _plan(text: str):
    calc = read_calculation(text)
    if calc is None:
        return None, None
    return calc.calls, calc.clarification


# --- an estimate given as two ends after a word of estimating ---------------------------------------

@pytest.mark.parametrize("text, low, high", [
    ("basket roughly 30 to 40 per order", 30.0, 40.0),
    ("churn somewhere 4 - 6% a month", 4.0, 6.0),
])
def test_an_estimate_word_before_two_ends_makes_one_range(text, low, high):
    (fig,) = read_figures(text)
    assert (fig.value, fig.high) == (low, high)


def test_the_middle_of_an_estimated_range_is_used_when_asked():
    calls, asked = _plan("CLV: basket roughly 30 to 40 (use the middle), 6 orders a year, 2 years, margin 50%")
    assert asked is None and calls[0][1]["aov"] == 35.0


@pytest.mark.parametrize("text", ["lift conversion 2% to 3%", "AOV went from about 40 to 46"])
def test_two_ends_without_an_estimate_word_stay_two_figures(text):
    assert [f.high for f in read_figures(text)] == [None, None]


# --- a percentage said as a change from an amount is the amount after the change ---------------------

def test_a_raise_from_an_amount_is_the_new_amount():
    calls, asked = _plan("The subscription goes up 15% from 800/month as of signing. Onboarding is 3k. 3-year TCO please.")
    assert asked is None
    assert calls[0][1]["software_fees"] == pytest.approx(920 * 12)


def test_a_cut_on_last_years_amount_is_the_new_amount():
    calls, asked = _plan("Average basket is down 10% on last year's €80. People order 6 times a year and stay 3 years. CLV?")
    assert asked is None and calls[0][1]["aov"] == pytest.approx(72.0)


def test_a_change_that_explains_an_amount_given_is_not_counted_again():
    calls, asked = _plan("Our subscription is 920/month now, up 15% from 800/month last year. Onboarding is 3k. 3-year TCO please.")
    assert asked is None and calls[0][1]["software_fees"] == pytest.approx(920 * 12)


def test_a_percentage_of_a_whole_is_still_a_part_of_it():
    part, whole = read_figures("30 of 600 visitors bought")
    assert (part.ratio, whole.ratio) == ("part", "whole")


# --- how long the business has run is no horizon -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We have been selling online for 6 years. ROI of the tool: 300 a month, brings in 800 a month extra profit?",
    "ROI please. 12 years in business; the app costs 250 a month and saves us 700 a month.",
])
def test_the_age_of_the_business_is_not_the_horizon(text):
    calls, asked = _plan(text)
    assert not calls and asked is not None and "how long" in asked.question.lower()


@pytest.mark.parametrize("text, field, want", [
    ("CLV: customers stick around for 4 years, spend 55 an order, 3 orders a year", "lifespan_years", 4.0),
    ("ROI? It has been running for 6 months: 300 a month, brings in 800 a month extra profit", "cost", 1800.0),
])
def test_durations_of_the_customer_or_the_tool_are_still_read(text, field, want):
    calls, asked = _plan(text)
    assert asked is None and calls[0][1][field] == want


# --- a signature's contact line holds no figures ------------------------------------------------------

def test_street_number_and_postcode_beside_a_phone_number_are_no_figures():
    assert read_figures("Jana Novak, Brightpix s.r.o., Vinohradska 112, 120 00 Praha, +420 222 555 019") == []


def test_a_price_on_a_line_with_a_phone_number_is_still_read():
    assert [f.text for f in read_figures("call me on +44 20 7946 0555, the licence is 450 a month")] == ["450 a month"]


# --- a question about which figure means what is answered, not computed --------------------------------

@pytest.mark.parametrize("text", [
    "Our report says 3% and the agency says 15% improvement. Are they the same thing? Which one do I use in the sample size tool?",
    "Payback came out at 14 months in one sheet and 1.2 years in another: are those two different?",
])
def test_asking_whether_two_figures_mean_the_same_is_not_a_calculation(text):
    assert read_calculation(text) is None


def test_a_calculation_request_with_a_which_question_still_computes():
    calls, asked = _plan("Payback please: 20k upfront, saves 2k a month. Which months count as break-even?")
    assert asked is None and calls and calls[0][0] == "payback_period"


# --- two equal tens words are an even split, not a price said aloud ------------------------------------

@pytest.mark.parametrize("text", ["we share the ad budget sixty sixty? no, fifty fifty with the brand",
                                  "odds are fifty-fifty that the pilot ships"])
def test_an_even_split_in_words_is_no_figure(text):
    assert all(f.value not in {50.5, 100.0, 60.6, 120.0} for f in read_figures(text))


@pytest.mark.parametrize("text, value", [("the refill is thirty four fifty a month", 34.5), ("the plan is seventy twenty a month", 70.2)])
def test_a_price_said_aloud_still_reads_with_its_cents(text, value):
    (fig,) = read_figures(text)
    assert fig.value == pytest.approx(value)


# --- a policy line for human review named as a rule --------------------------------------------------

@pytest.mark.parametrize("text, percents, limits", [
    ("hitl: the bot wants a 14% markdown, our pricing rule is 8%", [14.0], [8.0]),
    ("needs sign-off? discount of 6%, policy: 5%", [6.0], [5.0]),
    ("the repricer moved 3% as our rules allow", [3.0], []),  # guard: a rule with no percentage of its own
])
def test_a_rule_or_policy_percentage_is_the_review_line(text, percents, limits):
    from assistant.reading.slots import extract

    slots = extract(text)
    assert (slots.percents, slots.limits) == (percents, limits)


# --- a tax line of a pasted quote: counted or left out as the user says, else asked ----------------------

_QUOTE = ("Quote for the demand forecasting add-on\n"
          "Setup and configuration        4,200.00\n"
          "Annual subscription            3,000.00\n"
          "Subtotal                       7,200.00\n"
          "Tax 21%                        1,512.00\n"
          "TOTAL incl. tax                8,712.00\n\n")


def test_a_tax_line_is_left_out_when_the_user_says_they_reclaim_it():
    calls, asked = _plan(_QUOTE + "3-year TCO? We get the tax back, so without VAT please.")
    assert asked is None
    assert calls[0][1]["horizon_years"] == 3.0
    assert sum(v for k, v in calls[0][1].items() if k != "horizon_years" and k != "software_fees") == pytest.approx(4200)


def test_a_tax_line_is_asked_about_when_the_user_says_nothing_of_it():
    calls, asked = _plan(_QUOTE + "3-year TCO?")
    assert not calls and asked is not None and "1,512.00" in asked.question


def test_the_quotes_own_incl_tax_total_does_not_say_the_user_counts_tax():
    from assistant.reading.totals import INCL_TAX, says_about_tax

    assert not says_about_tax(INCL_TAX, _QUOTE)
    assert says_about_tax(INCL_TAX, _QUOTE + "We can't reclaim VAT, we're a charity.")


def test_a_figure_after_the_word_tax_in_a_sentence_is_no_tax_line():
    from assistant.reading.totals import tax_lines

    text = "We're VAT registered, so that is fine. The tool saves 900 a month"
    assert tax_lines(text, read_figures(text)) == []


# --- a signature in another language, a zero-padded document number ------------------------------------

def test_a_german_sign_off_starts_a_signature_whose_numbers_are_no_figures():
    text = ("Die Lizenz kostet 350 EUR im Monat, Einrichtung 2.000 EUR. Bitte TCO über 2 Jahre.\n\n"
            "Viele Grüße\nAnna Keller\nLindenweg 7, 10115 Berlin\nHRB 99120")
    assert [f.text for f in read_figures(text)] == ["350 EUR im Monat", "2.000 EUR", "2 Jahre"]


@pytest.mark.parametrize("text, want", [("Offer no 71-0042: setup 3,000", ["3,000"]),
                                        ("between 10-15k for setup", ["10-15k"])])  # guard: a range stays a range
def test_a_zero_padded_number_after_a_hyphen_is_a_document_number(text, want):
    assert [f.text for f in read_figures(text)] == want


# --- a vague count ("a few thousand") is a range to ask about, never 3 ---------------------------------

def test_a_few_thousand_is_a_range_not_three():
    (fig,) = read_figures("our newsletter reaches a few thousand readers a week")
    assert fig.value >= 1000 and fig.is_range


def test_a_vague_reach_is_asked_about():
    calls, asked = _plan("RICE for the size guide: reach a few thousand shoppers a quarter, impact 2, confidence 60%, effort 3")
    assert not calls and asked is not None


def test_a_couple_of_thousand_is_still_two_thousand():
    (fig,) = read_figures("a couple of thousand users")
    assert fig.value == 2000 and not fig.is_range


# --- a figure said to be stale, its replacement still to come, is asked about ---------------------------

def test_a_quote_the_writer_says_will_be_replaced_is_not_computed():
    text = ("Payback? Install fee 6,000, saves about 900 a month. Note the install fee is an old number, "
            "the supplier is going to send the revised quote next week.")
    calls, asked = _plan(text)
    assert not calls and asked is not None


def test_a_new_figure_already_given_is_used():
    calls, asked = _plan("Payback? The supplier sent the revised quote: install 6,500, saves about 900 a month.")
    assert asked is None and calls[0][1]["upfront_cost"] == 6500


# --- the number that names a document or an exercise is no figure ---------------------------------------

@pytest.mark.parametrize("text, want", [
    ("Request no.: 77120\nSetup: 9,000", ["9,000"]),
    ("Invoice 2046\nOnboarding  1,500", ["1,500"]),
    ("Problem 4.2. A shop pays 250 a month", ["250 a month"]),
])
def test_a_document_or_exercise_number_is_no_figure(text, want):
    assert [f.text for f in read_figures(text)] == want


@pytest.mark.parametrize("text, want", [("we invoice 1200 a month", ["1200 a month"]),
                                        ("Task 4 (2 days): 500", ["2 days", "500"])])
def test_an_amount_after_such_a_word_is_still_read(text, want):
    assert [f.text for f in read_figures(text)] == want


# --- the business's sales said with a verb; an item quoted but not taken --------------------------------

def test_what_the_business_turns_over_is_no_input():
    calls, asked = _plan("We turn over roughly £900,000 a year. The tool: set-up £8,000 and a licence of £3,000 per annum. "
                         "TCO over two years?")
    assert asked is None and calls[0][1]["software_fees"] == 3000


def test_a_quoted_item_not_ordered_is_left_out():
    calls, asked = _plan("Quote\nSetup  2,500\nHosting  1,200 / year\nExtra analytics seat  600 / year (not ordered)\n\n"
                         "TCO over 3 years for what we bought")
    assert asked is None and calls[0][1].get("software_fees", 0) + calls[0][1].get("maintenance", 0) == 1200


def test_an_item_not_included_in_a_price_still_counts():
    calls, asked = _plan("TCO over 2 years: licence 4,000 a year, training 1,500 (not included in the licence)")
    assert asked is None and calls[0][1]["training"] == 1500


# --- a percentage of an amount used whole is asked about ------------------------------------------------

@pytest.mark.parametrize("text", [
    "ROI for one year? The agency says 5-7% uplift on a $300K/yr profit base; the tool is $18K/yr.",
    "TCO over 3 years: licence 7k a year, plus 15% of three engineers' time, each engineer costs 60k a year.",
])
def test_a_share_of_an_amount_read_whole_is_asked_about(text):
    calls, asked = _plan(text)
    assert not calls and asked is not None


def test_a_share_the_user_worked_out_is_their_amount():
    calls, asked = _plan("TCO over 2 years: licence 6k a year, plus a designer at 10% of her time, that's about 5k a year.")
    assert asked is None and calls[0][1]["horizon_years"] == 2.0


# --- terse shorthand: "wk", a length glued to "mo", a slash between items ---------------------------------

@pytest.mark.parametrize("text, value, unit, period", [
    ("saves 450 a wk", 450.0, "count", "week"),
    ("saves 450/wk", 450.0, "count", "week"),
    ("contract 24mo", 24.0, "duration", None),
])
def test_short_period_and_duration_words_are_read(text, value, unit, period):
    (fig,) = read_figures(text)
    assert (fig.value, fig.unit, fig.period) == (value, unit, period)


def test_a_glued_length_is_the_horizon():
    calls, asked = _plan("tco 30mo: onboarding 4k, hosting 900/mo")
    assert asked is None and calls[0][1]["horizon_years"] == 2.5


def test_a_slash_between_items_ends_a_label():
    first, second = read_figures("roi 12k / saves 2k a month")
    assert first.after == [] and second.before == ["saves"]


def test_a_slash_before_a_period_word_is_still_the_period():
    (fig,) = read_figures("hosting 300 / month")
    assert fig.period == "month"


def test_times_glued_to_x_before_a_bare_period_word_is_per_that_period():
    (fig,) = read_figures("clv: basket 35 / 6x yr / 4y / margin 30%")[1:2]
    assert (fig.value, fig.period) == (6.0, "year")


def test_a_contact_line_whose_phone_number_was_masked_holds_no_figures():
    from assistant.reading.privacy import mask_pii

    assert read_figures(mask_pii("Jana Novak, Brightpix s.r.o., Vinohradska 112, 120 00 Praha, +420 222 555 019")) == []
