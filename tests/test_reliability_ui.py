"""Bad input at the web UI: rejected questions, HTML and script in text, plan edits, limits.

Handlers are called as Gradio calls them (tests/test_ui_app.py shows the pattern), over the
real engine on a data folder of the test's own; the queue bound and the rate limit are checked
on a launched app over HTTP with gradio_client, with a fake advisor that blocks on demand.
"""

from __future__ import annotations

import copy
import re
import shutil
import threading
import time
from types import SimpleNamespace

import gradio as gr
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.engine import Advisor
from assistant.settings import Settings
from assistant.types import AnswerResult, ToolCallRecord
from knowledge.types import Citation
from ui import formatting as fmt
from ui import plan as planning


from fakes import FakeAdvisor
from servers import free_port
from ui import planner
from ui.app import build_app, launch
from ui.context import KEEP

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "<a href='javascript:alert(1)'>x</a>",
    "[click me](javascript:alert(1))",
    "![x](https://evil.example/track.png)",
    "<svg/onload=alert(1)>",
    "<!-- hidden --><style>body{display:none}</style>",
    "`</code><script>alert(1)</script>`",
    "```\n</pre><script>alert(1)</script>\n```",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]


def _visible_text(markdown: str) -> str:
    """The Markdown without code blocks and code spans, which show their text literally."""
    text = re.sub(r"(?ms)^(`{3,}|~{3,}).*?^\1", "", markdown)
    return re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text)


def live_html(markdown: str) -> list[str]:
    """HTML tags that would render ("\\<" and "&lt;" show as text)."""
    return re.findall(r"(?<!\\)<[A-Za-z!/?]", _visible_text(markdown))


def live_links(markdown: str) -> list[str]:
    """Links and images to scripts, data or other sites that would render."""
    return re.findall(r"(?<!\\)\]\((?:javascript|data|https?):", _visible_text(markdown))


def live_markup(markdown: str) -> list[str]:
    return live_html(markdown) + live_links(markdown)


def _rendered(payload: str) -> dict[str, str]:
    """Every UI formatter given the payload where a user, the corpus or a tool puts text."""
    citation = Citation(chunk_id="c1", lesson="6.2", lesson_title=payload, section=payload,
                        quote=payload, source=payload)
    record = ToolCallRecord(
        name="prioritize", args={"initiatives": [{"name": payload}]},
        result={"method": "rice", "formula": payload, "ranking": [
            {"rank": 1, "name": payload, "score": 1.0, "quadrant": payload, "horizon": payload}]})
    cards = fmt.tool_card(record)
    plan = planning.Plan(initiatives=[{"name": payload, "reach": 1.0, "impact": 1.0,
                                       "confidence": 0.5, "effort": 1.0}])
    ranking = planning.rank(plan)
    kpis = {payload: {"error": payload}}
    return {
        "user message": fmt.user_message(payload)["content"],
        "answer": fmt.answer_message(AnswerResult(question=payload, answer=payload)),
        "citation panel": fmt.citation_panel(1, citation, passage=payload),
        "tool card": cards[0]["content"],
        "tool card result": cards[1]["content"],
        "tool error": fmt.tool_result_summary("roi", {"error": {"message": payload}}),
        "roadmap": planning.roadmap_markdown(ranking),
        "kpis": planning.kpis_markdown(kpis),
        "plan export": planning.export_markdown(plan, ranking, kpis),
        "plan status": "⚠️ " + fmt.escape_markdown(f"no initiative named '{payload}'"),
    }


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_ui_formatter_renders_html_from_text(payload):
    rendered = _rendered(payload)
    assert {where: live_html(text) for where, text in rendered.items() if live_html(text)} == {}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_formatter_of_user_corpus_or_tool_text_renders_a_link(payload):
    rendered = _rendered(payload)
    del rendered["answer"]  # the answer is Markdown on purpose: see the next test
    assert {where: live_links(text) for where, text in rendered.items()
            if live_links(text)} == {}


@pytest.mark.parametrize("payload", ["[click me](javascript:alert(1))",
                                     "![x](https://evil.example/track.png?q=secret)",
                                     "[docs](https://evil.example/login)"])
def test_an_answer_renders_no_links_or_remote_images(payload):
    answer = fmt.answer_message(AnswerResult(question="q", answer=f"See {payload} now."))
    assert live_links(answer) == []


def test_the_chat_component_sanitises_and_allows_no_tags(tmp_path):
    settings = Settings(data_dir=tmp_path)
    demo = build_app(settings, FakeAdvisor(settings))
    (chatbot,) = [b for b in demo.blocks.values() if isinstance(b, gr.Chatbot)]
    assert chatbot.sanitize_html is True and chatbot.allow_tags is False
    assert chatbot.latex_delimiters == []


# ----------------------------------------------------------------------------- chat handler


def _handler(demo, name: str):
    return next(f for f in demo.fns.values() if f.name == name)


def _ask(demo, text, owner="browser:tester", cid=None):
    """All updates of one respond() call, merged as the browser would see them."""
    respond = _handler(demo, "respond")
    request = SimpleNamespace(session_hash="s1", username=None)
    merged: dict = {}
    for update in respond.fn(text, "learner", owner, cid, [], {}, {"initiatives": []}, request):
        merged.update({key: copy.deepcopy(value) for key, value in update.items()})
    outputs = {name: respond.outputs[i] for i, name in enumerate(
        ["chatbot", "message", "conv_id", "messages", "answers", "plan_state", "conv_list"])}
    return merged, outputs


@pytest.fixture
def app(tmp_path):
    """The app over the real engine on an empty data folder (no index: rejected questions
    must not need one)."""
    settings = Settings(data_dir=tmp_path / "advisor")
    advisor = Advisor(settings)
    return SimpleNamespace(settings=settings, advisor=advisor, demo=build_app(settings, advisor))


REJECTED = [
    pytest.param("x" * 9000, "9,000 characters; the limit is 8,000", id="too-long"),
    pytest.param("x" * 200_000, "200,000 characters", id="200KB"),
    pytest.param("\x00\x01\x1b\x7f", "question is empty", id="control-only"),
    pytest.param("What is \ufffd RICE?", "undecodable bytes", id="undecodable"),
]


@pytest.mark.parametrize(("text", "words"), REJECTED)
def test_a_rejected_question_gets_its_reason_in_the_chat(app, text, words):
    merged, out = _ask(app.demo, text)
    reply = merged[out["chatbot"]][-1]["content"]
    assert reply.startswith("⚠️") and words in reply.replace("\\", "")
    assert "Traceback" not in reply and "Error" not in reply


@pytest.mark.parametrize(("text", "words"), REJECTED)
def test_a_rejected_question_adds_no_conversation(app, text, words):
    _ask(app.demo, text)
    assert app.advisor.store.list() == []


def test_a_rejected_follow_up_leaves_the_conversation_as_it_was(app):
    store = app.advisor.store
    cid = store.create(title="Earlier question", owner="browser:tester")
    store.append(cid, "user", "What is RICE?")
    before = (store.list(), store.history(cid))
    _ask(app.demo, "x" * 9000, cid=cid)
    assert (store.list(), store.history(cid)) == before


def test_a_blank_question_is_ignored_with_a_hint(app):
    for text in ("", "   ", "\n\t"):
        # Outside a running app, gr.Warning (the toast the user sees) is a UserWarning.
        with pytest.warns(UserWarning, match="Type a question"):
            merged, out = _ask(app.demo, text)
        assert out["chatbot"] not in merged
    assert app.advisor.store.list() == []


def test_a_lone_surrogate_gets_a_message_not_an_exception(app):
    merged, out = _ask(app.demo, "What is \ud800 RICE?")
    assert "UTF-8" in merged[out["chatbot"]][-1]["content"]


@pytest.fixture(scope="module")
def engine_app(built_settings, embedder, tmp_path_factory):
    """The app over the real engine and a copy of the session's index."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("ui-engine"))
    shutil.copytree(built_settings.chroma_path, settings.chroma_path)
    advisor = Advisor(settings, embedder=embedder)
    return SimpleNamespace(settings=settings, advisor=advisor, demo=build_app(settings, advisor))


def test_html_in_a_question_and_in_initiative_names_never_renders(engine_app):
    question = ("Prioritise with RICE: '<img src=x onerror=alert(1)>' reach 1000 impact 2 "
                "confidence 0.8 effort 2; '<script>alert(1)</script>' reach 500 impact 3 "
                "confidence 0.5 effort 1")
    merged, out = _ask(engine_app.demo, question)
    messages = merged[out["chatbot"]]
    assert any(m.get("metadata", {}) and "prioritize" in m["metadata"].get("title", "")
               for m in messages), "the initiatives were not ranked, so this proves little"
    assert {i: live_markup(m["content"]) for i, m in enumerate(messages)
            if live_markup(m["content"])} == {}


# ----------------------------------------------------------------------------- plan builder

BAD_COMMANDS = [
    ("add 'X' with reach -5, impact 2, confidence 0.8, effort 3", "reach"),
    ("add 'X' with reach nan, impact 2, confidence 0.8, effort 3", "reach"),
    ("add 'X' with reach 1e308, impact 2, confidence 0.8, effort 3", "reach"),
    ("add 'X' with reach 30000, impact 2, confidence 0.8, effort 0", "effort"),
    ("add 'X' with reach 30000, impact 9, confidence 0.8, effort 3", "impact"),
    ("add 'X' with reach 30000, impact 2, confidence 180%, effort 3", "confidence"),
    ("add 'X' with reach lots, impact 2, confidence 0.8, effort 3", "is not a number"),
    ("add 'X' with colour 3", "is not a field"),
    ("add", "start with add, remove or clear"),
    ("remove 'Nope'", "no initiative named 'Nope'"),
    ("add '" + "n" * 1900 + "' with reach 1", "impact"),
    ("add '<script>alert(1)</script>' with reach 1, impact 9, confidence 1, effort 1", "impact"),
]


@pytest.mark.parametrize(("command", "words"), BAD_COMMANDS)
def test_bad_plan_commands_get_a_message_and_leave_the_plan(app, command, words):
    before = {"title": "AI initiative plan", "method": "rice", "initiatives": []}
    done = planner.on_command(app.demo.advisor_context, command, copy.deepcopy(before))
    status = done["plan_status"]
    assert status.startswith("⚠️") and words in status.replace("\\", "")
    assert live_markup(status) == []
    assert done["plan_state"] == KEEP and done["command"] == KEEP  # the plan is not touched


cells = st.one_of(st.none(), st.floats(), st.integers(-(10**20), 10**20), st.booleans(),
                  st.text(max_size=12), st.sampled_from(["nan", "inf", "-1", "30k", "80%", ""]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cells, max_size=9), max_size=6),
       method=st.sampled_from(["rice", "ice"]))
def test_any_table_edit_is_saved_or_explained(tmp_path_factory, rows, method):
    settings = Settings(data_dir=tmp_path_factory.getbasetemp() / "table-fuzz")
    demo = _table_demo(settings)
    plan = {"title": "AI initiative plan", "method": "rice", "initiatives": []}
    edited = planner.on_table_edit(demo.advisor_context, rows, method, plan)
    status, new_plan = edited["plan_status"], edited["plan_state"]
    assert status.startswith(("✅", "⚠️")) and "Traceback" not in status
    if status.startswith("✅"):  # what was saved ranks without complaint
        planning.rank(planning.Plan.model_validate(new_plan))


_TABLE_DEMOS: dict[str, object] = {}


def _table_demo(settings: Settings):
    key = str(settings.data_dir)
    if key not in _TABLE_DEMOS:
        _TABLE_DEMOS[key] = build_app(settings, FakeAdvisor(settings))
    return _TABLE_DEMOS[key]


# ----------------------------------------------------------------------------- limits over HTTP


@pytest.fixture
def launched(tmp_path):
    """ui.app.launch with a queue of one waiting request, one worker and 2 questions a minute."""
    settings = Settings(data_dir=tmp_path / "advisor", port=free_port(), queue_max_size=1,
                        queue_concurrency=1, rate_limit_per_minute=2)
    advisor = FakeAdvisor(settings, answer="Done.", events=[])
    launch(settings, advisor, prevent_thread_lock=True, quiet=True)
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{settings.port}/", advisor=advisor)
    finally:
        advisor.gate.set()
        gr.close_all()


@pytest.mark.slow
@pytest.mark.loopback
@pytest.mark.timeout(300)
def test_a_full_queue_answers_at_once_that_it_is_full(launched):
    from gradio_client import Client

    launched.advisor.gate.clear()
    outcomes: dict[int, tuple[str, float, str]] = {}

    def ask(n: int) -> None:
        started = time.monotonic()
        try:
            out = Client(launched.url, verbose=False).predict(f"question {n}", "learner",
                                                              api_name="/respond")
            outcomes[n] = ("answered", time.monotonic() - started, str(out[0][-1]))
        except Exception as exc:  # noqa: BLE001  # the client's error is what a user sees
            outcomes[n] = ("refused", time.monotonic() - started, str(exc))

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(5)]
    for thread in threads:
        thread.start()
        time.sleep(0.5)  # in order: the first runs, the second waits, the rest find it full
    deadline = time.monotonic() + 60
    while len(outcomes) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    launched.advisor.gate.set()
    for thread in threads:
        thread.join(120)

    refused = [o for o in outcomes.values() if o[0] == "refused"]
    answered = [o for o in outcomes.values() if o[0] == "answered"]
    assert len(outcomes) == 5
    assert len(refused) >= 2 and len(answered) >= 1
    assert all("Queue is full" in message for _, _, message in refused)
    assert all(seconds < 30 for _, seconds, _ in refused)  # told at once, not left hanging
    assert all("Done." in message for _, _, message in answered)


@pytest.mark.slow
@pytest.mark.loopback
@pytest.mark.timeout(300)
def test_questions_over_the_rate_limit_are_told_to_wait_over_http(launched):
    from gradio_client import Client

    client = Client(launched.url, verbose=False)
    replies = [str(client.predict(f"question {n}", "learner", api_name="/respond")[0][-1])
               for n in range(3)]
    assert "Done." in replies[0] and "Done." in replies[1]
    assert "2 questions in the last minute" in replies[2] and "Please wait" in replies[2]
    other = Client(launched.url, verbose=False)  # another session has its own window
    assert "Done." in str(other.predict("hello", "learner", api_name="/respond")[0][-1])
