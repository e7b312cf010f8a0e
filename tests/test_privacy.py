"""Personal data (OWASP LLM02/LLM06): masked before any model, log, store, feedback or export.

Two halves: `mask_pii` itself (every format masked, no business figure touched, properties under
hypothesis), then the places personal data could leak once a question is asked: what the model
is sent, the answer, the logs, the SQLite file and its WAL read as raw bytes, and the UI's
conversation, feedback and plan exports.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langchain_core.messages import AIMessage

from assistant.engine import Advisor
from fakes import FakeAdvisor, ScriptedModel
from assistant.reading.privacy import iban_valid, luhn_valid, mask_pii
from assistant.settings import Settings
from assistant.reading.slots import extract

# (kind, value): every value must vanish from any text it appears in.
PII = [
    ("email", "jane.doe@example.com"),
    ("email", "JANE_DOE+orders@mail.example.co.uk"),
    ("email", "j@x.io"),
    ("card", "4111 1111 1111 1111"),
    ("card", "4111-1111-1111-1111"),
    ("card", "4111111111111111"),
    ("card", "5500 0000 0000 0004"),
    ("card", "3782 822463 10005"),
    ("card", "6011 0009 9013 9424"),
    ("card", "4222222222222"),
    ("phone", "+44 20 7946 0958"),
    ("phone", "+44 (0)20 7946 0958"),
    ("phone", "+1 (415) 555-0132"),
    ("phone", "+1-415-555-0132"),
    ("phone", "+1.415.555.0132"),
    ("phone", "(415) 555-0132"),
    ("phone", "415-555-0132"),
    ("phone", "415.555.0132"),
    ("phone", "+49 30 901820"),
    ("phone", "0049 30 12345678"),
    ("phone", "+33 1 42 68 53 00"),
    ("phone", "01 42 68 53 00"),
    ("phone", "+91 98765 43210"),
    ("phone", "+86 138 0013 8000"),
    ("phone", "+8613800138000"),
    ("phone", "+81 3-1234-5678"),
    ("phone", "+55 11 91234-5678"),
    ("phone", "+7 495 123-45-67"),
    ("phone", "+61 2 9374 4000"),
    ("phone", "+353 1 234 5678"),
    ("phone", "+44 7700 900123"),
    ("phone", "020 7946 0958"),
    ("phone", "07700 900123"),
    ("iban", "GB82 WEST 1234 5698 7654 32"),
    ("iban", "GB82WEST12345698765432"),
    ("iban", "DE89 3704 0044 0532 0130 00"),
    ("iban", "FR14 2004 1010 0505 0001 3M02 606"),
    ("iban", "NL91 ABNA 0417 1643 00"),
    ("iban", "gb82 west 1234 5698 7654 32"),
]
PLACEHOLDER = {
    "email": "[email removed]",
    "card": "[card number removed]",
    "phone": "[phone removed]",
    "iban": "[IBAN removed]",
}
# Sentences without digits of their own, so any digit left after masking is a leak.
CONTEXTS = [
    "My contact is {}, which KPIs should I track?",
    "Reach me at {}.",
    "{}",
    "({})",
    "Details:\n{}\nthanks",
    "card/phone/mail: {}; what is RICE?",
]
# A phone number named as one: digits that would be figures without the word before them.
CUED_PHONES = [
    "call me on 98765 43210",
    "my mobile: 7946 0958 12",
    "Phone 1234 5678 after five",
    "whatsapp me at 612 34 56 78",
    "phone number is 98 76 54 32",
    "Tel.: 30 901820",
]
# Business figures the calculators need: none of these may change.
FIGURES = [
    "$25,000", "15%", "30000 visitors", "2024-05-01", "3-6 months", "1-3 years",
    "reach 30000, impact 2, confidence 0.8, effort 3",
    "A reach 1000 impact 2 confidence 0.8 effort 2; B reach 500 impact 3 confidence 0.5 effort 1",
    "control 10000 visitors 500 conversions, variant 10000 visitors 560 conversions",
    "1,000,000 visitors", "10 000 visitors", "100 000 000 visitors", "€100 000", "1 234 567",
    "€1.5m", "$1,250,000.50", "£2.4 million", "12/31/2025", "31.12.2025", "01.02.2024",
    "01-02-2024", "2024-05-01 to 2024-06-30", "Q3 2024", "between 2020 and 2030",
    "year 2024 2025 2026", "20 30 40 50", "0.8 0.9 1.0 1.2", "budget 0 100 200 300",
    "RICE score 16,000", "p < 0.05", "95% CI 1.2-3.4", "+15%", "+2.5 percent",
    "+12.5% to +18.3%", "lift of +0.8 pp", "2,500 - 3,000 orders", "0 - 100000",
    "order 123456789", "ISO 27001", "v2.3.1", "version 4111", "4111111111111111111111",
    "payback 12.5 months", "cost 120000 gain 200000", "[10000, 500, 10000, 560]",
    '{"score": 0.81234567, "latency_ms": 1234.5}', "mobile traffic 30 000 visitors",
    "phone sales grew 20 30 40 50 percent", "SKU AB12-CD34", "+1,000 visitors",
    "aov $85, 3 purchases per year, 4 years lifespan, margin 40%",
]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# ----------------------------------------------------------------------------- mask_pii


@pytest.mark.parametrize("context", CONTEXTS, ids=range(len(CONTEXTS)))
@pytest.mark.parametrize(("kind", "value"), PII, ids=[v for _, v in PII])
def test_every_pii_format_is_masked_whole_in_any_position(kind, value, context):
    masked = mask_pii(context.format(value))
    assert value not in masked
    assert _digits(masked) == ""  # not even a tail of digits ("…0958") is left behind
    assert PLACEHOLDER[kind] in masked
    if kind == "email":
        local, domain = value.split("@")
        assert local not in masked and domain not in masked


@pytest.mark.parametrize("text", CUED_PHONES)
def test_digits_introduced_as_a_phone_number_are_masked(text):
    masked = mask_pii(text)
    assert "[phone removed]" in masked
    assert len(_digits(masked)) < 4


@pytest.mark.parametrize("text", FIGURES)
def test_business_figures_are_never_masked(text):
    assert mask_pii(text) == text


@pytest.mark.parametrize(
    "question",
    [
        "Prioritise with RICE: A reach 1000 impact 2 confidence 0.8 effort 2; "
        "B reach 500 impact 3 confidence 0.5 effort 1",
        "Control: 500 conversions out of 10000 visitors; variant: 560 conversions out of "
        "10000 visitors. Is it significant?",
        "What is the ROI if we gain $15,000 on a $10,000 tool?",
        "How long is the payback of $60,000 with $5,000 per month?",
        "CLV with AOV $85, 3 purchases per year, 4 years lifespan and 40% gross margin?",
        "How many visitors do I need to detect a lift from 3% to 3.6%?",
        "Within 6 months raise conversion from 2.1% to 2.5% on 30000 visitors, starting "
        "2024-05-01, for 3-6 months",
    ],
)
def test_masking_does_not_change_what_the_calculators_read(question):
    assert mask_pii(question) == question  # no business figure looks like personal data
    # …and the digits of masked personal data never reach the calculators.
    with_pii = (f"Reply to jane.doe@example.com or +44 20 7946 0958 (card 4111 1111 1111 "
                f"1111). {question}")
    assert extract(mask_pii(with_pii)) == extract(question)


def test_masking_keeps_figures_next_to_personal_data():
    question = "I'm jane.doe@example.com: what is the ROI if we gain $15,000 on a $10,000 tool?"
    masked = mask_pii(question)
    assert masked.startswith("I'm [email removed]:")
    assert extract(masked).money == [15000.0, 10000.0]


def test_checksums():
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert iban_valid("GB82WEST12345698765432") and not iban_valid("GB82WEST12345698765433")


def _luhn_complete(body: str) -> str:
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


cards = st.builds(
    lambda body, style: {
        "plain": lambda n: n,
        "spaces": lambda n: " ".join(n[i : i + 4] for i in range(0, 16, 4)),
        "dashes": lambda n: "-".join(n[i : i + 4] for i in range(0, 16, 4)),
    }[style](_luhn_complete(body)),
    st.text("0123456789", min_size=15, max_size=15).map(lambda d: "4" + d[1:]),
    st.sampled_from(["plain", "spaces", "dashes"]),
)
phones = st.builds(
    lambda cc, groups, sep: f"+{cc}{sep}" + sep.join(groups),
    st.integers(1, 999),
    st.lists(st.text("0123456789", min_size=3, max_size=4), min_size=3, max_size=3),
    st.sampled_from([" ", "-", "."]),
)
emails = st.from_regex(r"[a-z][a-z0-9._+]{0,15}@[a-z][a-z0-9\-]{0,10}\.(com|org|io|co\.uk)",
                       fullmatch=True)
words = st.text(st.sampled_from("abcdefghij ,;:!?\n"), max_size=30)
figures = st.one_of(
    st.integers(0, 10**9).map(lambda n: f"${n:,}"),
    st.integers(0, 10**7).map(lambda n: f"{n} visitors"),
    st.floats(0, 100, allow_nan=False).map(lambda x: f"{x:.1f}%"),
    st.dates().map(lambda d: d.isoformat()),
    st.tuples(st.integers(1, 12), st.integers(1, 36)).map(lambda t: f"{t[0]}-{t[1]} months"),
    st.tuples(st.integers(1, 10**5), st.integers(1, 3), st.integers(1, 10)).map(
        lambda t: f"reach {t[0]}, impact {t[1]}, confidence 0.{t[2] % 10}, effort {t[2]}"),
)


@settings(max_examples=150, deadline=None)
@given(before=words, value=st.one_of(cards, phones, emails), after=words)
def test_generated_cards_phones_and_emails_are_always_masked(before, value, after):
    masked = mask_pii(f"{before} {value} {after}")
    assert value not in masked
    assert re.sub(r"\D", "", value) not in _digits(masked) or "@" in value


@settings(max_examples=150, deadline=None)
@given(st.lists(figures, min_size=1, max_size=6), words)
def test_generated_business_figures_survive_masking(parts, glue):
    text = f" {glue} ".join(parts)
    assert mask_pii(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_masking_is_total_and_idempotent(text):
    once = mask_pii(text)
    assert mask_pii(once) == once


# ----------------------------------------------------------------------------- where PII could leak

QUESTION = (
    "I'm jane.doe@example.com (card 4111 1111 1111 1111, phone +44 20 7946 0958, IBAN GB82 "
    "WEST 1234 5698 7654 32). What is the ROI if we gain $15,000 on a $10,000 AI tool?"
)
RAW = ["jane.doe@example.com", "jane.doe", "4111 1111 1111 1111", "4111111111111111",
       "+44 20 7946 0958", "7946 0958", "79460958", "GB82 WEST", "GB82WEST", "5698 7654"]


def _raw_bytes(folder: Path) -> bytes:
    """Every byte of the SQLite database, its WAL and shared memory, and any other file."""
    files = [p for p in folder.rglob("*") if p.is_file() and "chroma" not in p.parts]
    return b"".join(p.read_bytes() for p in files)


def _leaks(blob: str | bytes) -> list[str]:
    if isinstance(blob, bytes):
        return [raw for raw in RAW if raw.encode() in blob]
    return [raw for raw in RAW if raw in blob]


@pytest.fixture(scope="module")
def private_settings(built_settings, tmp_path_factory) -> Settings:
    """A data folder of this module's own, holding a copy of the session's course index."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("privacy-data"))
    shutil.copytree(built_settings.chroma_path, settings.chroma_path)
    return settings


@pytest.fixture(scope="module")
def private_advisor(private_settings, embedder) -> Advisor:
    return Advisor(private_settings, embedder=embedder)


def test_question_with_pii_is_answered_without_storing_or_logging_it(private_advisor, caplog):
    caplog.set_level(logging.DEBUG)
    result = private_advisor.ask(QUESTION)

    assert any(call.name == "roi" for call in result.tool_calls)  # the figures still count
    assert "50" in result.answer
    assert _leaks(result.model_dump_json()) == []
    assert _leaks(caplog.text) == []
    history = private_advisor.store.history(result.conversation_id)
    assert history[0].content.startswith("I'm [email removed] (card [card number removed], phone "
                                         "[phone removed], IBAN [IBAN removed])")
    raw = _raw_bytes(private_advisor.settings.data_dir)
    assert b"[email removed]" in raw
    assert _leaks(raw) == []



def test_an_llm_brain_never_receives_the_raw_values(private_settings, embedder):
    model = ScriptedModel(responses=[AIMessage(content="The ROI is 50%.")])
    model.seen = []
    result = Advisor(private_settings, brain=model, embedder=embedder).ask(QUESTION, remember=False)
    sent = "\n".join(str(m.content) for call in model.seen for m in call)
    assert "[email removed]" in sent
    assert _leaks(sent) == []
    assert _leaks(result.model_dump_json()) == []


# ----------------------------------------------------------------------------- the UI's records

def _handler(demo, name: str):
    return next(f.fn for f in demo.fns.values() if f.name == name)


def _ui(settings: Settings, advisor) -> SimpleNamespace:
    from ui.app import build_app

    demo = build_app(settings, advisor)
    return SimpleNamespace(demo=demo, ctx=demo.advisor_context)


@pytest.fixture
def ui(private_settings, private_advisor):
    """The app over the real offline engine (and this module's database)."""
    return _ui(private_settings, private_advisor)


@pytest.fixture
def quiet_ui(tmp_path):
    """The app on a database of this test's own, so each test reads only its own bytes."""
    settings = Settings(data_dir=tmp_path / "advisor")
    return _ui(settings, FakeAdvisor(settings, answer="Noted.", events=[]))


def _respond(ui, text: str, owner: str) -> dict:
    request = SimpleNamespace(session_hash=owner, username=None)
    merged: dict = {}
    for update in _handler(ui.demo, "respond")(text, "learner", owner, None, [], {},
                                               {"initiatives": []}, request):
        merged.update(update)
    return merged


def test_ui_conversation_and_feedback_records_hold_no_pii(ui, caplog):
    caplog.set_level(logging.DEBUG)
    owner = "browser:privacy-feedback"
    merged = _respond(ui, QUESTION, owner)
    answers = merged[next(f for f in ui.demo.fns.values() if f.name == "respond").outputs[4]]
    index = int(max(answers, key=int))
    cid = ui.ctx.conversations.list(owner=owner)[0]["id"]
    _handler(ui.demo, "on_like")(owner, cid, answers,
                                 SimpleNamespace(index=index, liked=False))
    (feedback,) = ui.ctx.store.feedback(owner)
    ui.ctx.store.set_feedback_note(owner, feedback["id"], "wrong, mail jane.doe@example.com")

    assert _leaks(str(ui.ctx.store.feedback(owner))) == []
    assert _leaks(str(ui.ctx.conversations.list(owner=owner))) == []
    assert _leaks(str(ui.ctx.conversations.history(cid))) == []
    assert _leaks(caplog.text) == []
    assert _leaks(_raw_bytes(ui.ctx.settings.data_dir)) == []


def test_a_conversation_title_cut_mid_email_does_not_store_a_fragment(quiet_ui):
    owner = "browser:privacy-title"
    question = "Which KPIs should our support chatbot track? Please send the answer to " \
               "jane.doe@example.com"
    assert "jane.doe" in question[:80] and "jane.doe@example.com" not in question[:80]
    _respond(quiet_ui, question, owner)
    (conversation,) = quiet_ui.ctx.conversations.list(owner=owner)
    assert "jane.doe" not in conversation["title"]


def _refresh_plan(ui, owner: str, initiatives: list[dict]) -> tuple[str, str]:
    plan = {"method": "rice", "initiatives": initiatives}
    from ui import planner

    views = planner.refresh_plan(ui.ctx, plan, owner)
    md, csv = views["download_md"].props["value"], views["download_csv"].props["value"]
    return Path(md).read_text(encoding="utf-8"), Path(csv).read_text(encoding="utf-8")


PII_PLAN = [{"name": "Call jane.doe@example.com on +44 20 7946 0958", "reach": 3000, "impact": 2,
             "confidence": 0.8, "effort": 3}]


def test_a_saved_plan_holds_no_pii(quiet_ui):
    owner = "browser:privacy-plan"
    _handler(quiet_ui.demo, "on_command")(  # plan edits are saved by the edit that makes them
        "add 'Call jane.doe@example.com on +44 20 7946 0958' with reach 3000, impact 2, "
        "confidence 0.8, effort 3", {"method": "rice", "initiatives": []}, owner)
    saved = quiet_ui.ctx.store.load_plan(owner)
    assert saved and "Call [email removed]" in str(saved)
    assert _leaks(str(saved)) == []
    assert _leaks(_raw_bytes(quiet_ui.ctx.settings.data_dir)) == []


def test_plan_exports_hold_no_pii(quiet_ui):
    md, csv = _refresh_plan(quiet_ui, "browser:privacy-export", PII_PLAN)
    assert _leaks(md) == [] and _leaks(csv) == []
