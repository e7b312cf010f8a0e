"""What the benchmarks ask and over which index: the labelled retrieval questions, the course's
fifteen prompts, the engine development questions, and the bench's own copy of the course index."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from assistant.settings import DEFAULT_CORPUS, Settings, get_settings
from bench.measure import OUT, ROOT
from knowledge.parsing import course_prompts as parsing_course_prompts

LABELS = ROOT / "tests" / "data" / "retrieval_labels.yaml"
ENGINE_QUESTIONS = ROOT / "tests" / "data" / "engine_questions.yaml"
INDEX_DIR = OUT / "index"


def retrieval_questions() -> list[str]:
    return [item["q"] for item in yaml.safe_load(LABELS.read_text(encoding="utf-8"))]


def course_prompts(path: Path = DEFAULT_CORPUS) -> list[str]:
    """The prompts the course itself asks (question, reflective and discussion blocks)."""
    return parsing_course_prompts(path)


def engine_questions() -> list[str]:
    return [item["q"] for item in yaml.safe_load(ENGINE_QUESTIONS.read_text(encoding="utf-8"))]


def answer_questions() -> list[str]:
    return course_prompts() + engine_questions()


def bench_settings(data_dir: Path = INDEX_DIR, **updates) -> Settings:
    return Settings(data_dir=data_dir, **updates)


def prepare_index() -> Settings:
    """The bench's own index of the bundled course under bench/out/index.

    Seeded by copying the configured index (what `advisor ingest` built) when there is one, then
    synced incrementally, so it costs nothing when current and never writes to `.advisor/`.
    """
    from knowledge.index import ensure_index

    settings = bench_settings()
    source = get_settings().chroma_path
    if not settings.chroma_path.exists() and source.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(source, settings.chroma_path)
    report = ensure_index(settings)
    if report.embedded:
        print(f"  bench index: {report.summary()}")
    return settings
