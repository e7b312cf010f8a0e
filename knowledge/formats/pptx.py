"""PowerPoint (.pptx) course files, read with python-pptx (MIT) into the slides
`knowledge.formats.slides` turns into Markdown.

A deck's structure is in its shapes, never in its words:

- each slide's **title** is its title placeholder (a slide without one is titled by its first
  short line);
- its **text** is every other text shape in reading order (top to bottom, then left to right,
  so two boxes side by side are read left box first), each paragraph at its outline level: a
  level-0 paragraph is a statement, deeper levels are its sub-items (a bullet with sub-bullets
  introduces them, so it reads as their lead-in and they travel together); in a free text box a line
  with a bullet (set in the paragraph's properties, or typed as "•") is an item of the line
  above it; shapes inside a group are read as the group's own;
- its **tables** are pipe tables, a merged cell counted once;
- its **speaker notes** are paragraphs after the slide's own text: they hold most of what a
  teacher says;
- **furniture** is dropped: the footer, date and slide-number placeholders, a text shape that
  holds only a slide number ("7", "7 / 30", "Slide 7") near the top or bottom edge, and a line
  repeated on most slides (a deck's name in a footer);
- a slide laid out as a **section header** (its layout's type, ``secHead``), or like the title
  slide, frames the deck: it divides it into parts when teaching slides follow it. The first
  slide is the title slide when it is laid out as one (or holds nothing but a title and a
  subtitle); otherwise the deck's own title (its document properties, else the file's name)
  names the module and every slide is read as teaching;
- a slide with no words, or only a title over a picture, chart or diagram, is left out: it has
  nothing to quote, and it must not divide the deck as an empty divider slide would.

Refused, by name: a file that is not a ZIP package, a ZIP that is not a presentation (no
ppt/presentation.xml), one whose parts expand far past the ingest limit, and a deck with no text.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from knowledge.formats import Converted
from knowledge.formats.package import PackageFormat, check_package
from knowledge.formats.slides import Slide, deck_markdown
from knowledge.parsing import CorpusError

POWERPOINT = PackageFormat(kind="a PowerPoint file", suffix=".pptx", app="PowerPoint",
                          main_part="ppt/presentation.xml", save_what="the slides", whole="deck")

# A shape that holds only a slide's number: "7", "7 / 30", "7 of 30", "Slide 7", "p. 7".
SLIDE_NUMBER = re.compile(r"^(?:(?:slide|page|p\.)\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$", re.IGNORECASE)
EDGE = 0.15  # of the slide's height: a slide number sits this close to the top or bottom edge
REPEATED_SHARE = 0.5  # a line on at least this share of the slides (and 3 or more) is furniture
TYPED_BULLET = re.compile(r"^[•◦▪▫‣∙●○■□➢➤►▶✓✔–-]\s+")
MAX_TITLE_CHARS = 120
# Layout types (the slide layout's ``type`` attribute, ECMA-376 ST_SlideLayoutType) of slides
# that frame the deck: a section header, and the title slide's own layout.
FRAMING_LAYOUTS = {"secHead", "title"}


def _placeholder_type(shape):
    return shape.placeholder_format.type if shape.is_placeholder else None


def _kind(shape) -> str:
    """What a shape is to the reader: "title", "subtitle", "body" (an outline placeholder),
    "furniture" (footer, date, slide number), "box" (a free text box or other text shape)."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    kind = _placeholder_type(shape)
    if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE):
        return "title"
    if kind == PP_PLACEHOLDER.SUBTITLE:
        return "subtitle"
    if kind in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.HEADER):
        return "furniture"
    if kind in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY,
                PP_PLACEHOLDER.VERTICAL_OBJECT):
        return "body"
    return "box"


def _shapes(shapes) -> list:
    """Every shape of a slide, a group's members in its place, in reading order: top to bottom,
    shapes whose tops are within a tenth of an inch of each other read left to right."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    found = []
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            found += _shapes(shape.shapes)  # a group shape: its members
        else:
            found.append(shape)
    return sorted(found, key=lambda shape: ((shape.top or 0) // 91440, shape.left or 0))


def _paragraph_text(paragraph) -> str:
    return " ".join(paragraph.text.replace("\v", " ").split())


def _bulleted(paragraph) -> bool:
    """Whether a paragraph's own properties give it a bullet (a character or a number)."""
    properties = paragraph._p.pPr
    if properties is None:
        return False
    return any(child.tag.endswith(("}buChar", "}buAutoNum", "}buBlip")) for child in properties)


def _lines(shape, kind: str) -> list[str]:
    """A text shape's paragraphs as the slide reader's lines: one tab per level below the top
    (outline placeholders by their level; in a free box a bulleted line one deeper)."""
    out = []
    for paragraph in shape.text_frame.paragraphs:
        text = _paragraph_text(paragraph)
        if not text:
            continue
        depth = paragraph.level
        typed = TYPED_BULLET.match(text)
        if typed:
            text = text[typed.end():]
        if kind == "box" and (typed or _bulleted(paragraph)):
            depth += 1
        out.append("\t" * depth + text)
    return out


def _table_lines(table) -> list[str]:
    rows = []
    for row in table.rows:
        rows.append([("" if cell.is_spanned else " ".join(cell.text.split())).replace("|", "/")
                     for cell in row.cells])
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return [" — ".join(cell for cell in row if cell) for row in rows]
    return [f"| {' | '.join(rows[0])} |", f"|{' --- |' * len(rows[0])}"] + [f"| {' | '.join(row)} |" for row in rows[1:]]


def _lead_ins(lines: list[str]) -> list[str]:
    """A bullet with sub-bullets under it introduces them: it reads as a lead-in ("Poor
    moments:"), so its items travel with it; one that ends a sentence or a clause is left as it is."""
    out = list(lines)
    for index, (line, following) in enumerate(zip(lines, lines[1:])):
        depth = len(line) - len(line.lstrip("\t"))
        if not line.startswith("|") and len(following) - len(following.lstrip("\t")) > depth \
                and line.rstrip()[-1:].isalnum() | (line.rstrip()[-1:] in ")”\"'"):
            out[index] = line.rstrip() + ":"
    return out


def _slide_number(shape, text: str, height: int) -> bool:
    if not SLIDE_NUMBER.match(text):
        return False
    top, bottom = shape.top or 0, (shape.top or 0) + (shape.height or 0)
    return top >= (1 - EDGE) * height or bottom <= EDGE * height


def _notes(slide) -> list[str]:
    if not slide.has_notes_slide:
        return []
    frame = slide.notes_slide.notes_text_frame
    if frame is None:
        return []
    return [text for paragraph in frame.paragraphs if (text := _paragraph_text(paragraph))]


def _read_slide(number: int, slide, height: int) -> tuple[Slide, list[str], bool, bool]:
    """The slide, the lines of its free shapes (for the repeated-footer count), whether it holds
    anything beyond a title and a subtitle, and whether it shows a picture, chart or diagram."""
    title = ""
    shown: list[str] = []
    free: list[str] = []
    body = pictured = False
    for shape in _shapes(slide.shapes):
        if getattr(shape, "has_table", False) and shape.has_table:
            shown += _table_lines(shape.table)
            body = True
            continue
        if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
            pictured = True  # a picture, chart, diagram or media: nothing the reader can quote
            continue
        kind = _kind(shape)
        text = " ".join(_paragraph_text(p) for p in shape.text_frame.paragraphs).strip()
        if not text or kind == "furniture" or _slide_number(shape, text, height):
            continue
        if kind == "title" and not title:
            title = text
            continue
        lines = _lines(shape, kind)
        if kind == "box":
            free += [line.strip() for line in lines]
        if kind != "subtitle":
            body = True
        shown += lines
    slide_record = Slide(number, title, _lead_ins(shown), _notes(slide), items_apart=True)
    slide_record.framing = _layout(slide) in FRAMING_LAYOUTS
    return slide_record, free, body, pictured


def _layout(slide) -> str | None:
    """The type of a slide's layout ("title", "secHead", "obj"…), as the file records it."""
    return slide.slide_layout._element.get("type")


def _untitled(slide: Slide) -> None:
    """A slide with no title placeholder is titled by its first short line."""
    if slide.title:
        return
    for index, line in enumerate(slide.shown):
        text = line.strip()
        if text and not text.startswith("|") and len(text) <= MAX_TITLE_CHARS and text[-1:] not in ".,;:":
            slide.title = text
            del slide.shown[index]
            return
    slide.title = f"Slide {slide.number}"


def read_pptx(path: Path, data: bytes) -> list[Slide]:
    from pptx import Presentation

    try:
        deck = Presentation(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001  # python-pptx/lxml raise many types for a broken part
        raise CorpusError(
            f"{path}: could not be read as a PowerPoint file ({type(exc).__name__}); "
            "open it in PowerPoint and save it as .pptx again"
        ) from None
    height = deck.slide_height or 6858000
    read = [_read_slide(number, slide, height) for number, slide in enumerate(deck.slides, 1)]
    if not read:
        raise CorpusError(f"{path}: the presentation has no slides; nothing to index")
    counts = Counter(line for _, free, _, _ in read for line in set(free))
    repeated = {line for line, count in counts.items()
                if count >= 3 and count >= REPEATED_SHARE * len(read)}
    slides = []
    for index, (slide, _, _, pictured) in enumerate(read):
        slide.shown = [line for line in slide.shown if line.strip() not in repeated]
        if index and slide.empty and (not slide.title or (pictured and not slide.framing)):
            continue  # no words, or a titled picture: not a part of the deck, nothing to quote
        _untitled(slide)
        slides.append(slide)
    if not any(not slide.empty for slide in slides):
        raise CorpusError(f"{path}: the presentation has no text to teach; nothing to index")
    first, _, body, _ = read[0]
    if _layout(deck.slides[0]) == "title" or (not body and _layout(deck.slides[0]) != "secHead"):
        first.framing = False  # the title slide: deck_markdown reads it as the module's title
    else:  # no title slide: the deck's own title names the module and every slide teaches
        named = (deck.core_properties.title or "").strip() or path.stem.replace("-", " ").replace("_", " ")
        slides.insert(0, Slide(0, named))
    return slides


def convert_pptx(path: Path, data: bytes, max_bytes: int) -> Converted:
    check_package(path, data, max_bytes, POWERPOINT)
    slides = read_pptx(path, data)
    from knowledge.embeddings import get_embedder

    return Converted(text=deck_markdown(slides, get_embedder().encode), source=path.name, syntax="markdown")
