"""Specifications of the chat UI's pure formatting: cards, citations, badges, highlights."""

from __future__ import annotations

import re

import pytest

from assistant.memory import Turn
from assistant.types import AnswerResult, Grounding, SentenceGrounding, ToolCallRecord
from knowledge.types import Block, Citation, CourseDocument, Lesson, Section
from ui import formatting as fmt

RICE_RESULT = {
    "method": "rice",
    "formula": "score = reach × impact × confidence / effort",
    "ranking": [
        {"rank": 1, "name": "A", "score": 800.0, "quadrant": "big bet",
         "horizon": "long-term bet (1-3 years)"},
        {"rank": 2, "name": "B <img src=x onerror=alert(1)>", "score": 750.0,
         "quadrant": "fill-in", "horizon": "short-term win (3-6 months)"},
    ],
}


def cite(**overrides) -> Citation:
    values = {"chunk_id": "c1", "lesson": "6.2", "lesson_title": "Measuring success",
              "section": "Defining E-commerce Specific KPIs for AI",
              "quote": "Track conversion rate and AOV.", "source": "module-6.md"}
    return Citation(**{**values, **overrides})


def result(sentences: list[tuple[str, bool]], score: float, **overrides) -> AnswerResult:
    grounding = Grounding(score=score, sentences=[
        SentenceGrounding(text=text, supported=ok) for text, ok in sentences])
    return AnswerResult(question="q", answer="An answer [1].", grounding=grounding, **overrides)


# ----------------------------------------------------------------------------- escaping


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "**bold** _it_ `code` | pipe $x$ &amp;",
    ],
)
def test_escape_markdown_leaves_no_live_markup(text):
    escaped = fmt.escape_markdown(text)
    for char in "<>[]*_`|$&":
        assert char not in escaped.replace("\\" + char, "")


def test_escape_markdown_neutralises_block_markers_at_line_start():
    assert fmt.escape_markdown("# title\n1. item\n- bullet") == "\\# title\n1\\. item\n\\- bullet"


def test_neutralize_html_keeps_markdown_but_no_tags():
    answer = "**Yes** <b>bold</b> [1]\n```\n<kept in code>\n```\nuse `<tag>` here"
    out = fmt.neutralize_html(answer)
    assert "**Yes** &lt;b>bold&lt;/b> [1]" in out
    assert "<kept in code>" in out  # a code fence shows it literally anyway
    assert "`<tag>`" in out


# ----------------------------------------------------------------------------- tool cards


def test_tool_card_is_a_collapsible_message_titled_with_the_tool_name():
    card, raw = fmt.tool_card(ToolCallRecord(name="prioritize", args={"method": "rice"},
                                             result=RICE_RESULT), card_id="tool-3")
    assert card["role"] == raw["role"] == "assistant"
    assert card["metadata"] == {"title": "🛠️ Tool: prioritize", "id": "tool-3", "status": "done"}
    body = card["content"]
    assert "**RICE ranking**" in body
    assert "| 1 | A | 800 | big bet | long-term bet (1-3 years) |" in body
    assert "Formula: score = reach × impact × confidence / effort" in body
    assert "**Inputs**" in body and '"method": "rice"' in body
    # The full result JSON is a collapsible nested inside the card.
    assert raw["metadata"] == {"title": "Full result", "parent_id": "tool-3", "status": "done"}
    assert raw["content"].startswith("```json\n{") and '"score": 750.0' in raw["content"]


def test_tool_card_table_escapes_initiative_names():
    body = fmt.tool_card({"name": "prioritize", "args": {}, "result": RICE_RESULT})[0]["content"]
    table = body.split("**Inputs**")[0]
    assert not re.search(r"(?<!\\)<", table)
    assert "B \\<img src=x onerror=alert(1)\\>" in table


def test_tool_card_shows_a_single_score():
    body = fmt.tool_card({"name": "rice_score", "args": {"reach": 1000},
                          "result": {"score": 800.0, "formula": "score = r"}})[0]["content"]
    assert body.startswith("**Score: 800**")


def test_tool_card_fence_is_longer_than_backticks_in_the_result():
    card, raw = fmt.tool_card({"name": "x", "args": {"note": "````"}, "result": "a ```b```"})
    assert "`````json" in card["content"] and raw["content"].startswith("````\na ```b```")


def test_tool_card_reports_tool_errors_as_input_problems():
    card, _ = fmt.tool_card({"name": "roi", "args": {},
                             "result": {"error": {"message": "cost must be > 0"}}})
    assert "**Input problem:** cost must be > 0".replace(">", "\\>") in card["content"]


# ----------------------------------------------------------------------------- citations


def test_citation_choices_number_citations_as_in_the_answer():
    choices = fmt.citation_choices([cite(), cite(lesson="6.1", section="Prioritizing AI Projects")])
    assert choices == [
        ("[1] Lesson 6.2 › Defining E-commerce Specific KPIs for AI", "1"),
        ("[2] Lesson 6.1 › Prioritizing AI Projects", "2"),
    ]


def test_citation_panel_names_lesson_section_and_quote():
    panel = fmt.citation_panel(2, cite(), passage="Full text of the passage.")
    assert panel.startswith("### [2] Defining E\\-commerce Specific KPIs for AI".replace("\\-", "-"))
    assert "**Lesson:** Lesson 6.2: Measuring success" in panel
    assert "**Section:** Defining E-commerce Specific KPIs for AI" in panel
    assert "> Track conversion rate and AOV." in panel
    assert "Full text of the passage." in panel


def test_citation_panel_escapes_html_from_the_corpus():
    panel = fmt.citation_panel(
        1, cite(section="<b>S</b>", quote="<script>alert(1)</script> [x](javascript:y)"),
        passage="<iframe src=evil>",
    )
    assert not re.search(r"(?<!\\)<", panel)
    assert "\\<script\\>alert(1)\\</script\\>" in panel
    assert "\\[x\\](javascript:y)" in panel


# ----------------------------------------------------------------------------- grounding


@pytest.mark.parametrize(
    ("sentences", "score", "badge"),
    [
        ([("a", True)] * 7, 1.0, "Grounded 100% · 7/7 sentences supported"),
        ([("a", True), ("b", True), ("c", False)], 0.6667, "Grounded 67% · 2/3 sentences supported"),
        ([], 1.0, "Grounded 100% · no factual sentences to check"),
    ],
)
def test_grounding_badge(sentences, score, badge):
    assert fmt.grounding_badge(result(sentences, score)) == badge


def test_grounding_badge_of_a_refusal_says_there_is_nothing_to_check():
    assert fmt.grounding_badge(result([], 1.0, refused=True)).startswith("Not answered")


def test_grounding_level_colours_the_badge():
    assert fmt.grounding_level(result([], 0.95)) == "high"
    assert fmt.grounding_level(result([], 0.7)) == "partial"
    assert fmt.grounding_level(result([], 0.2)) == "low"


def test_highlight_labels_each_sentence_supported_or_unsupported():
    pairs = fmt.highlight_sentences(result([("One. ", True), ("Two.", False)], 0.5).grounding)
    assert pairs == [("One.", "supported"), (" ", None), ("Two.", "unsupported")]


def test_answer_message_appends_the_badge_and_neutralises_html():
    message = fmt.answer_message(AnswerResult(
        question="q", answer="Yes <img src=x> [1].",
        grounding=Grounding(score=1.0, sentences=[SentenceGrounding(text="Yes.", supported=True)]),
    ))
    assert message == "Yes &lt;img src=x> [1].\n\n*Grounded 100% · 1/1 sentences supported*"


def test_section_ids_are_unique_lesson_and_section():
    assert fmt.section_ids([cite(), cite(chunk_id="c2"), cite(lesson="6.1", section="P")]) == [
        "6.2 › Defining E-commerce Specific KPIs for AI", "6.1 › P"]


# ----------------------------------------------------------------------------- examples


JEWELRY = ("Considering the trend, what should an e-commerce business selling "
           "[e.g., 'customized jewelry'] plan for?")


def test_example_placeholder_is_the_bracketed_default():
    assert fmt.example_placeholder(JEWELRY) == "customized jewelry"
    assert fmt.example_placeholder("No placeholder here (e.g., 'this one is prose').") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("handmade soap", "selling 'handmade soap' plan"), ("", "selling 'customized jewelry' plan"),
     (None, "selling 'customized jewelry' plan")],
)
def test_fill_example_replaces_the_placeholder_or_keeps_the_default(value, expected):
    assert expected in fmt.fill_example(JEWELRY, value)


def test_course_examples_come_from_question_blocks_in_course_order():
    def block(kind, text):
        return Block(kind=kind, text=text, start=0, end=1)

    document = CourseDocument(source="m.md", module_title="M", lessons=[
        Lesson(lesson="6.4", title="Future", sections=[Section(title="End", level=2, start=0, blocks=[
            block("prose", "Not a question."),
            block("question", f'Suggested Question for Link: "{JEWELRY}"'),
            block("question", 'Alternative Question: "What else?"'),
        ])]),
    ])
    examples = fmt.course_examples([document])
    assert [(e["lesson"], e["kind"], e["default"]) for e in examples] == [
        ("6.4", "Suggested", "customized jewelry"), ("6.4", "Alternative", "")]
    assert examples[0]["template"] == JEWELRY
    assert examples[1]["label"] == "6.4 · Alternative: What else?"


def test_bundled_course_has_eight_example_questions():
    from assistant.settings import DEFAULT_CORPUS
    from knowledge.parsing import parse_file

    examples = fmt.course_examples([parse_file(DEFAULT_CORPUS)[0]])
    assert len(examples) == 8
    assert {e["lesson"] for e in examples} == {"6.1", "6.2", "6.3", "6.4"}
    assert "customized jewelry" in {e["default"] for e in examples}


# ----------------------------------------------------------------------------- history


def test_reopened_conversation_keeps_tool_cards_badge_and_citations():
    payload = AnswerResult(
        question="q", answer="A [1].", citations=[cite()],
        tool_calls=[ToolCallRecord(name="prioritize", args={}, result=RICE_RESULT)],
        grounding=Grounding(score=1.0, sentences=[SentenceGrounding(text="A.", supported=True)]),
    ).model_dump(include={"citations", "tool_calls", "grounding", "refused", "engine", "intent"})
    turns = [Turn(role="user", content="Rank <these>", payload={"role": "learner"}),
             Turn(role="assistant", content="A [1].", payload=payload)]
    messages, answers = fmt.messages_from_history(turns)
    assert [m["role"] for m in messages] == ["user", "assistant", "assistant", "assistant"]
    assert messages[0]["content"] == "Rank \\<these\\>"
    assert messages[1]["metadata"]["title"] == "🛠️ Tool: prioritize"
    assert messages[2]["metadata"]["parent_id"] == messages[1]["metadata"]["id"]
    assert messages[3]["content"].endswith("*Grounded 100% · 1/1 sentences supported*")
    assert answers["3"]["question"] == "Rank <these>"
    assert answers["3"]["citations"][0]["chunk_id"] == "c1"


@pytest.mark.parametrize(("index", "expected"), [(1, 2), (2, 2), (3, 5), (5, 5), (9, 5)])
def test_a_click_on_a_card_or_answer_finds_its_answer(index, expected):
    answers = {"2": {"n": 2}, "5": {"n": 5}}
    assert fmt.answer_for_index(answers, index)[0] == expected


@pytest.mark.parametrize("text,limit,expected", [
    ("short enough", 20, "short enough"),
    ("Given my primary e-commerce goal", 20, "Given my primary…"),
    ("one, two, three four", 12, "one, two…"),          # no dangling comma before the mark
    ("unbreakablewordthatgoeson", 10, "unbreakab…"),    # no space to cut at: cut the word
    ("  spaces   inside\nlines ", 40, "spaces inside lines"),
])
def test_shorten_cuts_at_a_word_boundary(text, limit, expected):
    shown = fmt.shorten(text, limit)
    assert shown == expected and len(shown) <= limit


def test_welcome_chips_take_one_example_per_part_of_the_course_first():
    from ui import welcome

    examples = [{"lesson": lesson, "template": f"Q{i} [e.g., 'x']", "default": "x"}
                for i, lesson in enumerate(["1", "1", "2", "3", "3"])]
    assert welcome.chip_examples(examples, 4) == [0, 2, 3, 1]
    assert [c["text"] for c in welcome.chips(examples, 2)] == ["Q0 'x'", "Q2 'x'"]
