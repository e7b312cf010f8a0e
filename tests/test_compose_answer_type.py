"""The composer prefers the unit of the form a question asks for: a time for "how fast / when",
the item a question names by its position ("the second email", "step 3"), a numbered step for
"what are the steps", and a short label sentence keeps the sentence it introduces."""

from __future__ import annotations

from assistant.answering.compose import asked_ordinal, kind_fit, passage_units
from knowledge.chunking import Unit


def fit(question: str, text: str, kind: str = "sentence", parts: tuple[str, ...] | None = None) -> float:
    return kind_fit("explanation", question, Unit(parts or (text,), kind))


def test_a_time_question_is_answered_by_a_duration_not_by_any_figure():
    question = "how fast do I have to reply to complaints?"
    assert fit(question, "The regulator sets an outer limit of 10 business days; aim for the same day.") == 1.0
    assert fit(question, "For most shops, 0.1-0.3% of customers complain per month is normal.") == 1.0  # "per month"
    assert fit(question, "A complaint rate of 0.3% is normal for promotional campaigns.") == 0.0


def test_a_quantity_question_is_answered_by_any_figure():
    assert fit("what complaint rate is too high?", "Above 0.5% means you are doing something wrong.") == 1.0


def test_a_question_naming_a_position_finds_that_item():
    assert asked_ordinal("what goes in the second email?") == (2, "email")
    assert asked_ordinal("and step 3?") == (3, "step")
    assert asked_ordinal("how do I start?") is None
    lead = "A good series has four emails:"
    assert fit("what goes in the second email?", "", "item", (lead, "Email 2 (day 2-3): best-sellers.")) == 1.0
    assert fit("what goes in the second email?", "", "item", (lead, "Email 1 (day 0): a warm welcome.")) == 0.0
    assert fit("what is the third step?", "", "item", (lead, "3. Write the first draft.")) == 1.0


def test_the_steps_of_a_procedure_are_its_numbered_steps():
    assert fit("what are the steps to set up a review?", "2. Pick the reviewers before the launch date.") == 1.0
    assert fit("what are the steps to set up a review?", "Reviews catch most mistakes before launch.") == 0.0


def test_a_short_label_sentence_is_quoted_with_the_sentence_it_introduces():
    text = "Rule: Answer complaints promptly. The law sets an outer limit of 10 business days; aim for the same day."
    quoted = [u.text for u in passage_units({"text": text, "kind": "prose"})]
    assert quoted == [text]
