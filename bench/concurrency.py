"""Serving: `advisor ui` start-up, first answer, one warm user's time to first visible text, and 20
chat sessions at once, all through real HTTP on loopback with `gradio_client`.

Start-up is timed from spawning `advisor ui` (index already built) to the server answering
/config, against the floor of a fresh `python` that imports the libraries no server can avoid
(sentence-transformers, chromadb, gradio) and loads the embedding model. The first answer after start is compared with the next first-seen
one (no warm-up owed to the first user). One session alone then asks first-seen questions and
we time the first chat update that shows answer text; then 20 sessions from 20 threads ask
3 questions each. Cross-talk: every session's chat must hold exactly its own questions, in order.

What the server adds to an answer is measured as a ratio within the same run: after the server
has stopped, a fresh warmed `Advisor` in this process answers the one user's questions (each
first-seen for it, as they were for the server) and the whole HTTP answer is compared with it.
Absolute times follow the machine's load (printed with every section); the ratio much less.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from bench.measure import (
    OUT,
    VENV_BIN,
    bench_env,
    percentile,
    ratio,
    run_process,
    summary_ms,
)
from bench.workload import answer_questions, prepare_index

GOAL_P95_S = 1.5
GOAL_THROUGHPUT = 12.0
GOAL_TTFT_MS = 300.0
GOAL_STARTUP_RATIO = 1.3
GOAL_FIRST_ANSWER_RATIO = 1.5
GOAL_HTTP_TO_ENGINE_RATIO = 2.0
SESSIONS = 20
PER_SESSION = 3
DEADLINE_S = 600
ENDPOINT = "/respond"
FLOOR = ("import sentence_transformers, chromadb, gradio\n"
         "from assistant.settings import get_settings\n"
         "from knowledge.embeddings import load_model\n"
         "load_model(str(get_settings().resolved_embedding_model()))")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_up(url: str, process: subprocess.Popen, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`advisor ui` exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "config", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"`advisor ui` did not answer at {url} within {timeout:.0f} s")


def _text(message: dict) -> str:
    content = message.get("content")
    if isinstance(content, list):
        return " ".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return str(content or "")


def _plain(text: str) -> str:
    """Text without the Markdown escapes the chat adds to what a user typed."""
    return re.sub(r"\\(.)", r"\1", text).strip()


def _chat(outputs) -> list[dict]:
    chat = outputs[0] if isinstance(outputs, (list, tuple)) and outputs else []
    return chat if isinstance(chat, list) else []


def _problem(outputs) -> str | None:
    """None for a real answer; otherwise what went wrong (error card, rate limit, empty)."""
    chat = _chat(outputs)
    if not chat or not isinstance(chat[-1], dict):
        return f"unexpected output shape: {str(outputs)[:120]}"
    text = _text(chat[-1])
    if text.startswith(("⚠️", "⏳")) or not text.strip():
        return text[:160] or "empty answer"
    return None


def _answer_text_shown(outputs) -> bool:
    """The chat shows answer text: the last message is the assistant's, not the pending card."""
    chat = _chat(outputs)
    if not chat or not isinstance(chat[-1], dict):
        return False
    last = chat[-1]
    pending = (last.get("metadata") or {}).get("status") == "pending"
    return last.get("role") == "assistant" and not pending and bool(_text(last).strip())


def time_to_first_text(client, question: str) -> tuple[float, float, str | None]:
    """(seconds to the first update showing answer text, seconds to the end, problem)."""
    started = time.perf_counter()
    job = client.submit(question, "learner", api_name=ENDPOINT)
    first = None
    while not job.done():
        if first is None and any(_answer_text_shown(o) for o in job.outputs()[-2:]):
            first = time.perf_counter() - started
        time.sleep(0.002)
    outputs = job.result(timeout=DEADLINE_S / 2)
    total = time.perf_counter() - started
    return (first if first is not None else total), total, _problem(outputs)


def _client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, httpx_kwargs={"timeout": DEADLINE_S / 2})


def _session(client, questions: list[str], start: threading.Barrier, times: list[float],
             errors: list[str], crossed: list[str]) -> None:
    try:
        start.wait(timeout=120)
    except threading.BrokenBarrierError:
        pass
    asked: list[str] = []
    for question in questions:
        asked.append(question)
        started = time.perf_counter()
        try:
            outputs = client.submit(question, "learner", api_name=ENDPOINT).result(
                timeout=DEADLINE_S / 2)
            problem = _problem(outputs)
            seen = [_plain(_text(m)) for m in _chat(outputs) if m.get("role") == "user"]
            if seen != [_plain(q) for q in asked]:
                crossed.append(f"asked {asked!r}, chat shows {seen!r}")
        except Exception as exc:
            problem = f"{type(exc).__name__}: {exc}"
        times.append(time.perf_counter() - started)
        if problem:
            errors.append(problem)


def _unseen(questions: list[str], used: set[str], n: int) -> list[str]:
    picked = [q for q in questions if q not in used][:n]
    used.update(picked)
    return picked


def connect(url: str, sessions: int = SESSIONS) -> list:
    """One gradio_client per session, one after another (not timed): a browser opens the page
    first."""
    return [_client(url) for _ in range(sessions)]


def run_sessions(url: str, questions: list[str], sessions: int = SESSIONS,
                 per_session: int = PER_SESSION, clients: list | None = None) -> dict:
    """`sessions` gradio_client sessions in as many threads, released together, each asking
    `per_session` questions in turn: per-answer seconds, problems, cross-talk and the wall time.
    `clients`: sessions already connected (`connect`), else they connect here first."""
    times: list[float] = []
    errors: list[str] = []
    crossed: list[str] = []
    barrier = threading.Barrier(sessions)
    clients = clients or connect(url, sessions)
    threads = [
        threading.Thread(
            target=_session,
            args=(clients[i], [questions[(i * per_session + j) % len(questions)]
                               for j in range(per_session)], barrier, times, errors, crossed),
            daemon=True,
        )
        for i in range(sessions)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, DEADLINE_S - (time.perf_counter() - started)))
    wall = time.perf_counter() - started
    return {"times": times, "errors": errors, "crossed": crossed, "wall_s": wall,
            "unfinished": sum(thread.is_alive() for thread in threads)}


def engine_first_seen(settings, questions: list[str]) -> list[float]:
    """Seconds a fresh, warmed engine takes for each question, first-seen, one torch thread
    per answer as `advisor ui` serves: the floor of the whole answer over HTTP."""
    from assistant.engine import Advisor
    from knowledge.embeddings import one_thread_per_answer

    advisor = Advisor(settings)
    advisor.warm_up()
    one_thread_per_answer()
    times = []
    for question in questions:
        started = time.perf_counter()
        advisor.ask(question, remember=False)
        times.append(time.perf_counter() - started)
    return times


def run(sessions: int = SESSIONS, per_session: int = PER_SESSION, repeats: int = 2) -> dict:
    settings = prepare_index()
    env = bench_env(ADVISOR_DATA_DIR=str(settings.data_dir),
                    ADVISOR_RATE_LIMIT_PER_MINUTE="1000")
    floors = [run_process([sys.executable, "-c", FLOOR], env=env)[0] for _ in range(repeats)]
    questions = answer_questions()
    used: set[str] = set()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log = (OUT / "concurrency-ui.log").open("w")
    spawned = time.perf_counter()
    process = subprocess.Popen([str(VENV_BIN / "advisor"), "ui", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_up(url, process)
        startup_s = time.perf_counter() - spawned
        alone = _client(url)
        first_q, second_q = _unseen(questions, used, 2)
        first_answer = time_to_first_text(alone, first_q)
        second_answer = time_to_first_text(alone, second_q)
        ttft, single, single_errors = [], [], []
        single_questions = _unseen(questions, used, 12)
        for question in single_questions:
            first, total, problem = time_to_first_text(alone, question)
            ttft.append(first)
            single.append(total)
            if problem:
                single_errors.append(problem)

        load = run_sessions(url, questions, sessions, per_session)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
    engine = engine_first_seen(settings, single_questions)

    times, errors, crossed, wall = load["times"], load["errors"], load["crossed"], load["wall_s"]
    unfinished = load["unfinished"]
    expected = sessions * per_session
    p95 = percentile(times, 95) if times else float("inf")
    throughput = round(len(times) / wall, 2) if wall else 0.0
    floor_s = sorted(floors)[len(floors) // 2]
    ttft_summary = summary_ms(ttft)
    first_ratio = ratio(first_answer[1], second_answer[1])
    all_errors = len(errors) + (expected - len(times))
    return {
        "startup": {"serving_s": round(startup_s, 2), "floor_s": [round(s, 2) for s in floors],
                    "ratio": ratio(startup_s, floor_s), "goal_ratio": GOAL_STARTUP_RATIO,
                    "meets_goal": ratio(startup_s, floor_s) <= GOAL_STARTUP_RATIO},
        "first_answer": {"first_ms": round(1000 * first_answer[1], 1),
                         "next_first_seen_ms": round(1000 * second_answer[1], 1),
                         "ratio": first_ratio, "goal_ratio": GOAL_FIRST_ANSWER_RATIO,
                         "meets_goal": first_ratio <= GOAL_FIRST_ANSWER_RATIO},
        "http_to_engine": {"engine_first_seen": summary_ms(engine),
                           "ratio_p50": ratio(summary_ms(single)["p50_ms"],
                                              summary_ms(engine)["p50_ms"]),
                           "ratio_p95": ratio(summary_ms(single)["p95_ms"],
                                              summary_ms(engine)["p95_ms"]),
                           "goal_ratio": GOAL_HTTP_TO_ENGINE_RATIO,
                           "meets_goal": ratio(summary_ms(single)["p50_ms"],
                                               summary_ms(engine)["p50_ms"])
                           <= GOAL_HTTP_TO_ENGINE_RATIO},
        "single_user": {"time_to_first_text": ttft_summary, "answer": summary_ms(single),
                        "errors": single_errors[:3], "goal_ttft_ms": GOAL_TTFT_MS,
                        "meets_goal": ttft_summary["p50_ms"] <= GOAL_TTFT_MS and not single_errors},
        "sessions": sessions,
        "questions_per_session": per_session,
        "requests": expected,
        "completed": len(times),
        "unfinished_sessions": unfinished,
        "errors": all_errors,
        "error_samples": errors[:5],
        "cross_talk": len(crossed),
        "cross_talk_samples": crossed[:3],
        "wall_s": round(wall, 2),
        "throughput_per_s": throughput,
        "concurrent": summary_ms(times) if times else {},
        "queue_concurrency": settings.queue_concurrency,
        "goal_p95_s": GOAL_P95_S,
        "goal_throughput_per_s": GOAL_THROUGHPUT,
        "meets_goal": (all_errors == 0 and not crossed and p95 <= GOAL_P95_S
                       and throughput >= GOAL_THROUGHPUT),
    }
