"""Figures → calculator inputs, read from the tool specs' labels; or one clarifying question."""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation

COMPUTED = [
    ("An AI recommendation tool cost $24,000 in licences and $6,000 to set up, and brought $45,000 extra "
     "gross profit in a year. Was it worth it?", "roi", {"cost": 30000, "gain": 45000}),
    ("ok, it cost us 20k and saved 35k in agent time — ROI?", "roi", {"cost": 20000, "gain": 35000}),
    ("The chatbot made $52k in net profit and cost $40k. What's the return on investment?", "roi",
     {"cost": 40000, "gain": 52000}),
    ("It costs $12,000 and saves $2,000 a month over 2 years. Was it worth it?", "roi", {"cost": 12000, "gain": 48000}),
    ("The tool costs $12,000 upfront and saves $1,500 per month. When does it pay back?", "payback_period",
     {"upfront_cost": 12000, "monthly_benefit": 1500}),
    ("It needs $9,000 up front and saves $24,000 a year. When does it pay for itself?", "payback_period",
     {"upfront_cost": 9000, "monthly_benefit": 2000}),
    ("The platform costs $2,000 a month plus $10,000 setup; it saves $6,000 a month. When does it pay for itself?",
     "payback_period", {"upfront_cost": 10000, "monthly_benefit": 4000}),  # a monthly fee is not a one-off
    ("The total cost was $30k ($24k in licences and $6k to set up) and it made $45k in profit. ROI?", "roi",
     {"cost": 30000, "gain": 45000}),  # a total and its parts: counted once
    ("What is the TCO over 3 years with $10,000 implementation, $2,000 for training and a $500 monthly licence fee?",
     "tco", {"implementation": 10000, "training": 2000, "software_fees": 6000, "horizon_years": 3}),
    ("What is the CLV if AOV is $80, customers buy 4 purchases per year and stay 3 years as customers?", "clv",
     {"aov": 80, "purchases_per_year": 4, "lifespan_years": 3}),
    ("Lifetime value with a $50 average order, 2 orders a month, customers for 18 months and a 40% margin?", "clv",
     {"aov": 50, "purchases_per_year": 24, "lifespan_years": 1.5, "gross_margin": 0.4}),
    ("What is the RICE score for confidence 80%, effort 4, reach 2000 and impact 2?", "rice_score",
     {"reach": 2000, "impact": 2, "confidence": 0.8, "effort": 4}),
    ("Control had 300 conversions out of 10000 visitors and the AI variant 360 out of 10000. Did the AI win?", "ab_test",
     {"control_visitors": 10000, "control_conversions": 300, "variant_visitors": 10000, "variant_conversions": 360}),
    ("What sample size do I need to detect a lift from 3% to 3.6% conversion?", "sample_size",
     {"baseline_rate": 0.03, "target_rate": 0.036}),
    ("What's the NPV of investing $10,000 that returns $4,000 a year for 3 years at 8%?", "npv",
     {"rate": 0.08, "cash_flows": [-10000, 4000, 4000, 4000]}),
]


@pytest.mark.parametrize(("question", "tool", "args"), COMPUTED, ids=[c[0][:50] for c in COMPUTED])
def test_figures_fill_the_inputs_their_labels_name(question, tool, args):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc
    (name, got), = calc.calls
    assert name == tool
    assert got == {k: pytest.approx(v) if not isinstance(v, list) else pytest.approx(v) for k, v in args.items()}
    assert all(reading.used for reading in calc.readings), calc.account_lines()


def test_several_projects_become_one_record_each():
    calc = read_calculation("Project A: reach 2000, impact 2, confidence 80%, effort 2. Project B: reach 500, "
                            "impact 3, confidence 50%, effort 1. Which first? Prioritise them.")
    (name, args), = calc.calls
    assert name == "prioritize" and args["method"] == "rice"
    assert [(r["name"], r["reach"], r["effort"]) for r in args["initiatives"]] == [("Project A", 2000, 2), ("Project B", 500, 1)]


CLARIFIED = [
    ("We spent $20,000 on a chatbot. What is the ROI?", "profit or savings"),  # the gain is missing
    ("It cost $12,000 and saves $1,500 per month. What's the ROI?", "how long"),  # over what horizon?
    ("The tool costs $10,000 and saves $800. When does it pay back?", "per month"),  # the period is not said
    ("It costs $10,000 and saves $1,000-1,500 a month. When does it break even?", "range"),
    ("It cost $30k to set up and $6k, and saved $50k. ROI?", None),  # "$6k" coordinated: summed, not asked
    ("The tool cost $20,000. Another $5,000. It earned $40,000 in profit. ROI?", "$5,000"),  # unlabelled amount
    ("Costs: $24k licences, $6k setup, $40k in total. Profit $45k. ROI?", "total"),  # parts do not add up
    ("What is the ROI if revenue went from $100k to $130k after spending $10k?", "difference"),  # a change, not two parts
]


@pytest.mark.parametrize(("question", "word"), CLARIFIED, ids=[c[0][:50] for c in CLARIFIED])
def test_a_missing_or_unclear_input_is_asked_about_never_guessed(question, word):
    calc = read_calculation(question)
    assert calc is not None
    if word is None:
        assert calc.calls == [("roi", {"cost": 36000, "gain": 50000})]
        return
    assert not calc.calls
    assert word.lower() in calc.clarification.question.lower(), calc.clarification


def test_an_explanatory_question_naming_a_calculator_is_no_calculation():
    assert read_calculation("How do I build the ROI case for our chatbot?") is None
    assert read_calculation("Which KPIs should we watch for a 6 month pilot?") is None


def test_every_figure_is_accounted_for_with_its_words():
    calc = read_calculation("Our 3 stores paid $10,000 for a chatbot that saved $15,000 in a year. ROI?")
    lines = calc.account_lines()
    assert len(lines) == len(calc.readings) == 3
    assert "not used" in lines[0] and "3 stores" in lines[0]
    assert "→ cost" in lines[1] and "paid" in lines[1]
    assert "→ gain" in lines[2] and "saved" in lines[2]


HORIZONS = [  # a horizon in any wording fills the calculator's horizon, or counts per-period amounts
    ("What is the three-year TCO with $5,000 setup and a $100 monthly subscription?", "tco", "horizon_years", 3),
    ("Total cost of ownership over 24 months: $5,000 setup, $100 a month for the licence", "tco", "horizon_years", 2),
    ("TCO for an 18-month contract: $5,000 setup and a $1,000 monthly licence", "tco", "horizon_years", 1.5),
    ("It cost $6,000 and saved $1,000 a month over a year. ROI?", "roi", "gain", 12000),
    ("ROI? It cost $6,000 and saved $1,000 per month, 2 yrs", "roi", "gain", 24000),
]


@pytest.mark.parametrize(("question", "tool", "field", "value"), HORIZONS, ids=[h[0][:50] for h in HORIZONS])
def test_a_horizon_is_read_in_any_wording(question, tool, field, value):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc
    (name, args), = calc.calls
    assert name == tool and args[field] == pytest.approx(value)


def test_a_reach_per_period_needs_no_horizon_and_hides_no_other_input():
    calc = read_calculation("RICE score: reach 800 customers per week, impact 1, confidence 50%, effort 2 person-months")
    assert calc.clarification is None, calc.clarification
    assert calc.calls == [("rice_score", {"reach": 800, "impact": 1, "confidence": 0.5, "effort": 2})]


MIXED = [
    "It cost €10,000 and saved $15,000. ROI?",
    "TCO over 2 years: implementation 20.000 €, licence 1.500 CHF monthly",
    "NPV at 8%: we invest GBP 300,000 now and it returns USD 150k a year for three years",
]


@pytest.mark.parametrize("question", MIXED, ids=[m[:40] for m in MIXED])
def test_amounts_in_two_currencies_are_asked_about_never_added(question):
    calc = read_calculation(question)
    assert calc is not None and not calc.calls
    assert "currenc" in calc.clarification.question


SERIES = [  # amounts one per period become cash flows, period 0 first and negative
    ("What's the NPV at 10%? -12k now, then 5k, 6k, 7k", "npv", [-12000, 5000, 6000, 7000]),
    ("IRR? We invest $40,000 up front; it returns $10,000, $15,000 and $20,000 in years one to three.", "irr",
     [-40000, 10000, 15000, 20000]),
    ("irr of -8k, +3k, +3k, +4k please", "irr", [-8000, 3000, 3000, 4000]),
]


@pytest.mark.parametrize(("question", "tool", "flows"), SERIES, ids=[s[0][:40] for s in SERIES])
def test_amounts_given_one_per_period_become_a_cash_flow_series(question, tool, flows):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert name == tool and args["cash_flows"] == pytest.approx(flows)


TABLES = [
    ("Rank these by RICE:\nProject\tReach/month\tImpact\tConfidence\tEffort\nAlpha\t1000\t2\t50%\t2\nBeta\t400\t1\t90%\t1",
     "prioritize", [500.0, 360.0]),
    ("rank by RICE\n| Idea | Reach | Impact | Confidence | Effort |\n|---|---|---|---|---|\n| Alpha | 1000 | 2 | 50% | 2 |\n"
     "| Beta | 400 | 1 | 90% | 1 |", "prioritize", [500.0, 360.0]),
    ("idea,impact,confidence,ease\nalpha,5,5,4\nbeta,2,3,4\nICE ranking?", "prioritize", [100.0, 24.0]),
    ("idea;impact;confidence;ease\nalpha;5;5;4\nbeta;2;3;4\nICE ranking?", "prioritize", [100.0, 24.0]),
]


@pytest.mark.parametrize(("question", "tool", "scores"), TABLES, ids=["tabs", "markdown", "csv", "semicolons"])
def test_a_pasted_table_is_read_by_its_header_and_rows(question, tool, scores):
    from tools.registry import run_tool

    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert name == tool
    assert sorted(row["score"] for row in run_tool(name, args)["ranking"]) == pytest.approx(sorted(scores))


def test_every_quoted_fragment_is_the_users_own_words():
    for question, *_ in COMPUTED + TABLES + SERIES:
        calc = read_calculation(question)
        for reading in calc.readings:
            assert reading.figure.context in question and reading.figure.text in question


ABOUT_A_FIGURE = [
    "Is a 25% ROI good for an AI project?",
    "Our RICE score came out at 120, is that high?",
    "We got an NPV of 5k at 6%. Does that mean we made 5k profit?",
    "What does RICE mean by reach, and over what period?",
    "Why does the payback period ignore money after 12 months?",
]


@pytest.mark.parametrize("question", ABOUT_A_FIGURE, ids=[q[:40] for q in ABOUT_A_FIGURE])
def test_a_question_about_a_figure_asks_for_no_inputs(question):
    assert read_calculation(question) is None


UNSETTLED = [
    ("It cost $10k and the gain was between $12k and $20k. ROI?", "range"),
    ("TCO over 2 years: setup $5,000, training $1,000 (maybe $2,000), licence $300 a month", "possibility"),
    ("RICE: reach 500, impact 1, confidence 80%, effort -2 person-months", "negative"),
    ("Rank by RICE. A: reach 100 per week, impact 1, confidence 50%, effort 1. B: reach 900 per quarter, impact 2, "
     "confidence 50%, effort 2", "period"),
]


@pytest.mark.parametrize(("question", "word"), UNSETTLED, ids=[u[1] for u in UNSETTLED])
def test_an_unsettled_or_bad_figure_is_asked_about(question, word):
    calc = read_calculation(question)
    assert calc is not None and not calc.calls
    assert word in calc.clarification.question


def test_an_option_named_in_words_is_passed_to_the_calculator():
    calc = read_calculation("ICE score, using the average not the product: impact 6, confidence 6, ease 9")
    assert calc.calls == [("ice_score", {"impact": 6, "confidence": 6, "ease": 9, "aggregate": "mean"})]


DIRECTIONS = [  # whatever the verb, money going out is a cost and money coming in a gain
    ("We're paying $4,000 for the tool and it brings in $6,000. ROI?", {"cost": 4000, "gain": 6000}),
    ("Forking out $5,000 for it cut our agency bill by $8,000. ROI?", {"cost": 5000, "gain": 8000}),
    ("ROI: a $3,000 onboarding charge, and the extra margin came to $9,000", {"cost": 3000, "gain": 9000}),
    ("ROI? $2,000 licence + $1,000 integration, it delivered $6,000", {"cost": 3000, "gain": 6000}),
]


@pytest.mark.parametrize(("question", "args"), DIRECTIONS, ids=[d[0][:40] for d in DIRECTIONS])
def test_the_direction_of_the_money_decides_cost_or_gain(question, args):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    assert calc.calls == [("roi", args)]


def test_a_one_off_and_a_recurring_cost_with_no_label_are_the_up_front_and_the_running_cost():
    calc = read_calculation("Payback? We pay $6,000 once and $100 a month, and it saves $700 a month")
    assert calc.calls == [("payback_period", {"upfront_cost": 6000, "monthly_benefit": 600})]


NOT_MONEY = [  # a figure that is not an amount the calculator can add is asked about, never summed
    ("ROI: we ship 3,000 orders a month; it cost $5,000, saved $9,000 and 250/mo more", "250/mo"),
]


@pytest.mark.parametrize(("question", "word"), NOT_MONEY, ids=[n[1] for n in NOT_MONEY])
def test_an_amount_the_reader_cannot_place_is_asked_about(question, word):
    calc = read_calculation(question)
    assert calc is not None and not calc.calls, calc.calls
    assert word in calc.clarification.question


def test_revenue_with_a_gross_margin_counts_as_profit():
    calc = read_calculation("Payback? Setup $12,000 once; it adds $5,000 of revenue a month at a 40% gross margin")
    assert calc.calls == [("payback_period", {"upfront_cost": 12000, "monthly_benefit": 2000})]


def test_a_recurring_cost_without_a_horizon_asks_for_the_horizon():
    calc = read_calculation("What's the total cost of ownership? $8,000 setup and $400 a month for the licence")
    assert not calc.calls and "how many years" in calc.clarification.question.lower()


def test_a_bare_count_of_things_is_not_money_where_amounts_carry_a_currency():
    calc = read_calculation("We have 12,000 subscribers. The tool cost $6,000 and saved $9,000. ROI?")
    assert calc.calls == [("roi", {"cost": 6000, "gain": 9000})]


def test_scale_words_are_values_of_the_input_they_name():
    calc = read_calculation("RICE score: reach 1,000 per month, high impact, confidence 50%, effort 2 person-months")
    assert calc.calls == [("rice_score", {"reach": 1000, "impact": 2.0, "confidence": 0.5, "effort": 2})]


def test_a_number_in_an_adjective_is_a_size_not_an_input():
    calc = read_calculation("We're a 12-person shop. RICE: reach 600 a quarter, impact 1, confidence 80%, effort 3")
    assert calc.calls == [("rice_score", {"reach": 600, "impact": 1, "confidence": 0.8, "effort": 3})]


def test_a_conversion_rate_with_visitors_gives_the_conversions():
    calc = read_calculation("A/B test: control 10,000 visitors at a 2% conversion rate, "
                            "variant 10,000 visitors at a 2.6% conversion rate. Significant?")
    assert calc.calls == [("ab_test", {"control_visitors": 10000, "control_conversions": 200,
                                       "variant_visitors": 10000, "variant_conversions": 260})]


def test_rates_without_visitors_ask_for_the_visitors():
    calc = read_calculation("a/b test: control converted 2%, the variant 2.6%. significant?")
    assert not calc.calls and "visitors" in calc.clarification.question


WORDINGS = [  # ordinary wordings of a cost, a running cost and a rate
    ("Payback? £2k one off, and it saves £50 a week", "payback_period", {"upfront_cost": 2000}),
    ("tco for 3 yrs: setup £5k, data work £2k, £300/mo", "tco", {"implementation": 5000, "software_fees": 3600}),
    ("npv @ 9%: -10k now, then 4k, 4k, 4k", "npv", {"rate": 0.09}),
    ("It costs €9.000 once and saves €750 a month. In how many months do we recover the investment?", "payback_period",
     {"upfront_cost": 9000, "monthly_benefit": 750}),
]


@pytest.mark.parametrize(("question", "tool", "some_args"), WORDINGS, ids=[w[0][:40] for w in WORDINGS])
def test_ordinary_wordings_fill_the_inputs(question, tool, some_args):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert name == tool and {k: args[k] for k in some_args} == pytest.approx(some_args)


MORE_LAYOUTS = [
    ("ICE ranking please\n| Idea | Impact (1-10) | Confidence (1-10) | Ease (1-10) |\n|---|---|---|---|\n"
     "| Alpha | 5 | 5 | 4 |\n| Beta | 2 | 3 | 4 |", [100.0, 24.0]),  # numbers in a header describe the column
    ("Please give a RICE score: reach is 800 users per month, impact is high (2), confidence 50 percent, effort 2 "
     "person months", None),  # a value in brackets is labelled by the words before the brackets
]


@pytest.mark.parametrize(("question", "scores"), MORE_LAYOUTS, ids=["header scale", "value in brackets"])
def test_more_layouts(question, scores):
    from tools.registry import run_tool

    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    if scores is None:
        assert args == {"reach": 800, "impact": 2, "confidence": 0.5, "effort": 2}
    else:
        assert sorted(row["score"] for row in run_tool(name, args)["ranking"]) == pytest.approx(sorted(scores))


def test_ice_scores_with_a_count_of_people_nearby_stay_ice():
    calc = read_calculation("We are 10 people. ICE score for tagging: impact 7, confidence 6 and ease 8?")
    assert calc.calls == [("ice_score", {"impact": 7, "confidence": 6, "ease": 8})]


SET_ASIDE = [  # figures that size the business or that the user leaves out are no inputs
    ("We are a $2bn retailer. The tool cost $10,000 and saved $15,000. ROI?", {"cost": 10000, "gain": 15000}),
    ("Our parent company ($5bn turnover) is not involved. The tool cost $10,000 and saved $15,000. ROI?",
     {"cost": 10000, "gain": 15000}),
    ("The old tool cost $4,000, but leave that out. The new one cost $10,000 and saved $15,000. ROI?",
     {"cost": 10000, "gain": 15000}),
]


@pytest.mark.parametrize(("question", "args"), SET_ASIDE, ids=["size", "turnover", "left out"])
def test_figures_about_the_business_or_left_out_are_set_aside(question, args):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    assert calc.calls == [("roi", args)]
    assert not calc.readings[0].used and calc.readings[0].note


def test_in_a_cost_only_calculator_an_unnamed_amount_is_a_cost_of_its_period():
    calc = read_calculation("3-year TCO: setup $5,000, and XYZ $1,000 yearly")
    assert calc.calls == [("tco", {"implementation": 5000, "software_fees": 1000, "horizon_years": 3})]


def test_an_amount_at_a_rate_per_person_is_priced_not_added_whole():
    # a share of a person at a person's cost is the staff time's cost (tests/test_calc_shares.py)
    calc = read_calculation("TCO over 2 years: setup $5,000, licence $2,000 a year, 0.5 FTE @ $60k")
    assert calc.calls[0][1]["internal_resources"] == 30000


def test_an_outlay_before_a_labelled_list_of_cash_flows_is_period_zero():
    calc = read_calculation("NPV at 10%? USD 1M now, then net cash flows of USD 400k, 500k and 300k in years 1-3")
    assert calc.calls == [("npv", {"cash_flows": [-1000000, 400000, 500000, 300000], "rate": 0.1})]


def test_the_sentence_names_the_money_when_its_clause_does_not():
    calc = read_calculation("The total cost, including the licence, was $40,000. It saved $52,000. ROI?")
    assert calc.calls == [("roi", {"cost": 40000, "gain": 52000})]


def test_a_count_of_people_is_not_a_horizon():
    calc = read_calculation("TCO over 2 years: training for our 6 agents is $1,800, licence $3,000 a year")
    (name, args), = calc.calls
    assert args["horizon_years"] == 2


def test_an_amount_for_each_of_several_is_asked_about():
    calc = read_calculation("TCO over 3 years: licence 12k per year, setup 20k, 2 engineers at 80k each")
    assert not calc.calls and "each" in calc.clarification.question


def test_a_per_unit_amount_that_its_input_names_is_read():
    calc = read_calculation("CLV: customers spend $40 per order, order 6 times a year and stay 2 years")
    assert calc.calls == [("clv", {"aov": 40, "purchases_per_year": 6, "lifespan_years": 2})]


def test_the_business_revenue_is_not_a_gain_of_the_project():
    calc = read_calculation("We are a shop with 40 staff and 3m revenue. The chatbot cost 20k and saves 1k per month. "
                            "ROI over 2 years?")
    assert calc.calls == [("roi", {"cost": 20000, "gain": 24000})]


def test_an_amount_in_brackets_beside_another_part_is_asked_about():
    calc = read_calculation("ROI: we spent 10% of our 400k budget (40k) on AI and gained 70k")
    assert not calc.calls and "brackets" in calc.clarification.question


def test_two_sets_of_the_same_inputs_are_options_not_parts():
    calc = read_calculation("Option A: cost $20k, saves $1k/month. Option B: cost $35k, saves $2k/month. Payback?")
    assert not calc.calls and "options" in calc.clarification.question


ONE_LINE_LAYOUTS = [
    ("ROI please - Investment: 45k | Annual savings: 20k | Period: 3 years", "roi", {"cost": 45000, "gain": 60000}),
    ("It cost us CHF 15'000 and saves CHF 2'000 per month. Payback?", "payback_period",
     {"upfront_cost": 15000, "monthly_benefit": 2000}),
    ("Project, Reach, Impact, Confidence, Effort\nChatbot, 2000, 1, 80%, 2\nSearch, 5000, 2, 50%, 4\nRICE please",
     "prioritize", None),
    ("ICE ranking:\n- Alpha: impact 6, confidence 8, ease 9\n- Beta: impact 9, confidence 5, ease 3", "prioritize", None),
]


@pytest.mark.parametrize(("question", "tool", "args"), ONE_LINE_LAYOUTS, ids=["pipes", "apostrophes", "csv", "bullets"])
def test_separators_people_use_are_read(question, tool, args):
    calc = read_calculation(question)
    assert calc is not None and calc.clarification is None, calc.clarification
    (name, got), = calc.calls
    assert name == tool
    if args is not None:
        assert got == args
    else:
        assert len(got["initiatives"]) == 2


def test_what_is_a_good_value_asks_for_no_inputs():
    assert read_calculation("What's a good ROI for a chatbot that cost 20k?") is None
