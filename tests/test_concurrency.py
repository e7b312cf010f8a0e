"""Concurrency and isolation: 20 browser sessions on one running app, 8 threads on one Advisor.

The app runs as `advisor ui` in a subprocess on a free loopback port, on a data folder holding a
copy of the session's index. Twenty gradio_client sessions ask at once, each with a marker
word and its own figures; each must get its own ROI back and see only its own marker in its
chat, its conversation list, its reopened history, its plan and its plan export, and must not
open another session's conversation by id. Two tabs of one browser session editing the plan
must not lose each other's edits. In-process, eight threads asking one Advisor at once must get
exactly the answers they get one at a time (no cross-talk through per-request state).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client.exceptions import AppError

from assistant.memory import ConversationStore
from servers import ROOT, child_env, running_ui
from ui.store import UIStore

pytestmark = pytest.mark.loopback  # the app runs on 127.0.0.1

SESSIONS = 20
MARKER = re.compile(r"marker\d\dx[0-9a-f]{6}")


@pytest.fixture(scope="module")
def server(built_settings, tmp_path_factory):
    """`advisor ui` on a copy of the session's index; yields its URL and data folder."""
    data_dir = tmp_path_factory.mktemp("concurrent-app") / "advisor"
    shutil.copytree(built_settings.chroma_path, data_dir / "chroma")
    with running_ui(data_dir, rate_limit_per_minute=1000) as app:
        yield {"url": app.url, "data_dir": data_dir, "log": app.log}


def _client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, httpx_kwargs={"timeout": 300})


def _text(value) -> str:
    """Everything a component update shows, as one string."""
    return str(value)


def _session(url: str, number: int) -> dict:
    """One browser session: asks its own ROI question, adds its own initiative, exports."""
    marker = f"marker{number:02d}x{uuid.uuid4().hex[:6]}"
    session_id = f"concurrency-session-{number:02d}-{uuid.uuid4().hex}"
    gain = 10_000 + 1_000 * (number + 1)
    client = _client(url)
    client.predict(session_id, api_name="/on_load")
    chat, _, conversations, *_ = client.predict(
        f"What is the ROI if we gain ${gain:,} on a $10,000 tool? Project {marker}.",
        "learner", api_name="/respond")
    client.predict(f"add '{marker} search' with reach {1000 + number}, impact 2, "
                   "confidence 0.8, effort 3", api_name="/on_command")
    table, _, ranking, _, roadmap, _, export_md, _ = client.predict(api_name="/refresh_plan")
    return {
        "number": number, "marker": marker, "session_id": session_id, "client": client,
        "roi": f"= {(number + 1) * 10}%", "chat": _text(chat), "conversations": conversations,
        "plan": _text([table, ranking, roadmap]),
        "export": Path(export_md["value"]).read_text(encoding="utf-8"),
    }


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_twenty_concurrent_sessions_see_only_their_own_data(server):
    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        futures = [pool.submit(_session, server["url"], n) for n in range(SESSIONS)]
        sessions = [future.result(timeout=600) for future in futures]

    conversation_ids = {}
    for s in sessions:
        own = {s["marker"]}
        assert s["roi"] in s["chat"], f"session {s['number']} did not get its own ROI"
        assert set(MARKER.findall(s["chat"])) == own
        (choice,) = s["conversations"]["choices"]
        assert set(MARKER.findall(choice[0])) == own
        conversation_ids[s["number"]] = choice[1]
        assert set(MARKER.findall(s["plan"])) == own
        assert set(MARKER.findall(s["export"])) == own

    for s in sessions:
        own, theirs = s["number"], (s["number"] + 1) % SESSIONS
        reopened = s["client"].predict(conversation_ids[own], api_name="/on_open")
        assert set(MARKER.findall(_text(reopened[0]))) == {s["marker"]}
        assert s["roi"] in _text(reopened[0])
        try:
            peeked = s["client"].predict(conversation_ids[theirs], api_name="/on_open")
        except AppError as refused:  # Gradio refuses a value that is not among the choices
            assert "is not in the list of choices" in str(refused), refused
        else:
            assert MARKER.findall(_text(peeked)) == []

    for s in sessions[:5]:  # a reload of the page restores only the session's own data
        reloaded = _client(server["url"])
        _, conversations = reloaded.predict(s["session_id"], api_name="/on_load")
        assert set(MARKER.findall(_text(conversations))) == {s["marker"]}
        table = reloaded.predict(api_name="/refresh_plan")[0]
        assert set(MARKER.findall(_text(table))) == {s["marker"]}

    assert server_errors(server["log"].read_text()) == []


def server_errors(log: str) -> list[str]:
    """The exception line of each traceback in the server log, except Gradio's own refusals
    of input (a conversation id that is not among the session's choices)."""
    raised = re.findall(r"Traceback \(most recent call last\):\n(?:[ \t].*\n)+(\S.*)", log)
    return [line for line in raised if not line.startswith("gradio.exceptions.Error")]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_two_tabs_of_one_session_do_not_lose_each_others_plan_edits(server):
    session_id = f"two-tabs-{uuid.uuid4().hex}"
    first, second = _client(server["url"]), _client(server["url"])
    first.predict(session_id, api_name="/on_load")
    second.predict(session_id, api_name="/on_load")  # both tabs open on the same plan

    first.predict("add 'Alpha search' with reach 1000, impact 2, confidence 0.8, effort 3",
                  api_name="/on_command")
    first.predict(api_name="/refresh_plan")
    second.predict("add 'Beta chatbot' with reach 500, impact 1, confidence 0.5, effort 2",
                   api_name="/on_command")
    second.predict(api_name="/refresh_plan")

    reopened = _client(server["url"])
    reopened.predict(session_id, api_name="/on_load")
    table = reopened.predict(api_name="/refresh_plan")[0]
    names = {row[0] for row in table["data"]}
    assert names == {"Alpha search", "Beta chatbot"}

    # A whole-table edit made on the first tab's out-of-date table is refused, not applied.
    stale_rows = [["Alpha renamed", *row[1:]] for row in table["data"] if row[0] == "Alpha search"]
    status = first.predict({"headers": table["headers"], "data": stale_rows}, "rice",
                           api_name="/on_table_edit")
    assert "changed in another tab" in status
    table = reopened.predict(api_name="/refresh_plan")[0]
    assert {row[0] for row in table["data"]} == {"Alpha search", "Beta chatbot"}


# ----------------------------------------------------------------------------- stores


@pytest.mark.slow
def test_many_threads_saving_plans_for_their_own_owners_never_mix(tmp_path):
    # In a child process: a stuck write waits out SQLite's 30 s busy timeout, and the test
    # should report that in seconds, not minutes.
    try:
        done = subprocess.run([sys.executable, "-c", TWO_STORES,
                               str(tmp_path / "advisor.sqlite3")],
                              cwd=ROOT, env=child_env(), capture_output=True, text=True,
                              timeout=25)
    except subprocess.TimeoutExpired:
        pytest.fail("16 threads writing through the two stores froze the process for 25 s")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["ok"] * 16


TWO_STORES = """
import os, sys, threading, time
from assistant.memory import ConversationStore
from ui.store import UIStore

store, conversations = UIStore(sys.argv[1]), ConversationStore(sys.argv[1])
results = {}

def work(owner):
    try:
        for version in range(25):
            store.save_plan(f"o{owner}", {"title": f"o{owner} v{version}", "initiatives": [
                {"name": f"o{owner} item {i}"} for i in range(version % 4)]})
            conversations.append(f"c{owner}", "user", f"o{owner} turn {version}")
            assert store.load_plan(f"o{owner}")["title"].startswith(f"o{owner} ")
        turns = [t.content for t in conversations.history(f"c{owner}", limit=100)]
        assert turns == [f"o{owner} turn {v}" for v in range(25)], turns
        assert store.load_plan(f"o{owner}")["title"] == f"o{owner} v24"
        results[owner] = "ok"
    except Exception as exc:
        results[owner] = repr(exc)

threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(16)]
for thread in threads:
    thread.start()
deadline = time.monotonic() + 15
for thread in threads:
    thread.join(max(0.0, deadline - time.monotonic()))
print(" ".join(str(results.get(n, "still-waiting-after-15-s")) for n in range(16)), flush=True)
os._exit(0)  # threads still waiting on SQLite would hold up a normal exit
"""


def test_one_store_shared_by_many_threads_keeps_every_turn_in_order(tmp_path):
    store = ConversationStore(tmp_path / "advisor.sqlite3")

    def work(owner: int) -> None:
        for turn in range(30):
            store.append(f"c{owner}", "user", f"c{owner} turn {turn}")
            store.history(f"c{owner}")

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(work, range(16), timeout=120))
    for owner in range(16):
        turns = [t.content for t in store.history(f"c{owner}", limit=100)]
        assert turns == [f"c{owner} turn {n}" for n in range(30)]


# ----------------------------------------------------------------------------- one Advisor

QUESTIONS = [
    "What is the ROI if we gain $15,000 on a $10,000 tool?",
    "When do I need a human in the loop for AI price changes of 15%?",
    "Which KPIs should I track for a support chatbot?",
    "Control: 500 conversions out of 10000 visitors; variant: 560 conversions out of 10000 "
    "visitors. Is it significant?",
    "How should we scale a successful personalization pilot across all markets?",
    "What is model drift?",
    "Prioritise with RICE: A reach 1000 impact 2 confidence 0.8 effort 2; B reach 500 impact 3 "
    "confidence 0.5 effort 1",
    "How do I build an ROI case for demand forecasting?",
]


def _fingerprint(result) -> tuple:
    return (result.answer, [c.chunk_id for c in result.citations],
            [(c.name, c.args) for c in result.tool_calls], result.grounding.score)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_eight_threads_on_one_advisor_each_get_their_own_answer(advisor):
    alone = [_fingerprint(advisor.ask(q, remember=False)) for q in QUESTIONS]
    start = threading.Barrier(len(QUESTIONS))

    def ask(question: str):
        start.wait(60)
        return _fingerprint(advisor.ask(question, remember=False))

    with ThreadPoolExecutor(max_workers=len(QUESTIONS)) as pool:
        together = list(pool.map(ask, QUESTIONS, timeout=600))
    for question, expected, got in zip(QUESTIONS, alone, together):
        assert got == expected, question
