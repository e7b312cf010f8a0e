"""Shared building blocks of every tool: validated number fields, base models, the finite guard.

A number field is declared as `Annotated[float, Range(gt=0, fix="...")]`. `Range` parses the
value itself (so "abc", true, NaN, infinity and out-of-range values get a message that names
the allowed interval and the fix) and also writes the bounds into the JSON schema, so the LLM,
the CLI's `--list` and the UI all see the same contract.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from knowledge.figures import MAX_AMOUNT
from tools.errors import ToolInputError

# Bounds that keep every calculation finite in float arithmetic while staying far beyond any
# real shop: a quadrillion in money (the figure reader's bound, so every figure it reads is one
# a tool accepts), a trillion visitors or customers.
MAX_COUNT = 1e12

__all__ = ["MAX_AMOUNT", "MAX_COUNT", "Range", "ToolInput", "ToolOutput", "finite_output",
           "non_finite_paths", "parse_number"]


@dataclass(frozen=True)
class Range:
    """Annotated metadata: parse a finite number and check it lies in the interval."""

    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None
    fix: str = ""
    integer: bool = False

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self.check, handler(source_type))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        bounds = {
            "exclusiveMinimum": self.gt,
            "minimum": self.ge,
            "exclusiveMaximum": self.lt,
            "maximum": self.le,
        }
        json_schema.update({k: v for k, v in bounds.items() if v is not None})
        return json_schema

    def describe(self) -> str:
        low = f"greater than {_fmt(self.gt)}" if self.gt is not None else None
        low = low or (f"at least {_fmt(self.ge)}" if self.ge is not None else None)
        high = f"less than {_fmt(self.lt)}" if self.lt is not None else None
        high = high or (f"at most {_fmt(self.le)}" if self.le is not None else None)
        kind = "a whole number" if self.integer else "a number"
        if low and high:
            return f"{kind} {low} and {high}"
        if low or high:
            return f"{kind} {low or high}"
        return f"a finite {kind[2:]}"

    def check(self, value: Any) -> Any:
        if value is None:
            return value  # let an Optional field's None branch decide
        number = parse_number(value, self)
        outside = (
            (self.integer and number != math.floor(number))
            or (self.gt is not None and not number > self.gt)
            or (self.ge is not None and not number >= self.ge)
            or (self.lt is not None and not number < self.lt)
            or (self.le is not None and not number <= self.le)
        )
        if outside:
            raise ValueError(self.message(value))
        return int(number) if self.integer else number

    def message(self, value: Any, reason: str = "") -> str:
        """'must be a number greater than 0; got 'abc' (text). <fix>'"""
        why = f" ({reason})" if reason else ""
        text = f"must be {self.describe()}; got {_show(value)}{why}."
        return f"{text} {self.fix}" if self.fix else text


def parse_number(value: Any, rule: Range) -> float:
    """A finite float from a JSON number or a numeric string, or a ValueError that says why.

    Wrong types raise ValueError too, not TypeError: pydantic turns only ValueError into a
    validation error that carries our message.
    """
    if isinstance(value, bool):
        raise ValueError(rule.message(value, "true/false is not a number"))  # noqa: TRY004
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if text.endswith("%"):
            raise ValueError(rule.message(value, "write the number without a '%' sign"))
        try:
            value = float(text)
        except ValueError:
            raise ValueError(rule.message(value, "text that is not a number")) from None
    if not isinstance(value, int | float):
        raise ValueError(rule.message(value, f"a {type(value).__name__}, not a number"))  # noqa: TRY004
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(rule.message(value, "too large for a number")) from None
    if math.isnan(number):
        raise ValueError(rule.message(value, "NaN is not a number"))
    if math.isinf(number):
        raise ValueError(rule.message(value, "infinity is not allowed"))
    return number


def _fmt(number: float) -> str:
    """A bound for people: 1e12 rather than 1000000000000, 0.5 rather than 0.500000."""
    if abs(number) >= 1e6 and math.log10(abs(number)).is_integer():
        return f"{'-' if number < 0 else ''}1e{int(math.log10(abs(number)))}"
    return f"{number:,g}" if abs(number) >= 1e4 else f"{number:g}"


def _show(value: Any) -> str:
    """The value the user sent, exactly enough to recognise it."""
    if isinstance(value, float) and math.isfinite(value):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class ToolInput(BaseModel):
    """Base of every tool's input: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=True)


class ToolOutput(BaseModel):
    """Base of every tool's output: the inputs echoed and the assumptions made, for provenance."""

    inputs: dict[str, Any] = Field(description="The validated inputs, echoed back.")
    assumptions: list[str] = Field(default_factory=list)


In = TypeVar("In", bound=ToolInput)
Out = TypeVar("Out", bound=ToolOutput)


def finite_output(fn: Callable[[In], Out]) -> Callable[[In], Out]:
    """Guarantee a tool never returns NaN or infinity: too-extreme inputs become an error."""

    @functools.wraps(fn)
    def wrapper(params: In) -> Out:
        numeric = [
            name
            for name, value in params
            if isinstance(value, int | float | list) and not isinstance(value, bool)
        ]
        try:
            result = fn(params)
        except (OverflowError, ZeroDivisionError) as exc:
            raise _too_extreme(numeric, str(exc)) from exc
        bad = non_finite_paths(result.model_dump())
        if bad:
            raise _too_extreme(numeric, f"{bad[0]} would not be finite")
        return result

    return wrapper


def _too_extreme(fields: list[str], detail: str) -> ToolInputError:
    names = ", ".join(fields) or "the inputs"
    return ToolInputError(
        f"these inputs are too extreme to give a finite result ({detail}); check {names} "
        "and use smaller units (e.g. thousands of dollars) or less extreme values",
        fields,
    )


def non_finite_paths(value: Any, path: str = "") -> list[str]:
    """Paths of every NaN or infinite float inside a dumped model."""
    if isinstance(value, float):
        return [] if math.isfinite(value) else [path or "result"]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in non_finite_paths(v, f"{path}.{k}".lstrip("."))]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in non_finite_paths(v, f"{path}[{i}]")]
    return []
