"""Pure formatting for the chat UI: tool-call cards, citation panels, grounding badges, highlights.

Everything here takes plain values (the answer contract's models or dicts) and returns strings or
lists, so it is tested without Gradio. Text that comes from a user or from the corpus is escaped
before it reaches Markdown, so no HTML in it is ever rendered.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.types import AnswerResult, Grounding, ToolCallRecord
from knowledge.types import Citation

AI_NOTICE = (
    "**AI-generated answers.** The advisor answers from the e-commerce AI-strategy course "
    "only, and it can still be wrong: check each claim against its numbered citation before "
    "you act on it."
)

# Characters with an inline meaning in Markdown (emphasis, links, code, tables, HTML, maths,
# entities); block markers only matter at the start of a line and are escaped there.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$&])")
_BLOCK_START = re.compile(r"^(\s*)([#=+\-])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")


def escape_markdown(text: str, line_start: bool = True) -> str:
    """Backslash-escapes Markdown and HTML syntax so the text renders exactly as written.

    `line_start=False` is for text placed after other text on its line, where "1." or "-"
    at its start cannot open a list.
    """
    lines = []
    for number, line in enumerate((text or "").split("\n")):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        if number == 0 and not line_start:
            pass
        elif _ORDERED.match(line):  # "1." starts a list: escape the dot, not the digit
            line = _ORDERED.sub(r"\1\\\2", line)
        else:
            line = _BLOCK_START.sub(r"\1\\\2", line)
        lines.append(line)
    return "\n".join(lines)


def escape_user_text(text: str) -> str:
    """A user's message for the chat: shown literally, line breaks kept."""
    return "\n".join(escape_markdown(line) for line in (text or "").splitlines())


def _defang(text: str) -> str:
    """No tags, links or images: answers cite by [n] and never need them, and a planted link or
    remote image (javascript:, tracking pixels that carry data out) must not render."""
    text = text.replace("<", "&lt;")
    text = text.replace("![", "!\\[")
    return re.sub(r"\]\(", "]\\(", text)


def neutralize_html(markdown: str) -> str:
    """Keeps the engine's Markdown but turns every '<' outside code into an entity, and
    escapes link and image syntax.

    Without a '<' no tag can open, so corpus text that happens to contain HTML is shown as
    text; inside code spans and fences Markdown already shows it literally.
    """
    out: list[str] = []
    in_fence = False
    for line in (markdown or "").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            continue
        if in_fence:
            out.append(line)
            continue
        parts = re.split(r"(`+[^`]*`+)", line)
        out.append("".join(p if p.startswith("`") else _defang(p) for p in parts))
    return "\n".join(out)


def code_block(text: str, language: str = "") -> str:
    """A fenced block whose fence is longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text}\n{fence}"


def format_number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) >= 1 else f"{value:.4g}"


# ----------------------------------------------------------------------------- tool cards


def _cell(value: Any) -> str:
    return escape_markdown(format_number(value), line_start=False).replace("\n", " ")


def _ranking_table(ranking: list[dict]) -> str:
    lines = [
        "| Rank | Initiative | Score | Quadrant | Horizon |",
        "|---:|---|---:|---|---|",
    ]
    for row in ranking:
        lines.append(
            "| "
            + " | ".join(
                _cell(row.get(key, ""))
                for key in ("rank", "name", "score", "quadrant", "horizon")
            )
            + " |"
        )
    return "\n".join(lines)


def tool_result_summary(name: str, result: dict[str, Any] | str) -> str:
    """The human line(s) of a tool result; the full JSON follows it in the card."""
    if isinstance(result, str):
        return escape_markdown(result)
    error = result.get("error")
    if error:
        message = error.get("message", error) if isinstance(error, dict) else error
        return f"**Input problem:** {escape_markdown(str(message))}"
    parts: list[str] = []
    if isinstance(result.get("ranking"), list) and result["ranking"]:
        method = str(result.get("method", "")).upper()
        parts.append(f"**{escape_markdown(method or 'Ranking')} ranking**")
        parts.append(_ranking_table(result["ranking"]))
    elif "score" in result:
        parts.append(f"**Score: {_cell(result['score'])}**")
    if result.get("formula"):
        parts.append(f"Formula: {escape_markdown(str(result['formula']))}")
    if result.get("message") and not parts:
        parts.append(escape_markdown(str(result["message"])))
    return "\n\n".join(parts)


def tool_card(record: ToolCallRecord | dict, card_id: str = "tool") -> list[dict[str, Any]]:
    """A collapsible chat card for one tool call, as two messages.

    The card (title: the tool's name) shows the result summary and the inputs; the full result
    JSON sits in a nested collapsible inside it, so the card stays readable.
    """
    if isinstance(record, dict):
        record = ToolCallRecord.model_validate(record)
    inputs = json.dumps(record.args, indent=2, ensure_ascii=False, default=str)
    if isinstance(record.result, str):
        raw, language = record.result, ""
    else:
        raw = json.dumps(record.result, indent=2, ensure_ascii=False, default=str)
        language = "json"
    summary = tool_result_summary(record.name, record.result)
    body = "\n\n".join(
        part for part in (summary, "**Inputs**", code_block(inputs, "json")) if part
    )
    return [
        {
            "role": "assistant",
            "content": body,
            "metadata": {"title": f"🛠️ Tool: {record.name}", "id": card_id, "status": "done"},
        },
        {
            "role": "assistant",
            "content": code_block(raw, language),
            "metadata": {"title": "Full result", "parent_id": card_id, "status": "done"},
        },
    ]


# ----------------------------------------------------------------------------- citations


def citation_label(number: int, citation: Citation) -> str:
    """'[2] Lesson 6.2 › Defining E-commerce Specific KPIs for AI' (plain text for a Radio)."""
    return f"[{number}] {citation.label}"


def citation_choices(citations: list[Citation]) -> list[tuple[str, str]]:
    """(label, value) pairs: the value is the 1-based citation number as text."""
    return [(citation_label(n, c), str(n)) for n, c in enumerate(citations, 1)]


def citation_panel(number: int, citation: Citation, passage: str | None = None) -> str:
    """The side panel for one citation: where it is (lesson, section) and what it says.

    Lesson titles, sections and quotes come from the corpus, so each is escaped: the panel
    shows the course text literally and renders no HTML or links from it.
    """
    lesson = (
        {"module": "Module introduction", "topic": "Topic page"}.get(citation.lesson)
        or f"Lesson {citation.lesson}"
    )
    if citation.lesson_title:
        lesson = f"{lesson}: {citation.lesson_title}"
    lines = [
        f"### [{number}] {escape_markdown(citation.section)}",
        f"**Lesson:** {escape_markdown(lesson)}  ",
        f"**Section:** {escape_markdown(citation.section)}  ",
    ]
    if citation.source:
        lines.append(f"**Source:** {escape_markdown(citation.source)} · `{citation.chunk_id}`")
    lines.append("")
    lines.append("**Quote**")
    lines.append("")
    lines.extend(f"> {escape_markdown(line)}" for line in citation.quote.splitlines() or [""])
    if passage and passage.strip() and passage.strip() != citation.quote.strip():
        lines += ["", "**Full passage**", ""]
        lines.extend(escape_markdown(line) + "  " for line in passage.splitlines())
    return "\n".join(lines)


# ----------------------------------------------------------------------------- grounding


def _claims(grounding: Grounding) -> tuple[int, int]:
    """(supported, total) over the claims only: headings and labels are not counted."""
    claims = grounding.claims
    return sum(1 for s in claims if s.supported), len(claims)


def grounding_badge(result: AnswerResult) -> str:
    """'Grounded 100% · 7/7 sentences supported' (or why there is no score)."""
    if result.refused:
        return "Not answered from the course · no claims to check"
    supported, total = _claims(result.grounding)
    percent = round(100 * result.grounding.score)
    if total == 0:
        return f"Grounded {percent}% · no factual sentences to check"
    return f"Grounded {percent}% · {supported}/{total} sentences supported"


def grounding_level(result: AnswerResult) -> str:
    """'high' / 'partial' / 'low': used for the badge's colour class."""
    score = result.grounding.score
    return "high" if score >= 0.9 else "partial" if score >= 0.6 else "low"


def highlight_sentences(grounding: Grounding) -> list[tuple[str, str | None]]:
    """Per-sentence (text, label) pairs for gr.HighlightedText: supported / unsupported claims;
    headings and labels get no label."""
    pairs: list[tuple[str, str | None]] = []
    for sentence in grounding.sentences:
        label = None if not sentence.claim else "supported" if sentence.supported else "unsupported"
        pairs.append((sentence.text.strip(), label))
        pairs.append((" ", None))
    return pairs[:-1]


def answer_message(result: AnswerResult) -> str:
    """The assistant bubble: the engine's Markdown (HTML neutralised) and its grounding badge."""
    badge = grounding_badge(result)
    return f"{neutralize_html(result.answer)}\n\n*{escape_markdown(badge)}*"


def section_ids(citations: list[Citation]) -> list[str]:
    """Stable ids of the cited course sections ('6.2 › Beyond ROI…'), for feedback records."""
    return list(dict.fromkeys(f"{c.lesson} › {c.section}" for c in citations))


# ----------------------------------------------------------------------------- examples

PLACEHOLDER = re.compile(r"\[e\.g\.,?\s*['‘’\"“”]?(?P<value>[^\]]*?)['‘’\"“”]?\s*\]")


EXAMPLE_LABEL_CHARS = 58  # Gradio's gallery cuts a text sample after 60 characters


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.!?-–—([") + "…"


def example_placeholder(template: str) -> str | None:
    """The default value of an example's first bracketed placeholder, if it has one."""
    match = PLACEHOLDER.search(template)
    return match.group("value") if match else None


def fill_example(template: str, value: str | None) -> str:
    """Replaces every "[e.g., '...']" with the user's value (or the example's own)."""

    def replace(match: re.Match) -> str:
        text = (value or "").strip() or match.group("value")
        return f"'{text}'"

    return PLACEHOLDER.sub(replace, template)


def example_question_text(block_text: str) -> str:
    """'Suggested Question for Link: "Given my…"' → 'Given my…' (the question itself)."""
    _, _, rest = block_text.partition(":")
    text = rest.strip() or block_text.strip()
    if len(text) >= 2 and text[0] in "\"“" and text[-1] in "\"”":
        text = text[1:-1]
    return text.strip()


def course_examples(documents: list) -> list[dict[str, str]]:
    """The course's Suggested/Alternative Questions as examples, in course order.

    Each is {"label", "lesson", "kind", "template", "default"}: `template` keeps its
    "[e.g., '...']" placeholder so the UI can fill it from an editable field.
    """
    examples: list[dict[str, str]] = []
    for document in documents:
        for lesson in document.lessons:
            for section in lesson.sections:
                for block in section.blocks:
                    if block.kind != "question":
                        continue
                    kind = "Alternative" if block.text.lower().startswith("alternative") else "Suggested"
                    template = example_question_text(block.text)
                    examples.append(
                        {
                            # cut at a word (Gradio would cut it mid-word); the page
                            # shows the whole question on hover
                            "label": shorten(f"{lesson.lesson} · {kind}: {template}",
                                             EXAMPLE_LABEL_CHARS),
                            "lesson": lesson.lesson,
                            "kind": kind,
                            "template": template,
                            "default": example_placeholder(template) or "",
                        }
                    )
    return examples


# ----------------------------------------------------------------------------- chat history


def user_message(text: str) -> dict[str, Any]:
    return {"role": "user", "content": escape_user_text(text)}


def messages_from_history(turns: list) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Chat messages and the answer records (by message index) for a stored conversation.

    `turns` are `assistant.memory.Turn`s; an assistant turn's payload holds its citations,
    tool calls and grounding, so a reopened answer keeps its cards, badge and sources.
    """
    messages: list[dict[str, Any]] = []
    answers: dict[str, dict[str, Any]] = {}
    question = ""
    for turn in turns:
        if turn.role == "user":
            question = turn.content
            messages.append(user_message(turn.content))
            continue
        payload = dict(turn.payload or {})
        known = {k: payload[k] for k in ("citations", "tool_calls", "grounding", "refused",
                                         "engine", "intent", "role", "clarification") if k in payload}
        try:
            result = AnswerResult(question=question or "(question)", answer=turn.content, **known)
        except ValueError:
            result = AnswerResult(question=question or "(question)", answer=turn.content)
        for call in result.tool_calls:
            messages.extend(tool_card(call, card_id=f"tool-{len(messages)}"))
        messages.append({"role": "assistant", "content": answer_message(result)})
        answers[str(len(messages) - 1)] = result.model_dump(mode="json")
    return messages, answers


def answer_for_index(answers: dict[str, Any], index: int) -> tuple[int, dict[str, Any]] | None:
    """The answer a click or a thumb on message `index` refers to.

    Tool cards and the answer after them form one bubble, so a click on a card means the
    answer that follows it; otherwise the nearest answer before it.
    """
    keys = sorted(int(k) for k in answers)
    if not keys:
        return None
    after = [k for k in keys if k >= index]
    key = after[0] if after else keys[-1]
    return key, answers[str(key)]
