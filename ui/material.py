"""The "Course material" tab's handlers (no Gradio here): list the course's modules with their
chunk counts, add uploaded files (Markdown, plain text, PDF, DOCX, HTML, PowerPoint, LaTeX, EPUB,
OpenDocument Text), remove or replace a
module. Each handler first asks `Access` whether the session is an instructor's, as
`ui.instructor` does, so a learner calling the endpoint through the Gradio API gets `Forbidden`.

The work is `knowledge.modules`'; this module adds what an upload form needs on top: every file is
read on its own first, so each bad one is reported with its name and the reason (never a
temporary path or a traceback) while the good ones are added; and after any change the running
advisor reloads its course (`Advisor.reload_course()`), so the next question can cite the new
module and no longer cites a removed one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.errors import AdvisorError, UserError
from knowledge.modules import IngestProgress, add_modules, list_modules, remove_module
from ui.access import Access

log = logging.getLogger(__name__)

HEADERS = ["module", "title", "lessons", "chunks", "removable"]
ACCEPTED = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm", ".pptx", ".tex", ".latex", ".epub",
            ".odt", ".fodt")

Progress = Callable[[IngestProgress], None]


class Refused(BaseModel):
    """One uploaded file that was not added, and why."""

    file: str
    reason: str


class MaterialView(BaseModel):
    """What the "Course material" tab shows after an action."""

    status: str  # Markdown: what was added, removed or refused
    rows: list[list]  # one per module, columns HEADERS
    removable: list[str]  # the modules an instructor may remove or replace
    refused: list[Refused] = []


def _index(advisor: Any):
    return advisor.retriever.index  # the very index the advisor answers from


def _plain(name: str) -> str:
    """A file name safe inside Markdown code spans."""
    return name.replace("`", "'").replace("\n", " ")


def _view(advisor: Any, status: str, refused: list[Refused] | None = None) -> MaterialView:
    modules = list_modules(advisor.settings, _index(advisor))
    rows = [[m.source, m.title, m.lessons, m.chunks,
             "no (configured corpus)" if m.configured else "yes"] for m in modules]
    removable = [m.source for m in modules if not m.configured]
    return MaterialView(status=status, rows=rows, removable=removable, refused=refused or [])


def modules(access: Access, advisor: Any, username: str | None) -> MaterialView:
    access.require_instructor(username)
    return _view(advisor, "")


def _reason(error: BaseException, path: Path) -> str:
    """The reader's message without the file's (temporary) path, which the form already names."""
    message = error.message if isinstance(error, AdvisorError) else str(error)
    for prefix in (f"{path}: ", f"{path.name}: "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    return message.replace(str(path), path.name)


def _check(advisor: Any, paths: Sequence[Path], configured: set[str],
           progress: Progress | None) -> tuple[list[Path], list[Refused]]:
    """Reads every file (nothing is written): the good ones, and each bad one with its reason."""
    good: list[Path] = []
    refused: list[Refused] = []
    seen: set[str] = set()
    for number, path in enumerate(paths, 1):
        name = path.name
        if name in seen:
            refused.append(Refused(file=name, reason="another uploaded file has the same name; "
                                                      "upload one of them, or rename it"))
            continue
        seen.add(name)
        if name in configured:
            refused.append(Refused(file=name, reason="is the name of a configured course file "
                                                      "(ADVISOR_CORPUS_PATHS); rename the upload"))
            continue
        try:
            _index(advisor).read(path)
        except AdvisorError as exc:
            refused.append(Refused(file=name, reason=_reason(exc, path)))
        except Exception as exc:  # a parser library failing on a malformed file  # noqa: BLE001
            log.warning("could not read an uploaded file (%s)", type(exc).__name__)
            refused.append(Refused(file=name, reason="could not be read as a "
                                   f"{path.suffix or 'text'} file ({type(exc).__name__}); "
                                   "save it again from its editor, or as Markdown"))
        else:
            good.append(path)
        if progress:
            progress(IngestProgress("reading", number, len(paths), name))
    return good, refused


def _refusals(refused: list[Refused]) -> str:
    if not refused:
        return ""
    lines = "\n".join(f"- `{_plain(r.file)}`: {r.reason}" for r in refused)
    return f"\n\n**Not added** (the course is unchanged by these):\n{lines}"


def _paths(paths: Sequence[str | Path] | str | None) -> list[Path]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found = [Path(p) for p in paths or [] if p]
    if not found:
        raise UserError("no file: choose one or more course files (Markdown, plain text, PDF, DOCX, "
                        "HTML, PPTX, LaTeX, EPUB or ODT) to upload first", code="no_file")
    return found


def _configured(advisor: Any) -> set[str]:
    return {Path(p).name for p in advisor.settings.corpus_paths}


def _ingest(advisor: Any, good: list[Path], progress: Progress | None) -> dict[str, int]:
    """Adds the files, reloads the advisor's course, returns the chunk count per added file."""
    add_modules(advisor.settings, good, progress=progress, index=_index(advisor))
    advisor.reload_course()
    counts = {m.source: m.chunks for m in list_modules(advisor.settings, _index(advisor))}
    return {p.name: counts.get(p.name, 0) for p in good}


def upload(access: Access, advisor: Any, username: str | None,
           paths: Sequence[str | Path] | str | None,
           progress: Progress | None = None) -> MaterialView:
    """Adds every readable file as a module (a module of the same name is replaced); each
    unreadable one is refused by name with the reason, and leaves the course as it was."""
    access.require_instructor(username)
    files = _paths(paths)
    good, refused = _check(advisor, files, _configured(advisor), progress)
    if not good:
        return _view(advisor, "**Nothing added.**" + _refusals(refused), refused)
    added = _ingest(advisor, good, progress)
    done = ", ".join(f"`{_plain(name)}` ({chunks} chunks)" for name, chunks in added.items())
    return _view(advisor, f"**Added** {done}. Learners' next questions can cite it."
                 + _refusals(refused), refused)


def remove(access: Access, advisor: Any, username: str | None, name: str | None) -> MaterialView:
    access.require_instructor(username)
    if not name:
        raise UserError("no module chosen: pick the module to remove from the list",
                        code="no_module")
    report = remove_module(advisor.settings, name, index=_index(advisor))
    advisor.reload_course()
    source = report.sources[0] if report.sources else name
    return _view(advisor, f"**Removed** `{_plain(source)}` ({report.removed} chunks). "
                          "Learners' answers no longer cite it.")


def replace(access: Access, advisor: Any, username: str | None, name: str | None,
            path: str | Path | None, progress: Progress | None = None) -> MaterialView:
    """Puts the uploaded file in place of module ``name``: the new file is read first (a bad one
    leaves the old module in place), added, and the old module removed when its name differs."""
    access.require_instructor(username)
    if not name:
        raise UserError("no module chosen: pick the module to replace from the list",
                        code="no_module")
    files = _paths(path)[:1]
    configured = _configured(advisor)
    current = {m.source: m for m in list_modules(advisor.settings, _index(advisor))}
    if name not in current or name in configured:
        why = ("is part of the configured corpus (ADVISOR_CORPUS_PATHS)" if name in configured
               else "is not an indexed module")
        choices = ", ".join(sorted(set(current) - configured)) or "none"
        raise UserError(f"{name}: {why}; pick one of: {choices}", code="unknown_module")
    good, refused = _check(advisor, files, configured, progress)
    if not good:
        return _view(advisor, f"**Not replaced**: `{_plain(name)}` is unchanged."
                     + _refusals(refused), refused)
    added = _ingest(advisor, good, progress)
    new = good[0].name
    if new != name:
        remove_module(advisor.settings, name, index=_index(advisor))
        advisor.reload_course()
    return _view(advisor, f"**Replaced** `{_plain(name)}` with `{_plain(new)}` "
                          f"({added[new]} chunks).")
