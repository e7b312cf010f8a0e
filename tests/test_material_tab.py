"""Specifications of the "Course material" tab's handlers (no browser): an instructor uploads
modules, sees them listed with their chunk counts, and the running advisor cites a new module at
once; each bad file is refused by name with its reason while the good ones are added; a module is
replaced or removed and the advisor stops citing it; a learner's session is refused every one of
these and changes nothing.

The modules are generated here from text (tests/format_fixtures.py) on a data folder of this
module's own, with the real Chroma store and the session's memoising embedder.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from format_fixtures import (  # noqa: E402
    BIKES,
    write_docx,
    write_markdown,
    write_pdf,
    write_scanned_pdf,
    write_zip_as_docx,
)

from assistant.errors import UserError  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.storage import open_database  # noqa: E402
from assistant.storage.users import UserStore  # noqa: E402
from knowledge.chunking import chunk_document  # noqa: E402
from knowledge.index import CourseIndex  # noqa: E402
from knowledge.modules import add_modules  # noqa: E402
from knowledge.parsing import parse_course_file  # noqa: E402
from ui import material  # noqa: E402
from ui.access import Access, Forbidden  # noqa: E402

LIMIT = 60_000
PASSWORD = "correct horse 42"
QUESTION = "How much deposit does a shop pay to rent a cargo bike?"


@pytest.fixture(scope="module")
def access(tmp_path_factory):
    users = UserStore(open_database(tmp_path_factory.mktemp("acc") / "a.sqlite3"), rounds=4)
    users.add("ada", PASSWORD, "instructor")
    users.add("bob", PASSWORD, "learner")
    return Access(users)


@pytest.fixture(scope="module")
def tab_advisor(tmp_path_factory, embedder):
    """A running advisor over an index of the bundled course only; the tests below change it."""
    from assistant.engine import Advisor

    settings = Settings(data_dir=tmp_path_factory.mktemp("material") / "advisor",
                        max_ingest_bytes=LIMIT)
    add_modules(settings, [], index=CourseIndex(settings, embedder=embedder))
    advisor = Advisor(settings, embedder=embedder)
    advisor.ask("warm up", remember=False)  # loaded, as a running server's advisor is
    return advisor


def _cited(advisor, question: str = QUESTION) -> set[str]:
    return {c.source for c in advisor.ask(question, remember=False).citations}


def _chunk_count(path: Path) -> int:
    document, _ = parse_course_file(path, LIMIT)
    return len(chunk_document(document))


def _ids(advisor) -> set[str]:
    return set(advisor.retriever.index.collection().get(include=[])["ids"])


def test_an_upload_is_listed_with_its_chunks_and_cited_at_once_while_a_bad_file_is_named(
        access, tab_advisor, tmp_path):
    assert "bikes.pdf" not in _cited(tab_advisor)
    pdf = write_pdf(BIKES, tmp_path / "bikes.pdf")
    scanned = write_scanned_pdf(tmp_path / "scan.pdf")
    seen = []

    view = material.upload(access, tab_advisor, "ada", [str(pdf), str(scanned)], seen.append)

    rows = {row[0]: row for row in view.rows}
    assert rows["bikes.pdf"][3] == _chunk_count(pdf) > 0
    assert rows["bikes.pdf"][1] == BIKES.title
    assert "bikes.pdf" in view.removable and "scan.pdf" not in rows
    assert [(r.file, "no text layer" in r.reason) for r in view.refused] == [("scan.pdf", True)]
    assert "`scan.pdf`: " in view.status and str(tmp_path) not in view.status
    assert "Traceback" not in view.status
    assert {e.stage for e in seen} >= {"reading", "embedding", "done"}
    assert seen[-1].done == seen[-1].total
    assert "bikes.pdf" in _cited(tab_advisor)  # the running advisor reloaded its course


def test_a_learner_is_refused_every_material_function_and_nothing_changes(
        access, tab_advisor, tmp_path):
    before = _ids(tab_advisor)
    md = write_markdown(BIKES, tmp_path / "learner.md")
    configured = Path(tab_advisor.settings.corpus_paths[0]).name
    for name in ("bob", None, "nobody"):
        with pytest.raises(Forbidden, match="for instructors"):
            material.upload(access, tab_advisor, name, [str(md)])
        with pytest.raises(Forbidden, match="for instructors"):
            material.remove(access, tab_advisor, name, configured)
        with pytest.raises(Forbidden, match="for instructors"):
            material.replace(access, tab_advisor, name, configured, str(md))
        with pytest.raises(Forbidden, match="for instructors"):
            material.modules(access, tab_advisor, name)
    assert _ids(tab_advisor) == before


def test_only_bad_files_change_nothing_and_each_is_named_with_its_reason(
        access, tab_advisor, tmp_path):
    before = _ids(tab_advisor)
    zipped = write_zip_as_docx(tmp_path / "slides.docx")
    (odd := tmp_path / "notes.odp").write_bytes(b"PK\x03\x04 slides")
    configured = Path(tab_advisor.settings.corpus_paths[0]).name
    (clash := tmp_path / configured).write_text("# A clash\n\n## Part\n\nSome text here.\n")

    view = material.upload(access, tab_advisor, "ada", [str(zipped), str(odd), str(clash)])

    reasons = {r.file: r.reason for r in view.refused}
    assert set(reasons) == {"slides.docx", "notes.odp", configured}
    assert "not a Word document" in reasons["slides.docx"]
    assert "unsupported file type '.odp'" in reasons["notes.odp"]
    assert "ADVISOR_CORPUS_PATHS" in reasons[configured]
    assert view.status.startswith("**Nothing added.**")
    assert _ids(tab_advisor) == before
    with pytest.raises(UserError, match="no file"):
        material.upload(access, tab_advisor, "ada", [])


def test_replacing_then_removing_a_module_follows_in_the_advisors_answers(
        access, tab_advisor, tmp_path):
    material.upload(access, tab_advisor, "ada", [str(write_pdf(BIKES, tmp_path / "bikes.pdf"))])
    assert "bikes.pdf" in _cited(tab_advisor)
    bad = write_zip_as_docx(tmp_path / "bikes-v2.docx")
    kept = material.replace(access, tab_advisor, "ada", "bikes.pdf", str(bad))
    assert kept.status.startswith("**Not replaced**") and "bikes.pdf" in kept.removable

    docx = write_docx(BIKES, tmp_path / "bikes-v2.docx")
    view = material.replace(access, tab_advisor, "ada", "bikes.pdf", str(docx))

    assert "bikes-v2.docx" in view.removable and "bikes.pdf" not in view.removable
    cited = _cited(tab_advisor)
    assert "bikes-v2.docx" in cited and "bikes.pdf" not in cited

    configured = Path(tab_advisor.settings.corpus_paths[0]).name
    with pytest.raises(UserError, match="ADVISOR_CORPUS_PATHS"):
        material.remove(access, tab_advisor, "ada", configured)
    removed = material.remove(access, tab_advisor, "ada", "bikes-v2.docx")
    assert "bikes-v2.docx" not in {row[0] for row in removed.rows}
    assert removed.removable == []
    assert not {"bikes.pdf", "bikes-v2.docx"} & _cited(tab_advisor)


def _outline(advisor) -> set[str]:
    return {m.source for m in advisor.retriever.course.modules}


def test_another_replica_on_the_same_index_follows_an_upload_and_a_removal(
        access, tab_advisor, tmp_path, embedder):
    from assistant.engine import Advisor
    from ui.course_sync import CourseSync

    replica = Advisor(tab_advisor.settings, embedder=embedder)  # same index, another process
    replica.ask("warm up", remember=False)
    sync = CourseSync(replica)
    assert sync.check() is False  # nothing changed: nothing reloaded

    docx = write_docx(BIKES, tmp_path / "replica-bikes.docx")
    material.upload(access, tab_advisor, "ada", [str(docx)])
    assert "replica-bikes.docx" not in _outline(replica)  # what it read at its last load

    assert sync.check() is True
    assert "replica-bikes.docx" in _outline(replica)
    assert "replica-bikes.docx" in _cited(replica)
    assert sync.check() is False

    material.remove(access, tab_advisor, "ada", "replica-bikes.docx")
    assert sync.check() is True
    assert "replica-bikes.docx" not in _outline(replica) | _cited(replica)


def test_an_unreachable_index_keeps_the_course_as_last_read_and_is_said_once(caplog):
    from types import SimpleNamespace

    from ui.course_sync import CourseSync

    def down():
        raise ConnectionError("chroma is down")

    reloads = []
    advisor = SimpleNamespace(retriever=SimpleNamespace(index=SimpleNamespace(indexed=down),
                                                        chunk_map={"c1": ("text", {})}),
                              reload_course=lambda: reloads.append(1))
    sync = CourseSync(advisor)
    assert [sync.check(), sync.check(), sync.check()] == [False, False, False]
    assert reloads == []
    assert len([r for r in caplog.records if "follow course changes" in r.message]) == 1
