"""The side-by-side learning experiment: generated training pairs and the pair features."""

from __future__ import annotations

import random

from evals.checker_learning import order_flip
from evals.checker_pairs import transforms

SENTENCE = "Teams can review the weekly reports, dashboards, and alerts before the launch meeting."
WINDOW = SENTENCE + " The review keeps the launch on schedule."


def _made(sentence: str = SENTENCE):
    synonyms = {"review": ["check", "assess"]}
    return transforms(sentence, WINDOW, ["price elasticity"], random.Random(0), synonyms)


def test_meaning_keeping_rewrites_are_labelled_supported_and_breaking_ones_unsupported():
    made = {g.kind: g for g in _made()}
    assert made["negation"].claim.count(" not ") == 1 and not made["negation"].supported
    assert "always" in made["overclaim"].claim and not made["overclaim"].supported
    assert "price elasticity" in made["invented member"].claim
    assert not made["invented member"].supported
    assert made["synonym"].supported and made["synonym"].claim != SENTENCE
    assert not made["swap"].supported and sorted(made["swap"].claim.split()) == sorted(
        SENTENCE.split())
    assert all(g.evidence == WINDOW for g in made.values())


def test_a_sentence_without_a_hook_gives_no_rewrite_of_that_kind():
    kinds = {g.kind for g in _made("Dashboards summarise weekly figures for teams everywhere.")}
    assert not kinds & {"negation", "overclaim", "invented member"}


def test_order_flip_reads_a_reversed_cause_and_effect():
    unit = "Ignoring change management leads to resistance and underutilization."
    assert order_flip("Resistance and underutilization lead to ignoring change management.",
                      unit) > 0.5
    assert order_flip("Ignoring change management brings resistance and underutilization.",
                      unit) == 0.0


class _Embedder:
    model_name = "hashed-words"
    model = None  # no token vectors

    def encode(self, texts, batch_size=32):
        from tests.word_vectors import embed

        return embed(texts)


class _ExplodingPairModel:
    """An entailment classifier that must not be consulted."""

    def logit(self, u, v):
        raise AssertionError("the entailment classifier was consulted")


def _weights(features: tuple[str, ...]):
    from assistant.grounding.model import Weights

    n = len(features)
    return Weights(features=features, mean=(0.0,) * n, scale=(1.0,) * n, coef=(0.0,) * n,
                   intercept=0.0, threshold=0.5)


def test_the_entailment_classifier_costs_nothing_for_weights_that_do_not_read_it():
    import pytest

    from assistant.grounding import Evidence, GroundingChecker

    evidence = [Evidence(id="p", text="Review the weekly reports before the launch meeting. "
                         "It keeps the launch on schedule.", kind="passage")]
    answer = "Go over the weekly reports ahead of the launch meeting."
    without = GroundingChecker(embedder=_Embedder(), weights=_weights(("similarity", "coverage")),
                               pair_model=_ExplodingPairModel())
    assert without.check(answer, evidence).sentences[0].claim
    reading = GroundingChecker(embedder=_Embedder(), weights=_weights(("similarity", "entail")),
                               pair_model=_ExplodingPairModel())
    with pytest.raises(AssertionError, match="consulted"):
        reading.check(answer, evidence)


def test_the_fit_leaves_the_entailment_classifier_out_when_asked():
    from assistant.grounding import GroundingChecker
    from evals.calibrate import Labelled, fit

    context = ("Review the weekly reports before the launch meeting. Dashboards summarise sales "
               "for each region. Alerts warn the team when stock runs low.")
    said = ["Go over the weekly reports ahead of the launch meeting.",
            "Dashboards give a summary of sales per region.",
            "The team gets alerts when stock is running low."]
    wrong = ["Skip the weekly reports before the launch meeting.",
             "Dashboards hide sales for each region.",
             "Alerts warn the board when prices run high."]
    rows = [Labelled(id=f"r{i}-{j}", answer=text, context=context, supported=ok, voice="v")
            for i in range(4) for j, (text, ok) in enumerate(
                [(s, True) for s in said] + [(w, False) for w in wrong])]
    from assistant.grounding.pair import PairModel

    # the stored classifier reads MiniLM's 384 dimensions; the stand-in embedder has 64
    checker = GroundingChecker(embedder=_Embedder(), pair_model=PairModel((0.0,) * 256, 0.0))
    weights, pair_model, _ = fit(checker, rows, entail=False)
    assert "entail" not in weights.features and pair_model is None
    weights, pair_model, _ = fit(checker, rows, entail=True)
    assert "entail" in weights.features and pair_model is not None
