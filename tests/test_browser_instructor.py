"""End to end in a real Chromium, with accounts: an instructor signs in, checks a pasted answer
and downloads the report; a learner signs in and reaches no instructor function, neither in the
page nor by calling the Gradio API directly; a session that never signed in gets nothing.

`advisor users add` (a child process, as an administrator would) makes the accounts, then
`advisor ui` starts on a free loopback port. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import ROOT, run_advisor, running_ui  # noqa: E402
from browser import CHROMIUM, CHROMIUM_ARGS, require_browser as _require_browser  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.loopback,
              pytest.mark.timeout(900)]

ARTIFACTS = ROOT / "test-artifacts"
# ida: an instructor no test locks out (the guessing test locks ada's name for its window).
ACCOUNTS = {"ada": ("instructor", "ada-secret-pw"), "bob": ("learner", "bob-secret-pw"),
            "ida": ("instructor", "ida-secret-pw")}
OFF_TOPIC = "My name is Bob Stone: what will the weather be in Paris tomorrow?"
INVENTED = "Quarterly moon phases determine the warehouse paint colour for 93% of shops."


@pytest.fixture(scope="module")
def server(tmp_path_factory, request):
    _require_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    data_dir = tmp_path_factory.mktemp("advisor-accounts") / "advisor"
    for name, (role, password) in ACCOUNTS.items():
        done = run_advisor(["users", "add", name, "--role", role, "--password-stdin"], data_dir,
                           input=password + "\n", text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    # a log per module: tests/test_browser_material.py starts its own server from this fixture
    log = ARTIFACTS / f"browser-accounts-server-{request.module.__name__.removeprefix('test_browser_')}.log"
    with running_ui(data_dir, log, start_seconds=600,
                    llm="offline") as app:
        yield app


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _signed_in(browser, url: str, name: str, height: int = 1100):
    context = browser.new_context(viewport={"width": 1440, "height": height},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.locator("input[type=text]").fill(name)
    page.locator("input[type=password]").fill(ACCOUNTS[name][1])
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#message textarea")
    page.wait_for_timeout(1500)  # the load events set the session's tabs
    return page


def test_an_instructor_checks_a_pasted_answer_and_downloads_the_report(browser, server):
    page = _signed_in(browser, server.url, "ada")
    page.get_by_role("tab", name="Check answers").click()
    page.locator("#check-question textarea").fill("What should a team measure?")
    page.locator("#check-answer textarea").fill(INVENTED)
    page.locator("#check-run").click()
    status = page.locator("#check-status")
    status.get_by_text(re.compile(r"claim sentences are supported")).wait_for()
    assert "Unsupported" in status.inner_text()
    assert INVENTED in page.locator("#check-sentences").inner_text()
    page.screenshot(path=str(ARTIFACTS / "browser-check-answers.png"), full_page=True)
    for button, suffix, marker in [("#check-download-html", ".html", "<!doctype html>"),
                                   ("#check-download-csv", ".csv", "sentence,claim")]:
        with page.expect_download() as download:
            page.locator(button).click()
        saved = ARTIFACTS / f"check-report{suffix}"
        download.value.save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert marker in text and "unsupported" in text and "moon phases" in text
    page.context.close()


def test_a_learner_sees_no_instructor_tab_and_cannot_pose_as_one(browser, server):
    page = _signed_in(browser, server.url, "bob")
    assert page.get_by_role("tab", name="Chat").is_visible()
    assert page.get_by_role("tab", name="Check answers").count() == 0
    assert page.get_by_role("tab", name="What learners ask").count() == 0
    assert "Instructor" not in page.locator("#role").inner_text()
    page.locator("#message textarea").fill(OFF_TOPIC)
    page.locator("#send").click()
    page.wait_for_function("""() => [...document.querySelectorAll('#chatbot [data-testid="bot"]')]
        .some(e => e.innerText.trim().length > 20)""")
    page.screenshot(path=str(ARTIFACTS / "browser-learner-tabs.png"), full_page=True)
    page.context.close()


def test_a_learner_calling_the_api_directly_is_refused(server):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    learner = Client(server.url, auth=("bob", ACCOUNTS["bob"][1]), verbose=False)
    with pytest.raises(AppError, match="for instructors") as refused:
        learner.predict("Q?", INVENTED, api_name="/check_answer")
    (ARTIFACTS / "learner-api-refusal.txt").write_text(f"{type(refused.value).__name__}: "
                                                      f"{refused.value}\n", encoding="utf-8")
    with pytest.raises(AppError, match="for instructors"):
        learner.predict("All time", "All modules", api_name="/learner_insights")
    instructor = Client(server.url, auth=("ada", ACCOUNTS["ada"][1]), verbose=False)
    status, *_ = instructor.predict("Q?", INVENTED, api_name="/check_answer")
    assert "claim sentences" in status


LEFT_CALCULATION = "I'm Bob Stone. TCO please: set-up $6,000 and the subscription is $500 per month."
COURSE_QUESTION = "What does the RICE formula multiply?"
CHART_JS = """() => { const plot = document.querySelector('#insights-chart .js-plotly-plot');
    return plot && plot.data ? plot.data.map(t => [t.name, t.y.reduce((a, b) => a + b, 0)])
                             : null; }"""


def test_an_instructor_sees_the_learners_refused_question_with_the_name_masked(browser, server):
    from gradio_client import Client

    # The learner asks about the course, and leaves a calculation at the question asked back.
    learner = Client(server.url, auth=("bob", ACCOUNTS["bob"][1]), verbose=False)
    learner.predict(COURSE_QUESTION, "learner", api_name="/respond")
    chat = learner.predict(LEFT_CALCULATION, "learner", api_name="/respond")[0]
    assert "how many years" in str(chat[-1]).lower(), chat[-1]  # the horizon is asked back

    page = _signed_in(browser, server.url, "ada")
    page.get_by_role("tab", name="What learners ask").click()
    page.locator("#insights-refresh").click()
    refused = page.locator("#insights-refused")
    page.wait_for_function("""() => document.querySelector('#insights-refused')
        .innerText.includes('weather be in Paris')""")
    assert "Bob Stone" not in page.locator("body").inner_text()
    assert "[name]" in refused.inner_text()
    left = page.locator("#insights-unanswered").inner_text()
    assert "TCO please" in left and "[name]" in left and "how many years" in left.lower(), left
    # The chart: one series per section, with the counts of the "Questions per section" table.
    page.wait_for_function(f"() => !!({CHART_JS})() && ({CHART_JS})().length > 0")
    table = page.locator("#insights-sections").inner_text()
    for section, count in page.evaluate(CHART_JS):
        assert section in table and count >= 1, (section, count, table)
    page.screenshot(path=str(ARTIFACTS / "browser-what-learners-ask.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("#insights-csv").click()
    saved = ARTIFACTS / "what-learners-ask.csv"
    download.value.save_as(saved)
    exported = saved.read_text(encoding="utf-8")
    assert "weather" in exported and "unanswered," in exported
    assert "Bob Stone" not in exported
    page.context.close()


def test_without_signing_in_nothing_is_served_and_guessing_is_bounded(server):
    assert httpx.post(server.url + "gradio_api/call/check_answer",
                      json={"data": ["", INVENTED]}).status_code == 401
    logins = [httpx.post(server.url + "login", data={"username": "ada", "password": f"guess{n}"})
              for n in range(5)]
    assert all(r.status_code == 400 for r in logins)
    right = httpx.post(server.url + "login",
                       data={"username": "ada", "password": ACCOUNTS["ada"][1]})
    assert right.status_code == 400  # locked for the window, even with the right password


# What an instructor sees on each of their tabs with something in it, audited by axe-core.
INSTRUCTOR_TABS = {"Check answers": "check-answers", "What learners ask": "what-learners-ask",
                   "Course material": "course-material"}


def _axe_counts(report: dict) -> dict:
    """Violating nodes by impact, and the rules they broke."""
    counts: dict = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0, "rules": []}
    for violation in report["violations"]:
        counts[violation["impact"] or "minor"] += len(violation["nodes"])
        counts["rules"].append(f"{violation['id']} ({violation['impact']})")
    return counts


def test_each_instructor_tab_with_results_has_no_serious_or_critical_axe_violation(browser,
                                                                                    server):
    axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = _signed_in(browser, server.url, "ida", height=900)
    found, counts = [], {}

    def audit(tab: str) -> None:
        page.wait_for_timeout(800)
        report = axe_sync.Axe().run(page).response
        counts[tab] = _axe_counts(report)
        found.extend((tab, v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                     for v in report["violations"] if v["impact"] in ("serious", "critical"))
        page.screenshot(path=str(ARTIFACTS / f"instructor-{INSTRUCTOR_TABS[tab]}-1440x900.png"))

    page.get_by_role("tab", name="Check answers").click()
    page.locator("#check-answer textarea").fill(INVENTED)
    page.locator("#check-run").click()
    page.locator("#check-status").get_by_text(re.compile(r"claim sentences")).wait_for()
    audit("Check answers")

    from gradio_client import Client  # a learner's cited question, so the chart has a section

    Client(server.url, auth=("bob", ACCOUNTS["bob"][1]), verbose=False).predict(
        "How should a shop prioritize its AI projects?", "learner", api_name="/respond")
    page.get_by_role("tab", name="What learners ask").click()
    page.locator("#insights-refresh").click()
    page.wait_for_function("() => !!document.querySelector('#insights-chart .js-plotly-plot')")
    audit("What learners ask")

    page.get_by_role("tab", name="Course material").click()
    page.wait_for_function("() => document.querySelector('#material-modules').innerText"
                           ".includes('configured corpus')")
    audit("Course material")
    (ARTIFACTS / "axe-instructor-tabs.json").write_text(json.dumps(counts, indent=2) + "\n")
    page.context.close()
    assert not found, found
