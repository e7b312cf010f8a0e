"""The eval reports (jinja2 templates): every answer, question and reason is escaped, never markup."""

from __future__ import annotations

import pytest

from evals.report import html_report, markdown
from evals.runner import SuiteReport

INJECTED = "<b>cookies</b> | *stars* [x](y)"


@pytest.fixture
def report() -> SuiteReport:
    sentence = {"text": "Good <script>alert(1)</script>.", "supported": True, "sources": ["c<1>"]}
    return SuiteReport.model_validate(
        {
            "source": "cases.yaml", "engine": "offline", "k": 5, "passed": False,
            "failures": ["1 case(s) failed: x_y"], "counts": {"pass": 1, "fail": 1},
            "metrics": [{"name": "faithfulness", "value": 0.9, "cases": 2, "value_all": 0.8,
                         "threshold": 0.98, "passed": False}],
            "cases": [
                {"id": "x_y", "question": INJECTED, "status": "fail", "line": 7,
                 "assertions": [{"check": "number: 150", "passed": False, "detail": "no <150>"}],
                 "result": {"question": "q", "answer": "a",
                            "grounding": {"score": 0.5, "sentences": [
                                sentence,
                                {"text": "Bad.", "supported": False, "reason": "no <source>"},
                            ]}}},
                {"id": "ok", "question": "plain", "status": "pass"},
            ],
        }
    )


def test_the_html_report_is_autoescaped(report):
    page = html_report(report)
    assert "<b>cookies</b>" not in page and "<script>" not in page
    assert "&lt;b&gt;cookies&lt;/b&gt;" in page and "no &lt;source&gt;" in page
    assert 'class="s sup" title="c&lt;1&gt;"' in page and 'class="s uns"' in page
    assert page.index('id="case-x-y" open') < page.index('id="case-ok"')  # failures first


def test_the_markdown_report_escapes_every_value(report):
    text = markdown(report)
    assert "<b>cookies</b>" not in text and "<script>" not in text
    assert r"&lt;b&gt;cookies&lt;/b&gt; \| \*stars\* \[x\](y)" in text
    assert "| FAIL | [x\\_y](#case-x-y) | – | – | – |" in text
    assert "- ❌ Bad. — _no &lt;source&gt;_" in text
    assert "| faithfulness | 0.90 | 0.80 | ≥ 0.98 ❌ | 2 |" in text
