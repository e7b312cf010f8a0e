"""Course material in any format: Markdown, plain text, PDF, DOCX and HTML are ingested into
lessons, sections and table rows; a learner's question about a new module is answered with a
citation into it; a module can be listed and removed; and bad files are refused by name with
the index left exactly as it was.

Every fixture file is generated here from text (tests/format_fixtures.py), on the real Chroma
store and the real embedding model (the session's memoising embedder, tests/conftest.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from format_fixtures import (  # noqa: E402
    SCRIPT,
    WRITERS,
    Module,
    Part,
    write_html,
    write_document_docx,
    write_document_html,
    write_document_pdf,
    write_markdown,
    write_pdf,
    write_scanned_pdf,
    write_zip_as_docx,
)

from assistant.cli import main  # noqa: E402
from assistant.settings import DEFAULT_CORPUS, Settings  # noqa: E402
from knowledge import course  # noqa: E402
from knowledge.chunking import chunk_document  # noqa: E402
from knowledge.index import CourseIndex  # noqa: E402
from knowledge.modules import (  # noqa: E402
    ConfiguredModule,
    UnknownModule,
    add_modules,
    list_modules,
    remove_module,
)
from knowledge.parsing import CorpusError, parse_course_file, parse_file  # noqa: E402
from knowledge.text import split_prose  # noqa: E402

LIMIT = 60_000  # above the bundled course (~51 kB) and every module below

LOCKERS = Module("Parcel Lockers for Online Orders", [
    Part("Choosing Locker Sites", [
        "Parcel lockers let customers collect online orders at any hour. Sites near train "
        "stations and supermarkets see the most collections. A locker bank holds a parcel for "
        "seventy-two hours before it is returned to the depot.",
        "Each locker sends the customer a six-digit pickup code by text message.",
    ], table=[("Site type", "Weekly collections", "Main risk"),
              ("Train station", "Four hundred", "Vandalism at night"),
              ("Supermarket", "Two hundred and fifty", "Parking limits")]),
    Part("Handling Oversized Parcels", [
        "Parcels wider than forty centimetres never fit a locker door. Oversized parcels are "
        "routed to a staffed counter instead, and the customer is told before dispatch.",
    ], bullets=["Measure the parcel at packing", "Flag it in the order system"]),
])
GIFT_CARDS = Module("Selling Digital Gift Cards", [
    Part("Setting Card Values", [
        "Digital gift cards sell best in values of twenty-five and fifty dollars. A card that "
        "allows a custom value attracts corporate buyers who reward their staff.",
    ]),
    Part("Preventing Gift Card Fraud", [
        "Fraudsters buy gift cards with stolen payment details and resell them quickly. Hold "
        "any card order above five hundred dollars for a manual review of one business day.",
    ], bullets=["Limit cards per order to five", "Block resale marketplaces in the terms"]),
])
RETURNS = Module("Inspecting Customer Returns", [
    Part("Receiving Returned Goods", [
        "Every returned item is inspected within two working days of arrival. The inspector "
        "records the condition grade before the refund is released.",
        "Items graded as new go straight back to the sellable stock. Damaged items are sent "
        "to the outlet store or recycled.",
    ], table=[("Grade", "Meaning", "Next step"),
              ("Grade A", "Unopened and unused", "Restock at full price"),
              ("Grade C", "Damaged packaging", "Sell at the outlet store")]),
    Part("Measuring Return Rates", [
        "A return rate above fifteen percent in one category signals a sizing or description "
        "problem. Product photos that show the real colour cut returns in clothing.",
    ]),
])
SLOTTING = Module("Warehouse Slotting for Fast Pickers", [
    Part("Placing Fast Movers", [
        "Slotting decides which shelf each product lives on. The fastest-moving products sit "
        "at waist height closest to the packing benches, so pickers walk less.",
    ], table=[("Velocity class", "Share of orders", "Shelf zone"),
              ("Class A", "Seventy percent", "Golden zone near packing"),
              ("Class C", "Five percent", "Top shelves at the back")]),
    Part("Reviewing the Slot Plan", [
        "Re-slot the warehouse every quarter, because seasonal products change velocity class. "
        "A re-slot is done overnight to avoid blocking the day shift.",
    ]),
])
LIVE_CHAT = Module("Staffing Live Chat for a Web Shop", [
    Part("Forecasting Chat Volume", [
        "Live chat volume peaks on Monday mornings and during sale launches. Staff one agent for "
        "every forty concurrent shoppers on the product pages.",
    ], table=[("Hour", "Chats per agent", "Target first reply"),
              ("Monday morning", "Six", "Thirty seconds"),
              ("Weekend", "Four", "One minute")]),
    Part("Training Chat Agents", [
        "New chat agents shadow a senior agent for three shifts before they take chats alone.",
    ], bullets=["Practise the refund script", "Learn the order lookup tool"]),
])

FORMATS = {  # suffix -> (module, a question only it answers, a word the answer must carry)
    ".md": (LOCKERS, "How long does a parcel locker hold a parcel before it goes back to the depot?", "seventy-two"),
    ".txt": (GIFT_CARDS, "Which gift card orders should be held for a manual fraud review?", "five hundred"),
    ".pdf": (RETURNS, "How soon must returned items be inspected after they arrive?", "two working days"),
    ".docx": (SLOTTING, "Where should the fastest-moving products sit in the warehouse slotting plan?", "waist height"),
    ".html": (LIVE_CHAT, "When does live chat volume peak for a web shop?", "Monday"),
}


def _snapshot(settings: Settings) -> tuple[int, set[str]]:
    collection = CourseIndex(settings).collection()
    return collection.count(), set(collection.get()["ids"])


def _chunks(path: Path, limit: int = LIMIT):
    document, _ = parse_course_file(path, limit)
    return document, chunk_document(document)


# ---- each format into lessons, sections and rows -------------------------------------------


def test_a_pdf_round_trip_recovers_its_source_sentences(tmp_path, report_measure):
    path = write_pdf(RETURNS, tmp_path / "returns.pdf")
    document, chunks = _chunks(path)
    text = " ".join(" ".join(chunk.text.split()) for chunk in chunks)
    sentences = RETURNS.sentences()
    recovered = [s for s in sentences if s in text]
    share = len(recovered) / len(sentences)
    report_measure(f"PDF round trip: {len(recovered)}/{len(sentences)} source sentences recovered ({share:.0%})")
    assert share == 1.0, sorted(set(sentences) - set(recovered))
    assert document.module_title == RETURNS.title


COURSE_WRITERS = {".pdf": write_document_pdf, ".docx": write_document_docx, ".html": write_document_html}


@pytest.mark.parametrize("suffix", list(COURSE_WRITERS))
def test_the_whole_course_written_in_another_format_comes_back_sentence_for_sentence(suffix, tmp_path, report_measure):
    """The bundled course written as PDF (typeset over many pages: wrapped lines, headings and
    paragraphs cut by page breaks, a ruled table), DOCX or HTML (a table without <th>): each of
    its sentences comes back inside one chunk, every section heading comes back, and its metric
    table gives the same rows."""
    from knowledge.course import metric_rows

    source, _ = parse_file(DEFAULT_CORPUS)
    document, chunks = _chunks(COURSE_WRITERS[suffix](source, tmp_path / f"course{suffix}"), 10**6)
    sentences = [
        " ".join(sentence.split())
        for lesson in source.lessons for section in lesson.sections for block in section.blocks
        if block.kind != "table_row"
        for line in block.text.split("\n") for sentence in split_prose(line)
    ]
    texts = [" ".join(chunk.text.split()) for chunk in chunks]
    recovered = [s for s in sentences if any(s in text for text in texts)]
    report_measure(f"course {suffix} round trip: {len(recovered)}/{len(sentences)} source sentences "
                   f"recovered whole in one chunk ({len(recovered) / len(sentences):.1%})")
    assert len(recovered) / len(sentences) >= 0.98, sorted(set(sentences) - set(recovered))[:5]
    sections = {section.title for lesson in document.lessons for section in lesson.sections}
    assert {s.title for lesson in source.lessons for s in lesson.sections} <= sections
    rows = [(row.application, row.kpis, row.leading, row.lagging) for row in metric_rows(chunks)]
    assert rows and rows == [(row.application, row.kpis, row.leading, row.lagging)
                             for row in metric_rows(chunk_document(source))]


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_every_format_keeps_its_headings_as_sections_and_its_tables_as_rows(suffix, tmp_path):
    module = FORMATS[suffix][0]
    path = WRITERS[suffix](module, tmp_path / f"module{suffix}")
    document, chunks = _chunks(path)

    sections = [section.title for lesson in document.lessons for section in lesson.sections]
    for part in module.parts:  # "1. Receiving Returned Goods" in a PDF still names the section
        assert any(title.endswith(part.heading) for title in sections), (part.heading, sections)
    assert module.title in {document.module_title, *(lesson.title for lesson in document.lessons)}
    rows = [chunk for chunk in chunks if chunk.kind == "table_row"]
    table = next((part.table for part in module.parts if part.table), [])
    if table:  # each data row a chunk of its own, every cell labelled by its header
        header = table[0]
        assert [chunk.text for chunk in rows] == [
            "\n".join(f"{name}: {value}" for name, value in zip(header, row)) for row in table[1:]
        ]
    text = " ".join(" ".join(chunk.text.split()) for chunk in chunks)
    assert all(sentence in text for sentence in module.sentences())
    for item in [item for part in module.parts for item in part.bullets]:
        assert item in text


def test_html_scripts_are_dropped_and_reported_by_file(tmp_path):
    path = write_html(LIVE_CHAT, tmp_path / "chat.html")
    document, converted = parse_course_file(path, LIMIT)
    chunks = chunk_document(document)
    assert not any("tracker" in chunk.text or "cookie" in chunk.text for chunk in chunks)
    assert not any("Home" in chunk.text for chunk in chunks)  # the page's menu is not course text
    assert converted.notices and converted.notices[0].startswith("chat.html: dropped 2 <script>")


# ---- ingest, then a learner's question cites the new module ---------------------------------


@pytest.fixture(scope="module")
def five_formats(tmp_path_factory, embedder):
    folder = tmp_path_factory.mktemp("five-formats")
    settings = Settings(data_dir=folder / "advisor", max_ingest_bytes=LIMIT)
    paths = [WRITERS[suffix](module, folder / f"module{suffix}") for suffix, (module, *_) in FORMATS.items()]
    events = []
    report = add_modules(settings, paths, progress=events.append,
                         index=CourseIndex(settings, embedder=embedder))
    return settings, paths, events, report


@pytest.fixture(scope="module")
def five_formats_advisor(five_formats, embedder):
    from assistant.engine import Advisor

    return Advisor(five_formats[0], embedder=embedder)


def test_ingest_reports_its_progress_and_lists_every_module_with_its_chunk_count(five_formats, embedder):
    settings, paths, events, report = five_formats
    reading = [(e.done, e.total, e.file) for e in events if e.stage == "reading"]
    assert reading == [(n, 6, name) for n, name in enumerate([Path(p).name for p in settings.corpus_paths] +
                                                             [p.name for p in paths], 1)]
    embedding = [e for e in events if e.stage == "embedding"]
    assert embedding[-1].done == embedding[-1].total == report.embedded > 0
    assert events[-1].stage == "done"

    modules = {m.source: m for m in list_modules(settings, CourseIndex(settings, embedder=embedder))}
    assert set(modules) == {Path(p).name for p in settings.corpus_paths} | {p.name for p in paths}
    for path in paths:
        assert modules[path.name].chunks == len(_chunks(path)[1]) and not modules[path.name].configured
    assert sum(m.chunks for m in modules.values()) == _snapshot(settings)[0]
    titles = {modules[f"module{suffix}"].title for suffix in FORMATS}
    assert titles == {module.title for module, *_ in FORMATS.values()}


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_a_question_about_a_new_module_is_answered_with_a_citation_into_it(suffix, five_formats_advisor):
    _, question, words = FORMATS[suffix]
    result = five_formats_advisor.ask(question, remember=False)
    assert not result.refused, result.answer
    cited = [c for c in result.citations if c.source == f"module{suffix}"]
    assert cited, [c.source for c in result.citations]
    assert words.lower() in result.answer.lower()


# ---- remove ---------------------------------------------------------------------------------


@pytest.fixture
def with_module(tmp_path, embedder):
    settings = Settings(data_dir=tmp_path / "advisor", max_ingest_bytes=LIMIT)
    index = CourseIndex(settings, embedder=embedder)
    add_modules(settings, [], index=index)
    before = _snapshot(settings)
    path = write_pdf(RETURNS, tmp_path / "returns.pdf")
    add_modules(settings, [path], index=index)
    return settings, index, path, before


def test_removing_a_module_deletes_exactly_its_chunks_and_the_course_forgets_it(with_module):
    settings, index, path, before = with_module
    assert any(m.source == "returns.pdf" for m in course.current().modules)

    report = remove_module(settings, "returns.pdf", index=index)

    assert report.removed == len(_chunks(path)[1])
    assert _snapshot(settings) == before  # the rest of the course is untouched, chunk for chunk
    assert "returns.pdf" not in {m.source for m in list_modules(settings, index)}
    assert all(m.source != "returns.pdf" for m in course.current().modules)  # the outline follows


def test_the_off_topic_statistics_follow_the_removal(with_module, embedder):
    from knowledge.retrieve import CourseRetriever
    from knowledge.scope import load_or_calibrate

    settings, index, _, _ = with_module
    stored = settings.data_dir / "scope.json"
    with_returns = load_or_calibrate(CourseRetriever(settings, index), stored)
    remove_module(settings, "returns", index=index)  # the name without its extension will do
    without = load_or_calibrate(CourseRetriever(settings, CourseIndex(settings, embedder=embedder)), stored)
    assert without.fingerprint != with_returns.fingerprint
    assert json.loads(stored.read_text())["fingerprint"] == without.fingerprint


def test_removing_an_unknown_or_a_configured_module_is_refused_by_name(with_module):
    settings, index, _, _ = with_module
    with pytest.raises(UnknownModule, match=r"^returns\.docx: is not an indexed module.*returns\.pdf"):
        remove_module(settings, "returns.docx", index=index)
    configured = Path(settings.corpus_paths[0]).name
    with pytest.raises(ConfiguredModule, match="ADVISOR_CORPUS_PATHS"):
        remove_module(settings, configured, index=index)
    assert "returns.pdf" in {m.source for m in list_modules(settings, index)}


def test_advisor_ingest_lists_and_removes_modules(with_module, use_settings):
    settings, _, path, before = with_module
    use_settings(settings, max_ingest_bytes=LIMIT)
    runner = CliRunner()

    listed = runner.invoke(main, ["ingest", "--list", "--json"])
    assert listed.exit_code == 0, listed.output
    counts = {m["source"]: m["chunks"] for m in json.loads(listed.stdout)["modules"]}
    assert counts["returns.pdf"] == len(_chunks(path)[1])

    removed = runner.invoke(main, ["ingest", "--remove", "returns.pdf"])
    assert removed.exit_code == 0 and removed.stdout.startswith("removed returns.pdf:")
    assert _snapshot(settings) == before

    again = runner.invoke(main, ["ingest", "--remove", "returns.pdf"])
    assert again.exit_code == 2 and again.stderr.startswith("error: returns.pdf: is not an indexed module")


def test_a_running_advisor_stops_citing_a_removed_module_once_it_reloads_the_course(tmp_path, embedder):
    from assistant.engine import Advisor

    settings = Settings(data_dir=tmp_path / "advisor", max_ingest_bytes=LIMIT)
    index = CourseIndex(settings, embedder=embedder)
    add_modules(settings, [write_pdf(RETURNS, tmp_path / "returns.pdf")], index=index)
    advisor = Advisor(settings, embedder=embedder)
    question = FORMATS[".pdf"][1]
    assert "returns.pdf" in {c.source for c in advisor.ask(question, remember=False).citations}
    calibrated = advisor.scope.scope.fingerprint

    remove_module(settings, "returns.pdf", index=advisor.retriever.index)
    advisor.reload_course()

    sources = {meta.get("source") for _, meta in advisor.retriever.chunk_map.values()}
    owners, _ = advisor.retriever._sentence_index
    assert "returns.pdf" not in sources and len(owners) > 0
    assert advisor.scope.scope.fingerprint != calibrated  # the off-topic statistics follow
    assert "returns.pdf" not in {c.source for c in advisor.ask(question, remember=False).citations}


# ---- bad input: refused by name, the index exactly as it was ---------------------------------


def _scanned(folder: Path) -> Path:
    return write_scanned_pdf(folder / "scanned.pdf")


def _encrypted(folder: Path) -> Path:
    return write_pdf(RETURNS, folder / "locked.pdf", owner_password="owner", user_password="secret")


def _over_limit(folder: Path) -> Path:
    return write_scanned_pdf(folder / "huge.pdf", noise=200)  # ~120 kB of random pixels


def _zip_as_docx(folder: Path) -> Path:
    return write_zip_as_docx(folder / "slotting.docx")


def _text_as_docx(folder: Path) -> Path:
    (path := folder / "notes.docx").write_text("just text, renamed")
    return path


def _scripts_only(folder: Path) -> Path:
    (path := folder / "app.html").write_text(
        f"<html><head><title>Shop</title></head><body><div id='app'></div><script>{SCRIPT}</script></body></html>"
    )
    return path


def _unknown(folder: Path) -> Path:
    (path := folder / "module.odp").write_bytes(b"PK\x03\x04 slides")
    return path


BAD_INPUTS = [
    pytest.param(_scanned, "no text layer", id="scanned-pdf"),
    pytest.param(_encrypted, "encrypted and needs a password", id="encrypted-pdf"),
    pytest.param(_over_limit, f"over the {LIMIT:,}-byte ingest limit (ADVISOR_MAX_INGEST_BYTES)", id="over-limit"),
    pytest.param(_zip_as_docx, "not a Word document: a ZIP archive without word/document.xml", id="zip-as-docx"),
    pytest.param(_text_as_docx, "not a Word document", id="text-as-docx"),
    pytest.param(_scripts_only, "no course text outside its 1 script(s)", id="html-scripts-only"),
    pytest.param(_unknown, "unsupported file type '.odp'", id="unknown-extension"),
]


@pytest.fixture(scope="module")
def guarded_index(tmp_path_factory, embedder) -> Settings:
    """An index the bad-input tests try (and must fail) to change."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("format-bad-input"), max_ingest_bytes=LIMIT)
    add_modules(settings, [], index=CourseIndex(settings, embedder=embedder))
    return settings


@pytest.mark.parametrize(("make", "why"), BAD_INPUTS)
def test_a_bad_file_is_refused_by_name_and_nothing_of_the_batch_is_ingested(
    make, why, guarded_index, tmp_path, embedder
):
    good = write_markdown(LOCKERS, tmp_path / "lockers.md")  # read first, fine on its own
    bad = make(tmp_path)
    before = _snapshot(guarded_index)

    with pytest.raises(CorpusError) as raised:
        add_modules(guarded_index, [good, bad], index=CourseIndex(guarded_index, embedder=embedder))

    assert str(raised.value).startswith(f"{bad}: ")
    assert why in str(raised.value)
    assert _snapshot(guarded_index) == before


@pytest.mark.parametrize(("make", "why"), BAD_INPUTS)
def test_advisor_ingest_of_a_bad_file_exits_2_naming_it(make, why, guarded_index, tmp_path, use_settings):
    bad = make(tmp_path)
    use_settings(guarded_index, max_ingest_bytes=LIMIT)
    before = _snapshot(guarded_index)

    result = CliRunner().invoke(main, ["ingest", str(bad)])

    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}: ") and why in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""
    assert _snapshot(guarded_index) == before
