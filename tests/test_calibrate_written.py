"""The written claims set (evals/dev/claims) as a calibration row: its fixed split and figures."""

from __future__ import annotations

from evals.calibrate import Labelled, load_written_claims, split_written, written_figures
from evals.devsets import half


def test_the_written_claims_split_by_the_dev_sets_rule_on_the_id():
    rows = load_written_claims()
    tune, held_out = split_written(rows)
    assert len(tune) + len(held_out) == len(rows) > 300
    assert {r.id for r in tune}.isdisjoint({r.id for r in held_out})
    assert all(half(r.id) == "tune" for r in tune)
    assert all(r.voice and r.kind and r.answer and r.context for r in rows)


def test_written_figures_count_paraphrases_kept_and_errors_caught_per_kind_and_voice():
    def row(i, supported, kind, voice):
        return Labelled(id=str(i), answer="a", context="c", supported=supported, kind=kind,
                        voice=voice)

    rows = [row(0, True, "paraphrase", "student"), row(1, True, "paraphrase", "consultant"),
            row(2, False, "swap", "student"), row(3, False, "number", "student")]
    figures = written_figures(rows, [True, False, True, False])
    assert figures["paraphrases_kept"] == 0.5 and figures["errors_caught"] == 0.5
    assert figures["balanced_accuracy"] == 0.5
    assert figures["kinds"]["swap"] == {"caught": 1, "missed": 0}
    assert figures["voices"]["student"] == {"kept": 0, "flagged": 1, "caught": 1, "missed": 1}
