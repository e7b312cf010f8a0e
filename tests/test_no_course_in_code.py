"""No course in the code: the product must work for any course, so none of the bundled course's
own text lives in product code.

What a course determines (its tables, outline, scope, oversight guidance) is read from the ingested
corpus; optional dressing lives in a sidecar beside the course file. This test scans every string
literal of the product's Python files (docstrings and comments aside: they may explain with an
example) and every value of its data files, and fails on:

- a run of five words of the bundled course text (lower-cased word 5-grams);
- one of its lesson or module numbers ("Lesson 6.2", "Module 6");
- a name the course coins: an all-capitals name it uses that is not a generic business or
  technology acronym (the calculators' methods, RICE, ICE, ROI, NPV, TCO, SMART, A/B, are product
  features, not course text).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
COURSE = ROOT / "knowledge" / "corpus" / "module-6-ai-strategy.md"
PRODUCT = ("knowledge", "tools", "assistant", "ui", "prompts")
SKIP = (ROOT / "knowledge" / "corpus",)  # the course itself, and its sidecar
DATA_SUFFIXES = {".yaml", ".yml", ".json", ".md", ".txt", ".j2", ".html"}

# Acronyms any business or technology text uses; everything else in capitals that the course
# writes is a name it coins (a framework of its own) and stays out of the code.
GENERIC_ACRONYMS = frozenset(
    """AI API AOV BI CCPA CLV COE CRM CSAT CTR FAQ GDPR HITL ICE IP KPI KPIS LTV MMM NPS NPV PII
    PIPEDA RICE ROI SEO SMART SMS SWOT TCO UI UX XAI IRR CAC CPA CPC CTA ML LLM NLP EU US UK B2B
    B2C DTC D2C SKU SKUS ERP""".split()
)

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
NUMBERED = re.compile(r"\b(lesson|module|unit|chapter)\s+(\d+(?:\.\d+)*)", re.IGNORECASE)


def grams(text: str, n: int = 5) -> set[tuple[str, ...]]:
    tokens = WORD.findall(text.lower())
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@lru_cache(maxsize=1)
def course() -> tuple[frozenset, frozenset, frozenset]:
    """The bundled course's 5-grams, its numbered lessons/modules and the names it coins."""
    text = COURSE.read_text(encoding="utf-8")
    numbers = frozenset(
        f"{kind.lower()} {number}" for kind, number in NUMBERED.findall(text)
    )
    coined = frozenset(
        name
        for name in re.findall(r"\b[A-Z][A-Z0-9]{2,}\b", text)
        if name not in GENERIC_ACRONYMS
    )
    return frozenset(grams(text)), numbers, coined


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def python_strings(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal but docstrings; an f-string's parts joined by '…'."""
    tree = ast.parse(source)
    docstrings = _docstring_nodes(tree)
    inside_fstring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inside_fstring.add(id(value))
                parts.append(value.value if isinstance(value, ast.Constant) else " … ")
            yield node.lineno, "".join(str(part) for part in parts)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside_fstring
        ):
            yield node.lineno, node.value


def _values(data) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _values(key)
            yield from _values(value)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value)
    elif isinstance(data, str):
        yield data


def data_strings(path: Path) -> Iterator[tuple[int, str]]:
    """The values of a data file (comments aside)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in {".yaml", ".yml"}:
        for value in _values(yaml.safe_load(text)):
            yield 0, value
    elif path.suffix == ".json":
        for value in _values(json.loads(text)):
            yield 0, value
    elif path.suffix == ".txt":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.lstrip().startswith("#"):
                yield number, line
    else:
        yield 0, text


def product_files() -> list[Path]:
    files = []
    for folder in PRODUCT:
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or any(path.is_relative_to(skip) for skip in SKIP):
                continue
            if "__pycache__" in path.parts or "migrations" in path.parts:
                continue
            if path.suffix == ".py" or path.suffix in DATA_SUFFIXES:
                files.append(path)
    return files


def course_text_in(text: str) -> list[str]:
    """What of the bundled course ``text`` holds: 5-grams, lesson numbers, coined names."""
    course_grams, numbers, coined = course()
    found = [" ".join(gram) for gram in sorted(grams(text) & course_grams)]
    found += sorted(
        f"{kind.lower()} {number}"
        for kind, number in NUMBERED.findall(text)
        if f"{kind.lower()} {number}" in numbers
    )
    found += sorted(name for name in coined if re.search(rf"\b{name}\b", text))
    return found


def findings(path: Path) -> list[str]:
    strings = (
        python_strings(path.read_text(encoding="utf-8"))
        if path.suffix == ".py"
        else data_strings(path)
    )
    out = []
    for line, text in strings:
        for hit in course_text_in(text):
            out.append(f"{path.relative_to(ROOT)}:{line}: {hit!r}")
    return out


def test_the_scan_sees_course_text_in_literals_but_not_in_docstrings():
    course_grams, numbers, coined = course()
    assert len(course_grams) > 1000 and "lesson 6.2" in numbers and "STRIVE" in coined
    planted = (
        '"""Lesson 6.2 says: mapping AI applications to KPIs (a docstring may explain)."""\n'
        "# a comment may quote Lesson 6.1\n"
        "ROWS = ['Mapping AI Applications to KPIs', f'see Lesson {6.2}', 'evaluate with STRIVE']\n"
        "METHOD = 'RICE, ICE, ROI, NPV, TCO and SMART are generic methods'\n"
    )
    hits = [hit for _, text in python_strings(planted) for hit in course_text_in(text)]
    assert hits == ["mapping ai applications to kpis", "STRIVE"]
    assert course_text_in("Lesson 6.2 and Module 6") == ["lesson 6.2", "module 6"]


def test_the_scan_reaches_the_product():
    names = {str(path.relative_to(ROOT)) for path in product_files()}
    assert {"knowledge/parsing.py", "tools/oversight.py", "prompts/system.md"} <= names
    assert not any(name.startswith("knowledge/corpus/") for name in names)


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, id=str(path.relative_to(ROOT)))
        for path in product_files()
    ],
)
def test_product_code_holds_no_course_text(path):
    found = findings(path)
    if found:
        pytest.fail(
            f"{len(found)} pieces of the bundled course in {path.relative_to(ROOT)}; read them from "
            "the ingested corpus (knowledge/course.py) or put them in the course's sidecar "
            "(<course>.advisor.yaml):\n" + "\n".join(found[:40])
        )
