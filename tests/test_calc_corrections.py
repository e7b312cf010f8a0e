"""A correction replaces the figure it names wherever that figure was said: a later line that
corrects an earlier one ("… not 6k" after "6k" was given in full), a bare number standing for an
amount or a length said with its unit, a sentence that starts with "Not …", and a plain "no,"
between the old figure and the new. An amount is never "corrected" by a length of time."""

import pytest

from assistant.reading.calculate import read_calculation


def _call(text):
    calc = read_calculation(text)
    assert calc is not None and calc.clarification is None, calc and calc.clarification
    [call] = calc.calls
    return call


CORRECTED_LATER = [
    ("ROI of the scheduler? it cost 9k and brought about 20k profit.\nsorry, profit was 22k not 20",
     {"cost": 9000.0, "gain": 22000.0}),
    ("ROI? Cost came to €15k, we had left out the hosting bill. Not €12k.\nProfit was €30k. Earlier note: cost €12k.",
     {"cost": 15000.0, "gain": 30000.0}),
    ("ROI: licence 8k, no, 9k, and it returned 20k in margin", {"cost": 9000.0, "gain": 20000.0}),
]


@pytest.mark.parametrize(("text", "args"), CORRECTED_LATER, ids=[c[0][:30] for c in CORRECTED_LATER])
def test_a_correction_replaces_the_figure_wherever_it_was_said(text, args):
    assert _call(text) == ("roi", args)


def test_a_length_corrected_by_a_bare_number_takes_the_new_horizon():
    name, args = _call("4yr tco: setup 5k, licence 2k/yr\nwait make that 2 yrs not 4")
    assert name == "tco" and args["horizon_years"] == 2 and args["software_fees"] == 2000


def test_a_recurring_amount_is_not_corrected_by_a_length_of_time():
    name, args = _call("tco: setup 5k, licence 2k/yr, support 1k/yr\nmake that 2 yrs")
    assert args["software_fees"] + args.get("maintenance", 0) == 3000 and args["horizon_years"] == 2
