"""Issue 24, stop 36: what a claim ranks, whom it answers, and how it sums up.

- A comparison turned the wrong way round ("A rather than B" written "B rather than A", "A over
  B", "A before B", "A is more X than B") is a swap, even though both name the same things; the
  same comparison read the other way ("B after A", "B is less X than A") is not.
- An absolute the source says in other words is no overclaim: "every" for the source's "each",
  the "all" inside a compound ("one-size-fits-all"), "never" for a denial ("by failing to")
  that a hedge elsewhere in the sentence does not soften.
- A reply ("Not quite:", "Yes —") and a summing-up opener ("In short,") frame the claim.
- A sentence opening with "These" / "They" speaks of what the sentence before it named, so an
  opposite word in it conflicts with a claim about that thing.
- A list member in other words ("quicker" for "faster": comparatives in the lexicon's groups)
  is no invented member.
Each rule has its guard: the same kind of wording that says something else is still caught.
"""

from __future__ import annotations

import pytest

from assistant.grounding import detectors as det
from assistant.grounding.checker import claim_body
from assistant.grounding.claims import framed, is_frame
from assistant.grounding.comparisons import reversed_comparison
from assistant.grounding.evidence import prepare
from assistant.grounding.lexicon import terms


def _sentences(text: str):
    return prepare("passage", "", text).sentences


# --- a comparison turned round --------------------------------------------------------------------

COMPOSTING = (
    "New gardeners should start with a small cold heap rather than a large hot bin, to learn "
    "the balance of greens and browns first."
)
ROTA = (
    "A shop with busy weekends and quiet weekdays would staff Saturdays over Tuesdays, even if "
    "the Tuesday team is more experienced."
)
WATERING = "Water the seedlings before you feed them, so the roots do not scorch."
CHARTS = "A photo of the finished dish is more persuasive than a list of its ingredients."


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        (COMPOSTING, "Beginners should start with a large hot bin rather than a small cold heap."),
        (ROTA, "A shop with busy weekends should staff Tuesdays over Saturdays."),
        (WATERING, "Feed the seedlings before you water them."),
        (CHARTS, "A list of ingredients is more persuasive than a photo of the finished dish."),
    ],
)
def test_a_comparison_turned_round_is_caught(source, claim):
    assert reversed_comparison(claim, _sentences(source)) is not None


@pytest.mark.parametrize(
    ("source", "claim"),
    [
        # the same ranking, in other words
        (COMPOSTING, "Beginners should begin with a small cold heap rather than a big hot bin."),
        (ROTA, "Busy weekends mean Saturdays are staffed over Tuesdays."),
        # the same order read from the other end
        (WATERING, "Feed the seedlings only after you water them."),
        # the same comparison read downwards
        (CHARTS, "A list of ingredients is less persuasive than a photo of the finished dish."),
        # "over" as a span of time, "than" before a figure: no second thing ranked
        (ROTA, "Over time, the Tuesday team becomes more experienced than 3 new starters."),
    ],
)
def test_the_same_comparison_in_other_words_or_read_the_other_way_is_no_reversal(source, claim):
    assert reversed_comparison(claim, _sentences(source)) is None


# --- absolutes the source says in other words -----------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Label every jar with the date it was sealed.",
         "Each jar is labelled with its sealing date."),
        ("Pruning isn't one-size-fits-all: roses and apples need different cuts.",
         "Different plants may need different pruning cuts."),
        ("The rota failed because staff were never told about the change.",
         "By failing to tell staff about the change, a new rota can cause confusion."),
    ],
)
def test_an_absolute_the_source_says_in_other_words_is_no_overclaim(claim, source):
    assert det.overclaim(claim, source) == (0, None)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Label every jar with the date it was sealed.", "Some jars are labelled with a date."),
        ("All roses need the same pruning cut.", "Different plants may need different cuts."),
        # a hedge on the denial itself still does not back "never"
        ("Staff are never told about rota changes.",
         "Staff are often not told about rota changes."),
    ],
)
def test_an_absolute_the_source_does_not_say_is_still_an_overclaim(claim, source):
    assert det.overclaim(claim, source)[1] is not None


# --- replies and summing-up openers ---------------------------------------------------------------


def test_a_reply_is_a_frame_and_what_follows_is_the_claim():
    said = framed("Not quite: the glaze needs a second firing before it is food safe.")
    assert said.lead == "Not quite" and is_frame(said.lead, frozenset(terms(said.body)))
    said = framed("Yes — the glaze needs a second firing before it is food safe.")
    assert is_frame(said.lead, frozenset())
    # guard: a denial of what follows stays part of the claim
    said = framed("Myth: the glaze needs no second firing.")
    assert not is_frame(said.lead, frozenset())


def test_a_summing_up_opener_is_no_part_of_the_claim():
    pool = frozenset(terms("Glazed pots need a second firing, then a day to cool."))
    assert claim_body("In short, glazed pots need a second firing.", pool) == (
        "glazed pots need a second firing."
    )
    # guard: the same words as content ("in short supply") stay
    assert claim_body("In short supply, glaze is costly.", pool).startswith("In short supply")
    assert framed("In short, it works.").text == "In short, it works."  # too short to be framed


# --- a sentence that speaks of the one before it --------------------------------------------------


def test_an_opposite_word_in_a_sentence_that_points_back_conflicts():
    source = ("Organic fertilisers, such as bone meal, feed roses through the whole season. "
              "They take longer to act but keep the soil healthy.")
    claim = "Organic fertilisers such as bone meal feed roses quickly and keep the soil healthy."
    assert det.negation(claim, set(terms(claim)), _sentences(source)) is not None
    # guard: the same sentence without a pointer back is about something else
    apart = ("Organic fertilisers, such as bone meal, feed roses through the whole season. "
             "Liquid feeds take longer to wash out but keep the soil healthy.")
    assert det.negation(claim, set(terms(claim)), _sentences(apart)) is None


# --- a list member in other words -----------------------------------------------------------------


def test_a_list_member_in_other_words_is_no_invented_member():
    source = "Local couriers are faster, cheaper and more dependable for nearby deliveries."
    pool = frozenset(terms(source))
    roots = frozenset(t[:6] for t in pool)
    said = "Local couriers are quicker, cheaper and more reliable for nearby deliveries."
    assert det.invented(said, pool, roots, None) is None
    # guard: a member that says something else is still invented
    said = "Local couriers are greener, cheaper and more reliable for nearby deliveries."
    assert det.invented(said, pool, roots, None) is not None


@pytest.mark.parametrize("lead", ["False", "Wrong", "Myth"])
def test_a_denial_is_no_reply(lead):
    """ "False: X" says X is false ("yes", "no", "true" are words of the list, not YAML
    booleans)."""
    assert not is_frame(lead, frozenset())
