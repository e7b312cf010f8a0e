"""The styles of an OpenDocument text (`knowledge.formats.odt`): which paragraph style is the
title, a heading of which outline level, bold, or framed (a border or shading: a tip box), and
how its lists and its outline draw their numbers ("1.", "b)", "iv").

A document's common styles live in ``styles.xml`` and its content's automatic styles in
``content.xml`` (a flat .fodt holds both); a style inherits what it does not set from its parent.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}


def qname(name: str) -> str:
    """"text:p" → "{urn:…:text:1.0}p"."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


HEADING_NAME = re.compile(r"^heading[\s_]*(?:_20_)?(\d{1,2})$", re.IGNORECASE)
NUMBER_FORMATS = {"1", "a", "A", "i", "I"}


@dataclass
class _Style:
    parent: str = ""
    display: str = ""
    outline: int | None = None  # style:default-outline-level
    bold: bool | None = None
    boxed: bool = False  # a border or a shading on the paragraph: a framed paragraph, a tip box
    list_style: str = ""  # style:list-style-name


@dataclass
class ListLevel:
    numbered: bool
    fmt: str = "1"
    start: int = 1
    prefix: str = ""
    suffix: str = "."
    display_levels: int = 1


@dataclass
class Styles:
    paragraph: dict[str, _Style] = field(default_factory=dict)
    text: dict[str, _Style] = field(default_factory=dict)
    lists: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    outline: dict[int, ListLevel] = field(default_factory=dict)

    def _chain(self, table: dict[str, _Style], name: str):
        seen = set()
        while name and name in table and name not in seen:
            seen.add(name)
            yield name, table[name]
            name = table[name].parent

    def names(self, name: str) -> list[str]:
        """A paragraph style's names (internal and displayed) up its chain of parents."""
        out = []
        for key, style in self._chain(self.paragraph, name):
            out += [key.replace("_20_", " ").lower(), style.display.lower()]
        return out or [name.replace("_20_", " ").lower()]

    def outline_level(self, name: str) -> int | None:
        for key, style in self._chain(self.paragraph, name):
            if style.outline:
                return style.outline
            match = HEADING_NAME.match(key) or HEADING_NAME.match(style.display)
            if match:
                return int(match.group(1))
        return None

    def bold(self, table: str, name: str) -> bool | None:
        for _, style in self._chain(self.paragraph if table == "paragraph" else self.text, name):
            if style.bold is not None:
                return style.bold
        return None

    def boxed(self, name: str) -> bool:
        return any(style.boxed for _, style in self._chain(self.paragraph, name))


def _bold(value: str | None) -> bool | None:
    if not value:
        return None
    return value == "bold" or (value.isdigit() and int(value) >= 600)


def _drawn(border: str | None) -> bool:
    return bool(border) and border.strip().lower() not in {"none", "0", "0pt", "0cm", "hidden"}


def read_styles(roots: list[ET.Element]) -> Styles:
    """The paragraph, text and list styles of the document's common styles and its content's
    automatic styles (``roots``: styles.xml's and content.xml's, or a flat file's one root).
    styles.xml's own automatic styles dress the page headers and footers and are not read."""
    styles = Styles()
    for root in roots:
        sections = [root.find(qname("office:styles")), root.find(qname("office:automatic-styles"))]
        if root.tag == qname("office:document-styles"):
            sections = sections[:1]
        for section in (s for s in sections if s is not None):
            for element in section:
                if element.tag == qname("style:style"):
                    _add_style(styles, element)
                elif element.tag == qname("text:list-style"):
                    styles.lists[element.get(qname("style:name"), "")] = _list_levels(element)
                elif element.tag == qname("text:outline-style"):
                    styles.outline = _list_levels(element)
    return styles


def _add_style(styles: Styles, element: ET.Element) -> None:
    family = element.get(qname("style:family"))
    table = styles.paragraph if family == "paragraph" else styles.text if family == "text" else None
    if table is None:
        return
    level = element.get(qname("style:default-outline-level"))
    style = _Style(parent=element.get(qname("style:parent-style-name"), ""),
                   display=element.get(qname("style:display-name"), ""),
                   outline=int(level) if level and level.isdigit() and int(level) > 0 else None,
                   list_style=element.get(qname("style:list-style-name"), ""))
    text = element.find(qname("style:text-properties"))
    if text is not None:
        style.bold = _bold(text.get(qname("fo:font-weight")))
    paragraph = element.find(qname("style:paragraph-properties"))
    if paragraph is not None:
        borders = [paragraph.get(qname(f"fo:{side}")) for side in ("border", "border-top", "border-left")]
        shaded = (paragraph.get(qname("fo:background-color")) or "transparent").lower() not in {"transparent", "#ffffff"}
        style.boxed = any(_drawn(b) for b in borders) or shaded
    table[element.get(qname("style:name"), "")] = style


def _list_levels(element: ET.Element) -> dict[int, ListLevel]:
    levels: dict[int, ListLevel] = {}
    for child in element:
        level = int(child.get(qname("text:level"), "1") or 1)
        fmt = child.get(qname("style:num-format"), "")
        if child.tag in (qname("text:list-level-style-number"), qname("text:outline-level-style")):
            start = child.get(qname("text:start-value"), "1")
            display = child.get(qname("text:display-levels"), "1")
            levels[level] = ListLevel(numbered=fmt in NUMBER_FORMATS, fmt=fmt,
                                       start=int(start) if start.isdigit() else 1,
                                       prefix=child.get(qname("style:num-prefix"), ""),
                                       suffix=child.get(qname("style:num-suffix"), ""),
                                       display_levels=int(display) if display.isdigit() else 1)
        else:  # a bullet, or an image
            levels[level] = ListLevel(numbered=False)
    return levels


def _roman(value: int) -> str:
    out = ""
    for amount, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= amount:
            out, value = out + letters, value - amount
    return out


def number_label(value: int, fmt: str) -> str:
    if fmt in ("a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "A" else letters
    if fmt in ("i", "I"):
        return _roman(value).upper() if fmt == "I" else _roman(value)
    return str(value)
