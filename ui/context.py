"""What the UI's handlers share, without Gradio: the context object, component updates, notices.

Handlers (`ui.chat`, `ui.planner`) are module-level functions of an `AppContext` and plain
values; they return a mapping from component names to new values or `Update`s, and speak to
the user through `ctx.notify`. `ui.app` lays out the components and translates — so every
handler can be called in a test without starting Gradio.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from assistant.settings import Settings
from ui import formatting as fmt
from ui.ratelimit import RateLimiter
from ui.store import UIStore

log = logging.getLogger(__name__)

ROLES = [
    ("Learner (coaching)", "learner"),
    ("Instructor", "instructor"),
    ("Team planner", "planner"),
]
FULL_ANSWER = "Show me the full answer"
NO_CITATION = "_Click a numbered source to read the course passage it points to._"
NO_ANSWER_YET = "_Ask a question to see how well its answer is grounded._"

Level = Literal["info", "warning"]


@dataclass(frozen=True)
class Update:
    """New properties for a component (Gradio's `gr.update`, without Gradio); empty keeps it."""

    props: dict[str, Any] = field(default_factory=dict)


def update(**props: Any) -> Update:
    return Update(props)


KEEP = Update()  # leave the component as it is


def _log_notice(level: Level, text: str) -> None:
    log.info("notice (%s): %s", level, text)


def friendly_error(exc: Exception) -> str:
    """What a person sees when the engine fails: what happened and what to do, no traceback."""
    from assistant.errors import AdvisorError, Kind

    if isinstance(exc, AdvisorError) and exc.kind is Kind.USER:
        return f"⚠️ {exc.message}"
    if isinstance(exc, AdvisorError) and exc.kind is Kind.OPERATOR:
        return f"⚠️ The advisor is not set up to answer: {exc.message}"
    return (
        "⚠️ Sorry, the advisor could not answer this question because of an internal error "
        f"({type(exc).__name__}). Please try again or rephrase it; if it keeps happening, the "
        "server log has the details."
    )


class AppContext:
    """Everything the handlers share: settings, the advisor, stores, limits, course examples."""

    def __init__(self, settings: Settings, advisor: Any, store: UIStore | None = None,
                 notify: Callable[[Level, str], None] = _log_notice) -> None:
        self.settings = settings
        self.advisor = advisor
        self.store = store or UIStore(settings.database)  # SQLite file or ADVISOR_DATABASE_URL
        self.limiter = RateLimiter(settings.rate_limit_per_minute, store=self.store)
        self.documents = self._documents()
        self.examples = fmt.course_examples(self.documents)
        self.export_dir = Path(tempfile.mkdtemp(prefix="advisor-exports-"))
        self.notify = notify

    def _documents(self) -> list:
        from knowledge.parsing import CorpusError, parse_file

        documents = []
        for path in self.settings.corpus_paths:
            try:
                documents.append(parse_file(path, self.settings.max_ingest_bytes)[0])
            except CorpusError as exc:
                log.warning("examples: skipping %s", exc)
        return documents

    @property
    def conversations(self):
        return self.advisor.store

    def passage(self, chunk_id: str) -> str | None:
        """The full text of a cited chunk, when the advisor's index can say."""
        try:
            hit = self.advisor.retriever.chunk_map.get(chunk_id)
        except Exception:  # noqa: BLE001  # a fake advisor, or an index that cannot be opened
            return None
        return hit[0] if hit else None

    def sources_markdown(self) -> str:
        lines = []
        for path, document in zip(self.settings.corpus_paths, self.documents):
            sections = sum(len(lesson.sections) for lesson in document.lessons)
            lines.append(
                f"- **{fmt.escape_markdown(Path(path).name)}**: "
                f"{fmt.escape_markdown(document.module_title)} "
                f"({len(document.lessons)} parts, {sections} sections)"
            )
        return "\n".join(lines) or "- no course files configured"

    def settings_markdown(self, sign_in: str | None = None) -> str:
        """``sign_in``: how sessions sign in (`ui.access.describe_sign_in`)."""
        s = self.settings
        auth = sign_in or ("on (basic auth)" if s.auth_user and s.auth_password else "off")
        return "\n".join(
            [
                f"- **Engine:** `{self.advisor.engine_name}`",
                f"- **Passages per answer (top-k):** {s.top_k} ({s.retrieval} retrieval)",
                f"- **Server:** {fmt.escape_markdown(s.host)}:{s.port} · sign-in {auth}",
                (f"- **Queue:** {s.queue_concurrency} answers at a time, up to "
                 f"{s.queue_max_size} waiting"),
                f"- **Rate limit:** {s.rate_limit_per_minute} questions per minute per session",
                ("- **Analytics:** off · **Data folder:** "
                 f"`{fmt.escape_markdown(str(s.data_dir))}` (conversations, plans and feedback "
                 f"in {'PostgreSQL' if s.database_url else 'SQLite'}, personal data masked)"),
                "",
                "**Sources (indexed course files)**",
                "",
                self.sources_markdown(),
            ]
        )
