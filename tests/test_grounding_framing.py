"""Issue 24: text around a claim that is not a claim does not decide its verdict.

A thread numbers its posts ("3/"), an answer key its questions ("Q7 —"), a manager's note opens
with a greeting or a lead-in ("Team —", "Key takeaway:"), and posts close with tags and
pictographs. None of it is a figure, a name or a word the course must give; the claim after it
is judged as it would be alone. A lead-in that names a course thing, or denies what follows, is
part of the claim.
"""

from __future__ import annotations

import pytest

from assistant.grounding import CheckRequest, Evidence, GroundingChecker
from assistant.grounding.checker import claim_body
from assistant.grounding.claims import framed
from assistant.grounding.evidence import prepare_evidence

REVIEW = Evidence(
    id="review",
    text="The governance framework must be regularly reviewed, for example at least annually. "
    "Different governance models exist (centralized, decentralized, hybrid).",
)
POOL = prepare_evidence(REVIEW).terms
CLAIM = "the governance framework needs a review at least once a year."


@pytest.fixture(scope="module")
def checker(embedder) -> GroundingChecker:
    return GroundingChecker(embedder=embedder)


@pytest.mark.parametrize(
    ("sentence", "text", "lead"),
    [
        ("3/ pilots come first, then scale up slowly", "pilots come first, then scale up slowly", ""),
        ("(2/9) pilots come first, then scale up", "pilots come first, then scale up", ""),
        ("pilots come first, then scale up slowly 4/", "pilots come first, then scale up slowly", ""),
        ("Q7 — pilots come first, then scale up", "Q7 — pilots come first, then scale up", "Q7"),
        ("Pilots come first, then scale up 🚀🧵 #AIStrategy #Growth",
         "Pilots come first, then scale up", ""),
        ("Run #DataQuality checks before any launch", "Run Data Quality checks before any launch", ""),
        ("Team — key takeaway: pilots come first, then scale up",
         "Team — key takeaway: pilots come first, then scale up", "Team key takeaway"),
        # not frames: a fraction, a quarter named as content, a clause too short to stand alone
        ("2/3 of pilots never scale up", "2/3 of pilots never scale up", ""),
        ("Q4 sales dip in most small shops", "Q4 sales dip in most small shops", ""),
        ("Bottom line: pilots first", "Bottom line: pilots first", ""),
    ],
)
def test_framed_takes_off_what_asserts_nothing(sentence, text, lead):
    said = framed(sentence)
    assert (said.text, said.lead) == (text, lead)


@pytest.mark.parametrize(
    ("sentence", "judged"),
    [
        ("Key takeaway: " + CLAIM, CLAIM),
        ("Team — " + CLAIM, CLAIM),
        ("Q7 — correct: " + CLAIM, CLAIM),
        ("5/ " + CLAIM, CLAIM),
        # a lead-in the evidence names is content; one that denies what follows is the claim's
        ("Governance models: centralized, decentralized and hybrid ones exist.",
         "Governance models: centralized, decentralized and hybrid ones exist."),
        ("False: " + CLAIM, "False: " + CLAIM),
        ("Our pitch to Acme: " + CLAIM, "Our pitch to Acme: " + CLAIM),  # a name is checked
        ("Myth — " + CLAIM, "Myth — " + CLAIM),
        # a reply (stop 36) says whether the asker was right; what follows is the claim
        ("Not quite — " + CLAIM, CLAIM),
        ("Yes — " + CLAIM, CLAIM),
    ],
)
def test_a_lead_in_the_evidence_says_nothing_of_is_a_frame(sentence, judged):
    assert claim_body(sentence, POOL) == judged


@pytest.mark.parametrize("frame", ["", "Team — ", "What this means for us: ", "7/ ",
                                   "Q12 — correct: ", "(3/8) "])
def test_a_framed_claim_gets_the_verdict_of_the_claim_alone(checker, frame):
    alone = checker.check(CLAIM, [REVIEW]).claims[0]
    said = checker.check(frame + CLAIM + " 🔁 #governance", [REVIEW]).claims[0]
    assert (said.supported, said.kind, said.score) == (alone.supported, alone.kind, alone.score)
    assert said.text.startswith(frame.strip() or CLAIM[:10])  # shown as the answer wrote it


def test_a_frame_hides_no_error(checker):
    number = checker.check("4/ the framework needs a review every eighteen months.", [REVIEW])
    name = checker.check("Q2 — correct: the framework is reviewed yearly by Gartner.", [REVIEW])
    assert number.claims[0].kind == "number" and number.claims[0].numbers_missing == [18.0]
    assert name.claims[0].kind == "name" and "Gartner" in name.claims[0].reason


def test_the_judged_claim_is_the_body_and_the_shown_one_the_sentence(checker):
    [(_, [analysis])] = checker.analyse_many(
        [CheckRequest(answer="Team — " + CLAIM, evidence=[REVIEW])]
    )
    assert analysis.text == CLAIM and analysis.pair[0] == CLAIM
    assert checker.verdict(analysis).text == "Team — " + CLAIM
