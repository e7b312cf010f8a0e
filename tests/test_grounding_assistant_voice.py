"""Issue 24, stop 37: the voices of an AI assistant's fluent answer and of a study card.

- What an assistant says to the asker ("Great question!", "Hope this helps.") asserts nothing
  about the subject: no claim. A sentence that only opens with such words is still a claim.
- A summing-up word before a comma ("Essentially, X") and an announcement before "that" ("It's
  worth noting that X") frame the claim; a sentence adverb set off by a comma opens the
  sentence, it is no part of a name ("Frankly, Rotavators ..." names only the machine).
- "A, B and C all count": an "all" after an enumeration sums up its members, no absolute; a
  denied absolute ("can't always", "not every") says less, not more; "left alone" is no "solely".
- "Moving beyond X" leaves X behind (a denial without "not"); "is moving beyond X into Y" and
  "expanding beyond X" tell of growth. A claim's "A rather than B" against a source that denies A
  and asserts B is reversed, even though both sides deny something.
- A name written out where the source gives only its acronym is that name.
- Everyday words: "make sure" = "ensure", "sturdy" = "robust", "detailed" = "granular", a
  "sign-off" is an approval (not a "sign"), "in turn" links, "we learned that X" claims X.
- A reason lists the claim's own words, not the terms the lexicon folds them to.
Each rule has its guard: the same kind of wording that says something else is still caught.
"""

from __future__ import annotations

import pytest

from assistant.grounding import Evidence, GroundingChecker
from assistant.grounding import detectors as det
from assistant.grounding.checker import Analysis, _in_own_words, claim_body
from assistant.grounding.claims import abbreviated, claim_terms, framed, is_courtesy
from assistant.grounding.evidence import prepare
from assistant.grounding.lexicon import terms

BAKERY = Evidence(
    id="bakery",
    text="A sourdough starter should be fed with equal weights of flour and water every day, and "
    "kept at room temperature so the yeasts stay active.",
)


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


# --- what is said to the asker --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["Great question!", "Oh, what a good question.", "That's a really good point!",
     "Hope this helps.", "I'm glad you asked.", "Sure thing!", "Thanks for asking."],
)
def test_a_courtesy_to_the_asker_is_no_claim(sentence):
    assert is_courtesy(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["Great questions keep a class awake.", "Of course the starter needs flour daily.",
     "Sure enough, the dough rose overnight."],
)
def test_a_sentence_that_only_opens_like_a_courtesy_is_a_claim(sentence):
    assert not is_courtesy(sentence)


def test_the_claim_after_a_courtesy_is_judged_alone(checker):
    report = checker.check(
        "Great question! A sourdough starter should be fed equal weights of flour and water "
        "every day.", [BAKERY])
    assert len(report.claims) == 1 and report.claims[0].supported, report.claims[0].reason
    # guard: a wrong figure after the courtesy is still caught
    wrong = checker.check(
        "Good question! A sourdough starter should be fed twice the weight of flour as water "
        "every three days.", [BAKERY])
    assert len(wrong.claims) == 1 and not wrong.claims[0].supported


# --- openers and announcements --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Essentially, a starter needs daily feeding.", "a starter needs daily feeding."),
        ("Basically, keep the starter warm and fed.", "keep the starter warm and fed."),
        ("It's worth noting that rye flour ferments faster than wheat.",
         "rye flour ferments faster than wheat."),
        ("It\u2019s worth mentioning, the jar should stay loosely closed.",
         "the jar should stay loosely closed."),
    ],
)
def test_an_opener_or_an_announcement_frames_the_claim(sentence, body):
    assert framed(sentence).text == body


@pytest.mark.parametrize(
    "sentence",
    ["The recipe essentially needs daily feeding.", "Notes that bakers keep show the rise.",
     "It's worth the wait: the loaf is better after a long proof."],
)
def test_the_same_words_elsewhere_stay_part_of_the_claim(sentence):
    assert framed(sentence).text == sentence


def test_a_sentence_adverb_set_off_by_a_comma_is_no_part_of_a_name():
    pool = frozenset(terms("starter flour water"))
    assert det.missing_names("Frankly, Rotavators are too loud for a small plot.", pool) == [
        "Rotavators"]
    # guard: names listed after a sentence-initial name stay names, commas or not
    assert det.missing_names("Lidl, Aldi and Tesco all sell flour.", pool) == [
        "Lidl", "Aldi", "Tesco"]


# --- absolutes that claim no more than the source -----------------------------------------------


OVERHEADS = "Overheads include rent, wages, insurance and utilities, but not stock."


def test_an_all_that_sums_up_an_enumeration_is_no_absolute():
    assert det.overclaim("Rent, wages, insurance and utilities all count as overheads.",
                         OVERHEADS) == (0, None)
    # guards: "all" opening a member of its own, or a plain "all", is still an absolute
    assert det.overclaim("Rent, wages and all other bills count as overheads.", OVERHEADS)[0]
    assert det.overclaim("All costs count as overheads.", OVERHEADS)[0]


PRUNING = "Roses may not need pruning in a mild winter; leave young plants untouched in frost."


@pytest.mark.parametrize(
    "claim",
    ["You can't always prune roses in a mild winter.", "Not every rose needs a winter prune.",
     "Young roses should be left alone in frost."],
)
def test_a_denied_absolute_or_left_alone_is_no_overclaim(claim):
    assert det.overclaim(claim, PRUNING) == (0, None)


@pytest.mark.parametrize(
    "claim", ["Roses always need pruning in winter.", "Pruning alone keeps roses healthy."]
)
def test_a_plain_absolute_is_still_an_overclaim(claim):
    assert det.overclaim(claim, PRUNING)[0]


# --- a denial without "not" -----------------------------------------------------------------------


def _negation(claim: str, source: str):
    return det.negation(claim, set(terms(claim)), prepare("passage", "", source).sentences)


def test_moving_beyond_leaves_a_thing_behind():
    source = "Moving beyond paper timesheets is overdue; digital logging saves hours."
    assert _negation("Paper timesheets remain the best way to log hours.", source) is not None
    # the same denial in other words is no flip
    assert _negation("Move past paper timesheets: digital logging saves hours.", source) is None


def test_growing_beyond_keeps_what_it_grows_from():
    # guards: "expanding beyond" and "is moving beyond X into Y" tell of growth, not a denial
    for source in ("The bakery is expanding beyond bread into pastries.",
                   "The bakery is moving beyond bread into pastries."):
        assert _negation("The bakery sells bread and now pastries too.", source) is None


# --- a name written out ---------------------------------------------------------------------------


def test_a_name_written_out_is_the_acronym_its_source_uses():
    sources = ("Track sales at the POS and in the ERP.",)
    assert abbreviated("Track sales at the point of sale.", sources) == "Track sales at the POS."
    assert abbreviated("The enterprise resource planning system", sources) == "The ERP system"
    # guards: function words spell no name, two letters are too few ("always include" is no
    # "AI"), a source that spells the name out too leaves the claim's words to be found, and a
    # text without the acronym is left as it is
    assert abbreviated("Pay or stop.", ("POS",)) == "Pay or stop."
    assert abbreviated("Budgets always include AI costs.", ("AI costs",)) == (
        "Budgets always include AI costs.")
    assert abbreviated("Track the point of sale.", ("The point of sale (POS).",)) == (
        "Track the point of sale.")
    assert abbreviated("Track sales at the point of sale.", ("Track sales.",)) == (
        "Track sales at the point of sale.")


# --- everyday words -------------------------------------------------------------------------------


def test_everyday_words_read_as_the_source_word():
    assert set(terms("make sure the shelf is sturdy")) == set(terms("ensure the shelf is robust"))
    assert set(terms("detailed sales data")) == set(terms("granular sales data"))
    assert set(terms("a manager's sign-off")) == set(terms("a manager's approval"))
    # guard: a "sign" of something is still a sign (the "show" group), not an approval
    assert "approv" not in terms("a sign of growth")
    assert "stop" not in terms("which in turn lifts sales")


def test_what_learners_report_they_learned_claims_what_follows():
    assert claim_terms("We learned that mulch keeps roots cool.") == claim_terms(
        "Mulch keeps roots cool.")
    # guard: "we" doing something keeps its verb
    assert "creat" in claim_terms("We set a budget for mulch.")


def test_a_reason_names_the_claims_own_words():
    said = "Quicker deliveries, in turn, make buyers happier."
    a = Analysis(text=said, unknown=[*terms("make"), *terms("happier")])
    assert _in_own_words(a) == "make, happier"


def test_the_body_judged_keeps_a_reply_frame_rule():
    # the announcement is taken off before the lead-in rule runs: what follows is the claim
    assert claim_body("It's worth noting that a starter needs daily feeding.", frozenset()) == (
        "a starter needs daily feeding.")


def test_two_crossed_denials_are_a_reversal():
    source = "Moving beyond weekly meal plans, the app builds one-to-one menus for each diner."
    found = _negation("The app builds weekly meal plans rather than individual menus.", source)
    assert found is not None and "asserts" in found.detail
    # guards: the same denial said in other words is no reversal, nor are two denials that
    # do not set two things against each other
    assert _negation("The app builds menus for each diner rather than weekly meal plans.",
                     source) is None
    assert _negation("Weekly meal plans help nobody; the app builds one-to-one menus.",
                     source) is None


def test_an_absolute_after_avoid_is_still_an_absolute():
    # "avoided at any cost" denies nothing of "any": it is the absolute it says
    assert det.overclaim("Mistakes must be avoided at any cost.", "Mistakes can be costly.")[0]
