"""The server's start-up check of its own page (ui.app._patient_start_check): a page that answers
slowly, as on a machine busy with other work, is waited for instead of ending the server."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = [pytest.mark.loopback]


def slow_page(delay: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self):  # noqa: N802  (http.server's name)
            time.sleep(delay)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def gradio_check(monkeypatch):
    from gradio import networking

    # Gradio's own check, even where an app started in this worker has replaced it; restored after
    monkeypatch.setattr(networking, "url_ok", getattr(networking.url_ok, "gradio_own", networking.url_ok))
    return networking


def test_a_page_slower_than_gradios_few_seconds_still_passes_the_check(gradio_check):
    from ui import app

    server = slow_page(3.5)  # Gradio's own check gives each try 3 s, then ends the server
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert not gradio_check.url_ok(url), "Gradio's own check fails a slow page"
        app._patient_start_check()
        assert gradio_check.url_ok(url)
    finally:
        server.shutdown()


def test_a_page_that_never_answers_still_fails_the_check(gradio_check, monkeypatch):
    from ui import app

    monkeypatch.setattr(app, "START_CHECK_S", 1.0)
    app._patient_start_check()
    server = slow_page(0)
    port = server.server_address[1]
    server.shutdown()
    server.server_close()  # nothing listens there any more
    started = time.monotonic()
    assert not gradio_check.url_ok(f"http://127.0.0.1:{port}/")
    assert time.monotonic() - started < 5
