"""A question is answered by the part of the course that answers it: a follow-up's own words
weigh more than those it borrowed, a table row is cut to the columns the ask names, and a
statement closing a message belongs to the question before it."""

from __future__ import annotations

import hashlib

import numpy as np

from assistant.answering.compose import Composer, printed, row_cells
from assistant.reading.asks import search_asks
from knowledge.chunking import Unit
from knowledge.settings import Settings
from knowledge.text import content_words, stem

ROW = Unit(("Tool: Site search", "Outcomes: Sales from search, fewer bounces",
            "Early signs: Search usage rate, clicks on results", "Costs: Licence, tagging work"), "row")


def embed(texts: list[str]) -> np.ndarray:
    """Bag of stemmed words hashed into 64 dimensions, normalised."""
    out = np.zeros((len(texts), 64))
    for row, text in enumerate(texts):
        for word in content_words(text):
            out[row, int(hashlib.md5(stem(word).encode()).hexdigest(), 16) % 64] += 1.0
        out[row] /= np.linalg.norm(out[row]) or 1.0
    return out


def test_a_row_is_cut_to_the_columns_whose_header_the_ask_names():
    cut = row_cells(ROW, {stem(w) for w in content_words("which ones show early signs?")})
    assert cut.parts == (ROW.parts[0], ROW.parts[2])


def test_a_row_whose_headers_the_ask_does_not_name_stays_whole():
    assert row_cells(ROW, {stem(w) for w in content_words("what about site search?")}) == ROW


def test_a_follow_ups_own_words_outweigh_the_question_it_continues():
    passage = {"text": ("Pitch the finance lead with projections and a payback period.\n"
                        "Pitch the operations lead with process gains and fewer manual hand-offs."),
               "kind": "prose", "section": "Winning support", "chunk_id": "c1"}
    resolved = "how should projects be pitched to the finance lead (to the operations lead)?"
    picks = Composer(embed, Settings()).select(resolved, [passage], 1, set(), typed="and to the operations lead?")
    assert "operations" in printed(picks[0].unit)[0]
    picks = Composer(embed, Settings()).select(resolved, [passage], 1, set())
    assert "finance" in printed(picks[0].unit)[0]  # without its own words: the question it continues


def test_a_statement_after_the_last_question_is_searched_with_it():
    asks = search_asks("Why is accuracy not enough to report? The vendor leads with it.")
    assert asks == ["Why is accuracy not enough to report? The vendor leads with it."]
