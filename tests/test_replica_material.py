"""A module added on one replica is served by the other: two real `advisor ui` replicas over one
PostgreSQL and one `chroma run` (the replica test's fixtures), no accounts (loopback: the local
person has the instructor functions). A PDF is uploaded through replica A's API; replica B,
which nobody told, reloads its course within its sync period (ui/course_sync.py) and answers a
question about the new module from it; after A removes the module, B stops answering from it.
"""

from __future__ import annotations

import sys
import time
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from format_fixtures import BIKES, write_pdf  # noqa: E402
from test_replicas import (  # noqa: E402,F401  (the shared servers)
    _client,
    _last_answer,
    chroma,
    postgres,
    replicas,
)

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.loopback]

QUESTION = "How much deposit does a shop pay to rent a cargo bike?"
RELOADED = "the course changed in the shared index"


def _reloads(replica) -> int:
    return replica.log.read_text(encoding="utf-8", errors="replace").count(RELOADED)


def _wait_for_reloads(replica, count: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while _reloads(replica) < count and time.monotonic() < deadline:
        time.sleep(1)
    assert _reloads(replica) >= count, replica.log.read_text(encoding="utf-8")[-2000:]


def _ask(replica) -> str:
    client = _client(replica.url)
    client.predict(f"replica-material-{uuid.uuid4().hex}", api_name="/on_load")
    return _last_answer(client.predict(QUESTION, "learner", api_name="/respond")[0])


@pytest.mark.timeout(1500)
def test_a_module_added_and_removed_on_one_replica_follows_on_the_other(replicas, tmp_path):  # noqa: F811
    from gradio_client import handle_file

    a, b = replicas
    before = _reloads(b)
    assert "three hundred euros" not in _ask(b)

    pdf = write_pdf(BIKES, tmp_path / "replica-bikes.pdf")
    status, _, _ = _client(a.url).predict([handle_file(str(pdf))], api_name="/add_material")
    assert "replica-bikes.pdf" in status and "Added" in status
    _wait_for_reloads(b, before + 1)
    assert "three hundred euros" in _ask(b)

    status, _, _ = _client(a.url).predict("replica-bikes.pdf", api_name="/remove_material")
    assert "Removed" in status
    _wait_for_reloads(b, before + 2)
    assert "three hundred euros" not in _ask(b)
