"""Word (.docx) course files, read with python-docx (MIT).

Paragraph styles carry the structure: "Title" and "Heading N" are headings in that order; a
short paragraph all in bold, or a numbered Title Case line ("2.1 The Danger Zone"), is a
heading below them; list paragraphs become "- " items; tables become pipe tables, one indexed
row each. Body paragraphs and tables are read in document order.

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


def _style_rank(paragraph) -> float | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
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
    for block in blocks:
        if isinstance(block, Table):
            layout.table([[cell.text for cell in row.cells] for row in block.rows])
            continue
        text = block.text.strip()
        if not text:
            continue
        rank = _style_rank(block)
        if rank is not None:
            layout.heading(text, rank)
        elif _is_list(block):
            layout.item(text)
        elif heading_like(text) and (_all_bold(block) or numbered_depth(text)):
            layout.heading(text, BELOW_STYLES + (numbered_depth(text) or 1) - 1)
        else:
            layout.paragraph(text)
    if not layout.items:
        raise CorpusError(f"{path}: the Word document has no text; nothing to index")
    return Converted(text=layout.render(), source=path.name,
                     syntax="markdown" if layout.has_headings else "text")
