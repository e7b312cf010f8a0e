"""Parses a course Markdown file into module → lesson → section → blocks, with source offsets.

The bundled course file has quirks this parser handles without editing the text:
``## ##`` doubled heading markers, an empty ``# Topic Page:`` heading, bold pseudo-headings
(``**Module Introduction and Description:**``), bold-italic scenario paragraphs, bullets
separated by blank lines, and a Markdown table (whose rows become their own blocks).
PDF, DOCX and HTML files are first read into the same Markdown by `knowledge.formats`
(`parse_course_file` is the one entry for a file of any format).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge.errors import UserError
from knowledge.settings import DEFAULT_CORPUS
from knowledge.course import split_cell  # noqa: F401  (its home is knowledge.course)
from knowledge.types import Block, BlockKind, Chunk, CourseDocument, KpiRow, Lesson, Section


class CorpusError(UserError, ValueError):
    """A corpus file that cannot be ingested; the message says which file and why."""


HEADING = re.compile(r"^(#{1,6})(?:\s+(.*?))?\s*$")  # CommonMark: hashes then a space
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
LESSON = re.compile(r"^lesson\s+(\d+(?:\.\d+)*)\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
PSEUDO_HEADING = re.compile(r"^\*\*([^*]{3,120}?):?\*\*:?\s*$")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
ITALIC = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.DOTALL)
# Plain text: "1. Receiving Deliveries", "1.2 Checking Temperatures on Arrival" (a line alone).
NUMBERED_HEADING = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.{0,118})$")
ENUMERATED = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+\S")
ALIGNED_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$", re.MULTILINE)  # "-----   -----"
PART_NUMBER = re.compile(r"^(?:[A-Za-z]+\s+)?(\d{1,3}(?:\.\d{1,3})*)\b")  # "Part 2: …", "3. …"
TIME_SUFFIX = re.compile(r"\s*\((?:approx\.?\s*)?[\d\s\-–]+mins?\)\s*$", re.IGNORECASE)


def clean_markup(text: str) -> str:
    """Strips Markdown emphasis and bullet markers, keeping every word of the text."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*[-*+]\s+", "", line)
        line = BOLD.sub(r"\1", line)
        line = ITALIC.sub(r"\1", line)
        lines.append(line.strip())
    return "\n".join(line for line in lines if line)


def clean_heading(raw: str) -> str:
    text = raw
    while True:  # "## ## Title" → "Title"
        stripped = re.sub(r"^#+\s*", "", text)
        if stripped == text:
            break
        text = stripped
    text = clean_markup(text).strip()
    return text.rstrip(":").strip()


def _classify(text: str, section_title: str) -> BlockKind:
    body = text.lstrip()
    plain = clean_markup(body).lower()
    if body.startswith("|") or ALIGNED_RULE.search(body):
        return "table"
    if plain.startswith(("suggested question", "alternative question")):
        return "question"
    if plain.startswith("reflective prompt"):
        return "reflective"
    if plain.startswith(
        ("hypothetical scenario", "conceptual example", "example:", "mini case study", "visionary statement")
    ):
        return "example"
    if "discussion point" in section_title.lower() and body.startswith(("-", "*")):
        return "discussion"
    if body.startswith(("- ", "* ", "+ ")) or all(
        ENUMERATED.match(line) for line in body.splitlines() if line.strip()
    ):
        return "bullets"
    return "prose"


def _lesson_for(title: str, index: int) -> tuple[str, str]:
    """Maps a level-1 heading to (lesson id, lesson title)."""
    match = LESSON.match(title)
    if match:
        return match.group(1), TIME_SUFFIX.sub("", match.group(2)).strip() or title
    if title.lower().startswith("topic page"):
        rest = title.split(":", 1)[1].strip() if ":" in title else ""
        return "topic", rest or "Topic Page"
    if index == 0:
        return "module", TIME_SUFFIX.sub("", title).strip()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or f"part-{index}"
    return slug, title


def _paragraphs(text: str, offset: int):
    """Yields (start, end) spans of blank-line separated paragraphs inside ``text``."""
    for match in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        span_text = match.group(0).rstrip("\n")
        yield offset + match.start(), offset + match.start() + len(span_text)


def parse_markdown(text: str, source: str) -> CourseDocument:
    """Parses course Markdown. Raises CorpusError when there is nothing to index."""
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty; add course text with Markdown headings")
    if "\x00" in text:
        raise CorpusError(f"{source}: the file looks binary, not Markdown or plain text")

    lines = text.splitlines(keepends=True)
    headings: list[tuple[int, int, int, str]] = []  # (start, end, level, title)
    pos = 0
    fence = None  # inside a fenced code block, '#' starts a comment, not a heading
    for line in lines:
        opener = FENCE.match(line)
        if opener:
            fence = None if fence == opener.group(1) else (fence or opener.group(1))
            pos += len(line)
            continue
        if fence:
            pos += len(line)
            continue
        match = HEADING.match(line.rstrip("\n"))
        pseudo = PSEUDO_HEADING.match(line.strip())
        if match:
            level = len(match.group(1))
            headings.append((pos, pos + len(line.rstrip("\n")), level, clean_heading(match.group(2) or "")))
        elif pseudo and headings and headings[-1][2] == 1:
            # A bold line right under a top heading names its introduction section.
            headings.append((pos, pos + len(line.rstrip("\n")), 2, clean_heading(pseudo.group(1))))
        pos += len(line)
    if not headings:
        raise CorpusError(
            f"{source}: no Markdown headings found; start lessons with '# Lesson N.M: Title' and "
            "sections with '## Section title' (or save the file as .txt for plain text)"
        )

    tops = sum(level == 1 for _, _, level, _ in headings)
    parts = sum(level == 2 for _, _, level, _ in headings)
    # One title heading over several "##" parts: the parts are the module's lessons.
    part_level = 2 if tops <= 1 and parts >= 2 else 1
    marked: list[Heading] = []
    ordinal = 0
    for start, end, level, title in headings:
        given = None
        if part_level == 2 and level == 2:
            ordinal += 1
            number = PART_NUMBER.match(title)
            given = number.group(1) if number else str(ordinal)
        marked.append((start, end, level, title, given))
    return _assemble(text, source, marked)


Heading = tuple[int, int, int, str, "str | None"]  # (start, end, level, title, lesson id if it opens one)


def _assemble(text: str, source: str, headings: list[Heading]) -> CourseDocument:
    """Module → lessons → sections from the headings of a file: a level-1 heading (or one whose
    lesson id is given) opens a lesson, any other heading a section of the current lesson."""
    module_title = source
    lessons: list[Lesson] = []
    current_lesson: Lesson | None = None
    top_index = 0
    for i, (start, end, level, title, given_id) in enumerate(headings):
        body_end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        if level == 1 or given_id is not None:
            lesson_id, lesson_title = (given_id, title) if given_id is not None else _lesson_for(title, top_index)
            if top_index == 0 and given_id is None:
                module_title = lesson_title
            top_index += 1
            current_lesson = Lesson(lesson=lesson_id, title=lesson_title)
            lessons.append(current_lesson)
            section_title = lesson_title
        else:
            section_title = title or "Untitled section"
        if current_lesson is None:
            current_lesson = Lesson(lesson="module", title=title or source)
            module_title = current_lesson.title
            lessons.append(current_lesson)
        body = text[end:body_end]
        blocks = _blocks(body, end, section_title)
        if (level == 1 or given_id is not None) and not blocks:
            continue  # a lesson heading whose text all lives in sections below it
        current_lesson.sections.append(
            Section(title=section_title, level=level, start=start, blocks=blocks)
        )
    return CourseDocument(source=source, module_title=module_title, lessons=lessons)


def _blocks(body: str, offset: int, section_title: str) -> list[Block]:
    blocks: list[Block] = []
    for start, end in _paragraphs(body, offset):
        raw = body[start - offset : end - offset]
        kind = _classify(raw, section_title)
        if kind == "table":
            blocks.extend(_table_blocks(raw, start))
            continue
        blocks.append(Block(kind=kind, text=clean_markup(raw), start=start, end=end))
    return blocks


def _cells(line: str) -> list[str]:
    return [clean_markup(cell).strip() for cell in line.strip().strip("|").split("|")]


def _table_blocks(raw: str, offset: int) -> list[Block]:
    """A table becomes one block per data row, each carrying the header so rows stand alone."""
    if not raw.lstrip().startswith("|"):
        return _aligned_table_blocks(raw, offset)
    lines = raw.split("\n")
    header = _cells(lines[0])
    blocks: list[Block] = []
    pos = offset
    for index, line in enumerate(lines):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if index == 0 or re.fullmatch(r"\s*\|?[\s:\-|]+\|?\s*", line):
            continue
        blocks.append(_row_block(header, _cells(line), line_start, line_end))
    return blocks


def _row_block(header: list[str], cells: list[str], start: int, end: int) -> Block:
    names = header + [f"column {i + 1}" for i in range(len(header), len(cells))]  # ragged rows keep every cell
    pairs = [f"{name}: {value}" for name, value in zip(names, cells) if value]
    return Block(kind="table_row", text="\n".join(pairs), start=start, end=end)


def _aligned_table_blocks(raw: str, offset: int) -> list[Block]:
    """A plain-text table in aligned columns: the dashed rule under the header gives each
    column's span; lines before the rule are the header, lines after it the rows (a line that
    starts inside a column continues the row above)."""
    lines = raw.split("\n")
    rule_index = next(i for i, line in enumerate(lines) if ALIGNED_RULE.fullmatch(line))
    spans = [match.span() for match in re.finditer(r"-{3,}", lines[rule_index])]
    starts = [start for start, _ in spans]

    def cells(line: str) -> list[str]:
        bounds = starts[1:] + [max(len(line), starts[-1]) + 1]
        return [line[a:b].strip() for a, b in zip(starts, bounds)]

    header = [" ".join(parts).strip() for parts in zip(*(cells(line) for line in lines[:rule_index]))]
    blocks: list[Block] = []
    pos = offset + sum(len(line) + 1 for line in lines[: rule_index + 1])
    rows: list[tuple[list[str], int, int]] = []
    for line in lines[rule_index + 1 :]:
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        values = cells(line)
        if rows and not values[0]:  # a wrapped cell: append to the row above
            previous, row_start, _ = rows[-1]
            rows[-1] = ([f"{a} {b}".strip() for a, b in zip(previous, values)], row_start, end)
            continue
        rows.append((values, start, end))
    for values, start, end in rows:
        blocks.append(_row_block(header, values, start, end))
    return blocks


def _plain_headings(text: str) -> list[Heading]:
    """Headings of a plain-text module: the first line when it stands alone (the module's title)
    and every line standing alone as a numbered title ("2. Temperature Control" opens lesson 2,
    "2.1 The Danger Zone" is a section of it) or a short Title Case line."""
    found: list[Heading] = []
    paragraphs = list(_paragraphs(text, 0))
    for index, (start, end) in enumerate(paragraphs):
        line = text[start:end].strip()
        if "\n" in line:  # a numbered title on the first line of its paragraph, body text below it
            first = line.split("\n", 1)[0].strip()
            numbered = NUMBERED_HEADING.match(first)
            if (numbered and numbered.group(2)[:1].isupper() and len(first) <= 120 and first[-1:] not in ".:;,?!"
                    and _title_case(numbered.group(2)) and not ALIGNED_RULE.search(line)):
                depth = numbered.group(1).count(".") + 1
                head_end = text.index(first, start) + len(first)
                found.append((start, head_end, depth + 1, numbered.group(2).strip(), numbered.group(1) if depth == 1 else None))
            continue
        if len(line) > 120 or line[-1:] in ".:;,?!" or ALIGNED_RULE.search(line):
            continue
        numbered = NUMBERED_HEADING.match(line)
        if numbered and numbered.group(2)[:1].isupper():
            depth = numbered.group(1).count(".") + 1
            title = numbered.group(2).strip()
            found.append((start, end, depth + 1, title, numbered.group(1) if depth == 1 else None))
        elif index == 0:
            found.append((start, end, 1, line, None))
        elif _title_case(line):
            found.append((start, end, 3, line, None))
    return found


def _title_case(line: str) -> bool:
    """A short line most of whose longer words are capitalised, e.g. "Key Points"."""
    tokens = line.split()
    long = [token for token in tokens if len(token) > 3 and token[:1].isalpha()]
    return 1 <= len(tokens) <= 12 and bool(long) and sum(t[:1].isupper() for t in long) >= 0.75 * len(long)


def parse_text(text: str, source: str) -> CourseDocument:
    """Plain text: a standalone first line names the module; numbered Title Case lines standing
    alone ("1. Receiving Deliveries", "1.2 Checking Temperatures on Arrival") open lessons and
    sections; aligned-column tables become rows with their headers; "* " bullets and "(a)"
    enumerations are lists. A file without such headings is one lesson named after the file."""
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty; add course text")
    if "\x00" in text:
        raise CorpusError(f"{source}: the file looks binary, not plain text")
    headings = _plain_headings(text)
    if len(headings) > 1:
        return _assemble(text, source, headings)
    title = Path(source).stem.replace("-", " ").replace("_", " ").strip() or source
    blocks = _blocks(text, 0, title)
    lesson = Lesson(lesson=Path(source).stem[:40], title=title,
                    sections=[Section(title=title, level=1, start=0, blocks=blocks)])
    return CourseDocument(source=source, module_title=title, lessons=[lesson])


def parse_course_file(path: Path, max_bytes: int = 5_000_000):
    """Reads a course file of any supported format (`knowledge.formats`) and parses it; returns
    the document and what the file was read into (its text, which the offsets refer to, and the
    notices of what was dropped on the way)."""
    from knowledge.formats import read_course_file

    converted = read_course_file(Path(path), max_bytes)
    if converted.syntax == "text":
        return parse_text(converted.text, converted.source), converted
    return parse_markdown(converted.text, converted.source), converted


def parse_file(path: Path, max_bytes: int = 5_000_000) -> tuple[CourseDocument, str]:
    """Parses a course file; returns the document and the text its offsets refer to."""
    document, converted = parse_course_file(path, max_bytes)
    return document, converted.text


PROMPT_LABEL = re.compile(r"^(?:Suggested Question for Link|Alternative Question|Reflective Prompt):\s*")


def course_prompts(path: Path | None = None) -> list[str]:
    """The prompts the course itself asks (Suggested/Alternative Questions, Reflective Prompts,
    Group Discussion Points), as written, without their labels."""
    document, _ = parse_file(Path(path or DEFAULT_CORPUS))
    return [
        PROMPT_LABEL.sub("", block.text).strip().strip('"')
        for lesson in document.lessons
        for section in lesson.sections
        for block in section.blocks
        if block.kind in {"question", "reflective", "discussion"}
    ]


def kpi_rows(path: Path | None = None) -> list[KpiRow]:
    """The rows of a course file's metric tables (see `knowledge.course.metric_rows`); the
    bundled course file when no path is given."""
    from knowledge.course import metric_rows

    return metric_rows(_chunks_cached(str(path or DEFAULT_CORPUS)))


def kpi_source(path: Path | None = None) -> tuple[list[KpiRow], list[Chunk]]:
    """What `tools.kpi.kpi_suggest` is handed: the metric-table rows and the chunks of the
    course being served (`knowledge.course.current`), or of one file when a path is given."""
    if path is not None:
        chunks = list(_chunks_cached(str(path)))
        from knowledge.course import metric_rows

        return metric_rows(chunks), chunks
    from knowledge.course import current

    course = current()
    return list(course.metric_rows), list(course.chunks)


@lru_cache(maxsize=8)
def _chunks_cached(path: str) -> tuple[Chunk, ...]:
    from knowledge.chunking import chunk_document

    return tuple(chunk_document(parse_file(Path(path))[0]))
