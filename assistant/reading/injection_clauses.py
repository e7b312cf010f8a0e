"""Where a message breaks into clauses for the injection screen: sentence ends, line breaks, the
connectives that join two requests, the delimiters that wrap a payload, a colon before a question.
Breaks inside quotes are ignored.
"""

from __future__ import annotations

import re

from assistant.reading.injection_quotes import mask_quotes

# Where a message breaks into clauses: sentence ends, line breaks, and the connectives that join
# two requests ("…, then explain", "PS:", "(2)", "Separately,").
BREAK = re.compile(
    r"(?<=[.!?。！？])[\s\"”»)]*\s+|\n+|(?<=[。！？])(?=\S)"
    r"|\s*[;—–]\s+|,\s*(?=then\b|and then\b|after that\b|and \(\d\)|plus\b|(?:and )?also\b)"
    r"|\s+(?=\(\d\)|\d\)\s)|\s*\b(?=(?:PS|P\.S\.)\s*:)"
    # delimiters that wrap a payload (HTML comments, code fences, closing tags) end a clause on both sides
    r"|\s*(?:<!--|-->|```+|\[\s*/\s*[\w -]{1,30}\]|</\s*[\w-]{1,30}\s*>)\s*"
    # an aside in brackets that opens as one: "How do I measure CSAT (and by the way, what does …)?"
    r"|\s*\((?=\s*(?:and\s+|oh,?\s+)?(?:by the way|btw|also|plus|side note|ps|p\.s\.)\b)"
    # a colon or a connective that introduces a question: "… answer this: which KPIs…", "…, and what is…"
    r"|(?:(?<=:)\s+|,\s*(?:and|but|also|plus)\s+)(?=(?:what|which|how|why|when|where|who|whom|whose|should|could|can|would"
    r"|is|are|do|does|did|will)\b)",
    re.IGNORECASE,
)


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text``; breaks inside quotes are ignored."""
    masked = mask_quotes(text)
    spans, start = [], 0
    for match in BREAK.finditer(masked):
        if match.start() > start:
            spans.append((start, match.start()))
        start = max(start, match.end())
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
