"""Child processes and local servers for the tests that need them: one free loopback port, one
clean environment for a child, and one `advisor ui` started in a subprocess and polled until it
answers.

A child never sees the developer's settings: every ``ADVISOR_*`` variable is dropped, it runs in
a folder of the test's own (so no ``.env`` is read), the checkout comes first on its path, and
every telemetry switch is off. Tests that use these helpers talk to 127.0.0.1 only and carry the
``loopback`` marker (see conftest.py).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from vector_seed import keep_vectors, share_vectors

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"

# Nothing a test starts may reach a model hub or a telemetry endpoint.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",  # Chroma's PostHog client
    "GRADIO_ANALYTICS_ENABLED": "False",
    "DO_NOT_TRACK": "1",
}


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on the loopback interface."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def child_env(data_dir: Path | None = None, **advisor: object) -> dict[str, str]:
    """This process's environment without any ADVISOR_* variable, plus ``ADVISOR_DATA_DIR`` and
    ``ADVISOR_<NAME>`` for each keyword (``child_env(d, llm="offline")``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(OFFLINE_ENV, PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    if data_dir is not None:
        env["ADVISOR_DATA_DIR"] = str(data_dir)
    env.update({f"ADVISOR_{name.upper()}": str(value) for name, value in advisor.items()})
    return env


def child_cwd(data_dir: Path) -> Path:
    """A folder of the test's own for a child to run in: no `.env`, no `.advisor/` there."""
    folder = data_dir.parent / f"{data_dir.name}-cwd"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_advisor(args: Sequence[str], data_dir: Path, *, timeout: float = 300,
                **kwargs) -> subprocess.CompletedProcess:
    """`advisor ARGS` in a child process on ``data_dir``; output captured."""
    kwargs.setdefault("capture_output", True)
    share_vectors(data_dir)
    try:
        return subprocess.run([sys.executable, "-m", "assistant.cli", *args],
                              cwd=child_cwd(data_dir), env=child_env(data_dir), timeout=timeout,
                              **kwargs)
    finally:
        keep_vectors(data_dir)


@dataclass
class RunningUI:
    url: str
    process: subprocess.Popen
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_ui(data_dir: Path, log: Path | None = None, *, start_seconds: float = 600,
               **advisor: object) -> Iterator[RunningUI]:
    """`advisor ui` on a free loopback port and ``data_dir``, ready when the page answers 200.

    Extra keywords become ADVISOR_* settings of the child. The process is stopped on exit (it
    may already be gone: a test may kill it on purpose).
    """
    port = free_port()
    log = log or data_dir.parent / f"{data_dir.name}-ui.log"
    share_vectors(data_dir)
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "ui", "--port", str(port)],
            cwd=child_cwd(data_dir), env=child_env(data_dir, **advisor), stdout=out,
            stderr=subprocess.STDOUT)
    app = RunningUI(url=f"http://{LOOPBACK}:{port}/", process=process, log=log)
    try:
        _wait_until_up(app, start_seconds)
        yield app
    finally:
        stop(process, 30)
        keep_vectors(data_dir)


def stop(process: subprocess.Popen, seconds: float) -> None:
    """Asks a child server to stop; kills it after ``seconds``. Returns once it has exited."""
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_up(app: RunningUI, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if app.process.poll() is not None:
            pytest.fail(f"`advisor ui` exited with {app.process.returncode}:\n"
                        + app.log_text()[-3000:])
        try:
            with urllib.request.urlopen(app.url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"`advisor ui` did not start in {seconds:.0f} s:\n"
                        + app.log_text()[-3000:])
        time.sleep(1)
