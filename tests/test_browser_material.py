"""End to end in a real Chromium, with accounts: an instructor uploads a PDF module generated here
(and a scanned PDF with no text), sees the module listed with its chunks and the bad file named
with its reason; a learner then asks about the new module and gets a citation into it; a
learner's direct Gradio API calls to the upload and remove functions are refused.

Reuses the accounts server and Chromium of tests/test_browser_instructor.py (a server of this
module's own). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from format_fixtures import BIKES, write_pdf, write_scanned_pdf  # noqa: E402
from test_browser_instructor import (  # noqa: E402, F401  (fixtures)
    ACCOUNTS,
    ARTIFACTS,
    _signed_in,
    browser,
    server,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.loopback,
              pytest.mark.timeout(900)]

def _chunk_count(path: Path) -> int:
    from knowledge.chunking import chunk_document
    from knowledge.parsing import parse_course_file

    document, _ = parse_course_file(path, 5_000_000)
    return len(chunk_document(document))


QUESTION = "How much deposit does a shop pay to rent a cargo bike?"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("material-upload")
    return write_pdf(BIKES, folder / "cargo-bikes.pdf"), write_scanned_pdf(folder / "scan.pdf")


def test_an_instructor_uploads_a_pdf_and_a_learner_gets_a_citation_into_it(browser, server, files):
    pdf, scanned = files
    page = _signed_in(browser, server.url, "ada")
    page.get_by_role("tab", name="Course material").click()
    modules = page.locator("#material-modules")
    page.wait_for_function("() => document.querySelector('#material-modules').innerText"
                           ".includes('configured corpus')")
    assert "cargo-bikes.pdf" not in modules.inner_text()

    page.locator("#material-upload input[type=file]").set_input_files([str(pdf), str(scanned)])
    try:
        page.wait_for_function("""() => ['cargo-bikes', 'scan'].every(name =>
            document.querySelector('#material-upload').innerText.includes(name))""")
    finally:
        page.screenshot(path=str(ARTIFACTS / "browser-course-material-upload.png"),
                        full_page=True)
    page.locator("#material-add").click()
    status = page.locator("#material-status")
    status.get_by_text("Added", exact=True).wait_for(timeout=300_000)
    text = status.inner_text()
    assert "cargo-bikes.pdf" in text and "scan.pdf" in text and "no text layer" in text
    assert "Traceback" not in page.locator("body").inner_text()
    page.wait_for_function("() => document.querySelector('#material-modules').innerText"
                           ".includes('cargo-bikes.pdf')")
    page.screenshot(path=str(ARTIFACTS / "browser-course-material.png"), full_page=True)
    row = modules.inner_text().split("cargo-bikes.pdf", 1)[1][:300]  # its row, whatever layout
    assert BIKES.title in row
    assert re.search(rf"\b{_chunk_count(pdf)}\b", row.split(BIKES.title, 1)[1]), row
    assert "scan.pdf" not in modules.inner_text()
    page.context.close()

    learner = _signed_in(browser, server.url, "bob")
    assert learner.get_by_role("tab", name="Course material").count() == 0
    learner.locator("#message textarea").fill(QUESTION)
    learner.locator("#send").click()
    learner.wait_for_function("""() => [...document.querySelectorAll('#citations label')]
        .some(e => e.innerText.includes('Pricing Bike Rentals'))""", timeout=300_000)
    assert "three hundred euros" in learner.locator("#chatbot").inner_text()
    learner.screenshot(path=str(ARTIFACTS / "browser-course-material-cited.png"), full_page=True)
    learner.context.close()


def test_a_learner_calling_the_material_api_directly_is_refused(server, files):
    from gradio_client import Client, handle_file
    from gradio_client.exceptions import AppError

    pdf, _ = files
    learner = Client(server.url, auth=("bob", ACCOUNTS["bob"][1]), verbose=False)
    with pytest.raises(AppError, match="for instructors"):
        learner.predict([handle_file(str(pdf))], api_name="/add_material")
    with pytest.raises(AppError, match="for instructors"):
        learner.predict("cargo-bikes.pdf", api_name="/remove_material")
    with pytest.raises(AppError, match="for instructors"):
        learner.predict(api_name="/list_material")
    instructor = Client(server.url, auth=("ada", ACCOUNTS["ada"][1]), verbose=False)
    status, table, _ = instructor.predict(api_name="/list_material")
    assert "cargo-bikes.pdf" in str(table)  # the learner's calls removed nothing
