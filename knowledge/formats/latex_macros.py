"""The macros and environments a LaTeX preamble defines, and the body with them expanded as
LaTeX expands them (`knowledge.formats.latex` reads the expanded body).

Read with the standard library, because the parser of the body (pylatexenc) mis-reads a
``\\newenvironment`` whose begin code opens an environment and its end code closes it: it
swallows the document after it. Defined by ``\\newcommand``, ``\\renewcommand``,
``\\providecommand`` (with arguments and an optional first one), ``\\def`` (with ``#1`` parameters),
``\\DeclareMathOperator`` and ``\\newenvironment``; the document's ``\\title`` is read here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFINITION = re.compile(r"\\(?:re)?newcommand\*?|\\providecommand\*?|\\DeclareMathOperator\*?|\\def(?![A-Za-z])")
NEW_ENVIRONMENT = re.compile(r"\\(?:re)?newenvironment\*?")
MAX_PASSES = 10  # a macro defined through another is expanded this deep, no deeper


@dataclass
class _Macro:
    args: int
    default: str | None
    body: str


def _group(text: str, start: int, open_: str = "{", close: str = "}") -> tuple[str, int] | None:
    """The balanced group opening at ``start`` (after any spaces): its inside and the index after it."""
    index = start
    while index < len(text) and text[index] in " \t\n":
        index += 1
    if index >= len(text) or text[index] != open_:
        return None
    depth = 0
    position = index
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2  # an escaped character ("\{", "\}") opens and closes nothing
            continue
        if char == open_:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return text[index + 1: position], position + 1
        position += 1
    return None


def definitions(preamble: str) -> tuple[dict[str, _Macro], dict[str, tuple[int, str, str]], str]:
    """The author's macros, environments and the document's title, read from the preamble."""
    macros: dict[str, _Macro] = {}
    environments: dict[str, tuple[int, str, str]] = {}
    for match in DEFINITION.finditer(preamble):
        index = match.end()
        named = _group(preamble, index)
        if named is not None:
            name, index = named[0].strip(), named[1]
        else:
            found = re.match(r"\s*(\\[A-Za-z@]+)", preamble[index:])
            if not found:
                continue
            name, index = found.group(1), index + found.end()
        count = re.match(r"\s*\[(\d)\]", preamble[index:])
        args = int(count.group(1)) if count else 0
        index += count.end() if count else 0
        default = re.match(r"\s*\[([^\]]*)\]", preamble[index:]) if count else None
        index += default.end() if default else 0
        if match.group(0) == "\\def":
            params = re.match(r"(?:#\d)+", preamble[index:])
            if params:
                args, index = params.group(0).count("#"), index + params.end()
        body = _group(preamble, index)
        if body is not None and name.startswith("\\"):
            macros[name[1:]] = _Macro(args, default.group(1) if default else None, body[0])
    for match in NEW_ENVIRONMENT.finditer(preamble):
        named = _group(preamble, match.end())
        if named is None:
            continue
        index = named[1]
        count = re.match(r"\s*\[(\d)\](?:\[[^\]]*\])?", preamble[index:])
        index += count.end() if count else 0
        begin = _group(preamble, index)
        end = _group(preamble, begin[1]) if begin else None
        if begin and end:
            environments[named[0].strip()] = (int(count.group(1)) if count else 0, begin[0], end[0])
    title = ""
    titled = re.search(r"\\title(?![A-Za-z])\s*(?:\[[^\]]*\])?", preamble)
    if titled:
        group = _group(preamble, titled.end())
        title = re.split(r"\\\\", group[0])[0] if group else ""
    return macros, environments, title


def _substitute(body: str, values: list[str]) -> str:
    return re.sub(r"#(\d)", lambda m: values[int(m.group(1)) - 1] if int(m.group(1)) <= len(values) else "", body)


def expand(text: str, macros: dict[str, _Macro], environments: dict[str, tuple[int, str, str]]) -> str:
    """The body with the author's macros and environments replaced by what they stand for."""
    for _ in range(MAX_PASSES):
        before = text
        for name, (args, begin, end) in environments.items():
            pattern = re.compile(r"\\begin\{" + re.escape(name) + r"\}")
            out, index = [], 0
            for match in pattern.finditer(text):
                if match.start() < index:
                    continue
                values, position = [], match.end()
                for _ in range(args):
                    group = _group(text, position)
                    if group is None:
                        break
                    values.append(group[0])
                    position = group[1]
                out += [text[index: match.start()], _substitute(begin, values)]
                index = position
            text = "".join(out) + text[index:]
            text = text.replace("\\end{" + name + "}", end)
        if macros:
            names = "|".join(re.escape(name) for name in sorted(macros, key=len, reverse=True))
            pattern = re.compile(r"\\(" + names + r")(?![A-Za-z@])")
            out, index = [], 0
            for match in pattern.finditer(text):
                if match.start() < index:
                    continue
                macro = macros[match.group(1)]
                values, position = [], match.end()
                if macro.default is not None:
                    optional = re.match(r"\s*\[([^\]]*)\]", text[position:])
                    values.append(optional.group(1) if optional else macro.default)
                    position += optional.end() if optional else 0
                while len(values) < macro.args:
                    group = _group(text, position)
                    if group is None:
                        found = re.match(r"\s*(\\[A-Za-z]+|\S)", text[position:])
                        group = (found.group(1), position + found.end()) if found else ("", position)
                    values.append(group[0])
                    position = group[1]
                out += [text[index: match.start()], _substitute(macro.body, values)]
                if macro.args == 0 and re.match(r"[A-Za-z]", text[position: position + 1]):
                    out.append(" ")  # "\mm mirror": the space after a macro's name is its end
                index = position
            text = "".join(out) + text[index:]
        if text == before:
            break
    return text
