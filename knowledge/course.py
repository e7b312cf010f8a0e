"""What a course determines, read from what is ingested, never from code: its outline (modules,
lessons, sections), its metric tables (any table whose headers map applications, programmes or
channels to metrics, indicators or measures) and the optional dressing an instructor writes
beside a course file (its sidecar, ``<file stem>.advisor.yaml``).

The index publishes the chunks it serves (`serve`); the tools and the composer read `current()`.
Before anything is served, `current()` is the configured corpus files, parsed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from knowledge.types import Chunk, KpiRow

SIDECAR_SUFFIX = ".advisor.yaml"

# Header words that say what a table column holds (general English, not one course's words).
LEADING = re.compile(r"\bleading\b|\bearly\b|\bfirst\s+\d|\bsignal", re.IGNORECASE)
LAGGING = re.compile(r"\blagging\b|\blong(?:er)?[- ]term\b|\bultimate\b|\boutcome\b|\bimpact\b", re.IGNORECASE)
METRIC = re.compile(
    r"\bkpis?\b|\bmetrics?\b|\bmeasures?\b|\bmeasurements?\b|\bindicators?\b|\bsuccess\b|\bresults?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LessonOutline:
    lesson: str
    title: str
    sections: tuple[str, ...]


@dataclass(frozen=True)
class ModuleOutline:
    source: str
    title: str
    lessons: tuple[LessonOutline, ...]


def split_cell(cell: str) -> list[str]:
    """Splits a table cell into its items on commas and semicolons outside quotes and brackets
    ('Reduced "No Results,"' stays one item)."""
    items: list[str] = []
    current, depth, quoted = "", 0, False
    # American punctuation puts the list comma inside the closing quote: move it outside.
    cell = re.sub(r',"(\s|$)', r'",\1', cell)
    for char in cell:
        if char == '"':
            quoted = not quoted
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in ",;" and not quoted and depth == 0:
            items.append(current)
            current = ""
            continue
        current += char
    items.append(current)
    return [item.strip() for item in items if item.strip()]


def _cells(chunk: Chunk) -> list[tuple[str, str]]:
    return [tuple(line.split(": ", 1)) for line in chunk.text.split("\n") if ": " in line]  # type: ignore[misc]


def column_roles(headers: Sequence[str]) -> dict[int, str]:
    """Which columns after the first hold metrics: 'leading', 'lagging' or 'kpis'."""
    roles: dict[int, str] = {}
    for index, header in enumerate(headers):
        if index == 0:
            continue
        if LEADING.search(header):
            roles[index] = "leading"
        elif LAGGING.search(header) and (METRIC.search(header) or "kpis" in roles.values()):
            roles[index] = "lagging"
        elif METRIC.search(header):
            roles[index] = "kpis" if "kpis" not in roles.values() else "lagging"
    return roles


def metric_rows(chunks: Iterable[Chunk]) -> list[KpiRow]:
    """Every row of every table whose columns after the first hold metrics (see
    `column_roles`), in course order, each cited to its own chunk, lesson and section."""
    rows: list[KpiRow] = []
    for chunk in chunks:
        if chunk.kind != "table_row":
            continue
        cells = _cells(chunk)
        if len(cells) < 2:
            continue
        roles = column_roles([name for name, _ in cells])
        if not roles:
            continue
        columns: dict[str, list[str]] = {"kpis": [], "leading": [], "lagging": []}
        for index, role in roles.items():
            if index < len(cells):
                columns[role] += split_cell(cells[index][1])
        if not columns["kpis"]:  # a table of early and late signals only: the early ones lead
            columns["kpis"] = list(columns["leading"] or columns["lagging"])
        rows.append(
            KpiRow(
                application=cells[0][1],
                kpis=columns["kpis"],
                leading=columns["leading"],
                lagging=columns["lagging"],
                chunk_id=chunk.chunk_id,
                lesson=chunk.lesson,
                section=chunk.section,
                source=chunk.source,
            )
        )
    return rows


@dataclass(eq=False)  # hashed by identity: a served course is one object, cached per object
class Course:
    """The ingested course: its chunks in course order, and what they determine."""

    chunks: list[Chunk]
    paths: list[Path] = field(default_factory=list)

    @cached_property
    def metric_rows(self) -> list[KpiRow]:
        return metric_rows(self.chunks)

    @cached_property
    def modules(self) -> list[ModuleOutline]:
        """Each ingested file's title, lessons and section headings, in course order."""
        by_source: dict[str, dict[str, tuple[str, list[str]]]] = {}
        for chunk in self.chunks:
            lessons = by_source.setdefault(chunk.source, {})
            title, sections = lessons.setdefault(chunk.lesson, (chunk.lesson_title, []))
            if chunk.section not in sections:
                sections.append(chunk.section)
        modules = []
        for source, lessons in by_source.items():
            intro = lessons.get("module")
            titled = next((c.module_title for c in self.chunks if c.source == source and c.module_title), "")
            title = intro[0] if intro else titled or Path(source).stem.replace("-", " ").replace("_", " ")
            # Headings under the module's title before its first lesson: one alone introduces the
            # module; several are parts of it (a title with sections of its own, then more parts).
            under_title = [section for section in (intro[1] if intro else []) if section != title]
            opening = tuple(LessonOutline("module", section, ()) for section in under_title if len(under_title) > 1)
            modules.append(
                ModuleOutline(
                    source=source,
                    title=title,
                    lessons=opening + tuple(
                        LessonOutline(lesson, lesson_title, tuple(s for s in sections if s != lesson_title))
                        for lesson, (lesson_title, sections) in lessons.items()
                        if lesson != "module"
                    ),
                )
            )
        return modules

    @cached_property
    def sidecar(self) -> dict:
        """The dressing instructors wrote beside the served course files, merged (see README,
        "Course sidecar"): answer titles, coaching questions, default assumptions."""
        merged: dict = {}
        served = {chunk.source for chunk in self.chunks}
        for path in self.paths:
            if Path(path).name not in served:
                continue
            sidecar = sidecar_path(Path(path))
            if not sidecar.exists():
                continue
            data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
            if not isinstance(data, dict):
                raise ValueError(f"{sidecar}: a course sidecar is a YAML mapping (titles, coaching, assumptions)")
            for key, value in data.items():
                if isinstance(value, dict):
                    merged.setdefault(key, {}).update(value)
                else:
                    merged[key] = value
        return merged


def sidecar_path(course_file: Path) -> Path:
    """Where an instructor's dressing for a course file lives: beside it, same stem."""
    return course_file.with_name(course_file.stem + SIDECAR_SUFFIX)


_lock = threading.Lock()
_served: Course | None = None
_paths: list[Path] = []


def know_paths(paths: Iterable[Path]) -> None:
    """Remembers where course files live, so their sidecars can be found."""
    with _lock:
        for path in paths:
            path = Path(path)
            if path not in _paths:
                _paths.append(path)


def build(chunks: Iterable[Chunk]) -> Course:
    """The course these chunks make, in course order (not published)."""
    ordered = sorted(chunks, key=lambda c: (_order(c.source), c.source, c.start))
    return Course(ordered, list(_paths))


def publish(course: Course) -> Course:
    """Makes ``course`` the one `current()` returns. An Advisor publishes its own index's course
    before each answer, so several Advisors over different corpora in one process (tests, evals,
    benchmarks) each answer from their own; Advisors answering *concurrently* in one process over
    different corpora would still share this one slot."""
    global _served
    with _lock:
        _served = course
    return course


def serve(chunks: Iterable[Chunk]) -> Course:
    """Publishes the chunks the index serves as the current course."""
    return publish(build(chunks))


def build_indexed(rows: Iterable[tuple[str, str, dict]]) -> Course:
    """`build` for the index's (chunk_id, text, metadata) triples."""
    chunks = []
    for chunk_id, text, meta in rows:
        try:
            chunks.append(Chunk(**{**meta, "chunk_id": chunk_id, "text": text}))
        except (TypeError, ValueError):
            continue  # a record written by another version: skip it, the next ingest rewrites it
    return build(chunks)


def serve_indexed(rows: Iterable[tuple[str, str, dict]]) -> Course:
    """`serve` for the index's (chunk_id, text, metadata) triples."""
    return publish(build_indexed(rows))


def _order(source: str) -> int:
    names = [path.name for path in _paths]
    return names.index(source) if source in names else len(names)


def current() -> Course:
    """The course being served; before the index has served one, the configured corpus files."""
    if _served is not None:
        return _served
    from knowledge.chunking import chunk_document
    from knowledge.parsing import parse_file
    from knowledge.settings import get_settings

    paths = list(get_settings().corpus_paths)
    know_paths(paths)
    chunks = [chunk for path in paths for chunk in chunk_document(parse_file(Path(path))[0])]
    return serve(chunks)


def reset() -> None:
    """Forgets the served course (tests)."""
    global _served
    with _lock:
        _served = None
