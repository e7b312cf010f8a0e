"""reStructuredText (reST) course files, read into the Markdown the course parser reads.

Documentation written for Sphinx, Python packages and many wikis is reST, often saved as plain
``.txt``. Its structure lives in the shape of its lines, and each piece is read here by that shape:

- **Section titles** are underlined (and sometimes overlined) with a repeated punctuation
  character; the first style met is the top level, the next style the level below, and so on
  (reST's own rule), so "=", "-", "~" or any other choice ranks as the file ranks it.
- **Directives** (``.. name:: argument`` with ``:option:`` lines and an indented body): an
  admonition (note, warning, tip…) keeps its body under its label ("Note: …"); a table directive
  (``csv-table``, ``list-table``, ``table``) becomes a table; an image's path, a table of contents
  (``contents``), section numbering and other directives that only arrange the document are
  dropped; any other directive keeps its body text.
- **Literal blocks** (a paragraph ending in "::", then an indented block), line blocks ("| " lines)
  and doctests: each line stays a line, so a checklist or a worked calculation is not run together.
- **Definition lists** (a term, its definition indented on the next line): "Term: definition".
- **Footnotes and citations** (``.. [#] text``) keep their text; the marks that point at them
  (``[#]_``, ``[2]_``) are dropped.
- **Bibliographic fields** (``:Author:``, ``:Version:`` before the first section) describe the
  file, not the subject, and are dropped; a field list elsewhere becomes "Field: value" lines.
- **Simple tables** (columns under "=====  =====" rules) become pipe tables; **grid tables**
  (``+---+`` borders) are kept as drawn, which the parser reads (`knowledge.text_tables`).
- **Inline markup**: roles (``:term:`x```), hyperlinks (```text <url>`_``), inline literals and
  substitutions are read as their words.

`convert_rst` returns None for a file that is not reST (fewer than two underlined titles), so a
plain-text module keeps its own reading.
"""

from __future__ import annotations

import csv
import io
import re

# reST's adornment characters: any non-alphanumeric printable 7-bit character may underline a title.
ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}[ \t]*$")
DIRECTIVE = re.compile(r"^\.\.[ \t]+([A-Za-z][\w:+.-]*)[ \t]*::(?:[ \t]+(.*))?$")
SUBSTITUTION = re.compile(r"^\.\.[ \t]+\|([^|]+)\|[ \t]+([\w:+.-]+)[ \t]*::(?:[ \t]+(.*))?$")
FOOTNOTE = re.compile(r"^\.\.[ \t]+\[(#[\w-]*|\*|\d+|[A-Za-z][\w.-]*)\](?:[ \t]+(.*))?$")
TARGET = re.compile(r"^\.\.[ \t]+_")
COMMENT = re.compile(r"^\.\.(?:[ \t]|$)")
FIELD = re.compile(r"^:([^:\s][^:]*?):(?:[ \t]+(.*))?$")
OPTION = re.compile(r"^:([\w-]+):(?:[ \t]+(.*))?$")
BULLET = re.compile(r"^([-*+•‣⁃])[ \t]+")
ENUMERATOR = re.compile(r"^(?:#|\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)][ \t]+|^\((?:#|\d{1,3}|[A-Za-z])\)[ \t]+")
SIMPLE_RULE = re.compile(r"^[ \t]*=+(?:[ \t]+=+)+[ \t]*$")  # "=====  =====": a simple table's border
GRID_BORDER = re.compile(r"^\+(?:[-=]+\+)+$")  # "+-----+-----+": a grid table's border
CHECKBOX = re.compile(r"^\[[ xX✓]\][ \t]*")  # "[ ] 1. Front light": a checklist's box

ADMONITIONS = {"note", "tip", "hint", "important", "attention", "caution", "warning", "danger", "error",
               "seealso", "admonition", "todo", "versionadded", "versionchanged", "deprecated"}
# Directives that arrange or decorate the document and carry nothing to teach.
DROPPED = {"image", "contents", "sectnum", "section-numbering", "toctree", "index", "raw", "include",
           "literalinclude", "meta", "header", "footer", "title", "role", "default-role", "highlight",
           "target-notes", "class", "unicode", "date", "replace", "moduleauthor", "sectionauthor",
           "codeauthor", "tabularcolumns", "only-html"}
LITERAL = {"code", "code-block", "sourcecode", "parsed-literal", "math", "line-block"}

# Inline markup, read as its words.
ROLE = re.compile(r":[\w:+.-]+:`([^`]+)`|`([^`]+)`:[\w:+.-]+:")
LINK = re.compile(r"`([^`<]*?)\s*<[^>`]+>`__?")
REFERENCE = re.compile(r"`([^`]+)`__?")
INLINE_LITERAL = re.compile(r"``(.+?)``")
FOOTNOTE_REF = re.compile(r"\s?\[(?:#[\w-]*|\*|\d+|[A-Za-z][\w.-]*)\]_")
SUBSTITUTION_REF = re.compile(r"\|([^|\s][^|]*?)\|(?:__?)?")
INTERPRETED = re.compile(r"(?<![`\w])`([^`]+)`(?![`\w])")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t")) if line.strip() else 10**6


def _titles(lines: list[str]) -> list[tuple[int, int, str, tuple[str, bool]]]:
    """Every section title: (first line, line count, title, style), the style being the
    adornment character and whether it is overlined too."""
    found = []
    index = 0
    while index < len(lines):
        line = lines[index]
        over = ADORNMENT.match(line)
        if (over and index + 2 < len(lines) and lines[index + 1].strip()
                and ADORNMENT.match(lines[index + 2]) and lines[index + 2].strip()[0] == over.group(1)
                and (index == 0 or not lines[index - 1].strip())):
            text = lines[index + 1].strip()
            if len(line.strip()) >= len(text) - 2:
                found.append((index, 3, text, (over.group(1), True)))
                index += 3
                continue
        under = ADORNMENT.match(lines[index + 1]) if index + 1 < len(lines) else None
        text = line.strip()
        if (under and text and not line[:1].isspace() and not ADORNMENT.match(line)
                and len(lines[index + 1].strip()) >= max(3, len(text) - 2)
                and (index == 0 or not lines[index - 1].strip())
                and (index + 2 >= len(lines) or not lines[index + 2].strip() or not SIMPLE_RULE.match(lines[index + 1]))):
            found.append((index, 2, text, (under.group(1), False)))
            index += 2
            continue
        index += 1
    return found


def looks_like_rst(text: str) -> bool:
    """Two or more adorned section titles: the shape reST gives a document's sections."""
    return len(_titles(text.splitlines())) >= 2


def inline(text: str, substitutions: dict[str, str] | None = None) -> str:
    """A line's inline markup read as its words."""
    text = FOOTNOTE_REF.sub("", text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = ROLE.sub(lambda m: re.sub(r"\s*<[^>]*>$", "", m.group(1) or m.group(2)), text)
    text = INLINE_LITERAL.sub(r"\1", text)
    text = REFERENCE.sub(r"\1", text)
    text = INTERPRETED.sub(r"\1", text)
    if substitutions:
        text = SUBSTITUTION_REF.sub(lambda m: substitutions.get(m.group(1), m.group(0)), text)
    return re.sub(r"\\(.)", r"\1", text)


def _block(lines: list[str], start: int, minimum: int) -> int:
    """The end (exclusive) of the indented block from ``start``: lines indented by more than
    ``minimum`` and the blank lines between them."""
    end = start
    index = start
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        if _indent(lines[index]) <= minimum:
            break
        index += 1
        end = index
    return end


def _dedent(lines: list[str]) -> list[str]:
    width = min((_indent(line) for line in lines if line.strip()), default=0)
    return [line[width:] if line.strip() else "" for line in lines]


def _paragraphs(lines: list[str]) -> list[str]:
    out, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    return out


def _pipe(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    rows = [[" ".join(cell.split()).replace("|", "/") for cell in row] + [""] * (width - len(row)) for row in rows]
    lines = [f"| {' | '.join(rows[0])} |", f"| {' | '.join(['---'] * width)} |"]
    return "\n".join(lines + [f"| {' | '.join(row)} |" for row in rows[1:]])


def _simple_table(lines: list[str]) -> str | None:
    """A simple table (columns under "=====  =====" rules) as a pipe table: the rows between the
    first two rules are the header when a third rule closes the table; a line whose first column
    is empty continues the row above."""
    rules = [i for i, line in enumerate(lines) if SIMPLE_RULE.match(line)]
    if len(rules) < 2:
        return None
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", lines[rules[0]])]
    starts = [a for a, _ in spans]

    def cells(line: str) -> list[str]:
        bounds = starts[1:] + [10**6]
        return [line[a:b].strip() for a, b in zip(starts, bounds)]

    header_end = rules[1] if len(rules) >= 3 else rules[0]
    header = [cells(line) for line in lines[rules[0] + 1:header_end] if line.strip()] if len(rules) >= 3 else []
    rows: list[list[str]] = []
    for line in lines[header_end + 1:rules[-1]]:
        if not line.strip() or re.fullmatch(r"[ \t]*[-=]+(?:[ \t]+[-=]+)*[ \t]*", line):
            continue
        values = cells(line)
        if rows and not values[0]:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], values)]
        else:
            rows.append(values)
    head = [" ".join(parts).strip() for parts in zip(*header)] if header else [f"column {i + 1}" for i in range(len(starts))]
    return _pipe([head] + rows) if rows else None


def _list_table(body: list[str], header_rows: int) -> str | None:
    """A ``list-table``: a bullet list of rows, each a bullet list of cells."""
    rows: list[list[str]] = []
    for line in _dedent(body):
        stripped = line.strip()
        if line.startswith(("* ", "- ")) and stripped[2:].lstrip().startswith(("* ", "- ")):
            rows.append([stripped[2:].lstrip()[2:].strip()])
        elif line.startswith(("* ", "- ")):
            rows.append([stripped[2:].strip()])
        elif stripped.startswith(("* ", "- ")) and rows:
            rows[-1].append(stripped[2:].strip())
        elif stripped and rows:
            rows[-1][-1] += f" {stripped}"
    if not rows:
        return None
    if header_rows == 0:
        rows.insert(0, [f"column {i + 1}" for i in range(max(len(row) for row in rows))])
    return _pipe(rows)


def _csv_table(body: list[str], options: dict[str, str]) -> str | None:
    rows = [row for row in csv.reader(io.StringIO("\n".join(_dedent(body)).strip()), skipinitialspace=True) if row]
    header = next(csv.reader([options["header"]], skipinitialspace=True)) if options.get("header") else None
    if header is None:
        if options.get("header-rows", "0").strip() not in {"", "0"} and rows:
            header = rows.pop(0)
        else:
            header = [f"column {i + 1}" for i in range(max((len(row) for row in rows), default=0))]
    return _pipe([header] + rows) if rows else None


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = text.expandtabs(8).splitlines()
        self.out: list[str] = []
        self.substitutions: dict[str, str] = {}
        self.levels: list[tuple[str, bool]] = []
        self.numbering: dict[int, int] = {}  # an auto-numbered ("#.") list's next number, by indent

    def emit(self, text: str) -> None:
        if text.strip():
            self.out.append(text)

    def paragraph(self, lines: list[str]) -> None:
        self.emit(inline(" ".join(line.strip() for line in lines), self.substitutions))

    def literal(self, lines: list[str]) -> None:
        """A literal block: each line a line of its own, as a list item so that none is run into
        the next ("[ ] 3. Windows shut" and "2) Rinse" keep their numbers); a heading line
        over a checklist ("EVENING ROUND") leads the list in."""
        for piece in "\n".join(_dedent(lines)).split("\n\n"):
            rows = [line.strip() for line in piece.split("\n") if line.strip()]
            marked = [bool(CHECKBOX.match(row) or BULLET.match(row) or ENUMERATOR.match(row)) for row in rows]
            rows = [CHECKBOX.sub("", row) for row in rows]
            if len(rows) == 1:
                self.emit(rows[0])
                continue
            lead = ""
            if rows and not marked[0] and all(marked[1:]):
                lead = rows[0] if rows[0][-1:] in ".:!?" else f"{rows[0]}:"
                rows = rows[1:]
            items = [row if BULLET.match(row) or re.match(r"^\d{1,3}[.)]\s", row) else f"- {row}" for row in rows]
            if items:
                self.emit("\n".join(([lead] if lead else []) + items))

    def directive(self, name: str, argument: str, body: list[str]) -> None:
        name = name.lower()
        options: dict[str, str] = {}
        while body and OPTION.match(body[0].strip()) and body[0].strip():
            option = OPTION.match(body[0].strip())
            options[option.group(1).lower()] = (option.group(2) or "").strip()
            body = body[1:]
        if name in DROPPED or name.startswith("auto"):
            return
        if name in LITERAL:
            self.literal(([argument] if argument and name == "math" else []) + body)
            return
        if name == "csv-table" or name == "list-table":
            table = (_csv_table(body, options) if name == "csv-table"
                     else _list_table(body, int(options.get("header-rows", "0") or 0)))
            if argument:
                self.emit(inline(argument, self.substitutions))
            if table:
                self.emit(table)
            return
        label = ""
        if name in ADMONITIONS:
            label = argument.strip() if name == "admonition" and argument else name.replace("seealso", "see also").capitalize()
        elif argument and name in {"topic", "sidebar"} and any(line.strip() for line in body):
            label = inline(argument, self.substitutions)  # its title leads its text in, as a note's label does
        elif argument and name not in {"figure", "table"}:
            self.emit(inline(argument, self.substitutions))  # a rubric's text, or another directive's title
        sub = _Reader("\n".join(_dedent(body)))
        sub.substitutions = self.substitutions
        sub.read()
        if name == "figure" and sub.out:
            pass  # the caption and legend are its body; its image path was the argument
        if name == "table" and argument:
            self.emit(inline(argument, self.substitutions))
        pieces = sub.out
        if label and pieces:
            pieces = [f"{label}{'' if label[-1:] in ':.?!' else ':'} {pieces[0]}"] + pieces[1:]
        elif label and argument and name != "admonition":
            pieces = [f"{label}: {inline(argument, self.substitutions)}"]
        self.out.extend(pieces)

    def read(self) -> list[str]:
        lines = self.lines
        titles = {first: (count, title, style) for first, count, title, style in _titles(lines)}
        seen_title = False
        index = 0
        while index < len(lines):
            line = lines[index]
            stripped = line.strip()
            if not stripped:
                index += 1
                continue
            if index in titles:
                count, title, style = titles[index]
                if style not in self.levels:
                    self.levels.append(style)
                level = min(self.levels.index(style) + 1, 6)
                self.emit(f"{'#' * level} {inline(title, self.substitutions)}")
                seen_title = seen_title or level > 1
                index += count
                continue
            if ADORNMENT.match(line) and len(stripped) >= 4:  # a transition between parts
                index += 1
                continue
            if SIMPLE_RULE.match(line) and line[:1] != " ":
                end = index + 1
                rules = 1
                while end < len(lines) and lines[end].strip():
                    rules += bool(SIMPLE_RULE.match(lines[end]))
                    end += 1
                    if rules == 3 or (rules == 2 and (end >= len(lines) or not lines[end].strip())):
                        break
                while end < len(lines) and lines[end].strip() and not SIMPLE_RULE.match(lines[end - 1]):
                    end += 1
                table = _simple_table(lines[index:end])
                if table:
                    self.emit(table)
                    index = end
                    continue
            if GRID_BORDER.match(stripped):  # a grid table, kept as drawn (`knowledge.text_tables` reads it)
                end = index
                while end < len(lines) and lines[end].strip()[:1] in {"+", "|"}:
                    end += 1
                self.emit("\n".join(inline(row.strip(), self.substitutions) for row in lines[index:end]))
                index = end
                continue
            if stripped.startswith(".."):
                end = _block(lines, index + 1, _indent(line))
                head = stripped
                body = lines[index + 1:end]
                substitution = SUBSTITUTION.match(head)
                directive = DIRECTIVE.match(head)
                footnote = FOOTNOTE.match(head)
                if substitution:
                    if substitution.group(2) == "replace":
                        self.substitutions[substitution.group(1)] = inline(
                            " ".join([substitution.group(3) or ""] + [b.strip() for b in body]).strip())
                elif directive:
                    self.directive(directive.group(1), (directive.group(2) or "").strip(), _dedent(body))
                elif footnote:
                    self.paragraph([footnote.group(2) or ""] + [b for b in body if b.strip()])
                # a hyperlink target or a comment: nothing to read
                index = end
                continue
            field = FIELD.match(stripped)
            if field and not line[:1].isspace():
                end = index
                fields = []
                while end < len(lines) and FIELD.match(lines[end].strip()) and not lines[end][:1].isspace():
                    more = _block(lines, end + 1, 0)
                    match = FIELD.match(lines[end].strip())
                    value = " ".join([match.group(2) or ""] + [b.strip() for b in lines[end + 1:more] if b.strip()])
                    fields.append(f"{match.group(1).strip()}: {inline(value.strip(), self.substitutions)}")
                    end = more
                    while end < len(lines) and not lines[end].strip():
                        end += 1
                if seen_title:  # a field list in the text; before the first section it describes the file
                    self.emit("\n".join(f"- {field}" for field in fields))
                index = end
                continue
            if stripped.startswith(("| ", ">>>")) or stripped == "|":  # a line block, or a doctest: line by line
                end = index
                while end < len(lines) and lines[end].strip():
                    end += 1
                rows = [row.strip()[2:] if row.strip().startswith("| ") else row.strip() for row in lines[index:end]]
                self.literal([inline(row, self.substitutions) for row in rows if row not in {"", "|"}])
                index = end
                continue
            if line[:1].isspace():  # a block quote
                end = _block(lines, index, _indent(line) - 1)
                sub = _Reader("\n".join(_dedent(lines[index:end])))
                sub.substitutions = self.substitutions
                self.out.extend(sub.read())
                index = end
                continue
            if BULLET.match(stripped) or ENUMERATOR.match(stripped):
                index = self.list_items(index)
                continue
            # a paragraph: lines up to a blank line; a definition list when an indented line follows its first
            end = index
            while end < len(lines) and lines[end].strip() and not lines[end][:1].isspace():
                end += 1
            if end == index + 1 and end < len(lines) and lines[end][:1].isspace() and lines[end].strip():
                definition_end = _block(lines, end, 0)
                term = re.split(r"\s+:\s+", stripped, maxsplit=1)[0]  # "term : classifier"
                definition = _paragraphs(_dedent(lines[end:definition_end]))
                self.emit(inline(f"{term.rstrip(':')}: {' '.join(definition)}", self.substitutions))
                index = definition_end
                continue
            paragraph = lines[index:end]
            if paragraph[-1].rstrip().endswith("::"):
                last = paragraph[-1].rstrip()[:-2]
                paragraph = paragraph[:-1] + ([last + ":"] if last.strip() and not last.endswith((" ", "\t")) else
                                              [last] if last.strip() else [])
                if paragraph:
                    self.paragraph(paragraph)
                next_line = end
                while next_line < len(lines) and not lines[next_line].strip():
                    next_line += 1
                if next_line < len(lines) and lines[next_line][:1].isspace():
                    block_end = _block(lines, next_line, 0)
                    self.literal(lines[next_line:block_end])
                    end = block_end
                index = end
                continue
            self.paragraph(paragraph)
            index = end
        return self.out

    def list_items(self, index: int) -> int:
        """A bullet or enumerated list from ``lines[index]``: one "- " or "N." line per item, an
        item's wrapped and indented lines joined to it."""
        lines = self.lines
        items: list[str] = []
        base = _indent(lines[index])
        number = 0
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                following = index + 1
                while following < len(lines) and not lines[following].strip():
                    following += 1
                if (following < len(lines) and _indent(lines[following]) == base
                        and (BULLET.match(lines[following].strip()) or ENUMERATOR.match(lines[following].strip()))):
                    index = following
                    continue
                if following < len(lines) and _indent(lines[following]) > base and items:
                    index = following  # an item's next paragraph
                    continue
                break
            if _indent(line) < base:
                break
            stripped = line.strip()
            bullet = BULLET.match(stripped)
            enumerator = ENUMERATOR.match(stripped)
            if _indent(line) == base and (bullet or enumerator):
                marker = (bullet or enumerator).group(0)
                rest = stripped[len(marker):]
                if bullet:
                    items.append(f"- {rest}")
                else:
                    label = marker.strip().strip("()").rstrip(".)")
                    number = number + 1 if label == "#" or not label.isdigit() else int(label)
                    items.append(f"{number}. {rest}" if label == "#" or label.isdigit() else f"({label}) {rest}")
            elif items:
                items[-1] += f" {stripped}"
            else:
                break
            index += 1
        self.emit("\n".join(inline(item, self.substitutions) for item in items))
        return index


def convert_rst(text: str) -> str | None:
    """Markdown for a reST file, or None when ``text`` is not reST."""
    if not looks_like_rst(text):
        return None
    return "\n\n".join(_Reader(text).read()) + "\n"


__all__ = ["convert_rst", "inline", "looks_like_rst"]
