"""A question about the course as a whole is answered with the loaded course's own outline."""

from __future__ import annotations

from assistant.engine import Advisor
from assistant.settings import Settings
from knowledge.index import CourseIndex

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
    settings = Settings(data_dir=tmp_path / "data", corpus_paths=[path])
    CourseIndex(settings, embedder=embedder).ingest([path])
    result = Advisor(settings, embedder=embedder).ask("What does this course cover?", remember=False)
    assert not result.refused
    assert "Beekeeping for Beginners" in result.answer
    assert "Setting Up an Apiary" in result.answer and "Inspecting a Colony" in result.answer
    assert "E-commerce" not in result.answer and "Lesson 6" not in result.answer
    assert {c.source for c in result.citations} <= {"beekeeping.txt"}
    outline = [s for s in result.grounding.sentences if "Beekeeping for Beginners" in s.text]
    assert outline and all(s.supported for s in outline)
