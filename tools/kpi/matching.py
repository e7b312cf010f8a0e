"""Which course rows answer: rules that map an application in the user's words to rows of the
course's KPI table, the nearest rows when none matches, and the rows that list a goal metric."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from knowledge.text import STOPWORDS, stem, words
from tools.kpi.rows import course_kpi_rows

if TYPE_CHECKING:
    from knowledge.types import Chunk, KpiRow


# (what the rule is, patterns on the user's text, pattern that picks the course row).
# Order matters only for ties: the first rule that matches names the match.
_W = r"(?:\W+\w+){0,3}?\W*"
MATCH_RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "personalization engine",
        (
            r"personali[sz]",
            r"recommend",
            r"product suggestions?",
            r"cross-?sell",
            r"upsell",
            r"next[- ]best",
        ),
        r"personali[sz]ation",
    ),
    (
        "support chatbot",
        (
            rf"(support|service|help ?desk|faq|care|ticket){_W}(chat|bot|assistant|agent)",
            rf"(chat|bot|assistant|conversational)\w*{_W}(support|service|faq|help)",
        ),
        r"chatbot.*support",
    ),
    (
        "sales chatbot",
        (
            rf"(sales?|shopping|purchase|buying|checkout){_W}(chat|bot|assistant|agent)",
            rf"(chat|bot|assistant)\w*{_W}(sales?|selling|shopping|lead)",
            r"conversational commerce",
        ),
        r"chatbot.*sales",
    ),
    (
        "site search",
        (
            r"(?<!engine )\bsearch\b(?! engine)(?!.*\b(seo|rank))",
            r"findability",
            r"auto-?complete",
            r"product discovery",
        ),
        r"search",
    ),
    (
        "dynamic pricing",
        (r"\bpric(e|es|ing)\b", r"markdowns?", r"repricing"),
        r"pric",
    ),
    (
        "content generation/SEO",
        (
            r"\bseo\b",
            r"search engine",
            r"content (generation|creation|writing|marketing)",
            r"(generat|writ|creat)\w* (\w+ )?content",
            r"ai content",
            r"product descriptions?",
            r"copy ?writ",
            r"\bcopy\b",
            r"\bblog",
            r"\barticles?\b",
            r"subject lines?",
            r"generative",
        ),
        r"content|seo",
    ),
)
# "chatbot" alone: a table may have a support row and a sales row, so return both.
_GENERIC_CHATBOT = r"chat ?bot|\bchat\b|\bbot\b|virtual assistant|conversational ai"

# Metric names and the words the course uses for them, for goal_metric matching.
METRIC_ALIASES: dict[str, tuple[str, ...]] = {
    "aov": ("aov", "average order value"),
    "conversion rate": ("conversion",),
    "clv": ("clv", "customer lifetime value", "lifetime value", "ltv"),
    "csat": ("csat", "customer satisfaction"),
    "revenue": ("revenue", "sales"),
    "sales": ("revenue", "sales"),
    "cart abandonment": ("cart abandonment",),
    "organic traffic": ("organic traffic",),
    "traffic": ("traffic",),
    "ctr": ("ctr", "click-through", "click through"),
    "click-through rate": ("ctr", "click-through", "click through"),
    "retention": ("retention",),
    "profit": ("profit", "margin"),
    "margin": ("margin",),
    "market share": ("market share",),
    "support cost": ("support cost", "cost per interaction", "support tickets"),
    "first contact resolution": ("first contact resolution",),
    "handle time": ("handle time",),
    "bounce rate": ("bounce",),
    "leads": ("lead",),
    "rankings": ("ranking",),
    "engagement": ("engagement",),
    "stockout": ("stockout", "overstock"),
    "time on site": ("time on site",),
}


def match_rows(application: str, rows: list[KpiRow]) -> list[tuple[KpiRow, str]]:
    """Course rows for an application description, each with the rule that matched it."""
    text = " ".join(application.lower().split())
    wanted: list[tuple[str, str]] = []  # (row pattern, rule name)
    for name, patterns, row_pattern in MATCH_RULES:
        if any(re.search(p, text) for p in patterns):
            wanted.append((row_pattern, name))
    if not any(name.endswith("chatbot") for _, name in wanted) and re.search(
        _GENERIC_CHATBOT, text
    ):
        wanted += [(r"chatbot.*support", "chatbot"), (r"chatbot.*sales", "chatbot")]
    matched: list[tuple[KpiRow, str]] = []
    for row in rows:
        for row_pattern, name in wanted:
            if re.search(row_pattern, row.application.lower()):
                matched.append((row, name))
                break
    if matched:
        return matched
    # Any course's rows: the rows whose name shares the most telling words with the text.
    asked = {stem(w) for w in telling_words(application)}
    scored = []
    for row in rows:
        shared = asked & {stem(w) for w in telling_words(row.application)}
        if shared:
            scored.append((len(shared), row))
    best = max((score for score, _ in scored), default=0)
    return [(row, "shared words") for score, row in scored if score == best]


# Words every application name shares, so they say nothing about which row is nearest.
_APPLICATION_NOISE = frozenset({"ai", "tool", "tools"})


def telling_words(text: str) -> set[str]:
    """The words of ``text`` that can tell one application from another."""
    return {
        w
        for w in (word.lower() for word in words(text))
        if w.isalpha() and len(w) > 2 and w not in STOPWORDS and w not in _APPLICATION_NOISE
    }


def row_words(row: KpiRow) -> set[str]:
    """The telling words of a row: its application and every metric it lists."""
    return telling_words(" ".join([row.application, *row.kpis, *row.leading, *row.lagging]))


def nearest_rows(application: str, rows: list[KpiRow], k: int = 3) -> list[str]:
    """Table rows sharing the most words with the text (name similarity breaks ties)."""
    query = telling_words(application)

    def closeness(row: KpiRow) -> float:
        vocabulary = row_words(row)
        ratio = difflib.SequenceMatcher(None, application.lower(), row.application.lower()).ratio()
        return len(query & vocabulary) + ratio

    return [row.application for row in sorted(rows, key=closeness, reverse=True)[:k]]


def _aliases(metric: str) -> tuple[str, ...]:
    key = " ".join(metric.lower().split())
    if key in METRIC_ALIASES:
        return METRIC_ALIASES[key]
    for aliases in METRIC_ALIASES.values():
        if key in aliases:
            return aliases
    return (key,)


def _mentions(cell: str, alias: str) -> bool:
    # Acronyms must be whole words ("aov", not "favorite"); words may take a suffix
    # ("conversion" matches "Conversions from SEO Content").
    tail = r"\b" if len(alias) <= 4 else ""
    return re.search(rf"\b{re.escape(alias)}{tail}", cell.lower()) is not None


def metric_cells(metric: str, row: KpiRow) -> list[str]:
    aliases = _aliases(metric)
    cells = [*row.kpis, *row.leading, *row.lagging]
    return [cell for cell in cells if any(_mentions(cell, alias) for alias in aliases)]


def applications_for_metric(
    metric: str, rows: Sequence[KpiRow], chunks: Sequence[Chunk] = ()
) -> list[KpiRow]:
    """Course metric-table rows that list `metric`, e.g. 'AOV'."""
    return [row for row in course_kpi_rows(rows, chunks) if metric_cells(metric, row)]
