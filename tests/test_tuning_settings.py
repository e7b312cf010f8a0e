"""Tuning lives in Settings: every knob has a documented default and an ADVISOR_* variable, and
the code reads it from the Settings it is handed, so changing the setting changes the answer."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.answering.compose import Composer
from assistant.reading.intents import detect
from knowledge.retrieve import CourseRetriever, make_quote
from knowledge.settings import Settings, default

TUNING = {
    "rrf_k": (60, 10),
    "quote_chars": (320, 200),
    "exemplar_threshold": (0.65, 0.8),
    "offline_search_k": (8, 5),
    "offline_units": (4, 2),
    "offline_units_per_ask": (3, 2),
    "min_relevance": (0.15, 0.3),
    "relative_relevance": (0.6, 0.5),
    "compose_dense_weight": (0.5, 0.4),
    "compose_coverage_weight": (0.3, 0.4),
    "compose_section_weight": (0.2, 0.1),
    "compose_kind_weight": (0.1, 0.2),
    "compose_repeat_penalty": (0.15, 0.3),
    "compose_polarity_penalty": (0.2, 0.3),
    "mmr_lambda": (0.75, 0.9),
}


@pytest.mark.parametrize(("name", "values"), TUNING.items())
def test_each_knob_has_a_documented_default_and_its_variable(name, values, monkeypatch):
    before, after = values
    assert default(name) == before and Settings.model_fields[name].description
    monkeypatch.setenv(f"ADVISOR_{name.upper()}", str(after))
    assert getattr(Settings(), name) == after


def test_the_fusion_constant_weighs_one_top_rank_against_two_lower_ones():
    # z is 4th in one ranking and 1st at half weight in another: 1/(k+4) + 0.5/(k+1) beats
    # x's 1/(k+1) only when k > 2
    rankings = (["x", "y", "w", "z"], 1.0), (["z"], 0.5)

    def first(k: int) -> str:
        return CourseRetriever(Settings(rrf_k=k), index=object())._fuse(*rankings)[0]

    assert (first(1), first(60)) == ("x", "z")


def test_a_citation_quote_is_cut_at_the_setting():
    text = "A sentence about return on investment. " * 30
    assert len(make_quote(text, 100)) <= 100 < len(make_quote(text, 320))


def _embed_with(similarity: float):
    """The question at (1, 0); every other text at ``similarity`` to it."""

    def embed(texts: list[str]) -> np.ndarray:
        other = [similarity, (1 - similarity**2) ** 0.5]
        return np.array([[1.0, 0.0] if t == QUESTION else other for t in texts])

    return embed


QUESTION = "Tell me something useful about onboarding plans"


def test_the_exemplar_threshold_decides_whether_a_question_is_routed():
    embed = _embed_with(0.7)
    assert detect(QUESTION, embed, threshold=0.65).name != "explanation"
    assert detect(QUESTION, embed, threshold=0.8).name == "explanation"


def test_the_composer_quotes_nothing_below_its_relevance_floor():
    passage = {"text": "Pilots should run for a full quarter before anyone decides to scale them.",
               "kind": "prose", "section": "Scaling"}
    embed = _embed_with(0.5)

    def picks(**tuning: float) -> int:
        return len(Composer(embed, Settings(**tuning)).select(QUESTION, [passage], 2, set()))

    assert picks() == 1
    assert picks(min_relevance=0.9) == 0
