"""LaTeX (.tex) course files, lecture notes and handouts, read into the Markdown the course
parser reads. The document's body is parsed by pylatexenc (MIT), its text and math turned into
Unicode by pylatexenc's latex2text; the preamble's definitions are read and expanded by
`knowledge.formats.latex_macros`.

What LaTeX would print is what is taught, in the order it is printed:

- **Sectioning** (``\\part`` … ``\\subsubsection``, starred or not) gives headings, ranked by
  the command (the highest one used opens lessons), under the document's ``\\title`` (its first
  line; a subtitle after ``\\\\`` is dropped). ``\\paragraph{Label}`` is a run-in label of its text.
- **Macros and environments the author defines** in the preamble (``\\newcommand``,
  ``\\renewcommand``, ``\\providecommand``, ``\\def``, ``\\DeclareMathOperator``,
  ``\\newenvironment``) are expanded as LaTeX expands them, so a unit macro reads "3.1 mm" and a
  "tip" environment prints its own label ("Tip.") before its text.
- **Cross-references** read as LaTeX prints them, with the section's title after its number
  ("Section 4 (Aperture and focal length)"), "Table 2", "(1)" for an equation, so a pointer to
  another section says where it points.
- **Lists**: itemize and enumerate items are "- " and "1. " items (nested lists indented); a
  description list's items are "Term: definition" paragraphs.
- **Tables** (``tabular`` and its kin, in a float or not) are pipe tables, rules dropped, a
  ``\\multicolumn`` cell counted once; a float's caption is a paragraph "Table N: caption" before it.
- **Math**, inline or displayed, is its Unicode text ("M = f_T/f_e", "2 × 150 = 300×").
- **Footnotes** are paragraphs after the paragraph that marks them (in the same section).
- **Never taught**: the preamble itself, ``%`` comments, ``\\iffalse`` blocks and ``comment``
  environments, labels, index entries, spacing and page commands, the title block's author and date,
  the table of contents, and the bibliography.

`convert_latex` raises `CorpusError` for a file with no text to teach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.formats import Converted
from knowledge.formats.latex_macros import definitions as _definitions, expand as _expand
from knowledge.parsing import CorpusError

COMMENT = re.compile(r"(?<!\\)%.*$", re.MULTILINE)
IFFALSE = re.compile(r"\\iffalse\b.*?\\fi\b", re.DOTALL)
COMMENT_ENV = re.compile(r"\\begin\{comment\}.*?\\end\{comment\}", re.DOTALL)
DOCUMENT = re.compile(r"\\begin\{document\}(.*?)(?:\\end\{document\}|\Z)", re.DOTALL)
CODE_ENV = re.compile(r"\\(begin|end)\{(?:lstlisting|minted|Verbatim|alltt|listing)\}(?:\[[^\]]*\])?(?:\{[^}]*\})?")
DEGREE = re.compile(r"\^\s*\{?\\circ\}?|\\(?:degree|textdegree)(?![A-Za-z])")
RELATION_GAP = re.compile(r"(\S)\s*([=≈≠≤≥<>±÷]|(?<=\s)×)\s*(?=\S)")

# Sectioning commands by rank (smaller is higher).
SECTIONS = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}
RUN_IN = {"paragraph", "subparagraph"}
# Commands that lay out or record the document and print nothing to teach.
DROPPED = {"label", "index", "maketitle", "tableofcontents", "listoffigures", "listoftables", "newpage",
           "clearpage", "cleardoublepage", "pagebreak", "linebreak", "nopagebreak", "vspace", "hspace",
           "vfill", "hfill", "smallskip", "medskip", "bigskip", "noindent", "indent", "centering", "raggedright",
           "raggedleft", "toprule", "midrule", "bottomrule", "hline", "cline", "cmidrule", "addlinespace",
           "thispagestyle", "pagestyle", "bibliographystyle", "bibliography", "includegraphics", "cite",
           "citep", "citet", "nocite", "footnotemark", "phantomsection", "addcontentsline", "setlength",
           "setcounter", "appendix", "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large",
           "Large", "LARGE", "huge", "Huge", "par", "protect", "today", "author", "date", "title",
           "frontmatter", "mainmatter", "backmatter", "input", "include", "hypersetup", "graphicspath"}
LISTS = {"itemize": "-", "enumerate": "1.", "compactitem": "-", "compactenum": "1."}
DESCRIPTIONS = {"description", "compactdesc"}
TABULAR = {"tabular", "tabular*", "tabularx", "longtable", "tabulary", "array"}
FLOATS = {"table": "Table", "table*": "Table", "figure": "Figure", "figure*": "Figure"}
EQUATIONS = {"equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*",
             "eqnarray", "eqnarray*", "displaymath", "math"}
NUMBERED_EQUATIONS = {"equation", "align", "gather", "multline", "eqnarray"}
SKIPPED_ENVS = {"thebibliography", "titlepage", "tikzpicture", "picture", "comment"}
REFS = {"ref", "autoref", "cref", "Cref", "nameref", "pageref", "eqref", "vref"}


@dataclass
class _Label:
    kind: str  # "section" | "table" | "figure" | "equation"
    number: str
    title: str = ""

    def printed(self, command: str) -> str:
        if command == "eqref" or self.kind == "equation":
            return f"({self.number})"
        if command == "nameref":
            return self.title or self.number
        if self.kind == "section" and self.title:
            return f"{self.number} ({self.title})" if self.number else self.title
        return self.number


@dataclass
class _State:
    labels: dict[str, _Label]
    found: dict[str, _Label] = field(default_factory=dict)  # labels met while rendering
    counters: dict[str, int] = field(default_factory=dict)
    last: _Label | None = None  # what a \label met now names
    footnotes: list[str] = field(default_factory=list)


def _context():
    from pylatexenc.latexwalker import get_default_latex_context_db
    from pylatexenc.macrospec import MacroSpec

    db = get_default_latex_context_db()
    db.add_context_category("course-notes", prepend=True, macros=[
        MacroSpec("caption", "*[{"), MacroSpec("paragraph", "*[{"), MacroSpec("subparagraph", "*[{"),
        MacroSpec("part", "*[{"), MacroSpec("href", "{{"), MacroSpec("multicolumn", "{{{"),
        MacroSpec("multirow", "{[{"), MacroSpec("cmidrule", "[{"), MacroSpec("cline", "{"),
        MacroSpec("index", "{"), MacroSpec("label", "{"), MacroSpec("nameref", "{"), MacroSpec("vref", "{"),
        MacroSpec("Cref", "{"), MacroSpec("setlength", "{{"), MacroSpec("setcounter", "{{"),
        MacroSpec("addcontentsline", "{{{"), MacroSpec("thispagestyle", "{"), MacroSpec("pagestyle", "{"),
    ])
    return db


class _Reader:
    """Walks pylatexenc's nodes into Markdown blocks."""

    def __init__(self, labels: dict[str, _Label]) -> None:
        from pylatexenc.latex2text import LatexNodes2Text

        self.state = _State(labels)
        self.blocks: list[tuple[str, object]] = []  # ("heading", (rank, text)) | ("text", str)
        self.paragraph: list[str] = []
        self.to_text = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
        self.numbers: list[int] = [0] * 6

    # ---- inline text
    def inline(self, nodes) -> str:
        return "".join(self._inline(node) for node in nodes or [] if node is not None)

    def _inline(self, node) -> str:
        from pylatexenc import latexwalker as lw

        if isinstance(node, lw.LatexCharsNode):
            return node.chars
        if isinstance(node, lw.LatexCommentNode):
            return ""
        if isinstance(node, lw.LatexGroupNode):
            return self.inline(node.nodelist)
        if isinstance(node, lw.LatexMathNode):
            return _math(self.to_text.nodelist_to_text([node]))
        if isinstance(node, lw.LatexSpecialsNode):
            return {"~": " ", "&": " "}.get(node.specials_chars, self.to_text.nodelist_to_text([node]))
        if isinstance(node, lw.LatexEnvironmentNode):
            return self.inline(node.nodelist)
        if isinstance(node, lw.LatexMacroNode):
            name = node.macroname
            args = [arg for arg in (node.nodeargd.argnlist if node.nodeargd else []) if arg is not None]
            if name in REFS:
                key = self.inline(args[-1:]).strip() if args else ""
                label = self.state.labels.get(key)
                return label.printed(name) if label else "??"
            if name == "footnote":
                self.state.footnotes.append(" ".join(self.inline(args[-1:]).split()))
                return ""
            if name == "label":
                key = self.inline(args[-1:]).strip()
                if self.state.last is not None:
                    self.state.found[key] = self.state.last
                return ""
            if name in DROPPED:
                return ""
            if name in {"\\", " ", "\n", "\t", ",", ";", ":", "quad", "qquad"}:
                return " "  # a line break, a control space, a thin space
            if name in {"href"}:
                return self.inline(args[-1:])
            if name in {"multicolumn", "multirow"}:
                return self.inline(args[-1:])
            if name in {"url", "textbf", "emph", "textit", "textsl", "textsc", "texttt", "underline",
                        "mbox", "text", "textrm", "textsf", "textup", "textnormal", "hbox", "fbox"}:
                return self.inline(args[-1:])
            if args:  # a command of the author's or a package's that takes text: its text
                return self.to_text.nodelist_to_text([node]) or self.inline(args[-1:])
            return self.to_text.nodelist_to_text([node])
        return ""

    # ---- blocks
    def flush(self) -> None:
        text = " ".join("".join(self.paragraph).split())
        self.paragraph = []
        if text:
            self.blocks.append(("text", text))
        notes, self.state.footnotes = self.state.footnotes, []
        for note in notes:
            if note:
                self.blocks.append(("text", note))

    def walk(self, nodes) -> None:
        from pylatexenc import latexwalker as lw

        for node in nodes or []:
            if node is None:
                continue
            if isinstance(node, lw.LatexCharsNode):
                pieces = re.split(r"\n[ \t]*\n", node.chars)
                for index, piece in enumerate(pieces):
                    if index:
                        self.flush()
                    self.paragraph.append(piece)
            elif isinstance(node, lw.LatexMacroNode) and node.macroname in SECTIONS | {n: 9 for n in RUN_IN}:
                self.heading(node)
            elif isinstance(node, lw.LatexMacroNode) and node.macroname == "item":
                self.paragraph.append(self._inline(node))
            elif isinstance(node, lw.LatexEnvironmentNode):
                self.environment(node)
            else:
                self.paragraph.append(self._inline(node))

    def heading(self, node) -> None:
        args = node.nodeargd.argnlist if node.nodeargd else []
        starred = bool(args and args[0] is not None)
        title = " ".join(self.inline(args[-1:]).split()) if args else ""
        self.flush()
        if node.macroname in RUN_IN:
            self.paragraph.append(f"{title.rstrip('.:')}: " if title else "")
            return
        rank = SECTIONS[node.macroname]
        number = ""
        if not starred:
            self.numbers[rank] += 1
            self.numbers[rank + 1:] = [0] * (len(self.numbers) - rank - 1)
            top = 1 if any(self.numbers[1:2]) else 2  # chapters number sections "2.1"
            number = ".".join(str(n) for n in self.numbers[top: rank + 1] if n) if rank >= top else str(self.numbers[rank])
        self.state.last = _Label("section", number, title)
        self.blocks.append(("heading", (rank, title)))

    def environment(self, node) -> None:
        name = node.environmentname
        if name in SKIPPED_ENVS:
            return
        if name in LISTS or name in DESCRIPTIONS:
            self.flush()
            self.listing(node, 0)
        elif name in TABULAR:
            self.flush()
            self.table(node)
        elif name in FLOATS:
            self.flush()
            self.float(node, FLOATS[name])
        elif name in EQUATIONS:
            text = _math(self.to_text.nodelist_to_text([n for n in node.nodelist if not _is_macro(n, "label")]))
            if name.rstrip("*") in NUMBERED_EQUATIONS and not name.endswith("*"):
                number = str(self.state.counters.get("equation", 0) + 1)
                self.state.counters["equation"] = int(number)
                self.state.last = _Label("equation", number)
                self.inline([n for n in node.nodelist if _is_macro(n, "label")])
                text += f" ({number})"
            self.paragraph.append(f" {text} ")
        elif name in {"verbatim", "verbatim*"}:
            self.flush()
            verbatim = node.latex_verbatim()
            inside = verbatim[verbatim.find("}") + 1: verbatim.rfind("\\end")]
            if inside.strip():
                self.blocks.append(("text", inside.strip("\n")))
        else:  # abstract, quote, center, minipage, theorem-like: its text as paragraphs
            self.flush()
            self.walk(node.nodelist)
            self.flush()

    def listing(self, node, depth: int) -> None:
        from pylatexenc import latexwalker as lw

        marker = LISTS.get(node.environmentname)
        items: list[list] = []
        terms: list[str] = []
        for child in node.nodelist:
            if _is_macro(child, "item"):
                args = [a for a in (child.nodeargd.argnlist if child.nodeargd else []) if a is not None]
                terms.append(" ".join(self.inline(args).split()))
                items.append([])
            elif items:
                items[-1].append(child)
        lines: list[str] = []
        for index, (term, content) in enumerate(zip(terms, items), 1):
            nested = [n for n in content if isinstance(n, lw.LatexEnvironmentNode) and
                      (n.environmentname in LISTS or n.environmentname in DESCRIPTIONS)]
            text = " ".join(self.inline([n for n in content if n not in nested]).split())
            if marker is None:  # a description list: "Term: definition"
                self.flush()
                self.blocks.append(("text", f"{term.rstrip(':.')}: {text}" if term else text))
            else:
                shown = f"{index}." if marker == "1." else marker
                text = f"{term} {text}".strip() if term else text
                lines.append(f"{'  ' * depth}{shown} {text}")
            notes, self.state.footnotes = self.state.footnotes, []
            for child in nested:
                if marker is None:
                    self.listing(child, 0)
                else:
                    sub = _Reader(self.state.labels)
                    sub.state = self.state
                    sub.listing(child, depth + 1)
                    lines += [text for kind, text in sub.blocks if kind == "list"]
            self.state.footnotes += notes
        if lines:
            self.blocks.append(("list", "\n".join(lines)))
        notes, self.state.footnotes = self.state.footnotes, []
        self.blocks += [("text", note) for note in notes if note]

    def table(self, node) -> None:
        from pylatexenc import latexwalker as lw

        rows: list[list[str]] = [[]]
        cell: list = []
        for child in node.nodelist:
            if isinstance(child, lw.LatexSpecialsNode) and child.specials_chars == "&":
                rows[-1].append(" ".join(self.inline(cell).split()))
                cell = []
            elif _is_macro(child, "\\") or _is_macro(child, "tabularnewline"):
                rows[-1].append(" ".join(self.inline(cell).split()))
                rows.append([])
                cell = []
            else:
                cell.append(child)
        if any(not _is_macro(n, None) or n.macroname not in DROPPED for n in cell if n is not None):
            rows[-1].append(" ".join(self.inline(cell).split()))
        rows = [[c.replace("|", "/") for c in row] for row in rows if any(c.strip() for c in row)]
        if len(rows) == 1:
            self.blocks.append(("text", " — ".join(c for c in rows[0] if c)))
        elif rows:
            width = max(len(row) for row in rows)
            rows = [row + [""] * (width - len(row)) for row in rows]
            lines = [f"| {' | '.join(rows[0])} |", f"|{' --- |' * width}"]
            self.blocks.append(("table", "\n".join(lines + [f"| {' | '.join(row)} |" for row in rows[1:]])))

    def float(self, node, kind: str) -> None:
        number = str(self.state.counters.get(kind, 0) + 1)
        self.state.counters[kind] = int(number)
        before, self.state.last = self.state.last, _Label(kind.lower(), number)
        caption = ""
        rest = []
        for child in node.nodelist:
            if _is_macro(child, "caption"):
                args = [a for a in (child.nodeargd.argnlist if child.nodeargd else []) if a is not None]
                caption = " ".join(self.inline(args[-1:]).split())
            else:
                rest.append(child)
        if caption:
            self.blocks.append(("text", f"{kind} {number}: {caption}"))
        self.walk(rest)
        self.flush()
        self.state.last = before


def _math(text: str) -> str:
    """Math as text, one space around a relation or an operator between two terms ("2 × 150",
    "≈ 3.1"), none where it ends a figure ("48×")."""
    text = " ".join(text.split())
    return RELATION_GAP.sub(r"\1 \2 ", text).strip()


def _is_macro(node, name: str | None) -> bool:
    from pylatexenc import latexwalker as lw

    return isinstance(node, lw.LatexMacroNode) and (name is None or node.macroname == name)


def _render(title: str, blocks: list[tuple[str, object]]) -> str:
    ranks = sorted({rank for kind, value in blocks if kind == "heading" for rank, _ in [value]})
    level = {rank: min(index + 2, 6) for index, rank in enumerate(ranks)}
    out = [f"# {title}"] if title else []
    for kind, value in blocks:
        if kind == "heading":
            rank, text = value
            out.append(f"{'#' * level[rank]} {text}")
        else:
            out.append(str(value))
    return "\n\n".join(out) + "\n"


def latex_markdown(source: str) -> tuple[str, str]:
    """The Markdown of a LaTeX document's printed text, and its title ("" when it has none)."""
    from pylatexenc.latexwalker import LatexWalker

    source = COMMENT_ENV.sub("", IFFALSE.sub("", source))
    document = DOCUMENT.search(source)
    preamble = COMMENT.sub("", source[: document.start()]) if document else ""
    body = document.group(1) if document else source
    macros, environments, title_source = _definitions(preamble)
    body = _expand(IFFALSE.sub("", body), macros, environments)
    body = DEGREE.sub("°", CODE_ENV.sub(lambda m: f"\\{m.group(1)}{{verbatim}}", body))
    nodes, _, _ = LatexWalker(body, latex_context=_context(), tolerant_parsing=True).get_latex_nodes()
    labels: dict[str, _Label] = {}
    for _ in range(2):  # the first pass numbers what labels name, the second prints references to them
        reader = _Reader(labels)
        reader.walk(nodes)
        reader.flush()
        labels = reader.state.found
    title = ""
    if title_source:
        title_nodes, _, _ = LatexWalker(_expand(title_source, macros, environments), latex_context=_context(),
                                        tolerant_parsing=True).get_latex_nodes()
        title = " ".join(reader.inline(title_nodes).split())
    return _render(title, reader.blocks), title


def convert_latex(path: Path, data: bytes) -> Converted:
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not valid UTF-8 (byte {exc.start}); re-save the file as UTF-8") from None
    text, _ = latex_markdown(source)
    if not any(line.strip() and not line.startswith("#") for line in text.splitlines()):
        raise CorpusError(f"{path}: the LaTeX file has no text outside its preamble; nothing to index")
    return Converted(text=text, source=path.name, syntax="markdown")
