"""Claim-to-evidence similarity: which texts a claim is compared with, and which need a vector.

A claim is compared with each evidence unit it may be attributed to: a window of course
sentences as it stands, a tool result sentence by sentence (`evidence.tool_pieces`), scoring the
unit's closest text. A claim that is word for word one of the compared texts (a course sentence
the answer quotes, a calculator sentence it repeats) has similarity 1 with that unit, the most
any unit can score on both similarity and coverage, so it needs no vector: it gets 1 there and 0
elsewhere. Only when some claim is not such a copy are that claim and the compared texts
embedded (through the process's one memo, so warmed-up course texts cost nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.grounding.evidence import Prepared, Unit, tool_pieces
from assistant.grounding.types import CheckRequest

if TYPE_CHECKING:
    import numpy as np

Compared = tuple[str, ...]


def compared(request: CheckRequest, items: list[Prepared], unit: Unit) -> Compared:
    """The texts a claim's similarity to ``unit`` is measured on."""
    if items[unit.item].kind == "tool":
        return tool_pieces(request.evidence[unit.item].text)
    return (unit.text,)


def to_embed(claims: list[str], units: list[Compared]) -> list[str]:
    """The texts `similarities` will need vectors for (none when every claim is a copy)."""
    given = {t for texts in units for t in texts}
    open_claims = [c for c in claims if c not in given]
    return open_claims + [t for texts in units for t in texts] if open_claims else []


def similarities(
    claims: list[str], units: list[Compared], embed: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """claims × units cosine similarity; a unit of several texts scores its closest one."""
    import numpy as np

    out = np.zeros((len(claims), len(units)), dtype=np.float32)
    given = [set(texts) for texts in units]
    open_rows = []
    for row, claim in enumerate(claims):
        hits = [i for i, texts in enumerate(given) if claim in texts]
        if hits:
            out[row, hits] = 1.0
        else:
            open_rows.append(row)
    if open_rows:
        flat = [t for texts in units for t in texts]
        all_sims = embed([claims[r] for r in open_rows]) @ embed(flat).T
        bounds = np.cumsum([0] + [len(texts) for texts in units])
        for i in range(len(units)):
            out[open_rows, i] = all_sims[:, bounds[i]:bounds[i + 1]].max(axis=1)
    return out
