"""PDF course files, read with pdfplumber (MIT; on pdfminer.six, MIT).

pdfplumber gives every character with its font and size, and finds ruled tables, which is what
a course PDF's structure is made of: a line set larger than the body text is a heading (the
larger, the higher), a short line all in bold is a heading below those, and a numbered Title
Case line ("2.1 The Danger Zone") is a section; tables become pipe tables (one indexed row
each); the body's lines are joined into paragraphs where the gap between lines widens, bullet
glyphs start "- " list items and the next number of a numbered list ("1 Introduce…", "2. Describe…")
starts a numbered item. Page numbers and lines repeated at the same place on most
pages (running heads) are dropped. A page set in columns is read column by column
(`pdf_columns`); footnotes follow the paragraph that calls them and a boxed sidebar's title
labels its text (`pdf_asides`).

Refused, by name: a PDF that needs a password, one with no text layer (a scan: every page only
images), and one that is not a readable PDF at all.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from statistics import median

from knowledge.formats import Converted
from knowledge.formats.layout import Layout, heading_like, numbered_depth
from knowledge.formats.pdf_asides import boxes, footnotes, frames
from knowledge.formats.pdf_columns import gutter_of, region_of, regions
from knowledge.furniture import frames_the_teaching
from knowledge.formats.pdf_deck import read_deck
from knowledge.formats.slides import deck_markdown
from knowledge.parsing import CorpusError

BULLETS = "•◦▪▫‣∙●○■□–-*"
# A glyph the font does not map to text, drawn before a line's words: a bullet in a symbol font.
UNMAPPED_BULLET = re.compile(r"^\(cid:\d+\)\s+(?=\S)")
NUMBER_PREFIX = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s")
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)
# A numbered list item as a PDF draws it: its number, a dot or bracket or nothing, then the step.
NUMBERED_ITEM = re.compile(r"^(\d{1,2})[.)]?\s+(?=[A-Z\"\u201c(])")
HEADING_SIZE_RATIO = 1.15  # this much larger than the body text makes a line a heading


def _open(path: Path, data: bytes):
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018  (reads the page tree: a broken or locked file fails here)
        return pdf
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        name = type(cause).__name__
        if "Password" in name or "Encrypt" in name:
            raise CorpusError(
                f"{path}: the PDF is encrypted and needs a password to read; save a copy "
                "without a password (print or export it to PDF again) and ingest that"
            ) from None
        raise CorpusError(f"{path}: not a readable PDF ({name}); export it to PDF again") from None
    except Exception as exc:  # noqa: BLE001  # pdfminer raises many types for a broken file
        raise CorpusError(
            f"{path}: not a readable PDF ({type(exc).__name__}); export it to PDF again"
        ) from None


def _lines(page, tables, split: list[tuple[float, float, float, float]] | None = None) -> list[dict]:
    """The page's text lines outside its tables, in reading order: text, top, bottom, x0, x1,
    size, bold, and pos (the region of the page it stands in, then its top: see
    `pdf_columns`). A page set in columns (``split``) is read region by region."""
    if split is None:
        return _region_lines(page, tables, 0)
    lines = []
    for index, (x0, top, x1, bottom) in enumerate(split):
        def inside(obj, x0=x0, top=top, x1=x1, bottom=bottom) -> bool:
            if obj.get("object_type") != "char":
                return True
            x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
            return x0 <= x < x1 and top <= y < bottom
        lines += _region_lines(page.filter(inside), tables, index)
    return lines


def _region_lines(page, tables, region: int) -> list[dict]:
    boxes = [table.bbox for table in tables]
    lines = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        middle = (line["top"] + line["bottom"]) / 2
        if any(x0 <= line["x0"] + 1 and line["x1"] - 1 <= x1 and top <= middle <= bottom
               for x0, top, x1, bottom in boxes):
            continue
        chars = [char for char in line["chars"] if char["text"].strip()]
        if not chars:
            continue
        bold = sum(bool(BOLD_FONT.search(char.get("fontname", ""))) for char in chars)
        lines.append({
            "text": line["text"].strip(),
            "top": line["top"],
            "bottom": line["bottom"],
            "x0": line["x0"],
            "x1": line["x1"],
            "size": round(median(char["size"] for char in chars), 1),
            "bold": bold >= 0.9 * len(chars),
            "pos": (region, line["top"]),
        })
    return lines


def _running_key(line: dict) -> tuple[str, int]:
    """A line as running heads and feet are compared: its text with any number left out (a foot
    reads "slide 3 / 42" on one page, "slide 4 / 42" on the next), and its height."""
    return re.sub(r"\d+", "#", line["text"]), round(line["top"])


def _words(text: str) -> bool:
    """Whether a line has words (a bullet glyph drawn alone, "(cid:127)" as pdfminer names an
    unmapped one, has none: repeated at one height it is still no running head)."""
    return any(char.isalpha() for char in re.sub(r"\(cid:\d+\)", "", text))


def _running_lines(pages: list[list[dict]]) -> set[tuple[str, int]]:
    """`_running_key` of lines repeated at the same height on most pages: running heads and feet."""
    if len(pages) < 3:
        return set()
    seen = Counter()
    for page in pages:
        seen.update({_running_key(line) for line in page if _words(line["text"])})
    return {key for key, count in seen.items() if count >= max(3, 0.6 * len(pages))}


def _ruled_tables(page) -> list:
    """The page's ruled tables with two columns or more: a frame drawn around text (a slide's
    background, a coloured band, a box) is found as a table of one column, and is not one."""
    return [table for table in page.find_tables()
            if any(sum(cell is not None for cell in row) >= 2 for row in table.extract())]


def convert_pdf(path: Path, data: bytes) -> Converted:
    with _open(path, data) as pdf:
        pages: list[list[dict]] = []
        tables: list[list[tuple[float, list]]] = []
        # the same pages read column by column where they are set in columns (see pdf_columns)
        read: list[list[dict]] = []
        placed: list[list[tuple[tuple[int, float], list]]] = []
        drawn: list[list[tuple[float, float, float, float]]] = []
        images = 0
        sizes: list[tuple[float, float]] = []
        gutters = [gutter_of(page) for page in pdf.pages]
        found_gutters = [round(gutter) for gutter in gutters if gutter is not None]
        # most pages in columns: a short page without a gutter of its own is read with theirs
        common = (Counter(found_gutters).most_common(1)[0][0]
                  if len(found_gutters) * 2 >= len(pdf.pages) and found_gutters else None)
        for page, gutter in zip(pdf.pages, gutters):
            found = _ruled_tables(page)
            sizes.append((float(page.width), float(page.height)))
            pages.append(_lines(page, found))
            tables.append([(table.bbox[1], table.extract()) for table in found])
            split = regions(page, gutter if gutter is not None else common)
            read.append(_lines(page, found, split) if split else pages[-1])
            placed.append([((region_of(split, (table.bbox[0] + table.bbox[2]) / 2, table.bbox[1]) if split else 0,
                             table.bbox[1]), rows) for table, (_, rows) in zip(found, tables[-1])])
            drawn.append(frames(page, found))
            images += len(page.images)
        page_count = len(pdf.pages)
    if not any(pages) and not any(tables):
        what = "only images (a scanned document?)" if images else "no text"
        raise CorpusError(
            f"{path}: no text layer: its {page_count} page(s) hold {what}; run OCR on it "
            "(e.g. ocrmypdf) or export the text from the document it was made from"
        )
    running = _running_lines(pages)
    slides = read_deck(pages, sizes, tables,
                       lambda line: _running_key(line) in running or bool(PAGE_NUMBER.match(line["text"])))
    if slides is not None:  # a slide deck: one slide per page, its framing slides known by layout
        from knowledge.embeddings import get_embedder

        return Converted(text=deck_markdown(slides, get_embedder().encode), source=path.name, syntax="markdown")
    pages, tables = read, placed
    for lines, frames_ in zip(pages, drawn):
        boxes(lines, frames_)
    running = _running_lines(pages)
    body_lines = [line for page in pages for line in page]
    sizes = Counter()
    for line in body_lines:
        sizes[line["size"]] += len(line["text"])
    body = sizes.most_common(1)[0][0] if sizes else 0
    heading_sizes = sorted(
        {line["size"] for line in body_lines
         if line["size"] >= body * HEADING_SIZE_RATIO and heading_like(line["text"])},
        reverse=True,
    )
    size_rank = {size: rank for rank, size in enumerate(heading_sizes)}
    below = len(heading_sizes)  # bold and numbered headings rank under every larger font

    gaps = [b["top"] - a["bottom"] for page in pages for a, b in zip(page, page[1:])
            if a["size"] == b["size"] == body and b["top"] > a["bottom"] - 1]
    # The gap between lines of one paragraph: the lower quartile (paragraph breaks are wider).
    usual_gap = sorted(gaps)[len(gaps) // 4] if gaps else 2.0

    layout = Layout()
    _read(pages, tables, layout, running, size_rank, below, body, usual_gap)
    if not layout.items:
        raise CorpusError(f"{path}: no text found in the PDF; nothing to index")
    text = layout.render()
    syntax = "markdown" if layout.has_headings else "text"
    return Converted(text=text, source=path.name, syntax=syntax)


def _heading_rank(line: dict, size_rank: dict, below: int, body: float) -> float | None:
    if not heading_like(line["text"]):
        return None
    if line["size"] in size_rank:
        return size_rank[line["size"]]
    depth = numbered_depth(line["text"])
    if line["bold"]:
        # set in bold, a numbered line is a heading whatever the case of its words ("7.1 What it is")
        numbered = NUMBER_PREFIX.match(line["text"])
        depth = depth or (numbered.group().strip().rstrip(".").count(".") + 1 if numbered else None)
        return below + (depth or 1) - 1
    if depth is not None and line["size"] >= body:
        return below + depth - 1
    return None


SENTENCE_END = tuple('.!?:;"\u201d)')


def _read(pages, tables, layout: Layout, running, size_rank, below, body, usual_gap) -> None:
    """Every page's lines and tables in reading order into ``layout``. A paragraph or a wrapped
    heading cut by a page break goes on at the top of the next page (the break is not a gap)."""
    paragraph: list[str] = []
    bullet: bool | int = False  # True for a bulleted item, its number for a numbered one
    last: dict | None = None
    last_rank: float | None = None

    number = 0  # the number of the last numbered item read ("1 Introduce yourself…")
    notes = footnotes(pages, body)
    due: list[str] = []  # footnotes called from the paragraph being read: they follow it
    label = ""  # a boxed sidebar's title, to lead its first paragraph

    def flush() -> None:
        nonlocal paragraph, bullet
        if paragraph:
            text = _join(paragraph)
            if bullet is True:
                layout.item(text)
            elif bullet:
                layout.item(text, number=bullet)
            else:
                layout.paragraph(text)
        for note in due:
            layout.paragraph(note)
        due.clear()
        paragraph, bullet = [], False

    for lines, page_tables in zip(pages, tables):
        pending = sorted(page_tables, key=lambda item: item[0])
        new_page = True
        for line in lines:
            if id(line) in notes.lines or id(line) in notes.calls:
                continue  # a footnote and its call: the note is written after the paragraph that calls it
            while pending and pending[0][0] < line["pos"]:
                flush()
                layout.table(pending.pop(0)[1])
                last, last_rank = None, None
            text = UNMAPPED_BULLET.sub("\u2022 ", line["text"])
            if _running_key(line) in running or PAGE_NUMBER.match(text):
                continue
            if last is not None and line["pos"][0] != last["pos"][0]:
                new_page = True  # the next column or band goes on as the next page does
            rank = _heading_rank(line, size_rank, below, body)
            if (rank is not None and line.get("box_title") and not NUMBER_PREFIX.match(text)
                    and not frames_the_teaching(text)):
                flush()  # a sidebar's title labels the box; the box stays in its section
                label = text.rstrip(":")
                last, last_rank, new_page = line, None, False
                continue
            if rank is not None:
                flush()
                gap = None if last is None else (0 if new_page else line["top"] - last["bottom"])
                if (last_rank == rank and gap is not None and gap < line["size"]
                        and numbered_depth(text) is None
                        and layout.items and layout.items[-1].kind == "heading"):
                    layout.items[-1].text += f" {text}"  # a title wrapped over two lines
                else:
                    layout.heading(text, rank)
                last, last_rank, new_page = line, rank, False
                continue
            starts_bullet = text[:1] in BULLETS and text[1:2] == " "
            numbered = NUMBERED_ITEM.match(text)
            if numbered and int(numbered.group(1)) not in (1, number + 1):
                numbered = None  # "15 minutes is…": a number in a sentence, not the next step
            if new_page and last is not None and last_rank is None:
                # the page broke a paragraph unless the last line closed a sentence
                breaks = paragraph[-1:] == [] or paragraph[-1].endswith(SENTENCE_END)
            else:
                gap = line["top"] - last["bottom"] if last else 0
                breaks = last is None or last_rank is not None or gap > usual_gap * 1.5 + 2
            if starts_bullet or numbered or breaks or (last is not None and line["size"] != last["size"]):
                flush()
            if starts_bullet:
                bullet = True
                text = text[2:].strip()
            elif numbered:
                number = int(numbered.group(1))
                bullet = number
                text = text[numbered.end():].strip()
            elif breaks and not paragraph:
                number = 0  # a paragraph between two lists: the next list counts from 1 again
            if label and not paragraph:
                text, label = f"{label}{' —' if ':' in label else ':'} {text}", ""
            paragraph.append(text)
            due.extend(notes.after.get(id(line), []))
            last, last_rank, new_page = line, None, False
        if pending:  # a table at the foot of a page ends what came before it
            flush()
            for _, rows in pending:
                layout.table(rows)
            last, last_rank = None, None
    flush()


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as running text; a line ending in a hyphen joins the next without
    a space ("e-" + "commerce")."""
    text = ""
    for line in lines:
        if text.endswith("-") and text[-2:-1].isalpha():
            text += line
        else:
            text = f"{text} {line}".strip()
    return text
