"""The embedded offline brain: a deterministic LangChain chat model that needs no LLM.

Turn 1 (only the user's message since the last answer): it plans. Intent detection and slot
extraction decide which course searches and which calculators to call, and it answers with an
AIMessage carrying those tool calls (the plan travels in ``additional_kwargs``).
Turn 2 (tool results present): it composes the answer extractively from the tool results and
the retrieved course sentences (assistant/compose.py).
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import yaml
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, PrivateAttr

from assistant.asks import other_asks
from assistant.compose import Composer, facets_for
from assistant.intents import PROMPTS, Intent, detect
from tools.registry import describe_call

INTENT_TITLES = {
    "goal_strategy": "AI priorities for your goal",
    "kpi": "KPIs to track",
    "roi_case": "Building the ROI case",
    "scaling": "Scaling the pilot",
    "hitl": "Human-in-the-loop oversight",
    "governance": "Ethical governance",
    "trends": "Planning for the trend",
    "roadmap": "Short-term wins and long-term bets",
    "culture": "An AI-ready culture",
    "integration": "Integrated AI workflows",
    "readiness": "Assessing readiness",
    "modular": "A modular AI strategy",
    "buy_in": "Securing stakeholder buy-in",
    "prioritize": "Prioritisation",
    "roi": "ROI",
    "payback": "Payback period",
    "clv": "Customer lifetime value",
    "ab_test": "A/B test result",
    "sample_size": "Sample size",
    "tco": "Total cost of ownership",
    "definition": "What the course says",
    "general": "What the course says",
}

COACHING = {
    "goal_strategy": "Which one of these applications would you pilot first, and which KPI would tell you within a month that it is working?",
    "kpi": "Which one leading indicator would you put on your dashboard first, and what control group could you use?",
    "roi_case": "Which of these value metrics could you already measure with the data you collect today?",
    "scaling": "What is the biggest risk in your rollout, and which phase would you start with?",
    "hitl": "In your business, which AI decision would you never let run without a human check?",
    "governance": "Which of these safeguards is missing in your business today?",
    "trends": "What data would you need to start collecting now to be ready?",
    "roadmap": "What is one short-term win you could deliver in the next three months?",
    "prioritize": "Which estimate in this ranking are you least confident about, and how could you test it?",
}
REFUSALS = {
    "injection": (
        "I can't do that: I don't change my rules, reveal my instructions or take on another "
        "persona. I can help with the course's AI-strategy topics: prioritising AI projects "
        "(RICE, ICE, Value vs Effort), KPIs and ROI/TCO, A/B tests, ethical governance, scaling "
        "pilots, human oversight and emerging trends."
    ),
    "out_of_scope": (
        "Sorry, that is outside what I can help with: I only answer questions about the course "
        "on AI strategy for e-commerce. I can help with prioritising AI projects (RICE, ICE, "
        "Value vs Effort), choosing KPIs, calculating ROI, TCO and payback, A/B tests, ethical "
        "governance, scaling pilots, human-in-the-loop oversight and emerging AI trends."
    ),
}


def load_assumptions() -> dict[str, dict[str, float]]:
    return yaml.safe_load((PROMPTS / "assumptions.yaml").read_text(encoding="utf-8"))


def _clarifying_reply(calc) -> AIMessage:
    """A normal reply that says what was read and asks the one question needed to compute."""
    assert calc.clarification is not None
    lines = [f"### {calc.titles[0] if calc.titles else 'Calculation'}", "", "What I read:"]
    lines.extend(f"- {line}" for line in calc.account_lines())
    lines += ["", calc.clarification.question]
    if calc.clarification.options:
        lines.append("Options: " + "; ".join(calc.clarification.options) + ".")
    clarification = {"question": calc.clarification.question, "options": calc.clarification.options}
    return AIMessage(content="\n".join(lines), additional_kwargs={
        "offline_plan": {"intent": "clarify", "clarification": clarification},
        "offline_citations": [], "offline_quotes": {},
        "offline_evidence": [{"id": "figures", "text": "\n".join(calc.account_lines())}]})


def _role(messages: list[BaseMessage]) -> str:
    for message in messages:
        if isinstance(message, SystemMessage):
            match = re.search(r"^ROLE:\s*(\w+)", str(message.content), re.MULTILINE)
            if match:
                return match.group(1)
    return "learner"


def _call(name: str, args: dict) -> dict:
    return {"name": name, "args": args, "id": f"call_{uuid.uuid4().hex[:10]}", "type": "tool_call"}


class OfflineChatModel(BaseChatModel):
    """Deterministic planner/composer behind the standard chat-model interface."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    embed: Any = None  # texts -> normalised vectors (numpy)
    top_k: int = 4
    _composer: Composer | None = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "advisor-offline"

    def bind_tools(self, tools, **kwargs):  # the plan decides which tools to call
        return self

    @property
    def composer(self) -> Composer:
        if self._composer is None:
            self._composer = Composer(self.embed)
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
    def plan(self, question: str) -> AIMessage:
        intent = detect(question, self.embed)
        if intent.refusal:
            return AIMessage(content=REFUSALS[intent.refusal], additional_kwargs={"offline_plan": {"intent": "refuse", "refusal": intent.refusal}})
        calc = intent.calculation
        rest = other_asks(question) if calc is not None else ""
        if calc is not None and calc.clarification is not None and not calc.calls and not rest:
            return _clarifying_reply(calc)
        planned = intent.tools + self._extra_tools(question, intent)
        topics = [(intent.name, question)] if calc is None or calc.calls else []
        if rest:  # the message's other asks ("…and which KPIs should we watch?"), after the calculation
            second = detect(rest, self.embed)
            if not second.refusal and second.calculation is None:
                planned += second.tools + self._extra_tools(rest, second)
                topics.append((second.name, rest))
        calls = [_call(name, args) for name, args in planned]
        if calc is not None and calc.clarification is not None and not calc.calls and not topics:
            return _clarifying_reply(calc)
        facets = []
        for heading, query, count, *pin, text in ((*f, text) for name, text in topics for f in facets_for(name, text)):
            query = query.replace("{q}", text[:500])
            if intent.name == "definition" and not pin:
                pin = [rf"(?i)\b{re.escape(intent.term)}\b"]  # quote what the course says about the term
            facets.append({"heading": heading, "query": query, "count": count, "pin": pin[0] if pin else None})
            calls.append(_call("search_course", {"query": query, "k": self.top_k}))
        term = intent.term
        if not term and re.search(r"\bSTRIVE\b", question):
            term = "STRIVE"  # named by the course, never spelled out: say so rather than invent
        plan = {"intent": intent.name, "facets": facets, "term": term}
        if calc is not None:
            plan["reading"] = calc.account_lines()
            if calc.clarification is not None:
                plan["clarification"] = {"question": calc.clarification.question, "options": calc.clarification.options}
        return AIMessage(content="", tool_calls=calls, additional_kwargs={"offline_plan": plan})

    def _extra_tools(self, question: str, intent: Intent) -> list[tuple[str, dict]]:
        slots = intent.slots
        extra: list[tuple[str, dict]] = []
        if intent.name == "goal_strategy":
            from knowledge.parsing import kpi_source
            from tools.kpi import applications_for_metric

            goal = re.search(r"\[e\.g\.,?\s*['\"‘“]([^'\"’”]+)['\"’”]\]", question)
            extra.append(("smart_check", {"goal": goal.group(1) if goal else question[:500]}))
            metric = slots.metric or "Conversion Rate"
            rows = applications_for_metric(metric, *kpi_source())
            extra.append(("kpi_suggest", {"application": rows[0].application if rows else "personalization engine", "goal_metric": metric}))
            defaults = load_assumptions()
            candidates = [row.application for row in rows if row.application in defaults] or list(defaults)
            initiatives = [{"name": name, **defaults[name]} for name in candidates]
            extra.append(("prioritize", {"initiatives": initiatives, "method": "ice"}))
        elif intent.name == "kpi":
            for application in slots.applications[:2]:
                args = {"application": application}
                if slots.metric:
                    args["goal_metric"] = slots.metric
                extra.append(("kpi_suggest", args))
        elif intent.name == "roi_case":
            application = slots.applications[0] if slots.applications else "demand forecasting"
            extra.append(("kpi_suggest", {"application": application}))
        elif intent.name == "scaling" and slots.applications:
            extra.append(("kpi_suggest", {"application": slots.applications[0]}))
        elif intent.name == "hitl" and re.search(r"pric|fraud|content|publish|escalat", question, re.I):
            action = "price change" if re.search(r"pric", question, re.I) else (
                "fraud block" if re.search(r"fraud", question, re.I) else (
                    "customer service escalation" if re.search(r"escalat", question, re.I) else "content publication"))
            args: dict[str, Any] = {"action": action}
            if action == "price change" and slots.percents:
                args["price_change_pct"] = slots.percents[0]
            if action == "fraud block":
                tier = "vip" if re.search(r"\bvip\b", question, re.I) else (
                    "high_value" if re.search(r"high[- ]value|best customer|top customer|loyal", question, re.I) else "standard")
                args["customer_value_tier"] = tier
            extra.append(("hitl_check", args))
        return extra

    # ---- turn 2 -------------------------------------------------------------------------
    def compose(self, question: str, tail: list[BaseMessage], role: str) -> AIMessage:
        planner = next(m for m in tail if isinstance(m, AIMessage) and m.tool_calls)
        plan = planner.additional_kwargs.get("offline_plan") or {"intent": "general", "facets": []}
        results: dict[str, Any] = {}
        for message in tail:
            if isinstance(message, ToolMessage):
                try:
                    results[message.tool_call_id] = json.loads(message.content)
                except (TypeError, ValueError):
                    results[message.tool_call_id] = str(message.content)
        intent = plan["intent"]
        lines: list[str] = [f"### {INTENT_TITLES.get(intent, 'What the course says')}", ""]

        tool_lines: list[str] = []
        search_results: list[list[dict]] = []
        for call in planner.tool_calls:
            result = results.get(call["id"])
            if call["name"] == "search_course":
                search_results.append(result.get("passages", []) if isinstance(result, dict) else [])
                continue
            if isinstance(result, dict) and "error" in result:
                result = str(result["error"])
            tool_lines.extend(describe_call(call["name"], call["args"], result))
        if tool_lines or plan.get("clarification"):
            lines.append("#### Calculated")
            if plan.get("reading"):  # every figure of the question: its role, or why it was not used
                lines.append("What I read:")
                lines.extend(f"- {line}" for line in plan["reading"])
                lines.append("")
            if tool_lines:
                lines.append("Result:")
            lines.extend(f"- {line}" if not re.match(r"^\d+\.", line) else f"   {line}" for line in tool_lines)
            if plan.get("clarification"):
                lines.append(f"- {plan['clarification']['question']}")
            if intent == "goal_strategy":
                lines.append("- These impact, confidence and ease figures are default assumptions; change them by giving your own figures.")
            lines.append("")

        coverage = None
        if plan.get("term"):
            from assistant.compose import term_coverage

            coverage = term_coverage(plan["term"], [p for group in search_results for p in group])
            if coverage["mentions"] == 0 and intent == "definition":
                search_results = []  # nothing on this term: quoting nearby text would mislead

        used: set[str] = set()
        quotes: dict[str, list[str]] = {}  # the sentences quoted from each cited passage
        numbering: dict[str, int] = {}
        citations: list[dict] = []
        any_sentence = False
        for facet, passages in zip(plan["facets"], search_results):
            chosen = self.composer.select(question, facet["query"], passages, facet["count"], used, facet.get("pin"))
            if not chosen:
                continue
            if facet["heading"]:
                lines.append(f"#### {facet['heading']}")
            for sentence, passage in chosen:
                cid = passage["chunk_id"]
                if cid not in numbering:
                    numbering[cid] = len(numbering) + 1
                    citations.append(passage)
                lines.append(f"- {sentence} [{numbering[cid]}]")
                start = passage["text"].lower().find(sentence.lower())  # verbatim, as the course has it
                quotes.setdefault(cid, []).append(passage["text"][start : start + len(sentence)] if start >= 0 else sentence)
                any_sentence = True
            lines.append("")
        extra_evidence = []
        if plan.get("reading"):  # the figure reader's account is a deterministic tool output
            extra_evidence.append({"id": "figures", "text": "\n".join(plan["reading"])})
        if coverage is not None:
            from assistant.compose import coverage_sentence

            note = coverage_sentence(coverage)
            if note:
                lines.append(note)
                extra_evidence.append({"id": "coverage", "text": f"{note}\n{json.dumps(coverage)}"})
        if not any_sentence and not tool_lines:
            from assistant.compose import course_outline

            lines.append(course_outline())
            extra_evidence.append({"id": "outline", "text": course_outline()})
        if role == "learner" and intent in COACHING and any_sentence:
            lines.append(f"**Your turn:** {COACHING[intent]}")
        content = "\n".join(lines).strip()
        if intent == "goal_strategy":
            extra_evidence.append({"id": "assumptions", "text": (PROMPTS / "assumptions.yaml").read_text(encoding="utf-8")})
        return AIMessage(content=content, additional_kwargs={
            "offline_citations": [p["chunk_id"] for p in citations], "offline_evidence": extra_evidence,
            "offline_quotes": quotes,
            "offline_plan": {"intent": intent, "clarification": plan.get("clarification")}})
