"""The calculator-set judge: what counts as a right reply to a message a writer marked `compute`."""

from types import SimpleNamespace

from evals.calcsets import judge_turn


def _result(*calls, clarification=None):
    return SimpleNamespace(refused=False, clarification=clarification,
                           tool_calls=[SimpleNamespace(name=n, args=a, result=r) for n, a, r in calls])


HITL = {"expect": "compute", "tool": "hitl_check", "args": {"action": "price_change", "price_change_pct": 18}}


def test_an_advisory_tool_called_with_the_writers_inputs_is_right():
    verdict = judge_turn(HITL, _result(("hitl_check", {"action": "price_change", "price_change_pct": 18.0},
                                        {"needs_human": True})))
    assert verdict.right and not verdict.wrong_figure


def test_an_advisory_tool_with_another_figure_is_a_wrong_figure_and_not_calling_it_is_not_right():
    misread = judge_turn(HITL, _result(("hitl_check", {"action": "price_change", "price_change_pct": 8},
                                        {"needs_human": False})))
    assert not misread.right and misread.wrong_figure
    silent = judge_turn(HITL, _result())
    assert not silent.right and not silent.wrong_figure


def test_a_calculator_is_still_judged_by_its_headline_number():
    roi = {"expect": "compute", "tool": "roi", "args": {"gain": 30000, "cost": 10000}}
    assert judge_turn(roi, _result(("roi", {"gain": 30000, "cost": 10000}, {"roi_pct": 200.0}))).right
    assert judge_turn(roi, _result(("roi", {"gain": 20000, "cost": 10000}, {"roi_pct": 100.0}))).wrong_figure
