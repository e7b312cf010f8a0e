"""A replica killed (SIGKILL) in the middle of an answer: the other serves the conversation.

Two real `advisor ui` replicas over one PostgreSQL and one `chroma run` (the replica test's
fixtures). A planner's RICE question is answered on replica A; a second message goes to A and
A is killed with SIGKILL while it answers. The same browser session then reaches replica B:
the conversation is there, whole (a question and its answer are stored together or not at
all), and B answers the next message as a follow-up of what A answered.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from test_replicas import (  # noqa: E402,F401  (the shared servers)
    RICE,
    _client,
    _last_answer,
    _rows,
    chroma,
    postgres,
    replicas,
)

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.loopback]


@pytest.mark.timeout(1200)
def test_a_replica_killed_mid_answer_leaves_the_conversation_to_the_other(replicas, postgres):  # noqa: F811
    from gradio_client.utils import Status

    a, b = replicas
    session_id = f"faults-kill-{uuid.uuid4().hex}"
    on_a = _client(a.url)
    on_a.predict(session_id, api_name="/on_load")
    first = _last_answer(on_a.predict(RICE, "planner", api_name="/respond")[0])
    assert "1500" in first.replace(",", "")

    job = on_a.submit("redo the RICE with effort 4", "planner", api_name="/respond")
    deadline = time.monotonic() + 60
    while job.status().code not in {Status.PROCESSING, Status.ITERATING, Status.FINISHED}:
        assert time.monotonic() < deadline, "replica A never started answering"
        time.sleep(0.02)
    answering = job.status().code != Status.FINISHED
    os.kill(a.process.pid, signal.SIGKILL)
    a.process.wait(30)
    assert answering, "A finished before the kill: no mid-answer kill was tested"

    on_b = _client(b.url)
    _, conversations = on_b.predict(session_id, api_name="/on_load")
    (choice,) = conversations["choices"]
    reopened = str(on_b.predict(choice[1], api_name="/on_open")[0])
    assert "Site search" in reopened  # A's acknowledged answer, served by B
    turns = _rows(postgres, "turns", f"WHERE conversation_id = '{choice[1]}'")
    assert turns in {2, 4}  # the killed answer is stored whole or not at all

    follow_up = _last_answer(on_b.predict("redo the RICE with effort 6", "planner",
                                          api_name="/respond")[0])
    assert "Site search" in follow_up and "500" in follow_up.replace(",", "")
    assert _rows(postgres, "turns", f"WHERE conversation_id = '{choice[1]}'") == turns + 2
