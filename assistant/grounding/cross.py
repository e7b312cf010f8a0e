"""The claim and its evidence unit read together by the bundled MiniLM (a cross-encoder reading).

The sentence vectors of `pair.py` read the claim and the unit apart, so "A raises B" and "B
raises A" come out alike. Here both go through the model as one input ("[CLS] claim [SEP] unit
[SEP]"), so each claim word is read beside the unit's words (the model's attention crosses the
two). What is kept for a linear head (`CrossModel`, fitted by `python -m evals.calibrate --fit`):

* the mean of the claim's token states and the mean of the unit's (each normalised), their
  difference and product (4 × 384);
* for each claim content word, read in this joint input, its closest unit word (cosine), summed
  up as mean, minimum and the share under `alignment.WEAK` (the token alignment of
  `alignment.py`, here in a context that holds both texts).

Nothing here decides a verdict: the head's logit is one feature of the checker's model
(`model.FEATURES["cross"]`). The model is the one already loaded (no new weights); the head is
a few thousand numbers in `cross.json`.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.grounding.alignment import WEAK, _content_pieces

if TYPE_CHECKING:
    import numpy as np

CROSS_PATH = Path(__file__).with_name("cross.json")
CLIP = 8.0
MAX_TOKENS = 256
_SHARED: dict[int, JointCache] = {}


def _normed(m: np.ndarray) -> np.ndarray:
    import numpy as np

    n = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.where(n == 0, 1.0, n)


def joint_vectors(model: Any, pairs: list[tuple[str, str]], batch: int = 16) -> list[np.ndarray]:
    """Per (claim, unit): the joint reading's vector (see the module docstring)."""
    import numpy as np
    import torch

    transformer = model[0].auto_model
    tokenizer = model.tokenizer
    out: list[np.ndarray] = []
    for start in range(0, len(pairs), batch):
        chunk = pairs[start : start + batch]
        enc = tokenizer(
            [c for c, _ in chunk], [u for _, u in chunk], truncation="only_second",
            max_length=MAX_TOKENS, padding=True, return_tensors="pt",
        )
        with torch.inference_mode():
            states = transformer(**enc).last_hidden_state.float().numpy()
        for i in range(len(chunk)):
            ids = enc["input_ids"][i].tolist()
            kinds = enc["token_type_ids"][i].tolist()
            mask = enc["attention_mask"][i].tolist()
            pieces = tokenizer.convert_ids_to_tokens(ids)
            keep = set(_content_pieces(pieces))
            claim_all = [j for j in range(len(ids)) if mask[j] and kinds[j] == 0 and j > 0
                         and pieces[j] != "[SEP]"]
            unit_all = [j for j in range(len(ids)) if mask[j] and kinds[j] == 1
                        and pieces[j] != "[SEP]"]
            h = states[i]
            c_mean = _normed(h[claim_all].mean(axis=0)) if claim_all else np.zeros(h.shape[1])
            u_mean = _normed(h[unit_all].mean(axis=0)) if unit_all else np.zeros(h.shape[1])
            claim_words = [j for j in claim_all if j in keep]
            unit_words = [j for j in unit_all if j in keep]
            if claim_words and unit_words:
                best = (_normed(h[claim_words]) @ _normed(h[unit_words]).T).max(axis=1)
                align = [float(best.mean()), float(best.min()), float((best < WEAK).mean())]
            else:
                align = [0.0, 0.0, 1.0]
            out.append(np.concatenate(
                [c_mean, u_mean, np.abs(c_mean - u_mean), c_mean * u_mean, align]
            ).astype(np.float32))
    return out


@dataclass(frozen=True)
class CrossModel:
    coef: tuple[float, ...]
    intercept: float

    def logit(self, x: np.ndarray) -> float:
        """Log-odds that the claim is not entailed by its unit, clipped."""
        import numpy as np

        z = float(x @ np.asarray(self.coef, dtype=np.float32) + self.intercept)
        return max(-CLIP, min(CLIP, z))

    def to_json(self) -> str:
        return json.dumps(
            {"coef": [round(c, 5) for c in self.coef], "intercept": round(self.intercept, 6)}
        )


def load_cross_model(path: Path = CROSS_PATH) -> CrossModel | None:
    """The fitted head, or None before `make calibrate` has written one (feature then 0)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return CrossModel(coef=tuple(data["coef"]), intercept=float(data["intercept"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(
            f"cross-reading weights damaged at {path} ({exc}); re-create them with `make calibrate`"
        ) from exc


@lru_cache(maxsize=1)
def default_cross_model() -> CrossModel | None:
    return load_cross_model()


def shared_cache(model: Any) -> JointCache:
    """The process's one cache for this model, so checkers built one after another (a refit, then
    its measure) read each pair once."""
    cache = _SHARED.get(id(model))
    if cache is None or cache.model is not model:
        cache = _SHARED[id(model)] = JointCache(model)
    return cache


class JointCache:
    """Joint vectors by (claim, unit), the least recently used dropped past ``limit``."""

    def __init__(self, model: Any, limit: int = 4096) -> None:
        self.model = model
        self.limit = limit
        self._held: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

    def get(self, pairs: list[tuple[str, str]]) -> list[np.ndarray]:
        missing = [p for p in dict.fromkeys(pairs) if p not in self._held]
        self._held.update(zip(missing, joint_vectors(self.model, missing), strict=True))
        out = []
        for p in pairs:
            self._held.move_to_end(p)
            out.append(self._held[p])
        while len(self._held) > self.limit:
            self._held.popitem(last=False)
        return out

    def forget(self, claims: list[str]) -> None:
        """Drops the pairs of these claims (so a benchmark's answer is first seen)."""
        gone = set(claims)
        for pair in [p for p in self._held if p[0] in gone]:
            del self._held[pair]
