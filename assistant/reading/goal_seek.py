"""What one input would have to be for a result the user names, asked of the calculation just
computed: "what monthly saving would I need to pay it back in a year?", "how much could we spend
up front and still break even in 18 months?", "what gain do we need for a 50% ROI?".

The calculators compute a result from inputs; they do not solve for an input. Where the result
is a plain ratio of two inputs (the payback in months is the upfront cost over the monthly
benefit; the ROI is the gain over the cost, less one), the input is the ratio turned round, and
the calculator itself, run on the solved input, checks it gives the target. The answer explains
that arithmetic and asks which figure to compute with: it states no new result of a calculator
and changes none of the user's figures. A target the calculation cannot be turned round for
(an NPV, a score) is answered with a question, never a made-up figure. Used by reading/dialogue.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reading.calc_state import same_word, spec_named
from assistant.types import CalculationState, Clarification
from knowledge.figures import read_figures
from knowledge.number_words import words_value
from tools.registry import run_tool

# An ask for the value an input needs: "what … would I need", "how much … do we have to",
# "… needed to", "what … is required for", "how low must the cost be".
NEEDS = re.compile(r"\b(?:what|how\s+(?:much|many|big|high|low|large|small)|which)\b[^.?!]*?"
                   r"\b(?:(?:would|do|does|will|should|must|could|can|did)\s+(?:i|we|you|it|they|one|the\s+\w+)\s+"
                   r"(?:need|have\s+to|require|want|afford|spend|pay|invest|save|make|earn|gain|get|be)"
                   r"|needed|required|necessary|(?:has|have)\s+to\s+be|needs?\s+to\s+be|must\s+be)\b", re.IGNORECASE)
# A payback target: "pay it back in a year", "break even within 18 months", "a payback of 9 months".
PAYBACK_GOAL = re.compile(r"\b(?:pay(?:s|ing)?\s+(?:it\s+|itself\s+|for\s+itself\s+)?back|payback|break(?:s|ing)?[\s-]even|"
                          r"recoup|earn(?:s)?\s+(?:it\s+)?back|pays?\s+for\s+itself)\b[^.?!]{0,30}?"
                          r"\b(?:in|within|inside|under|of|by)\s+(?P<amount>[\w.,-]+(?:\s+and\s+a\s+half)?)\s+"
                          r"(?P<unit>months?|mos?|years?|yrs?)\b", re.IGNORECASE)
# An ROI target: "a 50% ROI", "an ROI of 50%", "a return of 80%", "to get 30% return".
ROI_GOAL = re.compile(r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?:roi|return)|\b(?:roi|return)\s+(?:of|at|above|over)\s+"
                      r"(?P<pct2>\d+(?:\.\d+)?)\s*%", re.IGNORECASE)
WORD_AMOUNTS = {"a": 1.0, "an": 1.0, "one": 1.0, "half": 0.5, "a half": 0.5}


@dataclass
class Goal:
    tool: str
    target: float  # months of payback, or the ROI in percent
    said: str  # the user's words for it


def goal_of(text: str) -> Goal | None:
    """The result ``text`` names as a target, when it asks what an input would need to be."""
    if NEEDS.search(text) is None:
        return None
    found = PAYBACK_GOAL.search(text)
    if found is not None:
        amount = found.group("amount").lower()
        value = WORD_AMOUNTS.get(amount)
        if value is None:
            figures = read_figures(amount)
            value = figures[0].value if figures else (words_value(amount) or None)
        if not value or value <= 0:
            return None
        months = value * (12 if found.group("unit").lower().startswith(("y", "yr")) else 1)
        return Goal("payback_period", months, found.group(0))
    found = ROI_GOAL.search(text)
    if found is not None:
        return Goal("roi", float(found.group("pct") or found.group("pct2")), found.group(0))
    return None


def _sought(text: str, state: CalculationState, names: list[str]) -> str | None:
    """Which of ``names`` the message asks the value of, by the input's labels said before the
    verb of need ("what monthly saving would I need"); None when it names none or several."""
    spec = spec_named(state.tool)
    asked = NEEDS.search(text)
    if spec is None or asked is None:
        return None
    words = re.findall(r"[a-z]+", asked.group(0).lower())
    verb = words[-1] if words else ""
    # "how much would it need to save each month": the input may be named just after the verb
    after = re.findall(r"[a-z]+", text[asked.end():].lower())[:4]
    named = words[:-1] + (after if not any(w in {"for", "in", "within"} for w in after[:1]) else [])
    hits = []
    for name in names:
        labels = [x for x in spec.field(name).labels if " " not in x] + name.split("_")
        if any(same_word(w, x) or (len(x) > 3 and w.startswith(x)) for w in named for x in labels):
            hits.append(name)
    words = named + [verb]
    if len(hits) == 2 and any(w in {"monthly", "month"} for w in words):  # "what monthly saving": the input counted per month
        hits = [n for n in hits if spec.field(n).period == "month"] or hits
    if len(hits) == 2 and any(w in {"upfront", "up", "front", "initial", "setup", "set"} for w in words):
        hits = [n for n in hits if spec.field(n).period is None] or hits
    if not hits and verb in {"spend", "pay", "invest", "afford"}:
        hits = [n for n in names if spec.field(n).direction == "out"]
    if not hits and verb in {"save", "make", "earn", "gain", "get"}:
        hits = [n for n in names if spec.field(n).direction == "in"]
    return hits[0] if len(hits) == 1 else None


def _money(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 0.005 else f"{value:,.2f}"


def goal_sought(state: CalculationState, text: str) -> Clarification | None:
    """The answer to "what would X need to be for <result>?" about the calculation just computed
    (see the module's doc), as a question that explains the arithmetic; None when ``text`` names
    no target result."""
    goal = goal_of(text)
    if goal is None or state.args is None or read_figures(text) and not _only_goal_figures(text, goal):
        return None
    if goal.tool != state.call:
        return Clarification(question=(
            f"I compute results from your inputs; I cannot solve the {state.call.replace('_', ' ')} for "
            f"“{goal.said}”. Which figure should I change to try it?"))
    args = dict(state.args)
    if goal.tool == "payback_period":
        name = _sought(text, state, ["monthly_benefit", "upfront_cost"])
        if name is None:
            return None
        months, upfront, monthly = goal.target, float(args["upfront_cost"]), float(args["monthly_benefit"])
        months_said = f"{months:g} months"
        if name == "monthly_benefit":
            needed = upfront / months
            how = f"the upfront cost {_money(upfront)} ÷ {months_said}"
            now = monthly
        else:
            needed = monthly * months
            how = f"the monthly benefit {_money(monthly)} × {months_said}"
            now = upfront
    else:
        name = _sought(text, state, ["gain", "cost"])
        if name is None:
            return None
        factor = 1 + goal.target / 100
        gain, cost = float(args["gain"]), float(args["cost"])
        if name == "gain":
            needed, how, now = cost * factor, f"the cost {_money(cost)} × (1 + {goal.target:g}%)", gain
        else:
            if factor <= 0:
                return None
            needed, how, now = gain / factor, f"the gain {_money(gain)} ÷ (1 + {goal.target:g}%)", cost
    if not _checks(goal, args, name, needed):
        return None
    label = name.replace("_", " ")
    gap = needed - now
    versus = "the same as now" if abs(gap) < 0.005 else f"{_money(abs(gap))} {'more' if gap > 0 else 'less'} than the {_money(now)} you gave"
    return Clarification(question=(
        f"To reach “{goal.said}”, the {label} would be {_money(needed)} ({how}), {versus}. "
        f"I have kept your figures as they are: should I compute it with another {label}? Give me the figure."))


def _only_goal_figures(text: str, goal: Goal) -> bool:
    """Are the message's figures only the ones that state the target ("in 12 months", "50%")?"""
    return all(f.unit in {"duration", "percent"} for f in read_figures(text))


def _checks(goal: Goal, args: dict, name: str, needed: float) -> bool:
    """Does the calculator, run with the solved input, give the target? (The arithmetic above is
    the calculator turned round; this keeps the two from drifting apart.)"""
    if needed <= 0:
        return False
    try:
        result = run_tool(goal.tool, {**args, name: needed})
    except Exception:  # noqa: BLE001 - a solved input the calculator refuses is not offered
        return False
    got = result.get("months" if goal.tool == "payback_period" else "roi_pct")
    return isinstance(got, (int, float)) and abs(float(got) - goal.target) <= 1e-6 * max(1.0, abs(goal.target))
