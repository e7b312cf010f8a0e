"""The CI gate: the course suite on the offline engine meets its thresholds; `advisor eval` works.

One Advisor serves the whole module; it shares the session's embedding model and memo.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.engine import Advisor
from assistant.settings import Settings
from evals.cases import DEFAULT_CASES, load_cases
from evals.cli import eval_command
from evals.runner import SuiteReport, run_suite


@pytest.fixture(scope="module")
def advisor(built_settings: Settings, embedder) -> Advisor:
    # The session's memoizing embedder: texts other tests embedded are not embedded again.
    return Advisor(built_settings, llm="offline", embedder=embedder)


@pytest.fixture(scope="module")
def course_report(advisor: Advisor) -> SuiteReport:
    return run_suite(load_cases(DEFAULT_CASES), advisor)


def _failing(report: SuiteReport) -> str:
    lines = []
    for outcome in report.cases:
        if outcome.status in ("fail", "error"):
            checks = "; ".join(f"{c.check}: {c.detail}" for c in outcome.failed_checks)
            lines.append(f"{outcome.id}: {outcome.error or checks}")
    return "\n".join(lines)


@pytest.mark.timeout(900)
def test_course_suite_passes_on_the_offline_engine(course_report: SuiteReport):
    assert course_report.counts["fail"] == 0 and course_report.counts["error"] == 0, _failing(
        course_report
    )


@pytest.mark.parametrize(
    ("metric", "threshold"),
    [
        ("faithfulness", 0.98),
        ("citation_validity", 1.0),
        ("numeric_fidelity", 1.0),
        ("refusal_accuracy", 1.0),
    ],
)
def test_course_suite_meets_the_metric_gate(
    course_report: SuiteReport, metric: str, threshold: float
):
    summary = course_report.metric(metric)
    offenders = [
        f"{o.id}: {o.metrics[metric].problems[:2]}"
        for o in course_report.cases
        if not o.xfail and (o.metrics[metric].value or 1.0) < threshold
    ]
    assert summary.value is not None and summary.value >= threshold, "\n".join(offenders)


def test_every_xfail_mark_still_describes_a_real_failure(course_report: SuiteReport):
    assert [o.id for o in course_report.cases if o.status == "xpass"] == []


# --- `advisor eval` ---------------------------------------------------------------------------

TINY = """\
thresholds: {faithfulness: 0.5}
cases:
  - id: roi
    question: "What is the ROI of an AI tool with a gain of $50,000 and a cost of $20,000?"
    assert:
      - number: {value: 150, tolerance: 0.01}
      - uses_tool: roi
  - id: recipe
    question: "Give me a recipe for <b>cookies</b>."
    assert:
      - refuses: true
"""


@pytest.fixture
def tiny_cases(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def invoke(advisor: Advisor, *args: str):
    return CliRunner().invoke(eval_command, list(args), obj={"advisor": advisor})


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_eval_cli_prints_the_table_and_writes_a_report(advisor, tiny_cases, tmp_path, suffix):
    out = tmp_path / f"report.{suffix}"
    result = invoke(advisor, str(tiny_cases), "--report", str(out))
    assert result.exit_code == 0, result.output
    assert re.search(r"PASS\s+roi", result.output) and re.search(r"PASS\s+recipe", result.output)
    assert "✓ number: 150" in result.output and "✓ refuses: true" in result.output
    assert "2 case(s): 2 pass" in result.output and "PASSED" in result.output
    report = out.read_text(encoding="utf-8")
    assert "ROI" in report and "recipe" in report
    assert "<b>cookies</b>" not in report  # the question is escaped, never injected
    if suffix == "html":
        assert "&lt;b&gt;cookies&lt;/b&gt;" in report and 'class="s sup"' in report
    else:
        assert "&lt;b&gt;cookies&lt;/b&gt;" in report and "✅" in report


def test_eval_cli_exits_non_zero_when_a_case_fails(advisor, tmp_path):
    path = tmp_path / "failing.yaml"
    path.write_text(
        "cases:\n  - id: wrong\n    question: What is the ROI of an AI tool with a gain of "
        "$50,000 and a cost of $20,000?\n    assert:\n      - number: 999\n",
        encoding="utf-8",
    )
    result = invoke(advisor, str(path), "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["passed"] is False and data["cases"][0]["status"] == "fail"
    assert data["failures"][0] == "1 case(s) failed: wrong"


def test_eval_cli_threshold_flags_override_the_file(advisor, tiny_cases):
    result = invoke(
        advisor,
        str(tiny_cases),
        "--case",
        "roi",
        "--min-faithfulness",
        "1.0",
        "--min-recall",
        "1.0",
    )
    assert "recipe" not in result.output  # --case selected one case
    gate = re.search(r"faithfulness .*\(≥ 1: (ok|FAIL)\)", result.output)  # the file said 0.5
    assert gate, result.output
    assert result.exit_code == (0 if gate.group(1) == "ok" else 1)
    assert re.search(r"recall_at_k .*\(≥ 1: ok\)", result.output)  # no expected sections: not gated


def test_eval_cli_reports_an_invalid_cases_file_with_its_line(advisor, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("cases:\n  - id: a\n    question: q\n    assert:\n      - contain_any: [x]\n")
    result = invoke(advisor, str(path))
    assert result.exit_code == 2
    assert f"{path}:5: case 'a': assert[1].contain_any: unknown key 'contain_any'" in result.output
