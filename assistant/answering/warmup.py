"""What a server embeds before anyone asks, and the evidence text of a tool call.

Every text an answer compares or prints that the course alone determines is embedded at start
(and saved beside the index for the next start): the intent exemplars; each passage's composer
units as compared and as printed, its heading and the checker's sentence windows; the sentences
of every tool call whose inputs all come from the course (`ToolSpec.course_calls`); and what the
offline brain adds whatever the question (`offline.fixed_texts`).
A first-seen answer then embeds only what is new in it: the question and the user's figures.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from tools.registry import SPECS, describe_call, run_tool


def tool_evidence(name: str, args: dict[str, Any], result: Any) -> str:
    """A tool call as the checker's evidence: the sentences telling its result (one a line),
    then its output and its inputs as JSON."""
    rendered = "\n".join(describe_call(name, args, result))
    body = json.dumps(result) if isinstance(result, dict) else str(result)
    return f"{rendered}\n{body}\n{json.dumps(args)}"


def course_call_texts() -> list[str]:
    """What an answer shows and the checker embeds for each tool call the course alone fixes."""
    from assistant.grounding import Evidence, evidence_units

    texts: list[str] = []
    for spec in SPECS:
        for args in spec.course_calls() if spec.course_calls else []:
            try:
                result = run_tool(spec.name, args)
            except Exception:  # noqa: BLE001  (warm-up only saves time; the answer path reports errors)
                continue
            texts.extend(describe_call(spec.name, args, result))
            evidence = Evidence(id=spec.name, text=tool_evidence(spec.name, args, result), kind="tool")
            texts.extend(evidence_units(evidence))
    return texts


def course_texts(chunks: Iterable[tuple[str, str, dict[str, Any]]]) -> list[str]:
    """Every text the engine compares or prints that the course alone determines, once each.
    ``chunks``: (chunk id, text, metadata) of the index."""
    from assistant.answering.compose import candidate_sentences
    from assistant.grounding import Evidence, evidence_units
    from assistant.reading.intents import exemplars
    from assistant.answering.offline import fixed_texts

    texts: list[str] = [e for examples in exemplars().values() for e in examples]
    for cid, chunk_text, meta in chunks:
        texts.extend(candidate_sentences(chunk_text, str(meta.get("kind", "prose"))))
        texts.append(f"{meta.get('lesson_title', '')}: {meta.get('section', '')}")
        texts.extend(evidence_units(Evidence(id=cid, text=chunk_text, kind="passage")))
    texts.extend(course_call_texts())
    texts.extend(fixed_texts())
    return list(dict.fromkeys(texts))
