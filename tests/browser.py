"""Shared pieces of the real-browser tests: Debian's Chromium, its flags, the artefacts folder
(screenshots, exports; ADVISOR_TEST_ARTIFACTS overrides it) and the loud skip when no browser
is installed (a failure in CI).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from servers import ROOT

ARTIFACTS = Path(os.environ.get("ADVISOR_TEST_ARTIFACTS") or ROOT / "test-artifacts")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def require_browser() -> None:
    """Skips (loudly; fails in CI) when Chromium or playwright is missing."""
    reason = None
    if not CHROMIUM.exists():
        reason = "Debian chromium is not installed at /usr/bin/chromium (run `bash .ci/browser-deps`)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright Python package is not installed (pip install -e '.[test]')"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser test cannot run in CI: {reason}")
        print(f"\n\n*** SKIPPING THE BROWSER UI TEST: {reason} ***\n", file=sys.stderr)
        pytest.skip(f"BROWSER UI TEST SKIPPED: {reason}")


def open_tab(page, name: str) -> None:
    """Selects a tab by its name, through Gradio's "More tabs" menu when a narrow screen has
    folded it there (a phone with the instructor tabs shown)."""
    tab = page.get_by_role("tab", name=name)
    if tab.count() and tab.first.is_visible():
        tab.first.click()
        return
    page.get_by_label("More tabs").click()
    page.locator(".overflow-dropdown").get_by_text(name, exact=True).click()
