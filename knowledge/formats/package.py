"""The check an Office file (a ZIP package: .docx, .pptx) passes before its reader opens it.

One home for what a Word document and a PowerPoint deck share: the file must be a ZIP archive,
hold the format's main part, and not unpack to more than ``EXPANSION`` times the ingest limit
(a ZIP bomb). Each reader names its format in the words its author would use.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from knowledge.parsing import CorpusError

EXPANSION = 20  # a package may unpack to this many times the ingest limit, no more


@dataclass(frozen=True)
class OfficeFormat:
    """How one Office format is named in the errors that send its author back to the app."""

    kind: str  # "a Word document"
    suffix: str  # ".docx"
    app: str  # "Word"
    main_part: str  # "word/document.xml"
    save_what: str  # "the course text": what to save from the app
    whole: str  # "document": what to split when it is too large


def check_package(path: Path, data: bytes, max_bytes: int, office: OfficeFormat) -> None:
    """Raises CorpusError, naming the fix, unless ``data`` is a package of ``office``'s format
    that unpacks within ``EXPANSION`` times ``max_bytes``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise CorpusError(
            f"{path}: not {office.kind} (a {office.suffix} is a ZIP package, this file is not one); "
            f"open it in {office.app} and save it as {office.suffix}"
        ) from None
    with archive:
        names = archive.namelist()
        if office.main_part not in names:
            shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
            raise CorpusError(
                f"{path}: not {office.kind}: a ZIP archive without {office.main_part} "
                f"(it holds {shown or 'nothing'}); save {office.save_what} from {office.app} as {office.suffix}"
            )
        expanded = sum(info.file_size for info in archive.infolist())
        if expanded > EXPANSION * max_bytes:
            raise CorpusError(
                f"{path}: its parts expand to {expanded:,} bytes, over {EXPANSION} times the "
                f"{max_bytes:,}-byte ingest limit (ADVISOR_MAX_INGEST_BYTES); split the {office.whole}"
            )
