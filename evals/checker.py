"""`advisor check`: grade a pasted answer against the course (or a context), sentence by sentence.

    advisor check --question Q --answer-file A.md [--context-file K.txt] [--json]
    advisor check --batch FILE --json      # one {"id","question","answer","context"?} per line

Where the evidence comes from is a parameter (an `EvidenceProvider`): the course, cut into the
same chunks the index holds and narrowed to the few most related to each sentence, or a context
file given on the command line. The grading itself is `assistant.grounding.GroundingChecker`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Literal

import click
from pydantic import BaseModel, Field

# Light imports only (pydantic and regexes): `advisor --help` loads this module.
from assistant.grounding import (
    CheckRequest,
    Evidence,
    GroundingChecker,
    GroundingReport,
    content_terms,
)
from assistant.settings import get_settings
from assistant.text import split_sentences

EvidenceProvider = Callable[[str | None, str], list[Evidence]]
"""(question, answer) -> the evidence the answer is graded against."""

# Course blocks that ask rather than state: never evidence for a claim.
NON_EVIDENCE_KINDS = frozenset({"question", "reflective", "discussion"})


class CourseEvidence:
    """The course chunks most related to each sentence of an answer (no index needed).

    Chunks come from the same parser and chunker as the index, so ids match citations. For
    every claim sentence (and the question) the ``per_sentence`` chunks sharing the most
    distinctive words (idf-weighted) are kept; the checker then attributes each sentence.
    """

    def __init__(self, paths: Iterable[Path], per_sentence: int = 3) -> None:
        self.paths = list(paths)
        self.per_sentence = per_sentence
        self.labels: dict[str, str] = {}

    @cached_property
    def passages(self) -> list[Evidence]:
        from knowledge.chunking import chunk_document
        from knowledge.parsing import parse_file

        out = []
        for path in self.paths:
            document, _ = parse_file(Path(path))
            for chunk in chunk_document(document):
                if chunk.kind in NON_EVIDENCE_KINDS:
                    continue
                lesson = (
                    f"Lesson {chunk.lesson}" if chunk.lesson[:1].isdigit() else chunk.lesson_title
                )
                self.labels[chunk.chunk_id] = f"{lesson} › {chunk.section}"
                out.append(Evidence(id=chunk.chunk_id, text=chunk.text, kind="passage"))
        return out

    @cached_property
    def _index(self) -> tuple[list[set[str]], dict[str, float]]:
        stems = [content_terms(p.text) for p in self.passages]
        df = Counter(s for bag in stems for s in bag)
        idf = {s: math.log((1 + len(stems)) / (1 + n)) + 1 for s, n in df.items()}
        return stems, idf

    def __call__(self, question: str | None, answer: str) -> list[Evidence]:
        stems, idf = self._index
        chosen: dict[int, None] = {}
        for text in [question or "", *split_sentences(answer)]:
            query = content_terms(text)
            if not query:
                continue
            ranked = sorted(
                range(len(stems)),
                key=lambda i: -sum(idf[s] for s in query & stems[i]),
            )
            for i in ranked[: self.per_sentence]:
                if query & stems[i]:
                    chosen[i] = None
        return [self.passages[i] for i in sorted(chosen)]


def context_evidence(text: str, name: str = "context") -> EvidenceProvider:
    """A provider that always answers with one given context text."""
    evidence = [Evidence(id=name, text=text, kind="passage")]
    return lambda question, answer: evidence


# --- grading --------------------------------------------------------------------------------


class CheckResult(BaseModel):
    """What `advisor check` reports for one answer."""

    id: str | int | None = None
    verdict: Literal["supported", "unsupported"]
    grounding: GroundingReport
    evidence: list[str] = Field(
        default_factory=list, description="Ids of the evidence graded against."
    )


class BatchLine(BaseModel):
    """One line of a batch file."""

    id: str | int | None = None
    question: str | None = None
    answer: str
    context: str | None = None


def grade(
    answer: str,
    question: str | None,
    provider: EvidenceProvider,
    checker: GroundingChecker,
    id: str | int | None = None,
) -> CheckResult:
    return grade_many([(id, question, answer, provider)], checker)[0]


def grade_many(
    items: list[tuple[str | int | None, str | None, str, EvidenceProvider]],
    checker: GroundingChecker,
) -> list[CheckResult]:
    """Grade several answers, embedding all their texts in one batch."""
    requests, evidence_ids = [], []
    for _, question, answer, provider in items:
        evidence = provider(question, answer)
        evidence_ids.append([e.id for e in evidence])
        requests.append(CheckRequest(answer=answer, evidence=evidence, question=question))
    reports = checker.check_many(requests)
    return [
        CheckResult(
            id=id_,
            verdict="unsupported" if report.unsupported else "supported",
            grounding=report,
            evidence=ids,
        )
        for (id_, *_), report, ids in zip(items, reports, evidence_ids, strict=True)
    ]


# --- output ---------------------------------------------------------------------------------


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fmt_number(value: float) -> str:
    return f"{value:,.10g}"


def render(result: CheckResult, labels: dict[str, str]) -> str:
    report = result.grounding
    claims = [s for s in report.sentences if s.claim]
    supported = sum(s.supported for s in claims)
    lines = [
        (
            f"Verdict: {result.verdict.upper()} — {supported} of {len(claims)} claim sentences "
            f"supported (score {report.score:.2f})"
        ),
        "",
    ]
    for s in report.sentences:
        if not s.claim:
            lines.append(f"  · {_short(s.text, 100)}  ({s.reason})")
            continue
        lines.append(f"{'✓' if s.supported else '✗'} {s.text}")
        if not s.supported:
            lines.append(f"    reason: {s.reason}")
        if s.sources:
            best = s.sources[0]
            label = f" ({labels[best]})" if best in labels else ""
            lines.append(f'    best source: {best}{label}: "{_short(s.evidence)}"')
        if s.numbers:
            numbers = ", ".join(_fmt_number(n) for n in s.numbers)
            missing = ", ".join(_fmt_number(n) for n in s.numbers_missing)
            lines.append(
                f"    numbers checked: {numbers} — "
                + (f"not found: {missing}" if missing else "all found")
            )
    if report.unsupported:
        lines += ["", "Unsupported sentences:"]
        lines += [f"  {i}. {text}" for i, text in enumerate(report.unsupported, 1)]
    return "\n".join(lines)


def _json_result(result: CheckResult, labels: dict[str, str]) -> dict:
    data = result.model_dump(mode="json")
    for sentence in data["grounding"]["sentences"]:
        best = sentence["sources"][0] if sentence["sources"] else None
        sentence["source_label"] = labels.get(best, "") if best else ""
    return data


# --- the command ----------------------------------------------------------------------------


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise click.BadParameter(f"{path} is not UTF-8 text", param_hint=what) from None
    except OSError as exc:
        raise click.BadParameter(f"cannot read {path}: {exc.strerror}", param_hint=what) from None


_checker: GroundingChecker | None = None


def get_checker() -> GroundingChecker:
    """One checker per process, so repeated checks reuse its embeddings."""
    global _checker
    if _checker is None:
        _checker = GroundingChecker()
    return _checker


_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("check")
@click.option(
    "--question", "-q", help="The question the answer replies to (also narrows the course search)."
)
@click.option("--answer-file", "-a", type=_FILE, help="Markdown or text file holding the answer.")
@click.option(
    "--context-file", "-c", type=_FILE, help="Grade against this text instead of the course."
)
@click.option(
    "--batch",
    "batch_file",
    type=_FILE,
    help='JSON Lines file, one {"id","question","answer","context"?} per line.',
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def check_command(
    question: str | None,
    answer_file: Path | None,
    context_file: Path | None,
    batch_file: Path | None,
    as_json: bool,
) -> None:
    """Check that every claim of an answer is supported by the course (or by a context file).

    Prints each sentence with its best supporting passage, the numbers checked and, for an
    unsupported sentence, why. The verdict is "unsupported" when any claim sentence is.
    """
    if batch_file and (answer_file or context_file or question):
        raise click.UsageError(
            "--batch cannot be combined with --question, --answer-file or --context-file"
        )
    if batch_file:
        _run_batch(batch_file, as_json)
        return
    if not answer_file:
        raise click.UsageError(
            "give --answer-file A.md (or --batch FILE); see `advisor check --help`"
        )
    answer = _read_text(answer_file, "--answer-file")
    if not answer.strip():
        raise click.UsageError(f"the answer file {answer_file} is empty: there is nothing to check")
    course = None
    if context_file:
        context = _read_text(context_file, "--context-file")
        if not context.strip():
            raise click.UsageError(
                f"the context file {context_file} is empty: there is nothing to check against"
            )
        provider = context_evidence(context, name=context_file.name)
    else:
        provider = course = CourseEvidence(get_settings().corpus_paths)
    result = grade(answer, question, provider, get_checker())
    labels = course.labels if course else {}
    if as_json:
        click.echo(json.dumps(_json_result(result, labels), ensure_ascii=False, indent=2))
    else:
        click.echo(render(result, labels))


def _run_batch(path: Path, as_json: bool) -> None:
    from assistant.batch import error_record, read_batch
    from assistant.errors import UserError

    course = CourseEvidence(get_settings().corpus_paths)
    outputs: list[dict | None] = []
    jobs: list[tuple[int, tuple]] = []
    shape = 'an object with "answer" (and optionally "id", "question", "context")'
    for number, line in read_batch(path, BatchLine, shape):
        if isinstance(line, dict):
            outputs.append(line)
            continue
        if not line.answer.strip():
            empty = UserError(f"line {number}: the answer is empty; give the text to check",
                              code="empty_answer")
            outputs.append(error_record(line.id, empty, line=number))
            continue
        provider = context_evidence(line.context) if line.context else course
        outputs.append(None)
        jobs.append(
            (
                len(outputs) - 1,
                (line.id if line.id is not None else number, line.question, line.answer, provider),
            )
        )
    results = grade_many([job for _, job in jobs], get_checker()) if jobs else []
    for (slot, _), result in zip(jobs, results, strict=True):
        outputs[slot] = {
            "id": result.id,
            "verdict": result.verdict,
            "grounding": {
                "score": result.grounding.score,
                "sentences": [s.model_dump(mode="json") for s in result.grounding.sentences],
            },
        }
    for out in outputs:
        if as_json:
            click.echo(json.dumps(out, ensure_ascii=False))
        elif "error" in out:
            click.echo(f"{out['id']}: ERROR {out['error']['message']}")
        else:
            click.echo(f"{out['id']}: {out['verdict']} (score {out['grounding']['score']:.2f})")
