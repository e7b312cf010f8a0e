"""`advisor check` end to end (CliRunner), and the calibration figures the checker must keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.grounding import GroundingChecker
from evals import calibrate
from evals import checker as checker_module
from evals.checker import check_command

GROUNDED = """### Roadmap

**Short-term wins**, achievable in 3-6 months, build momentum, demonstrate value,
and secure ongoing support [1].

- AI is not a "set it and forget it" technology [2].

Sources:
[1] Lesson 6.1 — Prioritizing AI Projects
"""
SWAPPED = "Short-term wins are achievable in 6-12 months."

# Figures measured by `python -m evals.calibrate` (evals/data/CALIBRATION.md), minus a margin.
HELD_OUT_BALANCED_ACCURACY = 0.960
PAIRS_PRECISION, PAIRS_RECALL = 0.861, 0.861
COURSE_HELD_OUT_BALANCED_ACCURACY = 0.776
MARGIN = 0.03


@pytest.fixture(scope="module")
def grounding_checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


@pytest.fixture(autouse=True)
def _shared_checker(grounding_checker, monkeypatch):
    """The command reuses one checker per process; here, the test session's."""
    monkeypatch.setattr(checker_module, "_checker", grounding_checker)


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


def run(*args: str):
    return CliRunner().invoke(check_command, list(args))


# --- single answers --------------------------------------------------------------------------


def test_a_grounded_answer_is_supported_with_its_best_course_passage(write):
    result = run(
        "--question", "How long do short-term wins take?", "--answer-file", write("a.md", GROUNDED)
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Verdict: SUPPORTED — 2 of 2 claim sentences supported")
    assert (
        "best source:" in result.output and "Lesson 6.1 › Prioritizing AI Projects" in result.output
    )
    assert "numbers checked: 3, 6 — all found" in result.output


def test_a_swapped_number_makes_the_verdict_unsupported_and_is_listed(write):
    result = run(
        "--question", "How long do short-term wins take?", "--answer-file", write("a.md", SWAPPED)
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Verdict: UNSUPPORTED")
    assert "reason: number 12 not in any source" in result.output
    assert "not found: 12" in result.output
    assert f"Unsupported sentences:\n  1. {SWAPPED}" in result.output


def test_json_output_carries_verdict_sentences_and_source_labels(write):
    result = run("--answer-file", write("a.md", GROUNDED + "\n" + SWAPPED + "\n"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] == "unsupported"
    claims = [s for s in data["grounding"]["sentences"] if s["claim"]]
    assert [s["supported"] for s in claims] == [True, True, False]
    assert claims[0]["source_label"] == "Lesson 6.1 › Prioritizing AI Projects"
    assert data["grounding"]["unsupported"] == [SWAPPED]
    assert data["evidence"]  # the course passages it was graded against


def test_a_context_file_replaces_the_course(write):
    context = write("k.txt", "AutoZone is based in Memphis, Tennessee.")
    ok = run(
        "--question",
        "Where is AutoZone based?",
        "--answer-file",
        write("a.md", "Memphis"),
        "--context-file",
        context,
        "--json",
    )
    assert json.loads(ok.output)["verdict"] == "supported"
    assert json.loads(ok.output)["evidence"] == ["k.txt"]
    # Course text is not evidence when a context file is given.
    course = run(
        "--answer-file",
        write("b.md", SWAPPED.replace("6-12", "3-6")),
        "--context-file",
        context,
        "--json",
    )
    assert json.loads(course.output)["verdict"] == "unsupported"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--answer-file", "missing.md"], "does not exist"),
        ([], "give --answer-file"),
    ],
)
def test_bad_invocations_exit_2_with_a_message(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_an_empty_answer_exits_2(write):
    result = run("--answer-file", write("a.md", "  \n\n"))
    assert result.exit_code == 2
    assert "is empty: there is nothing to check" in result.output


def test_batch_cannot_be_mixed_with_a_single_answer(write):
    result = run("--batch", write("b.jsonl", "{}"), "--answer-file", write("a.md", "x"))
    assert result.exit_code == 2 and "--batch cannot be combined" in result.output


# --- batch -----------------------------------------------------------------------------------


def test_batch_prints_one_object_per_line_and_survives_bad_lines(write):
    lines = [
        json.dumps(
            {"id": "good", "question": "How long do short-term wins take?", "answer": GROUNDED}
        ),
        json.dumps({"id": "swapped", "question": "How long?", "answer": SWAPPED}),
        "not json",
        json.dumps({"id": "no-answer", "question": "q"}),
        json.dumps({"id": "blank", "answer": "  "}),
        json.dumps(
            {
                "id": 7,
                "question": "Where is AutoZone based?",
                "answer": "Memphis",
                "context": "AutoZone is based in Memphis, Tennessee.",
            }
        ),
    ]
    result = run("--batch", write("b.jsonl", "\n".join(lines) + "\n\n"), "--json")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["id"] for o in out] == ["good", "swapped", None, "no-answer", "blank", 7]
    assert [o.get("verdict") for o in out] == [
        "supported",
        "unsupported",
        None,
        None,
        None,
        "supported",
    ]
    assert [o["error"]["code"] for o in out if "error" in o] == [
        "invalid_json",
        "invalid_line",
        "empty_answer",
    ]
    assert out[2]["error"]["line"] == 3
    # one error shape for every batch command (the same as `advisor ask --batch`)
    assert set(out[2]["error"]) == {"code", "kind", "message", "line"} and out[2]["id"] is None
    assert set(out[0]) == {"id", "verdict", "grounding"}
    assert set(out[0]["grounding"]) == {"score", "sentences"}
    assert out[1]["grounding"]["score"] == 0.0


def test_batch_with_a_missing_file_exits_2():
    result = run("--batch", "nope.jsonl", "--json")
    assert result.exit_code == 2 and "does not exist" in result.output


# --- calibration -----------------------------------------------------------------------------


def test_the_halueval_split_is_deterministic_and_keeps_pairs_together():
    rows = calibrate.load_halueval()
    tune, held_out = calibrate.split_halueval(rows)
    assert len(tune) == len(held_out) == 250
    assert tune == rows[:250] and held_out == rows[250:]
    assert {calibrate.pair_number(r) for r in tune}.isdisjoint(
        {calibrate.pair_number(r) for r in held_out}
    )
    assert sum(r.supported for r in held_out) == 125


def test_held_out_halueval_balanced_accuracy_holds(grounding_checker):
    _, held_out = calibrate.split_halueval(calibrate.load_halueval())
    scores = calibrate.score(held_out, calibrate.checker_flags(grounding_checker, held_out))
    assert scores.balanced_accuracy >= HELD_OUT_BALANCED_ACCURACY - MARGIN, scores
    naive = calibrate.naive_flags(
        held_out,
        calibrate.best_naive_threshold(calibrate.split_halueval(calibrate.load_halueval())[0]),
    )
    assert scores.balanced_accuracy > calibrate.score(held_out, naive).balanced_accuracy


def test_course_pairs_precision_and_recall_hold(grounding_checker):
    pairs = calibrate.load_pairs()
    assert len(pairs) >= 60 and sum(not p.supported for p in pairs) >= len(pairs) / 2
    scores = calibrate.score(pairs, calibrate.checker_flags(grounding_checker, pairs))
    assert scores.precision >= PAIRS_PRECISION - MARGIN, scores
    assert scores.recall >= PAIRS_RECALL - MARGIN, scores


def test_course_pair_passages_are_verbatim_course_text():
    from assistant.settings import DEFAULT_CORPUS

    course = " ".join(DEFAULT_CORPUS.read_text(encoding="utf-8").split())
    assert all(" ".join(p.context.split()) in course for p in calibrate.load_pairs())


def test_the_course_claim_set_is_large_balanced_and_split_by_a_fixed_hash():
    rows = calibrate.load_course_claims()
    assert len(rows) >= 200
    assert abs(sum(r.supported for r in rows) - len(rows) / 2) <= len(rows) * 0.05
    kinds = {r.kind for r in rows if not r.supported}
    assert {"number", "swap", "negation", "overclaim", "invented", "not_in_course"} <= kinds
    tune, held_out = calibrate.split_course(rows)
    assert (tune, held_out) == calibrate.split_course(list(reversed(rows)))[::-1] or (
        {r.id for r in tune} == {r.id for r in calibrate.split_course(rows)[0]}
    )
    assert {r.answer for r in tune}.isdisjoint({r.answer for r in held_out})
    assert 0.35 < len(tune) / len(rows) < 0.65


def test_course_claim_evidence_is_course_text():
    import re

    from assistant.settings import DEFAULT_CORPUS

    def norm(text: str) -> str:
        return " ".join(re.findall(r"[a-z0-9]+", text.lower()))

    course = norm(DEFAULT_CORPUS.read_text(encoding="utf-8"))
    for row in calibrate.load_course_claims():
        lines = row.context.splitlines()
        parts = [line.split(": ", 1)[-1] for line in lines] if len(lines) > 1 else lines
        assert all(norm(p) in course for p in parts), row.context


def test_held_out_course_claims_balanced_accuracy_holds(grounding_checker):
    _, held_out = calibrate.split_course(calibrate.load_course_claims())
    scores = calibrate.score(held_out, calibrate.checker_flags(grounding_checker, held_out))
    assert scores.balanced_accuracy >= COURSE_HELD_OUT_BALANCED_ACCURACY - MARGIN, scores


def test_score_counts_unsupported_as_the_positive_class():
    rows = [
        calibrate.Labelled(id=str(i), answer="", context="", supported=s)
        for i, s in enumerate([True, True, False, False])
    ]
    s = calibrate.score(rows, [False, True, True, False])
    assert (s.tp, s.fp, s.tn, s.fn) == (1, 1, 1, 1)
    assert s.precision == s.recall == s.balanced_accuracy == 0.5


def test_the_entailment_fit_leaves_out_vector_dimensions_that_do_not_vary():
    import numpy as np

    rng = np.random.default_rng(0)
    u, v = rng.normal(size=(60, 6)), rng.normal(size=(60, 6))
    u[:, 2] = v[:, 2] = 1e-33 * rng.normal(size=60)  # ~0 in every vector, as MiniLM has some
    labels = [int(x > 0) for x in u[:, 0] - v[:, 0]]
    model, oof = calibrate.fit_pair(list(zip(u, v, strict=True)), labels, [1.0] * 60, c=1.0)
    coef = np.asarray(model.coef)
    assert all(coef[2 + 6 * k] == 0.0 for k in range(4))  # u, v, |u-v|, u*v of that dimension
    assert np.abs(coef).max() < 1e3 and np.isfinite(oof).all()
