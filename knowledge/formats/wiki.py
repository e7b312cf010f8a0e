"""A wiki or notes app's Markdown export (Notion, Confluence, Obsidian, GitHub/GitLab wikis),
read into the plain Markdown the course parser understands.

Such exports wrap the teaching in the marks of the tool that wrote them. Each is recognised by
its shape, never its words, and either dropped (it describes the page, not the subject) or
unwrapped (it holds teaching in a tool's syntax):

- **front matter** (a "---" fenced block of "key: value" lines at the very top) describes the
  page; its title names the module when the page has no title heading of its own;
- a **breadcrumb** (a line alone of short items joined by ">", "›", "»" or "/": where the page
  sits in the wiki) and an **edit line** ("Last edited by @sam on 3 May") are dropped;
- **toggles** (``<details>`` with a ``<summary>``) keep their summary as a line over their
  text; other HTML tags are dropped, their text kept;
- **checklist** boxes ("- [ ] ", "- [x] ") are list items; **callout** markers ("> [!TIP]")
  become their label ("Tip:"); **@mentions** keep the name;
- **emoji** are dropped from headings and text (they name nothing the text does not).

Sections that record the page rather than teach (comments, related pages) are the course
parser's to drop (`knowledge.furniture.records_the_document`).
"""

from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n((?:[^\n]*\n){0,80}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
FIELD = re.compile(r"^([A-Za-z_][\w -]{0,30}):\s*(.*)$")
# Breadcrumb separators between short items: "Home > Coaching > U10", "Wiki / Teams / Guides".
CRUMB_SPLIT = re.compile(r"\s+(?:>|›|»|/|→|\\)\s+")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EDIT_LINE = re.compile(
    r"^[\W_]*(?:last\s+)?(?:edited|updated|modified|created|changed|reviewed)(?:\s+by\b|\s+on\b|:)",
    re.IGNORECASE)
SUMMARY = re.compile(r"<summary[^>]*>(.*?)</summary>\s*", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"</?(?:details|summary|div|span|p|br|hr|b|i|u|em|strong|small|sup|sub|mark|font|section|"
                 r"aside|center|kbd|img)\b[^>]*>", re.IGNORECASE)
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CHECKBOX = re.compile(r"^(\s*(?:[-*+]|\d{1,3}[.)])\s+)\[[ xX✓✔]\]\s+", re.MULTILINE)
CALLOUT = re.compile(r"^(\s*>\s*)\[!(\w+)\][+-]?[ \t]*", re.MULTILINE)
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z][\w.-]*[A-Za-z0-9])")
# Pictographs, dingbats, flags, variation selectors and joiners: drawing, not words.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\uFE0E\uFE0F\u200D\u20E3"
                   "\U000E0020-\U000E007F]+")


TOP_LINES = 12

EMOJI_GAP = re.compile(EMOJI.pattern + r"[ \t]*")


def _front_matter(text: str) -> tuple[str, str | None]:
    """The text without its front matter, and the title it gives (None when none)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, None
    lines = [line for line in match.group(1).splitlines() if line.strip()]
    if not lines or not any(FIELD.match(line) for line in lines):
        return text, None
    title = None
    for line in lines:
        field = FIELD.match(line)
        if field and field.group(1).strip().lower() in {"title", "name", "page", "page_title"}:
            title = field.group(2).strip().strip("\"'") or None
    return text[match.end():], title


def is_breadcrumb(line: str) -> bool:
    """A line alone of three or more short items joined by ">" ("Home > Teams > Coaching")."""
    text = LINK.sub(r"\1", line.strip()).strip("*_` ")
    if not text or text.startswith(("#", ">", "|", "-", "*")):
        return False
    items = CRUMB_SPLIT.split(text)
    return len(items) >= 3 and all(0 < len(item.split()) <= 6 and not item.endswith((".", "?", "!"))
                                   for item in items)


def _has_title_heading(text: str) -> bool:
    return bool(re.search(r"^#[ \t]+\S", text, re.MULTILINE) or re.search(r"^\S[^\n]*\n=+[ \t]*$", text, re.MULTILINE))


def _without_emoji(line: str) -> str:
    """The line without its emoji and the space each left ("## ⚽ Drills" → "## Drills")."""
    bare = EMOJI_GAP.sub("", line)
    return bare if bare.strip() or not line.strip() else ""


def _summary(match: re.Match[str]) -> str:
    """A toggle's summary as the line that leads into its text ("Worked example:" over it)."""
    label = " ".join(TAG.sub(" ", match.group(1)).split())
    if not label:
        return "\n\n"
    return f"\n\n{label}{'' if label[-1:] in '.:?!' else ':'}\n"


def clean_wiki(text: str) -> str:
    """``text`` without a wiki's furniture and tool syntax; plain Markdown passes unchanged."""
    text, title = _front_matter(text)
    text = COMMENT.sub("", text)
    text = SUMMARY.sub(_summary, text)
    text = BREAK.sub("\n", text)
    text = TAG.sub("", text)
    text = CHECKBOX.sub(r"\1", text)
    text = CALLOUT.sub(lambda m: f"{m.group(1)}{m.group(2).capitalize()}: ", text)
    text = MENTION.sub(r"\1", text)
    kept = []
    seen = 0  # lines with text so far: a breadcrumb stands at the top of the page
    for line in text.split("\n"):
        if not line.lstrip().startswith("|"):  # a table's "✅" is a cell's value
            line = _without_emoji(line)
        bare = line.strip().strip("*_").strip()
        seen += bool(bare)
        if bare and ((seen <= TOP_LINES and is_breadcrumb(line)) or (EDIT_LINE.match(bare) and len(bare.split()) <= 16)):
            continue
        kept.append(line.rstrip() if line.strip() else "")
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n") + "\n"
    if title and not _has_title_heading(text):
        text = f"# {title}\n\n{text}"
    return text
