"""hitl_check: rules per kind of action with configurable thresholds; the course's passage on
oversight is found in the chunks handed in, never quoted in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.errors import ToolInputError
from tools.oversight import HitlInput, hitl_check
from tools.registry import run_tool

CORPUS = Path(__file__).resolve().parent.parent / "knowledge" / "corpus" / "module-6-ai-strategy.md"


def check(**kw: object):
    return hitl_check(HitlInput.model_validate(kw))


@pytest.mark.parametrize(
    ("args", "required", "level"),
    [
        ({"action": "price_change", "price_change_pct": 14}, True, "exception handling"),
        ({"action": "price_change", "price_change_pct": -12}, True, "exception handling"),
        ({"action": "price_change", "price_change_pct": 10}, False, None),
        (
            {"action": "price_change", "price_change_pct": 3, "affects_key_segment": True},
            True,
            "exception handling",
        ),
        (
            {"action": "price_change", "price_change_pct": 14, "price_change_threshold_pct": 20},
            False,
            None,
        ),
        ({"action": "content_publication"}, False, None),
        (
            {"action": "content_publication", "sensitive_category": True},
            True,
            "review and approval",
        ),
        (
            {"action": "content_publication", "high_stakes_campaign": True},
            True,
            "review and approval",
        ),
        ({"action": "fraud_block", "customer_value_tier": "standard"}, False, None),
        (
            {"action": "fraud_block", "customer_value_tier": "high_value"},
            True,
            "review and approval",
        ),
        (
            {"action": "fraud_block", "customer_value_tier": "high_value", "review_tiers": ["vip"]},
            False,
            None,
        ),
        ({"action": "customer_service_escalation"}, True, "exception handling"),
        ({"action": "strategic_decision"}, True, "joint decision"),
        ({"action": "other"}, False, None),
        ({"action": "other", "high_consequence": True}, True, "review and approval"),
    ],
)
def test_hitl_check_follows_the_course_examples_and_thresholds(args, required, level):
    out = check(**args)
    assert out.review_required is required
    assert out.level == level
    assert bool(out.reasons) is required


def test_hitl_check_cites_the_course_passage_on_oversight_and_states_its_thresholds():
    from knowledge.parsing import kpi_source

    chunks = kpi_source(CORPUS)[1]
    out = hitl_check(HitlInput(action="price change", price_change_pct=14), chunks)
    cited = next(c for c in chunks if c.chunk_id == out.source.chunk_id)
    assert out.source.quote in cited.text.replace("\n", " ")
    assert "human" in out.source.quote.lower()
    assert any("±10%" in a for a in out.assumptions)
    assert out.recommendation.startswith("human in the loop: exception handling")


def test_hitl_check_without_a_course_passage_cites_nothing():
    assert check(action="price change", price_change_pct=14).source is None


@pytest.mark.parametrize(
    ("spelling", "action"),
    [
        ("price change", "price_change"),
        ("Fraud Block", "fraud_block"),
        ("content", "content_publication"),
        ("strategic-decision", "strategic_decision"),
    ],
)
def test_hitl_check_accepts_plain_spellings_of_actions(spelling, action):
    assert HitlInput(action=spelling, price_change_pct=1).action == action


def test_hitl_check_requires_the_size_of_a_price_change():
    with pytest.raises(ToolInputError) as err:
        run_tool("hitl_check", {"action": "price_change"})
    assert err.value.fields == ["price_change_pct"]


def test_hitl_check_rejects_an_unknown_action_listing_the_known_ones():
    with pytest.raises(ToolInputError) as err:
        run_tool("hitl_check", {"action": "launch rockets"})
    assert err.value.fields == ["action"]
    assert "price_change" in err.value.message and "fraud_block" in err.value.message


@pytest.mark.parametrize("pct", ["12%", float("nan"), float("inf"), 1e308])
def test_hitl_check_rejects_bad_price_change_values(pct):
    with pytest.raises(ToolInputError) as err:
        run_tool("hitl_check", {"action": "price_change", "price_change_pct": pct})
    assert err.value.fields == ["price_change_pct"]
    assert "a 12% rise is 12" in err.value.message
