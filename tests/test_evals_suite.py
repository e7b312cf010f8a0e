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
from knowledge.parsing import course_prompts


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
        if not o.xfail and o.metrics[metric].value is not None
        and o.metrics[metric].value < threshold
    ]
    assert summary.value is not None and summary.value >= threshold, "\n".join(offenders)


def test_every_xfail_mark_still_describes_a_real_failure(course_report: SuiteReport):
    assert [o.id for o in course_report.cases if o.status == "xpass"] == []


# --- the course's fifteen prompts ---------------------------------------------------------------
# Answered once, in the suite run above (tests/test_evals_cases.py checks the suite holds all
# fifteen word for word); beyond each case's own assertions, every answer must be specific,
# cited and grounded, xfail cases included.

# Sections each prompt is about (substrings); the answer must cite at least one of them.
PROMPT_SECTIONS = {
    "short-term AI win": ["Prioritizing AI Projects"],
    "increasing average order value by 15%": ["Ethical AI Governance"],
    "current data infrastructure": ["Ethical AI Governance", "Prioritizing AI Projects"],
    "AI-powered personalization engine with the SMART goal": ["Mapping AI Applications to KPIs", "Return on Investment", "Defining E-commerce Specific KPIs"],
    "demand forecasting tool": ["Beyond ROI", "Return on Investment", "Analytics Platforms"],
    "human-in-the-loop": ["Human Oversight"],
    "cart abandonment": ["Scaling Successful AI Pilot"],
    "email personalization tool": ["Scaling Successful AI Pilot", "Ethical AI Governance"],
    "trend of hyper-personalization": ["Emerging AI Trends", "Hyper-Personalization"],
    "Generative AI": ["Emerging AI Trends", "Generative AI", "Agile and Adaptive"],
    "readiness": ["Hyper-Personalization", "Emerging AI Trends", "Data Strategy"],
    "ethical dilemmas": ["Generative AI", "Ethical AI Governance", "Emerging AI Trends"],
    "AI-ready culture": ["AI-Ready Culture", "Agile and Adaptive"],
    "modular AI strategy": ["Modular", "Agile and Adaptive"],
    "emerging AI trends": ["Emerging AI Trends", "Agile and Adaptive", "Final Emphasis"],
}
# Tools a prompt's answer must use, where a figure or a table lookup is the heart of it.
PROMPT_TOOLS = {
    "increasing average order value by 15%": {"prioritize", "kpi_suggest", "smart_check"},
    "AI-powered personalization engine with the SMART goal": {"kpi_suggest"},
    "demand forecasting tool": {"kpi_suggest"},
}



COURSE_PROMPTS = course_prompts()


# Prompts the general engine answers less well than the topic-pinned one did, each with why.
KNOWN_GAPS = {
    "increasing average order value by 15%": (
        "general question kinds (2026-12-06): the goal-plan tools (smart_check, kpi_suggest, prioritize) "
        "run for a list or how-to question; this prompt asks 'which…' after a comma, inside a sentence "
        "that opens 'Given my…', so its kind is read from its last question and the plan is not made"),
}


@pytest.mark.parametrize("prompt", [
    pytest.param(p, id=p[:50], marks=[pytest.mark.xfail(reason=why, strict=True)
                                      for key, why in KNOWN_GAPS.items() if key in p])
    for p in COURSE_PROMPTS])
def test_each_course_prompt_is_answered_specifically_and_groundedly(course_report, prompt):
    (outcome,) = [o for o in course_report.cases if o.question == prompt]
    assert outcome.result is not None, outcome.error
    result = outcome.result
    (key,) = [k for k in PROMPT_SECTIONS if k.lower() in prompt.lower()][:1]
    assert not result.refused
    cited = [c.section for c in result.citations]
    assert any(any(s.lower() in section.lower() for s in PROMPT_SECTIONS[key])
               for section in cited), cited
    assert len(result.citations) >= 2
    called = {call.name for call in result.tool_calls}
    assert PROMPT_TOOLS.get(key, set()) <= called, called
    # every sentence, and so every number stated, comes from a tool, the prompt or a passage
    assert [s for s in result.grounding.sentences if not s.supported] == []


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


def test_eval_cli_case_flag_selects_cases(advisor, tiny_cases):
    result = invoke(advisor, str(tiny_cases), "--case", "roi")
    assert result.exit_code == 0, result.output
    assert re.search(r"PASS\s+roi", result.output) and "recipe" not in result.output


UNRETRIEVABLE = """\
thresholds: {faithfulness: 0.5}
cases:
  - id: roi
    question: "What is the ROI of an AI tool with a gain of $50,000 and a cost of $20,000?"
    expect_sections: ["A section this course does not have"]
    assert:
      - uses_tool: roi
"""


def test_eval_cli_threshold_flags_override_the_file(advisor, tmp_path):
    path = tmp_path / "unretrievable.yaml"
    path.write_text(UNRETRIEVABLE, encoding="utf-8")
    ungated = invoke(advisor, str(path))  # recall is 0, but the file does not gate it
    assert ungated.exit_code == 0, ungated.output
    assert re.search(r"faithfulness .*\(≥ 0\.5: (ok|FAIL)\)", ungated.output), ungated.output
    assert re.search(r"recall_at_k +0(\.0+)?\b(?!.*≥)", ungated.output), ungated.output

    gated = invoke(advisor, str(path), "--min-faithfulness", "0.1", "--min-recall", "0.5")
    assert re.search(r"faithfulness .*\(≥ 0\.1: ok\)", gated.output), gated.output
    assert re.search(r"recall_at_k .*\(≥ 0\.5: FAIL\)", gated.output), gated.output
    assert gated.exit_code == 1


def test_eval_cli_reports_an_invalid_cases_file_with_its_line(advisor, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("cases:\n  - id: a\n    question: q\n    assert:\n      - contain_any: [x]\n")
    result = invoke(advisor, str(path))
    assert result.exit_code == 2
    assert f"{path}:5: case 'a': assert[1].contain_any: unknown key 'contain_any'" in result.output
