"""Specifications of the "Check answers" tab's core (no browser): uploads parsed with errors that
name the line and field, answers graded sentence by sentence against the course index, reports
exported as HTML, Markdown and CSV, and every check refused to a session that is not an
instructor's.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape as html_escape

import pytest

from assistant.errors import UserError
from assistant.storage import open_database
from assistant.storage.users import UserStore
from assistant.text import split_sentences
from ui import answer_check, instructor
from ui.access import Access, Forbidden

PASSWORD = "correct horse 42"
INVENTED = "Quarterly moon phases determine the optimal warehouse paint colour for 93% of shops."


@pytest.fixture(scope="module")
def access(tmp_path_factory):
    users = UserStore(open_database(tmp_path_factory.mktemp("acc") / "a.sqlite3"), rounds=4)
    users.add("ada", PASSWORD, "instructor")
    users.add("bob", PASSWORD, "learner")
    return Access(users)


@pytest.fixture(scope="module")
def course_sentence(advisor):
    """A long prose sentence of the course, read from the built index (never from the code)."""
    for text, meta in advisor.retriever.chunk_map.values():
        if meta.get("kind") in (None, "prose"):
            for sentence in split_sentences(text):
                if 80 < len(sentence) < 220 and not sentence.startswith(("#", "-", "|")):
                    return sentence
    pytest.fail("the built course has no prose sentence")


def test_a_csv_and_a_jsonl_upload_give_the_same_items():
    rows = [{"id": "a1", "question": "Q one?", "answer": "First answer."},
            {"id": "a2", "question": "", "answer": "Second answer, write to x@example.com."}]
    out = io.StringIO()
    writer = csv.DictWriter(out, ["id", "question", "answer"])
    writer.writeheader()
    writer.writerows(rows)
    from_csv = answer_check.parse_batch("answers.csv", out.getvalue().encode())
    from_jsonl = answer_check.parse_batch(
        "answers.jsonl", "\n".join(json.dumps(r) for r in rows).encode())
    assert from_csv == from_jsonl
    assert [i.id for i in from_csv] == ["a1", "a2"]
    assert "x@example.com" not in from_csv[1].answer  # personal data masked before grading


@pytest.mark.parametrize(("name", "data", "fix"), [
    ("a.csv", b"question,text\nQ,A\n", "'answer'"),
    ("a.jsonl", b'{"answer": "ok"}\n{"question": "Q"}\n', "line 2"),
    ("a.jsonl", b'{"answer": "ok"}\nnot json\n', "line 2: not valid JSON"),
    ("a.jsonl", b'{"answer": "  "}\n', "line 1: the 'answer' is empty"),
    ("a.txt", b"answer\nx\n", ".csv or .jsonl"),
    ("a.csv", "answer\n\u00e9".encode("latin-1"), "not UTF-8"),
])
def test_a_bad_upload_is_refused_naming_the_file_and_the_fix(name, data, fix):
    with pytest.raises(UserError, match=fix) as error:
        answer_check.parse_batch(name, data)
    assert name in error.value.message


def test_an_instructor_gets_a_verdict_per_sentence_and_three_reports(
        advisor, access, tmp_path, course_sentence):
    view = instructor.check_pasted(access, advisor, tmp_path, "ada", "What does the course say?",
                                   f"{course_sentence} {INVENTED}")
    by_text = {row[1]: row for row in view.sentences}  # answer_check.DISPLAY_HEADERS
    supported, invented = by_text[course_sentence], by_text[INVENTED]
    assert supported[2] == "supported" and supported[5]  # the course sentence compared with
    assert invented[2] == "unsupported" and invented[3]  # the kind of error
    assert view.summary[0][1] == "unsupported"
    html = open(view.files["html"], encoding="utf-8").read()
    markdown = open(view.files["md"], encoding="utf-8").read()
    table = list(csv.reader(open(view.files["csv"], encoding="utf-8")))
    assert table[0] == answer_check.CSV_HEADER
    assert {r[2] for r in table[1:]} >= {course_sentence, INVENTED}
    label = supported[4].rsplit(" (", 1)[0]
    assert "unsupported" in html and html_escape(label, quote=False) in html  # the source's lesson label
    assert "unsupported" in markdown


def test_each_compared_sentence_links_to_its_whole_course_passage(advisor, access, tmp_path,
                                                                   course_sentence):
    import re

    view = instructor.check_pasted(access, advisor, tmp_path, "ada", "",
                                   f"{course_sentence} {INVENTED}")
    html = open(view.files["html"], encoding="utf-8").read()
    links = re.findall(r'<a href="#(passage-\d+)">', html)
    targets = dict(re.findall(r'<h3 id="(passage-\d+)">.*?</h3>\s*<blockquote>(.*?)</blockquote>',
                              html, re.S))
    assert links and set(links) <= set(targets)  # every link lands on a passage of the report
    row = next(r for r in html.split("<tr")[1:] if html_escape(course_sentence, quote=False) in r)
    (linked,) = re.findall(r'<a href="#(passage-\d+)">', row)
    assert html_escape(course_sentence, quote=False) in targets[linked]  # the whole passage
    number = linked.split("-")[1]
    assert f"passage {number} below" in {row[1]: row for row in view.sentences}[course_sentence][4]
    assert f"Passage {number}: " in view.passages
    markdown = open(view.files["md"], encoding="utf-8").read()
    assert f"### Passage {number}: " in markdown and f"passage {number} below" in markdown


def test_pasted_markup_is_escaped_in_the_reports(advisor, access, tmp_path):
    view = instructor.check_pasted(access, advisor, tmp_path, "ada", "",
                                   "<script>alert(1)</script> Pricing uses *AI* when cost < 5 & "
                                   "margin > 2.")
    html = open(view.files["html"], encoding="utf-8").read()
    markdown = open(view.files["md"], encoding="utf-8").read()
    assert "<script" not in html and "cost &lt; 5 &amp; margin &gt; 2" in html
    assert "<script" not in markdown and "cost &lt; 5 &amp; margin &gt; 2" in markdown


def test_a_batch_reports_progress_and_one_row_per_answer(advisor, access, tmp_path,
                                                         course_sentence):
    lines = [json.dumps({"id": f"s{n}", "answer": course_sentence if n % 2 else INVENTED})
             for n in range(10)]
    upload = tmp_path / "answers.jsonl"
    upload.write_text("\n".join(lines), encoding="utf-8")
    steps = []
    view = instructor.check_file(access, advisor, tmp_path, "ada", str(upload),
                                 lambda done, total: steps.append((done, total)))
    assert steps == [(8, 10), (10, 10)]
    assert [row[0] for row in view.summary] == [f"s{n}" for n in range(10)]
    assert [row[1] for row in view.summary][:2] == ["unsupported", "supported"]


@pytest.mark.parametrize("who", ["bob", None, "ghost"])
def test_a_session_that_is_not_an_instructors_is_refused_before_any_check(
        advisor, access, tmp_path, who):
    with pytest.raises(Forbidden, match="for instructors"):
        instructor.check_pasted(access, advisor, tmp_path, who, "", "Anything at all.")
    upload = tmp_path / "a.jsonl"
    upload.write_text('{"answer": "x"}', encoding="utf-8")
    with pytest.raises(Forbidden):
        instructor.check_file(access, advisor, tmp_path, who, str(upload))
    assert list(tmp_path.iterdir()) == [upload]  # no report written
