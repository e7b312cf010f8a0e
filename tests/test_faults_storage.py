"""SQLite on a full disk: a clear operator error, the previous state intact, writes resume.

Two ways to fill the disk, the same expectations: a real 4 MiB tmpfs filled to the last byte
(where this process may mount one, e.g. as root in CI's container), and SQLite's own page
limit (`PRAGMA max_page_count`), which fails a write with the very SQLITE_FULL code a full disk
gives, on any machine.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant.errors import Kind
from assistant.memory import ConversationStore, StoreUnavailable

BIG = "A long answer about the return on investment of a pilot. " * 400  # ~23 kB


def _mount_tmpfs(folder: Path) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


@contextmanager
def _tmpfs_disk(folder: Path) -> Iterator[tuple[Path, object]]:
    if not _mount_tmpfs(folder):
        pytest.skip("cannot mount a tmpfs here (not root); the page-limit case covers it")

    def fill(store: ConversationStore):
        filler = folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        try:  # every free byte of the disk
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        return lambda: filler.unlink()

    try:
        yield folder / "advisor.db", fill
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def _page_limit_disk(folder: Path) -> Iterator[tuple[Path, object]]:
    folder.mkdir(parents=True, exist_ok=True)

    def fill(store: ConversationStore):
        engine = store.db.engine
        with engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

        def limit(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        sa.event.listen(engine, "connect", limit)
        engine.dispose()  # every connection from now on sees the limit

        def free():
            sa.event.remove(engine, "connect", limit)
            engine.dispose()

        return free

    yield folder / "advisor.db", fill


@pytest.mark.parametrize("disk", [_tmpfs_disk, _page_limit_disk], ids=["tmpfs", "page-limit"])
def test_a_full_disk_is_an_operator_error_and_loses_nothing_saved(disk, tmp_path):
    with disk(tmp_path / "disk") as (path, fill):
        store = ConversationStore(path)
        try:
            store.append_turns("c1", [("user", "What is ROI?", {}), ("assistant", "Gain over cost.", {})])
            before = store.history("c1")
            free = fill(store)

            with pytest.raises(StoreUnavailable) as raised:
                for n in range(50):  # what free space a page or the WAL held is used up first
                    store.append_turns("c1", [("user", f"Question {n}", {}),
                                              ("assistant", BIG, {})])
            error = raised.value
            assert error.kind is Kind.OPERATOR and error.code == "disk_full"
            assert str(path) in error.message and "disk is full" in error.message
            assert "Free space" in error.message  # the fix
            assert "Traceback" not in error.message

            saved = store.history("c1", limit=500)
            assert saved[:2] == before  # what was saved before is intact
            assert len(saved) % 2 == 0  # a question and its answer: together or not at all
            assert all(t.content.startswith("Question") for t in saved[2::2])

            free()
            store.append_turns("c1", [("user", "And NPV?", {}), ("assistant", "Discounted.", {})])
            assert store.history("c1", limit=500)[-1].content == "Discounted."
        finally:
            store.close()
