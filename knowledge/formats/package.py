"""The check a packaged file (a ZIP package: .docx, .pptx, .epub) passes before its reader opens it.

One home for what a Word document, a PowerPoint deck and an EPUB e-book share: the file must be
a ZIP archive, hold the format's main part, and not unpack to more than ``EXPANSION`` times the
ingest limit (a ZIP bomb). Each reader names its format in the words its author would use.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from knowledge.parsing import CorpusError

EXPANSION = 20  # a package may unpack to this many times the ingest limit, no more


def local_name(tag: str) -> str:
    """An XML tag without its namespace ("{urn:…}body" → "body")."""
    return tag.rsplit("}", 1)[-1]


def parse_part(path: Path, name: str, data: bytes, whole: str, fix: str) -> ET.Element:
    """One XML part of a package, parsed; a part that declares entities (which ``whole``, "a book"
    or "a document", never needs) or is not well-formed is refused with ``fix``."""
    if b"<!ENTITY" in data:
        raise CorpusError(f"{path}: {name} declares XML entities, which {whole} never needs; {fix}")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise CorpusError(f"{path}: {name} is not well-formed XML ({exc}); {fix}") from None


@dataclass(frozen=True)
class PackageFormat:
    """How one packaged format is named in the errors that send its author back to the app."""

    kind: str  # "a Word document"
    suffix: str  # ".docx"
    app: str  # "Word"; "an e-book editor (Calibre, Sigil)"
    main_part: str  # "word/document.xml"; "META-INF/container.xml"
    save_what: str  # "the course text": what to save from the app
    whole: str  # "document": what to split when it is too large


def check_package(path: Path, data: bytes, max_bytes: int, fmt: PackageFormat) -> None:
    """Raises CorpusError, naming the fix, unless ``data`` is a package of ``fmt``'s format
    that unpacks within ``EXPANSION`` times ``max_bytes``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise CorpusError(
            f"{path}: not {fmt.kind} (a {fmt.suffix} is a ZIP package, this file is not one); "
            f"open it in {fmt.app} and save it as {fmt.suffix}"
        ) from None
    with archive:
        names = archive.namelist()
        if fmt.main_part not in names:
            shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
            raise CorpusError(
                f"{path}: not {fmt.kind}: a ZIP archive without {fmt.main_part} "
                f"(it holds {shown or 'nothing'}); save {fmt.save_what} from {fmt.app} as {fmt.suffix}"
            )
        expanded = sum(info.file_size for info in archive.infolist())
        if expanded > EXPANSION * max_bytes:
            raise CorpusError(
                f"{path}: its parts expand to {expanded:,} bytes, over {EXPANSION} times the "
                f"{max_bytes:,}-byte ingest limit (ADVISOR_MAX_INGEST_BYTES); split the {fmt.whole}"
            )
