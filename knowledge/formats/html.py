"""HTML course pages, read with Beautiful Soup (MIT) and converted with markdownify (MIT).

Scripts are dropped, not refused: pages saved from a learning platform or a CMS routinely
carry analytics and navigation scripts around the course text, and refusing them would turn
away most real pages. Nothing in a page is ever run; the code of its scripts (and of styles,
embedded frames, objects and forms) is removed before conversion, so it never reaches the
index, an answer or a citation, and the ingest report says how many were dropped. Links keep
their words, not their addresses (a ``javascript:`` link leaves nothing behind); images are
dropped. A page with no text outside its scripts (rendered by JavaScript) is refused.

The page's ``<main>`` or ``<article>`` is read when it has one (menus and footers around it
are not course text); headings h1–h6 become Markdown headings, tables pipe tables, and the
page's ``<title>`` names the module when the page has no heading of its own.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.formats import Converted
from knowledge.parsing import CorpusError

DROPPED = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
           "canvas", "form", "nav"]


def convert_html(path: Path, data: bytes) -> Converted:
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    soup = BeautifulSoup(data, "html.parser")
    scripts = len(soup.find_all("script"))
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(DROPPED):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    if soup.head is not None and root is soup:
        soup.head.decompose()
    converter = MarkdownConverter(heading_style="ATX", bullets="-", strip=["a", "img"],
                                  escape_asterisks=False, escape_underscores=False, escape_misc=False,
                                  table_infer_header=True)  # a header row written in <td>
    text = converter.convert_soup(root).strip()
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
