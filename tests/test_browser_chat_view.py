"""The chat as a newcomer sees it, in a real Chromium: the first view on laptop screens, the
phone and tablet layouts, and an answer that visibly streams and can be stopped.

One `advisor ui` (offline engine, fresh index) serves every test; each test opens its own page
at the window size it checks. Screenshots go to the artefacts folder (tests/browser.py), for a
person to look at; nothing is compared pixel by pixel.
"""

from __future__ import annotations

import re

import pytest

from assistant.types import AnswerResult, StreamEvent
from browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, open_tab, require_browser
from fakes import FakeAdvisor
from servers import running_ui
from ui import look
from ui.context import NO_CITATION

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.loopback,
              pytest.mark.timeout(900)]

# The page has revealed every word of the last answer.
REVEALED_JS = """() => { const c = document.querySelector('#chatbot').dataset;
    return Number(c.words) > 0 && c.revealed === c.words; }"""
DONE_JS = "() => /Grounded \\d+% · /.test(document.querySelector('#chatbot').innerText)"
# The shown text of an element the page script shortened, and the whole text on hover.
SHORTENED_JS = """(selector) => [...document.querySelectorAll(selector)]
    .map(e => ({shown: e.textContent.trim(), title: e.getAttribute('title') || ''}))"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_browser()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    data_dir = tmp_path_factory.mktemp("advisor-view") / "advisor"
    with running_ui(data_dir, ARTIFACTS / "browser-view-server.log", start_seconds=600,
                    llm="offline") as app:
        yield app.url


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, server):
    """A fresh page (its own session) at a given window size, with the app loaded."""
    contexts = []

    def open_at(width: int, height: int):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(server)
        page.wait_for_selector("#message textarea")
        # The load event has given the page its session (and so its owner): a question sent
        # before it would belong to nobody's conversation list.
        page.wait_for_function(
            "() => !!localStorage.getItem('strategy-advisor-session')", timeout=120_000)
        page.wait_for_timeout(500)  # the page script settles
        return page

    yield open_at
    for context in contexts:
        context.close()


def course_templates() -> list[str]:
    """Each course example as "part · kind: question" with its placeholder as written."""
    from assistant.settings import DEFAULT_CORPUS
    from knowledge.parsing import parse_file
    from ui import formatting as fmt

    examples = fmt.course_examples([parse_file(DEFAULT_CORPUS)[0]])
    return [f"{e['lesson']} · {e['kind']}: {e['template']}" for e in examples]


def course_questions() -> list[str]:
    """The course's example questions, as the app would fill them in (the oracle for chips)."""
    from assistant.settings import DEFAULT_CORPUS
    from knowledge.parsing import parse_file
    from ui import formatting as fmt

    examples = fmt.course_examples([parse_file(DEFAULT_CORPUS)[0]])
    return [fmt.fill_example(e["template"], e["default"]) for e in examples]


def assert_cut_at_a_word(shown: str, whole: str) -> None:
    """`shown` is `whole`, or its start cut after a whole word and marked with "…"."""
    if shown == whole:
        return
    assert shown.endswith("…"), (shown, whole)
    kept = shown[:-1]
    assert whole.startswith(kept), (shown, whole)
    assert whole[len(kept)] in " ,;:.!?-–—([", f"cut mid-word: {shown!r} of {whole!r}"


@pytest.mark.parametrize("width,height", [(1280, 720), (1440, 900), (390, 844), (768, 1024)])
def test_the_message_box_is_in_the_first_view(open_page, width, height):
    page = open_page(width, height)
    assert page.evaluate("window.scrollY") == 0
    for selector in ("#message textarea", "#send"):
        box = page.locator(selector).bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, (
            f"{selector} is below the fold at {width}×{height}: {box}")
    # The welcome's first line shows inside the chat, under the chat's own label.
    label = page.locator('#chatbot [data-testid="block-label"]').bounding_box()
    chat = page.locator("#chatbot").bounding_box()
    first = page.locator("#chatbot .placeholder-content p").first.bounding_box()
    assert first["y"] >= label["y"] + label["height"] - 1, ("behind the label", label, first)
    assert first["y"] + first["height"] <= chat["y"] + chat["height"], ("scrolled out", first)
    page.screenshot(path=str(ARTIFACTS / f"view-first-{width}x{height}.png"))


def test_the_empty_chat_welcomes_with_course_questions_as_chips(open_page):
    page = open_page(1440, 900)
    assert "Welcome" in page.locator("#chatbot").inner_text()
    chips = page.evaluate(SHORTENED_JS, "#chatbot button.example .example-text")
    assert 3 <= len(chips) <= 4, chips
    questions = course_questions()
    for chip in chips:
        assert chip["title"] in questions, chip  # the whole question, from the course
        assert_cut_at_a_word(chip["shown"], chip["title"])
        assert len(chip["shown"]) < 80
    assert any(chip["shown"] != chip["title"] for chip in chips), "long questions are shortened"
    # The accordion's longer list: labels cut at a word, the whole question on hover.
    page.locator("#examples-accordion").get_by_text("More example questions").click()
    page.wait_for_timeout(500)
    listed = page.evaluate(SHORTENED_JS, "#examples .gallery-item div")
    assert len(listed) >= 4
    templates = [t.split(": ", 1)[1] for t in course_templates()]
    for entry in listed:
        assert entry["title"] in templates, entry
        shown = entry["shown"].split(": ", 1)[1]
        assert_cut_at_a_word(shown, entry["title"])
    # A chip puts its whole question in the message box.
    page.locator("#chatbot button.example").nth(1).click()
    page.wait_for_function(
        "(q) => document.querySelector('#message textarea').value === q", arg=chips[1]["title"])


@pytest.mark.parametrize("width,height", [(390, 844), (768, 1024)])
def test_phone_and_tablet_start_with_the_sidebar_closed_and_open_it_over_the_page(
        open_page, width, height):
    page = open_page(width, height)
    sidebar = page.locator("#conversations")
    toggle = sidebar.locator(".toggle-button")

    def on_screen(locator) -> bool:
        box = locator.bounding_box()
        return bool(box) and box["x"] >= 0 and box["x"] + box["width"] <= width

    assert "open" not in (sidebar.get_attribute("class") or "")
    assert on_screen(toggle), "the control that opens the conversations is on screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
    page.screenshot(path=str(ARTIFACTS / f"view-phone-{width}x{height}.png"))

    toggle.click()
    page.wait_for_function("() => document.querySelector('#conversations').classList.contains('open')")
    page.wait_for_timeout(500)  # the slide-in
    panel = sidebar.bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= width, panel
    assert on_screen(toggle), "the close control is on screen"
    main = page.locator("#message textarea").bounding_box()
    assert main["x"] < panel["x"] + panel["width"], "the panel lies over the page, not beside it"
    page.screenshot(path=str(ARTIFACTS / f"view-phone-{width}x{height}-sidebar.png"))
    toggle.click()
    page.wait_for_function("() => !document.querySelector('#conversations').classList.contains('open')")


FOLDED_JS = """() => { const label = document.querySelector('#answer-details button.label-wrap');
    return label ? !label.classList.contains('open') : null; }"""


@pytest.mark.parametrize("width,height", [(390, 844), (768, 1024)])
def test_on_a_phone_the_sources_fold_under_the_answer(open_page, width, height):
    """Where the columns stack, the answer's details fold to one line under the answer and
    open on a tap; where there is room they stay open beside it."""
    page = open_page(width, height)
    page.locator("#message textarea").fill(course_questions()[1])
    page.locator("#send").click()
    page.wait_for_function(DONE_JS, timeout=300_000)
    page.wait_for_function(REVEALED_JS, timeout=30_000)
    chat = page.locator("#chatbot").bounding_box()
    details = page.locator("#answer-details").bounding_box()
    if details["x"] >= chat["x"] + chat["width"]:  # room for both columns: open beside it
        assert page.evaluate(FOLDED_JS) is False and page.locator("#citations").is_visible()
        page.screenshot(path=str(ARTIFACTS / f"view-phone-{width}x{height}-answer.png"))
        return
    assert page.evaluate(FOLDED_JS) is True, "under the chat, the answer's details start folded"
    assert not page.locator("#citations").is_visible(), "folded: no sources list in the way"
    header = page.locator("#answer-details button.label-wrap")
    top = header.bounding_box()["y"]
    # The folded sources follow the answer closely: within a third of a screen of the chat.
    assert chat["y"] + chat["height"] <= top <= chat["y"] + chat["height"] + height / 3, (
        chat, top)
    header.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"view-phone-{width}x{height}-answer.png"))
    header.click()
    page.locator("#citations").wait_for(state="visible")
    page.locator("#citations label").first.click()
    page.wait_for_function(  # past Gradio's timer ("0.0s") shown while the update lands
        "(none) => { const t = document.querySelector('#citation-panel').innerText;"
        " return !t.includes(none) && t.trim().startsWith('[1]'); }",
        arg=NO_CITATION.strip("_"), timeout=60_000)
    assert page.locator("#citation-panel").inner_text().startswith("[1]")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
    page.locator("#citation-panel").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"view-phone-{width}x{height}-sources.png"))


def test_on_a_wide_screen_the_sources_stay_open_beside_the_chat(open_page):
    page = open_page(1440, 900)
    assert page.evaluate(FOLDED_JS) is False
    details = page.locator("#answer-details").bounding_box()
    chat = page.locator("#chatbot").bounding_box()
    assert details["x"] >= chat["x"] + chat["width"], "beside the chat, not under it"


def test_a_calculation_shows_its_tool_card_before_the_answer_text(open_page):
    """The card of the calculator the engine ran shows above the answer, and no later than the
    answer's first words."""
    page = open_page(1440, 900)
    page.evaluate("""() => {
        window.__order = [];
        const chat = document.querySelector('#chatbot');
        new MutationObserver(() => {
            const bots = [...chat.querySelectorAll('[data-testid="bot"]')];
            const card = bots.findIndex(b => /Tool: /.test(b.innerText));
            const text = bots.findIndex(b => !b.querySelector('.thought-group')
                                             && b.innerText.trim().length > 0);
            window.__order.push([card, text]);
        }).observe(chat, {childList: true, subtree: true, characterData: true});
    }""")
    page.locator("#message textarea").fill(
        "Prioritise with RICE: A reach 1000 impact 2 confidence 0.8 effort 2; "
        "B reach 500 impact 3 confidence 0.5 effort 1")
    page.locator("#send").click()
    page.wait_for_function(DONE_JS, timeout=300_000)
    order = page.evaluate("window.__order")
    first_text = next(i for i, (_, text) in enumerate(order) if text >= 0)
    card, text = order[first_text]
    assert card >= 0, f"the answer's text showed before its tool card: {order[:first_text + 1]}"
    assert card < text, "the card sits above the answer"
    page.screenshot(path=str(ARTIFACTS / "view-tool-card-first.png"))


def test_an_answer_streams_in_several_steps_and_its_conversation_title_is_cut_at_a_word(
        open_page):
    page = open_page(1440, 900)
    question = course_questions()[1]
    page.locator("#message textarea").fill(question)
    # Record how many of the answer's words the page shows at every step of its reveal.
    # [shown, words in the answer, words painted transparent] at every step of the reveal.
    page.evaluate("""(name) => {
        window.__shown = [];
        const chat = document.querySelector('#chatbot');
        new MutationObserver(() => {
            const hidden = [...(CSS.highlights.get(name) || [])].map(r => r.toString())
                .join(' ').split(/\\s+/).filter(Boolean).length;
            window.__shown.push([Number(chat.dataset.revealed), Number(chat.dataset.words),
                                 hidden]);
        }).observe(chat, {attributes: true, attributeFilter: ['data-revealed', 'data-words']});
    }""", look.UNREVEALED)
    page.locator("#send").click()
    page.wait_for_function(DONE_JS, timeout=300_000)
    page.wait_for_function(REVEALED_JS, timeout=30_000)  # the reveal catches up
    steps = page.evaluate("window.__shown")
    shown = [n for n, _, _ in steps]
    growing = [n for a, n in zip(shown, shown[1:]) if n > a]
    assert len(growing) >= 3, f"the answer was revealed in {len(growing)} step(s): {steps}"
    # Midway the answer's text is all there, the words not yet revealed painted transparent.
    midway = [(n, words, hidden) for n, words, hidden in steps if 0 < n < words]
    assert midway and all(n + hidden == words for n, words, hidden in midway), steps

    titles = page.evaluate(SHORTENED_JS, "#conversation-list label > span")
    assert titles, "the new conversation is listed"
    stored = titles[0]["title"]  # the store keeps a title of 80 characters: cut at a word
    assert len(stored) <= 80
    assert_cut_at_a_word(stored, question)
    assert_cut_at_a_word(titles[0]["shown"], stored)
    assert titles[0]["shown"] != stored


FOCUSED_IN_JS = "(s) => !!(document.activeElement && document.activeElement.closest(s))"


def tab_to(page, selector: str, limit: int = 80, key: str = "Tab") -> int:
    """Presses `key` until the focus is inside `selector`; the number of presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if page.evaluate(FOCUSED_IN_JS, selector):
            return presses
    raise AssertionError(f"{selector} is not reached with {limit} presses of {key}")


def test_keyboard_only_a_question_its_citations_stop_and_an_options_reply(open_page):
    """Tab to the message box, type, Enter sends; Tab reaches Stop and the answer's sources
    (Space opens one); on a clarifying question's options Escape goes back to the message box
    and Enter on an option sends it as the reply."""
    page = open_page(1440, 900)
    tab_to(page, "#message")
    page.keyboard.type(course_questions()[1])
    page.keyboard.press("Enter")
    page.wait_for_function(DONE_JS, timeout=300_000)
    assert page.evaluate(FOCUSED_IN_JS, "#message")  # sending leaves the focus in the box
    tab_to(page, "#stop", limit=3)  # the box, Send, Stop: Stop is two presses away
    tab_to(page, "#citations", limit=40)
    page.keyboard.press("Space")
    # Gradio shows its timer ("0.0s") over the panel while the update lands: wait for the passage.
    page.wait_for_function(
        "(none) => { const t = document.querySelector('#citation-panel').innerText;"
        " return !t.includes(none) && t.trim().startsWith('[1]'); }",
        arg=NO_CITATION.strip("_"), timeout=60_000)
    panel = page.locator("#citation-panel").inner_text()
    assert panel.startswith("[1]") and "Quote" in panel, panel  # source 1's passage

    # A calculation whose horizon is asked: its options are buttons under the chat.
    tab_to(page, "#message", key="Shift+Tab")
    page.keyboard.type("TCO please: set-up $6,000 and the subscription is $500 per month.")
    page.keyboard.press("Enter")
    page.locator("#clarification-options button").first.wait_for(state="visible",
                                                                  timeout=300_000)
    tab_to(page, "#clarification-options button", limit=30)
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUSED_IN_JS, "#message"), "Escape goes back to the message box"
    tab_to(page, "#clarification-options button", limit=30)
    while "2 years" not in page.evaluate("document.activeElement.innerText"):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED_IN_JS, "#clarification-options"), "no '2 years' option"
    page.keyboard.press("Enter")
    page.wait_for_function(  # 6,000 + 2 × 12 × 500
        "() => document.querySelector('#chatbot').innerText.includes('18,000')", timeout=300_000)
    page.wait_for_function(REVEALED_JS, timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "view-keyboard-only.png"))


class HeldAdvisor(FakeAdvisor):
    """Shows the first words of its answer, then holds the rest until `gate` is set."""

    def stream(self, question, conversation_id=None, role="learner", question_id=None,
               remember=True):
        self.asked.append((question, conversation_id, role))
        # Long enough that the page is still revealing it when Stop is pressed.
        yield StreamEvent(type="token", text="The first words " + "and more words " * 60)
        self.gate.wait(60)
        yield StreamEvent(type="token", text="and the words after the stop.")
        yield StreamEvent(type="final", result=AnswerResult(
            question=str(question), answer="The first words and the words after the stop.",
            role=role))


def test_stop_ends_the_answer_being_streamed(browser, tmp_path):
    """An answer held after its first words (an in-process app on a scripted advisor): Stop
    ends it, the rest never shows, and the chat answers the next question."""
    from servers import LOOPBACK, free_port

    from assistant.settings import Settings
    from ui.app import build_app

    settings = Settings(data_dir=tmp_path)
    advisor = HeldAdvisor(settings)
    advisor.gate.clear()
    demo = build_app(settings, advisor)
    demo.queue()
    port = free_port()
    demo.launch(server_name=LOOPBACK, server_port=port, prevent_thread_lock=True,
                ssr_mode=False, css=look.CSS, head=look.head())
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"http://{LOOPBACK}:{port}/")
        page.wait_for_selector("#message textarea")
        page.locator("#message textarea").fill("What does RICE stand for?")
        page.locator("#send").click()
        page.wait_for_function(
            "() => document.querySelector('#chatbot').innerText.includes('The first words')")
        page.locator("#stop").click()
        revealed = "() => Number(document.querySelector('#chatbot').dataset.revealed)"
        stopped_at = page.evaluate(revealed)
        page.wait_for_timeout(1500)
        advisor.gate.set()  # the engine goes on: its words must not reach the stopped chat
        page.wait_for_timeout(1500)
        chat = page.locator("#chatbot").inner_text()
        assert "The first words" in chat and "after the stop" not in chat
        # Stop also ends the page's reveal: no word shows after it.
        words = page.evaluate("() => Number(document.querySelector('#chatbot').dataset.words)")
        assert page.evaluate(revealed) == stopped_at < words, (stopped_at, words)
        page.locator("#message textarea").fill("And ICE?")
        page.locator("#send").click()
        page.wait_for_function(
            "() => document.querySelector('#chatbot').innerText.includes('after the stop')")
        page.close()
    finally:
        demo.close()


RANKING_JS = """() => [...document.querySelectorAll('#plan-ranking [role="row"]')]
    .map(row => [...row.querySelectorAll('[role="gridcell"]')].map(c => c.innerText.trim()))
    .filter(cells => cells.length)"""
CHART_JS = """() => { const plot = document.querySelector('#plan-matrix .js-plotly-plot');
    if (!plot || !plot.data || !plot.data.length) return null;
    return {points: plot.data[0].customdata.map((c, i) =>
                ({name: c[0], quadrant: c[3], x: plot.data[0].x[i], y: plot.data[0].y[i]})),
            shapes: plot.layout.shapes.map(s => [s.x0, s.x1, s.y0, s.y1]),
            labels: plot.layout.annotations.map(a => [a.text, a.x, a.y])}; }"""
QUADRANT_LABELS = {"Quick wins": "quick win", "Big bets": "big bet", "Fill-ins": "fill-in",
                   "Money pits": "money pit"}


def add_to_plan(page, *commands: str) -> None:
    for command in commands:
        page.locator("#plan-command textarea").fill(command)
        page.locator("#plan-add").click()
        page.wait_for_function(
            "(n) => document.querySelector('#plan-status').innerText.includes(`Added '${n}'`)",
            arg=command.split("'")[1])


METHOD_SHOWN_JS = ("() => [...document.querySelectorAll('#plan-method input')]"
                   ".filter(i => i.checked).map(i => i.value).join()")


def method_shown(page) -> str:
    return page.evaluate(METHOD_SHOWN_JS)


def settles_on_method(page, method: str, timeout_ms: int = 15_000) -> str:
    """The method the control shows once it settles on `method`, or the one it still shows after
    `timeout_ms`. The status line and the radio are two outputs of one reply, drawn one after
    the other: CI once read the radio between the two (stop 36)."""
    try:
        page.wait_for_function(f"(m) => ({METHOD_SHOWN_JS})() === m", arg=method,
                               timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - the caller's assertion names what is shown instead
        pass
    return method_shown(page)


def assert_chart_agrees_with_the_table(page, names: list[str]) -> None:
    page.wait_for_function(
        "(names) => { const t = document.querySelector('#plan-ranking').innerText;"
        " return names.every(n => t.includes(n)); }", arg=names, timeout=60_000)
    page.wait_for_function(
        f"(n) => {{ const c = ({CHART_JS})(); return c && c.points.length === n; }}",
        arg=len(names), timeout=60_000)
    # The table and the chart come from one reply but are drawn one after the other: after a
    # method switch, wait until the table shows the quadrants the chart shows (a timeout here
    # is a disagreement that never resolves).
    page.wait_for_function(
        f"""() => {{ const c = ({CHART_JS})(); if (!c) return false;
            const rows = ({RANKING_JS})();
            const table = Object.fromEntries(rows.map(r => [r[1], r[5]]));
            return c.points.every(p => table[p.name] === p.quadrant); }}""", timeout=60_000)
    table = {row[1]: row[5] for row in page.evaluate(RANKING_JS)}  # initiative -> quadrant
    chart = page.evaluate(CHART_JS)
    (effort_line,) = [s[0] for s in chart["shapes"] if s[0] == s[1]]
    (value_line,) = [s[2] for s in chart["shapes"] if s[2] == s[3]]
    on_a_line = 0
    for point in chart["points"]:
        # The rule printed under the chart: high value is value ≥ the line, high effort is
        # effort > the line.
        high_value, high_effort = point["y"] >= value_line, point["x"] > effort_line
        region = {(True, False): "quick win", (True, True): "big bet",
                  (False, False): "fill-in", (False, True): "money pit"}[high_value, high_effort]
        assert table[point["name"]] == point["quadrant"] == region, (point, table)
        on_a_line += point["y"] == value_line or point["x"] == effort_line
    assert on_a_line, "the plan has a point on a line, so the boundary rule is checked"
    ys = [p["y"] for p in chart["points"]]
    for text, x, y in chart["labels"]:
        if text not in QUADRANT_LABELS:
            continue
        quadrant = QUADRANT_LABELS[text]
        assert (x <= effort_line) == (quadrant in ("quick win", "fill-in")), (text, x)
        top = quadrant in ("quick win", "big bet")
        assert (y > value_line) == top, (text, y)
        assert (y > max(ys)) if top else (y < min(ys)), f"{text} sits among the points"


def test_plan_builder_method_switches_and_a_matrix_that_agrees_with_the_table(open_page):
    page = open_page(1440, 900)
    page.get_by_role("tab", name="Plan builder").click()
    # Three initiatives: efforts 2, 1, 4, so 'Search' lies on the effort line (the median).
    rice = ["Search", "Chatbot", "Emails"]
    add_to_plan(page, "add 'Search' with reach 1000, impact 2, confidence 0.8, effort 2",
                "add 'Chatbot' with reach 500, impact 3, confidence 0.5, effort 1",
                "add 'Emails' with reach 300, impact 1, confidence 1, effort 4")
    assert_chart_agrees_with_the_table(page, rice)
    assert method_shown(page) == "rice"
    # Hovering a point names its initiative, rank, scores and quadrant.
    page.locator("#plan-matrix").scroll_into_view_if_needed()
    dot = page.locator("#plan-matrix .scatterlayer path.point").first.bounding_box()
    page.mouse.move(dot["x"] + dot["width"] / 2, dot["y"] + dot["height"] / 2)
    page.wait_for_function(
        "() => /rank \\d+ · score/.test(document.querySelector('#plan-matrix .hoverlayer')"
        "?.textContent || '')")
    hover = page.locator("#plan-matrix .hoverlayer").text_content()
    assert any(name in hover for name in rice), hover
    page.get_by_test_id("ICE-radio-label").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('Cannot switch to ICE')")
    assert "ease" in page.locator("#plan-status").inner_text()
    page.wait_for_function("() => document.querySelector('#plan-method input:checked').value === 'rice'")
    assert_chart_agrees_with_the_table(page, rice)
    page.screenshot(path=str(ARTIFACTS / "view-plan-rice.png"), full_page=True)

    # Value/effort converts the RICE figures; ICE from there asks; RICE comes back as given.
    page.get_by_test_id("value/effort-radio-label").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('converted from RICE')")
    page.wait_for_function("() => document.querySelector('#plan-method input:checked').value"
                           " === 'value_effort'")
    assert_chart_agrees_with_the_table(page, rice)
    page.screenshot(path=str(ARTIFACTS / "view-plan-value-effort.png"), full_page=True)
    page.get_by_test_id("ICE-radio-label").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('Cannot switch to ICE')")
    page.wait_for_function("() => document.querySelector('#plan-method input:checked').value"
                           " === 'value_effort'")
    page.get_by_test_id("RICE-radio-label").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('Switched back to RICE')")
    assert settles_on_method(page, "rice") == "rice"
    assert_chart_agrees_with_the_table(page, rice)

    page.locator("button", has_text="Clear plan").click()
    page.wait_for_function(
        "() => !document.querySelector('#plan-ranking').innerText.includes('Search')")
    ice = ["Quiz", "Stylist", "Returns"]
    add_to_plan(page, "add 'Quiz' with impact 7, confidence 6, ease 8",
                "add 'Stylist' with impact 9, confidence 5, ease 3",
                "add 'Returns' with impact 4, confidence 8, ease 6")
    page.wait_for_function("() => document.querySelector('#plan-method input:checked').value === 'ice'")
    assert_chart_agrees_with_the_table(page, ice)
    page.get_by_test_id("RICE-radio-label").click()
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('Cannot switch to RICE')")
    page.wait_for_function("() => document.querySelector('#plan-method input:checked').value === 'ice'")
    assert_chart_agrees_with_the_table(page, ice)

    # On a phone the tables scroll inside their boxes and the chart shrinks to the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(1500)
    if "open" in (page.locator("#conversations").get_attribute("class") or ""):
        page.locator("#conversations .toggle-button").click()  # opened at desktop width
        page.wait_for_timeout(500)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways page scroll"
    for selector in ("#plan-ranking", "#plan-table", "#plan-matrix .main-svg"):
        box = page.locator(selector).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (selector, box)
    page.wait_for_timeout(1000)  # the chart redraws for its new box
    chart = page.locator("#plan-matrix .main-svg").first.bounding_box()
    box = page.locator("#plan-matrix").bounding_box()
    assert chart["width"] >= 0.8 * box["width"], f"the chart did not resize: {chart} in {box}"
    page.screenshot(path=str(ARTIFACTS / "view-plan-390x844.png"), full_page=True)


def test_keyboard_only_the_plan_builder_adds_initiatives_and_switches_method(open_page):
    """Tab to the Plan builder tab and Enter opens it; Tab to the command box, type, Enter adds;
    Tab to a method's option and Space switches to it (value/effort converts, RICE comes back
    as given)."""
    page = open_page(1440, 900)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role') === 'tab' && "
                         "document.activeElement.innerText.trim() === 'Plan builder'"):
            break
    else:
        raise AssertionError("the Plan builder tab is not reached with Tab")
    page.keyboard.press("Enter")
    page.locator("#plan-command textarea").wait_for(state="visible")
    tab_to(page, "#plan-command", limit=20)
    for command in ("add 'Search' with reach 1000, impact 2, confidence 0.8, effort 2",
                    "add 'Chatbot' with reach 500, impact 3, confidence 0.5, effort 1"):
        page.keyboard.type(command)
        page.wait_for_function("(c) => document.activeElement.value === c", arg=command)
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(n) => document.querySelector('#plan-status').innerText.includes(`'${n}'`)",
            arg=command.split("'")[1], timeout=120_000)
        status = page.locator("#plan-status").inner_text()
        assert f"Added '{command.split(chr(39))[1]}'" in status, status
        assert page.evaluate(FOCUSED_IN_JS, "#plan-command"), "the focus stays in the box"
    # Gradio's radio options are each a stop of their own: Tab reaches an option, Space picks it.
    tab_to(page, "#plan-method", limit=20)
    assert page.evaluate("document.activeElement.value") == "rice"
    while page.evaluate("document.activeElement.value") != "value_effort":
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED_IN_JS, "#plan-method"), "no value/effort option"
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('converted from RICE')")
    assert settles_on_method(page, "value_effort") == "value_effort"
    while page.evaluate("document.activeElement.value") != "rice":
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUSED_IN_JS, "#plan-method"), "no RICE option"
    page.keyboard.press("Space")
    page.wait_for_function(
        "() => document.querySelector('#plan-status').innerText.includes('Switched back to RICE')")
    assert settles_on_method(page, "rice") == "rice"
    page.screenshot(path=str(ARTIFACTS / "view-plan-keyboard.png"))


# A table's sideways scroll box, as the page script marks it while it scrolls (ui.look).
TABLE_BOX_JS = """(id) => { const box = document.querySelector(`#${id} .table-container`);
    const grid = box.querySelector('[role="grid"]');
    const header = [...box.querySelectorAll('[role="columnheader"]')].pop();
    return {role: box.getAttribute('role'), tabindex: box.getAttribute('tabindex'),
            label: box.getAttribute('aria-label'), inGrid: !!box.closest('[role="grid"]'),
            gridName: grid && grid.getAttribute('aria-label'),
            scrolls: box.scrollWidth > box.clientWidth, scrollLeft: box.scrollLeft,
            box: box.getBoundingClientRect().toJSON(),
            last: header && header.getBoundingClientRect().toJSON()}; }"""
# The focused element's place: its column (in a grid) and whether it lies inside its scroll box.
FOCUS_SHOWN_JS = """() => { const a = document.activeElement;
    const box = a.closest('.table-container').getBoundingClientRect();
    const r = a.getBoundingClientRect();
    return {col: Number(a.getAttribute('aria-colindex') || a.closest('[aria-colindex]')
                       ?.getAttribute('aria-colindex') || 0),
            text: a.innerText.trim(), shown: r.left >= box.left - 1 && r.right <= box.right + 1};
    }"""


def inside(inner: dict, outer: dict) -> bool:
    """`inner` lies within `outer` from left to right (bounding boxes, 1 px slack)."""
    left, right = outer["x"] - 1, outer["x"] + outer["width"] + 1
    return inner["x"] >= left and inner["x"] + inner["width"] <= right


def test_on_a_phone_wide_tables_scroll_in_a_named_region_a_keyboard_can_scroll(open_page):
    """At 390 px the plan's tables are wider than the screen: each scrolls sideways in its own
    box, never the page, and that box (outside Gradio's grid) is a named region that takes the
    focus, so arrow keys scroll it; in a filled table the arrow keys walk the cells to the last
    column and each one is scrolled into view. Axe finds nothing serious on the filled tab."""
    page = open_page(390, 844)
    open_tab(page, "Plan builder")
    page.locator("#plan-ranking").scroll_into_view_if_needed()
    for id_, name in (("plan-table", "Initiatives (editable)"), ("plan-ranking", "Ranking")):
        page.wait_for_function(f"(id) => ({TABLE_BOX_JS})(id).role === 'region'", arg=id_)
        box = page.evaluate(TABLE_BOX_JS, id_)
        assert box["scrolls"] and box["tabindex"] == "0" and not box["inGrid"], box
        assert box["label"] == f"{name}, scrolls sideways" and box["gridName"] == name, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways page scroll"

    # The empty ranking: Tab reaches its box, arrow keys bring its last column into view.
    page.locator("#plan-table .table-container").focus()
    tab_to(page, "#plan-ranking", limit=10)
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    box = page.evaluate(TABLE_BOX_JS, "plan-ranking")
    assert not inside(box["last"], box["box"]), "the last column starts out of view"
    last_shown = f"""(id) => {{ const b = ({TABLE_BOX_JS})(id);
        return b.last.x >= b.box.x - 1
               && b.last.x + b.last.width <= b.box.x + b.box.width + 1; }}"""
    for _ in range(40):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)  # the browser scrolls smoothly: let each step land
        if page.evaluate(last_shown, "plan-ranking"):
            break
    page.wait_for_function(last_shown, arg="plan-ranking", timeout=5_000)
    box = page.evaluate(TABLE_BOX_JS, "plan-ranking")
    assert box["scrollLeft"] > 0 and inside(box["last"], box["box"]), box
    page.screenshot(path=str(ARTIFACTS / "view-plan-tables-empty-390x844.png"), full_page=True)

    add_to_plan(page, "add 'Warehouse slotting' with reach 800, impact 2, confidence 0.5, effort 3",
                "add 'Gift finder' with reach 2500, impact 1, confidence 0.8, effort 1")
    page.wait_for_function(
        "() => document.querySelector('#plan-ranking').innerText.includes('Warehouse slotting')")
    page.wait_for_timeout(1000)
    columns = page.evaluate("document.querySelectorAll('#plan-ranking [role=columnheader]').length")
    # Tab goes from the box into the grid's cells; the arrow keys walk them to the last column.
    page.locator("#plan-ranking .table-container").focus()
    tab_to(page, "#plan-ranking [role=gridcell]", limit=6)
    seen = [page.evaluate(FOCUS_SHOWN_JS)]
    for _ in range(columns - 1):
        page.keyboard.press("ArrowRight")
        try:  # the next cell takes the focus and its box scrolls it into view
            page.wait_for_function(f"(c) => {{ const f = ({FOCUS_SHOWN_JS})(); "
                                   "return f.col > c && f.shown; }", arg=seen[-1]["col"],
                                   timeout=10_000)
        finally:
            seen.append(page.evaluate(FOCUS_SHOWN_JS))
    assert [s["col"] for s in seen] == list(range(1, columns + 1)), seen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways page scroll"

    axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
    report = axe_sync.Axe().run(page).response
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    page.screenshot(path=str(ARTIFACTS / "view-plan-tables-390x844.png"), full_page=True)


def test_a_table_that_fits_its_box_is_no_stop_of_its_own(open_page):
    """The scroll region is only for a table wider than its box: on a wide screen the plan's
    tables fit and Tab does not stop on their boxes."""
    page = open_page(1440, 900)
    page.get_by_role("tab", name="Plan builder").click()
    page.locator("#plan-ranking").scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    for id_ in ("plan-table", "plan-ranking"):
        box = page.evaluate(TABLE_BOX_JS, id_)
        assert not box["scrolls"], box
        assert box["role"] is None and box["tabindex"] is None and box["label"] is None, box


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
def test_no_tab_has_a_serious_or_critical_accessibility_violation(open_page, width, height):
    axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = open_page(width, height)
    found = []
    # With no account configured the one local user has every tab, the instructors' included.
    for tab in ("Chat", "Plan builder", "Check answers", "What learners ask", "Course material",
                "Settings"):
        open_tab(page, tab)
        page.wait_for_timeout(1000)
        report = axe_sync.Axe().run(page).response
        found += [(tab, v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                  for v in report["violations"] if v["impact"] in ("serious", "critical")]
    assert not found, found
