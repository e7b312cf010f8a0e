"""RICE, ICE and prioritisation: exact examples, invariants, and input errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tools.errors import ToolInputError
from tools.prioritization import (
    IceInput,
    PrioritizeInput,
    RiceInput,
    ice_score,
    prioritize,
    rice_score,
)
from tools.registry import run_tool


def rice(**kw: object) -> float:
    return rice_score(RiceInput(**kw)).score  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- RICE


@pytest.mark.parametrize(
    ("reach", "impact", "confidence", "effort", "expected"),
    [
        (2000, 2, 0.8, 4, 800.0),
        (500, 3, 1.0, 1, 1500.0),
        (10000, 0.25, 0.5, 5, 250.0),
        (1, 0.5, 0.1, 0.5, 0.1),
    ],
)
def test_rice_score_matches_hand_computed_examples(reach, impact, confidence, effort, expected):
    assert rice(reach=reach, impact=impact, confidence=confidence, effort=effort) == pytest.approx(
        expected
    )


def test_rice_score_states_its_formula_and_echoes_inputs():
    out = rice_score(RiceInput(reach=2000, impact=2, confidence=0.8, effort=4))
    assert out.formula == "score = reach × impact × confidence / effort"
    assert out.inputs == {"reach": 2000.0, "impact": 2.0, "confidence": 0.8, "effort": 4.0}
    assert out.assumptions


def test_rice_score_accepts_impact_names_from_the_scale():
    assert rice(reach=100, impact="massive", confidence=1, effort=1) == 300
    assert rice(reach=100, impact="Minimal", confidence=1, effort=1) == 25


@pytest.mark.parametrize("impact", [1.5, 4, 0, -1, 10, "huge"])
def test_rice_score_rejects_impact_off_the_scale(impact):
    with pytest.raises(ToolInputError) as err:
        run_tool("rice_score", {"reach": 100, "impact": impact, "confidence": 0.5, "effort": 1})
    assert err.value.fields == ["impact"]
    assert "3 = massive, 2 = high, 1 = medium, 0.5 = low, 0.25 = minimal" in err.value.message


def test_rice_score_rejects_confidence_given_as_a_percentage_with_the_fix():
    with pytest.raises(ToolInputError) as err:
        run_tool("rice_score", {"reach": 100, "impact": 1, "confidence": 80, "effort": 1})
    assert err.value.fields == ["confidence"]
    assert "for 80% use 0.8" in err.value.message
    assert "80" in err.value.message


@pytest.mark.parametrize(
    ("field", "value"),
    [("reach", 0), ("reach", -5), ("effort", 0), ("effort", -1), ("confidence", 0)],
)
def test_rice_score_rejects_zero_or_negative_where_it_must_be_positive(field, value):
    args = {"reach": 100, "impact": 1, "confidence": 0.5, "effort": 1, field: value}
    with pytest.raises(ToolInputError) as err:
        run_tool("rice_score", args)
    assert err.value.fields == [field]
    assert "greater than 0" in err.value.message


def test_rice_score_turns_an_overflowing_result_into_an_error_not_infinity():
    with pytest.raises(ToolInputError) as err:
        run_tool("rice_score", {"reach": 1e12, "impact": 3, "confidence": 1, "effort": 1e-300})
    assert "too extreme" in err.value.message
    assert "effort" in err.value.fields


positive = st.floats(min_value=1e-3, max_value=1e5, allow_nan=False)
impacts = st.sampled_from([0.25, 0.5, 1.0, 2.0, 3.0])
confidences = st.floats(min_value=0.01, max_value=1.0)


@given(reach=positive, more=positive, impact=impacts, confidence=confidences, effort=positive)
def test_rice_score_is_monotone_in_reach(reach, more, impact, confidence, effort):
    low = rice(reach=reach, impact=impact, confidence=confidence, effort=effort)
    high = rice(reach=reach + more, impact=impact, confidence=confidence, effort=effort)
    assert high >= low


@given(reach=positive, a=impacts, b=impacts, confidence=confidences, effort=positive)
def test_rice_score_is_monotone_in_impact(reach, a, b, confidence, effort):
    low, high = sorted([a, b])
    assert rice(reach=reach, impact=high, confidence=confidence, effort=effort) >= rice(
        reach=reach, impact=low, confidence=confidence, effort=effort
    )


@given(reach=positive, impact=impacts, a=confidences, b=confidences, effort=positive)
def test_rice_score_is_monotone_in_confidence(reach, impact, a, b, effort):
    low, high = sorted([a, b])
    assert rice(reach=reach, impact=impact, confidence=high, effort=effort) >= rice(
        reach=reach, impact=impact, confidence=low, effort=effort
    )


@given(reach=positive, impact=impacts, confidence=confidences, effort=positive, more=positive)
def test_rice_score_is_anti_monotone_in_effort(reach, impact, confidence, effort, more):
    assert rice(reach=reach, impact=impact, confidence=confidence, effort=effort + more) <= rice(
        reach=reach, impact=impact, confidence=confidence, effort=effort
    )


# ----------------------------------------------------------------------------- ICE


def test_ice_score_product_is_the_default_convention():
    out = ice_score(IceInput(impact=8, confidence=6, ease=5))
    assert out.score == 240
    assert "impact × confidence × ease" in out.convention


def test_ice_score_mean_averages_the_three_factors():
    out = ice_score(IceInput(impact=8, confidence=6, ease=5, aggregate="mean"))
    assert out.score == pytest.approx(19 / 3)
    assert "/ 3" in out.convention


@pytest.mark.parametrize(("field", "value"), [("impact", 0), ("ease", 11), ("confidence", 0.8)])
def test_ice_score_rejects_factors_outside_one_to_ten(field, value):
    args = {"impact": 5, "confidence": 5, "ease": 5, field: value}
    with pytest.raises(ToolInputError) as err:
        run_tool("ice_score", args)
    assert err.value.fields == [field]
    assert "1 (lowest) to 10 (highest)" in err.value.message


def test_ice_score_rejects_an_unknown_aggregate():
    with pytest.raises(ToolInputError) as err:
        run_tool("ice_score", {"impact": 5, "confidence": 5, "ease": 5, "aggregate": "median"})
    assert err.value.fields == ["aggregate"]
    assert "'product' or 'mean'" in err.value.message


# ----------------------------------------------------------------------------- prioritize

FOUR = [
    {"name": "Email subject lines", "reach": 20000, "impact": 1, "confidence": 0.8, "effort": 1},
    {"name": "Personalization engine", "reach": 50000, "impact": 2, "confidence": 0.7, "effort": 9},
    {"name": "Chatbot FAQ", "reach": 8000, "impact": 0.5, "confidence": 0.9, "effort": 2},
    {
        "name": "Predictive supply chain",
        "reach": 3000,
        "impact": 3,
        "confidence": 0.5,
        "effort": 18,
    },
]


def test_prioritize_ranks_rice_initiatives_and_places_each_in_a_quadrant_and_horizon():
    out = prioritize(PrioritizeInput.model_validate({"initiatives": FOUR}))
    assert out.method == "rice"
    got = [(r.name, r.quadrant, r.horizon) for r in out.ranking]
    assert got == [
        ("Email subject lines", "quick win", "short-term win (3-6 months)"),
        # 48.6 of 100: under half the best, so not high value (a median line would say it is)
        ("Personalization engine", "money pit", "deprioritise"),
        ("Chatbot FAQ", "fill-in", "short-term win (3-6 months)"),
        ("Predictive supply chain", "money pit", "deprioritise"),
    ]
    assert [r.score for r in out.ranking] == pytest.approx([16000, 50000 * 1.4 / 9, 1800, 250])
    assert out.ranking[0].value == 100  # normalised: the top score is 100
    assert out.effort_threshold == 5.5  # median of 1, 2, 9, 18
    assert out.value_threshold == 50  # half of the best (100 on the normalised scale)
    assert "stable" in out.tie_rule and "input order" in out.tie_rule
    assert any("half of the highest value" in a for a in out.assumptions)


def test_prioritize_calls_high_value_what_is_worth_half_the_best_of_the_list_as_given():
    # Values given on the user's own scale: the line is half of the highest (8 of 16), not the
    # median (which would make the 7 high value too).
    items = [{"name": n, "value": v, "effort": 1, "reach": 100, "impact": 1, "confidence": 0.5}
             for n, v in (("A", 16), ("B", 7), ("C", 6))]
    out = prioritize(PrioritizeInput.model_validate({"initiatives": items}))
    assert out.value_threshold == 8
    assert {r.name: r.quadrant for r in out.ranking} == {"A": "quick win", "B": "fill-in", "C": "fill-in"}


def test_prioritize_thresholds_can_be_overridden():
    out = prioritize(
        PrioritizeInput.model_validate(
            {"initiatives": FOUR, "value_threshold": 5, "effort_threshold": 20}
        )
    )
    # Everything is below the effort bar; only the last one is below the value bar.
    assert [r.quadrant for r in out.ranking] == ["quick win", "quick win", "quick win", "fill-in"]
    assert out.value_threshold == 5 and out.effort_threshold == 20


def test_prioritize_ice_uses_eleven_minus_ease_as_effort():
    out = prioritize(
        PrioritizeInput.model_validate(
            {
                "initiatives": [
                    {"name": "A", "impact": 9, "confidence": 8, "ease": 9},
                    {"name": "B", "impact": 4, "confidence": 5, "ease": 2},
                ]
            }
        )
    )
    assert out.method == "ice"
    assert [(r.name, r.score, r.effort) for r in out.ranking] == [("A", 648, 2), ("B", 40, 9)]
    assert "11 − ease" in out.effort_axis


def test_prioritize_uses_value_overrides_when_given_for_all():
    items = [dict(item, value=v) for item, v in zip(FOUR, [1, 2, 3, 4], strict=True)]
    out = prioritize(PrioritizeInput.model_validate({"initiatives": items}))
    by_name = {r.name: r for r in out.ranking}
    assert by_name["Predictive supply chain"].value == 4
    assert by_name["Predictive supply chain"].quadrant == "big bet"
    assert "override" in out.value_axis


def test_prioritize_rejects_a_value_override_on_only_some_initiatives():
    items = [dict(FOUR[0], value=10), FOUR[1]]
    with pytest.raises(ToolInputError) as err:
        run_tool("prioritize", {"initiatives": items})
    assert "every initiative or for none" in err.value.message


def test_prioritize_names_the_initiative_and_field_with_an_off_scale_impact():
    items = [FOUR[0], dict(FOUR[1], impact=1.5)]
    with pytest.raises(ToolInputError) as err:
        run_tool("prioritize", {"initiatives": items, "method": "rice"})
    assert err.value.fields == ["initiatives[1].impact"]
    assert "RICE impact scale" in err.value.message


def test_prioritize_rejects_duplicate_names():
    with pytest.raises(ToolInputError) as err:
        run_tool("prioritize", {"initiatives": [FOUR[0], FOUR[0]]})
    assert "used twice" in err.value.message


def test_prioritize_cannot_infer_a_method_from_mixed_fields():
    items = [FOUR[0], {"name": "X", "impact": 5, "confidence": 5, "ease": 5}]
    with pytest.raises(ToolInputError) as err:
        run_tool("prioritize", {"initiatives": items})
    assert err.value.fields == ["method"]


def test_prioritize_rejects_an_empty_list():
    with pytest.raises(ToolInputError) as err:
        run_tool("prioritize", {"initiatives": []})
    assert err.value.fields == ["initiatives"]


scores = st.sampled_from([0.25, 0.5, 1.0, 2.0, 3.0])


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.sampled_from([10, 20, 40]), scores, st.sampled_from([1, 2, 4])),
        min_size=1,
        max_size=12,
    )
)
def test_prioritize_is_a_stable_permutation_sorted_by_score(rows):
    items = [
        {"name": f"i{k}", "reach": reach, "impact": impact, "confidence": 1, "effort": effort}
        for k, (reach, impact, effort) in enumerate(rows)
    ]
    out = prioritize(PrioritizeInput.model_validate({"initiatives": items}))
    indexes = [r.input_index for r in out.ranking]
    assert sorted(indexes) == list(range(len(items)))
    assert [r.rank for r in out.ranking] == list(range(1, len(items) + 1))
    for before, after in zip(out.ranking, out.ranking[1:], strict=False):
        assert before.score >= after.score
        if before.score == after.score:
            assert before.input_index < after.input_index
