"""A PowerPoint deck (.pptx) and LaTeX lecture notes (.tex) are read as what they teach.

The deck is built here with python-pptx: a title slide, an agenda, section-header slides, slides
with two-level bullets and speaker notes, two text boxes side by side, a free text box, a real
table, slide-number boxes and footer placeholders. The notes are written here in LaTeX: a
preamble with the author's macros and a custom environment, numbered and starred sections down to
subsubsections, labels and references, nested lists, a description list, inline and displayed
math, footnotes, % comments and a table float with a caption. Both modules are test data only;
their topics and words are this file's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import chunk_document
from knowledge.formats import read_course_file
from knowledge.parsing import CorpusError, parse_course_file

pptx = pytest.importorskip("pptx")


# ---------------------------------------------------------------- PowerPoint

def _deck(path: Path, *, title_slide: bool = True, footer_text: str | None = "Hive Keeping Club · 2025") -> Path:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.core_properties.title = "Winter care of beehives"
    layouts = {layout.name: layout for layout in deck.slide_layouts}
    height = deck.slide_height
    number = 0

    def footers(slide):
        nonlocal number
        number += 1
        box = slide.shapes.add_textbox(Inches(8.8), height - Inches(0.6), Inches(1), Inches(0.4))
        box.text_frame.text = str(number)
        if footer_text:
            foot = slide.shapes.add_textbox(Inches(0.5), height - Inches(0.6), Inches(4), Inches(0.4))
            foot.text_frame.text = footer_text

    def bullets(title: str, items: list[tuple[int, str]], notes: str = ""):
        slide = deck.slides.add_slide(layouts["Title and Content"])
        slide.shapes.title.text = title
        frame = slide.placeholders[1].text_frame
        frame.text = items[0][1]
        frame.paragraphs[0].level = items[0][0]
        for level, text in items[1:]:
            paragraph = frame.add_paragraph()
            paragraph.text, paragraph.level = text, level
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
        footers(slide)
        return slide

    def divider(title: str):
        slide = deck.slides.add_slide(layouts["Section Header"])
        slide.shapes.title.text = title
        for shape in list(slide.placeholders):
            if shape.placeholder_format.idx != 0:
                shape._element.getparent().remove(shape._element)
        footers(slide)

    if title_slide:
        first = deck.slides.add_slide(layouts["Title Slide"])
        first.shapes.title.text = "Winter care of beehives"
        first.placeholders[1].text = "A club evening for second-year keepers"
        bullets("Agenda", [(0, "Getting colonies ready"), (0, "Feeding through the cold"), (0, "Spring checks")])
    divider("Part A — Getting colonies ready")
    bullets("Reducing the entrance", [
        (0, "Fit a mouse guard before the first frost"),
        (1, "Metal strips with 9.5 mm holes"),
        (1, "Check it after storms"),
        (0, "Keep ventilation open at the top"),
    ], "Damp kills more colonies than cold does. A small gap under the roof lets moist air escape "
       "while the cluster keeps its warmth.")
    two = deck.slides.add_slide(layouts["Title Only"])
    two.shapes.title.text = "Strong versus weak colonies"
    for left, lines in ((Inches(0.5), ["Strong colony", "• Covers eight frames or more", "• Needs no merging"]),
                        (Inches(5.0), ["Weak colony", "• Covers fewer than five frames", "• Merge it with a neighbour"])):
        box = two.shapes.add_textbox(left, Inches(1.6), Inches(4.2), Inches(3))
        box.text_frame.text = lines[0]
        for line in lines[1:]:
            box.text_frame.add_paragraph().text = line
    two.notes_slide.notes_text_frame.text = "Merge weak colonies in early autumn, never in deep winter."
    footers(two)
    divider("Part B — Feeding through the cold")
    table_slide = deck.slides.add_slide(layouts["Title Only"])
    table_slide.shapes.title.text = "Feed by month"
    rows = [["Month", "Feed", "Amount"], ["October", "Thick syrup", "4 kg"], ["January", "Fondant block", "1.5 kg"]]
    table = table_slide.shapes.add_table(3, 3, Inches(0.5), Inches(1.6), Inches(8), Inches(2)).table
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    table_slide.notes_slide.notes_text_frame.text = "Heft the hive from behind to judge its stores."
    footers(table_slide)
    free = deck.slides.add_slide(layouts["Title Only"])
    free.shapes.title.text = "When stores run low"
    box = free.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(8.5), Inches(3))
    box.text_frame.text = "Signs: bees on the top bars in midwinter mean the cluster has reached the roof."
    box.text_frame.add_paragraph().text = "Response: lay fondant directly over the cluster the same day."
    footers(free)
    bullets("Spring checks", [(0, "Open the hive only above 14 °C"), (1, "Look for eggs, not the queen")],
            "A quick look on a warm afternoon tells you whether the colony survived with a laying queen.")
    deck.save(path)
    return path


def _outline(path: Path):
    document, _ = parse_course_file(path)
    return document, [(lesson.title, [section.title for section in lesson.sections])
                      for lesson in document.lessons if lesson.sections]


def _text(document) -> str:
    return "\n".join(chunk.text for chunk in chunk_document(document))


def test_a_decks_section_headers_are_parts_and_its_slide_titles_sections(tmp_path):
    document, outline = _outline(_deck(tmp_path / "winter.pptx"))
    assert document.module_title == "Winter care of beehives"  # the title slide names the module
    assert outline == [
        ("Part A — Getting colonies ready", ["Reducing the entrance", "Strong versus weak colonies"]),
        ("Part B — Feeding through the cold", ["Feed by month", "When stores run low", "Spring checks"]),
    ]


def test_speaker_notes_are_kept_and_slide_furniture_is_not(tmp_path):
    document, _ = _outline(_deck(tmp_path / "winter.pptx"))
    text = _text(document)
    assert "Damp kills more colonies than cold does." in text  # notes teach
    assert "Merge weak colonies in early autumn" in text
    for furniture in ("Hive Keeping Club", "Agenda", "second-year keepers", "Spring checks\nFeeding"):
        assert furniture not in text
    sections = {s.title: s for lesson in document.lessons for s in lesson.sections}
    assert not any(block.text.strip().isdigit() for s in sections.values() for block in s.blocks)


def test_bullets_keep_their_levels_and_side_by_side_boxes_read_left_first(tmp_path):
    document, _ = _outline(_deck(tmp_path / "winter.pptx"))
    sections = {s.title: s for lesson in document.lessons for s in lesson.sections}
    entrance = "\n".join(block.text for block in sections["Reducing the entrance"].blocks)
    assert entrance.index("Fit a mouse guard") < entrance.index("Metal strips with 9.5 mm holes") \
        < entrance.index("Keep ventilation open")
    columns = "\n".join(block.text for block in sections["Strong versus weak colonies"].blocks)
    assert columns.index("Strong colony") < columns.index("Needs no merging") < columns.index("Weak colony")
    assert "•" not in columns


def test_a_slide_table_becomes_rows_with_their_headers(tmp_path):
    document, _ = _outline(_deck(tmp_path / "winter.pptx"))
    sections = {s.title: s for lesson in document.lessons for s in lesson.sections}
    rows = [block.text for block in sections["Feed by month"].blocks if block.kind == "table_row"]
    assert rows == ["Month: October\nFeed: Thick syrup\nAmount: 4 kg", "Month: January\nFeed: Fondant block\nAmount: 1.5 kg"]
    free = "\n".join(block.text for block in sections["When stores run low"].blocks)
    assert "Response: lay fondant directly over the cluster" in free  # a free text box is taught


def test_a_deck_without_a_title_slide_teaches_its_first_slide(tmp_path):
    document, outline = _outline(_deck(tmp_path / "winter.pptx", title_slide=False, footer_text=None))
    assert document.module_title == "Winter care of beehives"  # the deck's own title
    assert "Part A — Getting colonies ready" in [lesson for lesson, _ in outline]


def test_a_number_in_the_middle_of_a_slide_is_kept(tmp_path):
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Counting mites"
    for title, figure in (("Mites per hundred bees before treatment", "3"), ("Days a strip stays in", "42"),
                          ("Frames checked", "6")):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = title
        slide.shapes.add_textbox(Inches(3), Inches(3), Inches(3), Inches(1)).text_frame.text = figure
    deck.save(path := tmp_path / "mites.pptx")
    converted = read_course_file(path, 10**7)
    assert "\n42\n" in f"\n{converted.text}\n"  # a figure shown large mid-slide is content, not a page number


def test_a_file_that_is_not_a_presentation_is_refused_by_name(tmp_path):
    (path := tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04not a zip")
    with pytest.raises(CorpusError, match="not a PowerPoint file"):
        read_course_file(path, 10**6)


# ---------------------------------------------------------------- LaTeX

NOTES = r"""\documentclass{article}
\usepackage{amsmath}
% \newcommand{\kg}{pounds}   <- an old definition, commented out
\newcommand{\kg}{\,\mathrm{kg}}
\newcommand{\degC}[1]{#1\,$^\circ$C}
\newenvironment{warnbox}{\begin{quote}\textbf{Warning.}\ }{\end{quote}}
\title{Composting at Home\\ \large Evening class handout}
\author{Adult Education Centre}
\begin{document}
\maketitle
\tableofcontents

\section*{About this handout}
Read Section~\ref{sec:heat} before building a hot heap.

\section{Materials}
\label{sec:mat}
A heap needs greens and browns in roughly equal volumes.
% Instructor aside: the old leaflet said ten parts browns to one part greens. Never teach that.

\subsection{Greens and browns}
\begin{description}
  \item[Greens] Fresh grass clippings and vegetable peelings, rich in nitrogen.
  \item[Browns] Dry leaves and shredded cardboard, rich in carbon.
\end{description}

\subsubsection{What to leave out}
\begin{itemize}
  \item Cooked food, which draws rats.
  \item Diseased plants:
  \begin{enumerate}
    \item blighted tomato leaves;
    \item clubroot-infected brassica roots.
  \end{enumerate}
\end{itemize}

\section{Keeping the heap hot}
\label{sec:heat}
A working heap reaches \degC{55} within a week\footnote{A probe thermometer pushed into the centre gives
the truest reading.}. Turning it adds air; the ratio of carbon to nitrogen should be near
$C:N \approx 30:1$.
\begin{equation}
  t_{\text{ready}} = \frac{V}{r}
  \label{eq:time}
\end{equation}
Equation~\eqref{eq:time} gives the weeks to finish, where $V$ is the volume in litres.

\begin{warnbox}
Wear gloves when turning a heap that has reached full heat.
\end{warnbox}

\begin{table}[h]
  \centering
  \caption{Heap size and weight.}
  \label{tab:size}
  \begin{tabular}{lr}
    \hline
    Heap & Weight \\
    \hline
    Small bin & 40\kg \\
    Open bay & 300\kg \\
    \hline
  \end{tabular}
\end{table}
Table~\ref{tab:size} shows typical weights.

\end{document}
"""


def _tex(tmp_path: Path, text: str = NOTES) -> Path:
    (path := tmp_path / "compost-notes.tex").write_text(text, encoding="utf-8")
    return path


def test_latex_sectioning_gives_lessons_and_sections_under_the_title(tmp_path):
    document, outline = _outline(_tex(tmp_path))
    assert document.module_title == "Composting at Home"  # the subtitle after \\ is not the title
    assert outline == [
        ("About this handout", ["About this handout"]),
        ("Materials", ["Materials", "Greens and browns", "What to leave out"]),
        ("Keeping the heap hot", ["Keeping the heap hot"]),
    ]


def test_comments_preamble_and_title_block_are_never_taught(tmp_path):
    text = read_course_file(_tex(tmp_path), 10**6).text
    for never in ("ten parts browns", "Instructor aside", "pounds", "usepackage", "Adult Education Centre",
                  "Evening class handout", "documentclass", "\\", "sec:heat", "eq:time"):
        assert never not in text


def test_macros_refs_math_and_footnotes_read_as_printed(tmp_path):
    text = read_course_file(_tex(tmp_path), 10**6).text
    assert "Read Section 2 (Keeping the heap hot) before building a hot heap." in text
    assert "reaches 55 °C within a week" in text  # the author's macro with an argument, expanded
    assert "C:N ≈ 30:1" in text
    assert "t_ready = V/r (1)" in text and "Equation (1) gives the weeks" in text
    # the footnote follows its paragraph, in the same section
    assert text.index("gives the truest reading") < text.index("Wear gloves")
    assert "Warning. Wear gloves when turning a heap" in text  # the author's environment prints its label


def test_latex_lists_description_items_and_tables(tmp_path):
    document, _ = _outline(_tex(tmp_path))
    sections = {s.title: s for lesson in document.lessons for s in lesson.sections}
    greens = [block.text for block in sections["Greens and browns"].blocks]
    assert "Greens: Fresh grass clippings and vegetable peelings, rich in nitrogen." in greens
    leave_out = "\n".join(block.text for block in sections["What to leave out"].blocks)
    assert leave_out.index("Diseased plants:") < leave_out.index("blighted tomato leaves")
    heat = sections["Keeping the heap hot"].blocks
    rows = [block.text for block in heat if block.kind == "table_row"]
    assert rows == ["Heap: Small bin\nWeight: 40 kg", "Heap: Open bay\nWeight: 300 kg"]
    text = "\n".join(block.text for block in heat)
    assert "Table 1: Heap size and weight." in text and "Table 1 shows typical weights." in text


def test_a_latex_fragment_without_a_preamble_is_read_too(tmp_path):
    fragment = "\\section{Turning}\nTurn the heap every \\emph{two} weeks.\n% not this\n"
    text = read_course_file(_tex(tmp_path, fragment), 10**6).text
    assert text == "## Turning\n\nTurn the heap every two weeks.\n"


def test_a_latex_file_with_only_a_preamble_is_refused(tmp_path):
    with pytest.raises(CorpusError, match="no text outside its preamble"):
        read_course_file(_tex(tmp_path, "\\documentclass{article}\n\\begin{document}\n\\maketitle\n\\end{document}\n"),
                         10**6)


def test_an_agenda_naming_parts_without_their_labels_is_dropped_but_one_word_lines_are_not():
    from knowledge.formats.slides import Slide, deck_markdown

    def deck(agenda: list[str]) -> str:
        return deck_markdown([
            Slide(1, "Pond life"), Slide(2, "Overview", agenda), Slide(3, "Unit 1 - Frogs and toads"),
            Slide(4, "Spawn", ["\tClumps in spring"], ["Frogs lay clumps, toads lay strings."]),
            Slide(5, "Unit 2 - Water snails"),
            Slide(6, "Shells", ["\tRamshorn and pond snails"], ["Snails graze algae off the glass."]),
        ])

    assert "Overview" not in deck(["Frogs and toads", "Water snails"])  # the parts, their labels left out
    kept = deck(["Snails", "Toads"])  # one word that ends a title is not the title
    assert "Overview" in kept and "Snails\n" in kept


def test_a_bullet_with_sub_bullets_introduces_them_and_a_sentence_stays_as_written():
    from knowledge.formats.pptx import _lead_ins

    lines = ["Signs of a queenless hive", "\tNo eggs in the comb", "\tLoud roaring hum",
             "Requeen within a week.", "\tOrder a mated queen", "Keep notes of every inspection"]
    assert _lead_ins(lines) == ["Signs of a queenless hive:", "\tNo eggs in the comb", "\tLoud roaring hum",
                                "Requeen within a week.", "\tOrder a mated queen", "Keep notes of every inspection"]


def test_a_slides_lead_in_travels_with_its_items(tmp_path):
    document, _ = _outline(_deck(tmp_path / "winter.pptx"))
    sections = {s.title: s for lesson in document.lessons for s in lesson.sections}
    entrance = [block.text for block in sections["Reducing the entrance"].blocks]
    assert "Fit a mouse guard before the first frost:\nMetal strips with 9.5 mm holes\nCheck it after storms" in entrance
