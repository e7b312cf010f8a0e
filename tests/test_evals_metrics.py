"""The eval metrics on hand-made answers: each definition in evals/metrics.py, case by case."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.grounding import GroundingChecker
from assistant.types import AnswerResult, Grounding, SentenceGrounding, ToolCallRecord
from evals import metrics as m
from evals.cases import Assertion
from evals.runner import evaluate_assertion
from knowledge.types import Citation

ROI_TEXT = (
    "The basic ROI formula is: (Net Profit from AI - Cost of AI Investment) / Cost of AI "
    "Investment * 100%. The Cost of AI Investment should encompass the Total Cost of Ownership."
)
DRIFT_TEXT = (
    "Models can experience model drift where their performance degrades over time as data "
    "patterns change. Short-term wins, achievable in 3-6 months, build momentum."
)
CHUNKS = {
    "c-roi": m.ChunkInfo(text=ROI_TEXT, section="Calculating ROI"),
    "c-drift": m.ChunkInfo(text=DRIFT_TEXT, section="Feedback Loop"),
}


def cite(chunk_id: str, quote: str | None = None, section: str | None = None) -> Citation:
    chunk = CHUNKS.get(chunk_id)
    return Citation(
        chunk_id=chunk_id,
        lesson="6.2",
        section=section if section is not None else (chunk.section if chunk else "Nowhere"),
        quote=quote if quote is not None else (chunk.text[:60] if chunk else "made up"),
    )


ROI_CALL = ToolCallRecord(
    name="roi",
    args={"gain": 50000, "cost": 20000},
    result={"roi_pct": 150.0, "net_return": 30000.0},
)


def answer(
    text: str, citations=(), tools=(), question: str = "What is the ROI of my AI tool?", **extra
) -> AnswerResult:
    return AnswerResult(
        question=question, answer=text, citations=list(citations), tool_calls=list(tools), **extra
    )


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


# --- marked sentences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Alpha beta gamma. [1] Delta epsilon. [2]",
            [("Alpha beta gamma.", [1]), ("Delta epsilon.", [2])],
        ),
        (
            "Alpha beta gamma [1]. Delta epsilon [2, 3].",
            [("Alpha beta gamma.", [1]), ("Delta epsilon.", [2, 3])],
        ),
        (
            "- First point [1]\n- Second point [1-2]",
            [("First point", [1]), ("Second point", [1, 2])],
        ),
        ("No marker here. But one here. [4]", [("No marker here.", []), ("But one here.", [4])]),
        ("Claim text. [1]\n\nSources:\n[1] Lesson 6.2 › ROI", [("Claim text.", [1])]),
    ],
)
def test_marked_sentences_attach_each_marker_to_the_sentence_it_closes(text, expected):
    got = [(s.text, s.markers) for s in m.marked_sentences(text)]
    assert [g for g in got if g[0] != "Sources:"] == expected


# --- citation validity ------------------------------------------------------------------------


def test_citation_validity_is_one_for_indexed_citations_and_matching_markers():
    result = answer(
        "The formula is net profit minus cost over cost. [1] Models drift. [2]",
        [cite("c-roi"), cite("c-drift")],
    )
    score = m.citation_validity(result, CHUNKS)
    assert score.value == 1.0 and score.total == 4 and not score.problems


def test_citation_to_a_chunk_missing_from_the_index_is_invalid():
    result = answer("Something the course never said. [1]", [cite("c-invented")])
    score = m.citation_validity(result, CHUNKS)
    assert score.value < 1.0
    assert "no such chunk" in score.problems[0]


def test_citation_to_a_chunk_not_retrieved_for_this_answer_is_invalid():
    result = answer("Models drift. [1]", [cite("c-drift")])
    score = m.citation_validity(result, CHUNKS, retrieved=["c-roi"])
    assert score.value < 1.0
    assert "not retrieved" in score.problems[0]


def test_marker_beyond_the_citation_list_is_invalid():
    result = answer("Models drift. [1] And more. [3]", [cite("c-drift")])
    score = m.citation_validity(result, CHUNKS)
    assert score.passed == 2 and score.total == 3
    assert "marker [3]" in score.problems[0]


@pytest.mark.parametrize(
    "bad",
    [
        cite("c-roi", quote="A quote the chunk does not contain."),
        cite("c-roi", section="Wrong section"),
    ],
)
def test_citation_whose_quote_or_section_does_not_match_its_chunk_is_invalid(bad):
    assert m.citation_validity(answer("ROI. [1]", [bad]), CHUNKS).value < 1.0


def test_citation_validity_does_not_apply_without_references():
    assert m.citation_validity(answer("Plain answer."), CHUNKS).value is None


# --- citation support -------------------------------------------------------------------------


def test_sentence_copied_from_its_cited_chunk_is_supported(checker):
    result = answer(
        "Models can experience model drift where their performance degrades over time as data "
        "patterns change. [1]",
        [cite("c-drift")],
    )
    assert m.citation_support(result, CHUNKS, checker).value == 1.0


def test_sentence_attached_to_the_wrong_chunk_is_not_supported(checker):
    result = answer(
        "Models can experience model drift where their performance degrades over time as data "
        "patterns change. [1]",
        [cite("c-roi")],
    )
    score = m.citation_support(result, CHUNKS, checker)
    assert score.value == 0.0 and score.problems


# --- faithfulness -----------------------------------------------------------------------------


def test_faithfulness_reads_the_engines_grounding_and_ignores_non_claims():
    grounding = Grounding(
        score=0.5,
        sentences=[
            # The flag, not the reason text, says what is not a claim.
            SentenceGrounding(text="ROI", supported=True, claim=False, score=1.0),
            SentenceGrounding(text="Supported claim.", supported=True),
            SentenceGrounding(
                text="Invented claim.", supported=False, reason="words not in the sources: x"
            ),
        ],
    )
    score = m.faithfulness(answer("# ROI\nSupported claim. Invented claim.", grounding=grounding))
    assert (score.value, score.passed, score.total) == (0.5, 1, 2)
    assert "Invented claim." in score.problems[0]


def test_faithfulness_does_not_apply_to_refusals():
    assert m.faithfulness(answer("Sorry, out of scope.", refused=True)).value is None


def test_pasted_answer_fully_grounded_in_its_citation_scores_one(checker):
    result = answer(
        "Models can experience model drift where their performance degrades over time "
        "as data patterns change. [1]",
        [cite("c-drift")],
    )
    assert m.faithfulness(result, checker, CHUNKS).value == 1.0


def test_pasted_answer_with_an_invented_claim_scores_under_one(checker):
    result = answer(
        "Models can experience model drift where their performance degrades over time "
        "as data patterns change. [1] Drift is always caused by cosmic rays hitting "
        "the warehouse servers. [1]",
        [cite("c-drift")],
    )
    score = m.faithfulness(result, checker, CHUNKS)
    assert score.value == 0.5
    assert "cosmic rays" in score.problems[0]


# --- numeric fidelity -------------------------------------------------------------------------


def test_numbers_from_tools_user_and_cited_passage_are_faithful():
    result = answer(
        "**ROI**\n\n1. ROI = ($50,000 − $20,000) / $20,000 × 100 = 150%. The net return is $30,000.\n"
        "2. The course formula multiplies by 100%. [1] Quick wins take 3-6 months. [2]\n\n"
        "See Lesson 6.2.",
        [cite("c-roi"), cite("c-drift")],
        [ROI_CALL],
        question="My tool gains $50,000 and costs $20,000: ROI?",
    )
    score = m.numeric_fidelity(result, CHUNKS)
    assert score.value == 1.0, score.problems
    # 50000 20000 20000 100 150 30000 | 100 | 3 6; not the list numbers, markers or "Lesson 6.2".
    assert score.total == 9


def test_swapped_number_fails_numeric_fidelity():
    result = answer("ROI = 160%. The net return is $30,000.", tools=[ROI_CALL])
    score = m.numeric_fidelity(result, CHUNKS)
    assert score.value == 0.5
    assert score.problems == ["160 is in no tool result, user figure or cited passage"]


def test_tool_numbers_may_be_rounded_or_shown_as_percentages():
    call = ToolCallRecord(
        name="ab_test", args={}, result={"lift_pct": 33.33333, "control_rate": 0.02}
    )
    result = answer("The lift is 33.3% on a control rate of 2%.", tools=[call])
    assert m.numeric_fidelity(result, CHUNKS).value == 1.0


def test_figure_only_in_an_uncited_passage_is_not_faithful():
    result = answer("Quick wins take 3-6 months.", citations=[cite("c-roi")])
    assert m.numeric_fidelity(result, CHUNKS).value == 0.0


def test_numeric_fidelity_does_not_apply_without_numbers():
    assert (
        m.numeric_fidelity(answer("Track conversion rate. [1]", [cite("c-roi")]), CHUNKS).value
        is None
    )


PAYBACK_CALL = ToolCallRecord(
    name="payback_period", args={"upfront_cost": 40000, "monthly_benefit": 5000},
    result={"payback_months": 8.0, "payback_years": 0.67})


@pytest.mark.parametrize(("text", "value", "tolerance", "expected"), [
    ("The ROI is about 150%.", 150, 0, True),  # next to the result field's name
    ("The ROI is about 150%.", 149.6, 0.5, True),
    ("The ROI is about 150%.", 160, 5, False),
    ("The ROI is about 150%.", 30000, 0, False),  # in the tool result only, never stated
    ("(50,000 - 20,000) / 20,000 x 100 = 150%.", 150, 0, True),  # next to the call's inputs
    ("A gain of $50,000 is worth it. Expect 150 happy users.", 150, 0, False),  # no backing
    ("", 150, 0, False),
], ids=["label", "tolerance", "other-value", "tool-only", "inputs", "unbacked", "empty"])
def test_number_matches_a_figure_the_answer_states_as_the_tools(text, value, tolerance,
                                                                 expected):
    assert m.number_matches(answer(text, tools=[ROI_CALL]), value, tolerance) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The payback period is 8 months.", True),
    ("$40,000 / $5,000 per month = 8 months.", True),
    ("Quick wins take 8 weeks; plan for them.", False),  # a course figure, not the payback
    ("The course lists 8 KPIs. It pays back in under a year.", False),
    ("Pilots run for 8 months before scaling.", False),  # a unit word alone is no backing
])
def test_a_small_target_does_not_match_an_unrelated_figure(text, expected):
    assert m.number_matches(answer(text, tools=[PAYBACK_CALL]), 8, 0.01) is expected


# --- relevance, recall, refusal ---------------------------------------------------------------


def test_retrieval_recall_counts_expected_sections_found_in_the_top_k():
    score = m.retrieval_recall(["Calculating ROI", "Feedback Loop"], ["roi", "human oversight"])
    assert (score.value, score.problems) == (
        0.5,
        ["'human oversight' not among the retrieved sections"],
    )
    assert m.retrieval_recall(["x"], []).value is None


def test_section_precision_is_the_share_of_citations_from_expected_sections():
    result = answer("a [1] b [2]", [cite("c-roi"), cite("c-drift")])
    assert m.section_precision(result, ["ROI"]).value == 0.5
    assert m.section_precision(result, []).value is None


def test_context_relevance_is_the_mean_cosine_of_cited_passages_to_the_question():
    vectors = {"q": [1.0, 0.0], ROI_TEXT: [1.0, 0.0], DRIFT_TEXT: [0.0, 1.0]}

    def embed(texts):
        return np.array([vectors["q"] if t.startswith("What") else vectors[t] for t in texts])

    result = answer("a [1] b [2]", [cite("c-roi"), cite("c-drift")])
    assert m.context_relevance(result, CHUNKS, embed).value == 0.5
    # Stored index vectors are used when given; only the rest is embedded.
    assert m.context_relevance(result, CHUNKS, embed, {"c-drift": [1.0, 0.0]}).value == 1.0


FIGURES_Q = "It cost $20,000 for 3 stores and made $50,000 in profit. ROI?"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("What I read:\n- $20,000 → cost\n- 3 → not used\n- $50,000 → gain\nROI = 150%.", 1.0),
        ("What I read:\n- $20,000 → cost\n- $50,000 → gain\nROI = 150%.", 2 / 3),  # "3" left out
    ],
)
def test_figure_accounting_is_the_share_of_question_figures_listed(text, value):
    score = m.figure_accounting(answer(text, tools=[ROI_CALL], question=FIGURES_Q))
    assert score.value == pytest.approx(value)


def test_figure_accounting_applies_only_to_calculated_answers_with_figures():
    assert m.figure_accounting(answer("x", question=FIGURES_Q)).value is None  # no calculator ran
    assert m.figure_accounting(answer("x", tools=[ROI_CALL], question="What is ROI?")).value is None


@pytest.mark.parametrize(
    ("refused", "should", "value"),
    [(True, True, 1.0), (False, False, 1.0), (True, False, 0.0), (False, True, 0.0)],
)
def test_refusal_is_correct_only_when_it_matches_the_expectation(refused, should, value):
    assert m.refusal_correct(answer("x", refused=refused), should).value == value


# --- assertions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assertion", "passes"),
    [
        ({"cites_section": "calculating roi"}, True),
        ({"cites_section": "Human Oversight"}, False),
        ({"contains_any": ["net RETURN", "nothing"]}, True),
        ({"contains_any": ["payback"]}, False),
        ({"not_contains": "jane@example.com"}, True),
        ({"not_contains": ["30,000"]}, False),
        ({"number": {"value": 150}}, True),
        ({"number": 30000}, True),
        ({"number": {"value": 160, "tolerance": 5}}, False),
        ({"refuses": False}, True),
        ({"refuses": True}, False),
        ({"uses_tool": "roi"}, True),
        ({"uses_tool": "tco"}, False),
        ({"min_faithfulness": 0.9}, True),
    ],
)
def test_each_assertion_kind_checks_what_it_says(assertion, passes):
    result = answer("ROI = 150%. The net return is $30,000. [1]", [cite("c-roi")], [ROI_CALL])
    scores = {"faithfulness": m.Score(value=1.0)}
    assert evaluate_assertion(Assertion.model_validate(assertion), result, scores).passed is passes


def test_not_contains_also_looks_at_the_recorded_question_and_tool_calls():
    result = answer(
        "Fine.",
        question="mail me at jane@example.com",
        tools=[ToolCallRecord(name="roi", args={"note": "card 4111"}, result={})],
    )
    outcome = evaluate_assertion(Assertion(not_contains=["jane@example.com"]), result, {})
    assert not outcome.passed and "recorded question" in outcome.detail
    assert not evaluate_assertion(Assertion(not_contains=["card 4111"]), result, {}).passed
