"""A slide deck's text export (PowerPoint, Keynote, Google Slides "Download as text"), read into
the Markdown the course parser understands.

A deck is known by its structure, never by its words: a marker line standing alone ("Slide 12",
"Folie 3": one capitalised label and a number) opens every slide, the label the same each time and
the numbers rising, the slide's title on the line under it. What follows is the slide's text
(indented lines are bullets, one level per indent; a run of lines whose cells are set apart by
runs of spaces is a table) and, after a line that only labels what is below it ("Notes:"), the
speaker's notes, which hold most of the teaching.

The slides that only frame a talk are not course content, and they are recognised by where they
stand and what they hold:

- the **title slide** (the first one) names the module; its subtitle lines are not kept (its
  notes are, when it has any);
- an **agenda** lists the titles of other slides of the deck: its list is the outline, which the
  headings already carry, so it is dropped;
- a slide with a title and nothing else **divides** the deck into parts when teaching slides
  follow it (each part a lesson, its slides sections); an empty slide that no teaching slide
  follows **closes** the talk ("Questions?", "Thank you") and is dropped;
- the slide markers themselves are numbering, never text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from knowledge.segments import derived_title

if TYPE_CHECKING:
    import numpy as np

Encode = Callable[[list[str]], "np.ndarray"]

# "Slide 12" alone on its line (a label of 3-12 letters and a number, nothing else).
MARKER = re.compile(r"^([A-Z][A-Za-z]{2,11})[ \t]+(\d{1,3})[ \t]*$")
# A line that only labels the text under it: "Notes:", "Speaker notes:".
LABEL = re.compile(r"^[A-Za-z][A-Za-z ]{0,24}:\s*$")
CELL_GAP = re.compile(r"\S {2,}\S|\S\t+\S")  # two cells apart on one line
MIN_SLIDES = 3
RECAP_PARTS = 2  # a closing slide is as close to this many other parts as to its own…
RECAP_SHARE = 0.75  # …"as close" meaning at least this share of its own part's similarity
AGENDA_SHARE = 0.6  # this share of a slide's lines naming other slides makes it an agenda


@dataclass
class Slide:
    number: int
    title: str
    shown: list[str] = field(default_factory=list)  # the slide's own lines, indentation kept
    notes: list[str] = field(default_factory=list)  # the speaker's notes, one paragraph a line
    framing: bool = False  # laid out like the title slide (a PDF's larger title): never taught
    # A slide with no notes teaches in its bullets, each a statement of its own: each top-level
    # item is a paragraph, its sub-items listed under it (a PDF export has no notes).
    items_apart: bool = False

    @property
    def empty(self) -> bool:
        return not any(line.strip() for line in [*self.shown, *self.notes])


def read_slides(text: str) -> list[Slide] | None:
    """The slides of a deck's text export, or None when ``text`` is not one (fewer than
    ``MIN_SLIDES`` marker lines with one label and rising numbers, or text before the first)."""
    lines = text.splitlines()
    marks = [(i, m) for i, line in enumerate(lines) if (m := MARKER.match(line))
             and (i == 0 or not lines[i - 1].strip())]
    if len(marks) < MIN_SLIDES:
        return None
    label = Counter(m.group(1) for _, m in marks).most_common(1)[0][0]
    marks = [(i, m) for i, m in marks if m.group(1) == label]
    numbers = [int(m.group(2)) for _, m in marks]
    if len(marks) < MIN_SLIDES or numbers != sorted(set(numbers)):
        return None
    if any(line.strip() for line in lines[: marks[0][0]]):
        return None  # text before the first slide: not a deck's export
    slides = []
    for (start, mark), (end, _) in zip(marks, [*marks[1:], (len(lines), None)]):
        body = lines[start + 1 : end]
        while body and not body[0].strip():
            body.pop(0)
        if not body:
            return None  # a marker with no title under it: not this kind of export
        slide = Slide(int(mark.group(2)), body[0].strip())
        in_notes = False
        for line in body[1:]:
            if not in_notes and LABEL.match(line.strip()) and not line[:1].isspace():
                in_notes = True
                continue
            if line.strip():
                (slide.notes if in_notes else slide.shown).append(line.rstrip())
        slides.append(slide)
    return slides


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _names_a_slide(item: str, titles: set[str]) -> bool:
    """Whether an outline's line is a slide's title, or the end of one whose label it leaves
    out ("Brake pads" for the divider "Part 2 — Brake pads"; two words at least)."""
    return bool(item) and any(title == item or (" " in item and title.endswith(" " + item)) for title in titles)


def _is_agenda(slide: Slide, titles: set[str]) -> bool:
    """A slide whose lines are mostly the titles of other slides: the deck's own outline."""
    items = [_key(line) for line in slide.shown if line.strip()]
    return len(items) >= 2 and sum(_names_a_slide(item, titles) for item in items) >= AGENDA_SHARE * len(items)


def _depth(line: str) -> int:
    indent = line[: len(line) - len(line.lstrip())]
    return indent.count("\t") + (len(indent.replace("\t", "")) // 2)


def _shown_markdown(lines: list[str], items_apart: bool = False) -> list[str]:
    """A slide's own lines as Markdown paragraphs: indented lines are "- " items (nested by
    their indent), a run of two or more lines with cells apart is a table, kept aligned.
    ``items_apart``: each top-level item is a paragraph of its own, its sub-items under it."""
    out: list[str] = []
    index = 0
    base = min((_depth(line) for line in lines), default=0)
    while index < len(lines):
        if lines[index].startswith("|"):  # a pipe table (a PDF's ruled table): one paragraph
            run = index
            while run < len(lines) and lines[run].startswith("|"):
                run += 1
            out.append("\n".join(lines[index:run]))
            index = run
            continue
        run = index
        while run < len(lines) and CELL_GAP.search(lines[run].strip()):
            run += 1
        if run - index >= 2:  # a table: its lines without their common indent, as one paragraph
            block = [line.expandtabs(8) for line in lines[index:run]]
            cut = min(len(line) - len(line.lstrip()) for line in block)
            out.append("\n".join(line[cut:] for line in block))
            index = run
            continue
        line = lines[index]
        depth = _depth(line) - base
        if items_apart and depth == 0:
            out.append(line.strip())
        elif items_apart and out and not out[-1].startswith("|"):
            out[-1] += f"\n{'  ' * (depth - 1)}- {line.strip()}"  # a sub-item, with the item it details
        elif _depth(line) > 0 or base > 0:
            item = f"{'  ' * depth}- {line.strip()}"
            if out and _is_list(out[-1]):  # one list is one paragraph
                out[-1] += "\n" + item
            else:
                out.append(item)
        else:
            out.append(line.strip())
        index += 1
    return out


def _is_list(paragraph: str) -> bool:
    return all(line.lstrip().startswith("- ") for line in paragraph.split("\n"))


def _slide_text(slide: Slide) -> str:
    return "\n".join([slide.title, *(line.strip() for line in [*slide.shown, *slide.notes])])


def _recap_slides(slides: list[Slide], dividers: list[int], last_taught: int, encode: Encode) -> set[int]:
    """The teaching slides that close the deck after its last part ("Mistakes to avoid",
    "Summary"): the run at the end whose words reach back across the parts (each is about as
    close to ``RECAP_PARTS`` other parts' titles as to its own part's), so they are not that
    part's. Known by meaning, never by their titles' words; the last part keeps at least one."""
    tail = [i for i in range(dividers[-1] + 1, last_taught + 1) if not slides[i].empty]
    if len(tail) < 2:
        return set()
    titles = encode([slides[i].title for i in dividers])
    shown = encode([_slide_text(slides[i]) for i in tail[1:]])
    found: set[int] = set()
    for index, vector in zip(reversed(tail[1:]), reversed(list(shown))):
        sims = titles @ vector
        own = float(sims[-1])
        if own <= 0 or sum(float(sim) >= RECAP_SHARE * own for sim in sims[:-1]) < RECAP_PARTS:
            break
        found.add(index)
    return found


def _without(slide: Slide, framing: set[str]) -> Slide:
    """The slide without the lines that repeat the title slide's subtitle (the presenter, the
    school, the date: on a closing slide they frame the talk, they teach nothing)."""
    shown = [line for line in slide.shown if _key(line) not in framing]
    if len(shown) == len(slide.shown):
        return slide
    return Slide(slide.number, slide.title, shown, slide.notes, slide.framing, slide.items_apart)


def deck_markdown(slides: list[Slide], encode: Encode | None = None) -> str:
    """The deck as Markdown: the title slide's title as the module's heading, dividing slides as
    parts ("##"), teaching slides as sections under them; the framing slides left out."""
    framing = {_key(line) for line in slides[0].shown} - {""}
    slides = [slides[0], *(_without(slide, framing) for slide in slides[1:])]
    titles = {_key(slide.title) for slide in slides}
    last_taught = max((i for i, slide in enumerate(slides) if not slide.empty and not slide.framing), default=-1)
    dividers = [i for i, slide in enumerate(slides[1:], 1) if (slide.empty or slide.framing) and i < last_taught]
    level = "###" if len(dividers) >= 2 else "##"
    recap = _recap_slides(slides, dividers, last_taught, encode) if level == "###" and encode else set()
    parts: list[str] = [f"# {slides[0].title}"]
    parts += slides[0].notes  # the title slide's subtitle lines frame the talk; its notes teach
    for index, slide in enumerate(slides[1:], 1):
        if recap and index == min(recap):
            names = "; ".join(slides[i].title for i in sorted(recap))
            parts.append(f"## {derived_title(len(dividers) + 1, names)}")
        if slide.empty or (slide.framing and (index > last_taught or level == "###")):
            if index in dividers and level == "###":
                parts.append(f"## {slide.title}")
            continue  # a closing slide, or a lone empty one; a framing slide's lines are not taught
        shown = [] if _is_agenda(slide, titles - {_key(slide.title)}) else _shown_markdown(slide.shown, slide.items_apart)
        if not shown and not slide.notes:
            continue  # an agenda with no notes: nothing the headings do not already say
        parts.append(f"{level} {slide.title}")
        parts += shown + slide.notes
    return "\n\n".join(parts) + "\n"


def convert_deck(text: str, encode: Encode | None = None) -> str | None:
    """Markdown for a slide deck's text export, or None when ``text`` is not one; ``encode``
    (the index's sentence model) lets the slides that recap the deck leave its last part."""
    slides = read_slides(text)
    return deck_markdown(slides, encode) if slides else None
