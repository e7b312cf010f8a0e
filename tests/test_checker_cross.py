"""The cross reading: a claim and its evidence unit read together by the bundled MiniLM."""

from __future__ import annotations

import pytest

UNIT = ("Review the weekly reports before the launch meeting. "
        "It keeps the launch on schedule.")


class _Head:
    """A cross-reading head that records what it was given."""

    def __init__(self, value: float = 3.0, explode: bool = False) -> None:
        self.value, self.explode, self.seen = value, explode, 0

    def logit(self, x):
        if self.explode:
            raise AssertionError("the cross-reading head was consulted")
        self.seen += 1
        return self.value


def _weights(features: tuple[str, ...]):
    from assistant.grounding.model import Weights

    n = len(features)
    return Weights(features=features, mean=(0.0,) * n, scale=(1.0,) * n, coef=(0.0,) * n,
                   intercept=0.0, threshold=0.5)


def test_the_joint_reading_finds_the_word_a_claim_adds(embedder):
    from assistant.grounding.alignment import WEAK
    from assistant.grounding.cross import joint_vectors

    said, changed = joint_vectors(embedder.model, [
        ("Review the weekly reports before the launch meeting.", UNIT),
        ("Review the weekly horoscopes before the launch meeting.", UNIT),
    ])
    assert said.shape == changed.shape and said.shape[0] == 4 * 384 + 3
    mean_said, min_said, weak_said = said[-3:]
    mean_changed, min_changed, weak_changed = changed[-3:]
    # every word of the faithful claim has its twin in the unit; the added word has none
    assert min_said > WEAK > min_changed
    assert weak_said == 0.0 < weak_changed and mean_said > mean_changed


def test_the_cross_head_is_read_only_by_weights_that_read_it(embedder):
    from assistant.grounding import CheckRequest, Evidence, GroundingChecker

    evidence = [Evidence(id="p", text=UNIT, kind="passage")]
    answer = "Go over the weekly reports ahead of the launch meeting."
    without = GroundingChecker(embedder=embedder, weights=_weights(("similarity", "coverage")),
                               cross_model=_Head(explode=True))
    assert without.check(answer, evidence).sentences[0].claim
    head = _Head(value=3.0)
    reading = GroundingChecker(embedder=embedder, weights=_weights(("similarity", "cross")),
                               cross_model=head)
    _, analyses = reading.analyse_many([CheckRequest(answer=answer, evidence=evidence)])[0]
    assert head.seen == 1 and analyses[0].features["cross"] == pytest.approx(3.0)
