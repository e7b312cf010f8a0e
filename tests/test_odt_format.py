"""An OpenDocument Text file (.odt, and the flat .fodt) is read as what it teaches, in document order.

The documents are built here, in memory, with zipfile, as LibreOffice Writer lays them out: a
guide to firing pottery in a small electric kiln (a Title paragraph, headings by outline level,
some numbered by hand and some not, spans, a nested bulleted list and a numbered one, a footnote
called mid-sentence, a framed tip paragraph, a one-cell warning table with its own bold title,
a table with a header row, a merged cell and Writer's repeated empty cells, a "Table N:"
caption, lines set out with tabs, a formula on a line of its own, a tracked deletion, a comment,
a table of contents), the same document as a flat .fodt, and a hand-formatted note on stretching
canvas (no outline headings, bold lines). Their topics and words are this file's own. The archive
guards are checked with broken copies.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from knowledge.chunking import chunk_document
from knowledge.formats import read_course_file, supported_suffixes
from knowledge.parsing import CorpusError, parse_course_file, parse_markdown

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
MIMETYPE = "application/vnd.oasis.opendocument.text"
COMMON_STYLES = """<office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Caption" style:family="paragraph"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Framed" style:display-name="Framed note" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:border="1pt solid #336699" fo:padding="0.2cm"/></style:style>
<style:style style:name="Footnote" style:family="paragraph"/>
</office:styles>"""
AUTOMATIC = """<office:automatic-styles>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
<text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>
<text:list-style style:name="Steps"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
</office:automatic-styles>"""

KILN_BODY = """
<text:table-of-content text:name="Contents"><text:index-body><text:p>Contents</text:p>
<text:p>1. Loading the kiln 2</text:p><text:p>Reading the cones 3</text:p></text:index-body></text:table-of-content>
<text:p text:style-name="Title">Firing Pottery in a Small Electric Kiln</text:p>
<text:p text:style-name="P1">A studio handbook for members who fire their own work.</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">1. Loading the kiln</text:h>
<text:p text:style-name="P1">Bisque ware must be <text:span text:style-name="B">bone dry</text:span><text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Hold a pot against your cheek: if it feels cool, it still holds water.</text:p></text:note-body></text:note> before it goes in, or steam will burst it.<office:annotation><text:p>Check this with Maria</text:p></office:annotation></text:p>
<text:p text:style-name="P1">Kiln wash protects the shelves.<text:tracked-changes/></text:p>
<text:h text:style-name="Heading_20_2" text:outline-level="2">Stacking the shelves</text:h>
<text:p text:style-name="P1">Checklist before you close the lid:</text:p>
<text:list text:style-name="Bullets">
<text:list-item><text:p>Posts at three points under every shelf</text:p></text:list-item>
<text:list-item><text:p>Glazed pieces kept apart:</text:p>
<text:list><text:list-item><text:p>at least 1 cm between glazed pots</text:p></text:list-item>
<text:list-item><text:p>no glaze on the foot ring</text:p></text:list-item></text:list></text:list-item>
<text:list-item><text:p>The lid bung left out for the first hour</text:p></text:list-item>
</text:list>
<text:p text:style-name="Framed"><text:span text:style-name="B">Tip:</text:span> Fire pieces of one thickness together so they heat at one pace.</text:p>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Reading the cones</text:h>
<text:p text:style-name="P1">A pyrometric cone bends when the heat work is done.</text:p>
<text:p text:style-name="Caption">Table 1: Cones and their temperatures</text:p>
<table:table table:name="Cones"><table:table-column table:number-columns-repeated="4"/>
<table:table-header-rows><table:table-row>
<table:table-cell><text:p>Cone</text:p></table:table-cell><table:table-cell><text:p>Bends at (°C)</text:p></table:table-cell>
<table:table-cell><text:p>Used for</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/>
</table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>06</text:p></table:table-cell><table:table-cell><text:p>999</text:p></table:table-cell>
<table:table-cell><text:p>Low bisque</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Cone 6, mid-fire stoneware</text:p></table:table-cell><table:covered-table-cell/>
<table:table-cell><text:p>Glaze firing</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
<table:table-row table:number-rows-repeated="500"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="Warning"><table:table-column/><table:table-row><table:table-cell>
<text:p text:style-name="P1"><text:span text:style-name="B">Warning</text:span></text:p>
<text:p text:style-name="P1">Never open the lid above 200 °C: the thermal shock cracks the ware.</text:p>
</table:table-cell></table:table-row></table:table>
<text:h text:style-name="Heading_20_1" text:outline-level="1">2. Firing and cooling</text:h>
<text:p text:style-name="P1">Write each firing in the kiln log, like this:<text:line-break/>Date<text:tab/>Cone<text:tab/>Hours<text:line-break/>14 May<text:tab/>06<text:tab/>9</text:p>
<text:p text:style-name="P1">The cooling rate is found as:<text:line-break/>Rate = drop in degrees ÷ hours taken<text:line-break/>Keep it under 100 degrees an hour near quartz inversion.</text:p>
<text:list text:style-name="Steps">
<text:list-item><text:p>Candle at 90 °C overnight.</text:p></text:list-item>
<text:list-item><text:p>Climb at 100 °C an hour to 600 °C.</text:p></text:list-item>
<text:list-item><text:p>Climb at full speed to the cone.</text:p></text:list-item>
</text:list>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Safety in the kiln room</text:h>
<text:p text:style-name="P1">Keep the room ventilated whenever the kiln is above 300 °C.</text:p>
"""


def _content(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES} office:version="1.3">'
            f"{AUTOMATIC}<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def _styles() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES} office:version="1.3">'
            f"{COMMON_STYLES}</office:document-styles>")


def _meta(title: str = "Kiln handbook (draft 3)") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
            f"<office:meta><dc:title>{title}</dc:title></office:meta></office:document-meta>")


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")


def _odt(path: Path, body: str = KILN_BODY, **swap: str | bytes | None) -> Path:
    files: dict[str, str | bytes | None] = {"mimetype": MIMETYPE, "META-INF/manifest.xml": MANIFEST,
                                            "meta.xml": _meta(), "styles.xml": _styles(), "content.xml": _content(body)}
    files.update(swap)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            if data is not None:
                archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())
    return path


def _fodt(path: Path, body: str = KILN_BODY, mimetype: str = MIMETYPE) -> Path:
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><office:document {NAMESPACES} office:version="1.3" '
                    f'office:mimetype="{mimetype}"><office:meta><dc:title>Kiln handbook</dc:title></office:meta>'
                    f"{COMMON_STYLES}{AUTOMATIC}<office:body><office:text>{body}</office:text></office:body>"
                    "</office:document>", encoding="utf-8")
    return path


def _sections(path: Path) -> dict[str, str]:
    document, _ = parse_course_file(path, 1_000_000)
    return {section.title: "\n".join(block.text for block in section.blocks)
            for lesson in document.lessons for section in lesson.sections}


def test_odt_and_flat_odt_are_accepted_formats():
    assert {".odt", ".fodt"} <= set(supported_suffixes())


@pytest.mark.parametrize("build", [lambda tmp: _odt(tmp / "kiln.odt"), lambda tmp: _fodt(tmp / "kiln.fodt")],
                         ids=["odt", "fodt"])
def test_headings_by_outline_level_under_the_title_with_their_numbers_as_written(tmp_path, build):
    document, _ = parse_course_file(build(tmp_path), 1_000_000)
    assert document.module_title == "Firing Pottery in a Small Electric Kiln"  # the Title paragraph, not dc:title
    lessons = [(lesson.lesson, lesson.title) for lesson in document.lessons if lesson.lesson != "module"]
    # numbered by hand where the writer numbered; the others are parts without a number, never
    # the number of their place ("Reading the cones" is second, and "2." is another part)
    assert lessons == [("1", "1. Loading the kiln"), ("reading-the-cones", "Reading the cones"),
                       ("2", "2. Firing and cooling"), ("safety-in-the-kiln-room", "Safety in the kiln room")]
    assert len({lesson.lesson for lesson in document.lessons}) == len(document.lessons)
    sections = [s.title for lesson in document.lessons for s in lesson.sections]
    assert "Stacking the shelves" in sections


def test_a_footnote_follows_its_paragraph_and_leaves_the_sentence_that_cites_it_whole(tmp_path):
    text = _sections(_odt(tmp_path / "kiln.odt"))["1. Loading the kiln"]
    assert "Bisque ware must be bone dry before it goes in, or steam will burst it." in text
    assert text.index("steam will burst it") < text.index("Hold a pot against your cheek") < text.index("Kiln wash")


def test_comments_tables_of_contents_and_the_metadata_title_are_not_taught(tmp_path):
    converted = read_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    for furniture in ("Check this with Maria", "Contents", "Kiln handbook (draft 3)", "Loading the kiln 2"):
        assert furniture not in converted.text


def test_a_nested_list_stays_under_its_parent_item_and_a_framed_tip_stays_in_its_section(tmp_path):
    converted = read_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    assert "- Glazed pieces kept apart:\n  - at least 1 cm between glazed pots\n  - no glaze on the foot ring\n" \
           "- The lid bung left out" in converted.text
    section = _sections(_odt(tmp_path / "kiln.odt"))["Stacking the shelves"]
    assert "Tip: Fire pieces of one thickness together" in section


def test_a_one_cell_table_is_a_box_its_bold_title_joined_to_its_text(tmp_path):
    section = _sections(_odt(tmp_path / "kiln.odt"))["Reading the cones"]
    assert "Warning: Never open the lid above 200 °C: the thermal shock cracks the ware." in section
    assert "| Warning" not in section


def test_a_table_keeps_its_header_on_every_row_a_merged_cell_once_and_no_padding(tmp_path):
    document, converted = parse_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    assert "| Cone | Bends at (°C) | Used for |\n" in converted.text  # Writer's 1,020 empty cells: none
    rows = [c for c in chunk_document(document) if "Bends at (°C): 999" in c.text]
    assert rows and "Used for: Low bisque" in rows[0].text and rows[0].section == "Reading the cones"
    merged = [c.text for c in chunk_document(document) if "Cone 6, mid-fire stoneware" in c.text]
    assert merged and merged[0].count("Cone 6") == 1 and "Used for: Glaze firing" in merged[0]
    assert "Table 1: Cones and their temperatures" in _sections(tmp_path / "kiln.odt")["Reading the cones"]


def test_lines_set_out_with_tabs_are_a_table_and_a_formula_on_its_own_line_ends_its_paragraph(tmp_path):
    document, converted = parse_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    assert "| Date | Cone | Hours |" in converted.text
    log = [c.text for c in chunk_document(document) if "14 May" in c.text]
    assert log and "Cone: 06" in log[0] and "Hours: 9" in log[0]
    blocks = [b.text for lesson in document.lessons for s in lesson.sections for b in s.blocks]
    assert "The cooling rate is found as: Rate = drop in degrees ÷ hours taken" in blocks
    assert "Keep it under 100 degrees an hour near quartz inversion." in blocks  # not run into the formula


def test_a_numbered_list_keeps_its_numbers(tmp_path):
    converted = read_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    assert "1. Candle at 90 °C overnight.\n2. Climb at 100 °C an hour to 600 °C.\n3. Climb at full speed" in converted.text


def test_the_flat_file_reads_as_the_package_does(tmp_path):
    packaged = read_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000).text
    flat = read_course_file(_fodt(tmp_path / "kiln.fodt"), 1_000_000).text
    assert flat == packaged


CANVAS = """
<text:p text:style-name="P1"><text:span text:style-name="B">Stretching Canvas</text:span></text:p>
<text:p text:style-name="P1">Stretch cotton duck while it is dry and linen while it is slightly damp.</text:p>
<text:p text:style-name="P1"><text:span text:style-name="B">Choosing bars</text:span></text:p>
<text:p text:style-name="P1">Use cross-braced bars for anything wider than 90 cm.</text:p>
<text:p text:style-name="P1"><text:span text:style-name="B">Priming</text:span></text:p>
<text:p text:style-name="P1">Two thin coats of gesso beat one thick coat. <text:span text:style-name="B">Sand lightly between them.</text:span></text:p>
"""


def test_a_hand_formatted_document_has_its_short_bold_lines_as_headings(tmp_path):
    path = _odt(tmp_path / "canvas.odt", CANVAS, **{"meta.xml": _meta("Canvas notes")})
    document, _ = parse_course_file(path, 1_000_000)
    sections = {s.title: [b.text for b in s.blocks] for lesson in document.lessons for s in lesson.sections}
    assert document.module_title == "Canvas notes"  # no Title paragraph: the document's own title names it
    assert sections["Choosing bars"] == ["Use cross-braced bars for anything wider than 90 cm."]
    assert sections["Priming"] == ["Two thin coats of gesso beat one thick coat. Sand lightly between them."]


def test_a_bold_line_in_a_document_with_outline_headings_stays_text(tmp_path):
    # "Checklist before you close the lid:" and the bold "Warning" line are no sections of their own
    document, _ = parse_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    sections = [s.title for lesson in document.lessons for s in lesson.sections]
    assert not any(title.startswith(("Checklist", "Warning", "Tip")) for title in sections)


def test_markdown_parts_numbered_in_place_still_number_an_unnumbered_part_by_its_place():
    # the guard: where every numbered part stands at its place, an unnumbered one is its place's lesson
    text = "# Keeping Quail\n\n## Why Quail\n\nQuail lay small eggs.\n\n## 2. Housing\n\nA hutch will do.\n\n" \
           "## 3. Feeding\n\nGame bird crumb.\n"
    document = parse_markdown(text, "quail.md")
    assert [lesson.lesson for lesson in document.lessons if lesson.lesson != "module"] == ["1", "2", "3"]


# ---------------------------------------------------------------- refusals, each with its fix

def test_an_odt_that_is_not_a_zip_is_refused_by_name(tmp_path):
    path = tmp_path / "notes.odt"
    path.write_bytes(b"Just some words saved with the wrong ending.")
    with pytest.raises(CorpusError, match=r"notes\.odt: not an OpenDocument text .*save it as \.odt"):
        read_course_file(path, 1_000_000)


def test_a_zip_without_content_is_refused(tmp_path):
    with pytest.raises(CorpusError, match=r"without content\.xml"):
        read_course_file(_odt(tmp_path / "empty.odt", **{"content.xml": None}), 1_000_000)


def test_a_spreadsheet_renamed_odt_is_refused_as_what_it_is(tmp_path):
    path = _odt(tmp_path / "budget.odt", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(CorpusError, match=r"budget\.odt: a spreadsheet, not a text document"):
        read_course_file(path, 1_000_000)
    with pytest.raises(CorpusError, match=r"a spreadsheet, not a text document"):
        read_course_file(_fodt(tmp_path / "budget.fodt", mimetype="application/vnd.oasis.opendocument.spreadsheet"),
                         1_000_000)


def test_a_document_saved_with_a_password_is_refused(tmp_path):
    locked = MANIFEST.replace('manifest:media-type="text/xml"/>', 'manifest:media-type="text/xml">'
                              '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
                              "</manifest:file-entry>")
    with pytest.raises(CorpusError, match=r"protected by a password"):
        read_course_file(_odt(tmp_path / "locked.odt", **{"META-INF/manifest.xml": locked,
                                                          "content.xml": b"\x8f\x01binary"}), 1_000_000)


def test_entities_and_broken_xml_are_refused(tmp_path):
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><office:document-content/>'
    with pytest.raises(CorpusError, match=r"declares XML entities"):
        read_course_file(_odt(tmp_path / "bomb.odt", **{"content.xml": bomb}), 1_000_000)
    with pytest.raises(CorpusError, match=r"not well-formed XML"):
        read_course_file(_odt(tmp_path / "cut.odt", **{"content.xml": _content(KILN_BODY)[:-40]}), 1_000_000)


def test_parts_expanding_far_past_the_limit_are_refused(tmp_path):
    padded = _content(KILN_BODY + "<text:p>" + "clay " * 60_000 + "</text:p>")
    with pytest.raises(CorpusError, match=r"parts expand to .* over 20 times"):
        read_course_file(_odt(tmp_path / "huge.odt", **{"content.xml": padded}), 10_000)


def test_a_document_with_no_text_is_refused(tmp_path):
    with pytest.raises(CorpusError, match=r"blank\.odt: the document has no text"):
        read_course_file(_odt(tmp_path / "blank.odt", '<text:p text:style-name="P1"/>'), 1_000_000)


def test_the_upload_form_offers_the_format():
    from ui.material import ACCEPTED

    assert {".odt", ".fodt"} <= set(ACCEPTED)


def test_a_citation_of_a_part_without_a_number_names_its_title_not_its_id(tmp_path):
    from knowledge.types import Citation

    document, _ = parse_course_file(_odt(tmp_path / "kiln.odt"), 1_000_000)
    row = next(c for c in chunk_document(document) if "Bends at (°C): 999" in c.text)
    label = Citation(chunk_id=row.chunk_id, lesson=row.lesson, lesson_title=row.lesson_title, section=row.section,
                     quote="").label
    assert label == "Reading the cones"  # the part's own heading, once; not "Lesson reading-the-cones › …"
    assert Citation(chunk_id="c", lesson="reading-the-cones", lesson_title="Reading the cones",
                    section="Cone packs", quote="").label == "Reading the cones › Cone packs"
    # guard: a numbered lesson keeps its number
    assert Citation(chunk_id="c", lesson="2", lesson_title="Firing", section="Cooling", quote="").label == \
        "Lesson 2 › Cooling"
