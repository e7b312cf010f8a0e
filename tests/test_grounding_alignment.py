"""Contextual word alignment (assistant/grounding/alignment.py): each content word of a claim,
read in its sentence, matched with the closest word of its evidence unit read in the unit."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.grounding import Evidence, GroundingChecker
from assistant.grounding import alignment
from assistant.grounding.model import FEATURES, Weights


def test_only_pieces_of_content_words_and_negations_count():
    pieces = ["[CLS]", "the", "team", "tweak", "##ed", "it", "not", "once", ".", "[SEP]"]
    kept = [pieces[i] for i in alignment._content_pieces(pieces)]
    assert kept == ["team", "tweak", "##ed", "not"]  # stopwords, punctuation and markers out


def test_features_read_the_best_match_of_each_claim_word():
    unit = np.eye(4, dtype=np.float32)[:3]  # three unit words
    same = alignment.features(unit[:2], unit)
    assert same == {"tok_mean": 1.0, "tok_min": 1.0, "tok_weak": 0.0}
    stranger = np.eye(4, dtype=np.float32)[3:]  # a claim word no unit word is near
    mixed = alignment.features(np.vstack([unit[:1], stranger]), unit)
    assert mixed == {"tok_mean": 0.5, "tok_min": 0.0, "tok_weak": 0.5}
    assert alignment.features(np.zeros((0, 4), np.float32), unit) is None


def _weights(features) -> Weights:
    """Weights that read ``features`` (values do not matter here: these tests read features)."""
    n = len(features)
    return Weights(features=tuple(features), mean=(0.0,) * n, scale=(1.0,) * n, coef=(0.0,) * n,
                   intercept=0.0, threshold=0.5)


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder, weights=_weights(FEATURES))


def test_weights_that_do_not_read_the_alignment_leave_it_uncomputed(embedder):
    plain = GroundingChecker(
        embedder=embedder,
        weights=_weights([f for f in FEATURES if f not in alignment.FEATURES]),
    )
    passage = Evidence(id="p", text="Teams should adjust the campaign when weekly sales fall.")
    (_, (a,)), = plain.analyse_many([_request("Teams should tweak the campaign now.", passage)])
    assert a.features["tok_mean"] == a.features["coverage"]  # the stand-in, no token vectors


def test_a_word_of_the_same_meaning_in_context_aligns_better_than_a_changed_one(embedder):
    unit = "Review the dashboard figures every week and adjust the campaign when sales fall."
    same, changed = alignment.token_vectors(
        embedder.model,
        ["Check the dashboard numbers weekly and tweak the campaign when sales drop.",
         "Check the dashboard numbers weekly and cancel the warehouse when staff quit."],
    )
    (unit_vectors,) = alignment.token_vectors(embedder.model, [unit])
    kept, broken = alignment.features(same, unit_vectors), alignment.features(changed, unit_vectors)
    assert kept["tok_mean"] > broken["tok_mean"]
    assert kept["tok_weak"] < broken["tok_weak"]


def test_the_checker_gives_every_claim_the_alignment_features(checker):
    passage = Evidence(id="p", text="Teams should adjust the campaign when weekly sales fall.")
    tool = Evidence(id="t", kind="tool", text='{"tool": "roi", "result": "ROI is 25%."}')
    (_, (prose,)), (_, (data,)) = checker.analyse_many([
        _request("Teams should tweak the campaign when weekly sales drop.", passage),
        _request("The ROI is 25%.", tool),
    ])
    assert set(alignment.FEATURES) <= set(prose.features) and set(alignment.FEATURES) <= set(data.features)
    assert 0.0 < prose.features["tok_mean"] <= 1.0 and prose.features["tok_weak"] < 0.5
    # a tool result is data, not prose: the features stand at what the term coverage says
    assert data.features["tok_mean"] == data.features["coverage"]


def _request(answer, evidence):
    from assistant.grounding import CheckRequest

    return CheckRequest(answer=answer, evidence=[evidence])


def test_words_the_user_gave_count_as_matched(checker):
    passage = Evidence(id="p", text="Quick wins in personalised e-mail are achievable within months.")
    user = Evidence(id="u", kind="user", text="Our store sells handmade ceramic mugs.")
    claim = "For a store selling handmade ceramic mugs, quick wins in personalised e-mail come within months."
    from assistant.grounding import CheckRequest

    (_, (alone,)), (_, (with_user,)) = checker.analyse_many([
        CheckRequest(answer=claim, evidence=[passage]),
        CheckRequest(answer=claim, evidence=[passage, user]),
    ])
    assert with_user.features["tok_weak"] < alone.features["tok_weak"]
    assert with_user.features["tok_min"] > alone.features["tok_min"]
