"""A question that names no calculator but gives each group's inputs by name is read as the
calculator that compares those groups; counts of one group alone are not."""

from __future__ import annotations

from assistant.reading.calculate import read_calculation


def test_two_groups_with_visitors_and_orders_are_an_ab_test_without_its_name():
    calc = read_calculation("we're back from the trial. shop one got 2,400 visitors and 96 orders, "
                            "shop two got 2,350 visitors and 131 orders. anything there?")
    assert calc is not None and calc.calls
    name, args = calc.calls[0]
    assert name == "ab_test"
    assert sorted(args.values()) == [96.0, 131.0, 2350.0, 2400.0]


def test_one_group_of_counts_asks_for_no_comparison():
    assert read_calculation("we had 5,100 visitors and 140 orders last month. what should we try next?") is None


def test_groups_without_a_question_are_not_computed():
    assert read_calculation("shop one got 2,400 visitors and 96 orders, shop two got 2,350 visitors and 131 orders.") is None
