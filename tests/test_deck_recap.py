"""A slide deck's closing teaching slides that recap every part ("what to remember") are not its
last part's slides; a last part's own slides stay in it. The decks are written here."""

from __future__ import annotations

from knowledge.embeddings import get_embedder
from knowledge.formats.slides import convert_deck
from knowledge.segments import is_derived

PARTS = [
    ("Part 1 — Feeding a sourdough starter", [
        ("Daily feeds", "\tEqual weights of flour and water every day\n\tKeep the starter at room temperature"),
        ("When the starter is ready", "\tIt doubles within six hours of a feed\n\tBubbles all through the jar")]),
    ("Part 2 — Caring for a bicycle chain", [
        ("Cleaning the chain", "\tWipe the chain with a rag every few hundred kilometres\n\tRemove grit from the rollers"),
        ("Lubricating the chain", "\tOne drop of lube per roller while pedalling backwards\n\tWipe off the excess lube")]),
    ("Part 3 — Filing a freelancer's tax return", [
        ("Allowable expenses", "\tEquipment, software and travel to clients\n\tKeep every receipt for the tax return"),
        ("Paying tax on account", "\tAdvance tax payments based on last year's bill\n\tLate filing brings a penalty")]),
]
RECAP = ("What to remember", "\tFeed the sourdough starter flour and water daily\n\tClean and lube the bicycle chain\n"
         "\tKeep receipts and file the freelancer tax return on time")


def _deck(closing: list[tuple[str, str]]) -> str:
    slides = [("Three Skills for the Weekend", "\tAn evening class")]
    for divider, taught in PARTS:
        slides += [(divider, ""), *taught]
    slides += closing + [("Questions?", "")]
    return "\n".join(f"Slide {n}\n{title}\n{body}\n" for n, (title, body) in enumerate(slides, 1))


def _parts(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


def test_a_recap_slide_after_the_last_part_leaves_it() -> None:
    markdown = convert_deck(_deck([RECAP]), get_embedder().encode)
    parts = _parts(markdown)
    assert parts[:3] == [divider for divider, _ in PARTS]
    assert len(parts) == 4 and is_derived(parts[3]) and "What to remember" in parts[3]
    assert markdown.index("### What to remember") > markdown.index("## " + parts[3])


def test_the_last_parts_own_slides_stay_in_it() -> None:
    own = ("Keeping tax records", "\tA folder of receipts for each tax year\n\tKeep freelancer tax records six years")
    markdown = convert_deck(_deck([own]), get_embedder().encode)
    assert _parts(markdown) == [divider for divider, _ in PARTS]
