"""Follow-ups that lean on the previous turn are resolved against it and answered on their own;
a message with its own topic stands alone, whatever came before."""

from __future__ import annotations

import pytest

from assistant.reading.elliptical import answer_lines, is_elliptical, resolve, strip_preamble

PREVIOUS = "Which indicators should a food bank track for its volunteer programme?"
ANSWER = ("### What the course says\n\n#### Volunteer metrics\n"
          "- Volunteer retention is the share of volunteers still active after six months. [1]\n"
          "- Hours given per volunteer show engagement. [2]\n")


@pytest.mark.parametrize("message", [
    "which of those move first?", "and for a small shop?", "give me an example", "why?", "how often?",
    "what's hard about it?", "what about them?", "ok, and how so?", "what if I spot the small white ones?",
    "whats the catch", "what is the point?",
])
def test_an_elliptical_message_is_recognised(message):
    assert is_elliptical(message)


@pytest.mark.parametrize("message", [
    "What is gift aid?", "how do we keep donors after their first gift?", "what does this course cover?",
    "ok, back to the topic: what are the risks of a raffle?", "is double opt-in worth it?",
])
def test_a_message_with_its_own_topic_stands_alone(message):
    assert not is_elliptical(message)
    assert resolve(message, PREVIOUS, ANSWER).text == strip_preamble(message)


def test_a_follow_up_keeps_its_own_ask_first_and_borrows_the_topic():
    follow = resolve("which of those move first?", PREVIOUS, ANSWER)
    assert follow.elliptical
    assert follow.text.startswith("which of those move first")
    assert "volunteer programme" in follow.text and "food bank" in follow.text


def test_a_continuation_refines_the_previous_question():
    follow = resolve("and for a small shop?", PREVIOUS, ANSWER)
    assert follow.text.startswith(PREVIOUS.rstrip("?")) and "small shop" in follow.text


def test_a_follow_up_carries_what_the_previous_answer_quoted_so_it_is_not_repeated():
    follow = resolve("why?", PREVIOUS, ANSWER)
    assert follow.avoid == answer_lines(ANSWER) == (
        "Volunteer retention is the share of volunteers still active after six months.",
        "Hours given per volunteer show engagement.",
    )


def test_small_talk_before_an_ask_is_dropped():
    assert strip_preamble("ok, back to the topic: what ethical problems come with raffles?") == \
        "what ethical problems come with raffles?"
    assert strip_preamble("thanks! btw who won the cup in 2018?") == "who won the cup in 2018?"
    assert strip_preamble("ok") == "ok"


def test_without_a_previous_turn_nothing_is_borrowed():
    assert resolve("which of those move first?", None).text == "which of those move first?"


def test_a_message_leans_on_the_last_turn_when_it_points_back_or_shares_its_topic():
    from assistant.reading.elliptical import leans_on

    assert leans_on("when is the best time of year to put it on?", PREVIOUS, ANSWER)
    assert leans_on("how do I keep volunteers coming back in winter?", PREVIOUS, ANSWER)
    assert not leans_on("what's the best way to freeze runner beans?", PREVIOUS, ANSWER)


def test_a_forced_reading_borrows_the_topic_of_a_message_that_reads_alone():
    message = "when is the best time of year to put it on?"
    assert resolve(message, PREVIOUS, ANSWER).text == message.rstrip()
    forced = resolve(message, PREVIOUS, ANSWER, force=True)
    assert forced.elliptical and forced.text.startswith("when is the best time of year to put it on (")
    assert "volunteer" in forced.text


LISTED = """### What the course says

#### Planting plan
- Three mistakes spoil a first season: [1]
   - "Crowding the beds" leaves no room for air; space plants by their tag. [1]
   - "Skipping the soil test" hides lead and lime needs; test before planting. [1]
   - "Forgetting the water" dries seedlings out; put a butt by every bed. [1]

#### Tools
- A hoe and a fork do most of the work. [2]
"""


@pytest.mark.parametrize("message, member", [
    ("and the last one on that list?", "Forgetting the water"),
    ("what about the second one?", "Skipping the soil test"),
    ("the first point - why?", "Crowding the beds"),
])
def test_a_member_named_by_its_place_is_the_topic_of_the_follow_up(message, member):
    follow = resolve(message, "what mistakes spoil a first season?", LISTED)
    assert follow.elliptical and f"({member})" in follow.text
    # what the list said is not said again: the answer is more about that member
    assert any(member in line for line in follow.avoid)


def test_lines_quoted_one_after_another_are_no_list_to_point_into():
    answer = ("#### Roadmap\n- A roadmap holds quick wins and long bets. [1]\n"
              "- Quick wins take three to six months. [1]\n- Long bets take one to three years. [1]\n")
    follow = resolve("and the second one, an example?", "what is the difference between a quick win and a long bet?", answer)
    assert "(Quick wins take" not in follow.text
