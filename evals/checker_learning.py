"""Side by side, by cross-validation: which learned judgement separates paraphrases from errors.

    python -m evals.checker_learning            # the table of CALIBRATION.md's stop-32 section

Every labelled row the checker may be fitted on (written claims a-d whole, part e's tune half,
the course claims' and HaluEval's tune halves) is analysed once by the checker; each candidate
model is then fitted and measured by cross-validation on those analyses. The written claims are
folded by part (fit on the other parts, measure on one: a new part is a new writer, which is
what the blind set measures), the course claims and HaluEval by five stratified folds. An answer
is flagged when a hard rule vetoes one of its claims or the model's probability for one reaches
the threshold; the threshold is chosen inside the training folds, never on the measured fold.

Candidates:

* ``linear``: `calibrate.fit`'s logistic regression over `model.FEATURES` less the token
  alignment and the entailment logit (`--fit --all-writers`; the stored weights also read the
  logit, which carries almost no weight in them).
* ``linear+tok``: the same with the contextual token alignment (`alignment.FEATURES`).
* ``pair``: the same features plus the sentence-pair vector of the bundled MiniLM
  ([|u - v|, u * v], `pair.pair_vector`'s difference and product halves), one logistic regression.
* ``pair+gen``: ``pair`` fitted with the pairs generated from the corpus (`checker_pairs`) too.
* ``trees``: gradient-boosted trees over the features and token alignment.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from evals.calibrate import (
    FRESH_CLAIMS,
    Labelled,
    _requests,
    _source,
    load_course_claims,
    load_halueval,
    load_written_claims,
    score,
    split_course,
    split_halueval,
    split_written,
)

CACHE = Path("/tmp/checker_learning.npz")


@dataclass
class Row:
    """One labelled answer as the checker analysed it."""

    labelled: Labelled
    group: str  # the fold group: "written:a" ... "course", "halueval"
    vetoed: bool
    claims: list[dict[str, float]] = field(default_factory=list)  # per open claim: features
    uv: list[object] = field(default_factory=list)  # per open claim: (u, v) or None
    pairs: list[object] = field(default_factory=list)  # per open claim: (claim, unit) or None
    joint: list[object] = field(default_factory=list)  # per open claim: `cross` vector or None


def rows_to_fit() -> list[tuple[Labelled, str]]:
    out: list[tuple[Labelled, str]] = []
    from evals.calibrate import CLAIMS_DIR

    for path in sorted(CLAIMS_DIR.glob("part-*.yaml")):
        part = path.stem.removeprefix("part-")
        rows = load_written_claims((path,))
        if path in FRESH_CLAIMS:
            rows = split_written(rows)[0]  # a fresh set: its tune half only
        out += [(r, f"written:{part}") for r in rows]
    out += [(r, "course") for r in split_course(load_course_claims())[0]]
    out += [(r, "halueval") for r in split_halueval(load_halueval())[0]]
    return out


def analyse(labelled: list[tuple[Labelled, str]]) -> list[Row]:
    from assistant.grounding import GroundingChecker
    from assistant.grounding.model import FEATURES, Weights
    from knowledge.embeddings import get_embedder, memoised

    names = tuple(FEATURES)
    n = len(names)
    every = Weights(features=names, mean=(0.0,) * n, scale=(1.0,) * n, coef=(0.0,) * n,
                    intercept=0.0, threshold=0.5)  # so the checker measures every feature
    checker = GroundingChecker(embedder=memoised(get_embedder()), weights=every)
    analysed = checker.analyse_many(_requests([r for r, _ in labelled]))
    out = []
    for (row, group), (_, analyses) in zip(labelled, analysed, strict=True):
        claims = [a for a in analyses if a is not None]
        open_claims = [a for a in claims if not a.veto and not a.verbatim and a.features]
        r = Row(labelled=row, group=group, vetoed=any(a.veto for a in claims))
        r.claims = [dict(a.features) for a in open_claims]
        r.uv = checker.pair_vectors(open_claims)
        r.pairs = [a.pair for a in open_claims]
        out.append(r)
    return out


# --- candidates -----------------------------------------------------------------------------

BASE = (
    "similarity", "coverage", "coverage_sentence", "found", "unknown", "short", "short_colocated",
    "long_similarity", "negation", "swap", "overclaim", "invented", "aligned", "list_gap",
    "question", "question_found", "question_colocated",
)
TOK = ("tok_mean", "tok_min", "tok_weak")


def order_flip(claim: str, unit: str) -> float:
    """Share of discordant pairs among the claim's terms that its unit has, by first position
    (a swapped cause and effect, or roles exchanged, reverse their order)."""
    from assistant.grounding.lexicon import terms

    unit_terms = terms(unit)
    first = {}
    for i, t in enumerate(unit_terms):
        first.setdefault(t, i)
    seen = list(dict.fromkeys(t for t in terms(claim) if t in first))
    pos = [first[t] for t in seen]
    pairs = [(a, b) for i, a in enumerate(pos) for b in pos[i + 1:]]
    return sum(a > b for a, b in pairs) / len(pairs) if len(pairs) >= 3 else 0.0


def _matrix(rows: list[Row], names: tuple[str, ...], pair: bool, cross: bool | int = False):
    """(x, owner): one line per open claim of each row; owner = the row's index."""
    import numpy as np

    lines, owner = [], []
    dim = next((len(uv[0]) for r in rows for uv in r.uv if uv is not None), 384)
    jdim = next((len(j) for r in rows for j in getattr(r, "joint", None) or [] if j is not None),
                0)
    for i, r in enumerate(rows):
        joint = getattr(r, "joint", None) or [None] * len(r.uv)
        for feats, uv, texts, jv in zip(
            r.claims, r.uv, getattr(r, "pairs", None) or [None] * len(r.uv), joint, strict=True
        ):
            if "order_flip" in names:
                feats = {**feats, "order_flip": order_flip(*texts) if texts else 0.0}
            line = [feats.get(n, 0.0) for n in names]
            if pair:
                if uv is None:
                    line += [0.0] * (2 * dim)
                else:
                    u, v = uv
                    line += list(np.abs(u - v)) + list(u * v)
            if cross:  # True: the whole joint vector; a number: its last ``cross`` values
                part = slice(None) if cross is True else slice(-int(cross), None)
                line += list(jv[part]) if jv is not None else [0.0] * len(range(jdim)[part])
            lines.append(line)
            owner.append(i)
    return np.array(lines, dtype=float).reshape(len(lines), -1), np.array(owner, dtype=int)


def _train_lines(rows: list[Row], owner):
    """Which claim lines train (single-claim answers, or supported ones) and their labels."""
    import numpy as np

    keep = np.array([rows[i].labelled.supported or len(rows[i].claims) == 1 for i in owner],
                    dtype=bool)
    y = np.array([0 if rows[i].labelled.supported else 1 for i in owner])
    sizes: dict[str, int] = {}
    for r in rows:
        sizes[_source(r.labelled)] = sizes.get(_source(r.labelled), 0) + 1
    w = np.array([len(rows) / (len(sizes) * sizes[_source(rows[i].labelled)]) for i in owner])
    return keep, y, w


@dataclass(frozen=True)
class Candidate:
    name: str
    features: tuple[str, ...]
    pair: bool = False
    kind: str = "linear"  # linear | trees
    c: float = 1.0
    generated: bool = False
    generated_weight: float = 0.5
    # the joint reading of claim and unit (`assistant.grounding.cross`): True for all of it, a
    # number for its last values only (3: the joint word alignment)
    cross: bool | int = False

    def make(self):
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        if self.kind == "mlp":
            from sklearn.neural_network import MLPClassifier

            return make_pipeline(StandardScaler(), MLPClassifier(
                hidden_layer_sizes=(16,), alpha=1.0, max_iter=2000, random_state=0))
        if self.kind == "pca":
            from sklearn.compose import ColumnTransformer
            from sklearn.decomposition import PCA

            n = len(self.features)
            return make_pipeline(
                ColumnTransformer([("f", StandardScaler(), list(range(n))),
                                   ("p", make_pipeline(PCA(16, random_state=0), StandardScaler()),
                                    list(range(n, n + 768)))]),
                LogisticRegression(C=self.c, class_weight="balanced", max_iter=3000))
        if self.kind == "trees":
            return HistGradientBoostingClassifier(
                max_depth=3, learning_rate=0.05, max_iter=300, l2_regularization=1.0,
                class_weight="balanced", random_state=0)
        return make_pipeline(StandardScaler(), LogisticRegression(
            C=1.0 if self.kind == "stack" else self.c, class_weight="balanced", max_iter=3000))


def _answer_p(rows: list[Row], owner, p):
    """Per row: the largest claim probability (0 when no open claim)."""
    import numpy as np

    out = np.zeros(len(rows))
    np.maximum.at(out, owner, p)
    return out


def _mean_balanced(rows: list[Row], p, threshold: float) -> float:
    per = []
    for source in {_source(r.labelled) for r in rows}:
        idx = [i for i, r in enumerate(rows) if _source(r.labelled) == source]
        sub = [rows[i].labelled for i in idx]
        per.append(score(sub, [rows[i].vetoed or p[i] >= threshold for i in idx])
                   .balanced_accuracy)
    return sum(per) / len(per)


def cross_validate(rows: list[Row], candidate: Candidate, generated=None) -> dict:
    """Out-of-fold flags per row, folds as the module docstring says."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    stack = candidate.kind == "stack"
    x, owner = _matrix(rows, candidate.features, candidate.pair, False if stack else candidate.cross)
    jx = _matrix(rows, (), False, candidate.cross)[0] if stack else None
    keep, y, w = _train_lines(rows, owner)
    folds: list[np.ndarray] = []
    groups = sorted({r.group for r in rows if r.group.startswith("written:")})
    for g in groups:
        folds.append(np.array([i for i, r in enumerate(rows) if r.group == g]))
    for g in ("course", "halueval"):
        idx = np.array([i for i, r in enumerate(rows) if r.group == g])
        labels = [rows[i].labelled.supported for i in idx]
        for _, test in StratifiedKFold(5, shuffle=True, random_state=0).split(idx, labels):
            folds.append(idx[test])
    p_out = np.zeros(len(rows))
    for test_rows in folds:
        test_set = set(test_rows.tolist())
        train_line = np.array([o not in test_set for o in owner]) & keep
        test_line = np.array([o in test_set for o in owner])
        xf = x
        if stack:  # `calibrate.fit`'s way: the head's out-of-fold logit is one more feature
            from assistant.grounding.pair import CLIP
            from evals.calibrate import fit_head

            coef, icpt, oof = fit_head(jx[train_line], y[train_line], w[train_line], candidate.c)
            col = np.clip(jx @ np.array(coef) + icpt, -CLIP, CLIP)
            col[train_line] = oof
            xf = np.hstack([x, col[:, None]])
        xt, yt, wt = xf[train_line], y[train_line], w[train_line]
        if candidate.generated and generated is not None:
            gx, gowner = _matrix(generated, candidate.features, candidate.pair, candidate.cross)
            gy = np.array([0 if generated[i].labelled.supported else 1 for i in gowner])
            gw = np.full(len(gy), candidate.generated_weight)
            xt, yt, wt = np.vstack([xt, gx]), np.concatenate([yt, gy]), np.concatenate([wt, gw])
        model = candidate.make()
        model.fit(xt, yt, **{f"{model.steps[-1][0]}__sample_weight" if hasattr(model, "steps")
                             else "sample_weight": wt})
        # threshold inside the training rows (in-sample, as `calibrate.fit` does)
        train_rows = [i for i in range(len(rows)) if i not in test_set]
        p_train = _answer_p(rows, owner[~test_line], model.predict_proba(xf[~test_line])[:, 1])
        sub = [rows[i] for i in train_rows]
        best = max((t / 100 for t in range(5, 96)),
                   key=lambda t: (_mean_balanced(sub, p_train[train_rows], t), -abs(t - 0.5)))
        if test_line.any():
            p_test = model.predict_proba(xf[test_line])[:, 1]
            for o, p in zip(owner[test_line], p_test, strict=True):
                p_out[o] = max(p_out[o], p - best + 0.5)  # centred on the fold's threshold
    flags = [r.vetoed or p_out[i] >= 0.5 for i, r in enumerate(rows)]
    out = {}
    for g in [*groups, "course", "halueval"]:
        idx = [i for i, r in enumerate(rows) if r.group == g]
        s = score([rows[i].labelled for i in idx], [flags[i] for i in idx])
        kept = s.tn / (s.tn + s.fp) if s.tn + s.fp else 0.0
        out[g] = (round(float(s.balanced_accuracy), 3), round(float(kept), 3),
                  round(float(s.recall), 3))
    written = [out[g][0] for g in groups]
    out["written mean"] = (round(sum(written) / len(written), 3),)
    return out


CANDIDATES = (
    Candidate("linear", BASE),
    Candidate("linear+tok", BASE + TOK),
    Candidate("linear+tok+order", BASE + TOK + ("order_flip",)),
    Candidate("linear+gen", BASE + TOK, generated=True),
    Candidate("mlp", BASE + TOK, kind="mlp"),
    Candidate("trees", BASE + TOK, kind="trees"),
    Candidate("pair-pca16", BASE + TOK, pair=True, kind="pca"),
    Candidate("pair", BASE + TOK, pair=True, c=0.05),
    Candidate("pair+gen", BASE + TOK, pair=True, c=0.05, generated=True),
    Candidate("cross-align", BASE + TOK, cross=3),
    Candidate("cross", BASE + TOK, cross=True, c=0.05),
    Candidate("cross-stack", BASE, cross=True, kind="stack", c=0.05),
    Candidate("cross-stack+tok", BASE + TOK, cross=True, kind="stack", c=0.05),
    Candidate("cross-stack-c01", BASE, cross=True, kind="stack", c=0.01),
    Candidate("cross-c01", BASE + TOK, cross=True, c=0.01),
    Candidate("cross-base", BASE, cross=True, c=0.05),
    Candidate("cross+gen", BASE + TOK, cross=True, c=0.05, generated=True),
)


def load_rows(refresh: bool = False) -> list[Row]:
    """The analysed rows, cached per group in /tmp (an analysis takes minutes on 2 cores)."""
    import pickle

    wanted: dict[str, list[tuple[Labelled, str]]] = {}
    for row, group in rows_to_fit():
        wanted.setdefault(group, []).append((row, group))
    out = []
    for group, labelled in wanted.items():
        path = CACHE.with_name(f"checker_learning_{group.replace(':', '_')}.pkl")
        if path.exists() and not refresh:
            rows = pickle.loads(path.read_bytes())
            if [r.labelled for r in rows] == [r for r, _ in labelled]:
                out += rows
                continue
        rows = analyse(labelled)
        path.write_bytes(pickle.dumps(rows))
        out += rows
    return out


def attach_joint(rows: list[Row]) -> None:
    """Each open claim's joint reading with its unit (`cross.joint_vectors`), cached in /tmp."""
    import pickle

    from assistant.grounding.cross import joint_vectors
    from knowledge.embeddings import get_embedder

    path = CACHE.with_name("checker_learning_joint.pkl")
    held = pickle.loads(path.read_bytes()) if path.exists() else {}
    wanted = list(dict.fromkeys(p for r in rows for p in r.pairs if p and p not in held))
    if wanted:
        held.update(zip(wanted, joint_vectors(get_embedder().model, wanted), strict=True))
        path.write_bytes(pickle.dumps(held))
    for r in rows:
        r.joint = [held[p] if p else None for p in r.pairs]


@click.command()
@click.option("--refresh", is_flag=True, help="Re-analyse the labelled rows (else the cache).")
@click.option("--only", default="", help="Comma-separated candidate names.")
def main(refresh: bool, only: str) -> None:
    """Cross-validate the candidate judgements side by side."""
    rows = load_rows(refresh)
    generated = None
    wanted = [c for c in CANDIDATES if not only or c.name in only.split(",")]
    if any(c.generated for c in wanted):
        from evals.checker_pairs import generated_rows

        generated = generated_rows()
    if any(c.cross for c in wanted):
        attach_joint(rows)
        if generated is not None:
            attach_joint(generated)
    for candidate in wanted:
        figures = cross_validate(rows, candidate, generated)
        cells = " | ".join(" / ".join(f"{v:.3f}" for v in figures[k]) for k in figures)
        click.echo(f"| {candidate.name} | {cells} |")


if __name__ == "__main__":
    sys.exit(main())
