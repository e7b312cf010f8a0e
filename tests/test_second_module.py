"""A second course module ingested next to the bundled one: questions about it are answered from
it, off-topic questions that share its words are still refused, and the corpus statistics
(off-topic threshold, undefined acronyms) are recalibrated from the new corpus.

The module (tests/data/modules/) is test data only: nothing from it appears in product code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import DEFAULT_CORPUS, Settings
from evals.devsets import half, judge, load_set, pass_rates, run_set
from knowledge.index import CourseIndex

DATA = Path(__file__).parent / "data"
MODULE = DATA / "modules" / "module-5-ai-supply-chain.md"
QUESTIONS = load_set(Path(__file__).resolve().parent.parent / "evals" / "dev" / "module5_questions.yaml")
# Pass-rate floors a little under what was measured (see the README); the set is split by a
# fixed hash, and only tune-half failures were ever looked at.
FLOORS = {"tune": 0.70, "held-out": 0.75}


@pytest.fixture(scope="module")
def two_modules(tmp_path_factory, embedder) -> Settings:
    settings = Settings(data_dir=tmp_path_factory.mktemp("two-modules"), corpus_paths=[DEFAULT_CORPUS, MODULE])
    CourseIndex(settings, embedder=embedder).ingest(list(settings.corpus_paths))
    return settings


@pytest.fixture(scope="module")
def advisor2(two_modules, embedder):
    from assistant.engine import Advisor

    return Advisor(two_modules, embedder=embedder)


@pytest.fixture(scope="module")
def outcomes(advisor2):
    return run_set(QUESTIONS, advisor2)


def test_the_question_set_is_big_enough_and_split_both_ways():
    assert len(QUESTIONS) >= 30
    assert {half(entry["q"]) for entry in QUESTIONS} == {"tune", "held-out"}


def test_off_topic_questions_sharing_the_new_modules_words_are_refused(advisor2):
    off_topic = [e["q"] for e in QUESTIONS if e.get("refused")]
    answered = [q for q in off_topic if not advisor2.ask(q, remember=False).refused]
    # Measured: 4 of 5 refused; "stock my pantry before the winter storms" is nearer the module's
    # stock and weather sentences than any general question of the bank (a known miss).
    assert len(answered) <= 1, answered


def test_questions_about_the_new_module_are_answered_from_it(advisor2):
    answered = [e for e in QUESTIONS if e.get("sections")]
    from_module = 0
    for entry in answered[:8]:
        result = advisor2.ask(entry["q"], remember=False)
        assert not result.refused, entry["q"]
        from_module += any(c.source == MODULE.name for c in result.citations)
    assert from_module >= 7


def test_pass_rates_on_the_second_module_meet_their_floors(outcomes, report_measure):
    rates = pass_rates(outcomes)
    report_measure(f"second module: { {k: f'{ok}/{n}' for k, (ok, n) in rates.items()} }")
    for name, (ok, n) in rates.items():
        assert ok / n >= FLOORS[name], [
            (o.entry["q"], o.problems) for o in outcomes if o.half == "tune" and not o.passed
        ]


def test_an_acronym_the_new_module_never_spells_out_is_called_undefined(advisor2):
    assert "PRISM" in advisor2.scope.scope.undefined
    result = advisor2.ask("What does PRISM mean?", remember=False)
    assert not judge({"q": "", "undefined": "PRISM"}, result), result.answer


def test_scope_is_recalibrated_when_a_module_is_added(advisor, advisor2):
    one, two = advisor.scope.scope, advisor2.scope.scope
    assert one.fingerprint != two.fingerprint
    assert one.bank_scores != two.bank_scores
    assert "PRISM" not in one.undefined
