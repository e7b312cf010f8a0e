"""Re-export for the layers above: the error base lives in `knowledge.errors`."""

from knowledge.errors import AdvisorError, Kind, ModelRetry, SetupError, UserError

__all__ = ["AdvisorError", "Kind", "ModelRetry", "SetupError", "UserError"]
