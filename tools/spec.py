"""The shape of a tool's spec: what the registry runs and how its inputs are read from text.

A ToolSpec carries everything about one tool: its pydantic input model and function, the
description an LLM reads, the words that ask for it, per input field the words that label it
(with unit and period), and the function that tells a result in sentences. The table of specs
is tools/registry.py; the reader that uses the field specs is assistant/reading/calculate.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from tools.base import ToolInput, ToolOutput

FieldUnit = Literal["money", "percent", "fraction", "count", "duration"]
Period = Literal["day", "week", "fortnight", "month", "quarter", "half-year", "year"]


@dataclass(frozen=True)
class FieldSpec:
    """How one input of a calculator is recognised in a user's message.

    ``labels`` are words or phrases that name the input next to its figure (a word of four
    letters or more also matches its longer forms: "licen" → licence, licensing). ``unit`` is
    what the tool wants: money, percent (8 for 8%), fraction (0.08 for 8%), count, or duration
    (in ``period`` units: years or months). For money and counts, ``period`` is the rate the
    tool wants ("month" for a monthly benefit); None means a total or one-off amount.
    ``summed``: several figures for this input are parts to add ("$24k licences + $6k set-up").
    ``ratio``: the input is the part or the whole of an "N of M" pair.
    """

    name: str
    labels: tuple[str, ...]
    unit: FieldUnit
    question: str  # asked when the input is missing
    period: Period | None = None
    summed: bool = False
    ratio: Literal["part", "whole"] | None = None
    sequence: bool = False  # several figures in order form a list (cash flows)
    # The input is a rate per period by definition (RICE reach: people per quarter, say): a
    # figure's period is kept as written and needs no horizon.
    per_period: bool = False
    # The input is the horizon itself (TCO years, the years of a yearly cash flow): a duration
    # the message gives for the whole calculation ("a two-year TCO", "over 24 months") fills it.
    horizon: bool = False
    # Which way the money of this input goes: "out" (a cost the business pays) or "in" (what it
    # gains). A money figure no label names takes the input of its direction and its period
    # (assistant/reading/calculate.py reads the direction from the clause's verbs and nouns).
    direction: Literal["out", "in"] | None = None
    # Words that stand for values of this input ("high" for a RICE impact of 2), read as figures.
    value_words: tuple[tuple[str, float], ...] = ()
    # The letter the input stands for in its method's acronym ("E" in "I 5 / C 8 / E 4"): it names
    # the input only right before a figure, and only where the message writes two such letters.
    initial: str = ""
    note: str = ""  # told in "What I read" when a figure fills this input


@dataclass(frozen=True)
class ToolSpec:
    """Everything about one tool in one place: the model and function the registry runs, the
    description an LLM reads, the words that ask for it, how each input is labelled in a
    message, and the sentences a result is told in."""

    name: str
    input_model: type[ToolInput]
    function: Callable[[Any], ToolOutput]
    description: str
    title: str = ""
    asks: tuple[str, ...] = ()  # words and phrases in a message that ask for this tool
    fields: tuple[FieldSpec, ...] = ()  # inputs readable from a message (empty: not read from text)
    requires: tuple[tuple[str, ...], ...] = ()  # alternatives: one must be complete
    records: int = 0  # > 0: the figures describe several records (projects, test groups)
    # Options named in words, not figures: (argument, value, words that choose it), applied when
    # the built call's tool has that argument ("use the average" → aggregate="mean").
    choices: tuple[tuple[str, str | bool, tuple[str, ...]], ...] = ()
    build: Callable[[list[dict[str, Any]]], tuple[str, dict[str, Any]]] | None = None
    describe_result: Callable[[dict[str, Any], dict[str, Any]], list[str]] | None = None
    topic: str = ""  # the answer's intent name when this tool is the question's calculation
    # Calls whose every input comes from the course (one per KPI-table application, say): a
    # server tells their results at warm-up, so the sentences they add to an answer are
    # embedded before anyone asks. None: every call depends on the user's figures.
    course_calls: Callable[[], list[dict[str, Any]]] | None = None

    def json_schema(self) -> dict[str, Any]:
        return self.input_model.model_json_schema()

    def field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    def asked_in(self, text: str) -> bool:
        """Whether ``text`` uses one of the words that ask for this tool."""
        return bool(self.asks) and bool(_ask_pattern(self.asks).search(text))

    def without_asks(self, text: str) -> str:
        """``text`` with the words that ask for this tool taken out."""
        return _ask_pattern(self.asks).sub(" ", text) if self.asks else text

    def describe(self, args: dict[str, Any], result: dict[str, Any] | str) -> list[str]:
        """Sentences telling the result, filled only with the tool's inputs and outputs."""
        if isinstance(result, str):
            return [f"The {self.name} calculator could not run: {result}"]
        if self.describe_result is None:
            return [json.dumps(result)]
        try:
            return self.describe_result(args, result)
        except (KeyError, TypeError, ValueError):
            return [f"The {self.name} calculator returned: {json.dumps(result)[:300]}"]


@lru_cache(maxsize=64)
def _ask_pattern(asks: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted((re.escape(a).replace(r"\ ", r"[\s-]+") for a in asks), key=len, reverse=True)
    return re.compile(r"(?<![\w/])(?:" + "|".join(words) + r")(?![\w/])", re.IGNORECASE)


def _one(name: str) -> Callable[[list[dict[str, Any]]], tuple[str, dict[str, Any]]]:
    def build(records: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
        return name, dict(records[0])

    return build
