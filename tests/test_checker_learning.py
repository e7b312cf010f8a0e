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
