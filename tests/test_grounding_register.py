"""Issue 24, stop 35: the ways people restate a course in their own register.

A source denies without a "not" ("avoid", "prevent", "by failing to", "rather than", "instead
of"): a claim with a plain "no" / "not" says the same. "Not yet" restates "still" (a process
under way). A word the source both denies and asserts is no polarity a claim flips. Each rule
has its guard: the same kind of wording that reverses the source is still caught.
"""

from __future__ import annotations

import pytest

from assistant.grounding import Evidence, GroundingChecker
from assistant.grounding import detectors as det
from assistant.grounding.evidence import prepare
from assistant.grounding.lexicon import terms


def _sentences(text: str):
    return prepare("passage", "", text).sentences


def _negation(claim: str, source: str):
    return det.negation(claim, set(terms(claim)), _sentences(source))


# --- a source that denies without "not" --------------------------------------------------------

PRIVATIVE = [
    (
        "Keeping every recipe card in one shared binder helps avoid duplicate orders and lets "
        "the kitchen adapt its menu more easily.",
        "One shared binder of recipe cards means no duplicate orders.",
    ),
    (
        "Many rollouts stall by failing to train the night shift before the new rota starts.",
        "Rollouts stall when the night shift isn't trained before the new rota starts.",
    ),
    (
        "Warm-up routines should be short and varied rather than long and repetitive.",
        "Warm-up routines should be short and varied, not long and repetitive.",
    ),
    (
        "Labels go on the lid of each jar instead of on its side.",
        "Labels go on each jar's lid, not on its side.",
    ),
]


@pytest.mark.parametrize(("source", "claim"), PRIVATIVE)
def test_a_plain_negation_restates_a_source_that_denies_without_not(source, claim):
    assert _negation(claim, source) is None


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        (
            PRIVATIVE[0][0],
            "One shared binder of recipe cards leads to duplicate orders.",
        ),
        (
            "Warm-up routines should be short and varied rather than long and repetitive.",
            "Warm-up routines should be long and repetitive.",
        ),
    ],
)
def test_a_claim_that_asserts_what_the_source_avoids_is_a_negation(source, claim):
    assert _negation(claim, source) is not None


def test_not_yet_restates_still_under_way_but_not_a_plain_denial():
    source = ("Treat drone delivery as a pilot for now, as reliable hardware and clear rules are "
              "still emerging.")
    assert _negation("Drone delivery is a pilot because the hardware isn't reliable yet.",
                     source) is None
    # guard: without "yet" it denies what the source asserts
    assert _negation("Drone delivery is a pilot because the hardware isn't reliable.",
                     source) is not None


def test_a_word_the_source_both_denies_and_asserts_is_no_flip():
    source = ('"Patchy rotas", where shifts are not coordinated, tire the staff; this is '
              "fixed by drawing up coordinated rotas from the first week.")
    assert _negation("The fix for tired staff is to draw up coordinated rotas from week one.",
                     source) is None
    # guard: the source denies it and never asserts it
    denied = "Patchy rotas, where shifts are not coordinated, tire the staff."
    assert _negation("Patchy rotas have coordinated shifts and tire the staff.", denied) is not None


# --- who says it, and the speaker's filler ------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "gone"),
    [
        ("The chapter argues that seedlings need a cold frame in March.", "argu"),
        ("The guide gives, as an example, a bench of oak planks.", "give"),
        ("The handbook lists, among other things, the fire exits.", ""),  # no source noun it knows
        ("And don't forget the kettle needs descaling.", "forget"),
        ("Basically the kettle needs descaling, that's really it.", "basical"),
    ],
)
def test_the_words_that_attribute_or_fill_are_no_terms_of_the_claim(claim, gone):
    from assistant.grounding.claims import claim_terms

    if gone:
        assert gone not in claim_terms(claim)
    else:  # guard: an unknown source noun leaves its verb as content
        assert "list" in claim_terms(claim)


@pytest.mark.parametrize(
    "claim",
    ["Managers give staff feedback every week.", "They give customers a voucher.",
     "Shops list their prices clearly."],
)
def test_a_reporting_verb_without_a_source_is_content(claim):
    from assistant.grounding.claims import claim_terms

    assert {"give", "list"} & set(claim_terms(claim))


def test_a_negation_after_a_reminder_is_still_read():
    """ "Don't forget" negates nothing; the claim's own "not" still does."""
    source = "Descale the kettle every month so that limescale does not build up."
    assert _negation("Don't forget to descale the kettle every month so limescale doesn't build up.",
                     source) is None
    assert _negation("Don't forget: descaling the kettle every month lets limescale build up.",
                     source) is not None


SEEDS = Evidence(
    id="seeds",
    text="Seedlings raised indoors should be hardened off for seven to ten days before they are "
    "planted out, so that wind and direct sun do not shock them.",
)


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


def test_an_attributed_paraphrase_is_judged_by_what_it_attributes(checker):
    kept = checker.check(
        "The chapter argues that seedlings raised indoors should basically be hardened off for "
        "seven to ten days before planting out.", [SEEDS]).claims[0]
    assert kept.supported, kept.reason
    # guard: a false attribution ("the chapter argues" a figure it does not give) is caught
    wrong = checker.check(
        "The chapter argues that seedlings raised indoors should basically be hardened off for "
        "three weeks before planting out.", [SEEDS]).claims[0]
    assert not wrong.supported


# --- slide shorthand ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "words"),
    [
        ("Hardening off (7-10 days) → fewer shocked seedlings + sturdier stems", {"and"}),
        ("Trays w/ drainage holes, 2-3 wks", {"with", "weeks"}),
        ("Pots w/o holes → root rot", {"without"}),
        ("Repot every 1-2 yrs, approx. in spring", {"years", "approximately"}),
    ],
)
def test_slide_shorthand_reads_as_the_words_it_stands_for(note, words):
    from assistant.grounding.lexicon import raw_words

    assert words <= set(raw_words(note))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Margin = price - unit cost + shipping", "plus"),  # a formula keeps its operator
        ("Total cost + 5% buffer", "plus"),  # a figure beside the "+"
        ("HR signs off on the rota", "hr"),  # capitals are a name, not "hours"
        ("Mo Farah ran the race", "mo"),
    ],
)
def test_shorthand_leaves_formulas_and_names_alone(text, kept):
    from assistant.grounding.lexicon import raw_words

    assert kept in raw_words(text)


def test_a_slide_bullet_of_the_source_is_supported_and_an_added_member_is_not(checker):
    source = Evidence(
        id="pots",
        text="Good seed trays have drainage holes, a rigid base and a clear lid. Seedlings in "
        "trays without drainage holes often develop root rot within two to three weeks.",
    )
    note = checker.check("Seed trays w/o drainage holes → root rot in 2-3 wks", [source]).claims[0]
    assert note.supported, note.reason
    # guard: a member that shares one word with the list but is not in it
    added = checker.check(
        "Good seed trays: drainage holes, a rigid base, a clear lid, a heated mat under the base.",
        [source]).claims[0]
    assert not added.supported and added.kind == "invented", added.reason


# --- crossed pairings where a third clause shares a word ----------------------------------------

AREAS = (
    "Cleaning differs by area: a deep clean for kitchens or bathrooms, a quick tidy for shared "
    "employee desks, and a weekly vacuum for staff."
)


def test_a_crossed_pairing_is_found_when_a_third_clause_shares_a_word():
    """ "employee" and "staff" fold to one term, so the last clause has no word of its own on
    its said side; the clauses are still told apart pairwise."""
    from assistant.grounding.evidence import prepare

    sentences = prepare("passage", "", AREAS).sentences
    crossed = ("For the staff you want a deep clean, while kitchens and bathrooms just get a "
               "weekly vacuum.")
    assert det.crossed(crossed, sentences) is not None
    # guards: the source's own pairings, in other words, cross nothing
    for kept in ("Kitchens and bathrooms get a deep clean.",
                 "The staff get a weekly vacuum, shared desks a quick tidy."):
        assert det.crossed(kept, sentences) is None, kept


# --- what two sentences say, exchanged ----------------------------------------------------------

TWO = (
    "Seedlings raised indoors need hardening off for a week and stay small in the first month. "
    "Bare-root shrubs are planted in late autumn and establish deep roots over two winters."
)


def test_two_clauses_that_exchange_what_two_sentences_say_are_a_swap():
    from assistant.grounding.evidence import prepare

    sentences = prepare("passage", "", TWO).sentences
    swapped = ("Seedlings raised indoors establish deep roots over winters, while bare-root "
               "shrubs need hardening off for a week.")
    assert det.swapped_sayings(swapped, sentences) is not None
    # guards: joining the two sentences, each clause with its own, is no swap
    joined = ("Seedlings raised indoors need a week of hardening off, while bare-root shrubs "
              "go in late autumn and root deeply over two winters.")
    assert det.swapped_sayings(joined, sentences) is None
    assert det.swapped_sayings("Seedlings need hardening off for a week.", sentences) is None
