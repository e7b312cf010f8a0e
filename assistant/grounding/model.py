"""The learned part of the checker: a logistic regression over similarity and detector features.

`FEATURES` names the inputs; `weights.json` (written by `python -m evals.calibrate --fit`, fitted on
the tune halves of the labelled sets only, see evals/data/CALIBRATION.md) holds the standardisation,
the coefficients, the intercept and the decision threshold. At run time this is a dot product:
scikit-learn is only needed to fit.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("weights.json")

# name -> what it measures (all computed by `checker.GroundingChecker`).
FEATURES: dict[str, str] = {
    "similarity": "cosine of the claim and its best window of 1-3 evidence sentences",
    "coverage": "share of the claim's terms in that window (synonyms folded, tool/user pools)",
    "coverage_sentence": "share of the claim's terms in its best single evidence sentence (for a "
    "claim of several clauses, the worst clause's share)",
    "found": "share of the claim's terms anywhere in the evidence",
    "unknown": "number of the claim's terms in no evidence at all (at most 4)",
    "short": "1 when the claim has at most 3 terms (a phrase answer: similarity says little)",
    "short_colocated": "short * coverage_sentence: a phrase answer must sit in one sentence",
    "long_similarity": "(1 - short) * similarity: a sentence may say it in other words",
    "negation": "1 when the claim negates or reverses the evidence",
    "swap": "1 when the claim gives one clause's entity the attributes of a parallel clause",
    "overclaim": "absolute words the evidence does not use (at most 2)",
    "invented": "1 when a member of the claim's list is in no evidence",
    "entail": "the entailment classifier's logit that the claim is not entailed by its best "
    "unit (pair.py: MiniLM vectors u, v, |u-v|, u*v); 0 for a tool result",
    "aligned": "share of the claim's content words in its unit or close in meaning to a unit "
    "word (MiniLM cosine of the words)",
    "list_gap": "largest share of one list member's terms that no evidence has (0 without a list)",
    "tok_mean": "mean over the claim's content words, read in context (MiniLM token vectors), of "
    "the cosine of the closest word of its unit (alignment.py)",
    "tok_min": "the worst of those matches: the claim word its unit has least of",
    "tok_weak": "share of the claim's content words whose closest unit word is under cosine 0.55",
    "cross": "the cross-reading head's logit that the claim is not entailed by its unit, the two "
    "read together by MiniLM (cross.py: joint token states, contextual word alignment); 0 for a "
    "tool result",
    "question": "1 when the claim answers a given question (question answering over a context)",
    "question_found": "question * found: an answer to a question is mostly extractive",
    "question_colocated": "question * coverage_sentence",
}

# Which detector feature names which error kind in a reason, in the order they are tried.
DETECTOR_KINDS = ("negation", "swap", "invented", "overclaim")


@dataclass(frozen=True)
class Weights:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, values: dict[str, float]) -> float:
        """Probability that the claim is unsupported."""
        z = self.intercept
        for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += c * (values[name] - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def contributions(self, values: dict[str, float]) -> dict[str, float]:
        """How much each feature pushed towards "unsupported" (above its average)."""
        return {
            n: c * (values[n] - m) / s
            for n, m, s, c in zip(self.features, self.mean, self.scale, self.coef, strict=True)
        }

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.features),
                "mean": [round(v, 6) for v in self.mean],
                "scale": [round(v, 6) for v in self.scale],
                "coef": [round(v, 6) for v in self.coef],
                "intercept": round(self.intercept, 6),
                "threshold": round(self.threshold, 4),
            },
            indent=2,
        )


def load_weights(path: Path = WEIGHTS_PATH) -> Weights:
    """The calibrated weights; a clear error names the command that writes them."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = Weights(
            features=tuple(data["features"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            coef=tuple(data["coef"]),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
        )
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(
            f"grounding weights missing or damaged at {path} ({exc}); "
            "re-create them with `make calibrate`"
        ) from exc
    if not set(weights.features) <= set(FEATURES):  # weights may leave a measured feature out
        raise RuntimeError(
            f"grounding weights at {path} are for other features; re-run `make calibrate`"
        )
    return weights


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    return load_weights()
