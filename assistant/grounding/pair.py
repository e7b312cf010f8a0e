"""A learned judgement of entailment over the bundled MiniLM's sentence vectors.

For a claim vector u and its evidence unit's vector v (both normalised), the classifier reads
[u, v, |u - v|, u * v] and returns a logit that the claim is NOT entailed by the unit. It is a
linear model (fitted by `python -m evals.calibrate --fit` on the tune halves only, see
evals/data/CALIBRATION.md) stored in `pair.json`; at run time it is one dot product. Its logit is
one feature of the checker's model (`model.FEATURES["entail"]`), so a content word missing from
the sources weighs against a claim without deciding it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

PAIR_PATH = Path(__file__).with_name("pair.json")
CLIP = 8.0


def pair_vector(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The classifier's input for one claim / evidence pair."""
    import numpy as np

    return np.concatenate([u, v, np.abs(u - v), u * v]).astype(np.float32)


@dataclass(frozen=True)
class PairModel:
    coef: tuple[float, ...]
    intercept: float

    def logit(self, u: np.ndarray, v: np.ndarray) -> float:
        """Log-odds that the claim (u) is not entailed by the evidence (v), clipped."""
        import numpy as np

        z = float(pair_vector(u, v) @ np.asarray(self.coef, dtype=np.float32) + self.intercept)
        return max(-CLIP, min(CLIP, z))

    def to_json(self) -> str:
        return json.dumps(
            {"coef": [round(c, 5) for c in self.coef], "intercept": round(self.intercept, 6)}
        )


def load_pair_model(path: Path = PAIR_PATH) -> PairModel | None:
    """The fitted model, or None before `make calibrate` has written one (feature then 0)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return PairModel(coef=tuple(data["coef"]), intercept=float(data["intercept"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(
            f"entailment weights damaged at {path} ({exc}); re-create them with `make calibrate`"
        ) from exc


@lru_cache(maxsize=1)
def default_pair_model() -> PairModel | None:
    return load_pair_model()
