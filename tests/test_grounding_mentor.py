"""Issue 24, stop 38: a mentor's advice, meeting minutes and glossary entries.

- A denial reaches to the end of its clause: an absolute in its reach says less, not more
  ("reviews won't tell you everything"), and an opposite word in its reach agrees with the
  source ("don't expect it to rise quickly" for "it takes longer to rise"). A clause opened by
  "when" / "if" with no comma to close it has no written end: its denial reaches one word. A
  word that denies its object ("avoided at any cost") is no denial of an absolute.
- A clause that opens with a condition ("Before you start to repaint any wall, ...") claims
  nothing about all cases with its "any".
- "A instead of B" where the source ranks A over B ("A is more engaging than B") is the
  comparison's side, no flipped polarity.
- A list that a word after the comma introduces ("X, alongside A, B and C") has A, B and C as
  members, not X's last words; "ops" is the shorthand of "operations".
- A source that tells of someone only as "they" / "she" named them before: one name in the
  claim may be whom the pronoun stands for, so it is no verdict (it stays an unknown term).
- Two parallel pairings joined by "and" ("gave X as an example of A and Y as an example of B")
  are judged apart, so each one crossed is caught.
Each rule has its guard: the same kind of wording that says something else is still caught.
"""

from __future__ import annotations

import pytest

from assistant.grounding import Evidence, GroundingChecker
from assistant.grounding import detectors as det
from assistant.grounding.evidence import denied_terms, prepare
from assistant.grounding.lexicon import terms


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


def _sentences(text: str):
    return prepare("passage", "x", text).sentences


# --- the reach of a denial ------------------------------------------------------------------------

REVIEWS = ("Star ratings give a quick signal, but written reviews add context that ratings alone "
           "might miss.")


def test_an_absolute_a_denial_reaches_says_less():
    claim = "Star ratings won't show you everything, so read what reviewers actually wrote."
    assert det.overclaim(claim, REVIEWS)[1] is None


def test_an_absolute_no_denial_reaches_is_still_stronger_than_the_source():
    claim = "Written reviews show you everything a rating misses."
    assert det.overclaim(claim, REVIEWS)[1] is not None
    # a comma ends the denial's reach: the absolute after it is asserted
    claim = "Ratings are not the whole picture, reviews show you everything."
    assert det.overclaim(claim, REVIEWS)[1] is not None


LOAVES = "Sourdough loaves take longer to rise, yet they develop a deeper flavour."


def test_an_opposite_word_inside_the_claims_denial_agrees_with_the_source():
    claim = "Don't expect a sourdough loaf to rise quickly; the flavour gets deeper instead."
    assert det.negation(claim, set(terms(claim)), _sentences(LOAVES)) is None
    assert "quick" in denied_terms("Don't expect a sourdough loaf to rise quickly")


def test_an_opposite_word_outside_the_denial_still_conflicts():
    claim = "Sourdough loaves rise quickly and develop a deeper flavour."
    assert det.negation(claim, set(terms(claim)), _sentences(LOAVES)) is not None
    claim = "Sourdough loaves do not sour, they rise quickly."
    assert det.negation(claim, set(terms(claim)), _sentences(LOAVES)) is not None


def test_a_denial_in_a_clause_with_no_written_end_reaches_one_word():
    source = "Ovens that are not cleaned lose heat faster, which raises baking times."
    claim = "When ovens are not cleaned their baking times shrink."
    assert det.negation(claim, set(terms(claim)), _sentences(source)) is not None


def test_a_word_that_denies_its_object_leaves_an_absolute_absolute():
    claim = "Burnt loaves must be avoided at any cost."
    assert det.overclaim(claim, "Burnt loaves should be avoided.")[1] is not None


# --- a condition ----------------------------------------------------------------------------------

WALLS = "Sanding and dusting are essential steps before repainting interior walls."


def test_an_any_in_a_clause_that_sets_a_condition_is_no_absolute():
    claim = "Before you start to repaint any wall, sand it and wipe the dust off."
    assert det.overclaim(claim, WALLS)[1] is None
    claim = "If you plan to touch up any interior wall at all, sand it first."
    assert det.overclaim(claim, WALLS)[1] is None


def test_an_any_outside_the_condition_is_still_an_absolute():
    claim = "You must sand any wall, before you repaint it."
    assert det.overclaim(claim, WALLS)[1] is not None


# --- a comparison's lower side --------------------------------------------------------------------

TRAINING = "For new staff, short videos are more engaging than long text manuals."


def test_instead_of_the_side_a_comparison_ranks_lower_is_no_flip():
    claim = "Train new staff with short videos instead of long text manuals."
    assert det.negation(claim, set(terms(claim)), _sentences(TRAINING)) is None


def test_instead_of_the_side_a_comparison_ranks_higher_is_still_caught():
    claim = "Train new staff with long text manuals instead of short videos."
    assert det.negation(claim, set(terms(claim)), _sentences(TRAINING)) is not None


# --- lists and their lead-ins ---------------------------------------------------------------------

STAPLES = "Every bakery keeps four staples in stock: flour, salt, yeast and sugar."


def test_the_word_after_the_comma_introduces_the_list():
    claim = "Agreed: flour counts as a staple to keep in stock, alongside salt, yeast and sugar."
    assert det.list_items(claim) == ["salt", "yeast", "sugar"]
    pool = prepare("passage", "x", STAPLES).terms
    assert det.invented(claim, pool, frozenset(t[:6] for t in pool), None) is None


def test_a_member_the_source_lacks_after_the_lead_in_word_is_still_invented():
    claim = "Agreed: flour counts as a staple to keep in stock, alongside salt, yeast and gelatin."
    pool = prepare("passage", "x", STAPLES).terms
    finding = det.invented(claim, pool, frozenset(t[:6] for t in pool), None)
    assert finding is not None and "gelatin" in finding.detail


def test_ops_is_the_shorthand_of_operations():
    assert terms("ops") == terms("operations")
    assert terms("opposite") != terms("operations")


# --- someone the source names before --------------------------------------------------------------

DELIVERIES = "After the audit, they cut delivery times by 20% within six months."


def test_a_source_that_tells_of_someone_by_a_pronoun_cannot_rule_a_name_out():
    assert det.unnamed_actor(DELIVERIES)
    assert det.unnamed_actor('She added: "Our $X budget covered the pilot."')


@pytest.mark.parametrize(
    "text",
    [
        "After the audit, Crumbly Co cut delivery times by 20% within six months.",  # names them
        "After the audit, delivery times were cut by 20% within six months.",  # no one at all
    ],
)
def test_a_source_that_names_its_actor_or_none_rules_the_name_out(text):
    assert not det.unnamed_actor(text)


def test_one_name_for_the_pronoun_is_no_verdict(checker):
    claim = "BrightBake cut delivery times by twenty percent within six months."
    verdict = checker.check(claim, [Evidence(id="case", text=DELIVERIES)]).sentences[0]
    assert verdict.kind != "name"


def test_a_name_beside_a_source_that_names_its_actor_is_still_a_verdict(checker):
    claim = "BrightBake cut delivery times by twenty percent within six months."
    named = "After the audit, Crumbly Co cut delivery times by 20% within six months."
    verdict = checker.check(claim, [Evidence(id="case", text=named)]).sentences[0]
    assert not verdict.supported and verdict.kind == "name"
    # two names are more than one pronoun stands for
    claim = "BrightBake and Ovenly cut delivery times by twenty percent within six months."
    verdict = checker.check(claim, [Evidence(id="case", text=DELIVERIES)]).sentences[0]
    assert not verdict.supported and verdict.kind == "name"


# --- two pairings joined by "and" -----------------------------------------------------------------

WASTE = ("Bakeries lose money to waste in production (e.g., overproofed dough), logistics (e.g., "
         "late deliveries), and retail (e.g., unsold loaves).")


def test_two_parallel_pairings_crossed_are_caught():
    claim = ("The course gave late deliveries as an example of waste in production and "
             "overproofed dough as an example of waste in logistics.")
    assert det.crossed(claim, _sentences(WASTE)) is not None


def test_two_parallel_pairings_kept_are_not_crossed():
    claim = ("The course gave overproofed dough as an example of waste in production and "
             "late deliveries as an example of waste in logistics.")
    assert det.crossed(claim, _sentences(WASTE)) is None


# --- everyday words a mentor says ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("keep tasting the sauce", "taste the sauce continuously"),
        ("she keeps adjusting the oven", "she adjusts the oven on an ongoing basis"),
        ("if the bill goes past the cap", "if the bill exceeds the cap"),
        ("the damp shows up in spring", "the damp appears in spring"),
        ("the mould takes a while to spread", "the mould is slow to spread"),
        ("have a rota in place", "establish a rota"),
        ("when a delivery goes wrong", "when a delivery is a failure"),
        ("a person checks each parcel", "a human checks each parcel"),
        ("the limit on refunds", "the threshold on refunds"),
        ("a proper inspection", "a thorough inspection"),
        ("small tweaks to the recipe", "small refinements to the recipe"),
        ("ask the folks in the warehouse", "ask the people in the warehouse"),
        ("the payoff of a loyalty card", "the benefit of a loyalty card"),
    ],
)
def test_everyday_words_are_the_written_ones(spoken, written):
    assert set(terms(spoken)) <= set(terms(written)) | {"continuous"}, (terms(spoken), terms(written))


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("keep the receipts", "keep"),  # "keep" before a thing still keeps it
        ("keep things simple", "keep"),
        ("walk past the till", "walk"),  # only "go past" exceeds
        ("show the chart", "show"),  # "show" without "up" shows
    ],
)
def test_the_same_words_in_other_uses_keep_their_meaning(said, kept):
    assert kept in terms(said)


def test_a_name_on_a_different_account_is_still_a_verdict(checker):
    # the pronoun may stand for BrightBake, but the claim tells another story than the source's
    claim = "BrightBake cut its flour waste and packaging costs through supplier auctions."
    verdict = checker.check(claim, [Evidence(id="case", text=DELIVERIES)]).sentences[0]
    assert not verdict.supported and verdict.kind == "name"
