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
from knowledge.furniture import (END_MARK, frames_the_teaching, is_decoration, is_page_contents, links_elsewhere,
                                 records_changes, records_the_document, title_block)
from knowledge.markup import definitions, drop_footnote_marks, is_answer, is_question
from knowledge.text_tables import grid_run, read_grid, read_tabs, tab_run
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
QUOTE_MARK = re.compile(r"^\s*>\s?")  # a blockquote's line marker
ENUMERATED = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+\S")
# A list item's marker: Markdown's "- * +" and the bullets word processors and slide tools write.
BULLET = re.compile(r"^\s*[-*+•◦▪‣·–]\s+")
ORDERED_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s+\S")  # "1. Weigh the wax", "2) Melt it": an ordered list's item
# Setext underline (CommonMark): "Title" over "=====" is a level-1 heading, over "-----" level 2.
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# A heading with a label and a number: "Slide 7 — Title", "Unit 2: Title", "Part 3. Title".
LABELLED_HEADING = re.compile(r"^([A-Z][A-Za-z]{2,11})\s+(\d{1,3}(?:\.\d{1,3})*)\s*[—–:.\-]+\s*(\S.{0,110})$")
CAPTION_LABELS = frozenset({"figure", "fig", "table", "exhibit", "chart", "image", "photo", "step",
                            "page", "note", "notes", "example", "source", "item", "question", "answer"})
ALIGNED_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$", re.MULTILINE)  # "-----   -----"
PART_NUMBER = re.compile(r"^(?:[A-Za-z]+\s+)?(\d{1,3}(?:\.\d{1,3})*)\b")  # "Part 2: …", "3. …"
TIME_SUFFIX = re.compile(r"\s*\((?:approx\.?\s*)?[\d\s\-–]+mins?\)\s*$", re.IGNORECASE)


def names_its_number(title: str, number: str) -> bool:
    """Whether a lesson's heading carries its number already ("3. Pace and Group Size", "Chapter 3 —
    Sizing the Tank" for lesson 3): a listing then shows the heading alone, not "3. Chapter 3 — …"."""
    match = PART_NUMBER.match(title)
    return title.startswith(number) or bool(match and match.group(1) == number)


def clean_markup(text: str) -> str:
    """Strips Markdown emphasis and bullet markers, keeping every word of the text."""
    lines = []
    for line in text.splitlines():
        line = BULLET.sub("", QUOTE_MARK.sub("", line))
        line = BOLD.sub(r"\1", drop_footnote_marks(line))
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
    rows = body.splitlines()
    if body.startswith("|") or ALIGNED_RULE.search(body) or (
        len(rows) > 1 and all(_bare_pipe_run(rows, i) for i in range(len(rows)))
    ):
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
    if BULLET.match(body) or all(ENUMERATED.match(line) for line in unwrap(body).splitlines() if line.strip()):
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
    underlines = _setext_underlines(lines)
    for number, line in enumerate(lines):
        if number in underlines:  # the underline of the setext heading just read
            pos += len(line)
            continue
        if number + 1 in underlines and not fence:
            level = 1 if lines[number + 1].strip().startswith("=") else 2
            end = pos + len(line) + len(lines[number + 1].rstrip("\n"))
            headings.append((pos, end, level, clean_heading(line.strip())))
            pos += len(line)
            continue
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
    # An unnumbered part is the lesson of its place where the numbered parts stand at theirs; where
    # they skip parts ("3. …", "Tests", "4. …") its place's number is another's: its title is its id.
    numbers = [PART_NUMBER.match(t) for _, _, level, t in headings if part_level == 2 and level == 2 and not _aside(t)]
    in_place = all(number.group(1) == str(place) for place, number in enumerate(numbers, 1) if number)
    marked: list[Heading] = []
    ordinal = 0
    for start, end, level, title in headings:
        given = None
        if part_level == 2 and level == 2 and not _aside(title):
            ordinal += 1
            number = PART_NUMBER.match(title)  # "1. Receiving a Return": the number is its id
            given = number.group(1) if number else str(ordinal) if in_place else _lesson_for(title, ordinal)[0]
        marked.append((start, end, level, title, given))
    return _assemble(text, source, marked)


def _setext_underlines(lines: list[str]) -> set[int]:
    """Indexes of the lines that underline a setext heading: "===" or "---" right under one
    line of text that stands alone (a blank line or the file's start above it) and is not a
    list item, a table row or an ATX heading. A "---" under a blank line is a rule, not this."""
    found: set[int] = set()
    fence = None
    for number, line in enumerate(lines):
        opener = FENCE.match(line)
        if opener:
            fence = None if fence == opener.group(1) else (fence or opener.group(1))
            continue
        if fence or number == 0 or not SETEXT.match(line.rstrip("\n")):
            continue
        text = lines[number - 1].strip()
        alone = number == 1 or not lines[number - 2].strip() or (number - 2) in found
        if (text and alone and len(text) <= 120 and not HEADING.match(text) and not BULLET.match(text)
                and not text.startswith(("|", ">")) and not ENUMERATED.match(text)
                and not re.match(r"^\d+[.)]\s", text) and (number - 1) not in found):
            found.add(number)
    return found


Heading = tuple[int, int, int, str, "str | None"]  # (start, end, level, title, lesson id if it opens one)


def _assemble(text: str, source: str, headings: list[Heading]) -> CourseDocument:
    """Module → lessons → sections from the headings of a file: a level-1 heading (or one whose
    lesson id is given) opens a lesson, any other heading a section of the current lesson."""
    module_title = source
    lessons: list[Lesson] = []
    current_lesson: Lesson | None = None
    top_index = 0
    skipping: int | None = None  # the level of a section about the document itself, while inside it
    for i, (start, end, level, title, given_id) in enumerate(headings):
        body_end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        rank = 1 if given_id is not None else level
        if skipping is not None and rank > skipping:
            continue  # a subsection of a revision history, a sign-off…
        skipping = rank if _aside(title) else None
        if skipping is not None:
            continue
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


def _aside(title: str) -> bool:
    """A section that is no teaching: a record of the document, or the apparatus around it."""
    return records_the_document(title) or frames_the_teaching(title)


def _blocks(body: str, offset: int, section_title: str) -> list[Block]:
    blocks: list[Block] = []
    for paragraph_start, paragraph_end in _paragraphs(body, offset):
        paragraph = body[paragraph_start - offset : paragraph_end - offset]
        if (all(is_decoration(line) for line in paragraph.split("\n")) or is_page_contents(paragraph)
                or links_elsewhere(paragraph)):
            continue  # a rule, an end marker, a page number, the page's own contents or links: nothing to teach
        for start, end, columns in _segments(paragraph, paragraph_start):
            raw = body[start - offset : end - offset]
            if columns == "grid" or columns == "tabs":
                table = (read_grid if columns == "grid" else read_tabs)(raw.split("\n"))
                if table is not None:
                    blocks.extend(_row_block(table.header, row.cells, start + row.start, start + row.end)
                                  for row in table.rows)
                continue
            if columns:
                blocks.extend(_aligned_rows(raw.split("\n"), start, columns, header_lines=1))
                continue
            defined = definitions(raw)
            if defined is not None:  # "Term" over ": definition": one "Term: definition" line each
                blocks.append(Block(kind="prose", text=clean_markup(defined), start=start, end=end))
                continue
            label = LABEL_LINE.match(raw)
            if label and not BULLET.match(raw[label.end():]):  # "Notes:" over a slide's notes: a label, not text
                start, raw = start + label.end(), raw[label.end():]
            kind = _classify(raw, section_title)
            if kind == "table":
                blocks.extend(_table_blocks(raw, start))
                continue
            blocks.append(Block(kind=kind, text=clean_markup(unwrap(raw)), start=start, end=end))
    # a change record ("Version | Date | Change") is the document's history, not its subject
    blocks = [b for b in blocks if b.kind != "table_row" or not records_changes(_row_labels(b.text))]
    return _pair_questions(blocks)


def _pair_questions(blocks: list[Block]) -> list[Block]:
    """An FAQ's "Q: …?" block and the "A: …" block under it as one block: the question's words
    then find its answer, and the answer is never read without what it answers."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and is_answer(block.text) and is_question(previous.text)
                and "\n" not in previous.text):
            out[-1] = Block(kind="prose", text=f"{previous.text}\n{block.text}", start=previous.start, end=block.end)
            continue
        out.append(block)
    return out


def _row_labels(text: str) -> list[str]:
    return [line.split(": ", 1)[0] for line in text.split("\n") if ": " in line]


def _item_line(line: str) -> bool:
    return bool(BULLET.match(line) or ENUMERATED.match(line) or ORDERED_ITEM.match(line))


def unwrap(raw: str) -> str:
    """Lines broken only to fit a width, joined: a line broken mid-sentence (it ends in neither
    . ! ? nor :) runs on into the next unless that one opens a list item, so a hard-wrapped
    paragraph is one line and a wrapped list item one item. A break after a sentence, a lead-in
    or a short label stays."""
    lines = raw.split("\n")
    out = [lines[0]]
    in_item = _item_line(lines[0])
    for line in lines[1:]:
        previous = out[-1].rstrip()
        bare = previous.rstrip("*_`\"' ")  # "**A question?**": the end of its words
        mid_sentence = len(bare.strip()) >= 30 and bare[-1:] not in ".!?:"
        if line.strip() and not _item_line(line) and (mid_sentence or (in_item and line[:1].isspace())):
            out[-1] = f"{previous} {QUOTE_MARK.sub('', line).strip()}"  # a wrapped line, or an item's indented one
        else:
            out.append(line)
            in_item = _item_line(line)
    return "\n".join(out)


# A line that only labels the text under it ("Notes:", "Speaker notes:"), with text below.
LABEL_LINE = re.compile(r"^[ \t]*[A-Za-z][A-Za-z ]{0,24}:[ \t]*\n(?=[ \t]*\S)")


CELL_GAP = re.compile(r"\S(?:\s(?!\s)|\S)*")  # a cell: words separated by single spaces


def _cell_starts(line: str) -> list[int]:
    """Where each cell of a line starts when cells are set apart by two spaces or more (a tab)."""
    return [match.start() for match in CELL_GAP.finditer(line.expandtabs(8))]


def _column_run(lines: list[str], first: int) -> tuple[int, list[int]] | None:
    """An aligned table without a rule starting at ``lines[first]`` (its header): (lines in
    the run, column starts). Every row's cells start where a header cell starts (a row may leave
    a cell empty); a header of two columns needs two rows under it, one of three or more one."""
    starts = _cell_starts(lines[first])
    if len(starts) < 2 or BULLET.match(lines[first]) or lines[first].lstrip().startswith("|"):
        return None
    count = 1
    for line in lines[first + 1 :]:
        cells = _cell_starts(line)
        if len(cells) < 2 or not all(any(abs(c - s) <= 1 for s in starts) for c in cells):
            break
        count += 1
    needed = 2 if len(starts) >= 3 else 3
    return (count, starts) if count >= needed else None


def _bare_pipe_run(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a row of a table written with bars between its cells but
    none around them ("Severity | Example | Who is told"): it and a neighbour have the same
    number of bars, two or more... or one, with three cells' worth of text either side."""
    bars = lines[index].count("|")
    if bars < 1:
        return False
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(line.count("|") == bars for line in neighbours)


def _segments(raw: str, offset: int) -> list[tuple[int, int, list[int] | str | None]]:
    """A paragraph cut where its lines change kind: a table (pipe rows, aligned columns without
    a rule, a bordered grid, tab-separated rows) and text after a list are blocks of their own,
    so a slide's table or its notes under its bullets are not read as one block. (start, end,
    layout) per piece, the layout being an aligned table's column starts, "grid" or "tabs" for
    a drawn table (`knowledge.text_tables`), or None; a paragraph of one kind, or a lead-in with
    its list, stays whole."""
    lines = raw.split("\n")
    if len(lines) < 2 or ALIGNED_RULE.search(raw):
        return [(offset, offset + len(raw), None)]
    kinds: list[str] = []
    columns: dict[int, list[int] | str] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        drawn = [(name, count) for name, count in (("grid", grid_run(lines, index)), ("tabs", tab_run(lines, index)))
                 if count]
        if drawn:
            name, count = drawn[0]
            columns[len(kinds)] = name
            kinds += [f"columns{index}"] * count
            index += count
            continue
        run = _column_run(lines, index)
        if run:
            count, starts = run
            columns[len(kinds)] = starts
            kinds += [f"columns{index}"] * count
            index += count
            continue
        if line.lstrip().startswith("|") or _bare_pipe_run(lines, index):
            kinds.append("pipe")
        elif BULLET.match(line) or (kinds and kinds[-1] == "bullet" and line[:1].isspace()):
            kinds.append("bullet")
        else:
            kinds.append("text")
        index += 1
    pieces: list[tuple[str, int, int]] = []  # (kind, first line, last line)
    for number, kind in enumerate(kinds):
        if pieces and pieces[-1][0] == kind:
            pieces[-1] = (kind, pieces[-1][1], number)
        else:
            pieces.append((kind, number, number))
    tabled = any(kind == "pipe" or kind.startswith("columns") for kind, _, _ in pieces)
    after_list = any(a[0] == "bullet" and b[0] == "text" for a, b in zip(pieces, pieces[1:]))
    if len(pieces) == 1 and pieces[0][0].startswith("columns"):  # the paragraph is one table
        return [(offset, offset + len(raw), columns[0])]
    if len(pieces) < 2 or not (tabled or after_list):
        return [(offset, offset + len(raw), None)]
    starts_at = [0]
    for line in lines:
        starts_at.append(starts_at[-1] + len(line) + 1)
    out = []
    for kind, first, last in pieces:
        start, end = offset + starts_at[first], offset + starts_at[last] + len(lines[last])
        out.append((start, end, columns.get(first) if kind.startswith("columns") else None))
    return out


def _cells(line: str) -> list[str]:
    return [clean_markup(cell).strip() for cell in line.strip().strip("|").split("|")]


def _table_blocks(raw: str, offset: int) -> list[Block]:
    """A table becomes one block per data row, each carrying the header so rows stand alone."""
    if not raw.lstrip().startswith("|") and ALIGNED_RULE.search(raw):
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
    starts = [match.start() for match in re.finditer(r"-{3,}", lines[rule_index])]
    kept = lines[:rule_index] + lines[rule_index + 1 :]
    rule_length = len(lines[rule_index]) + 1
    return _aligned_rows(kept, offset, starts, header_lines=rule_index, skipped=(rule_index, rule_length))


def _aligned_rows(lines: list[str], offset: int, starts: list[int], header_lines: int,
                  skipped: tuple[int, int] | None = None) -> list[Block]:
    """Rows of an aligned-column table, each cell cut at the column ``starts``: the first
    ``header_lines`` lines are the header, the rest rows (a line whose first cell is empty
    continues the row above). ``skipped``: (index, length) of a rule line taken out of ``lines``,
    so offsets still point into the source."""

    def cells(line: str) -> list[str]:
        line = line.expandtabs(8)
        bounds = starts[1:] + [max(len(line), starts[-1]) + 1]
        return [line[a:b].strip() for a, b in zip(starts, bounds)]

    header = [" ".join(parts).strip() for parts in zip(*(cells(line) for line in lines[:header_lines]))]
    blocks: list[Block] = []
    pos = offset + sum(len(line) + 1 for line in lines[:header_lines])
    if skipped is not None and skipped[0] <= header_lines:
        pos += skipped[1]
    rows: list[tuple[list[str], int, int]] = []
    for line in lines[header_lines:]:
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


def numbered_title(line: str, title_case: bool = True) -> tuple[str, str] | None:
    """(number, title) of a line that is a numbered title: "2. Temperature Control", "2.1 The
    Danger Zone" (Title Case; the title keeps its number, as the reader sees it in the file, so a
    citation names the heading the learner can find), or a labelled one, "Slide 7 — Spotting a Fake Sender", "Unit 3:
    Why it matters?" (the label marks it, so any capitalised title will do; a caption such as
    "Figure 2: …" or "Step 3: …" is not a heading). A numbered line standing alone needs no
    Title Case (``title_case=False``): its blank lines mark it already."""
    line = line.strip()
    if len(line) > 120:
        return None
    labelled = LABELLED_HEADING.match(line)
    if labelled and labelled.group(1).lower() not in CAPTION_LABELS:
        title = labelled.group(3).strip()
        if title[:1].isupper() or title[:1].isdigit():
            if title[-1:] not in ".:;,!" and len(title.split()) <= 16:
                return labelled.group(2), title
    numbered = NUMBERED_HEADING.match(line)
    if (numbered and numbered.group(2)[:1].isupper() and line[-1:] not in ".:;,?!"
            and (_title_case(numbered.group(2)) or not title_case)):
        return numbered.group(1), line  # the title as written, its number with it
    return None


def _plain_headings(text: str) -> list[Heading]:
    """Headings of a plain-text module: the first line when it stands alone (the module's title),
    every numbered or labelled title (`numbered_title`: "2. Temperature Control" opens lesson 2,
    "2.1 The Danger Zone" is a section of it, "Slide 7 — Title" opens lesson 7) on a line of its
    own or first in its paragraph, and a short Title Case line standing alone."""
    found: list[Heading] = []
    paragraphs = list(_paragraphs(text, 0))
    for index, (start, end) in enumerate(paragraphs):
        line = text[start:end].strip()
        if not found:
            titled = title_block(line)
            if titled is not None:  # "Title: …", "Version: …": document control, its title the module's
                if titled:
                    found.append((start, end, 1, titled, None))
                continue
        if END_MARK.match(line) or is_decoration(line):
            continue
        if "\n" in line:  # a numbered title on the first line of its paragraph, body text below it
            first = line.split("\n", 1)[0].strip()
            titled = numbered_title(first)
            if titled and not ALIGNED_RULE.search(line):
                number, title = titled
                depth = number.count(".") + 1
                head_end = text.index(first, start) + len(first)
                if index == 0 and LABELLED_HEADING.match(first):  # a deck's title slide names the module
                    found.append((start, head_end, 1, title, None))
                    continue
                found.append((start, head_end, depth + 1, title, number if depth == 1 else None))
            continue
        titled = numbered_title(line, title_case=False)
        if titled:
            number, title = titled
            depth = number.count(".") + 1
            level, given = (1, None) if index == 0 and LABELLED_HEADING.match(line) else (depth + 1, number if depth == 1 else None)
            found.append((start, end, level, title, given))
            continue
        if len(line) > 120 or line[-1:] in ".:;,?!" or ALIGNED_RULE.search(line):
            continue
        if index == 0:
            found.append((start, end, 1, line, None))
        elif _title_case(line):
            found.append((start, end, 3, line, None))
    return _dividers_open_parts(text, found)


def _dividers_open_parts(text: str, headings: list[Heading]) -> list[Heading]:
    """A numbered heading with nothing under it ("Slide 3 — Part 1: Your new role") divides the
    file into parts: when there are two or more, each opens a lesson and the numbered headings
    after it, up to the next divider, are its sections."""
    def empty(i: int) -> bool:
        following = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        return not text[headings[i][1]:following].strip()

    dividers = {i for i, heading in enumerate(headings) if heading[4] is not None and empty(i)
                and i + 1 < len(headings) and headings[i + 1][4] is not None}
    if len(dividers) < 2:
        return headings
    out: list[Heading] = []
    in_part = False
    for i, (start, end, level, title, given) in enumerate(headings):
        if i in dividers:
            in_part = True
            out.append((start, end, level, title, given))
        elif in_part and given is not None:
            out.append((start, end, level + 1, title, None))
        else:
            out.append((start, end, level, title, given))
    return out


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
        document = parse_text(converted.text, converted.source)
    else:
        document = parse_markdown(converted.text, converted.source)
    return _parts_where_none(document), converted


def _parts_where_none(document: CourseDocument) -> CourseDocument:
    """A long document with no structure of its own (one section) split where its topic shifts
    (`knowledge.segments`); any other document as it is."""
    if sum(len(lesson.sections) for lesson in document.lessons) != 1:
        return document
    from knowledge.embeddings import get_embedder
    from knowledge.segments import segment_document

    return segment_document(document, get_embedder().encode)


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
