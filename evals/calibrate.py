"""Calibrates and measures the grounding checker on data no one here wrote, and on course pairs.

    python -m evals.calibrate            # the figures in evals/data/CALIBRATION.md
    python -m evals.calibrate --sweep    # how the figures move with each threshold (tune split)

HaluEval QA (evals/data/halueval-qa-dev.jsonl) holds 250 question/context pairs, each answered
once rightly and once with a hallucination. The first 125 pairs (lines 1-250) are the tuning
split, the other 125 the held-out split; the two answers of a pair never fall on different
sides. The positive class throughout is "unsupported": precision and recall are those of the
checker's unsupported verdicts. The naive baseline flags an answer when the share of its content
words found in the context is below a threshold, chosen for the best balanced accuracy on the
tuning split.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from assistant.grounding import GroundingChecker, Thresholds

DATA = Path(__file__).resolve().parent / "data"
HALUEVAL = DATA / "halueval-qa-dev.jsonl"
PAIRS = DATA / "grounding_pairs.yaml"
TUNE_PAIRS = 125


@dataclass(frozen=True)
class Labelled:
    """One answer (or sentence) with what it must rest on, and whether it does."""

    id: str
    answer: str
    context: str
    supported: bool
    question: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Scores:
    n: int
    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def specificity(self) -> float:
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0

    @property
    def balanced_accuracy(self) -> float:
        return (self.recall + self.specificity) / 2

    def as_dict(self) -> dict[str, float | int]:
        return {
            **asdict(self),
            "balanced_accuracy": round(self.balanced_accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def score(labelled: list[Labelled], flagged: list[bool]) -> Scores:
    """Confusion counts with "unsupported" as the positive class."""
    tp = sum(f and not x.supported for x, f in zip(labelled, flagged, strict=True))
    fp = sum(f and x.supported for x, f in zip(labelled, flagged, strict=True))
    fn = sum(not f and not x.supported for x, f in zip(labelled, flagged, strict=True))
    return Scores(n=len(labelled), tp=tp, fp=fp, tn=len(labelled) - tp - fp - fn, fn=fn)


# --- data -----------------------------------------------------------------------------------


def load_halueval(path: Path = HALUEVAL) -> list[Labelled]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append(
                Labelled(
                    id=row["id"],
                    answer=row["answer"],
                    context=row["context"],
                    question=row["question"],
                    supported=row["label"] == "supported",
                )
            )
    return rows


def pair_number(row: Labelled) -> int:
    """ "dev17-halu" -> 17: both answers of a question share it."""
    return int(row.id.split("-")[0].removeprefix("dev"))


def split_halueval(rows: list[Labelled]) -> tuple[list[Labelled], list[Labelled]]:
    """(tune, held_out): pairs 0-124 and 125-249, so a question never straddles the split."""
    tune = [r for r in rows if pair_number(r) < TUNE_PAIRS]
    held_out = [r for r in rows if pair_number(r) >= TUNE_PAIRS]
    return tune, held_out


def load_pairs(path: Path = PAIRS) -> list[Labelled]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Labelled(
            id=f"pair{i}",
            answer=p["sentence"],
            context=p["passage"],
            supported=bool(p["supported"]),
            note=p.get("note", ""),
        )
        for i, p in enumerate(data["pairs"])
    ]


# --- the checker and the baseline -----------------------------------------------------------


def checker_flags(checker: GroundingChecker, labelled: list[Labelled]) -> list[bool]:
    """True where the checker calls the answer unsupported (any claim sentence unsupported)."""
    from assistant.grounding import CheckRequest, Evidence

    requests = [
        CheckRequest(
            answer=x.answer, evidence=[Evidence(id="context", text=x.context)], question=x.question
        )
        for x in labelled
    ]
    return [bool(report.unsupported) for report in checker.check_many(requests)]


def content_share(answer: str, context: str) -> float:
    """The naive rule's statistic: share of the answer's content words found in the context."""
    from assistant.text import content_words

    answer_words = content_words(answer)
    if not answer_words:
        return 1.0
    context_words = set(content_words(context))
    return sum(w in context_words for w in answer_words) / len(answer_words)


def best_naive_threshold(labelled: list[Labelled]) -> float:
    """The threshold (flag when share < threshold) with the best balanced accuracy."""
    shares = [content_share(x.answer, x.context) for x in labelled]
    candidates = sorted(set(shares) | {1.01})
    return max(
        candidates, key=lambda t: (score(labelled, [s < t for s in shares]).balanced_accuracy, -t)
    )


def naive_flags(labelled: list[Labelled], threshold: float) -> list[bool]:
    return [content_share(x.answer, x.context) < threshold for x in labelled]


# --- the report -----------------------------------------------------------------------------


def measure(checker: GroundingChecker | None = None) -> dict:
    """Every figure of CALIBRATION.md, as plain data."""
    from assistant.grounding import GroundingChecker

    checker = checker or GroundingChecker()
    tune, held_out = split_halueval(load_halueval())
    pairs = load_pairs()
    threshold = best_naive_threshold(tune)
    return {
        "thresholds": checker.thresholds.model_dump(),
        "halueval": {
            "tune": score(tune, checker_flags(checker, tune)).as_dict(),
            "held_out": score(held_out, checker_flags(checker, held_out)).as_dict(),
        },
        "naive": {
            "threshold": round(threshold, 4),
            "tune": score(tune, naive_flags(tune, threshold)).as_dict(),
            "held_out": score(held_out, naive_flags(held_out, threshold)).as_dict(),
        },
        "pairs": score(pairs, checker_flags(checker, pairs)).as_dict(),
    }


def markdown_table(figures: dict) -> str:
    rows = [
        ("Checker, HaluEval tune (125 pairs)", figures["halueval"]["tune"]),
        ("Checker, HaluEval held-out (125 pairs)", figures["halueval"]["held_out"]),
        (f"Naive share < {figures['naive']['threshold']:.3g}, tune", figures["naive"]["tune"]),
        (
            f"Naive share < {figures['naive']['threshold']:.3g}, held-out",
            figures["naive"]["held_out"],
        ),
        ("Checker, course pairs (71)", figures["pairs"]),
    ]
    lines = [
        "| Data | Balanced accuracy | Precision (unsupported) | Recall (unsupported) | FP | FN |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s['balanced_accuracy']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} "
            f"| {s['fp']} | {s['fn']} |"
        )
    return "\n".join(lines)


SWEEP = {
    "window": [1, 2, 3],
    "min_coverage": [0.5, 0.6, 0.75, 0.9, 1.0],
    "min_found": [0.75, 0.8, 0.9, 1.0],
}


def sweep(base: Thresholds) -> list[dict]:
    """One threshold at a time around ``base``: tune-split and course-pair scores."""
    from assistant.grounding import GroundingChecker

    tune, _ = split_halueval(load_halueval())
    pairs = load_pairs()
    shared = GroundingChecker(thresholds=base)
    out = []
    for name, values in SWEEP.items():
        for value in values:
            checker = GroundingChecker(
                embedder=shared.embedder, thresholds=base.model_copy(update={name: value})
            )
            out.append(
                {
                    "threshold": name,
                    "value": value,
                    "tune": score(tune, checker_flags(checker, tune)).as_dict(),
                    "pairs": score(pairs, checker_flags(checker, pairs)).as_dict(),
                }
            )
    return out


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--sweep", "do_sweep", is_flag=True, help="Vary each threshold on the tune split.")
def main(as_json: bool, do_sweep: bool) -> None:
    """Measure the grounding checker on HaluEval QA and on the labelled course pairs."""
    from assistant.grounding import Thresholds

    if do_sweep:
        rows = sweep(Thresholds())
        if as_json:
            click.echo(json.dumps(rows, indent=2))
            return
        click.echo(
            "| Threshold | Value | Tune bal. acc. | Tune FP | Tune FN "
            "| Pairs precision | Pairs recall |"
        )
        click.echo("|---|---|---|---|---|---|---|")
        for r in rows:
            t, p = r["tune"], r["pairs"]
            click.echo(
                f"| {r['threshold']} | {r['value']} | {t['balanced_accuracy']:.3f} | {t['fp']} "
                f"| {t['fn']} | {p['precision']:.3f} | {p['recall']:.3f} |"
            )
        return
    figures = measure()
    click.echo(json.dumps(figures, indent=2) if as_json else markdown_table(figures))


if __name__ == "__main__":
    sys.exit(main())
