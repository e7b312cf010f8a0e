"""Which files a course can be ingested from, and reading each into the one shape the course
parser reads: Markdown (or plain text) with the file's own structure in it.

One home per format: Markdown and plain text are read as they are (here), except
reStructuredText (``.rst``, or ``.txt`` written in reST), which `rst` reads into Markdown, an e-mail
course saved from a mail client, which `mail` reads into Markdown, a slide deck's
text export, which `slides` reads into Markdown, and a talk's transcript, which `transcript`
reads into Markdown (a wiki's Markdown export is unwrapped by `wiki`); PDF, DOCX, HTML, PowerPoint,
LaTeX, EPUB and OpenDocument Text (.odt, flat .fodt) are converted by their own modules (`pdf`,
`docx`, `html`, `pptx`, `latex`, `epub`, `odt`),
each with a well-kept parser (an EPUB's chapters through the HTML reader's), into
Markdown headings, paragraphs, "- " lists and pipe tables. `knowledge.parsing` then infers
lessons and sections from that text exactly as it does for a Markdown file.

Every refusal is a `CorpusError` whose message starts with the file and says the reason and the
fix; nothing is written to the index before every file of an ingest has been read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from knowledge.parsing import CorpusError

Syntax = Literal["markdown", "text"]


@dataclass(frozen=True)
class Converted:
    """A course file read into text the course parser understands."""

    text: str
    source: str  # the file's name: the module's name in the index and in citations
    syntax: Syntax
    notices: list[str] = field(default_factory=list)  # what was dropped on the way, and why


Converter = Callable[[Path, bytes, int], Converted]


def _text(path: Path, data: bytes, max_bytes: int) -> Converted:
    if b"\x00" in data[:8192]:
        raise CorpusError(f"{path}: the file looks binary, not Markdown or plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8"
        ) from None
    syntax: Syntax = "text" if path.suffix.lower() in {".txt", ".rst"} else "markdown"
    if syntax == "text":
        from knowledge.formats.rst import convert_rst

        rst = convert_rst(text)  # reStructuredText (Sphinx, package docs), often saved as .txt
        if rst is not None:
            return Converted(text=rst, source=path.name, syntax="markdown")
        from knowledge.formats.mail import convert_mail

        mail = convert_mail(text)  # an e-mail course saved from a mail client: a lesson per message
        if mail is not None:
            return Converted(text=mail, source=path.name, syntax="markdown")
        from knowledge.formats.slides import convert_deck

        from knowledge.embeddings import get_embedder

        # a slide deck's text export: its slides, without the framing ones
        deck = convert_deck(text, get_embedder().encode)
        if deck is not None:
            return Converted(text=deck, source=path.name, syntax="markdown")
        from knowledge.formats.transcript import convert_transcript

        talk = convert_transcript(text)  # a recorded talk's transcript: its chapters, without stamps
        if talk is not None:
            return Converted(text=talk, source=path.name, syntax="markdown")
    if syntax == "markdown":
        from knowledge.formats.wiki import clean_wiki

        text = clean_wiki(text)  # a wiki's export: front matter, breadcrumbs, toggles, emoji unwrapped
    return Converted(text=text, source=path.name, syntax=syntax)


def _pdf(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.pdf import convert_pdf

    return convert_pdf(path, data)


def _docx(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.docx import convert_docx

    return convert_docx(path, data, max_bytes)


def _pptx(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.pptx import convert_pptx

    return convert_pptx(path, data, max_bytes)


def _latex(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.latex import convert_latex

    return convert_latex(path, data)


def _epub(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.epub import convert_epub

    return convert_epub(path, data, max_bytes)


def _odt(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.odt import convert_fodt, convert_odt

    if path.suffix.lower() == ".fodt":
        return convert_fodt(path, data)
    return convert_odt(path, data, max_bytes)


def _html(path: Path, data: bytes, max_bytes: int) -> Converted:
    from knowledge.formats.html import convert_html

    return convert_html(path, data)


CONVERTERS: dict[str, Converter] = {
    ".md": _text,
    ".markdown": _text,
    ".txt": _text,
    ".rst": _text,
    ".pdf": _pdf,
    ".docx": _docx,
    ".html": _html,
    ".htm": _html,
    ".pptx": _pptx,
    ".tex": _latex,
    ".latex": _latex,
    ".epub": _epub,
    ".odt": _odt,
    ".fodt": _odt,
}
# Formats people try that have a better-known sibling we read.
HINTS = {".doc": "save it from Word as .docx", ".rtf": "save it as .docx",
         ".ppt": "save it from PowerPoint as .pptx", ".key": "export the slides as .pptx",
         ".odp": "save it as .pptx",
         ".ott": "save it from Writer as .odt", ".xhtml": "save it as .html",
         ".mobi": "convert it to .epub (Calibre does)", ".azw3": "convert it to .epub (Calibre does)"}


def supported_suffixes() -> list[str]:
    return list(CONVERTERS)


def read_course_file(path: Path, max_bytes: int) -> Converted:
    """Reads one course file of any supported format; raises CorpusError naming the file."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder; pass the course files inside it")
    suffix = path.suffix.lower()
    converter = CONVERTERS.get(suffix)
    if converter is None:
        kinds = ", ".join(sorted({".md", ".txt", ".rst", ".pdf", ".docx", ".html", ".pptx", ".tex", ".epub", ".odt"}))
        hint = f" ({HINTS[suffix]})" if suffix in HINTS else ""
        raise CorpusError(f"{path}: unsupported file type '{path.suffix}'; use {kinds}{hint}")
    size = path.stat().st_size
    if size > max_bytes:
        raise CorpusError(
            f"{path}: {size:,} bytes is over the {max_bytes:,}-byte ingest limit "
            "(ADVISOR_MAX_INGEST_BYTES); split the file into modules or raise the limit"
        )
    return converter(path, path.read_bytes(), max_bytes)


__all__ = ["CONVERTERS", "Converted", "read_course_file", "supported_suffixes"]
