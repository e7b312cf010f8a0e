"""Development sets for the general engine: pass rates per tune / held-out half, and recall@k.

A development set is a YAML list of questions with what a right answer needs (see
evals/dev/users_words.yaml for the keys). Each question falls in the tune or the held-out half by
a fixed hash of its text, so the split never changes when questions are added; failures are
listed for the tune half only, because looking at held-out failures turns them into tuning data.

    python -m evals.devsets evals/dev/users_words.yaml                       # bundled module
    python -m evals.devsets evals/dev/module5_questions.yaml --module extra.md  # with another module
    python -m evals.devsets evals/dev/users_words.yaml --recall                # retrieval only
"""

from __future__ import annotations

import hashlib
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

UNDEFINED = re.compile(r"no definition|not define|never defines|does not spell|not spelled out", re.IGNORECASE)


def half(question: str) -> str:
    """'tune' or 'held-out', from a fixed hash of the question text."""
    return "tune" if int(hashlib.sha1(question.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held-out"


def load_set(path: Path) -> list[dict]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def _groups(value) -> list[list[str]]:
    return [[alt.strip().lower() for alt in str(group).split("|")] for group in (value or [])]


def _section_groups(value) -> list[list[str]]:
    """Expected sections as a writer copied them: a heading's closing colon is punctuation, not
    part of its name (the course writes "… (Conceptual Table):"; an index stores the name)."""
    return [[alt.rstrip(" :") for alt in group] for group in _groups(value)]


def judge(entry: dict, result, loaded: set[str] | None = None) -> list[str]:
    """Why ``result`` (an AnswerResult) is not a right answer to ``entry``; empty when it is.
    ``loaded``: the file names of the ingested modules (a citation of any other is wrong)."""
    problems: list[str] = []
    if loaded is not None:
        foreign = {c.source for c in result.citations if c.source and c.source not in loaded}
        if foreign:
            problems.append(f"cites a module that is not ingested: {sorted(foreign)}")
    answer = result.answer.lower()
    if entry.get("refused"):
        return [] if result.refused else ["answered an off-topic question"]
    if result.refused:
        return ["refused a course question"]
    if entry.get("undefined"):
        term = entry["undefined"].lower()
        if term not in answer or not UNDEFINED.search(result.answer):
            problems.append(f"did not say the course leaves {entry['undefined']} undefined")
    cited = [c.section.lower() for c in result.citations]
    # The writers' brief: an overview question's sections are "top-level headings a summary would
    # name", so an overview names them (its outline) or cites them; other kinds must cite.
    named = answer if entry.get("kind") == "overview" else ""
    for group in _section_groups(entry.get("sections")):
        if not any(alt in section for section in cited for alt in group) and not any(alt in named for alt in group):
            problems.append(f"cites none of {group} (cited {sorted(set(cited))[:4]})")
    for group in _groups(entry.get("contains")):
        if not any(alt in answer for alt in group):
            problems.append(f"says none of {group}")
    called = {call.name for call in result.tool_calls}
    missing = set(entry.get("tools") or []) - called
    if missing:
        problems.append(f"did not call {sorted(missing)} (called {sorted(called)})")
    return problems


@dataclass
class Outcome:
    entry: dict
    half: str
    problems: list[str] = field(default_factory=list)
    quoted: int = 0  # course lines the answer quoted
    on_ask: int = 0  # of those, lines that answer an ask of the question (see ``answers_ask``)

    @property
    def passed(self) -> bool:
        return not self.problems


def loaded_sources(advisor) -> set[str]:
    return {Path(p).name for p in advisor.settings.corpus_paths}


def answers_ask(line: str, asked: str) -> bool:
    """Whether a quoted course line answers an ask: it shares a topic word (a content word that
    is not a generic question word, compared by stem) with the text that was answered."""
    from assistant.reading.elliptical import GENERIC
    from knowledge.text import content_words, stem

    wanted = {stem(w) for w in content_words(asked) if w not in GENERIC}
    return bool(wanted & {stem(w) for w in content_words(line)})


def precision(result, asked: str) -> tuple[int, int]:
    """(quoted course lines, lines among them that answer an ask) of an answer."""
    if result.refused:
        return 0, 0
    lines = [line for line in result.answer.splitlines() if line.strip().startswith("- ") and re.search(r"\[\d+\]\s*$", line)]
    return len(lines), sum(answers_ask(line, asked) for line in lines)


def _answered(advisor, result) -> str:
    """The text the engine answered: the turn's stored resolution of a follow-up, else the question."""
    if result.conversation_id:
        turns = advisor.store.history(result.conversation_id, limit=2)
        if turns and turns[0].role == "user":
            return turns[0].payload.get("resolved") or result.question
    return result.question


def run_set(entries: list[dict], advisor) -> list[Outcome]:
    outcomes = []
    for entry in entries:
        conversation = None
        if entry.get("previous"):
            conversation = advisor.ask(entry["previous"], remember=True).conversation_id
        result = advisor.ask(entry["q"], conversation_id=conversation, remember=bool(conversation))
        quoted, on_ask = precision(result, _answered(advisor, result))
        outcomes.append(Outcome(entry, half(entry["q"]), judge(entry, result, loaded_sources(advisor)), quoted, on_ask))
    return outcomes


def _sentences(text: str) -> set[str]:
    return {s.strip().lower() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 25}


def repeats(answer: str, previous: str) -> bool:
    """Whether an answer mostly says again what the previous turn said (over half its sentences)."""
    now, before = _sentences(answer), _sentences(previous)
    return bool(now) and len(now & before) / len(now) > 0.5


def run_conversations(conversations: list[dict], advisor) -> list[Outcome]:
    """One Outcome per turn (its half is the conversation's, by its id); a turn that repeats the
    previous answer fails."""
    outcomes = []
    for conversation in conversations:
        conversation_id, previous = None, ""
        for turn in conversation["turns"]:
            result = advisor.ask(turn["q"], conversation_id=conversation_id, remember=True)
            conversation_id = result.conversation_id
            entry = {**turn, "conversation": conversation["id"], "module": conversation.get("module")}
            problems = judge(entry, result, loaded_sources(advisor))
            if previous and not result.refused and repeats(result.answer, previous):
                problems.append("repeats the previous answer")
            quoted, on_ask = precision(result, _answered(advisor, result))
            outcomes.append(Outcome(entry, half(conversation["id"]), problems, quoted, on_ask))
            previous = "" if result.refused else result.answer
    return outcomes


def pass_rates(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    rates: dict[str, tuple[int, int]] = {}
    for name in ("tune", "held-out"):
        part = [o for o in outcomes if o.half == name]
        rates[name] = (sum(o.passed for o in part), len(part))
    return rates


def recall_at_k(entries: list[dict], retriever, k: int = 5) -> dict[str, float]:
    """Share of answerable questions whose top-k passages cover every expected section group."""
    hits: dict[str, list[bool]] = {"tune": [], "held-out": []}
    for entry in entries:
        groups = _section_groups(entry.get("sections"))
        if not groups or entry.get("refused"):
            continue
        sections = [p.citation.section.lower() for p in retriever.search(entry["q"], k=k)]
        hits[half(entry["q"])].append(all(any(a in s for s in sections for a in g) for g in groups))
    return {name: round(sum(v) / len(v), 3) if v else 0.0 for name, v in hits.items()}


def precision_rates(outcomes: list[Outcome], halves: tuple[str, ...] = ("tune", "held-out")) -> str:
    """The share of quoted course lines that answer an ask, per half."""
    parts = []
    for name in halves:
        part = [o for o in outcomes if o.half == name]
        quoted, on_ask = sum(o.quoted for o in part), sum(o.on_ask for o in part)
        if quoted:
            parts.append(f"{name} {on_ask}/{quoted} ({on_ask / quoted:.0%})")
    return "precision (quoted lines answering an ask): " + (", ".join(parts) or "nothing quoted")


def format_rates(name: str, rates: dict[str, tuple[int, int]], halves: tuple[str, ...] = ("tune", "held-out")) -> str:
    parts = [f"{half_name} {ok}/{n} ({ok / n:.0%})" for half_name, (ok, n) in rates.items() if n and half_name in halves]
    return f"{name}: " + ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from assistant.engine import Advisor
    from assistant.settings import DEFAULT_CORPUS, Settings
    from knowledge.index import CourseIndex

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--module", action="append", type=Path, default=[], help="extra course file to ingest")
    parser.add_argument("--alone", action="store_true", help="ingest only the --module files, not the bundled course")
    parser.add_argument(
        "--held-out", action="store_true", help="also show held-out rates and failures (once, at the end)"
    )
    parser.add_argument("--recall", action="store_true", help="report retrieval recall@5 only")
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    halves = ("tune", "held-out") if args.held_out else ("tune",)

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="advisor-dev-"))
    corpus = list(args.module) if args.alone else [DEFAULT_CORPUS, *args.module]
    settings = Settings(data_dir=data_dir, corpus_paths=corpus)
    CourseIndex(settings).ingest(list(settings.corpus_paths))
    advisor = Advisor(settings)
    for path in args.sets:
        entries = load_set(path)
        if args.recall:
            rates = recall_at_k(entries, advisor.retriever)
            if not args.held_out:  # the held-out half is opened once, on purpose, like every other rate
                rates.pop("held-out")
            print(path.name, "recall@5", rates)
            continue
        advisor.warm_up()
        if entries and "turns" in entries[0]:  # conversations: only those about a loaded module
            loaded = {Path(p).stem for p in corpus}
            entries = [c for c in entries if c.get("module") in loaded]
            outcomes = run_conversations(entries, advisor)
        else:
            outcomes = run_set(entries, advisor)
        print(format_rates(path.name, pass_rates(outcomes), halves))
        print("   ", precision_rates(outcomes, halves))
        by_kind: dict[str, list[Outcome]] = {}
        for outcome in outcomes:
            by_kind.setdefault(str(outcome.entry.get("kind", "-")), []).append(outcome)
        for kind, part in sorted(by_kind.items()):
            print("   ", format_rates(kind, pass_rates(part), halves))
        shown = set(halves)
        for outcome in outcomes:
            if outcome.half in shown and not outcome.passed:
                print(f"  FAIL [{outcome.half}] {outcome.entry['q'][:90]!r}: {'; '.join(outcome.problems)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
