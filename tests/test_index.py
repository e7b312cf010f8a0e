"""The Chroma index: incremental ingest, model changes, bad input and a corrupt store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.settings import DEFAULT_CORPUS, Settings
from knowledge.chunking import chunk_document
from knowledge.index import CourseIndex, IndexUnavailable
from knowledge.parsing import CorpusError, parse_file
from knowledge.retrieve import CourseRetriever

ROI_SECTION = "Calculating and Communicating the Return on Investment (ROI) of AI Projects"
ANALYTICS_SECTION = "Strategic Use of Analytics Platforms"
DATA_AUDIT = 'Consider conducting a "data audit" as a preliminary step.'


def _paragraph(text: str, opening: str) -> str:
    """The whole blank-line separated paragraph of ``text`` that starts with ``opening``."""
    start = text.index(opening)
    end = text.find("\n\n", start)
    return text[start:end]


def _chunk_ids(path: Path) -> dict[str, str]:
    """chunk_id → section for a course file, straight from the parser."""
    document, _ = parse_file(path)
    return {chunk.chunk_id: chunk.section for chunk in chunk_document(document)}


def _snapshot(settings: Settings) -> tuple[int, set[str]]:
    collection = CourseIndex(settings).collection()
    return collection.count(), set(collection.get()["ids"])


@pytest.fixture
def course_index(fresh_settings, corpus_copy, embedder) -> CourseIndex:
    """An index of this test's own, built from a writable copy of the course."""
    settings = fresh_settings.model_copy(update={"corpus_paths": [corpus_copy]})
    index = CourseIndex(settings, embedder=embedder)
    report = index.ingest(settings.corpus_paths)
    assert report.embedded == report.added == len(_chunk_ids(corpus_copy))
    return index


def test_session_index_holds_every_chunk_under_the_model_name(built_settings):
    collection = CourseIndex(built_settings).collection()
    assert set(collection.get()["ids"]) == set(_chunk_ids(DEFAULT_CORPUS))
    assert collection.metadata["embedding_model"] == (
        built_settings.resolved_embedding_model().name
    )


def test_stored_metadata_points_back_to_the_source_span(built_settings):
    text = DEFAULT_CORPUS.read_text(encoding="utf-8")
    for chunk_id, document, meta in CourseIndex(built_settings).all_chunks():
        assert meta["chunk_id"] == chunk_id
        assert meta["source"] == DEFAULT_CORPUS.name
        assert text[meta["start"] : meta["end"]].strip()
        assert document


def test_second_ingest_embeds_nothing(course_index):
    report = course_index.ingest(course_index.settings.corpus_paths)
    assert (report.embedded, report.added, report.updated, report.removed) == (0, 0, 0, 0)
    assert report.unchanged == course_index.collection().count()
    assert report.rebuilt == ""


def test_editing_one_paragraph_embeds_exactly_one_chunk(course_index, corpus_copy):
    before = _chunk_ids(corpus_copy)
    text = corpus_copy.read_text(encoding="utf-8")
    paragraph = _paragraph(text, "Leveraging e-commerce analytics platforms")
    corpus_copy.write_text(text.replace(paragraph, paragraph + " Review them monthly."))

    report = course_index.ingest([corpus_copy])

    (gone,) = set(before) - set(_chunk_ids(corpus_copy))
    assert before[gone] == ANALYTICS_SECTION
    assert (report.embedded, report.updated, report.added, report.removed) == (1, 1, 0, 0)
    stored = set(course_index.collection().get()["ids"])
    assert gone not in stored
    assert stored == set(_chunk_ids(corpus_copy))


def test_removing_a_paragraph_deletes_its_chunk(course_index, corpus_copy):
    before = _chunk_ids(corpus_copy)
    text = corpus_copy.read_text(encoding="utf-8")
    corpus_copy.write_text(text.replace(_paragraph(text, DATA_AUDIT) + "\n\n", "", 1))

    report = course_index.ingest([corpus_copy])

    (gone,) = set(before) - set(_chunk_ids(corpus_copy))
    assert before[gone] == "Data Strategy Reinforcement"
    assert (report.removed, report.embedded, report.added, report.updated) == (1, 0, 0, 0)
    assert gone not in set(course_index.collection().get()["ids"])
    assert course_index.collection().count() == len(before) - 1


def test_another_embedding_model_rebuilds_the_whole_index(course_index, tmp_path, embedder):
    # The model id is the model folder's name: the same weights under another name count as
    # another model, which is all this needs (and keeps the vectors the test embedder knows).
    renamed = tmp_path / "renamed-minilm"
    renamed.symlink_to(course_index.settings.resolved_embedding_model(), target_is_directory=True)
    old_model = course_index.model_id
    settings = course_index.settings.model_copy(update={"embedding_model": renamed})

    report = CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)

    assert report.rebuilt == (
        f"embedding model changed ({old_model} → renamed-minilm): rebuilding the whole index"
    )
    assert report.rebuilt in report.summary()
    assert report.embedded == report.added == len(_chunk_ids(settings.corpus_paths[0]))
    assert CourseIndex(settings).collection().metadata["embedding_model"] == "renamed-minilm"


def test_rebuild_flag_embeds_everything_again(course_index):
    report = course_index.ingest(course_index.settings.corpus_paths, rebuild=True)
    assert report.embedded == course_index.collection().count() == 91
    assert "--rebuild" in report.rebuilt


# ---- bad input: a clear message naming the file, and the index left as it was -------------

LIMIT = 60_000  # above the bundled course (~51 kB), below the doubled course


def _empty(folder: Path) -> Path:
    (path := folder / "empty.md").write_text("")
    return path


def _binary(folder: Path) -> Path:
    (path := folder / "slides.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    return path


def _latin1(folder: Path) -> Path:
    (path := folder / "cafe.md").write_bytes("# Café\n\nCrème brûlée sales.".encode("latin-1"))
    return path


def _no_headings(folder: Path) -> Path:
    (path := folder / "notes.md").write_text("Just a paragraph.\n\nAnd another one.\n")
    return path


def _missing(folder: Path) -> Path:
    return folder / "lesson-7.md"


def _directory(folder: Path) -> Path:
    (path := folder / "lessons").mkdir()
    return path


def _over_limit(folder: Path) -> Path:
    text = DEFAULT_CORPUS.read_text(encoding="utf-8")
    (path := folder / "module-6-twice.md").write_text(text + "\n\n" + text)
    return path


def _pdf(folder: Path) -> Path:
    (path := folder / "module-7.pdf").write_bytes(b"%PDF-1.7\n")
    return path


def _slides(folder: Path) -> Path:
    (path := folder / "module-7.key").write_bytes(b"PK\x03\x04")
    return path


BAD_INPUTS = [
    pytest.param(_empty, "the file is empty", id="empty"),
    pytest.param(_binary, "looks binary", id="binary"),
    pytest.param(_latin1, "not valid UTF-8", id="not-utf8"),
    pytest.param(_no_headings, "no Markdown headings found", id="no-headings"),
    pytest.param(_missing, "no such file", id="missing"),
    pytest.param(_directory, "is a folder", id="directory"),
    pytest.param(_over_limit, f"over the {LIMIT:,}-byte ingest limit", id="over-limit"),
    pytest.param(_pdf, "not a readable PDF", id="broken-pdf"),
    pytest.param(_slides, "unsupported file type '.key'", id="unknown-extension"),
]


@pytest.fixture(scope="module")
def shared_index(tmp_path_factory, embedder) -> Settings:
    """An index the bad-input tests try (and must fail) to change."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("bad-input-index"), max_ingest_bytes=LIMIT)
    CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)
    return settings


@pytest.mark.parametrize(("make", "why"), BAD_INPUTS)
def test_bad_file_is_refused_by_name_and_leaves_the_index_untouched(
    make, why, shared_index, tmp_path, embedder
):
    bad = make(tmp_path)
    before = _snapshot(shared_index)
    index = CourseIndex(shared_index, embedder=embedder)

    with pytest.raises(CorpusError) as raised:
        index.ingest([*shared_index.corpus_paths, bad])

    message = str(raised.value)
    assert message.startswith((f"{bad}: ", f"{bad.name}: "))
    assert why in message
    assert _snapshot(shared_index) == before


@pytest.mark.parametrize(("make", "why"), BAD_INPUTS)
def test_advisor_ingest_of_a_bad_file_exits_2_with_the_message_on_stderr(
    make, why, shared_index, tmp_path, use_settings
):
    bad = make(tmp_path)
    use_settings(shared_index, max_ingest_bytes=LIMIT)
    before = _snapshot(shared_index)

    result = CliRunner().invoke(main, ["ingest", str(bad)])

    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert bad.name in result.stderr and why in result.stderr
    assert result.stdout == ""
    assert _snapshot(shared_index) == before


def test_heading_only_file_has_nothing_to_index(shared_index, tmp_path, embedder):
    (bad := tmp_path / "outline.md").write_text("# Lesson 7.1: Outline\n\n## Goals\n\n## Risks\n")
    before = _snapshot(shared_index)
    with pytest.raises(CorpusError, match="no text found under its headings"):
        CourseIndex(shared_index, embedder=embedder).ingest([bad])
    assert _snapshot(shared_index) == before


# ---- a corrupt store -----------------------------------------------------------------------


def _corrupt(data: bytes, how: str) -> bytes:
    if how == "all":
        return b"this is not an SQLite database " * (len(data) // 31)
    return data[:100] + b"\xff" * (len(data) - 100)  # keep the SQLite header, wreck every page


@pytest.fixture(params=["all", "pages"], ids=["garbage-file", "garbage-pages"])
def corrupt_settings(request, built_settings, fresh_settings) -> Settings:
    """A copy of the built index whose SQLite file has been overwritten with garbage.

    A copy (at a path this process has never opened) rather than the original, so no live
    Chroma connection is holding the file while it is damaged.
    """
    shutil.copytree(
        built_settings.chroma_path,
        fresh_settings.chroma_path,
        ignore=shutil.ignore_patterns("*-wal", "*-shm"),
    )
    sqlite = fresh_settings.chroma_path / "chroma.sqlite3"
    sqlite.write_bytes(_corrupt(sqlite.read_bytes(), request.param))
    return fresh_settings


def test_searching_a_corrupt_index_says_how_to_rebuild(corrupt_settings, embedder):
    retriever = CourseRetriever(corrupt_settings, CourseIndex(corrupt_settings, embedder=embedder))
    with pytest.raises(IndexUnavailable, match="run `advisor ingest --rebuild`"):
        retriever.search("How do I calculate the ROI of an AI tool?")


def test_advisor_search_on_a_corrupt_index_exits_2_with_the_rebuild_hint(
    corrupt_settings, use_settings
):
    use_settings(corrupt_settings)
    result = CliRunner().invoke(main, ["search", "ROI of an AI tool"])
    assert result.exit_code == 2  # an uncaught exception would exit 1
    assert result.stderr.startswith("error: could not open the Chroma index")
    assert "run `advisor ingest --rebuild`" in result.stderr


def test_ingest_rebuilds_a_corrupt_index(corrupt_settings, embedder):
    index = CourseIndex(corrupt_settings, embedder=embedder)
    report = index.ingest(corrupt_settings.corpus_paths)

    assert report.rebuilt == "the index could not be opened; rebuilt it from the course files"
    assert report.embedded == index.collection().count() == 91
    top = CourseRetriever(corrupt_settings, index).search(
        "How do I calculate the ROI of an AI tool?"
    )
    assert top[0].citation.section == ROI_SECTION
