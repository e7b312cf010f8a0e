"""HTML course pages, read with Beautiful Soup (MIT) and converted with markdownify (MIT).

Scripts are dropped, not refused: pages saved from a learning platform or a CMS routinely
carry analytics and navigation scripts around the course text, and refusing them would turn
away most real pages. Nothing in a page is ever run; the code of its scripts (and of styles,
embedded frames, objects and forms) is removed before conversion, so it never reaches the
index, an answer or a citation, and the ingest report says how many were dropped. Links keep
their words, not their addresses (a ``javascript:`` link leaves nothing behind); images are
dropped. A page with no text outside its scripts (rendered by JavaScript) is refused.

The page's ``<main>`` or ``<article>`` is read when it has one (menus and footers around it
are not course text), and it, or the whole page without one, is cleared of its chrome
(`drop_chrome`): site headers, navigation, sidebars, breadcrumbs and footers, known by
their tags (``<nav>``, ``<header>``, ``<footer>``, ``<aside>``), their ARIA roles, or the words
of their class and id ("site-footer", "breadcrumb"), and any block that is nothing but links
(a menu written as a list); an ``<aside>`` in the flow of the text (a tip inside an article or
section) is text, and anything hidden from readers (``aria-hidden``, ``hidden``: an icon) or
floating over the page (a dialog: a cookie notice) never is; a block that holds the page's top heading is kept whatever it is
called, and one named like furniture that holds a section heading (a "section-header" around
an ``<h2>``) too. Headings h1–h6 become Markdown headings, tables pipe tables, and the page's
``<title>`` names the module when the page has no heading of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.formats import Converted
from knowledge.parsing import CorpusError

DROPPED = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
           "canvas", "form", "nav"]


CHROME_TAGS = ["header", "footer", "aside"]
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                "dialog", "alertdialog"}  # a dialog floats over the page (a cookie notice), it is not in its text
# Where the text of a page is written: an <aside> inside one of these is part of it (a tip beside
# a paragraph); one beside them is the page's sidebar, unless it sits in <main> with no heading of
# its own (a sidebar is titled: "Related modules").
FLOW = ["article", "section"]
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# Words of a class or id that name page furniture, not content (split on "-", "_", camelCase).
CHROME_WORDS = {"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs",
                "sidebar", "footer", "header", "masthead", "topbar", "toolbar", "cookie", "cookies",
                "banner", "skip", "pagination", "pager", "share", "social", "copyright", "subnav"}
LINK_SHARE = 0.8  # a block whose text is this much link text (two links or more) is a menu
BLOCKS = ["div", "ul", "ol", "p", "section", "span", "table"]


def _words(tag) -> set[str]:
    names = " ".join([*(tag.get("class") or []), tag.get("id") or ""])
    names = re.sub(r"([a-z])([A-Z])", r"\1 \2", names).lower()
    return set(re.split(r"[^a-z]+", names)) - {""}


def _hidden(tag) -> bool:
    return (tag.get("aria-hidden") or "").lower() == "true" or tag.has_attr("hidden")


def _holds_title(tag) -> bool:
    return tag.find("h1") is not None or tag.name == "h1"


def _link_block(tag) -> bool:
    if tag.find(["h1", "h2", "h3", "h4", "h5", "h6", "table"]) is not None or tag.find_parent("table"):
        return False
    links = tag.find_all("a")
    text = tag.get_text(" ", strip=True)
    linked = sum(len(link.get_text(" ", strip=True)) for link in links)
    return len(links) >= 2 and bool(text) and linked >= LINK_SHARE * len(text.replace(" ", "")) - len(links) * 2


def drop_chrome(root) -> int:
    """Removes a page's furniture around the course text (see the module docstring); returns
    how many elements went."""
    dropped = 0
    for tag in list(root.find_all(True)):
        if tag.decomposed or _holds_title(tag):
            continue
        if _hidden(tag):  # hidden from every reader (an icon, a template): never text
            tag.decompose()
            dropped += 1
            continue
        named = bool(_words(tag) & CHROME_WORDS) and tag.find(["h2", "h3"]) is None  # "section-header" holding an h2 is content
        in_flow = tag.name == "aside" and (tag.get("role") or "") == "" and (
            tag.find_parent(FLOW) is not None or (tag.find_parent("main") is not None and tag.find(HEADINGS) is None))
        chrome = ((tag.name in CHROME_TAGS and not in_flow) or (tag.get("role") or "").lower() in CHROME_ROLES
                  or (named and not in_flow))
        if chrome or (tag.name in BLOCKS and _link_block(tag)):
            tag.decompose()
            dropped += 1
    return dropped


def to_markdown(root) -> str:
    """A page (or any element of one) as Markdown: ATX headings, "-" lists, pipe tables (a header
    row written in ``<td>`` taken as one), links as their words, no images. Other readers of
    (X)HTML (`knowledge.formats.epub`) convert through this one."""
    from markdownify import MarkdownConverter

    converter = MarkdownConverter(heading_style="ATX", bullets="-", strip=["a", "img"],
                                  escape_asterisks=False, escape_underscores=False, escape_misc=False,
                                  table_infer_header=True)  # a header row written in <td>
    return converter.convert_soup(root).strip()


def convert_html(path: Path, data: bytes) -> Converted:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    scripts = len(soup.find_all("script"))
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(DROPPED):
        tag.decompose()
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article")
    root = main or soup.body or soup
    drop_chrome(root)  # inside the main text too: a breadcrumb or a sidebar may sit there
    if soup.head is not None and root is soup:
        soup.head.decompose()
    text = to_markdown(root)
    if not text:
        why = (f"no course text outside its {scripts} script(s) (a page drawn by JavaScript?); "
               "save the page as it is displayed, or export its text") if scripts else "no text"
        raise CorpusError(f"{path}: the page has {why}")
    has_heading = any(line.startswith("#") for line in text.splitlines())
    if not has_heading and title:
        text = f"# {title}\n\n{text}"
        has_heading = True
    notices = []
    if scripts:
        notices.append(f"{path.name}: dropped {scripts} <script> element(s); a page's code is "
                       "never indexed or run, only its text")
    return Converted(text=text + "\n", source=path.name,
                     syntax="markdown" if has_heading else "text", notices=notices)
