"""The course index goes away mid-session and comes back: a real `chroma run` server.

One Advisor (the process `advisor ui` runs) answers over a Chroma server; the server is stopped
between two questions, then started again at the same address. While it is down the learner
reads a clear "unavailable, try again shortly" answer (no traceback) and the question is kept
in the conversation; once it is back the same Advisor answers again from the course, without
a restart.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from replica_servers import ServerUnavailable, start_chroma  # noqa: E402

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.loopback,
              pytest.mark.timeout(900)]  # a loaded shared machine starts servers slowly

ASKED = "How do I calculate the ROI of an AI tool?"


@pytest.fixture
def served_advisor(tmp_path, embedder):
    from assistant.engine import Advisor
    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    try:
        server = start_chroma(tmp_path)
    except ServerUnavailable as exc:
        pytest.fail(f"chromadb ships `chroma run`; a broken install: {exc}")
    ingest = Settings(data_dir=tmp_path / "ingest", chroma_url=server.url)
    CourseIndex(ingest, embedder=embedder).ingest(ingest.corpus_paths)
    settings = Settings(data_dir=tmp_path / "app", chroma_url=server.url)
    advisor = Advisor(settings, embedder=embedder)
    state = {"server": server}
    try:
        yield advisor, state, tmp_path
    finally:
        state["server"].stop()


def test_a_stopped_index_server_gives_a_clear_answer_keeps_the_turn_and_recovers(served_advisor):
    advisor, state, folder = served_advisor
    port = int(state["server"].url.rsplit(":", 1)[1])

    before = advisor.ask(ASKED, conversation_id="c-faults")
    assert before.citations and not before.refused

    state["server"].stop()
    down = advisor.ask("What should the ROI calculation include?", conversation_id="c-faults")
    assert "unavailable" in down.answer.lower() and "try again" in down.answer.lower()
    assert "Traceback" not in down.answer and "Error" not in down.answer
    assert "127.0.0.1" not in down.answer  # the operator's details stay in the log
    assert down.citations == [] and down.tool_calls == [] and down.refused  # not answered
    assert down.intent == "unavailable"
    kept = advisor.store.history("c-faults")
    assert [t.content for t in kept if t.role == "user"] == [
        ASKED, "What should the ROI calculation include?"]
    assert kept[-1].content == down.answer

    state["server"] = start_chroma(folder, port=port)  # back at the same address
    after = advisor.ask(ASKED, conversation_id="c-faults")
    assert after.citations and not after.refused
    assert [c.chunk_id for c in after.citations] == [c.chunk_id for c in before.citations]
    assert len(advisor.store.history("c-faults")) == 6
