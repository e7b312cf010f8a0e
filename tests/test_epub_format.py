"""An EPUB e-book (.epub) is read as what it teaches, in its reading order.

The books are built here, in memory, with zipfile: an EPUB 3 book about keeping hens (a cover
page, the navigation document in the spine, a stylesheet, chapters listed in the manifest out of
reading order, some titled "Chapter N —" and some not, subsections, a nested list, a tip box, a
table with its caption and header row, an endnote on a notes page) and an EPUB 2 book about
sailing a dinghy (only a toc.ncx, the OPF guide naming its cover, an unmarked title page and contents page, a
part divider, a sidebar in the body,
headings starting at h2, a chapter titled only by the NCX and a footnote marked by its class). Both are test data only; their topics and
words are this file's own. The archive guards are checked with broken copies of the first.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from knowledge.chunking import chunk_document
from knowledge.formats import read_course_file, supported_suffixes
from knowledge.parsing import CorpusError, parse_course_file

XHTML = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
         '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">\n'
         '<head><title>{title}</title><link rel="stylesheet" href="style.css"/></head>\n<body>{body}</body></html>')
CONTAINER = ('<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles></container>')


def _opf(title: str, items: list[tuple[str, str, str, str]], spine: list[str], version: str = "3.0",
         guide: str = "", toc: str = "") -> str:
    manifest = "".join(f'<item id="{i}" href="{href}" media-type="{media}"{f" properties={chr(34)}{props}{chr(34)}" if props else ""}/>'
                       for i, href, media, props in items)
    refs = "".join(f'<itemref idref="{i}"/>' for i in spine)
    return (f'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">'
            f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>'
            f'<dc:title>{title}</dc:title><dc:language>en</dc:language></metadata>'
            f'<manifest>{manifest}</manifest><spine{f" toc={chr(34)}{toc}{chr(34)}" if toc else ""}>{refs}</spine>{guide}</package>')


def _zip(path: Path, files: dict[str, str | bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        for name, content in files.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())
    return path


XH = "application/xhtml+xml"

HENS_CHAPTERS = {
    "text/c1.xhtml": ("Chapter 1 — Choosing Your Hens", """
<section epub:type="chapter"><h1>Chapter 1 — Choosing Your Hens</h1>
<p>Three hens are the smallest flock worth keeping, because hens are social birds and a lone hen pines.</p>
<h2>Breeds for beginners</h2>
<table><caption>Table 1. Laying breeds compared</caption>
<thead><tr><th>Breed</th><th>Eggs per year</th><th>Temperament</th></tr></thead>
<tbody><tr><td>Sussex</td><td>250</td><td>Calm and easy to handle</td></tr>
<tr><td>Leghorn</td><td>300</td><td>Flighty and noisy</td></tr></tbody></table>
<h2>Buying point-of-lay pullets</h2>
<p>A pullet at point of lay is about eighteen weeks old.<sup><a epub:type="noteref" href="notes.xhtml#n1" id="r1">1</a></sup> Ask the breeder which vaccinations she has had.</p>
<p>A run of 2 m<sup>2</sup> per bird is the least space to give.</p>
</section>"""),
    "text/c2.xhtml": ("Housing the Flock", """
<section epub:type="chapter"><h1>Housing the Flock</h1>
<p>A coop must keep hens dry, safe from foxes and well ventilated.</p>
<h2>What a coop needs</h2>
<ul><li>Perches: round poles set higher than the nest boxes.<ul><li>Allow 25 cm of perch per hen.</li></ul></li>
<li>Nest boxes: one box for every four hens.</li></ul>
<div class="tip"><p><strong>Tip:</strong> Bury the run's wire mesh 30 cm deep so foxes cannot dig under it.</p></div>
<p>For cleaning, see <a href="c3.xhtml#clean">the cleaning routine</a> in the next chapter.</p>
</section>"""),
    "text/c3.xhtml": ("Chapter 3 — Daily Care", """
<section epub:type="chapter"><h1>Chapter 3 — Daily Care</h1>
<p>Hens need fresh water every morning, even in frost.</p>
<h2 id="clean">The cleaning routine</h2>
<blockquote><p>Scrape the droppings board every day and change the bedding every week.</p></blockquote>
<p>The daily ration is:</p>
<blockquote><p>Grams of layers pellets = 120 × number of hens</p></blockquote>
<p>Old keepers put the rule for grit plainly.</p>
<blockquote><p>A hen without grit cannot grind her food.</p></blockquote>
<h3>Red mite</h3>
<p>Red mites hide in perch ends by day and feed on the birds at night.</p>
</section>"""),
}


def _hens(folder: Path, **swap) -> Path:
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": CONTAINER.format(opf="book/package.opf"),
        "book/style.css": "body { font-family: serif; } .tip { border: 1px solid green; }",
        "book/cover.xhtml": XHTML.format(title="Cover", body='<section epub:type="cover"><h1>Hens at Home</h1>'
                                                            '<p>The Allotment Poultry Group</p></section>'),
        "book/nav.xhtml": XHTML.format(title="Contents", body='<nav epub:type="toc"><h1>Contents</h1><ol>'
                                       + "".join(f'<li><a href="{n}">{t}</a></li>' for n, (t, _) in HENS_CHAPTERS.items())
                                       + "</ol></nav>"),
        "book/text/notes.xhtml": XHTML.format(title="Notes", body=(
            '<section epub:type="endnotes"><h1>Notes</h1><ol><li id="n1" epub:type="endnote">'
            '<p><a href="c1.xhtml#r1" epub:type="backlink">↩</a> Pullets bought younger than that may not lay '
            'until the following spring.</p></li></ol></section>')),
    }
    for name, (title, body) in HENS_CHAPTERS.items():
        files[f"book/{name}"] = XHTML.format(title=title, body=body)
    items = [("c3", "text/c3.xhtml", XH, ""), ("css", "style.css", "text/css", ""),  # manifest out of order
             ("cover", "cover.xhtml", XH, ""), ("nav", "nav.xhtml", XH, "nav"), ("c1", "text/c1.xhtml", XH, ""),
             ("notes", "text/notes.xhtml", XH, ""), ("c2", "text/c2.xhtml", XH, "")]
    files["book/package.opf"] = _opf("Hens at Home", items, ["cover", "nav", "c1", "c2", "c3", "notes"])
    files.update(swap)
    return _zip(folder / "hens-at-home.epub", {k: v for k, v in files.items() if v is not None})


def _document(path: Path):
    document, converted = parse_course_file(path, 1_000_000)
    return document, converted


def _sections(document) -> dict[str, str]:
    return {section.title: "\n".join(block.text for block in section.blocks)
            for lesson in document.lessons for section in lesson.sections}


def test_an_epub_is_an_accepted_format():
    assert ".epub" in supported_suffixes()


def test_chapters_are_lessons_in_spine_order_with_their_headings_as_the_book_shows_them(tmp_path):
    document, _ = _document(_hens(tmp_path))
    assert document.module_title == "Hens at Home"
    lessons = [(lesson.lesson, lesson.title) for lesson in document.lessons if lesson.sections]
    # a labelled chapter is the lesson of its number; an unlabelled one of its place; titles as written
    assert lessons == [("1", "Chapter 1 — Choosing Your Hens"), ("2", "Housing the Flock"), ("3", "Chapter 3 — Daily Care")]
    sections = [section.title for lesson in document.lessons for section in lesson.sections]
    assert sections == ["Chapter 1 — Choosing Your Hens", "Breeds for beginners", "Buying point-of-lay pullets",
                        "Housing the Flock", "What a coop needs", "Chapter 3 — Daily Care", "The cleaning routine",
                        "Red mite"]


def test_cover_navigation_notes_page_and_stylesheet_are_not_taught(tmp_path):
    document, converted = _document(_hens(tmp_path))
    text = "\n".join(_sections(document).values())
    for furniture in ("Allotment Poultry Group", "Contents", "font-family", "border", "↩", "Notes"):
        assert furniture not in text
    assert converted.text.count("Hens at Home") == 1  # the module's title, once


def test_a_tip_box_a_nested_list_and_a_quote_stay_where_they_stand(tmp_path):
    sections = _sections(_document(_hens(tmp_path))[0])
    assert "Tip: Bury the run's wire mesh 30 cm deep" in sections["What a coop needs"]
    assert "Allow 25 cm of perch per hen." in sections["What a coop needs"]
    assert "Scrape the droppings board every day" in sections["The cleaning routine"]


def test_an_endnote_follows_the_paragraph_that_calls_it_without_its_mark(tmp_path):
    sections = _sections(_document(_hens(tmp_path))[0])
    buying = sections["Buying point-of-lay pullets"]
    assert "about eighteen weeks old. Ask the breeder" in buying  # the call's "1" is gone
    assert buying.index("Ask the breeder") < buying.index("Pullets bought younger than that may not lay") \
        < buying.index("A run of 2 m2")  # after its paragraph, before the next one
    assert "m2 per bird" in buying  # a superscript that is no note stays


def test_a_lead_in_with_a_colon_and_the_quote_under_it_are_one_unit_and_other_quotes_stand_alone(tmp_path):
    document, _ = _document(_hens(tmp_path))
    blocks = [b.text for lesson in document.lessons for section in lesson.sections for b in section.blocks
              if section.title == "The cleaning routine"]
    assert "The daily ration is: Grams of layers pellets = 120 × number of hens" in blocks
    assert "Old keepers put the rule for grit plainly." in blocks  # no colon: the quote is its own unit
    assert "A hen without grit cannot grind her food." in blocks


def test_a_link_that_is_no_note_keeps_its_words_and_moves_nothing(tmp_path):
    sections = _sections(_document(_hens(tmp_path))[0])
    assert "see the cleaning routine in the next chapter" in sections["Housing the Flock"] + sections["What a coop needs"]
    assert sections["The cleaning routine"].startswith("Scrape the droppings board")


def test_a_table_keeps_its_header_on_every_row_and_its_citation_names_its_chapter(tmp_path):
    document, _ = _document(_hens(tmp_path))
    chunks = chunk_document(document)
    rows = [c for c in chunks if "Breed: Leghorn" in c.text]
    assert rows and "Eggs per year: 300" in rows[0].text and "Temperament: Flighty and noisy" in rows[0].text
    assert (rows[0].lesson, rows[0].lesson_title, rows[0].section) == ("1", "Chapter 1 — Choosing Your Hens",
                                                                       "Breeds for beginners")
    assert any(c.text.startswith("Table 1. Laying breeds compared") for c in chunks)


# ---------------------------------------------------------------- EPUB 2: an NCX, a guide, h2 chapters

SAIL = {
    "title.html": ("Sail Away", '<h1>Sail Away</h1><p>A handbook of the Harbour Sailing Club</p>'),
    "part1.html": ("Part One", '<h1>Part One: On the Water</h1>'),
    "intro.html": ("Introduction", '<h2>Introduction</h2><p>Dinghy sailing is learned on sheltered water with an instructor.</p>'),
    "ch1.html": ("Chapter 1: Rigging the Boat", '<h2>Chapter 1: Rigging the Boat</h2><p>Step the mast before the boom.</p><aside><p>Safety: wear a buoyancy aid from the slipway on.</p></aside>'
                 '<h3>Hoisting the mainsail</h3><p>Head the boat into the wind before you hoist.'
                 '<sup><a href="#f1">*</a></sup></p><p class="footnote" id="f1"><a href="#x">*</a> A flapping sail '
                 'is normal while the boat points into the wind.</p>'),
    "ch2.html": ("Capsize Drill", '<p>Every sailor capsizes. Stay with the boat and swim to the centreboard.</p>'),
}


def _sailing(folder: Path) -> Path:
    files: dict[str, str | bytes] = {"META-INF/container.xml": CONTAINER.format(opf="content.opf")}
    files["cover.html"] = XHTML.format(title="Cover", body="<div><img src='c.jpg' alt='Sail Away'/></div>")
    files["toc.html"] = XHTML.format(title="Contents", body="<div>" + "".join(
        f'<p><a href="{n}">{t}</a></p>' for n, (t, _) in SAIL.items()) + "</div>")
    for name, (title, body) in SAIL.items():
        files[name] = XHTML.format(title=title, body=body)
    files["toc.ncx"] = ('<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
                        '<docTitle><text>Sail Away</text></docTitle><navMap>' + "".join(
                            f'<navPoint id="p{i}" playOrder="{i}"><navLabel><text>{t}</text></navLabel>'
                            f'<content src="{n}"/></navPoint>' for i, (n, (t, _)) in enumerate(SAIL.items(), 1))
                        + "</navMap></ncx>")
    items = [("cover", "cover.html", XH, ""), ("toc", "toc.html", XH, ""), ("ncx", "toc.ncx", "application/x-dtbncx+xml", "")]
    items += [(n.split(".")[0], n, XH, "") for n in SAIL]
    guide = '<guide><reference type="cover" href="cover.html" title="Cover"/></guide>'
    files["content.opf"] = _opf("Sail Away", items, ["cover", "title", "toc", "part1", "intro", "ch1", "ch2"], version="2.0",
                                guide=guide, toc="ncx")
    return _zip(folder / "sail-away.epub", files)


def test_an_epub2_book_reads_its_ncx_titles_and_chapters_from_its_h2_headings(tmp_path):
    document, converted = _document(_sailing(tmp_path))
    assert document.module_title == "Sail Away"
    titles = [lesson.title for lesson in document.lessons if lesson.sections]
    assert titles == ["Introduction", "Chapter 1: Rigging the Boat", "Capsize Drill"]
    sections = _sections(document)
    assert "Head the boat into the wind before you hoist.\nA flapping sail is normal" in sections["Hoisting the mainsail"]
    assert sections["Capsize Drill"].startswith("Every sailor capsizes.")  # titled by the NCX, no heading of its own
    assert "Contents" not in converted.text and "*" not in sections["Hoisting the mainsail"]
    # an unmarked title page and a part divider with no text teach nothing; a sidebar in the body does
    assert "Harbour Sailing Club" not in converted.text and "Part One" not in converted.text
    assert "Safety: wear a buoyancy aid from the slipway on." in sections["Chapter 1: Rigging the Boat"]


# ---------------------------------------------------------------- refusals

def _not_a_zip(folder: Path) -> Path:
    path = folder / "broken.epub"
    path.write_text("<html><body>just a page</body></html>")
    return path


def _no_container(folder: Path) -> Path:
    return _zip(folder / "broken.epub", {"OEBPS/content.opf": "<package/>"})


def _missing_package(folder: Path) -> Path:
    return _zip(folder / "broken.epub", {"META-INF/container.xml": CONTAINER.format(opf="OPS/book.opf")})


def _missing_chapter(folder: Path) -> Path:
    return _hens(folder, **{"book/text/c2.xhtml": None}).rename(folder / "broken.epub")


def _no_spine(folder: Path) -> Path:
    return _hens(folder, **{"book/package.opf": _opf("Hens", [("c1", "text/c1.xhtml", XH, "")], [])}).rename(
        folder / "broken.epub")


def _encrypted(folder: Path) -> Path:
    lock = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">'
            '<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
            '<enc:CipherData><enc:CipherReference URI="book/text/c1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>')
    return _hens(folder, **{"META-INF/encryption.xml": lock}).rename(folder / "broken.epub")


def _entities(folder: Path) -> Path:
    bomb = '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa">]><container>&a;</container>'
    return _hens(folder, **{"META-INF/container.xml": bomb}).rename(folder / "broken.epub")


@pytest.mark.parametrize(("make", "why", "fix"), [
    pytest.param(_not_a_zip, "not an EPUB e-book (a .epub is a ZIP package", "save it as .epub", id="not-a-zip"),
    pytest.param(_no_container, "a ZIP archive without META-INF/container.xml", "as .epub", id="no-container"),
    pytest.param(_missing_package, "package document OPS/book.opf is missing", "re-export the book", id="no-opf"),
    pytest.param(_missing_chapter, "lists book/text/c2.xhtml, which is not in the archive", "re-export", id="no-chapter"),
    pytest.param(_no_spine, "has no spine", "re-export", id="no-spine"),
    pytest.param(_encrypted, "protected by DRM", "DRM-free copy", id="drm"),
    pytest.param(_entities, "declares XML entities", "re-export", id="entities"),
])
def test_a_broken_book_is_refused_by_name_with_the_fix(make, why, fix, tmp_path):
    path = make(tmp_path)
    with pytest.raises(CorpusError) as raised:
        read_course_file(path, 1_000_000)
    message = str(raised.value)
    assert message.startswith(str(path)) and why in message and fix in message


def test_a_book_that_expands_past_the_limit_is_refused(tmp_path):
    path = _hens(tmp_path, **{"book/text/filler.xhtml": "x" * 500_000})
    assert path.stat().st_size < 20_000
    with pytest.raises(CorpusError, match=r"hens-at-home\.epub: its parts expand to .* split the book"):
        read_course_file(path, 20_000)


def test_a_book_with_only_a_cover_is_refused(tmp_path):
    files = {"META-INF/container.xml": CONTAINER.format(opf="p.opf"),
             "cover.xhtml": XHTML.format(title="c", body="<div><img src='a.jpg'/></div>"),
             "p.opf": _opf("Pictures", [("cover", "cover.xhtml", XH, "")], ["cover"])}
    with pytest.raises(CorpusError, match="no text in its chapters"):
        read_course_file(_zip(tmp_path / "pictures.epub", files), 1_000_000)


# ---------------------------------------------------------------- what learners call an e-book

def test_a_learner_calling_the_material_a_book_or_ebook_asks_for_its_overview():
    from assistant.reading.intents import question_kind

    assert question_kind("what does this poultry ebook cover?") == "overview"
    assert question_kind("what are the key points of the e-book") == "overview"
    assert question_kind("give me an outline of the book") == "overview"
    # guards: a topic the book is asked about, or "book" as a verb, is no ask for the whole
    assert question_kind("what does the book say about red mites?") != "overview"
    assert question_kind("how do I book a coop delivery?") != "overview"
