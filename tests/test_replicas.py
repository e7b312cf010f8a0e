"""Two `advisor ui` replicas sharing one PostgreSQL and one `chroma run` server, for real.

The test starts PostgreSQL (Debian's initdb/pg_ctl on a temporary folder) and `chroma run` on
free loopback ports, ingests the course once into the Chroma server, and starts two replicas
against them. A conversation started on replica A is continued on replica B (the follow-up
uses A's turn); a plan edited on A is seen and edited on B, and A's next edit keeps B's; a
thumbs-down from each replica lands in one feedback table; ten sessions spread over both
replicas see only their own conversations and plans. The figures are written to
test-artifacts/replicas.json.

Where PostgreSQL is not installed (see .ci/server-deps) the test skips, loudly; in CI
(CI=true) it fails instead.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from replica_servers import (  # noqa: E402
    ServerUnavailable,
    start_chroma,
    start_postgres,
    start_replicas,
)

pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.loopback]
pytest.importorskip("gradio_client")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
MARKER = re.compile(r"marker\d\dx[0-9a-f]{6}")
RICE = ("Prioritise with RICE: 'Site search' reach 3000, impact 2, confidence 0.5, effort 2; "
        "'Chatbot' reach 1000, impact 1, confidence 0.8, effort 1")


def _unavailable(exc: Exception):
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI must run the replica test: {exc}")
    print(f"\n*** SKIPPED the two-replica test: {exc} ***\n", flush=True)
    pytest.skip(f"LOUD SKIP: {exc}")


@pytest.fixture(scope="module")
def postgres():
    try:
        server = start_postgres()
    except ServerUnavailable as exc:
        _unavailable(exc)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def chroma(tmp_path_factory, embedder):
    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    folder = tmp_path_factory.mktemp("chroma")
    try:
        server = start_chroma(folder)
    except ServerUnavailable as exc:
        _unavailable(exc)
    try:  # ingest once, from outside every replica (as `advisor ingest` would)
        settings = Settings(data_dir=folder / "ingest", chroma_url=server.url)
        CourseIndex(settings, embedder=embedder).ingest(settings.corpus_paths)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def replicas(postgres, chroma, tmp_path_factory):
    folder = tmp_path_factory.mktemp("replicas")
    started = start_replicas(folder, 2, postgres.url, chroma.url, rate_limit_per_minute="1000")
    try:
        yield started
    finally:
        for replica in started:
            replica.stop()


def _client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, httpx_kwargs={"timeout": 300})


def _last_answer(chat) -> str:
    return str(chat[-1]["content"] if isinstance(chat[-1], dict) else chat[-1])


def _like(client, liked: bool, index: int) -> None:
    """A 👍/👎 on the answer at `index`, sent as the browser does (gradio_client cannot
    send event data): the event joins the queue under the client's session."""
    (fn_index,) = [n for n, dep in enumerate(client.config["dependencies"])
                   if dep.get("api_name") == "on_like"]
    base = client.src.rstrip("/") + "/gradio_api/queue"
    body = {"data": [None, None, None], "fn_index": fn_index,
            "session_hash": client.session_hash,
            "event_data": {"index": index, "value": "", "liked": liked}}
    with httpx.Client(timeout=120) as http:
        http.post(f"{base}/join", json=body).raise_for_status()
        with http.stream("GET", f"{base}/data",
                         params={"session_hash": client.session_hash}) as events:
            for line in events.iter_lines():
                if '"process_completed"' in line:
                    assert '"success":true' in line.replace(" ", ""), line
                    return
    raise AssertionError("the like event never completed")


def _rows(postgres, table: str, where: str = "") -> int:
    engine = sa.create_engine(postgres.url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table} {where}")).scalar_one()
    finally:
        engine.dispose()


def _session(replicas, number: int) -> dict:
    """One browser session: asks and plans on one replica, then reloads on the other."""
    marker = f"marker{number:02d}x{uuid.uuid4().hex[:6]}"
    session_id = f"replica-session-{number:02d}-{uuid.uuid4().hex}"
    home, other = replicas[number % 2], replicas[(number + 1) % 2]
    client = _client(home.url)
    client.predict(session_id, api_name="/on_load")
    gain = 10_000 + 1_000 * (number + 1)
    chat, _, conversations, *_ = client.predict(
        f"What is the ROI if we gain ${gain:,} on a $10,000 tool? Project {marker}.",
        "learner", api_name="/respond")
    client.predict(f"add '{marker} search' with reach {1000 + number}, impact 2, "
                   "confidence 0.8, effort 3", api_name="/on_command")
    elsewhere = _client(other.url)
    _, seen = elsewhere.predict(session_id, api_name="/on_load")
    table = elsewhere.predict(api_name="/refresh_plan")[0]
    (choice,) = seen["choices"]
    reopened = elsewhere.predict(choice[1], api_name="/on_open")[0]
    return {"number": number, "marker": marker, "client": elsewhere, "cid": choice[1],
            "roi": f"= {(number + 1) * 10}%", "chat": str(chat),
            "seen": str(seen), "plan": str(table), "reopened": str(reopened)}


@pytest.mark.timeout(1800)
def test_two_replicas_share_conversations_plans_and_feedback(replicas, postgres):
    a, b = replicas
    figures: dict[str, object] = {"replicas": 2}

    # A conversation started on A is continued on B: the follow-up redoes A's RICE ranking.
    session_id = f"replica-chat-{uuid.uuid4().hex}"
    on_a = _client(a.url)
    on_a.predict(session_id, api_name="/on_load")
    first = on_a.predict(RICE, "planner", api_name="/respond")[0]
    assert "1500" in _last_answer(first).replace(",", "")
    on_b = _client(b.url)
    _, conversations = on_b.predict(session_id, api_name="/on_load")
    (choice,) = conversations["choices"]
    on_b.predict(choice[1], api_name="/on_open")
    follow_up = _last_answer(on_b.predict("redo the RICE with effort 6", "planner",
                                          api_name="/respond")[0])
    assert "Site search" in follow_up and "500" in follow_up.replace(",", "")
    alone = _client(b.url)  # the same words in a new conversation have nothing to redo
    alone.predict(f"replica-alone-{uuid.uuid4().hex}", api_name="/on_load")
    assert "Site search" not in _last_answer(
        alone.predict("redo the RICE with effort 6", "planner", api_name="/respond")[0])
    assert _rows(postgres, "turns", f"WHERE conversation_id = '{choice[1]}'") == 4

    # A plan edited on A is seen on B; B's edit survives A's next one (no stale overwrite).
    on_a.predict("add 'Alpha search' with reach 1000, impact 2, confidence 0.8, effort 3",
                 api_name="/on_command")
    on_b.predict(session_id, api_name="/on_load")
    table = on_b.predict(api_name="/refresh_plan")[0]
    assert [row[0] for row in table["data"]] == ["Alpha search"]
    on_b.predict("add 'Beta chatbot' with reach 500, impact 1, confidence 0.5, effort 2",
                 api_name="/on_command")
    on_a.predict("add 'Gamma pricing' with reach 800, impact 1, confidence 0.6, effort 2",
                 api_name="/on_command")
    table = _client(b.url)
    table.predict(session_id, api_name="/on_load")
    names = {row[0] for row in table.predict(api_name="/refresh_plan")[0]["data"]}
    assert names == {"Alpha search", "Beta chatbot", "Gamma pricing"}

    # Feedback from both replicas, in one table.
    _like(on_a, False, 1)
    _like(on_b, True, 3)
    owner = f"'browser:{session_id}'"
    assert _rows(postgres, "ui_feedback", f"WHERE owner = {owner}") == 2

    # Ten sessions spread over both replicas see only their own data, on either replica.
    with ThreadPoolExecutor(max_workers=10) as pool:
        sessions = list(pool.map(lambda n: _session(replicas, n), range(10), timeout=1200))
    cross_talk = 0
    for s in sessions:
        own = {s["marker"]}
        assert s["roi"] in s["chat"] and s["roi"] in s["reopened"]
        for seen in (s["chat"], s["seen"], s["plan"], s["reopened"]):
            cross_talk += len(set(MARKER.findall(seen)) - own)
            assert set(MARKER.findall(seen)) == own
    for s in sessions:  # another session's conversation id does not open
        theirs = sessions[(s["number"] + 1) % 10]["cid"]
        try:
            peeked = s["client"].predict(theirs, api_name="/on_open")
        except Exception:  # noqa: BLE001  # Gradio may refuse a value that is not a choice
            peeked = None
        cross_talk += len(MARKER.findall(str(peeked)))
    assert cross_talk == 0

    figures.update(
        sessions=_rows(postgres, "(SELECT DISTINCT owner FROM conversations) AS owners"),
        conversations=_rows(postgres, "conversations"),
        turns=_rows(postgres, "turns"),
        plans=_rows(postgres, "ui_plans"),
        feedback_rows=_rows(postgres, "ui_feedback"),
        cross_talk=cross_talk,
        schema=_rows(postgres, "alembic_version", "WHERE version_num = '0003'"),
    )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "replicas.json").write_text(json.dumps(figures, indent=2) + "\n")
    print("\ntwo-replica figures:", json.dumps(figures), flush=True)


def test_plan_edits_from_many_writers_on_postgresql_lose_nothing(postgres):
    from ui.store import UIStore

    stores = [UIStore(postgres.url) for _ in range(3)]
    owner = f"writers-{uuid.uuid4().hex}"

    def work(n: int) -> None:
        for i in range(10):
            stores[n % 3].update_plan(
                owner, lambda plan: {"items": [*(plan or {"items": []})["items"], f"{n}-{i}"]})

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    items = stores[0].load_plan(owner)["items"]
    assert sorted(items) == sorted(f"{n}-{i}" for n in range(6) for i in range(10))
    for store in stores:
        store.close()


def test_chunks_ingested_by_another_process_are_found_without_a_restart(chroma, embedder,
                                                                        tmp_path):
    from assistant.settings import DEFAULT_CORPUS, Settings
    from knowledge.index import CourseIndex
    from knowledge.retrieve import CourseRetriever

    course = tmp_path / DEFAULT_CORPUS.name
    course.write_text(DEFAULT_CORPUS.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "replica", chroma_url=chroma.url,
                        collection=f"refresh-{uuid.uuid4().hex[:8]}", corpus_paths=[course])
    CourseIndex(settings, embedder=embedder).ingest([course])
    replica = CourseRetriever(settings, CourseIndex(settings, embedder=embedder))
    question = "How should a shop run a quarterly zeppelin drone delivery review?"
    assert all("zeppelin" not in p.text for p in replica.search(question))

    with course.open("a", encoding="utf-8") as out:  # the course grows; another process ingests
        out.write("\n\n## Zeppelin Drone Delivery Reviews\n\nRun a quarterly zeppelin drone "
                  "delivery review with the logistics team before scaling the pilot.\n")
    CourseIndex(settings.model_copy(update={"data_dir": tmp_path / "cli"}),
                embedder=embedder).ingest([course])
    assert any("zeppelin" in p.text for p in replica.search(question))
