"""Grounding: does every claim of an answer rest on its evidence (course passages, tool results,
the user's words)? The checker (`checker`), its word knowledge (`lexicon`), its evidence
preparation (`evidence`), its targeted detectors (`detectors`), its learned weights (`model`) and
the question-answering answer-type rules (`answer_type`).

Public surface: `GroundingChecker`, `Evidence`, `CheckRequest`, `SentenceSupport`,
`GroundingReport`, `Thresholds`, `evidence_units`.
"""

from assistant.grounding.answer_type import answer_type_problem, expected_answer_type
from assistant.grounding.checker import GroundingChecker
from assistant.grounding.evidence import evidence_units
from assistant.grounding.lexicon import terms
from assistant.grounding.types import (
    CheckRequest,
    Evidence,
    GroundingReport,
    SentenceSupport,
    Thresholds,
)
from assistant.text import extract_numbers, split_sentences


def content_terms(text: str) -> set[str]:
    """The terms (synonym-folded stems of content words) of ``text``: what the checker compares."""
    return set(terms(text))


__all__ = [
    "CheckRequest",
    "Evidence",
    "GroundingChecker",
    "GroundingReport",
    "SentenceSupport",
    "Thresholds",
    "answer_type_problem",
    "content_terms",
    "evidence_units",
    "expected_answer_type",
    "extract_numbers",
    "split_sentences",
]
