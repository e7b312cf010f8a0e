"""What the engine does for an LLM brain before the model writes: the model is not trusted with
figures.

The engine's own question reading (the offline planner's `detect()`: the figure reader of
knowledge/figures.py and the calculator reader of assistant/reading/calculate.py) chooses the calculators
and fills their inputs from the user's message. They run here, before the model is called,
together with a course search for the question, and both reach the model as an ordinary
tool-call turn it did not make: quoted JSON results it writes from and cites. The model may still
search the course itself; it may call calculators itself only when the operator trusts it to
(``ADVISOR_LLM_CALLS_CALCULATORS=true``, for strong models), in which case nothing is run here but
the search.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from langchain_core.messages import AIMessage, BaseMessage, ToolMessage

from assistant.types import ToolCallRecord

if TYPE_CHECKING:
    from langchain_core.tools import BaseTool

SEARCH = "search_course"
LOOKUP_NOTE = "Looking this up in the course and running the calculators the question needs."


@dataclass
class Prefetch:
    """An AI tool-call turn and its results, to follow the user's message; the calculator
    records for the answer; the tools the model may still call on this request."""

    messages: list[BaseMessage] = field(default_factory=list)
    records: list[ToolCallRecord] = field(default_factory=list)
    allowed: set[str] = field(default_factory=lambda: {SEARCH})


def _run_calculator(name: str, args: dict[str, Any]) -> dict[str, Any]:
    from tools.errors import ToolInputError
    from tools.registry import run_tool

    try:
        return run_tool(name, args)
    except ToolInputError as exc:  # the planner read something the calculator rejects
        return {"error": exc.message}


def prefetch(
    question: str,
    planned: list[tuple[str, dict[str, Any]]],
    search: "BaseTool",
    config: dict,
    k: int = 4,
) -> Prefetch:
    """Searches the course for ``question`` (through ``search``, so the passages are recorded in
    the request's config like any search) and runs the ``planned`` calculator calls."""
    calls = [{"name": SEARCH, "args": {"query": question[:2000], "k": k}, "id": "engine-search",
              "type": "tool_call"}]
    contents = [str(search.invoke(calls[0]["args"], config=config))]
    records = []
    for number, (name, args) in enumerate(planned):
        result = _run_calculator(name, args)
        calls.append({"name": name, "args": args, "id": f"engine-{name}-{number}", "type": "tool_call"})
        contents.append(json.dumps(result, ensure_ascii=False))
        records.append(ToolCallRecord(name=name, args=args, result=result))
    # Non-empty text: OpenAI clients send an empty tool-call turn as content null, which some
    # OpenAI-compatible servers (llama-cpp-python's) reject with a 500.
    turn: list[BaseMessage] = [AIMessage(content=LOOKUP_NOTE, tool_calls=calls)]
    turn += [ToolMessage(content=content, tool_call_id=call["id"], name=call["name"])
             for call, content in zip(calls, contents)]
    return Prefetch(messages=turn, records=records)
