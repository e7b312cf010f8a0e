"""The course's modules as an instructor manages them: list them with their chunk counts, add
files of any supported format (Markdown, plain text, PDF, DOCX, HTML), remove one.

Typed functions over `CourseIndex`, called by `advisor ingest` and meant for the UI: each takes
the settings (and optionally the index to act on) and reports progress through a callback of
`IngestProgress` events. A module is named by its file name, as citations name it.

Adding reads and chunks every file before anything is written, so a bad file (an encrypted or
scanned PDF, a ZIP renamed .docx, an oversized file, an unknown format) leaves the index exactly
as it was. The configured corpus (``ADVISOR_CORPUS_PATHS``) is synced with every add, so it is
never dropped by accident, and it cannot be removed here: the next start would index it again.

What depends on the corpus follows every change: the index serves the new course as soon as
it is written (`knowledge.course`: the outline and metric tables); the off-topic statistics
(scope.json) carry a fingerprint of the chunk ids and are recalibrated by the next advisor that
loads them; an advisor already running in this process forgets its lexical and sentence indexes
and its statistics with `Advisor.reload_course()`, which whoever calls these functions calls
after a change (a running retriever also reloads by itself when a search meets a chunk it does
not know, e.g. one another replica added, but only a reload forgets a removed module).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Literal

from knowledge import course
from knowledge.errors import UserError
from knowledge.index import CourseIndex, IngestReport

if TYPE_CHECKING:
    from knowledge.settings import Settings

Stage = Literal["reading", "embedding", "done"]


@dataclass(frozen=True)
class IngestProgress:
    """One step of an ingest: ``done`` of ``total`` files read, or chunks embedded."""

    stage: Stage
    done: int
    total: int
    file: str = ""  # the file just read (stage "reading")


@dataclass(frozen=True)
class ModuleInfo:
    """One indexed module: its file name, title, size in chunks and lessons."""

    source: str
    title: str
    chunks: int
    lessons: int
    configured: bool  # part of ADVISOR_CORPUS_PATHS: re-indexed at every start, not removable


class UnknownModule(UserError):
    code = "unknown_module"


class ConfiguredModule(UserError):
    code = "configured_module"


Progress = Callable[[IngestProgress], None]


def list_modules(settings: "Settings", index: CourseIndex | None = None) -> list[ModuleInfo]:
    """Every indexed module in course order, with its chunk count ([] for an empty index)."""
    index = index or CourseIndex(settings)
    if not index.exists():
        return []
    served = course.build_indexed(index.all_chunks())
    counts: dict[str, int] = {}
    titles: dict[str, str] = {}
    for chunk in served.chunks:
        counts[chunk.source] = counts.get(chunk.source, 0) + 1
        titles.setdefault(chunk.source, chunk.module_title)
    configured = {Path(path).name for path in settings.corpus_paths}
    return [
        ModuleInfo(source=module.source, title=titles.get(module.source) or module.title,
                   chunks=counts.get(module.source, 0),
                   lessons=len(module.lessons) or 1, configured=module.source in configured)
        for module in served.modules
    ]


def add_modules(
    settings: "Settings",
    paths: list[Path],
    progress: Progress | None = None,
    index: CourseIndex | None = None,
    rebuild: bool = False,
) -> IngestReport:
    """Indexes these files beside the configured corpus (only new or changed chunks are embedded;
    a file already indexed under the same name is replaced). With ``rebuild``, the index is
    dropped and holds these files only (the configured corpus when none are given)."""
    index = index or CourseIndex(settings)
    targets = [Path(path) for path in paths] or list(settings.corpus_paths)
    if paths and not rebuild:
        targets = list(dict.fromkeys([*settings.corpus_paths, *targets]))
    course.know_paths(targets)
    documents = []
    for number, path in enumerate(targets, 1):
        documents.append(index.read(path))
        if progress:
            progress(IngestProgress("reading", number, len(targets), Path(path).name))

    def embedded(done: int, total: int) -> None:
        if progress:
            progress(IngestProgress("embedding", done, total))

    report = index.write(documents, rebuild=rebuild, progress=embedded)
    if progress:
        progress(IngestProgress("done", len(targets), len(targets)))
    return report


def remove_module(
    settings: "Settings", name: str, index: CourseIndex | None = None
) -> IngestReport:
    """Deletes one module's chunks, named by its file name (or the name without its extension
    when that is unambiguous)."""
    index = index or CourseIndex(settings)
    modules = list_modules(settings, index)
    names = [module.source for module in modules]
    matches = [source for source in names if source == name] or [
        source for source in names if Path(source).stem == name
    ]
    if len(matches) != 1:
        listed = ", ".join(names) or "none"
        why = "matches several modules" if matches else "is not an indexed module"
        raise UnknownModule(
            f"{name}: {why}; name one by its file name (indexed: {listed}; "
            "`advisor ingest --list` shows them)"
        )
    source = matches[0]
    if any(module.source == source and module.configured for module in modules):
        raise ConfiguredModule(
            f"{source}: is part of the configured corpus (ADVISOR_CORPUS_PATHS) and would be "
            "indexed again at the next start; take it out of that setting first"
        )
    removed = index.remove(source)
    return IngestReport(removed=removed, sources=[source])
