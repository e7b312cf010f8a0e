"""Bad questions at every edge: the engine, `advisor ask` (argument, stdin, --batch) and limits.

Every rejected question gets a specific message (empty, too long with the limit and its
setting, not UTF-8, not text), the CLI exits 2 with no traceback, and nothing already stored
changes: a rejection happens before the engine touches the conversation store or the index.
"""

from __future__ import annotations

import json
import shutil
import sys

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.engine import Advisor, InputProblem, validate_question
from assistant.memory import ConversationStore
from assistant.settings import Settings
from servers import run_advisor

LIMIT = 8000

# (question, code, words the message must contain)
REJECTED = [
    pytest.param("", "invalid_input", "question is empty", id="empty"),
    pytest.param("   ", "invalid_input", "question is empty", id="spaces"),
    pytest.param("\n\t \r\n", "invalid_input", "question is empty", id="whitespace"),
    pytest.param("\u00a0\u3000\u2028", "invalid_input", "question is empty", id="unicode-spaces"),
    pytest.param("\x00\x01\x1b\x7f", "invalid_input", "question is empty", id="control-only"),
    pytest.param(b"", "invalid_input", "question is empty", id="no-bytes"),
    pytest.param(b"\xff\xfe\x00bad", "invalid_input", "not valid UTF-8", id="undecodable"),
    pytest.param("What is \ufffd RICE?".encode(), "invalid_input", "undecodable bytes",
                 id="replacement-char"),
    pytest.param("x" * (LIMIT + 1), "too_long", "8,001 characters; the limit is 8,000",
                 id="one-over"),
    pytest.param("x" * 200_000, "too_long", "ADVISOR_MAX_QUESTION_CHARS", id="200KB"),
    pytest.param(None, "invalid_input", "must be text", id="none"),
    pytest.param(42, "invalid_input", "must be text", id="number"),
    pytest.param(["What is RICE?"], "invalid_input", "must be text", id="list"),
    pytest.param({"question": "What is RICE?"}, "invalid_input", "must be text", id="dict"),
]
INVISIBLE = "invisible characters only are an empty question"
STRAY_CONTROLS = "C1 controls, bidi overrides and zero-width characters survive validation"
SURROGATES = "lone surrogates get pydantic's 'unable to parse raw data as a unicode string'"
VALIDATION_FIX = (
    "engine.Question._clean removes only C0 controls and DEL: also drop C1 controls "
    "(\\x80-\\x9f) and format characters (unicodedata category Cf: zero-width, BOM, bidi "
    "overrides) before the emptiness check, and reject lone surrogates (text.encode('utf-8') "
    "fails) with the same 'not valid UTF-8' message as undecodable bytes"
)


@pytest.mark.parametrize(("question", "code", "words"), REJECTED)
def test_rejected_questions_say_specifically_why(question, code, words):
    with pytest.raises(InputProblem) as raised:
        validate_question(question, LIMIT)
    assert raised.value.code == code
    assert words in raised.value.message


def test_a_question_of_exactly_the_limit_is_accepted():
    assert validate_question("x" * LIMIT, LIMIT) == "x" * LIMIT


@pytest.mark.parametrize(
    ("question", "cleaned"),
    [
        ("  What is RICE?\n", "What is RICE?"),
        ("What is\x00 the RICE\x1b[31m framework?\x07", "What is  the RICE [31m framework?"),
        (b"What is RICE?\r\n", "What is RICE?"),
    ],
)
def test_control_characters_are_removed_and_text_kept(question, cleaned):
    assert validate_question(question, LIMIT) == cleaned


@pytest.mark.parametrize(
    "question",
    ["\u200b\u200b", "\ufeff", "\u202e\u202d", "\u2060", "\ufeff".encode()],
    ids=["zero-width-spaces", "bom", "bidi-overrides", "word-joiner", "bom-bytes"],
)
def test_invisible_characters_only_are_an_empty_question(question):
    with pytest.raises(InputProblem, match="question is empty"):
        validate_question(question, LIMIT)


@pytest.mark.parametrize(
    "question",
    ["What is \x9b31mRICE?", "What is \u202eECIR?", "What is R\u200bICE?"],
    ids=["c1-csi", "bidi-override", "zero-width"],
)
def test_c1_controls_and_format_characters_are_removed(question):
    cleaned = validate_question(question, LIMIT)
    assert all(ord(c) not in range(0x80, 0xA0) and c not in "\u202e\u200b" for c in cleaned)


@pytest.mark.parametrize("question", ["What is \ud800 RICE?", "\udcff"], ids=["high", "low"])
def test_lone_surrogates_are_reported_as_not_utf8(question):
    with pytest.raises(InputProblem, match="not valid UTF-8"):
        validate_question(question, LIMIT)


# ----------------------------------------------------------------------------- engine: nothing lost


@pytest.fixture
def stored(fresh_settings) -> tuple[Settings, str, list]:
    """A data folder with one conversation of two turns already in it."""
    store = ConversationStore(fresh_settings.db_path)
    cid = store.create(title="Earlier question", owner="browser:x")
    store.append(cid, "user", "What is RICE?")
    store.append(cid, "assistant", "RICE is reach × impact × confidence / effort [1].")
    before = (store.list(), store.history(cid))
    store.close()
    return fresh_settings, cid, before


@pytest.mark.parametrize(("question", "code", "words"), REJECTED)
def test_a_rejected_question_changes_nothing_stored(stored, question, code, words):
    settings, cid, before = stored
    advisor = Advisor(settings)
    with pytest.raises(InputProblem):
        advisor.ask(question, conversation_id=cid)
    store = ConversationStore(settings.db_path)
    assert (store.list(), store.history(cid)) == before
    assert not settings.chroma_path.exists()  # rejected before the index was even opened


def test_control_characters_never_reach_the_answer_or_the_store(advisor):
    result = advisor.ask("What is\x00 the RICE\x1b[31m framework?\x07", remember=False)
    assert result.question == "What is  the RICE [31m framework?"
    assert "RICE" in result.answer
    assert not any(ord(c) < 32 and c not in "\n\t" for c in result.answer)


# ----------------------------------------------------------------------------- advisor ask


def _ask(args: list[str], stdin: bytes | None = None):
    result = CliRunner().invoke(main, ["ask", *args], input=stdin)
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


@pytest.mark.parametrize(
    ("stdin", "code", "words"),
    [
        pytest.param(b"\xff\xfe\x00bad", "invalid_input", "not valid UTF-8", id="binary"),
        pytest.param("What is RICE?".encode("utf-16"), "invalid_input", "not valid UTF-8",
                     id="utf-16"),
        pytest.param(b"", "invalid_input", "question is empty", id="nothing"),
        pytest.param(b"  \n\t\n", "invalid_input", "question is empty", id="whitespace"),
        pytest.param(b"\x00\x01\x02\x1b", "invalid_input", "question is empty", id="controls"),
        pytest.param(b"x" * 200_000, "too_long", "200,000 characters; the limit is 8,000",
                     id="200KB"),
    ],
)
def test_ask_json_from_stdin_rejects_bad_bytes_with_a_json_error(stored, use_settings, stdin,
                                                                 code, words):
    settings, cid, before = stored
    use_settings(settings)
    result = _ask(["--json", "--conversation", cid], stdin)
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == code and words in error["message"]
    store = ConversationStore(settings.db_path)
    assert (store.list(), store.history(cid)) == before


@pytest.mark.parametrize(
    ("question", "words"),
    [("   ", "question is empty"), ("x" * 9000, "9,000 characters; the limit is 8,000")],
    ids=["blank", "too-long"],
)
def test_ask_text_mode_puts_one_error_line_on_stderr(fresh_settings, use_settings, question,
                                                     words):
    use_settings(fresh_settings)
    result = _ask([question])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("error: ") and words in result.stderr


def test_the_question_limit_is_a_setting(fresh_settings, use_settings):
    use_settings(fresh_settings, max_question_chars=100)
    result = _ask(["--json", "x" * 101])
    assert result.exit_code == 2
    assert "101 characters; the limit is 100" in json.loads(result.stdout)["error"]["message"]


def test_an_unavailable_llm_is_a_message_not_a_traceback(built_settings, use_settings,
                                                         monkeypatch):
    use_settings(built_settings)  # an index is there: the brain is what is missing
    # The openai extra is missing (whether or not this machine has it): no real call is tried.
    monkeypatch.setitem(sys.modules, "langchain_openai", None)
    question = "What is the ROI if we gain $15,000 on a $10,000 tool?"
    result = _ask(["--json", "--llm", "openai", question])
    assert result.exit_code == 3
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "unavailable" and "pip install" in error["message"]


def test_batch_reports_each_bad_line_and_answers_the_good_one(built_settings, use_settings,
                                                              tmp_path):
    use_settings(built_settings)
    batch = tmp_path / "questions.jsonl"
    batch.write_bytes(b"\n".join([
        b"\xff\xfe not utf-8",
        b"not json at all",
        b'["a", "list"]',
        b'{"id": "no-question"}',
        json.dumps({"id": "blank", "question": "   "}).encode(),
        json.dumps({"id": "long", "question": "x" * 9000}).encode(),
        json.dumps({"id": "number", "question": 42}).encode(),
        b"",
        json.dumps({"id": "good", "question": "What is the ROI if we gain $15,000 on a "
                                              "$10,000 tool?"}).encode(),
    ]))
    result = _ask(["--batch", str(batch)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == [None, None, None, "no-question", "blank",
                                               "long", "number", "good"]
    errors = {line["id"] or line["error"]["line"]: line["error"]["message"]
              for line in lines if "error" in line}
    assert "utf-8" in errors[1].lower()
    assert '"id" and "question"' in errors[3] and '"id" and "question"' in errors["no-question"]
    assert "question is empty" in errors["blank"] and "the limit is 8,000" in errors["long"]
    assert "must be text" in errors["number"]
    assert "roi" in [call["name"] for call in lines[-1]["tool_calls"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stdin", "words"),
    [(b"\xff\xfe\x00\x81bad bytes", "not valid UTF-8"), (b"y" * 200_000, "the limit is 8,000")],
    ids=["binary", "200KB"],
)
def test_advisor_ask_process_given_bad_bytes_on_stdin_exits_2_without_traceback(tmp_path, stdin,
                                                                                 words):
    done = run_advisor(["ask", "--json"], tmp_path / "advisor", input=stdin)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert words in json.loads(done.stdout)["error"]["message"]


def test_a_damaged_conversation_database_is_a_message_not_a_traceback(built_settings, tmp_path,
                                                                      use_settings):
    settings = Settings(data_dir=tmp_path / "advisor")
    shutil.copytree(built_settings.chroma_path, settings.chroma_path)
    settings.db_path.write_bytes(b"this is not an SQLite database " * 600)
    use_settings(settings)
    result = CliRunner().invoke(main, ["ask", "--json", "What is the ROI if we gain $15,000 on "
                                                        "a $10,000 tool?"])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert result.exit_code in (2, 3)
    assert str(settings.db_path) in result.stdout + result.stderr
