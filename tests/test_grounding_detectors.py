"""Specifications of the grounding checker's targeted detectors and its paraphrase support.

Each error case states one near miss of a source sentence (same words, one thing wrong) and
checks the verdict names the detector's kind and the source sentence; each would pass as
"supported" without its detector. The paraphrase cases are the other side: other words, same
meaning, supported.
"""

from __future__ import annotations

import pytest

from assistant.grounding import Evidence, GroundingChecker
from assistant.grounding import detectors as det
from assistant.grounding.evidence import prepare
from assistant.grounding.lexicon import terms

PITCH = Evidence(
    id="pitch",
    text=(
        "Communication should be tailored: financial projections and ROI analyses for CFOs, "
        "operational efficiencies and process improvements for COOs, and market advantages or "
        "customer engagement metrics for CMOs."
    ),
)
DRIFT = Evidence(
    id="drift",
    text=(
        'AI is not a "set it and forget it" technology. Models can experience "model drift" '
        "where their performance degrades over time as data patterns change."
    ),
)
ROADMAP = Evidence(
    id="roadmap",
    text=(
        "Short-term wins, achievable in 3-6 months, build momentum, demonstrate value, and secure "
        "ongoing support. Long-term strategic bets are more transformative projects that may "
        "require significant investment and time (1-3 years) but promise substantial "
        "competitive advantage."
    ),
)
INDICATORS = Evidence(
    id="row",
    text=(
        "AI Application: AI Chatbot (Support)\n"
        "Leading Indicators (Early signs of effectiveness): Chat Completion Rate, "
        "User CSAT with Bot\n"
        "Lagging Indicators (Ultimate business impact): Reduced Support Tickets, Lower Cost per "
        "Interaction"
    ),
)
FORMULA = Evidence(
    id="roi",
    text=(
        "The basic ROI formula is: (Net Profit from AI - Cost of AI Investment) / Cost of AI "
        "Investment * 100%."
    ),
)


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


def verdict(checker, claim, evidence):
    return checker.check(claim, [evidence]).sentences[0]


# --- each error kind is caught, named, and tied to the sentence it conflicts with -----------


@pytest.mark.parametrize(
    ("claim", "evidence", "kind", "words"),
    [
        ("For CFOs, the pitch should stress market advantages and customer engagement metrics.",
         PITCH, "swap", ["cfos", "cmos"]),
        ("Chat completion rate is a lagging indicator for a support chatbot.",
         INDICATORS, "swap", ["lagging", "leading"]),
        ("Models can experience model drift where their performance improves over time as data "
         "patterns change.", DRIFT, "negation", ["improves", "degrades"]),
        ('AI is a "set it and forget it" technology.', DRIFT, "negation", []),
        ("Short-term wins, achievable in 3-6 months, always secure ongoing support.",
         ROADMAP, "overclaim", ["always"]),
        ("Short-term wins build momentum, demonstrate value, secure ongoing support and "
         "raise the share price.", ROADMAP, "invented", ["share price"]),
    ],
)
def test_a_near_miss_is_unsupported_with_its_kind_and_source_sentence(
    checker, claim, evidence, kind, words
):
    v = verdict(checker, claim, evidence)
    assert not v.supported
    assert v.kind == kind, v.reason
    assert v.reason.startswith({"invented": "invented list member"}.get(kind, kind))
    assert "«" in v.reason  # the source sentence it conflicts with
    for word in words:
        assert word in v.reason.lower()


@pytest.mark.parametrize(
    ("claim", "exact"),
    [
        ('AI is a "set it and forget it" technology.', True),  # the source's words, "not" dropped
        ("Models can experience model drift where their performance improves over time as data "
         "patterns change.", False),  # opposite words: a judgement, not an exact fact
        ("AI cannot simply be set up and forgotten.", False),  # both sides negate: a paraphrase
    ],
)
def test_only_a_polarity_flip_of_the_sources_own_words_is_an_exact_negation(
    embedder, claim, exact
):
    from assistant.grounding.types import Thresholds

    never = GroundingChecker(embedder=embedder, thresholds=Thresholds(decision=1.0))
    v = verdict(never, claim, DRIFT)  # the model never flags: only a hard fact can
    assert v.supported is not exact, v.reason
    if exact:
        assert v.kind == "negation" and "«" in v.reason


def test_a_number_error_names_the_number_and_the_closest_source_sentence(checker):
    v = verdict(checker, "Short-term wins are achievable in 6-9 months.", ROADMAP)
    assert v.kind == "number" and v.numbers_missing == [9]
    assert "number 9 not in any source" in v.reason and "Short-term wins" in v.reason


# --- paraphrase is support ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("For CFOs, the pitch should stress financial projections and ROI analyses.", PITCH),
        ("Chat completion rate is an early sign that a support chatbot works.", INDICATORS),
        ("A model's performance can get worse over time as data patterns shift.", DRIFT),
        ("Quick wins can be reached in three to six months and they build momentum.", ROADMAP),
        ("ROI is net profit from AI minus the cost of the AI investment, divided by that cost, "
         "times 100%.", FORMULA),
    ],
)
def test_a_faithful_paraphrase_is_supported(checker, claim, evidence):
    v = verdict(checker, claim, evidence)
    assert v.supported, v.reason


def test_a_claim_may_draw_on_two_adjacent_sentences(checker):
    claim = "Short-term wins build momentum, while long-term bets promise competitive advantage."
    v = verdict(checker, claim, ROADMAP)
    assert v.supported, v.reason
    assert "Short-term wins" in v.evidence and "Long-term" in v.evidence


def test_formula_words_and_symbols_are_the_same_terms():
    assert "minus" in terms("(Net Profit - Cost) / Cost * 100%")
    assert set(terms("net profit minus cost divided by cost times 100%")) == set(
        terms("(Net Profit - Cost) / Cost * 100%")
    )


# --- the detectors on their own -------------------------------------------------------------


def _sentences(evidence: Evidence):
    return prepare(evidence.kind, "", evidence.text).sentences


def test_swap_detector_sees_the_pairing_not_the_words():
    sentences = _sentences(PITCH)
    assert det.swap("Financial projections and ROI analyses suit CMOs.", sentences)
    assert det.swap("Financial projections and ROI analyses suit CFOs.", sentences) is None


def test_negation_detector_sees_negation_and_opposites():
    sentences = _sentences(DRIFT)
    claim = "Models never experience model drift as data patterns change."
    assert det.negation(claim, set(terms(claim)), sentences)
    claim = "Performance improves over time as data patterns change."
    assert det.negation(claim, set(terms(claim)), sentences)
    claim = "Performance degrades over time as data patterns change."
    assert det.negation(claim, set(terms(claim)), sentences) is None


def test_overclaim_detector_counts_only_absolutes_the_source_lacks():
    source = ROADMAP.text
    assert det.overclaim("Short-term wins only build momentum.", source)[0] == 1
    assert det.overclaim("Short-term wins build momentum.", source)[0] == 0
    assert det.overclaim("AI was used solely for FAQs.", "AI was used only for FAQs.")[0] == 0


@pytest.mark.parametrize(
    ("claim", "count"),
    [
        ("Staff approve each refund before any payment is sent.", 0),  # a condition's "any"
        ("Refunds go out without any manual review.", 0),
        ("If any payment fails, staff retry it.", 0),
        ("Staff approve any refund.", 1),  # an assertion about all refunds
    ],
)
def test_an_any_of_a_condition_or_negation_is_no_overclaim(claim, count):
    source = "Staff approve refunds before payments are sent; failed payments are retried."
    assert det.overclaim(claim, source)[0] == count


def test_invented_detector_names_the_member_no_source_gives():
    pool = frozenset(prepare("passage", "", ROADMAP.text).terms)
    finding = det.invented(
        "Wins build momentum, demonstrate value, secure support and cut headcount.",
        pool, frozenset(), None,
    )
    assert finding and "cut headcount" in finding.detail
    assert det.invented(
        "Wins build momentum, demonstrate value and secure support.", pool, frozenset(), None
    ) is None


# --- stop 31: pairings crossed, idioms that claim no absolute, "not just" -------------------

AUDIENCES = Evidence(
    id="audiences",
    text="Different levels of transparency suit different audiences: detailed explanations for "
    "regulators or audit teams, functional explanations for business users, and high-level "
    "transparency for customers.",
)
PRACTICES = Evidence(
    id="practices",
    text="This includes data minimization (collecting only necessary data), purpose limitation "
    "(using data only for specified, legitimate purposes), and secure storage.",
)


@pytest.mark.parametrize(
    ("claim", "evidence", "crossed"),
    [
        ("Detailed explanations suit business users, and functional ones suit regulators.",
         AUDIENCES, True),
        ("Detailed explanations suit regulators and audit teams.", AUDIENCES, False),
        ("Data minimization means using data only for specified purposes.", PRACTICES, True),
        ("Data minimization means collecting only the data you need.", PRACTICES, False),
        ("Practices include data minimization and purpose limitation.", PRACTICES, False),
    ],
)
def test_crossed_detector_sees_a_thing_given_what_a_parallel_clause_says(claim, evidence, crossed):
    finding = det.crossed(claim, _sentences(evidence))
    assert bool(finding) == crossed, finding


@pytest.mark.parametrize(
    ("claim", "count"),
    [
        ("Teams meet every month or every three months.", 0),  # a frequency
        ("Impact assessments matter above all for high-risk projects.", 0),  # "especially"
        ("Count staff time, not only the fees.", 0),  # "not only" adds
        ("Teams meet every time a model ships.", 1),
        ("All projects need an impact assessment.", 1),
        ("Count only the fees.", 1),
    ],
)
def test_frequencies_and_idioms_are_no_absolutes(claim, count):
    source = "Teams meet monthly; impact assessments are needed for high-risk projects; fees count."
    assert det.overclaim(claim, source)[0] == count


def test_not_just_adds_to_what_it_names_rather_than_negating_it():
    sentences = _sentences(Evidence(id="tco", text="Total cost includes fees and staff time."))
    claim = "Total cost includes staff time, not just fees."
    assert det.negation(claim, set(terms(claim)), sentences) is None
    claim = "Total cost does not include staff time."
    assert det.negation(claim, set(terms(claim)), sentences)


def test_a_spaced_dash_in_prose_is_no_minus_but_a_formula_minus_is():
    assert "minus" not in terms("It must be reviewed \u2013 for example, annually.")
    assert "minus" in terms("(Profit - Cost) / Cost")


# A negation that follows a word at once reverses it ("often not useful" = "rarely useful"), and a
# negative adverb negates: a paraphrase of the reversed word is no opposite; the flip still is.
@pytest.mark.parametrize(
    ("claim", "source", "negation"),
    [
        ("Shoppers rarely find detailed model reports useful.",
         "Detailed model reports are often not useful for shoppers.", False),
        ("Shoppers seldom find detailed model reports useful.",
         "Detailed model reports are often not useful for shoppers.", False),
        ("Shoppers often find detailed model reports useful.",
         "Detailed model reports are often not useful for shoppers.", True),
        ("Shoppers rarely find detailed model reports useful.",
         "Detailed model reports are often useful for shoppers.", True),
    ],
)
def test_a_word_a_negation_follows_is_reversed_by_it(claim, source, negation):
    sentences = prepare("passage", "", source).sentences
    assert (det.negation(claim, set(terms(claim)), sentences) is not None) == negation


@pytest.mark.parametrize(
    ("claim", "source", "count"),
    [
        ("Vanity metrics never turn into real results.",
         "Vanity metrics look good but don't translate to real results.", 0),
        ("Vanity metrics never turn into real results.",
         "Vanity metrics often don't translate to real results.", 1),  # hedged: never says more
        ("Vanity metrics never turn into real results.",
         "Vanity metrics look good and translate to real results.", 1),
        ("Vanity metrics always look good and never pay off.",
         "Vanity metrics look good but don't translate to real results.", 1),  # "always" stays
    ],
)
def test_never_says_no_more_than_a_plain_negation(claim, source, count):
    assert det.overclaim(claim, source)[0] == count
