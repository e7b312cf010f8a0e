"""A course rule applied to the learner's own figures: find the rule in the retrieved passages
(book.py), fill it with the learner's quantities and compute (apply.py), and write the working
into an answer with the rule quoted and cited (``working_lines``)."""

from __future__ import annotations

import logging

from assistant.answering.rules.apply import Question, Working, apply_rules, asks_amount
from assistant.types import Draft, Evidence

log = logging.getLogger(__name__)

TITLE = "#### Worked out with your figures"

__all__ = ["Question", "Working", "apply_rules", "asks_amount", "own_figures", "working_lines"]


def _cite(draft: Draft, passage: dict, sentence: str) -> str:
    cid = passage["chunk_id"]
    if cid not in draft.citations:
        draft.citations.append(cid)
    text = passage.get("text", "")
    start = text.lower().find(sentence.lower())
    draft.quotes.setdefault(cid, []).append(text[start:start + len(sentence)] if start >= 0 else sentence)
    return f"[{draft.citations.index(cid) + 1}]"


def working_lines(found: Working | Question, draft: Draft) -> list[str]:
    """Answer lines for a working (or the question it needs answered), citing each rule it
    quotes in ``draft``; the computed figures go into the draft's evidence."""
    lines = [TITLE]
    if isinstance(found, Question):
        lines.append(f"- The rule: “{found.rule.sentence}” {_cite(draft, found.rule.passage, found.rule.sentence)}")
        lines.append(f"- {found.text}")
        lines.append("")
        return lines
    for rule in found.rules:
        if rule.sentence:  # a product of the learner's figures states no rule of its own
            lines.append(f"- The rule: “{rule.sentence}” {_cite(draft, rule.passage, rule.sentence)}")
    mine = ", ".join(q.text for q in found.mine)
    if mine:
        lines.append(f"- Your figures: {mine}")
    for step in found.steps:
        lines.append(f"- {step.text}")
    lines.append(f"- **Result: {found.result}**")
    lines.append("")
    draft.evidence.append(Evidence(id="working", text="\n".join(lines[1:])))
    return lines


def own_figures(question: str, passages: list[dict], draft: Draft) -> list[str]:
    """The working lines for a question that gives its own figures and asks what a rule of the
    retrieved ``passages`` (best first) gives; none when no rule fits."""
    unique = list({p.get("chunk_id"): p for p in passages if p.get("chunk_id")}.values())
    try:
        found = apply_rules(question, unique)
    except (ArithmeticError, ValueError, IndexError, KeyError):  # an unreadable rule: answer from the passages
        log.warning("own-figure rule not applied", exc_info=True)
        return []
    return working_lines(found, draft) if found is not None else []
