"""EPUB e-books (.epub: EPUB 3, and EPUB 2 with only a toc.ncx), read with the standard library's
zipfile and XML parser; each chapter's XHTML goes through the HTML reader's converter
(`knowledge.formats.html.to_markdown`), so its headings, lists, tables and quotes come out as
they do from a web page.

An EPUB is a ZIP package: ``META-INF/container.xml`` names the package document (the OPF), whose
manifest lists the book's files and whose spine gives their reading order. The book's title
(``dc:title``) names the module; in each spine document its top heading (``h1`` in most books,
whatever level the document starts at in others) opens a chapter, a lesson, and the headings
under it are its sections. A spine document without a heading is titled by its entry in the
book's table of contents, or, when it has none (a chapter split in two files), continues the
chapter before it. Every heading keeps its words as the reader sees them in the book ("Chapter 3 —
Sizing Your Tank" beside an unnumbered "Choosing a Tank"), so a citation names a heading the
learner can find; a chapter labelled with a number is the lesson of that number (the course
parser reads it), one without is the lesson of its place.

Not course text, so never indexed: the cover and title page, the navigation document and the
NCX (tables of contents), a copyright page, dedication, epigraph, colophon or index — known by
their ``epub:type`` or ARIA role, by the OPF's ``guide``, or, unmarked, a page that repeats the
book's title over a few words, or one that is nothing but links — stylesheets, fonts, images and
page-break markers. Tip boxes and sidebars (``<aside>``, ``<div class="tip">``) and blockquotes
are text where they stand; a quote under a lead-in that ends in a colon (a displayed formula) is
read with it, one unit. A note (an EPUB ``noteref`` → footnote or endnote, or a link to an
element marked as a note) is moved, without its number or back-link, right after the paragraph
(or the list or table) that calls it, as the PDF and LaTeX readers place footnotes; a notes page
left with nothing else is dropped.

Refused, each by the file's name with the fix (`package.check_package` and below): a file that is
not a ZIP package, a ZIP without ``META-INF/container.xml``, a package whose parts expand past
the ingest limit, a container that names no package document or one missing from the archive, a
package with no spine or whose spine names a file the archive lacks, a book whose chapters are
encrypted (DRM), XML that declares entities, and a book with no text.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from knowledge.formats import Converted
from knowledge.formats.package import PackageFormat, check_package, parse_part
from knowledge.formats.package import local_name as _local
from knowledge.parsing import CorpusError

EDITOR = "an e-book editor (Calibre, Sigil)"
BOOK = PackageFormat(kind="an EPUB e-book", suffix=".epub", app=EDITOR, main_part="META-INF/container.xml",
                     save_what="the book", whole="book")

DOCUMENT_TYPES = {"application/xhtml+xml", "text/html", "application/html"}
# epub:type (and ARIA doc-* role) values of what frames a book and teaches nothing.
FRAMING = {"cover", "titlepage", "halftitlepage", "seriespage", "toc", "landmarks", "page-list", "loi",
           "lot", "lov", "loa", "copyright-page", "colophon", "imprint", "imprimatur", "dedication",
           "epigraph", "acknowledgments", "acknowledgements", "index", "contributors", "other-credits",
           "credits", "frontispiece", "pagebreak", "backlink", "halftitle", "title-page", "copyright",
           "pagelist"}
# The OPF guide's reference types (EPUB 2) of the same pages.
GUIDE_FRAMING = {"cover", "title-page", "toc", "copyright-page", "dedication", "colophon", "index",
                 "acknowledgements", "loi", "lot", "epigraph", "other.titlepage", "other.copyright"}
NOTE_TYPES = {"footnote", "endnote", "rearnote", "note", "footnotes", "endnotes", "rearnotes"}
NOTE_WORDS = {"footnote", "footnotes", "endnote", "endnotes", "fn"}
NOTE_LABEL = re.compile(r"^\W*(?:\d{1,3}|[ivxlc]{1,5}|[a-z]|[*†‡§¶]+|↩\ufe0e?|back)\W*$", re.IGNORECASE)
BLOCK_TAGS = ["p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "div", "section", "aside",
              "h1", "h2", "h3", "h4", "h5", "h6"]
OUTER = ["table", "ul", "ol", "dl"]  # a note called inside one of these follows it whole
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
TITLE_PAGE_WORDS = 40  # a page repeating the book's title over at most this many words is its title page
LINK_SHARE = 0.8  # a page this much link text is a table of contents


def _xml(path: Path, name: str, data: bytes) -> ET.Element:
    return parse_part(path, name, data, "a book", f"re-export the book from {EDITOR}")


def _types(tag) -> set[str]:
    """A tag's epub:type tokens and ARIA doc-* roles, without their prefixes."""
    values = tag.get("epub:type") or ""
    role = tag.get("role") or ""
    tokens = {token.split(":")[-1].lower() for token in values.split()}
    tokens |= {token[4:].lower() for token in role.split() if token.startswith("doc-")}
    return tokens - {"", "none"}


def _classes(tag) -> set[str]:
    return {word.lower() for name in (tag.get("class") or []) for word in re.split(r"[-_\s]+", name)} | (
        {(tag.get("id") or "").lower().rstrip("0123456789-_")} if tag.get("id") else set())


@dataclass
class _Item:
    path: str  # its name in the archive
    media: str
    properties: set[str]


@dataclass
class _Page:
    path: str
    soup: object  # a BeautifulSoup document
    label: str  # its entry in the book's table of contents, if any


class _Book:
    """The parts of an opened package: its OPF's title, manifest, spine and guide, and the labels
    its tables of contents give each file."""

    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path, self.archive = path, archive
        self.names = set(archive.namelist())
        container = _xml(path, "META-INF/container.xml", archive.read("META-INF/container.xml"))
        roots = [el.get("full-path") for el in container.iter() if _local(el.tag) == "rootfile" and el.get("full-path")]
        opf_roots = [r for r in roots if r.lower().endswith(".opf")] or roots
        if not opf_roots:
            raise CorpusError(f"{path}: META-INF/container.xml names no package document (.opf); "
                              f"re-export the book from {EDITOR}")
        self.opf = unquote(opf_roots[0])
        if self.opf not in self.names:
            raise CorpusError(f"{path}: its package document {self.opf} is missing from the archive; "
                              f"re-export the book from {EDITOR}")
        package = _xml(path, self.opf, archive.read(self.opf))
        base = posixpath.dirname(self.opf)
        self.title = ""
        self.manifest: dict[str, _Item] = {}
        self.spine: list[str] = []
        self.guide: dict[str, str] = {}  # file → its guide type
        toc_id = ""
        for el in package.iter():
            name = _local(el.tag)
            if name == "title" and not self.title and (el.text or "").strip():
                self.title = " ".join(el.text.split())
            elif name == "item" and el.get("id") and el.get("href"):
                self.manifest[el.get("id")] = _Item(self._join(base, el.get("href")), el.get("media-type") or "",
                                                    set((el.get("properties") or "").split()))
            elif name == "spine":
                toc_id = el.get("toc") or ""
            elif name == "itemref" and el.get("idref"):
                self.spine.append(el.get("idref"))
            elif name == "reference" and el.get("href"):
                self.guide[self._join(base, el.get("href"))] = (el.get("type") or "").lower()
        if not self.spine:
            raise CorpusError(f"{path}: its package document {self.opf} has no spine (no reading order); "
                              f"re-export the book from {EDITOR}")
        self.labels = self._labels(toc_id)

    @staticmethod
    def _join(base: str, href: str) -> str:
        return posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))

    def read(self, name: str) -> bytes:
        return self.archive.read(name)

    def _labels(self, toc_id: str) -> dict[str, str]:
        """File → the first title the navigation document (EPUB 3) or the NCX (EPUB 2) gives it."""
        labels: dict[str, str] = {}
        navs = [item for item in self.manifest.values() if "nav" in item.properties]
        ncx = self.manifest.get(toc_id) or next(
            (item for item in self.manifest.values() if item.media == "application/x-dtbncx+xml"), None)
        for item in navs:
            if item.path not in self.names:
                continue
            from bs4 import BeautifulSoup

            soup = BeautifulSoup(self.read(item.path), "html.parser")
            found = soup.find_all("nav")
            toc = next((nav for nav in found if "toc" in _types(nav)), found[0] if found else None)
            if toc is not None:
                for link in toc.find_all("a", href=True):
                    target = self._join(posixpath.dirname(item.path), link["href"])
                    labels.setdefault(target, " ".join(link.get_text(" ").split()))
        if not labels and ncx is not None and ncx.path in self.names:
            try:
                root = _xml(self.path, ncx.path, self.read(ncx.path))
            except CorpusError:  # titles only name a chapter without a heading: read on without them
                return labels
            for point in root.iter():
                if _local(point.tag) != "navPoint":
                    continue
                text = next((" ".join((t.text or "").split()) for t in point.iter() if _local(t.tag) == "text"), "")
                content = next((c.get("src") for c in point if _local(c.tag) == "content"), None)
                if content and text:
                    labels.setdefault(self._join(posixpath.dirname(ncx.path), content), text)
        return labels

    def encrypted(self) -> set[str]:
        """The files META-INF/encryption.xml says are encrypted (fonts obfuscated by the
        IDPF or Adobe algorithms aside: those are readable text's fonts, not DRM)."""
        if "META-INF/encryption.xml" not in self.names:
            return set()
        root = _xml(self.path, "META-INF/encryption.xml", self.read("META-INF/encryption.xml"))
        found: set[str] = set()
        for data in root.iter():
            if _local(data.tag) != "EncryptedData":
                continue
            method = next((m.get("Algorithm") or "" for m in data.iter() if _local(m.tag) == "EncryptionMethod"), "")
            if "obfuscation" in method or method.endswith("/embedding") or "font" in method:
                continue
            for ref in data.iter():
                if _local(ref.tag) == "CipherReference" and ref.get("URI"):
                    found.add(posixpath.normpath(unquote(ref.get("URI"))))
        return found


def _text_words(tag) -> int:
    return len(tag.get_text(" ", strip=True).split())


def _framing(tag) -> bool:
    return bool(_types(tag) & FRAMING)


def _is_note(tag) -> bool:
    return bool(_types(tag) & NOTE_TYPES) or bool(_classes(tag) & NOTE_WORDS)


def _clean(soup) -> None:
    """Drops what is never text: code, styles, navigation, hidden elements, images, and every
    element a book marks as framing (a cover, a page-break marker, a back-link)."""
    from bs4 import Comment

    from knowledge.formats.html import DROPPED

    for tag in soup.find_all(DROPPED + ["img", "image", "link", "meta", "head"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for tag in list(soup.find_all(True)):
        if tag.decomposed:
            continue
        if (tag.get("aria-hidden") or "").lower() == "true" or tag.has_attr("hidden") or _framing(tag):
            tag.decompose()


def _move_notes(pages: list[_Page]) -> None:
    """Each note a page calls, moved right after the paragraph (or the list or table) that calls
    it, as a paragraph of its own, without its number or back-link; the call's mark is removed."""
    by_id = {}
    for page in pages:
        for tag in page.soup.find_all(id=True):
            by_id.setdefault((page.path, tag["id"]), tag)
    for page in pages:
        after: dict[int, object] = {}  # the calling block → the last note placed after it
        for link in list(page.soup.find_all("a", href=True)):
            if link.decomposed:
                continue
            href = link["href"]
            if "#" not in href or href.startswith(("http:", "https:", "mailto:")):
                continue
            file, fragment = href.split("#", 1)
            target_path = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), unquote(file))) if file else page.path
            target = by_id.get((target_path, unquote(fragment)))
            called = "noteref" in _types(link) or (link.parent is not None and link.parent.name == "sup")
            if target is None or target.decomposed or not (
                    "noteref" in _types(link) or _is_note(target) or (called and NOTE_LABEL.match(link.get_text()))):
                continue
            if target.name in ("a", "span", "sup") and target.parent is not None:  # the note's anchor, not the note
                target = target.find_parent(["aside", "li", "p", "div", "section", "dd"]) or target
            note = _note_text(target)
            mark = link.parent if link.parent is not None and link.parent.name == "sup" and \
                link.parent.get_text(strip=True) == link.get_text(strip=True) else link
            block = link.find_parent(BLOCK_TAGS)
            outer = link.find_parent(OUTER)
            anchor = outer or block
            if NOTE_LABEL.match(link.get_text()) or not link.get_text(strip=True):
                mark.decompose()  # the note's number: the note itself now follows
            else:
                link.unwrap()  # "see the note on pressure": the words stay
            target.decompose()
            if not note or anchor is None:
                continue
            paragraph = page.soup.new_tag("p")
            paragraph.string = note
            after.get(id(anchor), anchor).insert_after(paragraph)
            after[id(anchor)] = paragraph
    for page in pages:  # a notes section (or list) left with nothing but its heading
        for tag in list(page.soup.find_all(["section", "aside", "div", "ol", "ul"])):
            if not tag.decomposed and _is_note(tag) and not tag.get_text(" ", strip=True).replace(
                    " ".join(h.get_text(" ", strip=True) for h in tag.find_all(HEADINGS)), "").strip():
                tag.decompose()


def _note_text(target) -> str:
    for link in target.find_all("a"):
        if NOTE_LABEL.match(link.get_text()) or "backlink" in _types(link):
            link.decompose()
    for sup in target.find_all("sup"):
        if NOTE_LABEL.match(sup.get_text()):
            sup.decompose()
    text = " ".join(target.get_text(" ").split())
    return re.sub(r"^(?:\d{1,3}|[*†‡§¶]+)[.)]?\s+", "", re.sub(r"\s+([,.;:!?)])", r"\1", text)).strip()


def _join_lead_ins(soup) -> None:
    """A paragraph that leads in with a colon ("The yearly yield is:") and the quote set under it
    (a displayed formula, a rule, a quoted passage) as one paragraph, the quote running on from
    the colon (a later paragraph of it on a line of its own): the lead-in alone says nothing, and
    the quote alone loses what it is. (On a line of its own, a short lead-in would read as a
    label, "Notes:", and be dropped.)"""
    for quote in list(soup.find_all("blockquote")):
        lead = quote.find_previous_sibling(True)
        if lead is None or lead.name != "p" or not lead.get_text(" ", strip=True).endswith(":"):
            continue
        between = []
        for element in lead.next_siblings:
            if element is quote:
                break
            between.append(str(element))
        if "".join(between).strip():
            continue  # text between them: not a lead-in of this quote
        lines = [p.get_text(" ", strip=True) for p in quote.find_all(["p", "li"])] or [quote.get_text(" ", strip=True)]
        for number, line in enumerate(line for line in lines if line):
            if number:  # the quote's later paragraphs, a line each
                lead.append(soup.new_tag("br"))
            lead.append(f" {line}")
        quote.decompose()


def _title_page(page: _Page, title: str) -> bool:
    """An unmarked title page: the book's title as its heading over a few words (the author)."""
    heading = page.soup.find(HEADINGS)
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return (heading is not None and bool(title) and norm(heading.get_text(" ")) == norm(title)
            and _text_words(page.soup) <= TITLE_PAGE_WORDS)


def _contents_page(page: _Page) -> bool:
    """A page that is nothing but links (an unmarked table of contents)."""
    text = page.soup.get_text(" ", strip=True)
    headings = " ".join(h.get_text(" ", strip=True) for h in page.soup.find_all(HEADINGS))
    links = [a for a in page.soup.find_all("a") if a.get_text(strip=True)]
    linked = sum(len(a.get_text(" ", strip=True)) for a in links)
    rest = len(text.replace(" ", "")) - len(headings.replace(" ", ""))
    return len(links) >= 2 and rest > 0 and linked >= LINK_SHARE * rest


def _text_before_heading(body) -> bool:
    for element in body.descendants:
        name = getattr(element, "name", None)
        if name in HEADINGS:
            return False
        if name is None and str(element).strip() and element.parent is not None and element.parent.name not in HEADINGS:
            return True
    return False


def convert_epub(path: Path, data: bytes, max_bytes: int) -> Converted:
    from bs4 import BeautifulSoup

    from knowledge.formats.html import to_markdown

    check_package(path, data, max_bytes, BOOK)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = _Book(path, archive)
        locked = book.encrypted()
        pages: list[_Page] = []
        scripts = 0
        for idref in book.spine:
            item = book.manifest.get(idref)
            if item is None or item.media not in DOCUMENT_TYPES or "nav" in item.properties:
                continue
            if item.path not in book.names:
                raise CorpusError(f"{path}: its reading order (the spine of {book.opf}) lists {item.path}, "
                                  f"which is not in the archive; re-export the book from {EDITOR}")
            if item.path in locked:
                raise CorpusError(f"{path}: the book is protected by DRM (its chapters are encrypted); "
                                  "ingest a DRM-free copy, or export its text")
            if book.guide.get(item.path) in GUIDE_FRAMING:
                continue
            soup = BeautifulSoup(book.read(item.path), "html.parser")
            scripts += len(soup.find_all("script"))
            body = soup.body or soup
            if _framing(body):
                continue
            pages.append(_Page(item.path, soup, book.labels.get(item.path, "")))
    for page in pages:
        _clean(page.soup)
    _move_notes(pages)
    for page in pages:
        _join_lead_ins(page.soup)
    title = book.title or Path(path).stem.replace("-", " ").replace("_", " ")
    kept: list[_Page] = []
    for page in pages:
        body = page.soup.body or page.soup
        words = _text_words(body) - sum(_text_words(h) for h in body.find_all(HEADINGS))
        if words <= 0 or (len(pages) > 1 and _title_page(page, book.title)) or _contents_page(page):
            continue  # a divider, a title page, a table of contents, a notes page emptied
        kept.append(page)
    shift = None
    for page in kept:
        body = page.soup.body or page.soup
        headings = body.find_all(HEADINGS)
        continues = shift is not None and ((not headings and not page.label)
                                           or (bool(headings) and _text_before_heading(body)))
        if not headings and not continues and page.label:
            heading = page.soup.new_tag("h1")
            heading.string = page.label
            body.insert(0, heading)
            headings = [heading]
        if headings and not continues:
            shift = 2 - min(int(h.name[1]) for h in headings)
        for tag in headings:
            tag.name = f"h{max(2, min(6, int(tag.name[1]) + (shift or 0)))}"
    parts = [to_markdown(page.soup.body or page.soup) for page in kept]
    text = "\n\n".join(part for part in parts if part.strip())
    if not text.strip():
        raise CorpusError(f"{path}: the book has no text in its chapters (only images, or a cover and "
                          "contents?); ingest a book with its text, or export its text")
    notices = []
    if scripts:
        notices.append(f"{path.name}: dropped {scripts} <script> element(s); a book's code is never "
                       "indexed or run, only its text")
    return Converted(text=f"# {title}\n\n{text}\n", source=path.name, syntax="markdown", notices=notices)
