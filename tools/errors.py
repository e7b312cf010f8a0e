"""The one error type of the tools package, and the translation of pydantic errors into it.

Every message is written for a person (or an LLM that will retry): it names the field, the
value that was given and what to send instead. Tracebacks never reach a user.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from knowledge.errors import UserError


class ToolInputError(UserError, ValueError):
    """Invalid input for a tool: `.message` says what to fix, `.fields` names the fields."""

    def __init__(self, message: str, fields: list[str] | None = None) -> None:
        super().__init__(message)
        self.fields = list(fields or [])

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "fields": self.fields}

    @classmethod
    def from_validation_error(
        cls, exc: ValidationError, *, tool: str | None = None
    ) -> ToolInputError:
        """One readable line per problem, fields in the order pydantic found them."""
        lines: list[str] = []
        fields: list[str] = []
        for err in exc.errors(include_url=False):
            line, names = _describe(err, tool=tool, model=exc.title)
            if line not in lines:
                lines.append(line)
            fields.extend(name for name in names if name not in fields)
        return cls(" ".join(_sentence(line) for line in lines), fields)


def format_validation_error(exc: ValidationError, *, tool: str | None = None) -> str:
    """The text an LLM sees when its tool call does not validate."""
    return f"invalid input: {ToolInputError.from_validation_error(exc, tool=tool).message}"


def field_path(loc: tuple[int | str, ...]) -> str:
    """("initiatives", 2, "impact") -> "initiatives[2].impact"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _describe(err: Any, *, tool: str | None, model: str) -> tuple[str, list[str]]:
    # Union branches and wrapper validators add loc parts that are type names, not fields
    # ("function-before[...]", "float", "none"); keep only what the user typed.
    loc = tuple(p for p in err.get("loc", ()) if isinstance(p, int) or _is_field_name(p))
    path = field_path(loc)
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    cause = ctx.get("error")

    if isinstance(cause, ToolInputError):
        # A model-level check that already knows which fields it is about.
        return cause.message, cause.fields or ([path] if path else [])
    if kind == "value_error" and cause is not None:
        message = str(cause)
        return (f"{path} {message}" if path else message), [path] if path else []
    if kind == "missing":
        return f"{path} is required", [path]
    if kind == "extra_forbidden":
        where = f"an input of {tool}" if tool else f"a field of {model}"
        return f"{path} is not {where}; remove it or check its spelling", [path]
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        what = path or "the input"
        return f"{what} must be a JSON object of named fields; got {_show(err.get('input'))}", [
            path
        ] if path else []
    message = err.get("msg", "is invalid")
    got = f"; got {_show(err.get('input'))}" if "input" in err else ""
    return (f"{path}: {message}{got}" if path else f"{message}{got}"), [path] if path else []


def _sentence(line: str) -> str:
    return line if line.endswith((".", "?", "!")) else line + "."


def _is_field_name(part: str) -> bool:
    return part.isidentifier() and part not in {"float", "int", "str", "bool", "none", "list"}


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
