"""End to end in a real Chromium: `advisor ui` with the real Advisor on a freshly built index.

The server runs in a subprocess on a free loopback port with its own data folder; the tests run
in file order against one browser page (a conversation, then the plan, then a reload).
Screenshots and the exported plan go to test-artifacts/. Needs Debian's chromium
(`bash .ci/browser-deps`): without it the tests skip loudly, except in CI where they fail.
"""

from __future__ import annotations

import re
import time

import pytest

from browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require_browser
from servers import running_ui

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.loopback,
              pytest.mark.timeout(900)]

RICE_QUESTION = ("Prioritise with RICE: A reach 1000 impact 2 confidence 0.8 effort 2; "
                 "B reach 500 impact 3 confidence 0.5 effort 1")
# An answer message: a bot message that is not a collapsible card (tool call or progress).
FIRST_ANSWER_TEXT_JS = """(before) => [...document.querySelectorAll('#chatbot [data-testid="bot"]')]
    .slice(before).some(e => !e.querySelector('.thought-group') && e.innerText.trim().length > 0)"""
BOT_COUNT_JS = """() => document.querySelectorAll('#chatbot [data-testid="bot"]').length"""
ANSWER_DONE = re.compile(r"Grounded \d+% · ")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    data_dir = tmp_path_factory.mktemp("advisor-data") / "advisor"
    # builds the index and loads the model first
    with running_ui(data_dir, ARTIFACTS / "browser-server.log", start_seconds=600,
                    llm="offline") as app:
        yield {"url": app.url, "data_dir": data_dir, "log": app.log}


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1100},
                                      accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server["url"])
        page.wait_for_selector("#message textarea")
        page.wait_for_timeout(1000)  # the load event restores the session
        yield page
        browser.close()


def ask(page, text: str | None = None) -> float:
    """Sends the message box (after filling it with `text`); returns time to first answer text."""
    if text is not None:
        page.locator("#message textarea").fill(text)
    done_before = len(ANSWER_DONE.findall(page.locator("#chatbot").inner_text()))
    bots_before = page.evaluate(BOT_COUNT_JS)
    started = time.perf_counter()
    page.locator("#send").click()
    page.wait_for_function(FIRST_ANSWER_TEXT_JS, arg=bots_before, timeout=300_000, polling=50)
    first_token = time.perf_counter() - started
    page.wait_for_function(
        """([n]) => (document.querySelector('#chatbot').innerText.match(/Grounded \\d+% · /g)
            || []).length > n""", arg=[done_before], timeout=300_000)
    return first_token


def test_suggested_question_streams_a_cited_answer(page, server):
    page.locator("#examples-accordion").get_by_text("More example questions").click()
    page.locator("#examples").get_by_text("6.2 · Suggested").click()
    page.wait_for_function(
        "() => document.querySelector('#message textarea').value.startsWith('If I implement')")
    question = page.locator("#message textarea").input_value()
    assert "personalization engine" in question and "[e.g." not in question
    ttft = ask(page)
    print(f"\ntime to first token in the browser: {ttft * 1000:.0f} ms")
    (ARTIFACTS / "browser-ttft.txt").write_text(f"{ttft * 1000:.0f} ms\n")
    chat = page.locator("#chatbot").inner_text()
    assert re.search(r"\[\d+\]", chat), "the answer has numbered citation markers"
    assert re.search(r"Grounded \d+% · \d+/\d+ sentences supported", chat)
    badge = page.locator("#grounding-badge").inner_text()
    assert re.search(r"Grounded \d+% · ", badge)
    assert "AI-generated answers" in page.locator("#ai-notice").inner_text()


def test_citation_opens_its_section_in_the_side_panel(page, server):
    from assistant.settings import DEFAULT_CORPUS
    from knowledge.parsing import parse_file

    first = page.locator("#citations label").first
    label = first.inner_text().strip()
    match = re.match(r"\[1\] (?:Lesson (?P<lesson>[\d.]+)|[^›]+) › (?P<section>.+)", label)
    assert match, label
    first.click()
    page.wait_for_function("() => document.querySelector('#citation-panel').innerText.includes('Quote')")
    panel = page.locator("#citation-panel").inner_text()
    section = match.group("section").strip()
    assert f"[1] {section}" in panel
    assert f"Section: {section}" in panel
    if match.group("lesson"):
        assert f"Lesson {match.group('lesson')}" in panel
    # The quote shown is text of that very section of the course.
    quote = panel.split("Quote", 1)[1].strip().splitlines()[0].strip(" …")
    document, _ = parse_file(DEFAULT_CORPUS)
    sections = [s for lesson in document.lessons for s in lesson.sections if s.title == section]
    assert sections, f"no section titled {section!r} in the course"
    course_text = " ".join(" ".join(b.text.split()) for s in sections for b in s.blocks)
    assert " ".join(quote.split())[:60] in course_text
    page.locator("#show-highlight").click()
    page.wait_for_selector("#sentence-highlight", state="visible")
    page.screenshot(path=str(ARTIFACTS / "browser-chat.png"), full_page=True)


def test_learner_can_ask_for_the_full_answer(page, server):
    chat = page.locator("#chatbot").inner_text()
    assert "Your turn:" in chat, "a learner's answer ends with a question to apply the idea"
    answers_before = len(ANSWER_DONE.findall(chat))
    page.locator("#full-answer").click()
    page.wait_for_function(
        """([n]) => (document.querySelector('#chatbot').innerText.match(/Grounded \\d+% · /g)
            || []).length > n""", arg=[answers_before], timeout=300_000)
    chat = page.locator("#chatbot").inner_text()
    full = chat.rsplit("Show me the full answer", 1)[1]
    assert "Your turn:" not in full
    assert re.search(r"\[\d+\]", full)


def test_enter_sends_and_shift_enter_starts_a_new_line(page, server):
    box = page.locator("#message textarea")
    box.fill("")
    box.click()
    page.keyboard.type("What does the RICE")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("formula multiply?")
    page.wait_for_timeout(300)
    assert box.input_value() == "What does the RICE\nformula multiply?"
    users = """() => document.querySelectorAll('#chatbot [data-testid="user"]').length"""
    users_before = page.evaluate(users)
    done_before = len(ANSWER_DONE.findall(page.locator("#chatbot").inner_text()))
    assert page.evaluate(users) == users_before, "Shift+Enter must not send"
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({users})() > {users_before}", timeout=60_000)
    page.wait_for_function(
        """([n]) => (document.querySelector('#chatbot').innerText.match(/Grounded \\d+% · /g)
            || []).length > n""", arg=[done_before], timeout=300_000)
    assert box.input_value() == ""
    sent = page.locator('#chatbot [data-testid="user"]').last.inner_text()
    assert "What does the RICE" in sent and "formula multiply?" in sent


def test_rice_question_shows_a_tool_card_with_the_ranking(page, server):
    ask(page, RICE_QUESTION)
    card = page.locator('#chatbot [data-testid="bot"]', has_text="Tool: prioritize").last
    if not card.count():
        card = page.locator('#chatbot [data-testid="bot"]', has_text="Tool: rice_score").last
    card.get_by_text(re.compile("Tool: ")).click()  # expand the collapsible card
    card.get_by_text(re.compile("reach × impact")).first.wait_for(state="visible", timeout=30_000)  # its body drawn
    text = card.inner_text()
    assert "800" in text and "750" in text, text[:1000]
    assert "reach × impact × confidence / effort" in text
    card.screenshot(path=str(ARTIFACTS / "browser-tool-card.png"))


def test_thumbs_down_stores_feedback_with_a_note_and_the_cited_sections(page, server):
    import sqlite3

    page.locator("#chatbot").get_by_label("Dislike").last.click()
    page.wait_for_selector("#feedback-note textarea", state="visible")
    page.locator("#feedback-note textarea").fill("wrong because B should rank first; mail me at jo@example.com")
    page.get_by_role("button", name="Save note").click()
    page.wait_for_selector("#feedback-note textarea", state="hidden")
    with sqlite3.connect(server["data_dir"] / "advisor.sqlite3") as conn:
        rows = conn.execute("SELECT rating, note, question, section_ids FROM ui_feedback").fetchall()
    assert len(rows) == 1
    rating, note, question, section_ids = rows[0]
    assert rating == "down" and question.startswith("Prioritise with RICE")
    assert note == "wrong because B should rank first; mail me at [email removed]"
    assert "6.1 › " in section_ids


def test_plan_builder_ranks_initiatives_from_chat_and_exports_markdown(page, server):
    for command in (
        "add 'AI site search' with reach 30000, impact 2, confidence 0.8, effort 3",
        "add 'Support chatbot' with reach 5000, impact 1, confidence 0.5, effort 1",
    ):
        page.locator("#message textarea").fill(command)
        page.locator("#send").click()
        page.wait_for_function(
            "(name) => document.querySelector('#chatbot').innerText.includes(`Added '${name}'`)",
            arg=command.split("'")[1])
    page.get_by_role("tab", name="Plan builder").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-ranking').innerText.includes('Support chatbot')")
    ranking = page.locator("#plan-ranking").inner_text()
    assert ranking.index("AI site search") < ranking.index("Support chatbot")
    assert "Search-to-Conversion Rate" in page.locator("#plan-kpis").inner_text()
    page.wait_for_function(
        "() => !document.querySelector('#download-md').disabled", timeout=30_000)
    with page.expect_download() as download:
        page.locator("#download-md").click()
    saved = ARTIFACTS / "browser-plan-export.md"
    download.value.save_as(saved)
    text = saved.read_text()
    assert "## Inputs (RICE)" in text
    assert "| AI site search | 30,000 | 2 | 0.8 | 3 |" in text
    assert "| Support chatbot | 5,000 | 1 | 0.5 | 1 |" in text
    assert "score = reach × impact × confidence / effort" in text
    assert "## Assumptions" in text and "## Citations" in text
    assert "| 1 | AI site search | 16,000 |" in text
    page.screenshot(path=str(ARTIFACTS / "browser-plan.png"), full_page=True)


def test_conversation_and_plan_survive_a_reload(page, server):
    page.reload()
    page.wait_for_selector("#message textarea")
    page.wait_for_function(
        "() => document.querySelector('#conversation-list').innerText.includes('If I implement')")
    page.locator("#conversation-list label", has_text="If I implement").first.click()
    page.wait_for_function(
        "() => /Grounded \\d+% · /.test(document.querySelector('#chatbot').innerText)")
    assert "If I implement an AI-powered personalization engine" in page.locator("#chatbot").inner_text()
    page.get_by_role("tab", name="Plan builder").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-ranking').innerText.includes('Support chatbot')")
    page.get_by_role("tab", name="Settings").click()
    settings = page.locator("#settings-panel").inner_text()
    assert "Engine: offline" in settings and "module-6-ai-strategy.md" in settings
    assert "Passages per answer (top-k): 5" in settings
    page.get_by_role("tab", name="Chat").click()
    page.screenshot(path=str(ARTIFACTS / "browser-reload.png"), full_page=True)


def test_an_option_button_answers_the_advisors_question_and_the_calculation_runs(page, server):
    page.locator("#new-conversation").click()
    page.wait_for_function("() => document.querySelectorAll('#chatbot [data-testid=\"bot\"]').length === 0")
    page.locator("#message textarea").fill("TCO please: set-up $6,000 and the subscription is $500 per month.")
    page.locator("#send").click()
    button = page.locator("#clarification-options button", has_text="2 years")
    button.wait_for(state="visible", timeout=300_000)  # the horizon is asked, its options are buttons
    assert "Over how many years" in page.locator("#chatbot").inner_text()
    bots_before = page.evaluate(BOT_COUNT_JS)
    button.click()
    page.wait_for_function(FIRST_ANSWER_TEXT_JS, arg=bots_before, timeout=300_000, polling=50)
    page.wait_for_function(  # 6,000 + 2 × 12 × 500
        "() => document.querySelector('#chatbot').innerText.includes('18,000')", timeout=300_000)
    assert "2 years" in page.locator("#chatbot").inner_text()  # the click is the user's reply
    page.locator("#clarification-options").wait_for(state="hidden")
    page.screenshot(path=str(ARTIFACTS / "browser-option-button.png"), full_page=True)


def test_a_question_sent_while_the_page_loads_waits_for_the_session_and_is_listed(page, server):
    """The page's load event tells the server whose session it is. Held back here (as a busy
    server would), a question sent meanwhile waits for it, then is stored for this session:
    it joins the conversation list and is still there after a reload."""
    import json
    import urllib.request

    with urllib.request.urlopen(server["url"] + "config", timeout=30) as response:
        config = json.load(response)
    load_events = {dep["id"] for dep in config["dependencies"] if dep.get("api_name") == "on_load"}
    assert load_events, "the app has no load event to hold back"
    held: list = []

    def hold_the_load_event(route):
        body = route.request.post_data_json or {}
        if body.get("fn_index") in load_events and not held_released:
            held.append(route)
        else:
            route.continue_()

    question = "What does RICE stand for when prioritising AI projects?"
    held_released = False
    # A new visitor (its own context: no stored session) in the module's browser.
    context = page.context.browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        context.route("**/queue/join*", hold_the_load_event)
        visitor = context.new_page()
        visitor.set_default_timeout(60_000)
        visitor.goto(server["url"])
        visitor.wait_for_selector("#message textarea")
        visitor.wait_for_function("() => window.advisorSession !== undefined")
        visitor.locator("#message textarea").fill(question)
        visitor.locator("#send").click()
        visitor.wait_for_timeout(1500)
        assert held, "the load event was not sent (or not recognised)"
        # While the session is unknown the question waits in the page: nothing is answered.
        assert visitor.evaluate(BOT_COUNT_JS) == 0
        held_released = True
        for route in held:
            route.continue_()
        visitor.wait_for_function(
            "() => /Grounded \\d+% · /.test(document.querySelector('#chatbot').innerText)",
            timeout=300_000)
        listed = ("() => document.querySelector('#conversation-list').innerText"
                  ".includes('What does RICE')")
        visitor.wait_for_function(listed, timeout=20_000)
        visitor.screenshot(path=str(ARTIFACTS / "browser-question-during-load.png"), full_page=True)
        visitor.reload()
        visitor.wait_for_selector("#message textarea")
        visitor.wait_for_function(listed, timeout=20_000)
    finally:
        context.close()
