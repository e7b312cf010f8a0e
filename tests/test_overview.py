"""A question about the course as a whole is answered with the loaded course's own outline."""

from __future__ import annotations

import pytest

from assistant.engine import Advisor
from assistant.reading.intents import question_kind
from tests.advisors import advisor_on

MODULE = """Beekeeping for Beginners

This course teaches the first year of keeping bees.

1. Setting Up an Apiary
1.1 Choosing a Site
Hives face south-east, away from footpaths, with water within 50 metres.
1.2 Buying Equipment
A starter kit holds a hive, a smoker, a hive tool and a veil.

2. Inspecting a Colony
2.1 How Often to Inspect
Inspect every seven to ten days from April to September.
2.2 Signs of Swarming
Queen cells along the bottom of a frame mean the colony is preparing to swarm.
"""


def test_a_module_alone_is_outlined_from_its_own_headings(tmp_path, embedder):
    path = tmp_path / "beekeeping.txt"
    path.write_text(MODULE, encoding="utf-8")
    result = advisor_on([path], tmp_path / "data", embedder).ask("What does this course cover?", remember=False)
    assert not result.refused
    assert "Beekeeping for Beginners" in result.answer
    assert "Setting Up an Apiary" in result.answer and "Inspecting a Colony" in result.answer
    assert "E-commerce" not in result.answer and "Lesson 6" not in result.answer
    assert {c.source for c in result.citations} <= {"beekeeping.txt"}
    outline = [s for s in result.grounding.sentences if "Beekeeping for Beginners" in s.text]
    assert outline and all(s.supported for s in outline)


TEA_GUIDE = """# Brewing Tea at Home

## Choosing Leaves
Loose leaves keep their aroma longer than bags when stored in a tin away from light.

## Water and Temperature
Green tea wants water at about 80 degrees; black tea wants water just off the boil.

## Steeping Times
Steep green tea for two minutes and black tea for four minutes before tasting.

## Key Points to Remember
- Store leaves in an airtight tin away from light and strong smells.
- Match the water temperature to the type of tea you brew.
- Time every steep: a minute too long turns most teas bitter.
"""


def _tea_advisor(tmp_path, embedder) -> Advisor:
    path = tmp_path / "tea-guide.md"
    path.write_text(TEA_GUIDE, encoding="utf-8")
    return advisor_on([path], tmp_path / "data", embedder)


def test_an_overview_quotes_the_section_where_the_material_sums_itself_up(tmp_path, embedder):
    result = _tea_advisor(tmp_path, embedder).ask("Give me the big ideas of this guide, I'm a beginner", remember=False)
    assert not result.refused and result.intent == "overview"
    assert "Key Points to Remember" in {c.section for c in result.citations}
    for line in ("airtight tin", "Match the water temperature", "Time every steep"):
        assert line in result.answer  # the summary is quoted whole, each of its points once
    assert result.answer.count("Match the water temperature") == 1


@pytest.mark.parametrize("question", [
    "could you take me through what this part covers, one step at a time?",
    "so what does this help center cover?",
    "what's in this handbook, roughly?",
])
def test_the_material_named_by_other_words_than_course_is_still_the_whole(question):
    assert question_kind(question) == "overview"


@pytest.mark.parametrize("question", [
    "which part of the pot holds the leaves?",
    "what does this part of the guide say about water?",
    "what does the handbook say about steeping green tea?",
])
def test_a_part_of_something_or_a_named_topic_is_no_overview(question):
    assert question_kind(question) != "overview"


def test_a_question_on_one_topic_does_not_quote_the_summary_whole(tmp_path, embedder):
    result = _tea_advisor(tmp_path, embedder).ask("How long should black tea steep?", remember=False)
    assert result.intent != "overview"
    assert "Store leaves in an airtight tin" not in result.answer
