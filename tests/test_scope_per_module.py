"""Scope is judged module by module: with several modules loaded, a request is in scope when one
module covers it as a whole, never because its words are scattered over several. A module that
speaks of the law does not make a legal question about another module's subject a course
question; each module's own questions stay answered beside the others. The second module is
written here, for this test; the first is test data (tests/data/formats/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.advisors import advisor_on

FORMATS = Path(__file__).parent / "data" / "formats"

BIKES = """# Running a Volunteer Bike Workshop

## Lights and the law

The law says a bicycle ridden after dark must carry a white front light and a red rear light.
It is illegal for the workshop to hand back a bicycle for road use with brakes that fail the
lever test, so every bicycle leaves with a signed brake check.

## Fixing punctures

Find the hole by inflating the tube and listening for the hiss, then roughen the rubber, spread
a thin layer of glue and wait until it turns dull before pressing the patch on.

## Tax on donated bicycles

Donated bicycles sold by the workshop carry no sales tax when the workshop is a registered
charity; keep the donor's signed form with the frame number.
"""

# The cold-room module's subject, asked in a frame (the law, tax) only the bike module speaks.
SCATTERED = [
    "is it legal to skip the swab test on the door seals?",
    "do we have to pay tax on the sanitiser and degreaser for the cold room?",
]
OWN = {
    "cold-room-sop.txt": ["how long does the sanitiser have to stay wet?", "how often are the door seals cleaned?"],
    "bikes.md": ["what lights does the law require after dark?", "how do I patch a puncture?"],
}


@pytest.fixture(scope="module")
def judges(tmp_path_factory, embedder):
    bikes = tmp_path_factory.mktemp("bikes-module") / "bikes.md"
    bikes.write_text(BIKES, encoding="utf-8")
    built = {}
    for name, corpus in {"cold-room": [FORMATS / "cold-room-sop.txt"], "both": [FORMATS / "cold-room-sop.txt", bikes]}.items():
        built[name] = advisor_on(corpus, tmp_path_factory.mktemp(name), embedder).scope
    return built


def test_a_question_refused_by_its_module_alone_stays_refused_beside_a_module_that_speaks_its_frame(judges):
    assert [q for q in SCATTERED if not judges["cold-room"].off_topic(q)] == []  # alone: refused
    assert [q for q in SCATTERED if not judges["both"].off_topic(q)] == []


def test_each_modules_own_questions_are_answered_beside_the_other(judges):
    assert [q for questions in OWN.values() for q in questions if judges["both"].off_topic(q)] == []


def test_the_corpus_judge_holds_one_judge_per_module(judges):
    assert [judge.source for judge in judges["both"].modules] == ["cold-room-sop.txt", "bikes.md"]
    assert judges["cold-room"].modules == []  # one module: judged as the corpus


@pytest.mark.parametrize("message", ["can you summarise the whole thing in a few lines",
                                     "please recap everything for me", "summarize the entire thing"])
def test_a_summary_of_the_whole_thing_asks_about_the_course_text(message):
    from knowledge.scope import MATERIAL, requested_work

    work = requested_work(message.replace("recap", "summarise"))
    assert work is not None and MATERIAL.search(work)
    assert not MATERIAL.search(requested_work("write the whole thing as a limerick") or "")
