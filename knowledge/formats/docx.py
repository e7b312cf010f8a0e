"""Word (.docx) course files, read with python-docx (MIT).

Paragraph styles carry the structure: "Title" and "Heading N" are headings in that order; a
short paragraph all in bold, or a numbered Title Case line ("2.1 The Danger Zone"), is a
heading below them; list paragraphs become "- " items; tables become pipe tables, one indexed
row each (a cell merged across columns counted once). Body paragraphs and tables are read in
document order. Document control is not course text: a title block before the first part ("Field:
value" paragraphs, or a two-column table of them) gives the module's title when no paragraph is
styled "Title", and a table of contents (the "TOC" styles, or typed lines with dotted leaders
and page numbers) is skipped.

A document formatted by hand has no heading styles: its headings are bold lines set in larger
sizes. (Bold, or only larger: a short line set in a heading size.) The sizes then rank them (the largest highest, a numbered heading's depth breaking a tie),
and a bold line at body size that carries no number ("The safe range", "Sample letter") is a
run-in label of the text under it, read with that text, not a section of its own.

Refused, by name: a file that is not a ZIP package, a ZIP that is not a Word document (no
word/document.xml: an archive of something else renamed .docx), and one whose parts would
expand far past the ingest limit.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from knowledge.formats import Converted
from knowledge.formats.layout import Layout, heading_like, numbered_depth
from knowledge.formats.package import PackageFormat, check_package
from knowledge.furniture import FIELD_LINE, contents_entry, records_the_document, title_block
from knowledge.parsing import NUMBERED_HEADING, CorpusError

WORD = PackageFormat(kind="a Word document", suffix=".docx", app="Word", main_part="word/document.xml",
                    save_what="the course text", whole="document")

HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
BELOW_STYLES = 10  # rank of an inferred heading: under every styled one
MAX_TITLE_WORDS = 14  # a line set large but not bold is a heading only when this short
DEFAULT_SIZE = 139700  # 11 pt in EMU: Word's body text size when a document sets none


def _style_name(paragraph) -> str:
    return (paragraph.style.name if paragraph.style is not None else "") or ""


def _rows(table) -> list[list[str]]:
    """A table's rows; a cell merged across columns keeps its text in its first column only."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            cells.append("" if id(cell._tc) in seen else cell.text)
            seen.add(id(cell._tc))
        rows.append(cells)
    return rows


def _paragraph(text: str):
    from knowledge.formats.layout import _Item

    return _Item("paragraph", " ".join(text.split()))


def _heading(text: str):
    from knowledge.formats.layout import _Item

    return _Item("heading", " ".join(text.split()), 0)


def _style_rank(paragraph) -> float | None:
    name = _style_name(paragraph)
    if name.lower() == "title":
        return 0
    match = HEADING_STYLE.match(name.strip())
    return int(match.group(1)) if match else None


def _is_list(paragraph) -> bool:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    properties = paragraph._p.pPr
    return "list" in name.lower() or (properties is not None and properties.numPr is not None)


def _all_bold(paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(
        run.bold or (run.style is not None and run.style.font.bold) for run in runs
    )


def _inferred_heading(paragraph, text: str, sizes: list[int] = ()) -> bool:
    """A paragraph not styled as a heading that reads as one: a short bold line, a numbered
    Title Case title ("2.1 The Danger Zone"), or a short line set in one of the document's
    heading sizes (``sizes``), bold or not."""
    return heading_like(text) and (_all_bold(paragraph) or bool(numbered_depth(text))
                                   or (_size(paragraph) in sizes and _short(text)))


def _short(text: str) -> bool:
    return len(text.split()) <= MAX_TITLE_WORDS


def _size(paragraph) -> int | None:
    """The largest font size set on a paragraph's text (its runs, else its style's chain)."""
    sizes = [run.font.size for run in paragraph.runs if run.text.strip() and run.font.size]
    if sizes:
        return max(sizes)
    style = paragraph.style
    while style is not None:
        if style.font.size:
            return style.font.size
        style = style.base_style
    return None


def _heading_sizes(blocks: list, table_type) -> list[int]:
    """The font sizes, largest first, at which a hand-formatted document sets its headings: the
    sizes of its heading-like lines (bold, or short) larger than its body text (the size most of
    its text is set in). Empty when the headings are not set apart by size."""
    weights: dict[int | None, int] = {}
    for block in blocks:
        if not isinstance(block, table_type) and block.text.strip():
            size = _size(block)
            weights[size] = weights.get(size, 0) + len(block.text)
    if not weights:
        return []
    body = max(weights, key=lambda size: weights[size])
    body = body if body is not None else DEFAULT_SIZE
    found = {_size(block) for block in blocks
             if not isinstance(block, table_type) and _style_rank(block) is None and not _is_list(block)
             and block.text.strip() and heading_like(block.text.strip())
             and (_all_bold(block) or _short(block.text.strip()))}
    return sorted((size for size in found if size is not None and size > body), reverse=True)


def _inferred_rank(paragraph, text: str, sizes: list[int]) -> float | None:
    """The rank of a heading not styled as one: below every styled heading; set in a larger
    size, ranked by that size (the larger the higher) and then by its number's depth ("4." over
    "4.2"). Where the document sets its headings apart by size, a bold line at body size is a
    heading only when numbered; otherwise a run-in label (None). Without sizes, every bold line
    or numbered Title Case title ranks by its number's depth."""
    if not sizes:
        return BELOW_STYLES + (numbered_depth(text) or 1) - 1
    depth = _number_depth(text)
    size = _size(paragraph)
    if size in sizes:
        return BELOW_STYLES + sizes.index(size) + 0.1 * ((depth or 1) - 1)
    if depth is None:
        return None
    return BELOW_STYLES + len(sizes) + 0.1 * (depth - 1)


def _number_depth(text: str) -> int | None:
    """1 for "3. Feeding fish", 2 for "3.2 how much to give": the depth of a heading's own
    number, whatever the case of its words (its bold or size already marks it a heading)."""
    match = NUMBERED_HEADING.match(text.strip())
    return match.group(1).count(".") + 1 if match and match.group(2)[:1].isalpha() else None


def convert_docx(path: Path, data: bytes, max_bytes: int) -> Converted:
    check_package(path, data, max_bytes, WORD)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
    except Exception as exc:  # noqa: BLE001  # python-docx/lxml raise many types for a broken part
        raise CorpusError(
            f"{path}: could not be read as a Word document ({type(exc).__name__}); "
            "open it in Word and save it as .docx again"
        ) from None
    layout = Layout()
    fields: list[str] = []  # "Field: value" lines met before the first part: a title block, if enough
    started = False  # a part heading or body text has been read
    sizes = _heading_sizes(blocks, Table)
    label: str | None = None  # a bold run-in label waiting for the paragraph it introduces
    for block in blocks:
        text = "" if isinstance(block, Table) else block.text.strip()
        if label is not None and (isinstance(block, Table) or text):
            rank, listed = (None, False) if isinstance(block, Table) else (_style_rank(block), _is_list(block))
            if text and rank is None and not listed and not _inferred_heading(block, text, sizes):
                layout.paragraph(f"{label}: {text}" if label[-1:].isalnum() else f"{label} {text}")
                label = None
                continue
            layout.paragraph(label)
            label = None
        if isinstance(block, Table):
            rows = _rows(block)
            pairs = [f"{row[0]}: {row[1]}" for row in rows if len(row) == 2 and row[0] and row[1]]
            if not started and len(pairs) == len(rows) and title_block("\n".join(pairs)) is not None:
                fields += pairs  # a title block laid out as a two-column table
                continue
            started = True
            layout.table(rows)
            continue
        if not text or _style_name(block).lower().startswith("toc") or contents_entry(text):
            continue  # a table of contents repeats the headings, with page numbers
        rank = _style_rank(block)
        if not started and rank is None and FIELD_LINE.match(text):
            fields.append(text)
            continue
        if rank is None or rank > 0:
            started = True
        if rank is not None:
            layout.heading(text, rank)
        elif _is_list(block):
            layout.item(text)
        elif _inferred_heading(block, text, sizes):
            inferred = _inferred_rank(block, text, sizes)
            if inferred is not None:
                layout.heading(text, inferred)
            elif not records_the_document(text):  # a run-in label; "Contents" over a typed table of contents: nothing
                label = text
        else:
            layout.paragraph(text)
    if label is not None:
        layout.paragraph(label)
    titled = title_block("\n".join(fields))
    if titled is None:  # too few field lines for a title block: they are text
        for line in reversed(fields):
            layout.items.insert(0, _paragraph(line))
    elif titled and not any(item.kind == "heading" and item.rank == 0 for item in layout.items):
        layout.items.insert(0, _heading(titled))  # the block's title names the module
    if not layout.items:
        raise CorpusError(f"{path}: the Word document has no text; nothing to index")
    return Converted(text=layout.render(), source=path.name,
                     syntax="markdown" if layout.has_headings else "text")
