"""Concurrency: 20 chat sessions at once through the running Gradio app on loopback.

Starts `advisor ui` on a free port over the bench index, waits until it answers, then drives the
chat endpoint (/respond, the Send button) with gradio_client: first one session alone (the floor:
the same path with no contention), then 20 sessions from 20 threads, each asking a few questions.
Bounded in count and time. Goals: 0 errors, p95 ≤ 1 s with the offline engine.
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.request

from bench.measure import OUT, VENV_BIN, bench_env, percentile, ratio, summary_ms
from bench.workload import answer_questions, prepare_index

GOAL_P95_S = 1.0
SESSIONS = 20
PER_SESSION = 3
DEADLINE_S = 600
ENDPOINT = "/respond"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_up(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"`advisor ui` exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "config", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"`advisor ui` did not answer at {url} within {timeout:.0f} s")


def _problem(outputs) -> str | None:
    """None for a real answer; otherwise what went wrong (error card, rate limit, empty)."""
    try:
        last = outputs[0][-1]
        content = last["content"]
        text = content[0]["text"] if isinstance(content, list) else str(content)
    except (TypeError, KeyError, IndexError):
        return f"unexpected output shape: {str(outputs)[:120]}"
    if text.startswith(("⚠️", "⏳")) or not text.strip():
        return text[:160] or "empty answer"
    return None


def _session(url: str, questions: list[str], start: threading.Barrier, times: list[float],
             errors: list[str]) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
    except Exception as exc:  # reported, not raised: one bad session must not hide the others
        errors.append(f"connect: {type(exc).__name__}: {exc}")
        start.abort()
        return
    try:
        start.wait(timeout=120)
    except threading.BrokenBarrierError:
        pass
    for question in questions:
        started = time.perf_counter()
        try:
            outputs = client.submit(question, "learner", api_name=ENDPOINT).result(timeout=DEADLINE_S / 2)
            problem = _problem(outputs)
        except Exception as exc:
            problem = f"{type(exc).__name__}: {exc}"
        times.append(time.perf_counter() - started)
        if problem:
            errors.append(problem)


def run(sessions: int = SESSIONS, per_session: int = PER_SESSION) -> dict:
    from gradio_client import Client

    settings = prepare_index()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log = (OUT / "concurrency-ui.log").open("w")
    process = subprocess.Popen(
        [str(VENV_BIN / "advisor"), "ui", "--port", str(port)],
        env=bench_env(ADVISOR_DATA_DIR=str(settings.data_dir)), stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait_up(url, process)
        questions = answer_questions()
        alone = Client(url, verbose=False)
        alone.predict(questions[0], "learner", api_name=ENDPOINT)  # first answer pays the caches
        single: list[float] = []
        for question in questions[:per_session * 4]:
            started = time.perf_counter()
            alone.predict(question, "learner", api_name=ENDPOINT)
            single.append(time.perf_counter() - started)

        times: list[float] = []
        errors: list[str] = []
        barrier = threading.Barrier(sessions)
        threads = [
            threading.Thread(
                target=_session,
                args=(url, [questions[(i * per_session + j) % len(questions)] for j in range(per_session)],
                      barrier, times, errors),
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
        unfinished = sum(thread.is_alive() for thread in threads)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

    expected = sessions * per_session
    p95 = percentile(times, 95) if times else float("inf")
    floor = summary_ms(single)
    return {
        "sessions": sessions,
        "questions_per_session": per_session,
        "requests": expected,
        "completed": len(times),
        "unfinished_sessions": unfinished,
        "errors": len(errors) + (expected - len(times)),
        "error_samples": errors[:5],
        "wall_s": round(wall, 2),
        "throughput_per_s": round(len(times) / wall, 2) if wall else 0.0,
        "concurrent": summary_ms(times) if times else {},
        "single_session": floor,
        "ratio_p95_to_single_p50": ratio(1000 * p95, floor["p50_ms"]),
        "queue_concurrency": settings.queue_concurrency,
        "goal_p95_s": GOAL_P95_S,
        "meets_goal": not errors and len(times) == expected and p95 <= GOAL_P95_S,
    }
