"""Calculator sets written by people who never saw the reader: right, asked, wrong per half.

A set (evals/dev/calc/*.yaml, format in evals/dev/calc/BRIEF.md) gives each message what a
careful analyst would do with it: ``compute`` (a tool and its args, worked out by the writer),
``clarify`` (ask one question, state no result) or ``explain`` (answer about a figure, ask for
no inputs); ``accept`` lists several where either is fair. Dialogues give the same per user turn.

A computed answer is judged by its headline (the ROI %, the TCO total, the months of payback…):
the advisor's call and the writer's args are both run through the calculator, so two readings
that split a cost differently but add up to the same total are both right. A *wrong figure* is
a calculator result the advisor stated that no acceptable expectation allows: a different
headline, or any result where a question or an explanation was due.

Each entry falls in the tune or held-out half by a fixed hash of its id; failures are listed
for the tune half only.

    python -m evals.calcsets evals/dev/calc/singles_*.yaml evals/dev/calc/dialogues.yaml
"""

from __future__ import annotations

import hashlib
import math
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The tools whose results are figures computed from the user's figures.
CALCULATORS = {"rice_score", "ice_score", "prioritize", "tco", "roi", "payback_period", "npv", "irr",
               "ab_test", "sample_size", "clv"}
HEADLINE = {"roi": "roi_pct", "tco": "total", "payback_period": "months", "npv": "npv", "irr": "irr_pct",
            "rice_score": "score", "ice_score": "score", "clv": "clv", "ab_test": "difference",
            "sample_size": "n_per_group"}
REL_TOL = 0.005


def half(key: str) -> str:
    """'tune' or 'held-out', from a fixed hash of the entry's id."""
    return "tune" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held-out"


def headline(tool: str, result: dict) -> Any:
    """The number a user reads first: one float, or the sorted scores of a ranking."""
    if tool == "prioritize":
        return sorted(round(float(row["score"]), 4) for row in result.get("ranking", []))
    value = result.get(HEADLINE.get(tool, ""), None)
    return None if value is None else float(value)


def same(a: Any, b: Any) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(map(same, a, b))
    if a is None or b is None:
        return a is b
    if not (math.isfinite(a) and math.isfinite(b)):
        return False
    return abs(a - b) <= max(REL_TOL * max(abs(a), abs(b)), 0.011)


def expected_headline(turn: dict) -> Any:
    from tools.registry import run_tool

    return headline(turn["tool"], run_tool(turn["tool"], turn["args"]))


@dataclass
class Verdict:
    right: bool
    wrong_figure: bool = False
    why: str = ""


def judge_turn(turn: dict, result) -> Verdict:
    """Is ``result`` (an AnswerResult) a right reply to one message or dialogue turn?"""
    kinds = turn.get("accept") or [turn["expect"]]
    if "tool" not in turn:  # a writer who accepts a computation but names none: only the rest counts
        kinds = [k for k in kinds if k != "compute"] or [turn["expect"]]
    calls = [c for c in result.tool_calls if c.name in CALCULATORS and isinstance(c.result, dict)]
    asked = result.clarification is not None
    reasons = []
    if result.refused:
        return Verdict(False, False, "refused")
    if "compute" in kinds and turn["tool"] not in CALCULATORS:
        # An advisory tool of the schema (hitl_check, smart_check, kpi_suggest): no headline
        # number; right when it was called with the inputs the writer gave.
        tried = [c for c in result.tool_calls if c.name == turn["tool"] and isinstance(c.result, dict)]
        if any(not _args_differ(turn.get("args") or {}, c.args) for c in tried):
            return Verdict(True)
        if tried:
            numbers = _args_differ(turn.get("args") or {}, tried[0].args, numbers_only=True)
            return Verdict(False, bool(numbers), f"called {turn['tool']} with {tried[0].args}, expected {turn.get('args')}")
        reasons.append(f"asked: {result.clarification.question[:90]}" if asked else f"did not call {turn['tool']}")
    elif "compute" in kinds:
        want = expected_headline(turn)
        got = [headline(c.name, c.result) for c in calls if _same_tool(c.name, turn["tool"])]
        if any(same(g, want) for g in got):
            return Verdict(True)
        if got:
            return Verdict(False, True, f"stated {got[0]}, expected {want} ({turn['tool']})")
        if calls and not asked:
            return Verdict(False, True, f"computed {calls[0].name} instead of {turn['tool']}")
        reasons.append(f"asked: {result.clarification.question[:90]}" if asked else "computed nothing")
    if "clarify" in kinds:
        if asked and not calls:
            return Verdict(True)
        if calls:
            return Verdict(False, True, f"computed {calls[0].name} where a question was due")
        reasons.append("asked nothing")
    if "explain" in kinds:
        if not asked and not calls:
            return Verdict(True)
        if calls:
            return Verdict(False, True, f"computed {calls[0].name} where an explanation was due")
        reasons.append(f"asked for inputs: {result.clarification.question[:90]}")
    return Verdict(False, False, "; ".join(reasons))


def _args_differ(want: dict, got: dict, numbers_only: bool = False) -> set[str]:
    """The expected args the call gave otherwise (numbers with the headline tolerance; words when
    neither contains the other, case aside); with ``numbers_only``, only the numbers."""
    out = set()
    for key, expected in want.items():
        actual = got.get(key)
        if isinstance(expected, bool) or isinstance(actual, bool):
            differs = not numbers_only and expected != actual
        elif isinstance(expected, (int, float)):
            differs = not isinstance(actual, (int, float)) or not same(float(expected), float(actual))
        elif numbers_only:
            differs = False
        else:
            a, b = str(expected).casefold(), str(actual or "").casefold()
            differs = not (a and b and (a in b or b in a))
        if differs:
            out.add(key)
    return out


def _same_tool(got: str, want: str) -> bool:
    return got == want or {got, want} <= {"rice_score", "ice_score", "prioritize"} and got == "prioritize"


def changed_fields(before: dict, after: dict) -> set[str]:
    """The args that differ between two calls (numbers compared with the headline tolerance)."""
    keys = set(before) | set(after)
    out = set()
    for key in keys:
        a, b = before.get(key), after.get(key)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            if not same(float(a), float(b)):
                out.add(key)
        elif a != b:
            out.add(key)
    return out


@dataclass
class Outcome:
    entry: dict
    half: str
    verdicts: list[Verdict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return all(v.right for v in self.verdicts) and not self.notes

    @property
    def wrong_figures(self) -> int:
        return sum(v.wrong_figure for v in self.verdicts)


def run_single(entry: dict, advisor) -> Outcome:
    result = advisor.ask(entry["message"], remember=False)
    return Outcome(entry, half(entry["id"]), [judge_turn(entry, result)])


def run_dialogue(entry: dict, advisor) -> Outcome:
    outcome = Outcome(entry, half(entry["id"]))
    conversation = None
    last_args: dict[str, dict] = {}
    first_args: dict[str, dict] = {}
    for number, turn in enumerate(entry["turns"], 1):
        result = advisor.ask(turn["user"], conversation_id=conversation, remember=True)
        conversation = result.conversation_id
        verdict = judge_turn(turn, result)
        outcome.verdicts.append(verdict)
        calls = [c for c in result.tool_calls if c.name in CALCULATORS and isinstance(c.result, dict)]
        if turn.get("changed") and verdict.right and calls:
            call = calls[0]
            previous = last_args.get(call.name)
            if previous is not None:
                extra = changed_fields(previous, call.args) - set(turn["changed"])
                if extra and entry.get("kind") == "undo" and call.name in first_args:
                    # an undo's `changed` is what differs from the ORIGINAL figures (the writers'
                    # brief): going back restores the inputs the what-if had moved
                    extra = changed_fields(first_args[call.name], call.args) - set(turn["changed"])
                if extra:
                    outcome.notes.append(f"turn {number}: also changed {sorted(extra)}")
        for call in calls:
            last_args[call.name] = call.args
            first_args.setdefault(call.name, call.args)
        if not verdict.right:
            verdict.why = f"turn {number}: {verdict.why}"
    return outcome


def run_sets(paths: list[Path], advisor) -> list[Outcome]:
    outcomes = []
    for path in paths:
        for entry in yaml.safe_load(Path(path).read_text(encoding="utf-8")):
            outcomes.append(run_dialogue(entry, advisor) if "turns" in entry else run_single(entry, advisor))
    return outcomes


def summary(outcomes: list[Outcome], key: str = "voice") -> dict[str, dict[str, tuple[int, int, int]]]:
    """{group: {half: (right, total, wrong figures)}} for each value of ``key`` and 'all'."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for o in outcomes:
        for group in ("all", str(o.entry.get(key, "?"))):
            cell = table[group][o.half]
            cell[0] += o.right
            cell[1] += 1
            cell[2] += o.wrong_figures
    return {g: {h: tuple(v) for h, v in halves.items()} for g, halves in table.items()}


def format_summary(table: dict, halves: tuple[str, ...] = ("tune", "held-out")) -> str:
    lines = []
    for group in sorted(table, key=lambda g: (g != "all", g)):
        parts = []
        for name in halves:
            if name in table[group]:
                ok, n, wrong = table[group][name]
                parts.append(f"{name} {ok}/{n} ({ok / n:.0%}), wrong {wrong}")
        lines.append(f"  {group:24s} " + "; ".join(parts))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from assistant.engine import Advisor
    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument(
        "--held-out", action="store_true", help="also show held-out rates and failures (once, at the end)"
    )
    args = parser.parse_args(argv)
    halves = ("tune", "held-out") if args.held_out else ("tune",)
    settings = Settings(data_dir=args.data_dir or Path(tempfile.mkdtemp(prefix="advisor-calc-")))
    CourseIndex(settings).ingest(list(settings.corpus_paths))
    advisor = Advisor(settings)
    advisor.warm_up()
    outcomes = run_sets(args.sets, advisor)
    singles = [o for o in outcomes if "turns" not in o.entry]
    dialogues = [o for o in outcomes if "turns" in o.entry]
    if singles:
        print("single messages, by voice:")
        print(format_summary(summary(singles, "voice"), halves))
        print("single messages, by expectation:")
        print(format_summary(summary(singles, "expect"), halves))
    if dialogues:
        print("dialogues, by kind:")
        print(format_summary(summary(dialogues, "kind"), halves))
    shown = set(halves)
    reasons = Counter()
    for o in outcomes:
        if o.half in shown and not o.right:
            why = "; ".join([v.why for v in o.verdicts if not v.right] + o.notes)
            reasons[why.split(":")[0]] += 1
            text = o.entry.get("message") or " / ".join(t["user"] for t in o.entry["turns"])
            print(f"  FAIL [{o.half}] {o.entry['id']} {text[:110]!r}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
