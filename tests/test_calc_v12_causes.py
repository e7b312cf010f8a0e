"""Stop 38 (v12 sets): causes of the calculator singles' tune failures, as specifications in our
own words (other figures, topics and wording than the set entries), each with a guard against
over-reach."""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from assistant.reading.spelling import correction, respelled
from knowledge.figures import read_figures


def _calls(text: str) -> list:
    calc = read_calculation(text)
    return [] if calc is None else calc.calls


# --- typed slips in the words a message is read by ------------------------------------------------

@pytest.mark.parametrize("text, tool, want", [
    ("2 year tco: onbording 3k, subscripton 200 a montth", "tco", {"horizon_years": 2.0, "software_fees": 2400.0}),
    ("we'd save three thousnd a month; the setup is 24 thousnd. payback?", "payback_period",
     {"monthly_benefit": 3000.0, "upfront_cost": 24000.0}),
    ("ice it: impcat 6, confidnece 7, ease 5", "ice_score", {"impact": 6.0, "confidence": 7.0, "ease": 5.0}),
    ("payback? setup 2O k, saves 2k a month", "payback_period", {"upfront_cost": 20000.0, "monthly_benefit": 2000.0}),
])
def test_a_slipped_label_or_period_word_is_read_as_meant(text, tool, want):
    calls = _calls(text)
    assert calls and calls[0][0] == tool
    assert {k: calls[0][1].get(k) for k in want} == want


def test_what_i_read_quotes_the_words_as_typed():
    calc = read_calculation("2 year tco: onbording 3k, subscripton 200 a montth")
    lines = " ".join(calc.account_lines())
    assert "subscripton 200 a montth" in lines and "subscription" not in lines


@pytest.mark.parametrize("word", ["early", "scales", "priorities", "orders", "order", "salary", "persona", "sets",
                                  "uses", "prevent", "overnight", "drivers", "retrain", "monthly", "licensed"])
def test_everyday_words_and_forms_of_the_vocabulary_are_not_slips(word):
    assert correction(word) is None


def test_a_message_without_slips_is_left_as_written():
    text = "Early adopters drove sales; the scales of our older orders differ. Retrain it in 2 weeks."
    assert respelled(text).text == text


# --- a plus sign on a figure says money comes in -------------------------------------------------

def test_plus_signed_amounts_after_an_outlay_are_the_flows():
    calls = _calls("NPV at 9%: new scanner, 45k upfront, then +12k, +20k and +22k over three years")
    assert calls and calls[0][1]["cash_flows"] == [-45000.0, 12000.0, 20000.0, 22000.0]


def test_a_plus_between_two_amounts_still_adds_them():
    figures = read_figures("setup 5k +2k for the workshop")
    assert [f.plus for f in figures] == [False, False]


# --- numbers that are no quantities ---------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("on my 4th call today; the tool costs 9k", ["9k"]),
    ("compare these 4 options by ICE", []),
    ("the 2nd year brings 12k", ["2", "12k"]),  # an ordinal before a period noun is still read on
    ("we have 4 left by now", ["4"]),
])
def test_ordinals_and_the_count_of_a_list_are_not_figures(text, want):
    assert [f.text for f in read_figures(text)] == want


# --- a pasted chat: a later line corrects a figure -------------------------------------------------

def test_a_later_speaker_corrects_a_figure_past_the_line_start():
    text = ("[09:14] Priya: the kiosk pilot saved us 18k this year\n"
            "[09:15] Marc: total cost incl setup was 9k\n"
            "[09:17] Marc: wait no, 11k, forgot the installer\n"
            "[09:20] Priya: ROI for the year?")
    assert _calls(text) == [("roi", {"gain": 18000.0, "cost": 11000.0})]


def test_a_percentage_revised_as_a_bare_number_stays_a_percentage():
    text = ("[10:01] Sam: loyalty app, reaches 4,000 members a quarter\n[10:02] Jo: impact medium\n"
            "[10:03] Sam: confidence 90%?\n[10:04] Jo: more like 50, we never tried it\n"
            "[10:05] Sam: ok, 50. effort 2 person-months. RICE?")
    calls = _calls(text)
    assert calls and calls[0][1]["confidence"] == pytest.approx(0.5)


def test_a_later_line_with_a_new_figure_of_its_own_is_no_correction():
    text = ("[08:00] Ana: the scanner cost 9k\n[08:05] Ben: it saves 14k a year\n[08:06] Ana: ROI over one year?")
    assert _calls(text) == [("roi", {"cost": 9000.0, "gain": 14000.0})]


# --- a record given as bare numbers between slashes ------------------------------------------------

def test_slashed_numbers_follow_the_order_two_records_gave():
    text = ("score these with ICE: voice search: impact 6, confidence 5, ease 4; "
            "gift finder: impact 8, confidence 7, ease 6; loyalty quiz 3 / 9 / 9")
    calls = _calls(text)
    assert calls and calls[0][0] == "prioritize"
    quiz = [r for r in calls[0][1]["initiatives"] if "quiz" in r["name"]]
    assert quiz and (quiz[0]["impact"], quiz[0]["confidence"], quiz[0]["ease"]) == (3.0, 9.0, 9.0)


def test_slashed_numbers_after_one_named_record_are_not_guessed():
    text = "which first? voice search: impact 6, confidence 5, ease 4, loyalty quiz 3/9/9"
    calc = read_calculation(text)
    assert calc is not None and not calc.calls


# --- a dashboard's counts beside amounts with their currency ---------------------------------------

def test_a_count_labelled_before_it_is_no_cost_part():
    text = ("Invoice summary\nHelpdesk seats £620/mo\nSet-up (one-off) £3,000\nTickets handled 9,450\n\n"
            "1-year TCO?")
    calls = _calls(text)
    assert calls and calls[0][0] == "tco"
    assert sum(v for k, v in calls[0][1].items() if k != "horizon_years") == pytest.approx(3000 + 7440)


def test_an_amount_labelled_by_a_money_word_is_still_a_cost():
    text = "Invoice summary\nHelpdesk seats £620/mo\nSet-up (one-off) £3,000\nOrder routing fee 900\n\n1-year TCO?"
    calls = _calls(text)
    assert calls and sum(v for k, v in calls[0][1].items() if k != "horizon_years") == pytest.approx(3000 + 7440 + 900)


# --- an amount that grows each period --------------------------------------------------------------

def test_an_amount_growing_each_period_is_asked_about_not_counted_flat():
    text = "The kiosk costs 9k. It brings in 1,500 a month at first, rising 4% per month. Payback?"
    calc = read_calculation(text)
    assert calc is not None and not calc.calls and calc.clarification is not None
    assert "4%" in calc.clarification.question


def test_a_growth_said_of_the_past_is_no_growth_of_an_input():
    assert _calls("ROI: the kiosk cost 9k and brought 15k; our sales grew 12% last year") == [
        ("roi", {"cost": 9000.0, "gain": 15000.0})]


# --- business words of other languages -------------------------------------------------------------

@pytest.mark.parametrize("text, tool, want", [
    ("Investissement 80 000 €, puis 25 000 €, 30 000 € et 35 000 € par an, taux d'actualisation 6 %. VAN ?", "npv",
     {"cash_flows": [-80000.0, 25000.0, 30000.0, 35000.0], "rate": 0.06}),
    ("Ticket medio de 45 €, los clientes compran 3 veces al año y permanecen 4 años. Margen bruto del 40 %. ¿CLV?", "clv",
     {"aov": 45.0, "purchases_per_year": 3.0, "lifespan_years": 4.0, "gross_margin": 0.4}),
    ("TCO su 2 anni: implementazione 6.000 €, licenza 900 € ogni trimestre, formazione 1.500 €", "tco",
     {"horizon_years": 2.0, "software_fees": 3600.0}),
    ("Investimento de 80 mil, retorno de 20 mil, 30 mil e 45 mil. Qual a TIR?", "irr",
     {"cash_flows": [-80000.0, 20000.0, 30000.0, 45000.0]}),
])
def test_inputs_named_in_another_language_are_read(text, tool, want):
    calls = _calls(text)
    assert calls and calls[0][0] == tool
    assert {k: calls[0][1].get(k) for k in want} == pytest.approx(want) if tool != "npv" and tool != "irr" else \
        {k: calls[0][1].get(k) for k in want} == want


def test_a_project_list_in_german_with_person_months():
    text = ("Bitte priorisieren: Kasse: Reichweite 4.000 pro Monat, Impact 2, Confidence 70 %, Aufwand 3 PM. "
            "Suche: Reichweite 6.500 pro Monat, Impact 1, Confidence 80 %, Aufwand 5 PM.")
    calls = _calls(text)
    assert calls and calls[0][0] == "prioritize"
    assert [(r["reach"], r["effort"]) for r in calls[0][1]["initiatives"]] == [(4000.0, 3.0), (6500.0, 5.0)]


@pytest.mark.parametrize("text", ["we raised 2 mil last year", "the van costs 20k and the trailer 5k",
                                  "Our VAN scheme: 3 vans"])
def test_english_words_that_look_foreign_are_left(text):
    assert respelled(text).text == text


def test_a_period_after_a_list_of_labelled_items_stays_with_its_own_item():
    calls = _calls("TCO over 2 years: setup 5k, training 2k and licence 300 a month")
    assert calls and calls[0][1]["software_fees"] == 3600.0 and calls[0][1]["implementation"] == 5000.0


# --- an accountant's and a vendor's wording --------------------------------------------------------

def test_per_annum_written_with_dots_after_a_noun_gives_the_period():
    calls = _calls("Avg basket 52, 3.5 orders p.a., 3-year retention, GM 40%. CLV?")
    assert calls and calls[0][1]["purchases_per_year"] == 3.5


def test_a_waived_charge_is_no_cost():
    text = ("12-month contract at €800/month. The set-up (€1,500) is waived as we pay annually. "
            "Extra margin about €1,400/month. ROI over the year?")
    assert _calls(text) == [("roi", {"cost": 9600.0, "gain": 16800.0})]


def test_a_charge_that_is_not_waived_stays():
    text = "12-month contract at €800/month plus set-up €1,500. Extra margin about €1,400/month. ROI over the year?"
    calls = _calls(text)
    assert calls and calls[0][1]["cost"] == 11100.0


@pytest.mark.parametrize("text", [
    "[09:00] Lea: payback on the 15k kiosk, saving 2k/mo\n[09:02] Raj: no way, more like 1.4k\n"
    "[09:03] Lea: let's wait for the data\n\nwhat's the payback?",
    "in the 6 summer weeks we save 900 a week, the rest of the year more like 200/week. setup 8k. ROI for the year?",
])
def test_more_like_that_nobody_settles_on_is_no_correction(text):
    calls = _calls(text)
    assert not any(args.get("monthly_benefit") == 1400.0 for _, args in calls)
    assert not any(name == "roi" and args.get("gain") == 200 * 52 for name, args in calls)


def test_a_result_the_user_states_and_asks_to_judge_is_not_worked_out_again():
    text = "Our kiosk's ROI was 60% in year one (cost 50,000, profit 80,000). Is that good for a shop like ours?"
    assert read_calculation(text) is None


def test_a_stated_result_the_user_asks_to_check_is_worked_out():
    text = "Our kiosk's ROI was 60% in year one (cost 50,000, profit 80,000). Is that right?"
    assert _calls(text) == [("roi", {"cost": 50000.0, "gain": 80000.0})]


# --- per-unit economics: people's time multiplied out -----------------------------------------------

def test_a_head_count_before_a_share_of_a_person_multiplies_it():
    text = "Cost for the year: 3 engineers x 0.2 FTE x 110k loaded, plus 9k hosting. Benefit 95k. ROI?"
    calls = _calls(text)
    assert calls and calls[0][1] == pytest.approx({"cost": 3 * 0.2 * 110000 + 9000, "gain": 95000.0})


def test_staff_time_priced_is_a_cost_unless_it_is_saved():
    assert _calls("ROI for the year: 0.5 FTE at 70k plus 12k licence, gain 60k") == [
        ("roi", {"cost": 47000.0, "gain": 60000.0})]
    calc = read_calculation("ROI: the bot frees 0.5 FTE at 70k a year, licence 12k")
    assert calc is None or not any(args.get("cost") == 47000.0 for _, args in calc.calls)


def test_mil_is_a_thousand_in_a_message_with_a_period_in_its_language():
    calc = read_calculation("cuota inicial de 3 mil y 250 al mes por el chatbot, ¿cuál es el ROI?")
    assert calc is not None and not calc.calls and calc.clarification is not None
    assert "3 mil" in " ".join(calc.account_lines())


def test_an_amount_net_of_tax_is_not_a_gain_for_that_word():
    text = ("Savings booked for the year: 51,300. Full cost of the scanner incl. installation, net of VAT: 29,000. "
            "ROI for the year?")
    assert _calls(text) == [("roi", {"gain": 51300.0, "cost": 29000.0})]


def test_a_net_amount_without_of_is_still_a_gain():
    assert _calls("ROI: cost 12k, net 17k") == [("roi", {"cost": 12000.0, "gain": 17000.0})]


def test_a_figure_read_past_a_slip_keeps_its_place_in_the_message():
    text = "2 year tco: onbording 3k, subscripton 200 a montth"
    calc = read_calculation(text)
    for reading in calc.readings:
        assert text[reading.figure.span[0] : reading.figure.span[1]].strip() == reading.figure.text


def test_a_reach_period_said_for_one_project_only_is_still_asked():
    text = ("Bitte priorisieren: Kasse: Reichweite 4.000 pro Monat, Impact 2, Confidence 70 %, Aufwand 3 PM. "
            "Suche: Reichweite 6.500, Impact 1, Confidence 80 %, Aufwand 5 PM.")
    calc = read_calculation(text)
    assert calc is not None and not calc.calls and calc.clarification is not None
