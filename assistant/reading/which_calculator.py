"""Which calculators a message asks for: the trigger words of each spec (tools/registry.py),
typos of them, groups compared with a test's words, choices of a schema setting said in words,
and a discounting spec counted in the period its rate is given in."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache

from assistant.reading.roles import label_parts, token_match, assign, label_score
from knowledge.figures import Figure, MONTHS_IN, read_figures
from tools.registry import SPECS, TOOLS
from tools.spec import ToolSpec


def with_choices(spec: ToolSpec, call: tuple[str, dict], text: str) -> tuple[str, dict]:
    """The call with the options the message chooses in words ("the average, not the product")."""
    name, args = call
    fields = TOOLS[name].input_model.model_fields
    for arg, value, words in spec.choices:
        # "(?<![a-z])", not "\b": a unit glued to its number ("0.5pp") still chooses
        said = re.finditer(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")\b", text, re.IGNORECASE)
        if arg in fields and any(_chosen(text, m) for m in said):
            args = {**args, arg: value}
    return name, args


_RELATIVE = re.compile(r"(?<![a-z])(?:relative|rel)\b|\bof (?:the|our|today's|current) (?:rate|conversion)", re.IGNORECASE)


def unclear_lift(call: tuple[str, dict], text: str) -> str | None:
    """A question when a change to detect is given in per cent with no word saying how it is
    measured, and it is smaller than the rate it changes ("2.5% baseline, detect an uplift of
    0.4%"): 0.4% of 2.5% and 0.4 points on top of it need samples a hundred times apart. A lift
    no smaller than the rate ("a 10% lift" on 3%) can only be relative."""
    name, args = call
    mde, baseline = args.get("mde"), args.get("baseline_rate")
    if mde is None or baseline is None or args.get("mde_type") != "relative" or "target_rate" in args:
        return None
    if mde >= baseline or _RELATIVE.search(text):
        return None
    shown = f"{mde * 100:g}%"
    return (f"Is the change of {shown} relative to the {baseline * 100:g}% rate ({baseline * 100:g}% → "
            f"{baseline * (1 + mde) * 100:.3g}%) or in percentage points ({baseline * 100:g}% → {(baseline + mde) * 100:.3g}%)?")


_NOT_CHOSEN_BEFORE = re.compile(r"\b(?:not|no|never|instead of|rather than|or)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


def _chosen(text: str, said: re.Match[str]) -> bool:
    """Whether an option's word chooses it: not when denied ("the product, not the average") or
    offered as one of two ("product or mean?")."""
    before = text[max(0, said.start() - 20) : said.start()]
    after = text[said.end() : said.end() + 12]
    return not (_NOT_CHOSEN_BEFORE.search(before) or re.match(r"\s+or\b", after, re.IGNORECASE))


# A sentence that asks for a calculation without a question mark: "Please compute the ROI."
REQUEST = re.compile(r"\b(?:compute|calculate|work out|run|give me|tell me|show me|please|pls|can you|could you)\b",
                      re.IGNORECASE)


def asked_specs(text: str) -> list[ToolSpec]:
    """The calculators whose trigger words the text uses and whose inputs can be read from text; a
    trigger word typed with two letters swapped ("sampel size") still asks, when none is typed right."""
    found = [spec for spec in SPECS if spec.fields and spec.asked_in(text)]
    if found:
        return found
    fixed = _untransposed(text)
    return [spec for spec in SPECS if spec.fields and spec.asked_in(fixed)] if fixed != text else []


MIN_TYPO_LENGTH = 5  # shorter words swap into other words too often ("form", "from")


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(w.lower() for spec in SPECS for ask in spec.asks for w in re.findall(r"[A-Za-z]+", ask)
                     if len(w) >= MIN_TYPO_LENGTH)


def _untransposed(text: str) -> str:
    """``text`` with each word that is a trigger word with two adjacent letters swapped put right."""
    words = _trigger_words()

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if lowered in words:
            return word
        for k in range(len(lowered) - 1):
            swapped = lowered[:k] + lowered[k + 1] + lowered[k] + lowered[k + 2 :]
            if swapped in words:
                return swapped
        return word

    return re.sub(rf"[A-Za-z]{{{MIN_TYPO_LENGTH},}}", fix, text)


def names_thing(spec: ToolSpec, thing: str) -> bool:
    """Whether an input of ``spec`` is per ``thing`` (an order value is per order)."""
    return any(token_match(part, thing) or token_match(thing, part)
               for f in spec.fields for label in f.labels for part in label_parts(label))


def compared_groups(text: str) -> list[ToolSpec]:
    """The calculator whose inputs come for several groups, when a question names none but its
    figures give every input of each group by name ("old page: 4,812 visitors, 173 orders; new
    page: ... did it work?"): the figures' labels, not a trigger word, say what is asked."""
    figures = read_figures(text)
    by_index = {fig.index: fig for fig in figures}
    found = []
    for spec in SPECS:
        if spec.records < 2 or not spec.requires:
            continue
        named: Counter[str] = Counter()
        for index, role in assign(spec, figures, text).items():
            if isinstance(role, str) and label_score(by_index[index], spec.field(role)) > 0:
                named[role] += 1
        if any(all(named[name] >= spec.records for name in alternative) for alternative in spec.requires):
            found.append(spec)
    return found if len(found) == 1 else []


def in_rate_periods(spec: ToolSpec, figures: list[Figure]) -> ToolSpec:
    """A discounting spec whose rate the message gives per quarter or per month ("2% per quarter as
    the discount rate"): its yearly flows and horizon are counted in that period instead, so the rate,
    the flows and the number of periods agree (nothing is converted to years and back)."""
    rate = next((f for f in spec.fields if f.name == "rate" and f.unit == "fraction"), None)
    if rate is None or not any(f.sequence for f in spec.fields):
        return spec
    periods = {f.period for f in figures if f.unit == "percent" and f.period and label_score(f, rate) >= 0.25}
    if len(periods) != 1 or periods == {"year"} or next(iter(periods)) not in MONTHS_IN:
        return spec
    period = next(iter(periods))
    fields = tuple(dataclasses.replace(f, period=period) if f.period == "year" else f for f in spec.fields)
    return dataclasses.replace(spec, fields=fields)
