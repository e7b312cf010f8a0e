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


class _Scripted:
    """An advisor that answers each turn with the next scripted result."""

    def __init__(self, *results):
        self.results = list(results)

    def ask(self, message, conversation_id=None, remember=True):
        result = self.results.pop(0)
        result.conversation_id = "c1"
        return result


def _roi(gain, cost):
    return _result(("roi", {"gain": gain, "cost": cost}, {"roi_pct": 100 * (gain - cost) / cost}))


def test_an_undo_names_what_differs_from_the_original_figures_and_a_what_if_what_differs_from_the_last():
    from evals.calcsets import run_dialogue

    turns = [
        {"user": "roi: gain 30k, cost 10k", "expect": "compute", "tool": "roi",
         "args": {"gain": 30000, "cost": 10000}},
        {"user": "what if it cost 15k?", "expect": "compute", "tool": "roi",
         "args": {"gain": 30000, "cost": 15000}, "changed": ["cost"]},
        {"user": "back to the original, but the gain is 40k", "expect": "compute", "tool": "roi",
         "args": {"gain": 40000, "cost": 10000}, "changed": ["gain"]},
    ]
    undo = run_dialogue({"id": "u", "kind": "undo", "turns": turns},
                        _Scripted(_roi(30000, 10000), _roi(30000, 15000), _roi(40000, 10000)))
    assert undo.right, undo.notes
    # The same turns in a dialogue of another kind: the third turn moved the cost back as well
    what_if = run_dialogue({"id": "w", "kind": "what-if", "turns": turns},
                           _Scripted(_roi(30000, 10000), _roi(30000, 15000), _roi(40000, 10000)))
    assert not what_if.right and "also changed ['cost']" in what_if.notes[0]
