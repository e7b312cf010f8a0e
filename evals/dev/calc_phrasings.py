"""A generated development set of calculator questions with known answers.

Each item is a question as users phrase it (labels, word order, currencies and k/M, periods,
parts to sum, several projects, missing inputs) and what a correct reader does with it: the
tool call it should make, or "clarify" where a figure's role or period cannot be known.
Deterministic (a fixed seed); split into tune/held-out halves by a hash of the question.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

CLARIFY = "clarify"


@dataclass(frozen=True)
class Item:
    question: str
    tool: str  # expected tool name, or CLARIFY
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def half(self) -> str:
        digit = int(hashlib.sha1(self.question.encode("utf-8")).hexdigest()[0], 16)
        return "tune" if digit % 2 == 0 else "held-out"


def money(rng: random.Random, value: float) -> str:
    """One of the ways people write an amount."""
    style = rng.randrange(7)
    if style == 0:
        return f"${value:,.0f}"
    if style == 1 and value % 1000 == 0:
        return f"{value / 1000:g}k"
    if style == 2 and value % 1000 == 0:
        return f"${value / 1000:g}k"
    if style == 3:
        return f"{value:,.0f} dollars"
    if style == 4:  # one currency per question: amounts in two currencies are asked about, never added
        return f"{value:,.0f} USD"
    if style == 5 and value % 100000 == 0 and value >= 1e6:
        return f"${value / 1e6:g}M"
    if style == 6 and value % 1000 == 0:
        return f"${value / 1000:g} thousand"
    return f"${value:,.0f}"


def _amount(rng: random.Random, low: int, high: int, step: int = 1000) -> int:
    return rng.randrange(low, high, step)


ROI_ASKS = ["What is the ROI?", "Was it worth it?", "What's the return on investment?", "Did it pay off?",
            "Give me the ROI.", "How good was the ROI?", "What ROI did we get?"]
PAYBACK_ASKS = ["When does it pay back?", "How long until it pays for itself?", "When do we break even?",
                "What is the payback period?", "How many months to recoup the cost?", "When will it pay for itself?"]
COST_PARTS = [("in licences", "licence fees of"), ("to set up", "setup cost of"), ("for implementation", "implementation cost of"),
              ("for training", "training cost of")]
GAINS = [("in net profit", "net profit of"), ("in savings", "savings of"), ("extra gross profit", "gross profit of"),
         ("in extra profit", "profit of")]
TOOLS = ["AI chatbot", "recommendation engine", "forecasting tool", "pricing tool", "search tool", "AI assistant"]


def roi_items(rng: random.Random) -> list[Item]:
    items = []
    for _ in range(70):
        parts = [_amount(rng, 2000, 40000) for _ in range(rng.choice([1, 1, 2, 3]))]
        gain = _amount(rng, 5000, 90000)
        labels = rng.sample(COST_PARTS, len(parts))
        tool = rng.choice(TOOLS)
        if len(parts) == 1 and rng.random() < 0.5:
            cost_text = f"cost {money(rng, parts[0])}"
        else:
            cost_text = "cost " + " and ".join(f"{money(rng, p)} {after}" for p, (after, _) in zip(parts, labels))
        after, before = rng.choice(GAINS)
        gain_text = rng.choice([f"brought {money(rng, gain)} {after}", f"generated {before} {money(rng, gain)}",
                                f"made {money(rng, gain)} {after}"])
        ask = rng.choice(ROI_ASKS)
        if rng.random() < 0.5:
            question = f"Our {tool} {cost_text}, and {gain_text}. {ask}"
        else:
            question = f"The {tool} {gain_text} and it {cost_text}. {ask}"
        items.append(Item(question, "roi", {"cost": sum(parts), "gain": gain}))
    for _ in range(15):  # a monthly saving over a stated horizon
        cost, monthly, years = _amount(rng, 5000, 30000), _amount(rng, 500, 3000, 100), rng.choice([1, 2, 3])
        question = f"The {rng.choice(TOOLS)} costs {money(rng, cost)} and saves {money(rng, monthly)} a month over {years} years. {rng.choice(ROI_ASKS)}"
        items.append(Item(question, "roi", {"cost": cost, "gain": monthly * 12 * years}))
    for _ in range(12):  # a monthly saving and no horizon: over how long?
        cost, monthly = _amount(rng, 5000, 30000), _amount(rng, 500, 3000, 100)
        question = f"It cost {money(rng, cost)} and saves {money(rng, monthly)} per month. {rng.choice(ROI_ASKS)}"
        items.append(Item(question, CLARIFY))
    for _ in range(10):  # only the cost
        question = f"We spent {money(rng, _amount(rng, 5000, 30000))} on an {rng.choice(TOOLS)}. {rng.choice(ROI_ASKS)}"
        items.append(Item(question, CLARIFY))
    return items


def payback_items(rng: random.Random) -> list[Item]:
    items = []
    for _ in range(45):
        cost = _amount(rng, 3000, 60000)
        benefit = _amount(rng, 200, 5000, 100)
        period = rng.choice(["per month", "a month", "monthly", "each month", "per year", "a year", "annually"])
        monthly = benefit / 12 if period in {"per year", "a year", "annually"} else benefit
        if period in {"per year", "a year", "annually"}:
            benefit *= 10
            monthly = benefit / 12
        verb = rng.choice(["saves", "brings in", "generates", "saves us", "earns"])
        cost_text = rng.choice([f"costs {money(rng, cost)} upfront", f"costs {money(rng, cost)}", f"needs an investment of {money(rng, cost)}"])
        question = f"The {rng.choice(TOOLS)} {cost_text} and {verb} {money(rng, benefit)} {period}. {rng.choice(PAYBACK_ASKS)}"
        items.append(Item(question, "payback_period", {"upfront_cost": cost, "monthly_benefit": monthly}))
    for _ in range(10):  # the benefit has no period
        question = f"The tool costs {money(rng, _amount(rng, 3000, 60000))} and saves {money(rng, _amount(rng, 500, 5000, 100))}. {rng.choice(PAYBACK_ASKS)}"
        items.append(Item(question, CLARIFY))
    for _ in range(6):  # a range
        low = _amount(rng, 500, 2000, 100)
        question = f"It costs ${_amount(rng, 5000, 20000):,} and saves ${low:,}-{low + 500:,} a month. {rng.choice(PAYBACK_ASKS)}"
        items.append(Item(question, CLARIFY))
    return items


def tco_items(rng: random.Random) -> list[Item]:
    items = []
    for _ in range(30):
        impl, train, fee = _amount(rng, 5000, 50000), _amount(rng, 1000, 9000), _amount(rng, 100, 2000, 100)
        years = rng.choice([1, 2, 3, 5])
        monthly = rng.random() < 0.5
        fee_text = f"a {money(rng, fee)} monthly licence fee" if monthly else f"software fees of {money(rng, fee * 10)} per year"
        yearly_fee = fee * 12 if monthly else fee * 10
        ask = rng.choice(["What is the TCO", "What's the total cost of ownership", "Work out the total cost of ownership"])
        question = f"{ask} over {years} years with {money(rng, impl)} implementation, {money(rng, train)} for training and {fee_text}?"
        items.append(Item(question, "tco", {"implementation": impl, "training": train, "software_fees": yearly_fee,
                                            "horizon_years": years}))
    return items


def clv_items(rng: random.Random) -> list[Item]:
    items = []
    for _ in range(30):
        aov, buys, years = rng.randrange(20, 200, 5), rng.choice([2, 3, 4, 6]), rng.choice([2, 3, 5])
        margin = rng.choice([None, 30, 40])
        per_month = rng.random() < 0.3
        buys_text = f"{buys} times a month" if per_month else rng.choice([f"{buys} orders per year", f"{buys} times a year"])
        question = (f"What is the customer lifetime value if the average order value is ${aov}, customers buy "
                    f"{buys_text} and stay {years} years" + (f", with a {margin}% gross margin?" if margin else "?"))
        if rng.random() < 0.5:
            question = question.replace("customer lifetime value", "CLV")
        args: dict[str, Any] = {"aov": aov, "purchases_per_year": buys * (12 if per_month else 1), "lifespan_years": years}
        if margin:
            args["gross_margin"] = margin / 100
        items.append(Item(question, "clv", args))
    for _ in range(8):  # no lifespan
        items.append(Item(f"What is the CLV with an average order value of ${rng.randrange(20, 200, 5)} and "
                          f"{rng.choice([2, 3, 4])} orders per year?", CLARIFY))
    return items


def prioritize_items(rng: random.Random) -> list[Item]:
    items = []
    names = ["Site search", "Chatbot", "Dynamic pricing", "Email subject lines", "Recommendations", "Fraud alerts"]
    for _ in range(25):  # one project, fields in any order
        reach, impact, conf, effort = rng.randrange(500, 20000, 500), rng.choice([0.5, 1, 2, 3]), rng.choice([50, 80, 100]), rng.choice([1, 2, 3, 4, 6])
        parts = [f"reach {reach}", f"impact {impact:g}",
                 rng.choice([f"confidence {conf}%", f"confidence {conf / 100:g}"]), f"effort {effort}"]
        rng.shuffle(parts)
        question = f"What is the RICE score for {', '.join(parts)}?"
        items.append(Item(question, "rice_score", {"reach": reach, "impact": impact, "confidence": conf / 100, "effort": effort}))
    for _ in range(25):  # several projects
        count = rng.choice([2, 3])
        chosen = rng.sample(names, count)
        ice = rng.random() < 0.4
        texts, records = [], []
        for name in chosen:
            if ice:
                i, c, e = rng.randrange(1, 11), rng.randrange(1, 11), rng.randrange(1, 11)
                texts.append(f"'{name}' impact {i}, confidence {c}, ease {e}")
                records.append({"name": name, "impact": i, "confidence": c, "ease": e})
            else:
                r, i, c, e = rng.randrange(500, 9000, 500), rng.choice([1, 2, 3]), rng.choice([50, 80]), rng.choice([1, 2, 4])
                style = rng.randrange(2)
                texts.append(f"{name}: reach {r}, impact {i}, confidence {c}%, effort {e}" if style else
                             f"'{name}' reach {r}, impact {i}, confidence {c}%, effort {e}")
                records.append({"name": name, "reach": r, "impact": i, "confidence": c / 100, "effort": e})
        ask = rng.choice(["Prioritise these with", "Rank these by", "Which should we do first by"])
        question = f"{ask} {'ICE' if ice else 'RICE'}: " + "; ".join(texts) + "."
        items.append(Item(question, "prioritize", {"initiatives": records, "method": "ice" if ice else "rice"}))
    for _ in range(6):  # missing effort
        items.append(Item(f"What is the RICE score for reach {rng.randrange(500, 9000, 500)}, impact 2 and confidence 80%?", CLARIFY))
    return items


def experiment_items(rng: random.Random) -> list[Item]:
    items = []
    for _ in range(25):
        n = rng.randrange(1000, 20000, 500)
        a, b = rng.randrange(20, 300), rng.randrange(20, 300)
        style = rng.randrange(3)
        if style == 0:
            question = f"A/B test: control {a} conversions of {n} visitors, variant {b} conversions of {n} visitors. Is it significant?"
        elif style == 1:
            question = f"Control had {a} conversions out of {n} visitors and the AI variant {b} out of {n}. Did the AI win?"
        else:
            question = f"In our split test the control group converted {a} of {n} users and the variant {b} of {n} users. Significant?"
        items.append(Item(question, "ab_test", {"control_visitors": n, "control_conversions": a,
                                                "variant_visitors": n, "variant_conversions": b}))
    for _ in range(20):
        base = rng.choice([2, 3, 4, 5])
        target = base + rng.choice([0.5, 1])
        question = rng.choice([f"What sample size do I need to detect a lift from {base}% to {target:g}% conversion?",
                               f"How many visitors do we need per group to see conversion go from {base}% to {target:g}%?"])
        items.append(Item(question, "sample_size", {"baseline_rate": base / 100, "target_rate": target / 100}))
    return items


def npv_items(rng: random.Random) -> list[Item]:
    items = []
    for _ in range(15):
        invest, flow, years, rate = _amount(rng, 10000, 50000), _amount(rng, 3000, 20000), rng.choice([3, 4, 5]), rng.choice([6, 8, 10])
        question = (f"What is the NPV of an investment of {money(rng, invest)} that returns {money(rng, flow)} a year "
                    f"for {years} years at a {rate}% discount rate?")
        items.append(Item(question, "npv", {"rate": rate / 100, "cash_flows": [-invest] + [flow] * years}))
    return items


def varied_items(rng: random.Random) -> list[Item]:
    """Phrasings beyond the templates above: other verbs, the figure before or after its label,
    amounts stated as totals, and a few traps (years, counts, several stores)."""
    items = []
    for _ in range(12):
        cost, gain = _amount(rng, 5000, 40000), _amount(rng, 5000, 90000)
        question = rng.choice([
            f"We invested {money(rng, cost)} in a chatbot and it returned {money(rng, gain)} in profit. Was that a good investment?",
            f"Spent {money(rng, cost)}, profit went up by {money(rng, gain)}. ROI?",
            f"In 2024 we paid {money(rng, cost)} for an AI tool; it saved us {money(rng, gain)}. What's the ROI?",
            f"Our 3 stores shared a {money(rng, cost)} recommendation engine that earned {money(rng, gain)} in net profit. ROI?",
        ])
        items.append(Item(question, "roi", {"cost": cost, "gain": gain}))
    for _ in range(8):
        cost, monthly = _amount(rng, 5000, 40000), _amount(rng, 500, 4000, 100)
        question = rng.choice([
            f"How long will it take to recoup {money(rng, cost)} if the tool saves us {money(rng, monthly)} every month?",
            f"If we pay {money(rng, cost)} for the software and it brings in {money(rng, monthly)} per month, when do we break even?",
        ])
        items.append(Item(question, "payback_period", {"upfront_cost": cost, "monthly_benefit": monthly}))
    for _ in range(6):
        items.append(Item(f"Our {rng.choice(TOOLS)} costs {money(rng, _amount(rng, 200, 3000, 100))} a month. Is it worth it?", CLARIFY))
    for _ in range(8):  # slash periods and per annum
        cost, fee = _amount(rng, 5000, 30000), _amount(rng, 200, 2000, 100)
        question = rng.choice([
            f"TCO over 2 years: implementation {money(rng, cost)}, licensing ${fee:,}/month?",
            f"What's the total cost of ownership over 2 years if implementation is {money(rng, cost)} and the licence is ${fee * 10:,} per annum?",
        ])
        yearly = fee * 12 if "/month" in question else fee * 10
        items.append(Item(question, "tco", {"implementation": cost, "software_fees": yearly, "horizon_years": 2}))
    for _ in range(8):  # CLV in other words
        aov, buys, years = rng.randrange(20, 200, 5), rng.choice([2, 3, 5]), rng.choice([2, 4])
        question = rng.choice([
            f"Customers spend ${aov} per order, order {buys} times a year and stay loyal for {years} years. What's their lifetime value?",
            f"LTV question: average basket ${aov}, {buys} purchases a year, customers remain {years} years.",
        ])
        items.append(Item(question, "clv", {"aov": aov, "purchases_per_year": buys, "lifespan_years": years}))
    for _ in range(8):  # projects compared with "vs", scores out of ten
        a, b = rng.randrange(1, 10), rng.randrange(1, 10)
        question = rng.choice([
            f"Rank by RICE: Search: reach 4000, impact 2, confidence 70%, effort 3 vs Chatbot: reach {a * 1000}, impact 1, confidence 90%, effort {b}.",
            f"Prioritise with ICE. Chatbot: impact {a}, confidence 6, ease {b}. Search: impact 5, confidence {b}, ease {a}.",
        ])
        if question.startswith("Rank"):
            records = [{"name": "Search", "reach": 4000, "impact": 2, "confidence": 0.7, "effort": 3},
                       {"name": "Chatbot", "reach": a * 1000, "impact": 1, "confidence": 0.9, "effort": b}]
            items.append(Item(question, "prioritize", {"initiatives": records, "method": "rice"}))
        else:
            records = [{"name": "Chatbot", "impact": a, "confidence": 6, "ease": b},
                       {"name": "Search", "impact": 5, "confidence": b, "ease": a}]
            items.append(Item(question, "prioritize", {"initiatives": records, "method": "ice"}))
    return items


def generate() -> list[Item]:
    rng = random.Random(20261130)
    items = (roi_items(rng) + payback_items(rng) + tco_items(rng) + clv_items(rng) + prioritize_items(rng)
             + experiment_items(rng) + npv_items(rng) + varied_items(rng))
    unique = {item.question: item for item in items}
    return list(unique.values())


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return all(k in a and _close(a[k], v) for k, v in b.items())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 1e-6 * max(1.0, abs(b))
    return a == b


def grade(item: Item, calls: list[tuple[str, dict[str, Any]]], clarified: bool) -> str:
    """'right', 'clarified' (asked instead of answering: safe), 'missed' (no calculation), or
    'wrong' (computed from a figure read wrong, or computed where it had to ask)."""
    if item.tool == CLARIFY:
        if calls:
            return "wrong"
        return "right" if clarified else "missed"
    match = [args for name, args in calls if name == item.tool]
    if match:
        return "right" if _close(match[0], item.args) else "wrong"
    if calls:
        return "wrong"
    return "clarified" if clarified else "missed"
