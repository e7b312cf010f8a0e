"""Checking pasted answers against the course (the "Check answers" tab; no Gradio here).

An instructor gives a question and an answer, or a CSV / JSON Lines file of many; each answer is
graded sentence by sentence by the advisor's grounding checker against the course passages its
index finds closest to the question and to each sentence. The result is one `CheckedAnswer` per
answer; `export` writes it as HTML, Markdown (jinja2 templates in ui/templates, escaped like the
eval reports) and CSV. Personal data in what was pasted is masked before anything is graded,
shown or written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from assistant.errors import UserError
from assistant.grounding import CheckRequest, Evidence, GroundingReport
from assistant.reading.privacy import mask_pii
from assistant.text import split_sentences

TEMPLATES = Path(__file__).parent / "templates"
MAX_ITEMS = 200
MAX_ANSWER_CHARS = 8000
BATCH = 8  # answers graded per checker call: the progress bar moves between them
PER_SENTENCE = 3  # course passages retrieved for the question and for each sentence
CSV_HEADER = ["id", "verdict", "sentence", "claim", "supported", "error kind", "reason",
              "source", "source label", "course sentence"]


class CheckItem(BaseModel):
    id: str
    question: str = ""
    answer: str


class CheckedAnswer(BaseModel):
    id: str
    question: str
    answer: str
    verdict: Literal["supported", "unsupported"]
    report: GroundingReport
    labels: dict[str, str] = {}  # chunk id -> "Lesson … › section"
    passages: dict[str, str] = {}  # chunk id -> the whole course passage compared with


class _Line(BaseModel):
    id: str | int | None = None
    question: str | None = None
    answer: str


# ----------------------------------------------------------------------------- input


def pasted_item(question: str | None, answer: str | None) -> CheckItem:
    answer = (answer or "").strip()
    if not answer:
        raise UserError("the answer is empty: paste the answer to check", code="empty_answer")
    if len(answer) > MAX_ANSWER_CHARS:
        raise UserError(f"the answer is {len(answer)} characters long: check at most "
                        f"{MAX_ANSWER_CHARS} at a time", code="answer_too_long")
    return CheckItem(id="pasted", question=mask_pii((question or "").strip()),
                     answer=mask_pii(answer))


def parse_batch(name: str, data: bytes) -> list[CheckItem]:
    """The answers of an uploaded CSV (columns answer, optional question and id) or JSON Lines
    file ({"answer", "question"?, "id"?} per line); an error names the file, line and field."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text: save it as UTF-8 CSV or JSON Lines",
                        code="bad_encoding") from None
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(name, text)
    elif suffix in {".jsonl", ".json", ".ndjson"}:
        rows = _jsonl_rows(name, text)
    else:
        raise UserError(f"{name}: upload a .csv or .jsonl file", code="bad_format")
    items: list[CheckItem] = []
    for number, row in rows:
        try:
            line = _Line.model_validate(row)
        except ValidationError as exc:
            field = ".".join(str(p) for p in exc.errors()[0]["loc"]) or "answer"
            raise UserError(f"{name}, line {number}: the field '{field}' is missing or not "
                            "text; every row needs an 'answer'", code="bad_row") from None
        if not line.answer.strip():
            raise UserError(f"{name}, line {number}: the 'answer' is empty", code="empty_answer")
        if len(line.answer) > MAX_ANSWER_CHARS:
            raise UserError(f"{name}, line {number}: the 'answer' is longer than "
                            f"{MAX_ANSWER_CHARS} characters", code="answer_too_long")
        items.append(CheckItem(id=str(line.id if line.id is not None else number),
                               question=mask_pii((line.question or "").strip()),
                               answer=mask_pii(line.answer.strip())))
    if not items:
        raise UserError(f"{name} holds no answers: give one row per answer", code="empty_file")
    if len(items) > MAX_ITEMS:
        raise UserError(f"{name} holds {len(items)} answers: check at most {MAX_ITEMS} at a "
                        "time (split the file)", code="too_many")
    return items


def _csv_rows(name: str, text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "answer" not in fields:
        raise UserError(f"{name}: the first row must name the columns, with one called "
                        "'answer' (and optionally 'question' and 'id')", code="bad_header")
    reader.fieldnames = fields
    return [(reader.line_num, {k: v for k, v in row.items() if k in {"id", "question", "answer"}})
            for row in reader]


def _jsonl_rows(name: str, text: str) -> list[tuple[int, dict]]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"{name}, line {number}: not valid JSON ({exc.msg})",
                            code="bad_json") from None
        if not isinstance(value, dict):
            raise UserError(f"{name}, line {number}: each line must be a JSON object with an "
                            "'answer'", code="bad_row")
        rows.append((number, value))
    return rows


# ----------------------------------------------------------------------------- grading


def course_evidence(retriever: Any, question: str, answer: str
                    ) -> tuple[list[Evidence], dict[str, str]]:
    """The passages closest to the question and to each sentence, and their labels."""
    evidence: dict[str, Evidence] = {}
    labels: dict[str, str] = {}
    for text in [question, *split_sentences(answer)]:
        if not text.strip():
            continue
        for passage in retriever.search(text, k=PER_SENTENCE):
            cid = passage.citation.chunk_id
            if cid not in evidence:
                evidence[cid] = Evidence(id=cid, text=passage.text, kind="passage")
                labels[cid] = passage.citation.label
    return list(evidence.values()), labels


def check_answers(advisor: Any, items: list[CheckItem],
                  progress: Callable[[int, int], None] | None = None) -> list[CheckedAnswer]:
    """Grades every item with the advisor's checker; `progress(done, total)` after each batch."""
    results: list[CheckedAnswer] = []
    for start in range(0, len(items), BATCH):
        chunk = items[start:start + BATCH]
        found = [course_evidence(advisor.retriever, i.question, i.answer) for i in chunk]
        reports = advisor.checker.check_many([
            CheckRequest(answer=i.answer, evidence=ev, question=i.question or None)
            for i, (ev, _) in zip(chunk, found, strict=True)])
        for item, (evidence, labels), report in zip(chunk, found, reports, strict=True):
            used = {source for s in report.sentences for source in s.sources[:1]}
            results.append(CheckedAnswer(
                id=item.id, question=item.question, answer=item.answer, report=report,
                verdict="unsupported" if report.unsupported else "supported", labels=labels,
                passages={e.id: e.text for e in evidence if e.id in used}))
        if progress:
            progress(len(results), len(items))
    return results


# ----------------------------------------------------------------------------- output


def summary_rows(results: list[CheckedAnswer]) -> list[list]:
    """One row per answer: id, verdict, supported claims, score."""
    return [[r.id, r.verdict, f"{sum(s.supported for s in r.report.claims)} of "
             f"{len(r.report.claims)}", round(r.report.score, 2)] for r in results]


def sentence_rows(results: list[CheckedAnswer]) -> list[list]:
    """One row per sentence (CSV_HEADER's columns)."""
    rows = []
    for r in results:
        for s in r.report.sentences:
            source = s.sources[0] if s.sources else ""
            rows.append([r.id, r.verdict, s.text, "yes" if s.claim else "no",
                         "—" if not s.claim else ("yes" if s.supported else "no"),
                         s.kind, s.reason, source, r.labels.get(source, ""), s.evidence])
    return rows


DISPLAY_HEADERS = ["answer", "sentence", "verdict", "kind of error", "course source",
                   "course sentence compared with"]


def display_rows(results: list[CheckedAnswer]) -> list[list]:
    """The tab's sentence table: fewer, wider columns than the CSV (DISPLAY_HEADERS); the source
    names the passage it is shown in whole below the table (`passages_markdown`)."""
    shown = passages(results)
    rows = []
    for r in results:
        for s in r.report.sentences:
            source = s.sources[0] if s.sources else ""
            verdict = "not a claim" if not s.claim else ("supported" if s.supported
                                                         else "unsupported")
            why = s.reason if s.claim and not s.supported else ""
            rows.append([r.id, s.text, verdict, why or s.kind,
                         _source_cell(r, source, shown), s.evidence])
    return rows


def _source_cell(result: CheckedAnswer, source: str, shown: dict[str, Passage]) -> str:
    if not source:
        return ""
    where = f", {shown[source].anchor.replace('-', ' ')} below" if source in shown else ""
    return f"{result.labels.get(source, source)} ({source}{where})"


def passages_markdown(results: list[CheckedAnswer]) -> str:
    """The passages the sentences were compared with, whole, numbered as the table names them."""
    shown = passages(results)
    if not shown:
        return ""
    parts = ["**Course passages compared with**"]  # no heading: the tab has none above it
    for p in shown.values():
        parts.append(f"**{p.anchor.replace('-', ' ').capitalize()}: {_md(p.label)}** "
                     f"(`{p.source}`)\n\n> {_md(p.text)}")
    return "\n\n".join(parts)


class Passage(BaseModel):
    """A course passage some sentence was compared with, for the report's links to it."""

    anchor: str  # "passage-N", unique in the report
    source: str  # chunk id
    label: str  # "Lesson … › section"
    text: str


def passages(results: list[CheckedAnswer]) -> dict[str, Passage]:
    """Every passage the sentences were compared with, once, in the order first compared."""
    found: dict[str, Passage] = {}
    for r in results:
        for s in r.report.sentences:
            source = s.sources[0] if s.sources else ""
            if source and source not in found and source in r.passages:
                found[source] = Passage(anchor=f"passage-{len(found) + 1}", source=source,
                                        label=r.labels.get(source, source),
                                        text=r.passages[source])
    return found


def render(results: list[CheckedAnswer], kind: Literal["html", "md"]) -> str:
    from markupsafe import Markup

    template = _environment(kind).get_template(f"check_report.{kind}.j2")
    return template.render(results=results, css=Markup(CSS), passages=passages(results),
                           supported=sum(r.verdict == "supported" for r in results))


def to_csv(results: list[CheckedAnswer]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in sentence_rows(results):
        # A cell starting with = + - @ would run as a formula in a spreadsheet: quote it.
        writer.writerow([f"'{c}" if isinstance(c, str) and c[:1] in "=+-@" else c for c in row])
    return out.getvalue()


def export(results: list[CheckedAnswer], folder: Path) -> dict[str, Path]:
    """Writes the report as check-report.html, .md and .csv in `folder`; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"html": folder / "check-report.html", "md": folder / "check-report.md",
             "csv": folder / "check-report.csv"}
    paths["html"].write_text(render(results, "html"), encoding="utf-8")
    paths["md"].write_text(render(results, "md"), encoding="utf-8")
    paths["csv"].write_text(to_csv(results), encoding="utf-8")
    return paths


CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.sup{background:#dff5e1}.uns{background:#fbdcdc}.non{color:#666}
.why{font-size:.85em;color:#7a1d17}blockquote{margin:.2rem 0 .2rem 1rem;color:#444}
"""


def _md(text: str) -> str:
    """Escaped for Markdown: no raw HTML, no accidental emphasis, links or table breaks."""
    import html
    import re

    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text).replace("\n", " ")


@lru_cache(maxsize=2)
def _environment(kind: str):
    """HTML autoescaped; Markdown with every printed value escaped by `finalize`."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

    def md_finalize(value: object) -> str:
        if isinstance(value, Markup):
            return str(value)
        return _md(value) if isinstance(value, str) else str(value)

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=kind == "html",
                       finalize=None if kind == "html" else md_finalize,
                       keep_trailing_newline=True, undefined=StrictUndefined)
