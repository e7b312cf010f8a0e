"""A long text with no headings of its own is split where its topic shifts, each part named from
its own words and marked as derived; a text on one topic, and any text with headings, is left as
it is. The texts are written here, for these tests: three topics run together, and one topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.parsing import parse_course_file
from knowledge.segments import is_derived, part_names

BREAD = [
    "A sourdough starter is a mix of flour and water that wild yeast and lactic bacteria have colonised. Feed it equal weights of flour and water every day and keep it at room temperature until it doubles within six hours of a feed.",
    "The dough for a basic loaf uses 500 g of bread flour, 350 g of water, 100 g of active starter and 10 g of salt. Mix the flour and water first and let them rest for an hour so the gluten starts to form before the starter and salt go in.",
    "During bulk fermentation, stretch and fold the dough every half hour for the first two hours. The dough is ready to shape when it has grown by about half, feels airy and shows bubbles on its sides.",
    "Bake the loaf in a preheated cast-iron pot at 250 °C with the lid on for twenty minutes, then remove the lid and bake another twenty to twenty-five minutes until the crust is deep brown and the loaf sounds hollow.",
]
BIKE = [
    "Check your bicycle tyre pressure every week. Road tyres usually need 80 to 100 psi, hybrid tyres 50 to 70 psi and mountain bike tyres 25 to 35 psi; the range is printed on the tyre's sidewall.",
    "A bicycle chain needs cleaning and lubrication every few hundred kilometres. Wipe the chain with a rag, apply one drop of lube to each roller while turning the pedals backwards, then wipe off the excess so it does not collect grit.",
    "Brake pads wear down with use. Replace rim brake pads when the grooves have disappeared, and disc brake pads when less than one millimetre of pad material is left; always test the brakes before riding after a change.",
    "To fix a puncture, remove the wheel, lever the tyre off the rim, find the hole in the inner tube by pumping it up and listening, and patch or replace the tube. Run your fingers inside the tyre to find the thorn or glass before refitting.",
]
TAX = [
    "As a freelancer you pay income tax on your profit, which is your invoiced income minus allowable business expenses. Keep every receipt for equipment, software, travel to clients and a share of your home office costs.",
    "Set aside between 25 and 30 percent of every payment you receive in a separate savings account for tax, so the bill at the end of the year does not come as a shock.",
    "Most tax authorities require freelancers to make advance payments on account during the year, based on the previous year's bill. Missing a deadline usually brings interest and a late-filing penalty.",
    "File your annual self-assessment return before the deadline, reporting all freelance income, expenses and any employment income. An accountant's fee is itself an allowable expense.",
]
COMPOST = [
    "A compost heap turns kitchen and garden waste into dark, crumbly soil improver. It works best when it holds a mix of green material, such as vegetable peelings and grass cuttings, and brown material, such as dry leaves, cardboard and straw.",
    "Aim for roughly equal volumes of green and brown material in the compost. Too much green makes the heap wet and smelly; too much brown slows it down until it barely decomposes at all.",
    "Turn the compost heap with a fork every two to four weeks. Turning lets air into the middle, where the microbes that break the waste down need oxygen, and it mixes drier outer material into the warm centre.",
    "Keep the compost as damp as a wrung-out sponge. In dry weather water the heap when you turn it; in wet weather cover it with an old carpet or a lid so the rain does not wash the nutrients out.",
    "Do not add meat, fish, dairy products or cooked food to a garden compost heap: they attract rats and smell as they rot. Diseased plants and the roots of perennial weeds are also best left out.",
    "The compost is ready when it is dark brown, smells of earth and you can no longer recognise what went in, usually after six months to a year. Sieve out the lumps and return them to a new heap.",
    "Spread finished compost as a five-centimetre layer on vegetable beds in autumn or spring, or mix it into potting compost for containers; worms will carry it down into the soil.",
    "A compost bin with a lid keeps heat in and speeds decomposition in small gardens, while an open heap or a pair of wooden bays suits larger amounts of garden waste.",
]


def _sections(path: Path):
    document, _ = parse_course_file(path)
    return document, [section for lesson in document.lessons for section in lesson.sections]


@pytest.fixture(scope="module")
def three_topics(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("segments") / "evening-talk.txt"
    path.write_text("\n\n".join(BREAD + BIKE + TAX) + "\n", encoding="utf-8")
    return _sections(path)


def test_three_topics_run_together_become_three_parts_at_the_shifts(three_topics) -> None:
    _, sections = three_topics
    assert len(sections) == 3
    firsts = [section.blocks[0].text for section in sections]
    assert firsts == [BREAD[0], BIKE[0], TAX[0]]
    assert [len(section.blocks) for section in sections] == [4, 4, 4]


def test_each_part_is_named_from_its_own_words_and_marked_derived(three_topics) -> None:
    _, sections = three_topics
    for section, words in zip(sections, (BREAD, BIKE, TAX)):
        assert is_derived(section.title), section.title
        name = section.title.split(":", 1)[1].lower()
        assert name.strip() and all(term.strip() in " ".join(words).lower() for term in name.split(","))
    # each name says what its part is about, not what the others are about
    names = [section.title.split(":", 1)[1].lower() for section in sections]
    assert "flour" in names[0] or "starter" in names[0] or "dough" in names[0]
    assert "tyre" in names[1] or "bicycle" in names[1] or "brake" in names[1]
    assert "income" in names[2] or "tax" in names[2] or "freelancer" in names[2]


def test_one_topic_is_not_split(tmp_path: Path) -> None:
    path = tmp_path / "composting.txt"
    # the paragraphs in an order whose similarity dips twice: still one topic, still one part
    path.write_text("\n\n".join(COMPOST[:4] + COMPOST[6:] + COMPOST[4:6]) + "\n", encoding="utf-8")
    _, sections = _sections(path)
    assert len(sections) == 1 and not is_derived(sections[0].title)


def test_a_titled_markdown_page_without_sections_is_split_and_keeps_its_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Household Know-How\n\n" + "\n\n".join(BIKE + TAX) + "\n", encoding="utf-8")
    document, sections = _sections(path)
    assert document.module_title == "Household Know-How"
    assert [section.blocks[0].text for section in sections] == [BIKE[0], TAX[0]]


def test_a_text_with_headings_of_its_own_is_left_as_written(tmp_path: Path) -> None:
    body = "\n\n".join(["Home Skills", "1. Baking Bread", *BREAD, "2. Bicycle Care", *BIKE, *TAX])
    path = tmp_path / "skills.txt"
    path.write_text(body + "\n", encoding="utf-8")
    _, sections = _sections(path)
    assert not any(is_derived(section.title) for section in sections)
    assert len(sections) == 2  # the author's two parts, the third topic stays in the second


def test_names_prefer_the_terms_a_part_uses_and_the_others_do_not() -> None:
    names = part_names(["Water the hive in summer: water near the hive, fresh water daily, and the queen bee and the queen cells stay cool.",
                        "Water splashes the kayak: water in the kayak, so hold the paddle low, rest the paddle and keep water out of the kayak."])
    assert "queen" in names[0] and "kayak" not in names[0]
    assert "kayak" in names[1] and "hive" not in names[1]
    terms = [term.strip() for name in names for term in name.split(",")]
    assert "water" not in terms  # both parts use it most: it names neither
