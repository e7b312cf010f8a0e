"""JSON Lines batches: one reader and one error shape for `advisor ask --batch` and
`advisor check --batch`.

Each non-blank line becomes either its validated model or an error record
``{"id": <the line's id or null>, "error": {"code", "kind", "message", "line"}}``, so a bad line
is reported in place and never ends the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import AdvisorError, UserError

M = TypeVar("M", bound=BaseModel)


class BatchLineError(UserError):
    """A line of a batch file that cannot be read; the message says which line and why."""


def error_record(id_: Any, error: AdvisorError, line: int | None = None) -> dict[str, Any]:
    """The one error shape of every batch output line (and of single-question JSON errors)."""
    body = error.to_dict()
    if line is not None:
        body["line"] = line
    return {"id": id_, "error": body}


def read_batch(path: Path, model: type[M], shape: str) -> Iterator[tuple[int, M | dict[str, Any]]]:
    """(line number, the line as `model`) or (line number, its error record), blank lines skipped.

    `shape` describes a good line for the error messages, e.g. 'an object with "id" and
    "question"'. A missing or unreadable file raises UserError naming it.
    """
    try:
        raw_lines = path.read_bytes().splitlines()
    except OSError as exc:
        raise UserError(
            f"batch file {path} cannot be read ({exc.strerror or exc}); give an existing "
            "JSON Lines file"
        ) from None
    return _lines(raw_lines, model, shape)


def _lines(raw_lines: list[bytes], model: type[M], shape: str) -> Iterator[tuple[int, M | dict[str, Any]]]:
    for number, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield number, _bad(None, number, "invalid_json",
                               f"line {number} is not UTF-8 text ({exc.reason}); save the file as UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield number, _bad(None, number, "invalid_json",
                               f"line {number} is not JSON ({exc.msg}); each line must be {shape}")
            continue
        id_ = data.get("id") if isinstance(data, dict) else None
        if not isinstance(data, dict):
            yield number, _bad(id_, number, "invalid_line", f"line {number}: each line must be {shape}")
            continue
        try:
            yield number, model.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors()
            )
            yield number, _bad(id_, number, "invalid_line",
                               f"line {number}: {problems}; each line must be {shape}")


def _bad(id_: Any, number: int, code: str, message: str) -> dict[str, Any]:
    return error_record(id_, BatchLineError(message, code=code), line=number)


__all__ = ["BatchLineError", "error_record", "read_batch"]
