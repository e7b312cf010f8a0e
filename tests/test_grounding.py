"""Specifications of the grounding checker (assistant/grounding.py) and its text helpers."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.grounding import (
    Evidence,
    GroundingChecker,
    Thresholds,
    evidence_units,
    expected_answer_type,
)
from assistant.text import extract_numbers, segments, split_sentences, strip_markdown

ROADMAP = Evidence(
    id="6.1-roadmap",
    kind="passage",
    text=(
        "Creating an AI roadmap with short-term wins and long-term strategic bets is essential. "
        "Short-term wins, achievable in 3-6 months, build momentum, demonstrate value, and secure "
        "ongoing support. Long-term strategic bets are more transformative projects that may "
        "require significant investment and time (1-3 years) but promise substantial "
        "competitive advantage."
    ),
)
DRIFT = Evidence(
    id="6.3-drift",
    kind="passage",
    text=(
        'AI is not a "set it and forget it" technology. Models can experience "model drift" where '
        "their performance degrades over time as data patterns change."
    ),
)
CASE = Evidence(
    id="6.2-case",
    kind="passage",
    text=(
        "GadgetGo's marketing manager presented the ROI of their AI personalization engine to the "
        "board. By personalizing product recommendations, we've seen a 12% increase in AOV for "
        "customers interacting with these recommendations."
    ),
)
COURSE = [ROADMAP, DRIFT, CASE]


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


def verdicts(report) -> list[tuple[str, bool]]:
    return [(s.text, s.supported) for s in report.sentences if s.claim]


# --- whole answers ---------------------------------------------------------------------------


def test_a_fully_grounded_extractive_answer_scores_one(checker):
    answer = """### Roadmap

**Short-term wins**, achievable in 3-6 months, build momentum and secure ongoing support [1].
Long-term strategic bets may require significant investment and time (1-3 years) [1].

- AI is not a "set it and forget it" technology [2].
- Models can experience model drift where their performance degrades over time [2].

Sources:
[1] Lesson 6.1 — Prioritizing AI Projects
[2] Lesson 6.3 — Feedback loops
"""
    report = checker.check(answer, COURSE)
    assert report.score == 1.0, [s for s in report.sentences if not s.supported]
    assert report.unsupported == []
    assert sum(s.claim for s in report.sentences) == 4
    assert report.sentences[1].sources == ["6.1-roadmap"]


def test_a_swapped_number_is_unsupported_and_says_which_number(checker):
    report = checker.check("Short-term wins are achievable in 6-12 months.", COURSE)
    assert report.score == 0.0
    sentence = report.sentences[0]
    assert not sentence.supported
    assert "number 12 not in any source" in sentence.reason
    assert sentence.numbers == [6, 12] and sentence.numbers_missing == [12]


def test_a_number_from_another_sentence_of_the_passage_is_still_checked_by_value(checker):
    # 12 occurs in the case study, not in the roadmap passage the sentence is attributed to.
    report = checker.check("Short-term wins are achievable in 3-12 months.", COURSE)
    assert report.unsupported == ["Short-term wins are achievable in 3-12 months."]


@pytest.mark.parametrize(
    "sentence",
    [
        'AI is a "set it and forget it" technology.',  # negation dropped
        "Models never experience model drift as data patterns change.",  # negation added
    ],
)
def test_a_flipped_negation_is_unsupported(checker, sentence):
    report = checker.check(sentence, COURSE)
    assert not report.sentences[0].supported
    assert report.sentences[0].kind == "negation"
    assert report.sentences[0].reason.startswith("negation: ")


def test_a_kept_negation_is_supported(checker):
    assert checker.check('AI is not a "set it and forget it" technology.', COURSE).score == 1.0


def test_a_swapped_name_is_unsupported(checker):
    report = checker.check(
        "ShopSmart saw a 12% increase in AOV from personalized recommendations.", COURSE
    )
    assert "'ShopSmart' not in the sources" in report.sentences[0].reason


def test_an_invented_claim_is_unsupported_and_names_the_missing_words(checker):
    report = checker.check("Short-term wins eliminate the need for executive sponsorship.", COURSE)
    assert not report.sentences[0].supported
    assert "eliminat" in report.sentences[0].reason


def test_words_scattered_over_two_sentences_do_not_support_a_claim(checker):
    context = Evidence(
        id="ctx",
        text="The film stars Jackie Chan and Owen Wilson. "
        "Wilson is known for voicing Lightning McQueen.",
    )
    report = checker.check("Jackie Chan voiced Lightning McQueen.", [context])
    assert not report.sentences[0].supported
    # The reason names the conflict: the claim gives Jackie Chan what the source says of Wilson.
    reason = report.sentences[0].reason
    assert reason.startswith("swap:") and "wilson" in reason.lower(), reason
    assert (
        checker.check("Owen Wilson is known for voicing Lightning McQueen.", [context]).score == 1.0
    )


def test_tool_result_numbers_are_accepted_rounded_or_as_percentages(checker):
    tool = Evidence(
        id="tool:roi:0",
        kind="tool",
        text=json.dumps({"roi": 0.2537, "net_profit": 12345.678, "payback_months": 7}),
    )
    answer = "Your ROI is 25.37%, a net profit of $12,345.68, and the payback is 7 months."
    report = checker.check(answer, [tool, ROADMAP])
    assert report.score == 1.0, report.sentences
    assert report.sentences[0].sources == ["tool:roi:0"]
    wrong = checker.check("Your ROI is 31%.", [tool, ROADMAP])
    assert wrong.sentences[0].numbers_missing == [31]


def test_a_plain_text_tool_result_with_snake_case_keys_supports_plain_words(checker):
    tool = Evidence(id="tool:tco:0", kind="tool", text="TCO over 3 years\ntotal_cost: 48000")
    assert checker.check("The total cost is $48,000 over 3 years.", [tool]).score == 1.0


def test_numbers_the_user_gave_are_accepted(checker):
    user = Evidence(id="user", kind="user", text="My store's AOV is $48 and I want quick AI wins.")
    report = checker.check(
        "With an AOV of $48, short-term wins are achievable in 3-6 months.", [ROADMAP, user]
    )
    assert report.score == 1.0, report.sentences


def test_a_claim_resting_mostly_on_the_users_words_is_unsupported(checker):
    user = Evidence(
        id="user", kind="user", text="I sell artisanal jams, honey and preserves online."
    )
    report = checker.check(
        "Artisanal jams, honey and preserves are short-term wins.", [ROADMAP, user]
    )
    assert "rests on the user's words" in report.sentences[0].reason


def test_citation_markers_and_markdown_are_stripped_before_checking(checker):
    answer = "**Short-term wins**, achievable in `3-6 months` [1][2, 3], build *momentum* [^4]."
    report = checker.check(answer, COURSE)
    assert report.sentences[0].text == "Short-term wins, achievable in 3-6 months, build momentum."
    assert report.score == 1.0
    assert report.sentences[0].numbers == [3, 6]  # the citation numbers are not claims


def test_structural_lines_are_not_claims(checker):
    answer = "### Calculated\n\nSources:\n[1] Lesson 6.1 — Prioritizing AI Projects\n\nIn short:\n"
    report = checker.check(answer, COURSE)
    assert [s.claim for s in report.sentences] == [False, False, False, False]
    assert report.score == 1.0 and report.unsupported == []


def test_no_evidence_leaves_every_claim_unsupported(checker):
    report = checker.check("Short-term wins take 3-6 months.", [])
    assert report.score == 0.0 and "no evidence" in report.sentences[0].reason


def test_the_question_drives_an_answer_type_check(checker):
    context = [
        Evidence(
            id="ctx", text="AutoZone is based in Memphis, Tennessee. The company sells car parts."
        )
    ]
    question = "In what city is AutoZone based?"
    assert checker.check("Memphis", context, question=question).score == 1.0
    report = checker.check("The company sells car parts.", context, question=question)
    assert "asks for a name" in report.sentences[0].reason
    restated = checker.check("AutoZone is based.", context, question="What is AutoZone based in?")
    assert "only restates the question" in restated.sentences[0].reason
    when = checker.check(
        "The company sells car parts.", context, question="When was AutoZone founded?"
    )
    assert "asks for a number or date" in when.sentences[0].reason


def test_a_question_is_not_evidence(checker):
    context = [Evidence(id="ctx", text="Lydia Davis (born 1947) is an American writer.")]
    report = checker.check(
        "Lydia Davis was born in Paris.", context, question="Was Lydia Davis born in Paris?"
    )
    assert not report.sentences[0].supported


def test_check_many_matches_check(checker):
    from assistant.grounding import CheckRequest

    answers = ["Short-term wins are achievable in 3-6 months.", "Short-term wins take 9 months."]
    many = checker.check_many([CheckRequest(answer=a, evidence=COURSE) for a in answers])
    assert (
        [r.score for r in many] == [checker.check(a, COURSE).score for a in answers] == [1.0, 0.0]
    )


def test_evidence_units_are_the_windows_of_sentences_and_the_words_the_checker_embeds():
    from assistant.text import content_words

    n = len(split_sentences(ROADMAP.text))
    words = list(dict.fromkeys(w.lower() for w in content_words(ROADMAP.text)))
    assert evidence_units(ROADMAP, window=1) == split_sentences(ROADMAP.text) + words
    assert len(evidence_units(ROADMAP, window=2)) == 2 * n - 1 + len(words)
    # windows of 1, 2 and 3 sentences, then the passage's words (aligned with a claim's words)
    assert len(evidence_units(ROADMAP)) == 3 * n - 3 + len(words)
    assert evidence_units(Evidence(id="user", kind="user", text="My AOV is $48.")) == []


def test_the_decision_threshold_decides_between_support_and_not(embedder):
    loose = "Short-term wins build momentum and keep executives happy."
    error = 1 - GroundingChecker(embedder=embedder).check(loose, COURSE).sentences[0].score
    assert 0 < error < 1
    strict = GroundingChecker(embedder=embedder, thresholds=Thresholds(decision=error - 0.01))
    lenient = GroundingChecker(embedder=embedder, thresholds=Thresholds(decision=error + 0.01))
    assert strict.check(loose, COURSE).score == 0.0
    assert lenient.check(loose, COURSE).score == 1.0


# --- text helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Use RICE, e.g. for pilots. Then scale.", ["Use RICE, e.g. for pilots.", "Then scale."]),
        ("ROI rose 12.5% vs. last year. Good.", ["ROI rose 12.5% vs. last year.", "Good."]),
        (
            "H. Bruce Humberstone was born first. Dr. Smith agreed.",
            ["H. Bruce Humberstone was born first.", "Dr. Smith agreed."],
        ),
        ("The U.S. market grew. It slowed.", ["The U.S. market grew.", "It slowed."]),
        (
            "It ended in 1976.Lydia Davis was born later.",
            ["It ended in 1976.", "Lydia Davis was born later."],
        ),
        ("Visit Glew.io for dashboards.", ["Visit Glew.io for dashboards."]),
        ("## Heading\nBody text here.", ["Heading", "Body text here."]),
        (
            "- first item\n- second item. With two sentences.",
            ["first item", "second item.", "With two sentences."],
        ),
        ("1. Reach\n2) Impact", ["Reach", "Impact"]),
        ("A paragraph\nwrapped over lines.", ["A paragraph wrapped over lines."]),
        ("Text.\n```\ncode = 1\n```\nMore.", ["Text.", "More."]),
        ("| App | KPI |\n|---|---|\n| Chatbot | CSAT |", ["App, KPI", "Chatbot, CSAT"]),
        ("> Quoted claim.", ["Quoted claim."]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_segments_tag_structure():
    kinds = [s.kind for s in segments("# T\n\nClaim.\n\n- Item\n\nSources:\n- [1] Lesson 6.1\n")]
    assert kinds == ["heading", "text", "bullet", "label", "reference"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 15% uplift", [15]),
        ("costs $1,200 a month", [1200]),
        ("about 1.2k visits", [1200]),
        ("$3M budget and 1.7 billion views", [3e6, 1.7e9]),
        ("wins in 3-6 months", [3, 6]),
        ("bets take 1–3 years", [1, 3]),
        ("a change of -4.5%", [-4.5]),
        ("from 3 - 6 weeks", [3, 6]),
        ("ROI of 12.5%", [12.5]),
        ("1. First item costs $5", [5]),
        ("as shown [1] and [2, 3]", []),
        ("Lesson 6.2 says 40%", [40]),
        ("the 2014-15 season", [2014, 15]),
        ("5 m away", [5]),
        ("no numbers here", []),
    ],
)
def test_extract_numbers(text, expected):
    assert extract_numbers(text) == expected


def test_extract_numbers_reads_number_words_only_when_asked():
    assert extract_numbers("ten weeks and one day") == []
    assert extract_numbers("ten weeks and one day", words=True) == [10]  # "one" is too ambiguous


@given(st.integers(min_value=0, max_value=10**12))
def test_extract_numbers_reads_any_grouped_amount(value):
    assert extract_numbers(f"It costs ${value:,} in total.") == [value]


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_extract_numbers_reads_any_percentage(value):
    assert extract_numbers(f"Conversion rose {value}% this quarter.") == [float(value)]


def test_strip_markdown():
    assert (
        strip_markdown("**Bold** and `code` with [a link](http://x) [3]")
        == "Bold and code with a link"
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was the company founded?", "number"),
        ("How many stores does it have?", "number"),
        ("What was the 2011 population of the area?", "number"),
        ("Who directed the film?", "name"),
        ("750 7th Avenue is located in which city?", "name"),
        ("Mackenzie Davis appeared in a film directed by whom?", "name"),
        ("Who was born first, Heidegger or Davis?", "choice"),
        ("Are both of them writers?", "yesno"),
        ("A starlet who plays in what position?", "open"),
        ("What is the RICE framework?", "open"),
    ],
)
def test_expected_answer_type(question, expected):
    assert expected_answer_type(question) == expected
