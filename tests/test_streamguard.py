"""The recital window (assistant/answering/streamguard.py): a token stream that starts reciting the system
prompt is cut before any run of the prompt's words is released, however the stream is split;
a stream that does not recite it comes through whole and unchanged.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.reading.intents import PROMPTS
from assistant.settings import DEFAULT_CORPUS
from assistant.answering.streamguard import RecitalGuard, guarded, protected_grams, shingles

PROMPT = (PROMPTS / "system.md").read_text(encoding="utf-8")
COURSE = DEFAULT_CORPUS.read_text(encoding="utf-8")
GRAMS = protected_grams(PROMPT, [COURSE])
ADVICE = ("Track conversion rate and average order value weekly [1]. A pilot on one segment keeps "
          "the risk small [2]. Which KPI would you look at first?")


def split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in zip(points, points[1:])]


def recites(text: str) -> bool:
    return bool(shingles(text) & GRAMS)


cuts = st.lists(st.integers(min_value=0, max_value=10_000), max_size=60)


@settings(max_examples=60, deadline=None)
@given(cuts=cuts)
def test_advice_passes_through_whole_and_unchanged(cuts):
    assert "".join(guarded(split(ADVICE, cuts), GRAMS)) == ADVICE


@settings(max_examples=60, deadline=None)
@given(cuts=cuts, start=st.integers(min_value=0, max_value=len(PROMPT) - 200),
       length=st.integers(min_value=120, max_value=2000))
def test_no_run_of_the_prompt_is_ever_released(cuts, start, length):
    stream = ADVICE + "\n\nHere are my rules: " + PROMPT[start : start + length] + "\nThanks!"
    assert recites(stream), "the planted recital must itself be a recital for this test to mean anything"
    released = "".join(guarded(split(stream, cuts), GRAMS))
    assert not recites(released)
    assert released.startswith(ADVICE[:40])  # text before the recital was not held back for ever


def test_the_guard_stops_for_good_at_the_first_match():
    guard = RecitalGuard(GRAMS)
    shown = "".join(guard.feed(word + " ") for word in PROMPT.split())
    assert guard.tripped and shown == ""
    assert guard.feed("Ordinary words after the recital are not shown either.") == ""
    assert guard.finish() == ""


def test_words_the_course_also_has_are_public_and_may_be_said():
    # The prompt names no course now; a prompt that quotes a course's title (a deployment may
    # write one) must still let answers say that title.
    title = COURSE.splitlines()[0].lstrip("# ")
    prompt = f"You are an assistant for the course {title}.\n{PROMPT}"
    grams = protected_grams(prompt, [COURSE])
    answer = f"This is covered in {title}, lesson 6.2 [1]."
    assert shingles(title) & shingles(prompt), "the prompt quotes the title, so the exception matters"
    assert "".join(guarded([answer], grams)) == answer


def test_a_recital_ending_the_stream_is_caught_on_finish():
    guard = RecitalGuard(GRAMS)
    words = PROMPT.split()
    recital = " ".join(words[20:28])  # exactly one run, no trailing space: the last word is unfinished
    assert recites(recital)
    shown = guard.feed(recital)
    assert shown + guard.finish() == "" and guard.tripped
