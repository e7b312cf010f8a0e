"""Eval cases files: the YAML format instructors write, loaded and validated with line numbers.

A cases file is either a list of cases or a mapping with an optional header::

    description: Course prompts and learner questions
    k: 5                        # recall@k of the retrieval check
    thresholds:                 # the suite gate; omitted keys keep their defaults
      faithfulness: 0.98
    cases:
      - id: roi-basic
        question: "My {{tool}} costs $20,000 and brings a gain of $50,000. What is the ROI?"
        vars: {tool: "AI chatbot"}
        expect_sections: ["Return on Investment (ROI)"]
        assert:
          - number: {value: 150, tolerance: 0.5}
          - uses_tool: roi
        xfail: "reason, while the engine gets this wrong"

Assertions (each list item has exactly one key): ``cites_section`` (substring of a cited
section title), ``contains_any`` (list; one must occur in the answer, case-insensitive),
``not_contains`` (string or list; none may occur in the answer, the recorded question or the
tool calls), ``number`` (``{value, tolerance}`` or a bare number; some number in the answer or a
tool result), ``refuses`` (bool), ``min_faithfulness`` (0-1), ``uses_tool`` (a calculator name).

Every problem is reported as ``FILE:LINE: where: what, and how to fix it``; line numbers come
from the YAML node tree, so a schema error points at the offending key, not at the case.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from assistant.errors import UserError

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
ASSERTION_KINDS = (
    "cites_section",
    "contains_any",
    "not_contains",
    "number",
    "refuses",
    "min_faithfulness",
    "uses_tool",
)
DEFAULT_CASES = Path(__file__).resolve().parent / "cases" / "course.yaml"


class CasesError(UserError, ValueError):
    """A cases file that cannot be used; ``problems`` holds one located message each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class NumberCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: float
    tolerance: float = Field(default=0.0, ge=0)


class Assertion(BaseModel):
    """One check on an answer; exactly one field is set."""

    model_config = ConfigDict(extra="forbid")

    cites_section: Annotated[str, Field(min_length=1)] | None = None
    contains_any: (
        Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)] | None
    ) = None
    not_contains: (
        Annotated[list[Annotated[str, Field(min_length=1)]], Field(min_length=1)] | None
    ) = None
    number: NumberCheck | None = None
    refuses: bool | None = None
    min_faithfulness: Annotated[float, Field(ge=0, le=1)] | None = None
    uses_tool: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthands(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            # pydantic reports ValueError as a validation error; a TypeError would escape.
            raise ValueError(  # noqa: TRY004
                f"an assertion is a mapping with one key ({', '.join(ASSERTION_KINDS)}), "
                f"e.g. '- contains_any: [ROI]'; got {data!r}"
            )
        data = dict(data)
        if isinstance(data.get("not_contains"), str):
            data["not_contains"] = [data["not_contains"]]
        if isinstance(data.get("number"), (int, float)) and not isinstance(data["number"], bool):
            data["number"] = {"value": data["number"]}
        return data

    @model_validator(mode="after")
    def _exactly_one(self) -> Assertion:
        set_fields = [k for k in ASSERTION_KINDS if getattr(self, k) is not None]
        if len(set_fields) != 1:
            got = ", ".join(set_fields) or "none"
            raise ValueError(
                f"an assertion has exactly one key of {', '.join(ASSERTION_KINDS)} (got {got}); "
                "write each check as its own list item"
            )
        return self

    @field_validator("uses_tool")
    @classmethod
    def _known_tool(cls, value: str | None) -> str | None:
        if value is None:
            return value
        from tools.registry import TOOLS

        if value not in TOOLS:
            close = difflib.get_close_matches(value, list(TOOLS), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ValueError(f"unknown tool '{value}'; {hint}tools: {', '.join(TOOLS)}")
        return value

    @property
    def kind(self) -> str:
        return next(k for k in ASSERTION_KINDS if getattr(self, k) is not None)

    @property
    def value(self) -> Any:
        return getattr(self, self.kind)

    def describe(self) -> str:
        value = self.value
        if isinstance(value, NumberCheck):
            shown = f"{value.value:g}" + (f" ±{value.tolerance:g}" if value.tolerance else "")
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        elif isinstance(value, list):
            shown = " | ".join(value)
        else:
            shown = str(value)
        return f"{self.kind}: {shown}"


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    # vars before question: the question's validator checks its placeholders against them.
    vars: dict[str, str] = Field(default_factory=dict)
    question: Annotated[str, Field(min_length=1)]
    description: str = ""
    role: Literal["learner", "instructor", "planner"] = "learner"
    tags: list[str] = Field(default_factory=list)
    expect_sections: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    assertions: list[Assertion] = Field(default_factory=list, alias="assert")
    xfail: Annotated[str, Field(min_length=1)] | None = Field(
        default=None, description="Why this case is a known engine failure; reported separately."
    )

    @field_validator("expect_sections", "tags", mode="before")
    @classmethod
    def _one_as_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("vars", mode="before")
    @classmethod
    def _vars_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: v if isinstance(v, str) else str(v) for k, v in value.items()}
        return value

    @field_validator("question")
    @classmethod
    def _placeholders(cls, question: str, info: ValidationInfo) -> str:
        given = set(info.data.get("vars") or {})
        used = set(PLACEHOLDER.findall(question))
        if missing := sorted(used - given):
            raise ValueError(
                f"question uses {{{{{missing[0]}}}}} but vars has no '{missing[0]}'; add "
                f"'vars: {{{missing[0]}: ...}}'"
            )
        if unused := sorted(given - used):
            raise ValueError(
                f"vars '{unused[0]}' is not used by the question; write {{{{{unused[0]}}}}} "
                "where it belongs or remove it"
            )
        return question

    @property
    def prompt(self) -> str:
        """The question with its placeholders filled in."""
        return PLACEHOLDER.sub(lambda m: self.vars[m.group(1)], self.question)

    @property
    def should_refuse(self) -> bool:
        return next((a.refuses for a in self.assertions if a.refuses is not None), False)


class GateThresholds(BaseModel):
    """The suite gate: an aggregate under its threshold fails the run (None: not gated)."""

    model_config = ConfigDict(extra="forbid")

    faithfulness: Annotated[float, Field(ge=0, le=1)] | None = 0.98
    citation_validity: Annotated[float, Field(ge=0, le=1)] | None = 1.0
    citation_support: Annotated[float, Field(ge=0, le=1)] | None = None
    numeric_fidelity: Annotated[float, Field(ge=0, le=1)] | None = 1.0
    refusal_accuracy: Annotated[float, Field(ge=0, le=1)] | None = 1.0
    recall_at_k: Annotated[float, Field(ge=0, le=1)] | None = None
    context_relevance: Annotated[float, Field(ge=-1, le=1)] | None = None
    section_precision: Annotated[float, Field(ge=0, le=1)] | None = None
    figure_accounting: Annotated[float, Field(ge=0, le=1)] | None = None  # reported; not gated yet

    def strictest(self, other: GateThresholds) -> GateThresholds:
        merged = {}
        for name in type(self).model_fields:
            values = [v for v in (getattr(self, name), getattr(other, name)) if v is not None]
            merged[name] = max(values) if values else None
        return GateThresholds(**merged)


class Suite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    k: Annotated[int, Field(ge=1, le=50)] = 5
    thresholds: GateThresholds = Field(default_factory=GateThresholds)
    cases: list[Case] = Field(default_factory=list)
    source: str = Field(default="", exclude=True)
    lines: dict[str, int] = Field(default_factory=dict, exclude=True)


# --- loading --------------------------------------------------------------------------------


def load_cases(path: Path | str) -> Suite:
    """Reads and validates one cases file; raises CasesError with every problem located."""
    path = Path(path)
    if not path.exists():
        raise CasesError([f"{path}: no such cases file; check the path"])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CasesError(
            [f"{path}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8"]
        ) from None
    return parse_cases(text, str(path))


def parse_cases(text: str, source: str = "<cases>") -> Suite:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        detail = exc.problem or str(exc)
        context = ""
        if exc.context:
            started = exc.context_mark
            at = (
                f" at line {started.line + 1}"
                if started and mark and started.line != mark.line
                else ""
            )
            context = f" ({exc.context}{at})"
        if "'\\t'" in detail:
            context += "; YAML indents with spaces, not tabs"
        raise CasesError([f"{where}: invalid YAML: {detail}{context}"]) from None
    except yaml.YAMLError as exc:
        raise CasesError([f"{source}: invalid YAML: {exc}"]) from None
    if root is None or data is None:
        raise CasesError([f"{source}: the file is empty; add a 'cases:' list"])

    problems = _duplicate_keys(root, source)
    if isinstance(data, list):
        data, cases_node = {"cases": data}, root
    elif isinstance(data, dict):
        cases_node = _child(root, "cases")
    else:
        raise CasesError([f"{source}:1: expected a list of cases or a mapping with 'cases:'"])

    try:
        suite = Suite.model_validate(data)
    except ValidationError as exc:
        problems += [_located(error, root, cases_node, source, data) for error in exc.errors()]
        raise CasesError(problems) from None

    lines: dict[str, int] = {}
    for index, case in enumerate(suite.cases):
        node = _child(cases_node, index)
        line = node.start_mark.line + 1 if node is not None else 0
        if case.id in lines:
            problems.append(
                f"{source}:{line}: case '{case.id}': duplicate id (first at line "
                f"{lines[case.id]}); give every case its own id"
            )
        lines.setdefault(case.id, line)
    if not suite.cases:
        problems.append(f"{source}: no cases; add at least one under 'cases:'")
    if problems:
        raise CasesError(problems)
    suite.source, suite.lines = source, lines
    return suite


def load_suites(paths: list[Path]) -> Suite:
    """Several cases files as one suite: cases concatenated, the strictest thresholds kept."""
    suites, problems = [], []
    for path in paths:
        try:
            suites.append(load_cases(path))
        except CasesError as exc:
            problems += exc.problems
    if problems:
        raise CasesError(problems)
    merged = suites[0].model_copy(deep=True)
    merged.lines = dict(suites[0].lines)
    for other in suites[1:]:
        merged.thresholds = merged.thresholds.strictest(other.thresholds)
        merged.k = max(merged.k, other.k)
        for case in other.cases:
            if case.id in merged.lines:
                problems.append(
                    f"{other.source}:{other.lines[case.id]}: case '{case.id}': id already "
                    "used in another cases file; rename one of them"
                )
            merged.cases.append(case)
            merged.lines.setdefault(case.id, other.lines[case.id])
    if problems:
        raise CasesError(problems)
    merged.source = ", ".join(s.source for s in suites)
    return merged


# --- line numbers -----------------------------------------------------------------------------


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        for key_node, value_node in reversed(node.value):  # YAML keeps the last duplicate
            if key_node.value == key:
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def _key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return key_node
    return None


def _duplicate_keys(node: yaml.Node, source: str) -> list[str]:
    """YAML silently keeps the last of two equal keys; an instructor's typo should not."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    f"{source}:{line}: duplicate key '{key}' (first at line {seen[key]}); "
                    "YAML would silently keep only the last one"
                )
            seen.setdefault(key, line)
            problems += _duplicate_keys(value_node, source)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, source)
    return problems


def _located(
    error: dict, root: yaml.Node | None, cases_node: yaml.Node | None, source: str, data: dict
) -> str:
    """'FILE:LINE: case 'id': assert[2].number.value: message' for one pydantic error."""
    loc = [part for part in error["loc"] if not _is_union_tag(part)]
    node, line = (cases_node, None) if loc[:1] == ["cases"] else (root, None)
    parts = loc[1:] if loc[:1] == ["cases"] else loc
    where = ""
    if loc[:1] == ["cases"] and len(loc) > 1 and isinstance(loc[1], int):
        index = loc[1]
        case = (data.get("cases") or [None] * (index + 1))[index]
        name = case.get("id") if isinstance(case, dict) else None
        where = f"case '{name}'" if name else f"case #{index + 1}"
        parts = loc[2:]
        node = _child(cases_node, index)
    best = node
    for part in parts:
        if node is None:
            break
        nxt = _child(node, part)
        if nxt is None and error["type"] == "extra_forbidden":
            nxt = _key_node(node, str(part))
        node = nxt
        if node is not None:
            best = node
    if best is not None:
        line = best.start_mark.line + 1
    field = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")
    message = _message(error, parts)
    prefix = f"{source}:{line}" if line else source
    label = ": ".join(x for x in (where, field) if x)
    return f"{prefix}: {label}: {message}" if label else f"{prefix}: {message}"


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"function-after", "function-before"})


def _message(error: dict, parts: list) -> str:
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden" and parts:
        key = str(parts[-1])
        choices = _allowed_keys(error["loc"])
        close = difflib.get_close_matches(key, choices, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(choices)}"
        return f"unknown key '{key}'; {hint}"
    if error["type"] == "missing":
        return f"required field is missing; add '{parts[-1]}: ...'" if parts else message
    return message


def _allowed_keys(loc: tuple) -> tuple[str, ...]:
    """The keys the mapping at ``loc`` (an unknown key's location) may have."""
    loc = tuple(part for part in loc if not _is_union_tag(part))
    if loc[:1] == ("thresholds",):
        return tuple(GateThresholds.model_fields)
    if loc[:1] == ("cases",) and "assert" in loc:
        return ("value", "tolerance") if "number" in loc[:-1] else ASSERTION_KINDS
    if loc[:1] == ("cases",) and len(loc) == 3:
        return tuple("assert" if name == "assertions" else name for name in Case.model_fields)
    return ("description", "k", "thresholds", "cases")
