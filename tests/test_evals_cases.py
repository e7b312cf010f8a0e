"""The cases-file format: loading, placeholders, and problems reported with line numbers."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from evals.cases import DEFAULT_CASES, CasesError, GateThresholds, load_cases, load_suites, parse_cases
from knowledge.parsing import course_prompts


def problems_of(text: str) -> list[str]:
    with pytest.raises(CasesError) as caught:
        parse_cases(textwrap.dedent(text), "cases.yaml")
    return caught.value.problems


def test_a_valid_file_loads_with_header_defaults_and_rendered_placeholders():
    suite = parse_cases(
        textwrap.dedent("""
        thresholds: {faithfulness: 0.9}
        cases:
          - id: jewel
            vars: {business: customized jewelry}
            question: "What should a store selling {{ business }} plan for?"
            expect_sections: Hyper-Personalization
            assert:
              - contains_any: [data]
              - not_contains: secret
              - number: 150
              - refuses: false
    """),
        "cases.yaml",
    )
    case = suite.cases[0]
    assert case.prompt == "What should a store selling customized jewelry plan for?"
    assert case.expect_sections == ["Hyper-Personalization"]
    assert [a.kind for a in case.assertions] == [
        "contains_any",
        "not_contains",
        "number",
        "refuses",
    ]
    assert case.assertions[1].not_contains == ["secret"] and case.assertions[2].number.value == 150
    assert suite.thresholds.faithfulness == 0.9 and suite.thresholds.numeric_fidelity == 1.0
    assert suite.lines == {"jewel": 4}


def test_a_bare_list_of_cases_is_a_suite_too():
    suite = parse_cases("- {id: a, question: What is RICE}\n", "cases.yaml")
    assert [c.id for c in suite.cases] == ["a"] and not suite.cases[0].should_refuse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'cases:\n  - id: a\n    question: "unclosed\n  - id: b\n',
            r"^cases\.yaml:5:1: invalid YAML: .*quoted scalar at line 3",
        ),
        ("cases:\n  - id: a\n    question: x\n   bad: [\n", r"^cases\.yaml:4:4: invalid YAML"),
        ("cases:\n\t- id: a\n", r"^cases\.yaml:2:1: invalid YAML: .*not tabs$"),
    ],
)
def test_yaml_syntax_errors_give_line_and_column(text, expected):
    [problem] = problems_of(text)
    assert re.search(expected, problem), problem


def test_schema_errors_point_at_the_offending_line_with_a_fix():
    problems = problems_of("""\
        cases:
          - id: ok
            question: What is RICE?
          - id: bad
            question: "How would {{business}} use AI?"
            assert:
              - contain_any: [x]
              - number: {value: lots}
              - uses_tool: roii
              - refuses: true
                contains_any: [a]
          - question: no id
        """)
    assert problems == [
        (
            "cases.yaml:5: case 'bad': question: question uses {{business}} but vars has no "
            "'business'; add 'vars: {business: ...}'"
        ),
        (
            "cases.yaml:7: case 'bad': assert[1].contain_any: unknown key 'contain_any'; did you mean "
            "'contains_any'?"
        ),
        (
            "cases.yaml:8: case 'bad': assert[2].number.value: Input should be a valid number, unable "
            "to parse string as a number"
        ),
        problems[3],
        (
            "cases.yaml:10: case 'bad': assert[4]: an assertion has exactly one key of cites_section, "
            "contains_any, not_contains, number, refuses, min_faithfulness, uses_tool (got "
            "contains_any, refuses); write each check as its own list item"
        ),
        "cases.yaml:12: case #3: id: required field is missing; add 'id: ...'",
    ]
    assert problems[3].startswith(
        "cases.yaml:9: case 'bad': assert[3].uses_tool: unknown tool 'roii'; did you mean 'roi'?"
    )


def test_unknown_header_and_case_keys_are_named_with_a_suggestion():
    problems = problems_of("""\
        thresholds:
          faithfulnes: 0.9
        cases:
          - id: a
            questoin: What is RICE?
        """)
    assert (
        "cases.yaml:2: thresholds.faithfulnes: unknown key 'faithfulnes'; did you mean 'faithfulness'?"
        in problems
    )
    assert (
        "cases.yaml:5: case 'a': questoin: unknown key 'questoin'; did you mean 'question'?"
        in problems
    )


def test_unused_vars_duplicate_ids_and_duplicate_keys_are_reported():
    assert problems_of("""\
        cases:
          - id: a
            vars: {biz: shoes}
            question: Plain question?
        """) == [
        (
            "cases.yaml:4: case 'a': question: vars 'biz' is not used by the question; "
            "write {{biz}} where it belongs or remove it"
        )
    ]
    assert problems_of("""\
        cases:
          - {id: a, question: one}
          - {id: a, question: two}
        """) == [
        "cases.yaml:3: case 'a': duplicate id (first at line 2); give every case its own id"
    ]
    assert problems_of("""\
        cases:
          - id: a
            question: one?
            question: two?
        """) == [
        "cases.yaml:4: duplicate key 'question' (first at line 3); YAML would silently keep only the last one"
    ]


def test_empty_and_missing_files_are_explained(tmp_path: Path):
    assert problems_of("") == ["cases.yaml: the file is empty; add a 'cases:' list"]
    assert problems_of("cases: []\n") == ["cases.yaml: no cases; add at least one under 'cases:'"]
    with pytest.raises(CasesError, match="no such cases file"):
        load_cases(tmp_path / "missing.yaml")


def test_several_files_merge_with_the_strictest_thresholds(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(
        "thresholds: {faithfulness: 0.9, recall_at_k: 0.5}\ncases:\n  - {id: a, question: q}\n"
    )
    (tmp_path / "b.yaml").write_text(
        "thresholds: {faithfulness: 0.95}\ncases:\n  - {id: b, question: q}\n"
    )
    suite = load_suites([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    assert [c.id for c in suite.cases] == ["a", "b"]
    assert suite.thresholds.faithfulness == 0.95 and suite.thresholds.recall_at_k == 0.5
    (tmp_path / "c.yaml").write_text("cases:\n  - {id: a, question: q}\n")
    with pytest.raises(CasesError, match=r"c\.yaml:2: case 'a': id already used"):
        load_suites([tmp_path / "a.yaml", tmp_path / "c.yaml"])


def test_default_thresholds_are_the_documented_gate():
    assert GateThresholds().model_dump(exclude_none=True) == {
        "faithfulness": 0.98,
        "citation_validity": 1.0,
        "numeric_fidelity": 1.0,
        "refusal_accuracy": 1.0,
    }


# --- the shipped course suite -----------------------------------------------------------------




def test_course_suite_covers_all_fifteen_course_prompts_word_for_word():
    prompts = course_prompts()
    assert len(prompts) == 15
    rendered = {case.prompt for case in load_cases(DEFAULT_CASES).cases}
    missing = [p for p in prompts if p not in rendered]
    assert not missing


def test_course_suite_has_the_required_breadth():
    cases = load_cases(DEFAULT_CASES).cases
    tags = [tag for case in cases for tag in case.tags]
    assert len(cases) - tags.count("course-prompt") >= 40
    assert tags.count("placeholder-variation") >= 5
    assert tags.count("out-of-scope") >= 4 and tags.count("injection") >= 3
    assert all(case.assertions for case in cases)
    for case in cases:
        if "refusal" in case.tags:
            assert case.should_refuse, case.id
        if "figures" in case.tags:
            assert any(a.kind == "number" for a in case.assertions), case.id
        if "privacy" in case.tags:
            assert any(a.kind == "not_contains" for a in case.assertions), case.id
