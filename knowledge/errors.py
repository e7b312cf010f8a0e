"""The one error base of the house, sorted by who must act.

Every error the advisor raises on purpose derives from `AdvisorError`: it carries a `code`
(stable, for JSON and tests), a `message` that says the fix, and a `kind` naming who must act —
the user fixes the input, the operator fixes the setup, or the model retries. Edges (CLI, UI)
dispatch on `kind`, never on an exception's class name. It lives at the bottom of the house so
knowledge/ and tools/ errors can derive from it too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar


class Kind(StrEnum):
    USER = "user"  # the user fixes the input (a question, a file, a tool's arguments)
    OPERATOR = "operator"  # the operator fixes the setup (index, database, LLM service)
    MODEL = "model"  # the model retries with the message as feedback


class AdvisorError(Exception):
    """An error whose message says the fix; `kind` says who must act on it."""

    kind: ClassVar[Kind] = Kind.USER
    exit_code: ClassVar[int] = 1
    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def to_dict(self) -> dict[str, Any]:
        """The one error shape of the JSON outputs: {"code", "kind", "message"}."""
        return {"code": self.code, "kind": self.kind.value, "message": self.message}


class UserError(AdvisorError):
    """Bad input: the message names the field and what to send instead (CLI exit code 2)."""

    kind = Kind.USER
    exit_code = 2
    code = "invalid_input"


class SetupError(AdvisorError):
    """The setup is missing or broken: the message names the command or setting that fixes it
    (CLI exit code 3)."""

    kind = Kind.OPERATOR
    exit_code = 3
    code = "unavailable"


class ModelRetry(AdvisorError):
    """A model's output or tool call cannot be used: the message is written for the model,
    which retries."""

    kind = Kind.MODEL
    exit_code = 1
    code = "model_retry"


__all__ = ["AdvisorError", "Kind", "ModelRetry", "SetupError", "UserError"]
