"""Crash safety: kill -9 mid-write, restart, and find every saved conversation and plan intact.

Crash points: a process saving plans and conversation turns in a tight loop, killed after 1, 25
and 200 saves and at three moments chosen by time alone; the running `advisor ui` killed while
it streams an answer and, at the same moment, while another session saves plans in a loop;
`advisor ingest --rebuild` killed between two embedding batches. After each kill the SQLite file
passes `PRAGMA integrity_check`, everything acknowledged before the kill is there (WAL, one
transaction per write), and the index opens, or is completed by the next ingest, with a clear
message.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.memory import ConversationStore
from servers import ROOT, child_cwd, child_env, free_port, run_advisor, running_ui
from ui.store import UIStore

# Long first-seen questions (several asks each): an answer is still being composed when its first
# update (the pending card) is out.
MID_ANSWER_QUESTIONS = [
    "How should we scale a successful personalization pilot across all markets?",
    "How do we scale a chatbot pilot to every market, which KPIs show it works, and what oversight does it need?",
    "What are the steps of a data audit, who should own each step, and how do we report gaps to leadership?",
    "How do we compare RICE and ICE for our roadmap, and how should ethical risks change the order of projects?",
    "What goes into the total cost of ownership of an AI tool, and how do we present the ROI to a sceptical CFO?",
    "How do we design an A/B test for AI recommendations, how long should it run, and what drift should we watch?",
]

SAVER = """
import sys
from assistant.memory import ConversationStore
from ui.store import UIStore

path = sys.argv[1]
plans, turns = UIStore(path), ConversationStore(path)
version = 0
while True:
    plans.save_plan("owner:looping", {"title": f"v{version}", "initiatives": [
        {"name": f"item {i}", "reach": i} for i in range(version % 50)]})
    turns.append("conversation:looping", "user", f"turn {version}")
    print(version, flush=True)
    version += 1
"""


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def seed(path: Path) -> dict:
    """Data saved before any crash, as the app would have saved it."""
    plans, conversations = UIStore(path), ConversationStore(path)
    cid = conversations.create(title="What is RICE?", owner="browser:earlier")
    conversations.append(cid, "user", "What is RICE?")
    conversations.append(cid, "assistant", "RICE is reach × impact × confidence / effort [1].",
                         {"citations": [], "tool_calls": []})
    plans.save_plan("browser:earlier", {"title": "Q3", "initiatives": [{"name": "AI search"}]})
    plans.add_feedback("browser:earlier", "down", conversation_id=cid, note="missing ICE")
    saved = {"history": conversations.history(cid), "plan": plans.load_plan("browser:earlier"),
             "feedback": plans.feedback("browser:earlier"), "cid": cid}
    plans.close()
    conversations.close()
    return saved


def assert_seed_intact(path: Path, saved: dict) -> None:
    plans, conversations = UIStore(path), ConversationStore(path)
    assert conversations.history(saved["cid"]) == saved["history"]
    assert plans.load_plan("browser:earlier") == saved["plan"]
    assert plans.feedback("browser:earlier") == saved["feedback"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "kill_after",
    [("saves", 1), ("saves", 25), ("saves", 200), ("seconds", 0.05), ("seconds", 0.4),
     ("seconds", 1.5)],
    ids=lambda k: f"{k[1]}-{k[0]}",
)
def test_killing_a_process_mid_save_loses_nothing_it_acknowledged(tmp_path, kill_after):
    path = tmp_path / "advisor.sqlite3"
    saved = seed(path)
    child = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], cwd=ROOT, env=child_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acknowledged = -1
    try:
        kind, amount = kill_after
        if kind == "saves":
            while acknowledged < amount - 1:
                line = child.stdout.readline()
                assert line, child.stderr.read()
                acknowledged = int(line)
        else:
            assert child.stdout.readline(), child.stderr.read()  # the loop is running
            time.sleep(amount)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    acknowledged = max([acknowledged, *map(int, child.stdout.read().split())])

    assert integrity(path) == "ok"
    assert_seed_intact(path, saved)
    plan = UIStore(path).load_plan("owner:looping")
    version = int(plan["title"][1:])
    assert version >= acknowledged  # at most the one save in flight is newer
    assert len(plan["initiatives"]) == version % 50  # the plan is one whole version
    turns = [t.content for t in ConversationStore(path).history("conversation:looping", 10**6)]
    assert turns[: acknowledged + 1] == [f"turn {n}" for n in range(acknowledged + 1)]
    assert len(turns) - (acknowledged + 1) in (0, 1)


# ----------------------------------------------------------------------------- the running app


def _client(url: str):
    return Client(url, verbose=False, httpx_kwargs={"timeout": 120})


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("conversations", "turns", "ui_plans")}


@pytest.mark.slow
@pytest.mark.loopback
@pytest.mark.timeout(1200)
def test_killing_the_app_mid_answer_and_mid_plan_save_keeps_every_saved_record(
    built_settings, tmp_path
):
    data_dir = tmp_path / "advisor"
    shutil.copytree(built_settings.chroma_path, data_dir / "chroma")
    db = data_dir / "advisor.sqlite3"
    stop_saving = threading.Event()
    with running_ui(data_dir, tmp_path / "first-run.log") as app:
        url = app.url
        try:
            earlier = f"crash-earlier-{uuid.uuid4().hex}"
            first = _client(url)
            first.predict(earlier, api_name="/on_load")
            first.predict("What is the ROI if we gain $15,000 on a $10,000 tool?", "learner",
                          api_name="/respond")
            first.predict("add 'Alpha search' with reach 1000, impact 2, confidence 0.8, effort 3",
                          api_name="/on_command")
            first.predict(api_name="/refresh_plan")
            (conversation,) = first.predict(earlier, api_name="/on_load")[1]["choices"]
            before = _counts(db)

            saver, acknowledged = _client(url), []
            saver.predict(f"crash-saver-{uuid.uuid4().hex}", api_name="/on_load")

            def save_in_a_loop() -> None:
                for n in range(10_000):
                    if stop_saving.is_set():
                        return
                    try:
                        saver.predict(f"add 'Item {n}' with reach {n + 1}, impact 1, "
                                      "confidence 0.5, effort 1", api_name="/on_command")
                        saver.predict(api_name="/refresh_plan")
                    except Exception:  # noqa: BLE001  # the server is gone: that is the test
                        return
                    acknowledged.append(n)

            streaming = _client(url)
            streaming.predict(f"crash-streaming-{uuid.uuid4().hex}", api_name="/on_load")
            threading.Thread(target=save_in_a_loop, daemon=True).start()
            deadline = time.monotonic() + 120
            while len(acknowledged) < 3:  # the plan saves are under way…
                assert time.monotonic() < deadline, "fewer than 3 plan saves in 120 s"
                time.sleep(0.05)
            # …and an answer has started streaming. The server sends text as soon as it has it (the
            # page paces the words), so a short answer may finish between two polls: new questions
            # are asked until one is caught with its first update out and the answer not finished.
            for question in MID_ANSWER_QUESTIONS:
                job = streaming.submit(question, "learner", api_name="/respond")
                while not job.outputs() and not job.done():
                    assert time.monotonic() < deadline, "no streamed output in 120 s"
                    time.sleep(0.005)
                if not job.done():
                    break
            assert not job.done()  # killed mid-answer: the first update is out, the answer is not
        finally:
            os.kill(app.process.pid, signal.SIGKILL)
            app.process.wait(30)
            stop_saving.set()

    assert integrity(db) == "ok"
    after = _counts(db)
    assert all(after[table] >= before[table] for table in before)
    plans = UIStore(db)
    saver_plans = [json.loads(row[0]) for row in sqlite3.connect(db).execute(
        "SELECT data FROM ui_plans WHERE owner LIKE 'browser:crash-saver-%'")]
    (saver_plan,) = saver_plans
    names = [item["name"] for item in saver_plan["initiatives"]]
    assert names[: len(acknowledged)] == [f"Item {n}" for n in acknowledged]
    assert [i["name"] for i in plans.load_plan(f"browser:{earlier}")["initiatives"]] == [
        "Alpha search"]

    with running_ui(data_dir, tmp_path / "second-run.log") as app:
        assert re.search(r"index: 1 file\(s\): 0 chunk\(s\) added, 0 updated, 0 removed, "
                         r"\d+ unchanged", app.log_text())
        again = _client(app.url)
        _, conversations = again.predict(earlier, api_name="/on_load")
        assert conversation in conversations["choices"]
        reopened = str(again.predict(conversation[1], api_name="/on_open")[0])
        assert "What is the ROI if we gain" in reopened and "= 50%" in reopened
        table = again.predict(api_name="/refresh_plan")[0]
        assert [row[0] for row in table["data"]] == ["Alpha search"]
        answer = str(again.predict("What is model drift?", "learner", api_name="/respond")[0])
        assert "drift" in answer.lower()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_killing_a_rebuild_between_batches_leaves_an_index_the_next_ingest_completes(
    built_settings, embedder, tmp_path
):
    from knowledge.index import CourseIndex

    expected = CourseIndex(built_settings, embedder=embedder).collection().count()
    data_dir = tmp_path / "advisor"
    shutil.copytree(built_settings.chroma_path, data_dir / "chroma")
    # Slabs of 16 chunks: the course's 91 take several steps, so a kill can fall between them.
    ingest = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", "--rebuild"],
                              cwd=child_cwd(data_dir), env=child_env(data_dir, ingest_slab=16),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        seen = b""
        while b"embedding" not in seen:  # the bar appears once the first batch is stored
            chunk = ingest.stderr.read1(4096)
            assert chunk, f"ingest ended before its first batch: {seen.decode()[-2000:]}"
            seen += chunk
    finally:
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(30)

    done = run_advisor(["ingest"], data_dir, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    added = re.search(r"(\d+) chunk\(s\) added, 0 updated, 0 removed, (\d+) unchanged",
                      done.stdout)
    assert added and int(added.group(1)) > 0 and int(added.group(2)) > 0, done.stdout
    total = int(added.group(1)) + int(added.group(2))
    search = run_advisor(["search", "--json", "RICE prioritisation"], data_dir, text=True,
                         timeout=600)
    assert search.returncode == 0 and json.loads(search.stdout)["passages"]
    with sqlite3.connect(data_dir / "chroma" / "chroma.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert total == expected


@pytest.mark.slow
@pytest.mark.loopback  # asks for a free port
@pytest.mark.timeout(600)
def test_a_damaged_database_at_start_up_is_a_clear_message(built_settings, tmp_path):
    data_dir = tmp_path / "advisor"
    shutil.copytree(built_settings.chroma_path, data_dir / "chroma")
    (data_dir / "advisor.sqlite3").write_bytes(b"this is not an SQLite database " * 600)
    done = run_advisor(["ui", "--port", str(free_port()), "--no-warm-up"], data_dir, text=True,
                       timeout=300)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "advisor.sqlite3" in done.stderr
