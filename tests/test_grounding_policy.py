"""Issue 24, stop 39: a policy's numbered clauses, a thread's shorthand, an answer key's steps.

- A policy's clause number ("3.2 Suppliers shall ...") opens the sentence as a post's number
  does: it is no figure of the claim. A figure opening a sentence before its unit or scale
  ("2.5 Million", "1.5 times") stays a figure.
- "&" joins a list's last member as "and" does, so a member added after it is judged.
- A "+" before a clause of prose, on a line whose "=" means "means", is "and"; so is a "plus"
  after a comma. A formula's "+" stays "plus".
- A thread's shorthand and everyday words: "biz", "infra", "push back" (resist), "slips"
  (degrades), "serious" (substantial), "competitive edge", "at the table" (with), "push" (drive),
  "works well" (suitable: "not suitable" is its denial).
- A stretch between commas that opens with "which" or a modal verb is a clause, not a member.
- "with A for B and with C for D": the frame said twice is read half by half, so a crossed
  pairing is caught.
- Two steps told in the other order than the source's ("first B, then A" for "A, then B").
Each rule has its guard: the same kind of wording that says something else is still read so.
"""

from __future__ import annotations

import pytest

from assistant.grounding import detectors as det
from assistant.grounding.claims import framed
from assistant.grounding.evidence import prepare
from assistant.grounding.lexicon import lexicon, terms


def _sentences(text: str):
    return prepare("passage", "x", text).sentences


# --- a clause's number ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("3.2 Suppliers shall deliver spare parts within ten working days.",
         "Suppliers shall deliver spare parts within ten working days."),
        ("12.1.4 The landlord shall repair the boiler.", "The landlord shall repair the boiler."),
        ("7.3. Visitors must sign in at the desk.", "Visitors must sign in at the desk."),
    ],
)
def test_a_clause_number_is_no_figure_of_the_claim(sentence, body):
    assert framed(sentence).body == body


@pytest.mark.parametrize(
    "sentence",
    [
        "2.5 Million visitors came to the fair.",  # a scale
        "1.5 times more bookings came in.",  # a figure before a small word
        "3.5 Hours a week go to reviews.",  # a unit, capitalised
        "4.2 Euros per ticket is the fee.",  # a currency
        "2 Suppliers failed the audit.",  # one level: a count, not a clause
    ],
)
def test_a_figure_opening_a_sentence_stays_a_figure(sentence):
    assert framed(sentence).body == sentence


def test_a_clause_number_is_not_reported_as_a_missing_number(embedder):
    from assistant.grounding import CheckRequest, Evidence, GroundingChecker

    evidence = "Tenants should report damp patches to the landlord within a week of noticing them."
    checker = GroundingChecker(embedder=embedder)
    report = checker.check_many([CheckRequest(
        answer="5.1 Tenants shall report damp patches to the landlord within a week of "
               "noticing them.",
        evidence=[Evidence(id="lease", text=evidence)],
    )])[0]
    assert report.sentences[0].numbers_missing == []
    assert report.sentences[0].kind != "number"
    # the same figure told as a figure of the claim is still checked
    report = checker.check_many([CheckRequest(
        answer="Tenants shall report damp patches within 5.1 days.",
        evidence=[Evidence(id="lease", text=evidence)],
    )])[0]
    assert report.sentences[0].numbers_missing == [5.1]


# --- "&", "+" and "plus" --------------------------------------------------------------------------


def test_an_ampersand_joins_the_last_member_of_a_list():
    assert det.list_items("Hive care: clean frames, fresh water, shade & mite checks") == [
        "clean frames", "fresh water", "shade", "mite checks"]
    source = _sentences("A healthy hive needs clean frames, fresh water and shade.")[0]
    pool = frozenset(source.terms)
    roots = frozenset(t[:6] for t in pool)
    claim = "Hive care: clean frames, fresh water, shade & syrup"
    assert det.invented(claim, pool, roots, None) is not None


def test_an_ampersand_inside_a_name_splits_nothing():
    assert det.list_items("Our R&D team, the lab and the pilot plant") == [
        "R&D team", "the lab", "the pilot plant"]
    assert det.list_items("salt & pepper") == []


def test_a_plus_before_prose_is_and_even_beside_an_equals_sign():
    said = lexicon().rewrite(
        "Garden plan = sow the hardy greens in early spring + move the tomatoes outside once "
        "the frosts have passed"
    )
    assert " and move" in said and "plus" not in said
    said = lexicon().rewrite("You need good drainage, plus plenty of sun")
    assert "plus" not in said and " and " in said


@pytest.mark.parametrize(
    "formula",
    [
        "monthly cost = rent + utilities + insurance",  # a formula's terms are short names
        "total = 40 + 15",
        "revenue plus fees",  # a sum in words
        "the deposit, plus 20 dollars",  # a figure after it: a sum
    ],
)
def test_a_formula_keeps_its_plus(formula):
    assert "plus" in lexicon().rewrite(formula)


# --- everyday and thread words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("biz", "business"),
        ("infra", "infrastructure"),
        ("pushback", "resistance"),
        ("slips", "degrades"),
        ("serious", "substantial"),
        ("push", "drive"),
        ("tied", "linked"),
    ],
)
def test_a_threads_and_a_speakers_words_are_the_sources_words(said, written):
    assert terms(said) == terms(written)


def test_idioms_are_read_as_what_they_say():
    assert set(terms("The volunteers pushed back")) == set(terms("The volunteers resisted"))
    assert set(terms("a competitive edge")) == set(terms("a competitive advantage"))
    assert terms("with the parents and the coach at the table") == terms(
        "with the parents and the coach")
    # a table as a thing stays a table
    assert terms("the kitchen table") == ("kitchen", "tabl")


def test_works_well_is_what_not_suitable_denies():
    source = _sentences("Raw clay is often not suitable for outdoor sculptures.")
    claim = "Raw clay usually works well for outdoor sculptures."
    assert det.negation(claim, set(terms(claim)), source) is not None
    # the claim that keeps the denial agrees
    claim = "Raw clay rarely works well for outdoor sculptures."
    assert det.negation(claim, set(terms(claim)), source) is None


# --- a clause is no member ------------------------------------------------------------------------


def test_a_clause_between_commas_is_no_list_member():
    assert det.list_items(
        "Drivers over seventy, especially those with poor eyesight, shall renew their licence "
        "yearly, which is often a legal duty."
    ) == []
    # a list is still a list
    assert det.list_items("Pack a torch, a map, spare socks and a whistle.")[-3:] == [
        "a map", "spare socks", "a whistle"]


# --- a frame said twice ---------------------------------------------------------------------------

MENU = ("Serve the menu by age: puréed vegetables and soft fruit for toddlers, pasta and grilled "
        "fish for older children, and steak or curry for adults.")


def test_a_pairing_crossed_inside_a_repeated_frame_is_caught():
    claim = ("Start with puréed vegetables for older children and with pasta and grilled fish "
             "for toddlers.")
    assert det.crossed(claim, _sentences(MENU)) is not None


def test_the_pairings_kept_inside_a_repeated_frame_pass():
    claim = ("Start with puréed vegetables for toddlers and with pasta and grilled fish for "
             "older children.")
    assert det.crossed(claim, _sentences(MENU)) is None


# --- the order of two steps -----------------------------------------------------------------------

RECIPE = "The method involves soaking the beans overnight, then simmering them in salted water."


def test_two_steps_in_the_other_order_are_caught():
    from assistant.grounding.order import reversed_steps

    claim = "First simmer the beans in salted water, then soak them overnight."
    assert reversed_steps(claim, _sentences(RECIPE)) is not None
    claim = "Simmer the beans in salted water before you soak them overnight."
    assert reversed_steps(claim, _sentences(RECIPE)) is not None


@pytest.mark.parametrize(
    "claim",
    [
        "Soak the beans overnight, then simmer them in salted water.",
        "Simmer the beans in salted water after soaking them overnight.",
        "Soak the beans overnight before simmering them.",
        "Soaking the beans overnight matters.",  # no order told
    ],
)
def test_the_same_order_told_another_way_passes(claim):
    from assistant.grounding.order import reversed_steps

    assert reversed_steps(claim, _sentences(RECIPE)) is None
