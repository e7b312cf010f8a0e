"""tools/arithmetic.py: the four operations with the usual precedence, over values and ranges,
checked against Python's own evaluation of the same expression."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.arithmetic import Span, evaluate, written, written_span

values = st.integers(min_value=1, max_value=10_000).map(float)
ops = st.sampled_from(["+", "-", "*", "/"])


@given(st.lists(values, min_size=1, max_size=5), st.data())
def test_evaluate_follows_python_precedence(numbers, data):
    operators = [data.draw(ops) for _ in numbers[1:]]
    expression = str(numbers[0]) + "".join(f" {op} {n}" for op, n in zip(operators, numbers[1:]))
    assert evaluate([Span(n) for n in numbers], operators).low == pytest.approx(eval(expression))


def test_a_range_goes_through_every_operation_end_to_end():
    assert evaluate([Span(3), Span(25, 50)], ["*"]) == Span(75, 150)
    assert evaluate([Span(24), Span(4, 6)], ["/"]) == Span(4, 6)


def test_bad_expressions_say_what_is_wrong():
    with pytest.raises(ValueError, match="one operator fewer"):
        evaluate([Span(1), Span(2)], [])
    with pytest.raises(ValueError, match="operator must be one of"):
        evaluate([Span(1), Span(2)], ["^"])
    with pytest.raises(ZeroDivisionError):
        evaluate([Span(1), Span(0)], ["/"])


@pytest.mark.parametrize(("value", "shown"), [(2880.0, "2,880"), (2.6400001, "2.64"), (12.5, "12.5"), (6.0, "6")])
def test_written(value, shown):
    assert written(value) == shown


def test_written_span():
    assert written_span(Span(75, 150)) == "75–150"
    assert written_span(Span(6, 6.001)) == "6"
