"""A help centre's pages keep their teaching and lose their page furniture.

Specification: a help article's request for a rating ("Was this page useful? Yes / No", "Did
this answer your question?") and a "Related:" / "See also:" paragraph that holds nothing but links
to other articles are not indexed; a callout ("**Tip:**", "> **Warning:**") is teaching and is
kept; a definition list ("Term" over ": definition") stays one "Term: definition" entry each. A
question that names the material by its format ("what does this handbook cover?") asks for the
whole. Guards: a sentence that mentions related things, or asks the reader a real question, stays.

The help pages here are written for these tests, on a topic of their own.
"""

from __future__ import annotations

import pytest

from assistant.reading.intents import asks_for_the_whole, question_kind
from knowledge.chunking import chunk_document
from knowledge.furniture import is_decoration, links_elsewhere
from knowledge.parsing import parse_markdown

PAGE = """# Bike Hire Help Centre

## Booking a Bike

### How far ahead can I reserve a tandem?

Tandems can be reserved up to 21 days ahead; single bikes up to 60 days.

**Tip:** Weekday mornings have the widest choice of frame sizes.

> **Warning:** A reservation lapses if the bike is not collected within 45 minutes.

Related: [How do I cancel a booking?](#how-do-i-cancel-a-booking), [Deposits](https://example.org/deposits)

Was this page useful? Yes / No

### How do I cancel a booking?

Cancel from the booking e-mail up to 2 hours before the start time for a full refund.

See also:
- [Deposits](#deposits)
- [Late returns](#late-returns)

Did this answer your question? Yes · No

## Words We Use

Deposit
: The sum held on your card until the bike comes back undamaged.

Late fee
: Eight euros for each started hour after the agreed return time.
"""


@pytest.fixture(scope="module")
def chunks():
    return chunk_document(parse_markdown(PAGE, "bike-hire-help.md"))


def test_rating_requests_and_link_lists_are_not_indexed(chunks):
    text = " ".join(chunk.text for chunk in chunks)
    for furniture in ("Was this page useful", "Did this answer your question", "Related:", "See also",
                      "Late returns"):
        assert furniture not in text


def test_callouts_and_answers_are_kept_in_their_article(chunks):
    by_section = {}
    for chunk in chunks:
        by_section.setdefault(chunk.section, []).append(chunk.text)
    tandem = " ".join(by_section["How far ahead can I reserve a tandem?"])
    assert "21 days ahead" in tandem
    assert "Weekday mornings have the widest choice" in tandem
    assert "lapses if the bike is not collected within 45 minutes" in tandem


def test_a_definition_list_is_one_entry_per_term(chunks):
    glossary = [chunk.text for chunk in chunks if chunk.section == "Words We Use"]
    assert "Deposit: The sum held on your card until the bike comes back undamaged." in glossary
    assert "Late fee: Eight euros for each started hour after the agreed return time." in glossary


@pytest.mark.parametrize("line", [
    "Was this article helpful? Yes / No",
    "Was this page useful?",
    "Did this help? Yes (14) No (2)",
    "Is this answer helpful? 👍 👎",
])
def test_a_request_for_a_rating_is_furniture(line):
    assert is_decoration(line)


@pytest.mark.parametrize("line", [
    "Was this bike the right size? If not, swap it at the desk.",
    "Did this stop the squeak? Oil the chain again after a wet ride.",
    "Is the tandem useful for a child?",
])
def test_a_real_question_to_the_reader_is_not_furniture(line):
    assert not is_decoration(line)


@pytest.mark.parametrize("paragraph, only_links", [
    ("Related: [Deposits](#deposits)", True),
    ("See also: [Deposits](#deposits) and [Late returns](https://example.org/late)", True),
    ("Related articles:\n- [Deposits](#deposits)\n- [Late returns](#late)", True),
    ("Related: late returns also cost the deposit, see [Deposits](#deposits)", False),
    ("Related costs are listed on the price board by the door.", False),
])
def test_a_links_only_paragraph_points_elsewhere(paragraph, only_links):
    assert links_elsewhere(paragraph) is only_links


@pytest.mark.parametrize("question", [
    "what does this handbook cover?",
    "what does the chapter cover",
    "give me an overview of this help center",
])
def test_a_question_naming_the_material_by_its_format_asks_for_the_whole(question):
    assert question_kind(question) == "overview"
    assert asks_for_the_whole(question)


@pytest.mark.parametrize("question", [
    "does the handbook cover deposits?",
    "what does the chapter say about deposits?",
])
def test_a_question_about_one_topic_of_the_material_is_not_an_overview(question):
    assert question_kind(question) != "overview"
