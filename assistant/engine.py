"""The Advisor: validates and masks a question, runs the agent, checks grounding, keeps memory.

This is the one entry point the CLI, the UI and the evals share.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
import time
from collections.abc import Iterator
from pathlib import Path

from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage
from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.answering.agent import ALLOWED_TOOLS, RETRIEVED, allowed_tools, build_agent, search_tool
from assistant.answering.brains import make_brain
from assistant.reading.asks import search_asks
from assistant.reading.dialogue import read_conversation, resolve_follow_up, start_state
from assistant.reading.calculate import read_calculation
from assistant.reading.elliptical import is_elliptical, leans_on, resolve
from assistant.reading.injection import screen
from assistant.errors import UserError
from assistant.reading.intents import PROMPTS, Intent, detect
from assistant.memory import ConversationStore
from assistant.answering.lessons import named_lesson
from assistant.answering.offline import INTENT, REFUSALS
from assistant.answering.prefetch import prefetch
from assistant.reading.privacy import mask_pii
from assistant.settings import Settings
from assistant.answering.streamguard import RecitalGuard, protected_grams
from assistant.types import (
    DRAFT,
    AnswerResult,
    CalculationState,
    Evidence,
    Draft,
    Grounding,
    StreamEvent,
    ToolCallRecord,
)
from assistant.answering.warmup import tool_evidence
from knowledge.course import publish
from knowledge.index import IndexUnreachable
from knowledge.types import Citation

log = logging.getLogger(__name__)

# Said once, before the answer, when a message mixed a real question with an attempt to change
# the rules or see the instructions: the question is answered, nothing of the rest is repeated.
IGNORED_NOTE = "I answered your question and ignored the rest of your message"


def ignored_note(goals: list[str]) -> str:
    """The note for a mixed message, saying in a few words what the ignored part asked (the
    screen's goals), never in its words."""
    why = "asked for my instructions" if goals and set(goals) == {"reveal"} else "asked me to change how I work"
    return f"{IGNORED_NOTE}, which {why}."


# What a learner reads while the course index (a `chroma run` server) does not answer. The
# question is stored with this reply, so the conversation keeps it; the next message tries the
# server again.
INDEX_DOWN = ("The course index is unavailable at the moment, so I cannot look this up; "
              "try again shortly. Your question is kept in this conversation.")
UNAVAILABLE = "unavailable"  # the intent of such a turn


class InputProblem(UserError, ValueError):
    """A question the advisor will not process; ``code`` and ``message`` go to the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


class Question(BaseModel):
    text: str = Field(min_length=1)
    max_chars: int = 8000

    @field_validator("text")
    @classmethod
    def _clean(cls, value: str) -> str:
        if "\ufffd" in value:
            raise ValueError("question contains undecodable bytes; send UTF-8 text")
        value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", value)
        if not value.strip():
            raise ValueError("question is empty; type a question about the course")
        return value.strip()


def validate_question(text: object, max_chars: int) -> str:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputProblem("invalid_input", "question is not valid UTF-8 text; re-send it as UTF-8") from None
    if not isinstance(text, str):
        raise InputProblem("invalid_input", "question must be text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: bytes that were never valid UTF-8
        raise InputProblem("invalid_input", "question is not valid UTF-8 text; re-send it as UTF-8") from None
    # C1 controls and invisible format characters (zero-width, BOM, bidi overrides) carry no
    # meaning for a question and can hide text: drop them before any other check.
    text = "".join(c for c in text if not ("\x80" <= c <= "\x9f" or unicodedata.category(c) == "Cf"))
    if len(text) > max_chars:
        raise InputProblem(
            "too_long",
            f"question is {len(text):,} characters; the limit is {max_chars:,} "
            "(ADVISOR_MAX_QUESTION_CHARS). Shorten it or split it into several questions.",
        )
    try:
        return Question(text=text, max_chars=max_chars).text
    except ValidationError as exc:
        message = exc.errors()[0]["msg"].removeprefix("Value error, ")
        if "at least 1 character" in message:
            message = "question is empty; type a question about the course"
        raise InputProblem("invalid_input", message) from None




def system_prompt(role: str) -> str:
    return (PROMPTS / "system.md").read_text(encoding="utf-8") + f"\nROLE: {role}\n"


class Advisor:
    """Thread-safe: one agent and model set per process, one request state per call."""

    def __init__(
        self, settings: Settings, llm: str | None = None, brain=None, embedder=None
    ) -> None:
        """``brain`` injects a ready chat model (tests use LangChain's fake chat models)."""
        self.settings = settings
        self.llm = llm or self.settings.llm
        self._brain = brain
        self._embedder = embedder
        if brain is not None:
            kind = getattr(brain, "_llm_type", "custom")
            self.llm = "offline" if kind == "advisor-offline" else kind
            self.engine_name = self.llm
        else:
            self.engine_name = self.llm if self.llm == "offline" else f"{self.llm}:{self._model_label()}"
        self._lock = threading.Lock()
        self._agent = None
        self._retriever = None
        self._checker = None
        self._store: ConversationStore | None = None
        self._vectors = None
        self._scope = None
        self.extractive = False  # set from the brain: its answers are course text by construction
        self._prompt_grams: frozenset | None = None

    def _model_label(self) -> str:
        return {
            "openai": self.settings.openai_model,
            "ollama": self.settings.ollama_model,
            "llamacpp": Path(str(self.settings.llamacpp_model_path)).name,
        }.get(self.llm, "")

    # ---- lazily built parts --------------------------------------------------------------
    @property
    def retriever(self):
        if self._retriever is None:
            from knowledge.retrieve import CourseRetriever

            from knowledge.index import CourseIndex

            self._retriever = CourseRetriever(self.settings, CourseIndex(self.settings, self.vectors))
        return self._retriever

    @property
    def vectors(self):
        """The process's memoising embedder, shared by retrieval, composer and checker."""
        if self._vectors is None:
            from knowledge.embeddings import CachedEmbedder, get_embedder

            self._vectors = CachedEmbedder(self._embedder or get_embedder(self.settings),
                                           limit=self.settings.embedding_memo_limit)
            self._vectors.load(self.vector_cache_path)
        return self._vectors

    @property
    def vector_cache_path(self) -> Path:
        return self.settings.data_dir / "sentence-vectors.npz"

    def embed(self, texts: list[str]):
        return self.vectors.encode(texts)

    @property
    def agent(self):
        with self._lock:
            if self._agent is None:
                brain = self._brain or make_brain(self.settings, self.llm, embed=self.embed)
                self.extractive = bool(getattr(brain, "extractive", False))
                self._agent = build_agent(brain, self.retriever)
            return self._agent

    @property
    def prompt_grams(self) -> frozenset:
        """Word runs that recite the system prompt (the course's own words, e.g. its title, excepted)."""
        if self._prompt_grams is None:
            public = [text for text, _meta in self.retriever.chunk_map.values()]
            self._prompt_grams = protected_grams((PROMPTS / "system.md").read_text(encoding="utf-8"), public)
        return self._prompt_grams

    @property
    def checker(self):
        if self._checker is None:
            from assistant.grounding import GroundingChecker

            self._checker = GroundingChecker(embedder=self.vectors)
        return self._checker

    @property
    def scope(self):
        """The corpus's off-topic threshold and undefined terms (knowledge/scope.py), calibrated
        when the index changes and stored next to it."""
        if self._scope is None:
            from knowledge.scope import ScopeJudge, load_or_calibrate

            self._scope = ScopeJudge(self.retriever, load_or_calibrate(self.retriever, self.settings.data_dir / "scope.json"))
        return self._scope

    def reload_course(self) -> None:
        """Forgets what was read from the index (the lexical and sentence indexes, the outline and
        metric tables, the off-topic statistics, the protected prompt words), so the next question
        sees the course as it is indexed now: call it after adding or removing a module."""
        with self._lock:
            if self._retriever is not None:
                self._retriever.refresh()
            self._scope = None
            self._prompt_grams = None

    @property
    def store(self) -> ConversationStore:
        if self._store is None:
            self._store = ConversationStore(self.settings.database)
        return self._store

    def warm_up(self) -> None:
        """Loads the model, index and agent now, and embeds every course sentence the composer
        and the checker will compare against (saved in the data folder for the next start)."""
        from assistant.answering.warmup import course_texts

        self.agent  # noqa: B018
        self.vectors.inner.model  # noqa: B018  (load the model even when every vector is cached)
        self.retriever.prepare()
        self.retriever.search("warm up", k=1)
        publish(self.retriever.course)  # what warm-up embeds from the course is this index's
        self.scope  # noqa: B018
        chunks = ((cid, text, meta) for cid, (text, meta) in self.retriever.chunk_map.items())
        self.vectors.pin(course_texts(chunks))  # kept whatever the corpus size
        self.checker.check("Warm up sentence.", [])
        try:
            self.vectors.save(self.vector_cache_path)
        except OSError:
            pass  # a read-only data folder only costs time on the next start

    # ---- asking ------------------------------------------------------------------------
    def ask(
        self,
        question: object,
        conversation_id: str | None = None,
        role: str = "learner",
        question_id: str | int | None = None,
        remember: bool = True,
    ) -> AnswerResult:
        result = None
        for event in self.stream(question, conversation_id, role, question_id, remember):
            if event.type == "final":
                result = event.result
        assert result is not None
        return result

    def stream(
        self,
        question: object,
        conversation_id: str | None = None,
        role: str = "learner",
        question_id: str | int | None = None,
        remember: bool = True,
    ) -> Iterator[StreamEvent]:
        """Yields tool calls as they run, then the answer text in pieces, then the result."""
        started = time.perf_counter()
        text = mask_pii(validate_question(question, self.settings.max_question_chars))
        role = role if role in {"learner", "instructor", "planner"} else "learner"
        publish(self.retriever.course)  # outline, metric tables and sidecar: this Advisor's own course
        history = self.store.history(conversation_id, limit=40) if conversation_id and remember else []
        said = [t.content for t in history if t.role == "user"]  # the user's own words, for quotes
        screening = screen(text, previous=said)
        # A message that mixes an attack with a real question: the question is read, the rest is not.
        mixed = bool(screening.attacks) and screening.answerable
        asked = screening.kept if mixed else text
        # first: an answer to the calculation's question, or a change to it (or to an earlier one it goes back to)
        turn = read_conversation(asked, calculation_states(history), embed=self.embed)
        resolved, avoid, leaned = asked, (), False
        if turn.calculation is None:
            resolved, avoid = follow_up(asked, history)
            resolved, avoid, leaned = self._in_context(asked, history, resolved, avoid)

        # read once per question; every brain gets this reading
        asks = [ask[:500] for ask in search_asks(resolved)]
        if len(asks) > 1:  # a question in several parts: it and each part the course is searched
            self.embed(list(dict.fromkeys([resolved, *asks])))  # for, in one batch (one encode call)
        intent = detect(resolved, self.embed, self.settings.exemplar_threshold)
        intent.avoid = avoid  # what the previous answer quoted: a follow-up is answered, not repeated
        intent.typed = asked if resolved != asked else ""  # a follow-up's own words: what is asked now
        if screening.attacks and not mixed:
            intent.refusal = "injection"
        calculation = None
        if turn.calculation is not None and not intent.refusal:
            intent = Intent(turn.calculation.topic, intent.slots, turn.calculation.calls, calculation=turn.calculation)
            calculation = turn.state
        elif intent.calculation is not None:
            calculation = start_state(resolved, intent.calculation)
        down = False  # the course index did not answer
        try:
            # A question about the course itself ("what does this course cover?") is in scope
            # whatever the course: its answer is the course's own outline.
            about_course = ((intent.kind == "overview" or named_lesson(resolved, self.retriever.course) is not None)
                            and not self.scope.works_on_users_text(asked))  # "chapter 3 of my textbook" is not the course's
            if (not intent.refusal and not intent.tools and intent.calculation is None and not about_course
                    and (self.scope.clearly_off_topic(resolved, asked) if leaned else self.scope.off_topic(resolved, asked))):
                intent.refusal = "out_of_scope"
            elif (not intent.refusal and (intent.tools or intent.calculation is not None)
                    and turn.calculation is None and self.scope.plainly_general(resolved)):
                intent.refusal = "out_of_scope"  # a personal money question with figures in it
            if not intent.refusal:
                intent.undefined = self.scope.scope.undefined_in(resolved)
            if intent.refusal:
                result = AnswerResult(
                    id=question_id, question=text, answer=REFUSALS[intent.refusal], refused=True,
                    engine=self.engine_name, conversation_id=conversation_id, intent="refuse", role=role,
                )
            else:
                if mixed:
                    yield StreamEvent(type="token", text=ignored_note(screening.goals) + "\n\n")
                result = yield from self._run_agent(text, resolved, role, question_id, conversation_id, intent, said)
                if mixed:
                    result.answer = f"{ignored_note(screening.goals)}\n\n{result.answer}"
        except IndexUnreachable as exc:  # a passing outage: the turn is kept, the next one retries
            log.warning("%s", exc.message)
            # Not answered (refused=True): no grounding badge, and a follow-up leans on the last
            # answered turn, not on this one.
            result = AnswerResult(id=question_id, question=text, answer=INDEX_DOWN, refused=True,
                                  engine=self.engine_name, conversation_id=conversation_id,
                                  intent=UNAVAILABLE, role=role)
            calculation, down = None, True  # no calculation state is stored for this turn
        result.latency_ms = round((time.perf_counter() - started) * 1000, 1)
        if remember:
            conversation_id = conversation_id or self.store.create(title=text[:80])
            result.conversation_id = conversation_id
            payload = result.model_dump(
                include={"citations", "tool_calls", "grounding", "refused", "engine", "intent", "role", "clarification"})
            if calculation is not None and not result.refused:  # the calculation this answer leaves
                payload["calculation"] = calculation.model_dump()
            self.store.append_turns(conversation_id, [
                ("user", text, {"resolved": resolved, "role": role}),
                ("assistant", result.answer, payload),
            ])
        if intent.refusal or down:
            yield StreamEvent(type="token", text=result.answer)
        yield StreamEvent(type="final", result=result)

    def _in_context(self, asked: str, history, resolved: str,
                    avoid: tuple[str, ...]) -> tuple[str, tuple[str, ...], bool]:
        """A message outside the course by its nearness alone (not by its kind) that leans on the
        last answered turn ("when do I put it on?", "do I need to water today?" after a question
        on watering) is read with that turn's topic, which the course's own words named; it is
        then refused only on a clear miss (``ScopeJudge.clearly_off_topic``). The third value
        says whether the message was read so."""
        try:
            if (not history or not self.scope.off_topic(resolved, asked) or self.scope.off_topic_by_kind(asked)
                    or (not is_elliptical(asked) and self.scope.own_topic_elsewhere(resolved))):
                return resolved, avoid, False
            lean, lean_avoid = follow_up(asked, history, force=True)
            if lean != resolved and not self.scope.clearly_off_topic(lean, asked):
                return lean, lean_avoid, True
        except IndexUnreachable:
            pass  # the scope is judged again below, where an outage is answered
        return resolved, avoid, False

    def _run_agent(self, text: str, resolved: str, role: str, question_id, conversation_id, intent,
                   said: list[str] = ()):
        retrieved: dict[str, dict] = {}
        configurable = {RETRIEVED: retrieved, INTENT: intent}
        agent = self.agent  # builds the brain, which says whether it is extractive
        config = {"configurable": configurable, "recursion_limit": 12}
        messages = [SystemMessage(system_prompt(role)), HumanMessage(resolved)]
        records: list[ToolCallRecord] = []
        if not self.extractive:  # an extractive planner is deterministic and reads no passage as an order
            planned = intent.tools  # the engine's reading: calculators and their inputs
            if self.settings.llm_calls_calculators:
                configurable[ALLOWED_TOOLS] = allowed_tools(text, [name for name, _ in planned])
            else:  # the engine reads the figures and runs the calculators; the model writes
                before = prefetch(resolved, planned, search_tool(self.retriever), config)
                configurable[ALLOWED_TOOLS] = before.allowed
                messages += before.messages
                records += before.records
                for record in before.records:
                    yield StreamEvent(type="tool_call", tool_call=record)
        final: AIMessage | None = None
        calls: dict[str, dict] = {}
        streamed = []  # text a real LLM streamed token by token
        guard = RecitalGuard(self.prompt_grams)  # model text reaches the user only through say()

        def say(piece: str) -> Iterator[StreamEvent]:
            if shown := guard.feed(piece):
                yield StreamEvent(type="token", text=shown)

        live = not self.extractive  # an extractive brain answers in one piece; it is split below
        modes = ["updates", "messages"] if live else ["updates"]
        for mode, data in agent.stream({"messages": messages}, config=config, stream_mode=modes):
            if mode == "messages":
                chunk = data[0]
                if isinstance(chunk, AIMessageChunk) and chunk.content and not chunk.tool_call_chunks:
                    streamed.append(str(chunk.content))
                    yield from say(str(chunk.content))
                continue
            for node in data.values():
                for message in (node or {}).get("messages", []):
                    if isinstance(message, AIMessage):
                        for call in message.tool_calls:
                            calls[call["id"]] = call
                        if not message.tool_calls:
                            final = message
                        elif streamed:  # text before a tool call was thinking aloud, not the answer
                            streamed.clear()
                    elif isinstance(message, ToolMessage):
                        call = calls.get(message.tool_call_id)
                        if call is None:  # the error sent back for an unparseable call: nothing ran
                            continue
                        record = ToolCallRecord(name=call["name"], args=call["args"], result=_parse(message.content))
                        records.append(record)
                        if record.name != "search_course":
                            yield StreamEvent(type="tool_call", tool_call=record)
        draft = _draft(final, retrieved)
        answer, refused = draft.answer, draft.refused
        citations = self._citations(draft, retrieved)
        answer = answer or "The course does not cover that directly."
        # Stream the text first; the grounding check runs while the user reads.
        if not streamed:
            for piece in re.split(r"(?<=\n)", answer):
                if piece:
                    yield from say(piece)
        if guard.tripped or guard.recited(answer):
            # An LLM talked into reciting its instructions: withhold the text entirely.
            answer, refused, citations = REFUSALS["injection"], True, []
            yield StreamEvent(type="token", text="\n\n" + answer)
            return AnswerResult(id=question_id, question=text, answer=answer, refused=True,
                                engine=self.engine_name, conversation_id=conversation_id,
                                intent="refuse", role=role)
        if tail := guard.finish():
            yield StreamEvent(type="token", text=tail)
        extra = list(draft.evidence)
        if draft.plan.clarification is not None:  # the question the advisor asks is its own words
            asked = draft.plan.clarification
            extra.append(Evidence(id="clarification", text="\n".join(
                [asked.question] + (["Options: " + "; ".join(asked.options) + "."] if asked.options else []))))
        grounding = self._ground(answer, text, resolved, records, retrieved, extra, said)
        if not draft.extractive and grounding.score < 1.0:
            unsupported = [s.text for s in grounding.sentences if not s.supported]
            warning = "\n\n> ⚠️ Not supported by the course or the calculators: " + " | ".join(unsupported[:5])
            answer += warning
            yield StreamEvent(type="token", text=warning)
        return AnswerResult(
            id=question_id, question=text, answer=answer, refused=refused, citations=citations,
            tool_calls=[r for r in records if r.name != "search_course"], grounding=grounding,
            engine=self.engine_name, conversation_id=conversation_id,
            intent=draft.plan.intent, role=role, clarification=draft.plan.clarification,
        )

    def _citations(self, draft: Draft, retrieved: dict[str, dict]) -> list[Citation]:
        out = []
        for cid in draft.citations:
            p = retrieved.get(cid)
            if p:
                quotes = draft.quotes.get(cid)
                quote = " … ".join(quotes) if quotes else p["quote"]  # what the answer used
                out.append(Citation(chunk_id=cid, lesson=p["lesson"], lesson_title=p.get("lesson_title", ""),
                                    section=p["section"], quote=quote, source=p.get("source", ""),
                                    score=p.get("score", 0.0)))
        return out

    def _ground(self, answer, text, resolved, records, retrieved, extra=(), said=()) -> Grounding:
        from assistant.grounding import Evidence

        evidence = [Evidence(id=cid, text=p["text"], kind="passage") for cid, p in retrieved.items()]
        for index, record in enumerate(records):
            if record.name == "search_course":
                continue
            text = tool_evidence(record.name, record.args, record.result)
            evidence.append(Evidence(id=f"tool:{record.name}:{index}", text=text, kind="tool"))
        evidence.extend(Evidence(id=item.id, text=item.text, kind="tool") for item in extra)
        evidence.append(Evidence(id="user", text=resolved if resolved == text else f"{text}\n{resolved}", kind="user"))
        # earlier messages of the conversation: "What I read" may quote any of them
        evidence.extend(Evidence(id=f"user:{i}", text=words, kind="user") for i, words in enumerate(said))
        report = self.checker.check(answer, evidence)
        return Grounding(score=round(report.score, 4), sentences=report.sentences)


def follow_up(asked: str, history, force: bool = False) -> tuple[str, tuple[str, ...]]:
    """The text to answer for a message that is not a calculation turn, and the lines the
    previous answer quoted. A message that changes an input of the previous question's
    calculation is that question with the input changed (reading/dialogue.py, when the last
    answer was no calculation of its own); any other follow-up leans on the last *answered*
    turn (reading/elliptical.py: refused turns never taint the next one). ``force``: the
    message leans on that turn although it reads as a question of its own; without a pointer
    back or a topic word in common, it is read alone."""
    answered = [(user, reply) for user, reply in zip(history, history[1:])
                if user.role == "user" and reply.role == "assistant" and not reply.payload.get("refused")]
    if not answered:
        return resolve(asked, None).text, ()
    user, reply = answered[-1]
    question = user.payload.get("resolved") or user.content
    if not history[-1].payload.get("calculation"):
        merged = resolve_follow_up(asked, question)
        if merged != asked and (calc := read_calculation(merged)) is not None and calc.calls:
            return merged, ()
    if force and not leans_on(asked, question, reply.content):
        return resolve(asked, None).text, ()
    follow = resolve(asked, question, reply.content, force=force)
    if not follow.elliptical and history[-1].payload.get("refused"):
        return follow.text, ()  # back after a refused turn: the answer before it was not just said
    return follow.text, follow.avoid


def calculation_states(history) -> list[CalculationState]:
    """The calculations the conversation has been in, latest first, one per calculator (the
    latest is the one it is in; an earlier one is there for "back to the first one")."""
    out: list[CalculationState] = []
    for turn in reversed(history):
        stored = turn.payload.get("calculation") if turn.role == "assistant" else None
        if not stored:
            continue
        try:
            state = CalculationState.model_validate(stored)
        except ValidationError:
            continue  # a state written by another version: not read
        if all(state.tool != seen.tool for seen in out):
            out.append(state)
    return out


def _draft(final: AIMessage | None, retrieved: dict[str, dict]) -> Draft:
    """The brain's Draft: the typed one an extractive brain returns, or one read from an LLM's
    text, whose ``[n]`` references name the retrieved passages' ref numbers."""
    if final is None:
        return Draft(answer="")
    given = final.additional_kwargs.get(DRAFT)
    if isinstance(given, Draft):
        return given
    answer = str(final.content)
    by_ref = {p["ref"]: cid for cid, p in retrieved.items()}
    refs = [int(n) for group in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", answer) for n in group.split(",")]
    return Draft(answer=answer, citations=list(dict.fromkeys(by_ref[r] for r in refs if r in by_ref)))


def _parse(content) -> dict | str:
    try:
        value = json.loads(content)
        return value if isinstance(value, dict) else {"value": value}
    except (TypeError, ValueError):
        return str(content)
