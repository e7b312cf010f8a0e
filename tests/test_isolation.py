"""The suite's own isolation (tests/conftest.py): each test gets clean settings whatever the
developer's machine holds, the network is blocked, loopback tests reach 127.0.0.1 only, and the
libraries' telemetry does not even try to call home."""

from __future__ import annotations

import os
import socket

import pytest
from pytest_socket import SocketBlockedError, SocketConnectBlockedError

from assistant.settings import Settings, get_settings
from fakes import FakeAdvisor
from servers import LOOPBACK, child_env


def test_no_advisor_variable_reaches_a_test_but_the_temporary_data_folder(default_data_dir):
    assert {k for k in os.environ if k.startswith("ADVISOR_")} == {"ADVISOR_DATA_DIR"}
    assert get_settings().data_dir == default_data_dir
    assert get_settings().llm == "offline"


def test_a_dotenv_in_the_working_folder_is_not_read(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("ADVISOR_LLM=openai\nADVISOR_TOP_K=9\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert (Settings().llm, Settings().top_k) == ("offline", 5)


def test_what_a_test_sets_it_gets(use_settings, fresh_settings):
    assert use_settings(fresh_settings, top_k=7).top_k == 7


def test_a_child_process_gets_no_advisor_variable_of_ours(monkeypatch, tmp_path):
    monkeypatch.setenv("ADVISOR_LLM", "openai")
    env = child_env(tmp_path, top_k=3)
    assert {k: v for k, v in env.items() if k.startswith("ADVISOR_")} == {
        "ADVISOR_DATA_DIR": str(tmp_path), "ADVISOR_TOP_K": "3"}
    assert env["HF_HUB_OFFLINE"] == "1" and env["ANONYMIZED_TELEMETRY"] == "False"


def test_the_network_is_blocked():
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    del _network_attempts()[-1:]  # expected here: not a failure of this test


@pytest.mark.loopback
def test_a_loopback_test_reaches_this_machine_only():
    with socket.socket() as server:
        server.bind((LOOPBACK, 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    del _network_attempts()[-1:]


def test_chroma_and_gradio_make_no_network_attempt(tmp_path):
    """conftest fails any test during which something tried the network, even when the
    library caught the error: a telemetry call from Chroma or Gradio would fail this one."""
    import chromadb

    from ui.app import build_app

    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"))
    client.get_or_create_collection("probe").add(ids=["a"], documents=["a"],
                                                 embeddings=[[0.1, 0.2]])
    settings = Settings(data_dir=tmp_path / "advisor")
    assert build_app(settings, FakeAdvisor(settings)).analytics_enabled is False


def _network_attempts() -> list[str]:
    import conftest

    return conftest._NETWORK_ATTEMPTS
