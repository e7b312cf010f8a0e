"""Client/server mode for real: ingest into and search a `chroma run` server over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.settings import Settings
from knowledge.index import CourseIndex
from knowledge.retrieve import CourseRetriever
from servers import LOOPBACK, OFFLINE_ENV, free_port, stop

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.loopback,
              pytest.mark.timeout(300)]

CHROMA = Path(sys.executable).parent / "chroma"
ROI_SECTION = "Calculating and Communicating the Return on Investment (ROI) of AI Projects"


def _wait_for_heartbeat(url: str, server: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"chroma run exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"chroma run did not answer within {seconds:.0f} s:\n{log.read_text()}")


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    # chromadb is a hard dependency and ships the `chroma` command: missing means a broken
    # install, which fails here rather than skipping.
    assert CHROMA.exists(), f"{CHROMA} not installed: pip install -e '.[test]'"
    port = free_port()
    log = tmp_path / "chroma.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                str(CHROMA),
                "run",
                "--host",
                LOOPBACK,
                "--port",
                str(port),
                "--path",
                str(tmp_path / "server-data"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **OFFLINE_ENV},
        )
    try:
        url = f"http://{LOOPBACK}:{port}"
        _wait_for_heartbeat(url, server, log, seconds=30)
        yield url
    finally:
        stop(server, 10)


def test_ingest_and_search_through_a_chroma_server(chroma_url, tmp_path, embedder):
    settings = Settings(data_dir=tmp_path / "client", chroma_url=chroma_url)

    first = CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)
    index = CourseIndex(settings, embedder=embedder)
    passages = CourseRetriever(settings, index).search("How do I calculate the ROI of an AI tool?")
    second = CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)

    assert first.embedded == first.added == index.collection().count() == 91
    assert passages[0].citation.section == ROI_SECTION
    assert passages[0].citation.lesson == "6.2"
    assert (second.embedded, second.unchanged) == (0, 91)
    assert not settings.chroma_path.exists()  # nothing went to an embedded store
