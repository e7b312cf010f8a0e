"""OpenDocument Text course files (.odt as LibreOffice Writer saves them, and the flat one-file
.fodt), read with the standard library's zipfile and XML parser.

An .odt is a ZIP package (``mimetype`` first, ``META-INF/manifest.xml``, ``meta.xml``,
``styles.xml``, ``content.xml``); a .fodt is the same document as one XML file. The body of
``content.xml`` is read in document order into the Markdown the course parser reads
(`knowledge.formats.layout.Layout`):

- Headings are ``<text:h>`` at their ``text:outline-level`` (a paragraph whose style carries an
  outline level counts as one), under a paragraph styled "Title", which names the module (else the
  document's ``dc:title``, else its file name). A heading keeps its words as the document shows
  them, a number typed into it ("2. Feeding") or the number the outline style draws before it.
  A document with no outline headings at all, formatted by hand, has its short all-bold lines
  and numbered Title Case lines as headings, as the Word reader infers them.
- Paragraphs are their spans' text; a tab is a space, except in lines set out in columns with
  tabs ("Date⇥Reading⇥Result" over rows of values), which are a table; a soft line break after a
  lead-in ending in a colon stays a line break (the formula under it is a line of its own, where
  a rule is read), one after a sentence or mid-sentence runs on, and one after a line with no
  closing punctuation (a formula, a label set on a line of its own) ends that paragraph.
- Lists (``<text:list>``), nested at any depth, are "- " items (indented under their parent item),
  numbered "1." where the list style numbers them; a list item holding a heading is that heading.
- Tables are pipe tables with their header rows (a cell merged across columns once, repeated
  empty cells once); their "Table N: …" caption paragraph stays where the document has it. A
  one-cell table is a box (a tip, a warning), as is a run of framed paragraphs (a border or
  shading on their style) or a text frame: its paragraphs are text where they stand, a short bold
  title line ("Warning") joined to the text under it.
- A footnote or endnote (``<text:note>``) follows the paragraph that calls it, or the list or
  table it is called in, as a paragraph of its own, without its number: the sentence that cites
  it reads on unbroken.

Never indexed: tracked deletions, comments (``office:annotation``), hidden text and sections,
placeholders, tables of contents and indexes (they repeat the headings), images and embedded
objects, and the page headers and footers (they live in ``styles.xml``, which is read for its
styles only).

Refused, each by the file's name with the fix: an .odt that is not a ZIP package, a ZIP without
``content.xml``, one whose parts expand past the ingest limit (`package.check_package`), an
OpenDocument file of another kind (a spreadsheet or a presentation, by its ``mimetype``), a
document saved with a password, XML that is not well formed or declares entities, and a document
with no text.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.formats import Converted
from knowledge.formats.layout import Layout, heading_like, numbered_depth
from knowledge.formats.odt_styles import ListLevel, Styles, number_label, qname, read_styles
from knowledge.formats.package import PackageFormat, check_package, parse_part
from knowledge.formats.package import local_name as _local
from knowledge.parsing import NUMBERED_HEADING, CorpusError

WRITER = "LibreOffice Writer"
DOCUMENT = PackageFormat(kind="an OpenDocument text", suffix=".odt", app=WRITER, main_part="content.xml",
                         save_what="the course text", whole="document")

TEXT_TYPES = {"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template",
              "application/vnd.oasis.opendocument.text-master"}
OTHER_KINDS = {"spreadsheet": "a spreadsheet", "presentation": "a presentation", "graphics": "a drawing",
               "formula": "a formula", "chart": "a chart", "database": "a database"}
# What is never course text: it repeats the headings (a table of contents, an index), records
# edits (tracked deletions), comments on the text, or holds no words (declarations, forms).
SKIPPED = {qname(name) for name in (
    "text:table-of-content", "text:alphabetical-index", "text:illustration-index", "text:table-index",
    "text:object-index", "text:user-index", "text:bibliography", "text:tracked-changes",
    "office:annotation", "office:annotation-end", "office:forms", "text:sequence-decls",
    "text:variable-decls", "text:user-field-decls", "text:dde-connection-decls", "table:named-expressions",
    "text:note-citation", "text:ruby-text", "text:placeholder", "text:number", "text:soft-page-break", "table:table-columns", "table:table-column", "table:table-column-group")
} | {"{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
     "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc"}
INDEXES = {qname(name) for name in ("text:table-of-content", "text:alphabetical-index", "text:illustration-index",
                                 "text:table-index", "text:object-index", "text:user-index", "text:bibliography")}
BELOW_OUTLINE = 10  # rank of a heading inferred in a hand-formatted document: under every styled one
MAX_TITLE_WORDS = 14  # a bold line is a heading (or a box's title) only when this short
MAX_LABEL_WORDS = 6  # a box's own title line ("Warning", "Did you know?"): this short at most
MAX_REPEAT = 50  # a cell or row repeated more often than this is layout padding, not content


@dataclass
class _Run:
    text: str
    bold: bool


@dataclass
class _Inline:
    """A paragraph's text as runs (with their weight), and what it holds that is read elsewhere:
    the notes it calls and the text frames anchored in it."""

    runs: list[_Run] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    frames: list[ET.Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def all_bold(self) -> bool:
        words = [run for run in self.runs if run.text.strip()]
        return bool(words) and all(run.bold for run in words)


class _Reader:
    def __init__(self, styles: Styles):
        self.styles = styles
        self.layout = Layout()
        self.notes: list[str] = []  # called by the block being read; placed after it
        self.frames: list[ET.Element] = []
        self.outline_counts: dict[int, int] = {}
        self.list_counts: dict[str, list[int]] = {}  # a list style → its counters, for continued lists
        self.has_outline = False
        self.titled = False

    # ---- inline text -------------------------------------------------------------------
    def inline(self, element: ET.Element, bold: bool = False, into: _Inline | None = None) -> _Inline:
        out = into if into is not None else _Inline()
        if element.get(qname("text:style-name")) and element.tag != qname("text:p") and element.tag != qname("text:h"):
            found = self.styles.bold("text", element.get(qname("text:style-name")))
            bold = found if found is not None else bold
        if element.text:
            out.runs.append(_Run(element.text, bold))
        for child in element:
            tag = child.tag
            if tag == qname("text:s"):
                count = child.get(qname("text:c"), "1")
                out.runs.append(_Run(" " * (int(count) if count.isdigit() else 1), bold))
            elif tag == qname("text:tab"):
                out.runs.append(_Run("\t", bold))
            elif tag == qname("text:line-break"):
                out.runs.append(_Run("\n", bold))
            elif tag == qname("text:note"):
                body = child.find(qname("text:note-body"))
                if body is not None:
                    note = " ".join(self.block_text(body).split())
                    if note:
                        out.notes.append(note)
            elif tag == qname("draw:frame") or tag == qname("draw:a"):
                out.frames += [box for box in child.iter(qname("draw:text-box"))]
            elif tag == qname("text:hidden-text") and child.get(qname("text:is-hidden"), "true") != "false":
                pass
            elif tag in SKIPPED:
                pass
            else:
                self.inline(child, bold, out)
            if child.tail:
                out.runs.append(_Run(child.tail, bold))
        return out

    def block_text(self, element: ET.Element) -> str:
        """Every paragraph's words under ``element`` (a note's body, a table cell), one line each."""
        lines = []
        for child in element.iter():
            if child.tag in (qname("text:p"), qname("text:h")):
                lines.append(" ".join(self.inline(child).text.split()))
        return "\n".join(line for line in lines if line)

    # ---- blocks ------------------------------------------------------------------------
    def read(self, body: ET.Element) -> None:
        self.has_outline = any(True for _ in body.iter(qname("text:h"))) or any(
            self.styles.outline_level(p.get(qname("text:style-name"), "")) for p in body.iter(qname("text:p")))
        self.blocks(list(body))

    def blocks(self, elements: list[ET.Element], boxed: bool = False) -> None:
        index = 0
        while index < len(elements):
            element = elements[index]
            if element.tag == qname("text:p") and not boxed and self._boxed(element):
                run = [element]
                while index + 1 < len(elements) and elements[index + 1].tag == qname("text:p") \
                        and self._boxed(elements[index + 1]):
                    index += 1
                    run.append(elements[index])
                self.box(run)
            else:
                self.block(element, boxed)
            self.flush()
            index += 1

    def flush(self) -> None:
        """The notes and text frames of the block just read, after it."""
        notes, frames = self.notes, self.frames
        self.notes, self.frames = [], []
        for note in notes:
            self.layout.paragraph(note)
        for frame in frames:
            self.box(list(frame))
            self.flush()

    def _boxed(self, paragraph: ET.Element) -> bool:
        """A framed paragraph: a border or shading on its style (a title or heading ruled off
        under its words is still a heading)."""
        style = paragraph.get(qname("text:style-name"), "")
        return (self.styles.boxed(style) and not self.styles.outline_level(style)
                and "title" not in self.styles.names(style))

    def block(self, element: ET.Element, boxed: bool = False) -> None:
        tag = element.tag
        if tag == qname("text:h"):
            self.heading_element(element)
        elif tag == qname("text:p"):
            self.paragraph(element, boxed)
        elif tag == qname("text:list"):
            self.list(element, 0, None)
        elif tag == qname("text:numbered-paragraph"):
            for child in element:
                if child.tag in (qname("text:p"), qname("text:h")):
                    found = self.inline(child)
                    self._collect(found)
                    self.layout.item(found.text, level=max(0, int(element.get(qname("text:level"), "1") or 1) - 1))
        elif tag == qname("table:table"):
            self.table(element)
        elif tag == qname("text:section"):
            if element.get(qname("text:display"), "true") != "none":
                self.blocks(list(element), boxed)
        elif tag in INDEXES or tag in SKIPPED:
            return
        elif tag == qname("text:index-body"):
            return
        else:  # a container this reader does not know: its blocks, in order
            self.blocks(list(element), boxed)

    def _collect(self, found: _Inline) -> None:
        self.notes += found.notes
        self.frames += found.frames

    def _heading_number(self, level: int, element: ET.Element) -> str:
        """The number the outline style draws before a heading ("2.1"), or ""."""
        style = self.styles.outline.get(level)
        for deeper in [key for key in self.outline_counts if key > level]:
            del self.outline_counts[deeper]
        start = style.start if style else 1
        restart = element.get(qname("text:start-value"))
        if restart and restart.isdigit():
            self.outline_counts[level] = int(restart)
        else:
            self.outline_counts[level] = self.outline_counts.get(level, start - 1) + 1
        if style is None or not style.numbered or element.get(qname("text:is-list-header")) == "true":
            return ""
        parts = []
        for shown in range(level - style.display_levels + 1, level + 1):
            upper = self.styles.outline.get(shown)
            if shown < 1 or upper is None or not upper.numbered:
                continue
            parts.append(number_label(self.outline_counts.get(shown, upper.start), upper.fmt))
        return f"{style.prefix}{'.'.join(parts)}{style.suffix}".strip()

    def heading_element(self, element: ET.Element, number: str = "") -> None:
        level = element.get(qname("text:outline-level"))
        rank = int(level) if level and level.isdigit() and int(level) > 0 else (
            self.styles.outline_level(element.get(qname("text:style-name"), "")) or 1)
        cached = element.find(qname("text:number"))  # the number as the document last drew it
        drawn = self._heading_number(rank, element)
        shown = (cached.text or "").strip() if cached is not None else (number or drawn)
        found = self.inline(element)
        self._collect(found)
        self.heading(f"{shown} {found.text}" if shown else found.text, rank)

    def heading(self, text: str, rank: float) -> None:
        text = " ".join(text.split())
        if text:
            self.layout.heading(text, rank)

    def paragraph(self, element: ET.Element, boxed: bool = False) -> None:
        style = element.get(qname("text:style-name"), "")
        found = self.inline(element)
        self._collect(found)
        text = found.text
        if not text.strip():
            return
        names = self.styles.names(style)
        if not boxed and "title" in names and not self.titled:
            self.titled = True
            self.heading(text, 0)
            return
        level = self.styles.outline_level(style)
        if level and not boxed:
            self.heading(text, level)
            return
        paragraph_bold = bool(self.styles.bold("paragraph", style))
        all_bold = paragraph_bold or found.all_bold()
        single = " ".join(text.split())
        if not boxed and not self.has_outline and "\n" not in text.strip() and heading_like(single) \
                and len(single.split()) <= MAX_TITLE_WORDS and (all_bold or numbered_depth(single)):
            depth = _number_depth(single)
            self.heading(single, BELOW_OUTLINE + (depth or 1) - 1)
            return
        self.lines(text)

    def lines(self, text: str) -> None:
        """A paragraph's text with its soft line breaks and tabs (see the module docstring)."""
        lines = [line.strip(" ") for line in text.split("\n")]
        index = 0
        prose: list[str] = []
        while index < len(lines):
            cells = _tab_cells(lines[index])
            run = [cells] if len(cells) > 1 else []
            end = index + 1
            while run and end < len(lines) and len(_tab_cells(lines[end])) == len(cells):
                run.append(_tab_cells(lines[end]))
                end += 1
            if len(run) >= 2:  # lines set out in columns with tabs: a table typed by hand
                self._prose(prose)
                prose = []
                self.layout.table(run)
                index = end
                continue
            prose.append(lines[index].replace("\t", " "))
            index += 1
        self._prose(prose)

    def _prose(self, lines: list[str]) -> None:
        current: list[str] = []  # the paragraph's lines so far
        for line in lines:
            line = " ".join(line.split())
            if not line:
                self.layout.lines(current)
                current = []
                continue
            last = current[-1] if current else ""
            if last.endswith(":"):
                current.append(line)  # a lead-in over what it introduces (a formula): the break stays
            elif last and (last[-1] in ".!?;,—–-" or line[:1].islower()):
                current[-1] = f"{last} {line}"  # a finished sentence or a wrapped one runs on
            else:
                self.layout.lines(current)  # a line with no closing punctuation (a formula, a label) ends here
                current = [line]
        self.layout.lines(current)

    def box(self, paragraphs: list[ET.Element]) -> None:
        """A tip or warning box (framed paragraphs, a one-cell table, a text frame): its text where
        it stands, a title line of its own joined to the paragraph under it."""
        label = None
        for element in paragraphs:
            if element.tag == qname("text:p"):
                found = self.inline(element)
                self._collect(found)
                text = " ".join(found.text.split())
                if not text:
                    continue
                short = len(text.split()) <= MAX_LABEL_WORDS and text[-1:] not in ".,;"
                if label is None and short and (found.all_bold() or self.styles.bold(
                        "paragraph", element.get(qname("text:style-name"), ""))) and element is not paragraphs[-1]:
                    label = text
                    continue
                if label is not None:
                    text = f"{label} {text}" if label[-1:] in ":?!" else f"{label}: {text}"
                    label = None
                self.lines(text)
            else:
                if label is not None:
                    self.layout.paragraph(label)
                    label = None
                self.blocks([element], boxed=True)
        if label is not None:
            self.layout.paragraph(label)

    def list(self, element: ET.Element, level: int, style_name: str | None, continued: list[int] | None = None) -> None:
        style_name = element.get(qname("text:style-name")) or style_name or ""
        levels = self.styles.lists.get(style_name, {})
        kind = levels.get(level + 1) or ListLevel(numbered=False)
        counters = self.list_counts.setdefault(style_name, [])
        if level == 0 and element.get(qname("text:continue-numbering")) != "true" and not element.get(
                qname("text:continue-list")):
            counters.clear()
        while len(counters) <= level:
            counters.append(kind.start - 1)
        if level > 0 and continued is None:
            counters[level] = kind.start - 1
        for item in element:
            if item.tag not in (qname("text:list-item"), qname("text:list-header")):
                continue
            header = item.tag == qname("text:list-header")
            start = item.get(qname("text:start-value"))
            if not header:
                counters[level] = int(start) if start and start.isdigit() else counters[level] + 1
            number = number_label(counters[level], kind.fmt) if kind.numbered and not header else None
            words: list[str] = []
            placed = False  # the item's own text has gone into the layout
            for child in item:
                if child.tag == qname("text:p"):
                    found = self.inline(child)
                    self._collect(found)
                    text = " ".join(found.text.replace("\t", " ").split())
                    if text:
                        words.append(text)
                elif child.tag == qname("text:h"):
                    self.heading_element(child, f"{kind.prefix}{number}{kind.suffix}" if number else "")
                    placed = True
                elif child.tag == qname("text:list"):
                    if words and not placed:
                        self.layout.item(" ".join(words), number, level)
                        words, placed = [], True
                    if len(counters) > level + 1:
                        del counters[level + 1:]
                    self.list(child, level + 1, style_name)
                elif child.tag == qname("table:table"):
                    if words and not placed:
                        self.layout.item(" ".join(words), number, level)
                        words, placed = [], True
                    self.table(child)
            if words:
                self.layout.item(" ".join(words), None if placed else number, level)

    def table(self, element: ET.Element) -> None:
        rows = _table_rows(element)
        cells = [cell for row in rows for cell in row if cell is not None and _has_text(cell)]
        if len(cells) == 1 and all(len([c for c in row if c is not None and _has_text(c)]) <= 1 for row in rows) \
                and len([row for row in rows if any(c is not None and _has_text(c) for c in row)]) == 1:
            self.box(list(cells[0]))  # a one-cell table: a box around its text
            return
        texts = []
        for row in rows:
            line = []
            for cell in row:
                if cell is None:
                    line.append("")
                    continue
                found = _Inline()
                for paragraph in cell.iter():
                    if paragraph.tag in (qname("text:p"), qname("text:h")):
                        part = self.inline(paragraph)
                        found.runs += [_Run(" ", False)] + part.runs
                        found.notes += part.notes
                        found.frames += part.frames
                self._collect(found)
                line.append(" ".join(found.text.split()))
            texts.append(line)
        width = max((max((i + 1 for i, cell in enumerate(row) if cell), default=0) for row in texts), default=0)
        self.layout.table([row[:width] for row in texts if any(row)])


def _has_text(cell: ET.Element) -> bool:
    return any((node.text or "").strip() or (node.tail or "").strip() for node in cell.iter()
               if node is not cell) or bool((cell.text or "").strip())


def _table_rows(table: ET.Element) -> list[list[ET.Element | None]]:
    """A table's rows of cells in order (header rows first, as the document has them); a cell
    covered by a merge is None; repeated rows and cells are repeated when they hold text."""
    rows: list[list[ET.Element | None]] = []

    def walk(parent: ET.Element) -> None:
        for child in parent:
            if child.tag == qname("table:table-row"):
                cells: list[ET.Element | None] = []
                for cell in child:
                    repeat = cell.get(qname("table:number-columns-repeated"), "1")
                    times = int(repeat) if repeat.isdigit() else 1
                    if cell.tag == qname("table:table-cell"):
                        times = min(times, MAX_REPEAT) if _has_text(cell) else 1
                        cells += [cell] * times
                    elif cell.tag == qname("table:covered-table-cell"):
                        cells += [None] * min(times, MAX_REPEAT)
                repeat = child.get(qname("table:number-rows-repeated"), "1")
                times = int(repeat) if repeat.isdigit() else 1
                has_text = any(cell is not None and _has_text(cell) for cell in cells)
                rows.extend([cells] * (min(times, MAX_REPEAT) if has_text else 1))
            elif child.tag in (qname("table:table-header-rows"), qname("table:table-rows"), qname("table:table-row-group")):
                walk(child)

    walk(table)
    return rows


def _tab_cells(line: str) -> list[str]:
    return [" ".join(cell.split()) for cell in line.strip(" ").split("\t")] if "\t" in line.strip() else [line]


def _number_depth(text: str) -> int | None:
    match = NUMBERED_HEADING.match(text.strip())
    return match.group(1).count(".") + 1 if match and match.group(2)[:1].isalpha() else None


def _parse(path: Path, name: str, data: bytes) -> ET.Element:
    return parse_part(path, name, data, "a document", f"open it in {WRITER} and save it again")


def _kind(mimetype: str) -> str:
    for word, kind in OTHER_KINDS.items():
        if word in mimetype:
            return kind
    return f"a '{mimetype}' file"


def _title(meta: ET.Element | None) -> str:
    if meta is None:
        return ""
    found = meta.find(f".//{qname('dc:title')}")
    return " ".join((found.text or "").split()) if found is not None else ""


def _convert(path: Path, content: ET.Element, styles: Styles, title: str) -> Converted:
    body = content.find(f"{qname('office:body')}/{qname('office:text')}")
    if body is None:
        inside = content.find(qname("office:body"))
        kind = _local(inside[0].tag) if inside is not None and len(inside) else "nothing"
        raise CorpusError(f"{path}: not a text document (its body holds {kind}); save the course text "
                          f"from {WRITER} as {path.suffix or '.odt'}")
    reader = _Reader(styles)
    reader.read(body)
    layout = reader.layout
    if not any(item.kind != "heading" for item in layout.items):
        raise CorpusError(f"{path}: the document has no text; nothing to index")
    if not any(item.kind == "heading" and item.rank == 0 for item in layout.items):
        tops = [item for item in layout.items if item.kind == "heading"]
        top = min((item.rank for item in tops), default=None)
        first = tops[0] if tops else None
        if first is not None and first.rank == top and sum(item.rank == top for item in tops) == 1 \
                and not any(item.kind != "heading" for item in layout.items[:layout.items.index(first)]):
            first.rank = 0  # one top heading over the rest, before any text: the document's title
        else:
            from knowledge.formats.layout import _Item

            name = title or path.stem.replace("-", " ").replace("_", " ")
            layout.items.insert(0, _Item("heading", name, 0))
    return Converted(text=layout.render(), source=path.name, syntax="markdown")


def convert_odt(path: Path, data: bytes, max_bytes: int) -> Converted:
    check_package(path, data, max_bytes, DOCUMENT)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
        if mimetype and mimetype not in TEXT_TYPES:
            raise CorpusError(f"{path}: {_kind(mimetype)}, not a text document ({mimetype}); save the course "
                              f"text from {WRITER} as .odt")
        if "META-INF/manifest.xml" in names:
            manifest = _parse(path, "META-INF/manifest.xml", archive.read("META-INF/manifest.xml"))
            for entry in manifest.iter(qname("manifest:file-entry")):
                if entry.get(qname("manifest:full-path")) == "content.xml" and \
                        entry.find(qname("manifest:encryption-data")) is not None:
                    raise CorpusError(f"{path}: the document is protected by a password (its text is "
                                      f"encrypted); open it in {WRITER}, save a copy without the password "
                                      "and ingest that")
        content = _parse(path, "content.xml", archive.read("content.xml"))
        common = _parse(path, "styles.xml", archive.read("styles.xml")) if "styles.xml" in names else None
        meta = _parse(path, "meta.xml", archive.read("meta.xml")) if "meta.xml" in names else None
    styles = read_styles([root for root in (common, content) if root is not None])
    return _convert(path, content, styles, _title(meta))


def convert_fodt(path: Path, data: bytes) -> Converted:
    """A flat OpenDocument text (.fodt): the package's parts as one XML document."""
    root = _parse(path, "the file", data)
    if root.tag != qname("office:document"):
        raise CorpusError(f"{path}: not a flat OpenDocument text (no office:document root); save the "
                          f"course text from {WRITER} as .fodt or .odt")
    mimetype = root.get(qname("office:mimetype"), "")
    if mimetype and mimetype not in TEXT_TYPES:
        raise CorpusError(f"{path}: {_kind(mimetype)}, not a text document ({mimetype}); save the course "
                          f"text from {WRITER} as .fodt or .odt")
    styles = read_styles([root])
    return _convert(path, root, styles, _title(root.find(qname("office:meta"))))
