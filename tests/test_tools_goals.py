"""smart_check: finds metric, target and deadline; asks about the rest; invents no numbers."""

from __future__ import annotations

import re

import pytest

from tools.errors import ToolInputError
from tools.goals import SmartInput, smart_check
from tools.registry import run_tool


def check(goal: str):
    return smart_check(SmartInput(goal=goal))


@pytest.mark.parametrize(
    ("goal", "metric", "target", "deadline"),
    [
        (
            "Increase AOV by 15% within 9 months",
            "average order value (AOV)",
            "15%",
            "within 9 months",
        ),
        ("increasing market share by 10% in two years", "market share", "10%", "in two years"),
        (
            "improving customer satisfaction scores by 15% within twelve months",
            "customer satisfaction (CSAT)",
            "15%",
            "within twelve months",
        ),
        (
            "Reduce cart abandonment from 70% to 60% by Q3",
            "cart abandonment rate",
            "from 70% to 60%",
            "by Q3",
        ),
        (
            "boost conversion rate by ten percent by the end of the year",
            "conversion rate",
            "ten percent",
            "by the end of the year",
        ),
        (
            "Grow CLV to $400 by December 2025",
            "customer lifetime value (CLV)",
            "$400",
            "by December 2025",
        ),
        ("boosting overall profitability by 5% annually", "profit / margin", "5%", "annually"),
    ],
)
def test_smart_check_finds_metric_target_and_deadline(goal, metric, target, deadline):
    out = check(goal)
    assert out.specific.found[0] == metric
    assert out.measurable.found[0] == target
    assert out.time_bound.found[0] == deadline
    assert out.is_smart and out.missing == []


def test_smart_check_does_not_mistake_the_deadline_number_for_a_target():
    out = check("Increase conversion rate within 9 months")
    assert out.time_bound.present
    assert not out.measurable.present
    assert out.missing == ["measurable"]


def test_smart_check_reports_everything_missing_from_a_vague_goal():
    out = check("make customers happier with AI")
    assert out.missing == ["specific", "measurable", "time_bound"]
    assert not out.is_smart
    assert "[metric" in out.suggested_rewrite
    assert "[target %]" in out.suggested_rewrite
    assert "[N months]" in out.suggested_rewrite


def test_smart_check_asks_about_achievable_and_relevant_instead_of_judging():
    out = check("Increase AOV by 15% within 9 months")
    assert out.achievable.startswith("Is 15% achievable within 9 months")
    assert out.achievable.endswith("this tool cannot judge it.")
    assert "average order value (AOV)" in out.relevant and "?" in out.relevant


@pytest.mark.parametrize(
    "goal",
    [
        "make customers happier with AI",
        "Increase AOV by 15% within 9 months",
        "reduce support costs",
        "grow revenue by Q4",
        "Lower resolution time by 30% and lift repeat purchase rate 10% within 9 months",
    ],
)
def test_smart_check_rewrite_uses_only_numbers_from_the_goal(goal):
    rewrite = check(goal).suggested_rewrite
    numbers_in_goal = set(re.findall(r"\d+(?:\.\d+)?", goal))
    numbers_in_rewrite = set(re.findall(r"\d+(?:\.\d+)?", rewrite.replace("GA4", "")))
    assert numbers_in_rewrite <= numbers_in_goal


def test_smart_check_rewrite_keeps_the_user_s_preposition():
    assert (
        "CLV) to $400 (from [current baseline]) by December 2025"
        in check("Grow CLV to $400 by December 2025").suggested_rewrite
    )
    assert "by 15% (from [current baseline])" in check("raise AOV by 15% in Q3").suggested_rewrite
    assert "by 15% (from" in check("raise AOV 15% in Q3").suggested_rewrite


def test_smart_check_rewrite_keeps_the_direction_of_the_goal():
    assert check("reduce support costs").suggested_rewrite.startswith("Reduce support costs")
    assert check("grow revenue").suggested_rewrite.startswith("Increase revenue / sales")
    assert check("AOV target").suggested_rewrite.startswith("[Increase/Reduce]")


def test_smart_check_rejects_an_empty_goal():
    with pytest.raises(ToolInputError) as err:
        run_tool("smart_check", {"goal": ""})
    assert err.value.fields == ["goal"]


def test_smart_check_rejects_a_goal_that_is_not_text():
    with pytest.raises(ToolInputError) as err:
        run_tool("smart_check", {"goal": 15})
    assert err.value.fields == ["goal"]


def test_a_target_ends_where_its_number_ends():
    # numbers are read by the house's figure grammar: the comma after "$85" ends the sentence's
    # clause, it is not a thousands separator
    out = check("Grow AOV to $85, within 9 months")
    assert out.measurable.found == ["$85"]
    assert "to $85 (from [current baseline])" in out.suggested_rewrite
