"""The embedded offline brain: a deterministic LangChain chat model that needs no LLM.

Turn 1 (only the user's message since the last answer): it plans. The question's intent (read
once per question by the engine and handed over in the run's config, or read here when the
model runs alone) decides which calculators to call; every ask of the message gets one course
search in the user's own words. It answers with an AIMessage carrying those tool calls.
Turn 2 (tool results present): it composes the answer extractively from the tool results and
the retrieved course units (assistant/answering/compose.py) and returns it with a typed ``Draft``
(assistant/types.py) under ``DRAFT`` in the message, which is all the engine reads.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import yaml
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field, PrivateAttr

from assistant.reading.asks import search_asks
from assistant.reading.calculate import other_asks
from assistant.answering.compose import Composer, asks_for_things, in_course_order, own_ask, passage_units, printed
from assistant.answering.lessons import (NamedLesson, asks_where, location_line, named_lesson, named_sections,
                                         summary_sections)
from assistant.answering.members import built_round_a_table, members_line, section_members
from assistant.answering.rules import own_figures
from assistant.reading.intents import PROMPTS, Intent, detect, names_no_topic
from assistant.settings import Settings
from assistant.types import DRAFT, Draft, Evidence, Plan
from knowledge.course import current
from tools.registry import describe_call

OUTLINE_NUMBER = re.compile(r"^[0-9]+[.)]\s+")
# Words that make a price change a cut, whatever number follows ("cut 15%", "lower by 8%", "a 10%
# discount"): the hitl_check tool takes a cut as a negative percentage.
PRICE_CUT = re.compile(r"\b(?:cut\w*|lower\w*|reduc\w*|decreas\w*|drop\w*|discount\w*|slash\w*|mark\w* ?down)\b|[-–−]\s?\d+(?:[.,]\d+)?\s?(?:%|pct|percent)", re.I)
ASSUMPTIONS_NOTE = ("These impact, confidence and ease figures are default assumptions; change them by "
                    "giving your own figures.")


def assumptions_evidence() -> Evidence:
    """The default ICE estimates a goal-strategy answer ranks with, as evidence for it."""
    # What the estimates are travels with them, as the assumptions file's header once did.
    header = ("# Default impact, confidence and ease estimates (1-10) per application, used when no "
              "figures are given. " + ASSUMPTIONS_NOTE)
    return Evidence(id="assumptions", text=header + "\n" + yaml.safe_dump(load_assumptions(), sort_keys=False, allow_unicode=True))


def fixed_texts() -> list[str]:
    """What this brain may add to an answer whatever the question (the assumptions note and
    their evidence, the course outline), as the checker compares them: embedded at warm-up."""
    from assistant.answering.compose import course_outline
    from assistant.grounding import Evidence as Checked
    from assistant.grounding import evidence_units

    outline = course_outline()
    fixed = [assumptions_evidence(), Evidence(id="outline", text=outline)]
    return [ASSUMPTIONS_NOTE, outline,
            *(u for item in fixed for u in evidence_units(Checked(id=item.id, text=item.text, kind="tool")))]


# Passages searched for an ask for an example (the search tool's most).
EXAMPLE_SEARCH_K = 10

# The most lines a summary section adds to an overview answer.
SUMMARY_UNITS = 12

# Kinds of question answered with the members a section names (a list of them, what it covers).
MEMBER_KINDS = frozenset({"list", "overview"})

# The run's config carries the engine's reading of the question under this key (an Intent).
INTENT = "advisor_intent"


@lru_cache(maxsize=1)
def _general_answer_texts() -> dict[str, dict[str, str]]:
    path = PROMPTS / "answers.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    return {key: dict((data or {}).get(key) or {}) for key in ("titles", "coaching")}


def answer_texts() -> dict[str, dict[str, str]]:
    """Per-intent answer titles and coaching questions: the general ones (prompts/answers.yaml)
    and those the served course's sidecar adds (knowledge.course); optional data."""
    from knowledge.course import current

    sidecar = current().sidecar
    return {
        key: {**value, **dict(sidecar.get(key) or {})} for key, value in _general_answer_texts().items()
    }


def scope_statement() -> str:
    """What the served course covers, from its own headings: each module's title and lessons."""
    from knowledge.course import current

    parts = []
    for module in current().modules:
        lessons = [lesson.title for lesson in module.lessons][:8]
        parts.append(f"“{module.title}”" + (f" ({'; '.join(lessons)})" if lessons else ""))
    if not parts:
        return "the course"
    return ("the course " if len(parts) == 1 else "the course's modules ") + " and ".join(parts)


class _Refusals(Mapping):
    """Refusal texts that describe the course being served (its own headings), never a fixed one."""

    KINDS = ("injection", "out_of_scope")

    def __getitem__(self, kind: str) -> str:
        covers = scope_statement()
        if kind == "injection":
            return ("I can't do that: I don't change my rules, reveal my instructions or take on another "
                    f"persona. I can help with {covers}.")
        if kind == "out_of_scope":
            return f"Sorry, that is outside what I can help with: I only answer questions about {covers}."
        raise KeyError(kind)

    def __iter__(self):
        return iter(self.KINDS)

    def __len__(self) -> int:
        return len(self.KINDS)


REFUSALS = _Refusals()

NEUTRAL_ESTIMATE = {"impact": 5, "confidence": 5, "ease": 5}


def load_assumptions() -> dict[str, dict[str, float]]:
    """Default ICE estimates per application: the served course's sidecar's, or, without one,
    the same neutral estimate for every row of its metric tables."""
    from knowledge.course import current

    course = current()
    given = course.sidecar.get("assumptions")
    if given:
        return dict(given)
    return {row.application: dict(NEUTRAL_ESTIMATE) for row in course.metric_rows}


def leaning_asks(asks: list[str]) -> list[str]:
    """The asks of one message, each searchable alone: a later ask that leans on the first ("…what
    is a tare weight? And why does it matter?") borrows the first one's topic, as a follow-up
    borrows the previous turn's (assistant/reading/elliptical.py)."""
    from assistant.reading.elliptical import is_elliptical, resolve

    return [ask if index == 0 or not is_elliptical(ask) else resolve(ask, asks[0]).text
            for index, ask in enumerate(asks)]


_POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their)\b", re.IGNORECASE)


def asking_part(ask: str) -> str:
    """An ask searched by its question sentence when the asker's situation comes before it ("we're
    a two-person bakery selling online. how should we pick which tool to try first?" → the
    question): the situation's words would pull the search towards passages that share them
    rather than those that answer. The ask stays whole when the question leans on what came before
    it ("we run a small shop. does that apply to us?"; "our hedge is brown. why is it dying?": a
    pronoun whose thing the situation names), names little of its own, or the situation
    gives a measured figure the question works with ("my jar is 30 x 20 cm. what box size?")."""
    from assistant.reading.elliptical import _own_words, is_elliptical

    sentences = [piece.strip() for piece in re.split(r"(?<=[.!?])\s+", ask.strip()) if piece.strip()]
    if len(sentences) < 2 or not sentences[-1].endswith("?") or any(s.endswith("?") for s in sentences[:-1]):
        return ask
    question = sentences[-1]
    if is_elliptical(question) or len(_own_words(question)) < 3:
        return ask
    if _POINTS_BACK.search(question):
        return ask  # "my pile smells. what state is it in?": the thing asked about is named before
    from assistant.answering.rules.quantities import read_quantities

    if any(q.unit for q in read_quantities(" ".join(sentences[:-1]))):
        return ask  # a measured figure of the situation ("a 30 x 20 x 10 cm jar") is the ask's input
    return question


def _role(messages: list[BaseMessage]) -> str:
    for message in messages:
        if isinstance(message, SystemMessage):
            match = re.search(r"^ROLE:\s*(\w+)", str(message.content), re.MULTILINE)
            if match:
                return match.group(1)
    return "learner"


def _call(name: str, args: dict) -> dict:
    return {"name": name, "args": args, "id": f"call_{uuid.uuid4().hex[:10]}", "type": "tool_call"}


def _clarifying_reply(calc) -> AIMessage:
    """A normal reply that says what was read and asks the one question needed to compute."""
    assert calc.clarification is not None
    lines = [f"### {calc.titles[0] if calc.titles else 'Calculation'}", "", "What I read:"]
    lines.extend(f"- {line}" for line in calc.account_lines())
    lines += ["", calc.clarification.question]
    if calc.clarification.options:
        lines.append("Options: " + "; ".join(calc.clarification.options) + ".")
    draft = Draft(answer="\n".join(lines), plan=Plan(intent="clarify", clarification=calc.clarification),
                  evidence=[Evidence(id="figures", text="\n".join(calc.account_lines()))], extractive=True)
    return AIMessage(content=draft.answer, additional_kwargs={DRAFT: draft})


class OfflineChatModel(BaseChatModel):
    """Deterministic planner/composer behind the standard chat-model interface."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    embed: Any = None  # texts -> normalised vectors (numpy)
    # Where its tuning comes from: passages per search, units quoted, the composer's weights.
    settings: Settings = Field(exclude=True)
    extractive: bool = True  # every answer sentence is course text or a calculator template
    _composer: Composer | None = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "advisor-offline"

    def bind_tools(self, tools, **kwargs):  # the plan decides which tools to call
        return self

    @property
    def composer(self) -> Composer:
        if self._composer is None:
            self._composer = Composer(self.embed, self.settings)
        return self._composer

    def _generate(self, messages: list[BaseMessage], stop=None, run_manager=None, **kwargs) -> ChatResult:
        last_human = max(i for i, m in enumerate(messages) if isinstance(m, HumanMessage))
        question = str(messages[last_human].content)
        tail = messages[last_human + 1 :]
        if not any(isinstance(m, ToolMessage) for m in tail):
            message = self.plan(question)
        else:
            message = self.compose(question, tail, _role(messages))
        return ChatResult(generations=[ChatGeneration(message=message)])

    # ---- turn 1 -------------------------------------------------------------------------
    def intent_for(self, question: str) -> Intent:
        """The engine's reading of the question when it passed one; otherwise read it here."""
        from langchain_core.runnables.config import ensure_config

        given = (ensure_config().get("configurable") or {}).get(INTENT)
        return given if isinstance(given, Intent) else self._detect(question)

    def _detect(self, question: str) -> Intent:
        return detect(question, self.embed, self.settings.exemplar_threshold)

    def plan(self, question: str) -> AIMessage:
        intent = self.intent_for(question)
        if intent.refusal:
            draft = Draft(answer=REFUSALS[intent.refusal], plan=Plan(intent="refuse", refusal=intent.refusal), extractive=True)
            return AIMessage(content=draft.answer, additional_kwargs={DRAFT: draft})
        calc = intent.calculation
        rest = other_asks(question) if calc is not None else ""
        if calc is not None and calc.clarification is not None and not calc.calls and not rest:
            return _clarifying_reply(calc)
        lesson = named_lesson(question, current()) if calc is None and not intent.tools else None
        if lesson is not None and lesson.gist:  # what a lesson covers: each of its sections' opening
            return AIMessage(content="", tool_calls=[
                _call("search_course", {"query": section[:500], "k": 2, "section": section}) for section in lesson.sections])
        planned = intent.tools + self._extra_tools(question, intent)
        if rest:  # the message's other asks ("…and which KPIs should we watch?"), after the calculation
            second = self._detect(rest)
            if not second.refusal and second.calculation is None:
                planned += second.tools + self._extra_tools(rest, second)
        calls = [_call(name, args) for name, args in planned]
        # an ask for an example casts a wider net: a course gives few examples, and one tells of a
        # case in its own words, so it ranks below the passages that name the topic
        k = max(self.settings.offline_search_k, EXAMPLE_SEARCH_K) if intent.kind == "example" else self.settings.offline_search_k
        for ask in leaning_asks(search_asks(rest if calc is not None and rest else question)):
            calls.append(_call("search_course", {"query": asking_part(ask)[:500], "k": k}))
        for section in lesson.parts if lesson is not None else ():  # the parts of a lesson it names
            calls.append(_call("search_course", {"query": section[:500], "k": 4}))
        if calc is None and not intent.tools:  # sections it names by their headings' words
            for section in named_sections(question, current()):
                if lesson is None or section not in lesson.parts:
                    calls.append(_call("search_course", {"query": section[:500], "k": 4, "section": section}))
        if intent.kind == "overview":  # the course as a whole: each module's own introduction
            for module in current().modules:
                calls.append(_call("search_course", {"query": module.title[:500], "k": 2}))
            for section in summary_sections(current()):  # and where it sums itself up
                calls.append(_call("search_course", {"query": section[:500], "k": 3, "section": section}))
        return AIMessage(content="", tool_calls=calls)

    def _extra_tools(self, question: str, intent: Intent) -> list[tuple[str, dict]]:
        """Course tools a question asks for by their specs' own words (tools/registry.py), with
        inputs named in the question: never by its topic, which retrieval finds."""
        from tools.registry import TOOLS

        slots = intent.slots
        extra: list[tuple[str, dict]] = []
        asked = {name for name in ("kpi_suggest", "smart_check", "hitl_check") if TOOLS[name].asked_in(question)}
        if "smart_check" in asked and slots.metric and (slots.percents or slots.limits) and intent.kind in {"list", "how-to"}:
            # a goal with a target and a question about what to do for it: check the goal,
            # the indicators that track its metric, and a ranking of the options
            from knowledge.parsing import kpi_source
            from tools.kpi import applications_for_metric

            goal = re.search(r"\[e\.g\.,?\s*['\"‘“]([^'\"’”]+)['\"’”]\]", question)
            extra.append(("smart_check", {"goal": goal.group(1) if goal else question[:500]}))
            rows = applications_for_metric(slots.metric, *kpi_source())
            if rows:
                extra.append(("kpi_suggest", {"application": rows[0].application, "goal_metric": slots.metric}))
            defaults = load_assumptions()
            candidates = [row.application for row in rows if row.application in defaults] or list(defaults)
            initiatives = [{"name": name, **defaults[name]} for name in candidates]
            extra.append(("prioritize", {"initiatives": initiatives, "method": "ice"}))
        elif "kpi_suggest" in asked:
            for application in slots.applications[:2]:
                args = {"application": application}
                if slots.metric:
                    args["goal_metric"] = slots.metric
                extra.append(("kpi_suggest", args))
        if "hitl_check" in asked and re.search(r"pric|fraud|content|publish|escalat", question, re.I):
            action = "price change" if re.search(r"pric", question, re.I) else (
                "fraud block" if re.search(r"fraud", question, re.I) else (
                    "customer service escalation" if re.search(r"escalat", question, re.I) else "content publication"))
            args: dict[str, Any] = {"action": action.replace(" ", "_")}  # the schema's own value
            if action == "price change" and slots.percents:
                # A cut is a negative change (the tool's convention: "a 5% cut is -5").
                cut = PRICE_CUT.search(question) and slots.percents[0] > 0
                args["price_change_pct"] = -slots.percents[0] if cut else slots.percents[0]
                if slots.limits:  # the asker's own policy line ("any change over 10%")
                    args["price_change_threshold_pct"] = slots.limits[0]
                if slots.key_segment is not None:  # "not key customers": said either way
                    args["affects_key_segment"] = slots.key_segment
            if action == "fraud block":
                tier = "vip" if re.search(r"\bvip\b", question, re.I) else (
                    "high_value" if re.search(r"high[- ]value|best customer|top customer|loyal", question, re.I) else "standard")
                args["customer_value_tier"] = tier
            extra.append(("hitl_check", args))
        return extra

    # ---- turn 2 -------------------------------------------------------------------------
    def compose(self, question: str, tail: list[BaseMessage], role: str) -> AIMessage:
        planner = next(m for m in tail if isinstance(m, AIMessage) and m.tool_calls)
        intent_read = self.intent_for(question)
        results: dict[str, Any] = {}
        for message in tail:
            if isinstance(message, ToolMessage):
                try:
                    results[message.tool_call_id] = json.loads(message.content)
                except (TypeError, ValueError):
                    results[message.tool_call_id] = str(message.content)
        intent = intent_read.name
        goal_plan = {"smart_check", "prioritize"} <= {call["name"] for call in planner.tool_calls}
        texts = answer_texts()
        lines: list[str] = [f"### {texts['titles'].get(intent, 'What the course says')}", ""]

        tool_lines: list[str] = []
        search_results: list[list[dict]] = []
        for call in planner.tool_calls:
            result = results.get(call["id"])
            if call["name"] == "search_course":
                passages = result.get("passages", []) if isinstance(result, dict) else []
                search_results.append((call["args"].get("query", question), passages))
                continue
            if isinstance(result, dict) and "error" in result:
                result = str(result["error"])
            described = describe_call(call["name"], call["args"], result)
            if intent_read.avoid and described and set(described) <= set(intent_read.avoid) \
                    and intent_read.calculation is None:
                continue  # the previous answer gave this very result: a follow-up is no repeat
            tool_lines.extend(described)
        calc = intent_read.calculation
        reading = calc.account_lines() if calc is not None else []
        clarification = calc.clarification if calc is not None else None
        if tool_lines or clarification is not None:
            lines.append("#### Calculated")
            if reading:  # every figure of the question: its role, or why it was not used
                lines.append("What I read:")
                lines.extend(f"- {line}" for line in reading)
                lines.append("")
            if tool_lines:
                lines.append("Result:")
            lines.extend(f"- {line}" if not re.match(r"^\d+\.", line) else f"   {line}" for line in tool_lines)
            if clarification is not None:
                lines.append(f"- {clarification.question}")
            if goal_plan:
                lines.append(f"- {ASSUMPTIONS_NOTE}")
            lines.append("")

        draft = self.explain(question, intent_read, search_results, lines, bool(tool_lines))
        if not tool_lines and clarification is None:  # a rule of the passages, with the learner's figures
            lines[2:2] = own_figures(question, [p for _, group in search_results for p in group], draft)
        draft.plan.clarification = clarification
        if reading:  # the figure reader's account is a deterministic tool output
            draft.evidence.append(Evidence(id="figures", text="\n".join(reading)))
        if role == "learner" and intent in texts["coaching"] and draft.citations:
            lines.append(f"**Your turn:** {texts['coaching'][intent]}")
        if goal_plan:
            draft.evidence.append(assumptions_evidence())
        draft.answer = "\n".join(lines).strip()
        return AIMessage(content=draft.answer, additional_kwargs={DRAFT: draft})

    def explain(self, question: str, intent: Intent, searches: list[tuple[str, list[dict]]], lines: list[str],
                calculated: bool) -> Draft:
        """Adds what the course says, ask by ask, to ``lines``; returns the draft's citations."""
        from assistant.answering.compose import course_outline
        from assistant.answering.compose import Pick
        from assistant.answering.definitions import continuation, coverage_sentence, term_coverage

        draft = Draft(answer="", plan=Plan(intent=intent.name), extractive=True)
        lesson = named_lesson(question, current()) if not calculated and intent.calculation is None else None
        if lesson is not None and lesson.gist:
            self._lesson_gist(lesson, searches, lines, draft)
            return draft
        if lesson is not None:  # a question about one lesson: that lesson's passages first, and
            # the passages of the sections it names join the ask's own
            parts = [p for ask, passages in searches if ask in lesson.parts for p in passages]
            searches = [(ask, [p for p in [*passages, *parts] if p.get("lesson") == lesson.lesson] or passages)
                        for ask, passages in searches if ask not in lesson.parts]
        sections = set(named_sections(question, current())) if not calculated and intent.calculation is None else set()
        summaries = set(summary_sections(current())) if intent.kind == "overview" else set()
        sections -= summaries  # an overview quotes a summary it names whole, below
        asked_sections = sections | set(lesson.parts if lesson is not None else ())
        if sections and any(ask not in sections for ask, _ in searches):
            # the passages of a section the question names by its heading join the first ask's
            # (theirs that are in that section: the heading's search may bring others)
            named_parts = [p for ask, passages in searches if ask in sections for p in passages if p.get("section") in sections]
            searches = [(ask, passages + (named_parts if index == 0 else []))
                        for index, (ask, passages) in enumerate((a, ps) for a, ps in searches if a not in sections)]
        if intent.kind == "overview":  # what the course covers: its outline, from its own headings,
            lines.extend([course_outline(), ""])  # then the sections where it sums itself up, whole
            draft.evidence.append(Evidence(id="outline", text=course_outline()))
            quoted: set[str] = set()  # a summary the question also names is searched twice
            for ask, passages in searches:
                if ask in summaries and ask not in quoted:
                    quoted.add(ask)
                    self._whole_section(ask, passages, lines, draft)
            # the other searches (the question's own words, each module's introduction) add
            # what the summaries did not quote; the question's words only when they name a topic
            # ("sum up the whole module for me" names none: its words would find noise)
            titles = {module.title[:500] for module in current().modules}
            searches = [(ask, [p for p in passages if p.get("section") not in summaries])
                        for ask, passages in searches
                        if ask not in summaries and (ask in titles or not names_no_topic(ask))]
        term = intent.term or next(iter(intent.undefined), "")
        coverage = None
        if term:
            coverage = term_coverage(term, [p for _, group in searches for p in group], term in intent.undefined)
            if coverage["mentions"] == 0 and intent.name == "definition":
                searches = []  # nothing on this term: quoting nearby text would mislead
        used: set[str] = set()
        named: set[str] = set()  # sections whose members the answer named
        where = asks_where(own_ask(question))  # "which lesson talks about…": say where, first
        several = len(searches) > 1
        # (its last sentence: "first time doing this!! which tools are cheap ones" asks in it)
        things = asks_for_things(re.split(r"(?<=[.!?])\s+", own_ask(question).strip())[-1])
        for ask, passages in searches:
            count = self.settings.offline_units_per_ask if several else self.settings.offline_units
            picks = self.composer.select(ask, passages, count, used, kind=intent.kind,
                                         avoid=frozenset(intent.avoid), typed=intent.typed, term=intent.term)
            if not picks:
                continue
            if several:
                lines.append(f"#### {ask.strip().rstrip('?')}?")
            for group in in_course_order(picks):
                if where:
                    located = location_line(group[0].passage)
                    lines.extend([located, ""])
                    draft.evidence.append(Evidence(id="outline", text=located))
                    where = False
                if not several:  # the section's outline number ("4. …") is not a figure of the answer
                    lines.append("#### " + OUTLINE_NUMBER.sub("", group[0].passage.get("section", "")))
                if (intent.kind in MEMBER_KINDS or group[0].passage.get("section") in asked_sections
                        or (things and built_round_a_table(current(), group[0].passage.get("source", ""),
                                                           group[0].passage.get("section", "")))):
                    # a question for what a section lists, or one naming the section, or one asking
                    # which things and answered from a table ("which tools are cheap ones?"): its members
                    self._members(group[0].passage, lines, draft, named)
                head = None
                for pick in group:
                    rendered = self._render(pick, draft)
                    if pick.unit.kind in {"list", "item"} and pick.unit.parts[0] in intent.avoid:
                        # the lead-in was quoted by the answer before: its items stand alone
                        rendered = [line.replace("   - ", "- ", 1) for line in rendered[1:]]
                    if pick.unit.kind == "item" and rendered[0] == head:
                        rendered = rendered[1:]  # items of one list under its lead-in, printed once
                    else:
                        head = rendered[0]
                    lines.extend(rendered)
                    more = continuation(intent.term, pick.unit, passage_units(pick.passage), pick.passage["text"]) \
                        if intent.kind == "definition" and intent.term else None
                    if more is not None and more.text not in used:  # what the term covers, said next
                        used.add(more.text)
                        lines.extend(self._render(Pick(more, pick.passage, pick.score), draft))
                lines.append("")
        if coverage is not None:
            note = coverage_sentence(coverage)
            if note:
                lines.append(note)
                draft.evidence.append(Evidence(id="coverage", text=f"{note}\n{json.dumps(coverage)}"))
        if not draft.citations and not calculated:
            lines.append(course_outline())
            draft.evidence.append(Evidence(id="outline", text=course_outline()))
        return draft

    def _whole_section(self, section: str, passages: list[dict], lines: list[str], draft: Draft) -> None:
        """Every unit of a section's passages, in course order (a summary is quoted whole, up to
        the settings' cap on the units of one answer)."""
        from assistant.answering.compose import Pick, quotable

        own = sorted((p for p in passages if p.get("section") == section), key=lambda p: int(p.get("start", 0) or 0))
        units = [(unit, p) for p in own for unit in passage_units(p) if quotable(unit.parts[0])]
        if not units:
            return
        lines.append("#### " + OUTLINE_NUMBER.sub("", section))
        printed_parts: set[str] = set()  # overlapping passages hold a unit twice: quoted once
        for unit, passage in units:
            if set(unit.parts) <= printed_parts:
                continue
            if len(printed_parts) >= SUMMARY_UNITS:
                break
            printed_parts.update(unit.parts)
            lines.extend(self._render(Pick(unit, passage, 1.0), draft))
        lines.append("")

    @staticmethod
    def _members(passage: dict, lines: list[str], draft: Draft, named: set[str]) -> None:
        """Names the members of the passage's section (assistant/answering/members.py), once."""
        section = passage.get("section", "")
        members = section_members(current(), passage.get("source", ""), section)
        if not members or section in named:
            return
        named.add(section)
        line = members_line(OUTLINE_NUMBER.sub("", section), members)
        lines.append(line)
        draft.evidence.append(Evidence(id="outline", text=line))

    def _lesson_gist(self, lesson: NamedLesson, searches: list[tuple[str, list[dict]]], lines: list[str],
                     draft: Draft) -> None:
        """What a lesson covers: its sections (its own headings), each with its opening unit."""
        from assistant.answering.compose import Pick

        course = current()
        source = next((m.source for m in course.modules for part in m.lessons if part.lesson == lesson.lesson
                       and part.title == lesson.title), "")

        def named(section: str) -> str:  # a section whose paragraphs name its members, with them
            members = section_members(course, source, section)
            return f"{section} ({'; '.join(members)})" if members else section

        outline = f"“{lesson.title}” covers " + "; ".join(named(section) for section in lesson.sections) + "."
        lines.extend([outline, ""])
        draft.evidence.append(Evidence(id="outline", text=outline))
        for section, passages in searches:
            own = sorted((p for p in passages if p.get("lesson") == lesson.lesson and p.get("section") == section),
                         key=lambda p: int(p.get("start", 0) or 0))
            opening = next(((unit, p) for p in own for unit in passage_units(p)), None)
            if opening is None:
                continue
            lines.append("#### " + OUTLINE_NUMBER.sub("", section))
            unit = opening[0]
            if unit.kind == "list" and len(unit.parts) > 2:  # a gist: a list's lead-in and first item
                unit = type(unit)(unit.parts[:2], unit.kind)
            lines.extend(self._render(Pick(unit, opening[1], 1.0), draft))
            lines.append("")

    @staticmethod
    def _render(pick, draft: Draft) -> list[str]:
        """Answer lines for one unit, each with its citation number; records the verbatim quotes."""
        passage = pick.passage
        cid = passage["chunk_id"]
        if cid not in draft.citations:
            draft.citations.append(cid)
        ref = f"[{draft.citations.index(cid) + 1}]"
        quotes = draft.quotes.setdefault(cid, [])
        for part in pick.unit.parts:
            start = passage["text"].lower().find(part.lower())  # verbatim, as the course has it
            quotes.append(passage["text"][start : start + len(part)] if start >= 0 else part)
        head, *items = printed(pick.unit)
        return [f"- {head} {ref}", *(f"   - {item} {ref}" for item in items)]
