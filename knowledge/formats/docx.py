"""Word (.docx) course files, read with python-docx (MIT).

Paragraph styles carry the structure: "Title" and "Heading N" are headings in that order; a
short paragraph all in bold, or a numbered Title Case line ("2.1 The Danger Zone"), is a
heading below them; list paragraphs become "- " items; tables become pipe tables, one indexed
row each (a cell merged across columns counted once). Body paragraphs and tables are read in
document order. Document control is not course text: a title block before the first part ("Field:
value" paragraphs, or a two-column table of them) gives the module's title when no paragraph is
styled "Title", and a table of contents (the "TOC" styles) is skipped.

Refused, by name: a file that is not a ZIP package, a ZIP that is not a Word document (no
word/document.xml: an archive of something else renamed .docx), and one whose parts would
expand far past the ingest limit.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from knowledge.formats import Converted
from knowledge.formats.layout import Layout, heading_like, numbered_depth
from knowledge.furniture import FIELD_LINE, title_block
from knowledge.parsing import CorpusError

EXPANSION = 20  # a document may unpack to this many times the ingest limit, no more
HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
BELOW_STYLES = 10  # rank of an inferred heading: under every styled one


def _check_package(path: Path, data: bytes, max_bytes: int) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise CorpusError(
            f"{path}: not a Word document (a .docx is a ZIP package, this file is not one); "
            "open it in Word and save it as .docx"
        ) from None
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
            raise CorpusError(
                f"{path}: not a Word document: a ZIP archive without word/document.xml "
                f"(it holds {shown or 'nothing'}); save the course text from Word as .docx"
            )
        expanded = sum(info.file_size for info in archive.infolist())
        if expanded > EXPANSION * max_bytes:
            raise CorpusError(
                f"{path}: its parts expand to {expanded:,} bytes, over {EXPANSION} times the "
                f"{max_bytes:,}-byte ingest limit (ADVISOR_MAX_INGEST_BYTES); split the document"
            )


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


def convert_docx(path: Path, data: bytes, max_bytes: int) -> Converted:
    _check_package(path, data, max_bytes)
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
    for block in blocks:
        if isinstance(block, Table):
            rows = _rows(block)
            pairs = [f"{row[0]}: {row[1]}" for row in rows if len(row) == 2 and row[0] and row[1]]
            if not started and len(pairs) == len(rows) and title_block("\n".join(pairs)) is not None:
                fields += pairs  # a title block laid out as a two-column table
                continue
            started = True
            layout.table(rows)
            continue
        text = block.text.strip()
        if not text or _style_name(block).lower().startswith("toc"):
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
        elif heading_like(text) and (_all_bold(block) or numbered_depth(text)):
            layout.heading(text, BELOW_STYLES + (numbered_depth(text) or 1) - 1)
        else:
            layout.paragraph(text)
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
