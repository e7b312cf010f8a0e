"""`advisor search`: passages with citations, as JSON or text, and errors as messages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli import main
from knowledge.index import CourseIndex

ROI_QUESTION = "How do I calculate the ROI of an AI tool?"
ROI_SECTION = "Calculating and Communicating the Return on Investment (ROI) of AI Projects"


@pytest.fixture
def run(built_settings, use_settings):
    """Invokes `advisor ...` against the session's built index."""
    use_settings(built_settings)
    return lambda *args: CliRunner().invoke(main, list(args))


def test_search_json_puts_the_roi_section_first_with_its_citation(run, built_settings):
    result = run("search", ROI_QUESTION, "--json")

    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["query"] == ROI_QUESTION
    assert len(body["passages"]) == built_settings.top_k
    first = body["passages"][0]
    citation = first["citation"]
    assert (citation["lesson"], citation["section"]) == ("6.2", ROI_SECTION)
    assert {"chunk_id", "lesson", "section", "quote"} <= set(citation)
    assert citation["quote"].startswith("Frameworks for calculating the ROI of AI")
    assert first["text"].startswith(citation["quote"].removesuffix(" …"))


def test_search_json_citations_point_at_indexed_chunks(run, built_settings):
    body = json.loads(run("search", ROI_QUESTION, "--json", "-k", "8").stdout)
    stored = {cid: (text, meta) for cid, text, meta in CourseIndex(built_settings).all_chunks()}
    assert len(body["passages"]) == 8
    for passage in body["passages"]:
        citation = passage["citation"]
        text, meta = stored[citation["chunk_id"]]
        assert passage["text"] == text
        assert (citation["lesson"], citation["section"]) == (meta["lesson"], meta["section"])
        assert passage["kind"] != "question"  # the course's own questions never answer


def test_search_text_lists_numbered_citations(run):
    result = run("search", ROI_QUESTION, "-k", "2")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"[1] Lesson 6.2 › {ROI_SECTION}  (score ")
    assert any(line.startswith("[2] ") for line in lines)
    assert not any(line.startswith("[3] ") for line in lines)


@pytest.mark.parametrize("as_json", [False, True])
def test_empty_query_is_refused(run, as_json):
    result = run("search", "   ", *(["--json"] if as_json else []))
    assert result.exit_code == 2
    if as_json:
        assert json.loads(result.stdout)["error"]["code"] == "invalid_input"
    else:
        assert result.stderr.startswith("error: query is empty")


def test_search_before_ingest_says_to_run_ingest(fresh_settings, use_settings):
    use_settings(fresh_settings)
    result = CliRunner().invoke(main, ["search", ROI_QUESTION, "--json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "index_unavailable"
    assert "run `advisor ingest`" in error["message"]
