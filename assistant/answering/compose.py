"""Extractive answer composition for the offline engine, for any course.

Every explanatory sentence is course text (a sentence lightly trimmed of a leading connective,
a lead-in with its list, a bullet with its parent, a table row with its header) with a numbered
citation, or a template sentence filled only with tool outputs and the user's own words.
Headings and labels carry no claims. That is what makes the answers grounded by construction;
the grounding checker then verifies it on every answer. Nothing here knows one course: passages
are picked by general signals (``Composer``), never by pinned sentences or per-topic queries.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from assistant.answering.forms import (  # noqa: F401  (kind_fit and the forms: their home is forms.py)
    CONTEXT, EXAMPLE, EXAMPLE_OPENING, QUANTITY, REASON, enumerates, kind_fit, names_a_figure_of, own_ask, strict_form)
from assistant.answering.paragraphs import with_gaps_filled
from assistant.settings import Settings
from assistant.text import content_words, stem
from knowledge.chunking import Unit, units
from knowledge.parsing import names_its_number
from knowledge.types import Citation

CONNECTIVES = re.compile(
    r"^(?:However|Therefore|Furthermore|Finally|Instead|Additionally|Moreover|Crucially|Also|Thus|So),\s+",
)
# A question the course asks the learner is no fact; a question that is a field of a sample it
# shows ("Subject: How is your mug working out?", "Customer: Where is my parcel?") is its content.
SAMPLE_FIELD = (r"(?!(?:Question|Prompt|Exercise|Task|Quiz|Discussion|Reflection|Think|Ask yourself)\b)"
                r"[A-Z][\w'-]*(?: [\w'-]+){0,2}:\s")
SKIP_SENTENCE = re.compile(
    rf"^(?:Suggested Question|Alternative Question|Reflective Prompt)|^(?!{SAMPLE_FIELD})[^\n]*\?\s*$"
    r"|^(?:We will|We'll|This module|You'll|Furthermore, we'll|The module will|Finally, we'll)\b"
)
# Template slots a course leaves for the learner to fill ("the $Y monthly cost", "an ROI of Z%",
# "[e.g., 'raise AOV']", "[Your Store]", "{metric}"): a placeholder is not a fact to quote.
PLACEHOLDER = re.compile(
    r"(?<![\w$])\$[A-Z]\b|(?<![\w.])[A-Z]%|\b[XYZN]{1,2}\s?(?:%|percent\b)|\$[XYZ]{1,3}\b"
    # a lone capital standing for an amount ("saving an estimated X hours", "focus on Z interactions")
    r"|\b(?:estimated|sav(?:e|es|ed|ing)|of|by|on|to|with|about|around|than|approximately|roughly)\s+(?-i:[XYZN])(?=\s+(?-i:[a-z]))"
    r"|\[(?:e\.g\.|i\.e\.|insert|your|enter|add|name|x\b|y\b)[^\]]*\]|\[[A-Z][\w ]{0,30}\]|\{[\w ]{1,30}\}|<(?:insert|your)[^>]*>|_{3,}",
    re.IGNORECASE,
)

def course_outline() -> str:
    """What the served course covers, from its own headings: per module its title and lessons
    (or, for a module without lessons, its sections). Every ingested module, no other."""
    from knowledge.course import current

    return _outline(current())


@lru_cache(maxsize=4)
def _outline(course) -> str:
    """`course_outline` once per served course (a Course hashes by identity)."""
    sentences = []
    for module in course.modules:
        parts = [  # a lesson's number, when the course numbers it ("6.2"), not a slug of its title
            f"{lesson.lesson}. {lesson.title}"
            if re.fullmatch(r"\d+(?:\.\d+)*", lesson.lesson) and not names_its_number(lesson.title, lesson.lesson)
            else lesson.title
            for lesson in module.lessons
        ]
        if len(parts) < 2:
            parts = [section for lesson in module.lessons for section in lesson.sections][:12] or parts
        sentences.append(f"“{module.title}” covers " + "; ".join(parts) + ".")
    return " ".join(sentences) or "No course is ingested yet."


def trim(sentence: str) -> str:
    sentence = without_slot_asides(CONNECTIVES.sub("", sentence.strip()))
    return sentence[:1].upper() + sentence[1:]


ASIDE = re.compile(r"\s*\([^()]*\)")


def without_slot_asides(text: str) -> str:
    """``text`` without the bracketed asides that hold a template slot ("Improved Decision-Making,
    leading to faster decisions (e.g., … a reduction in costs by X%)."): the aside is the
    course's fill-in example, the rest of the sentence is still a fact to quote."""
    if not PLACEHOLDER.search(text):
        return text
    # The cut is marked with "…", so what is quoted stays verbatim course text on each side of it.
    text = ASIDE.sub(lambda aside: _aside_head(aside.group()) if PLACEHOLDER.search(aside.group()) else aside.group(), text)
    text = re.sub(r"…\s*[.;,]?\s*$", "…", text)
    return without_slot_clause(text)


# The least a sentence must keep before a cut clause to still state something.
CLAUSE_KEPT = 40
# The least an aside must keep before its slot's clause: an example's own first clause ("e.g.,
# "Our van made 1,400 drops last week") with a figure of its own.
ASIDE_KEPT = 30


def _aside_head(aside: str) -> str:
    """A bracketed aside that holds a template slot, as it may still be quoted: cut before the
    clause holding its first slot when the clause before it states something with a figure of
    its own ("(e.g., "the van made 1,400 drops last week, saving X hours")" → "(e.g., "the van
    made 1,400 drops last week…")"), else "…" alone. Each side of the cut is verbatim."""
    inner = aside.strip()[1:-1]
    slot = PLACEHOLDER.search(inner)
    cut = inner.rfind(", ", 0, slot.start()) if slot else -1
    head = inner[:cut] if cut > 0 else ""
    if len(head) < ASIDE_KEPT or PLACEHOLDER.search(head) or not re.search(r"\d", head):
        return "…"
    closing = re.search(r"[\"”'’]*$", inner).group()  # the example's closing quote mark, kept
    return f" ({head}…{closing})"


def without_slot_clause(text: str) -> str:
    """``text`` cut before the trailing clause that holds its first template slot ("the new rota
    cut overtime by 18% in both depots, saving an extra $X a month on wages"): the
    clause up to the comma is a fact, the slot's clause is the learner's to fill. Cut only where
    what stays is long enough to say something and holds no slot itself; marked with "…"."""
    slot = PLACEHOLDER.search(text)
    if not slot:
        return text
    cut = text.rfind(", ", 0, slot.start())
    if cut < CLAUSE_KEPT or PLACEHOLDER.search(text[:cut]):
        return text
    return text[:cut] + "…"


def quotable(text: str) -> bool:
    """Whether a piece of course text may be quoted: long enough, not a question or a preview
    of the module, and never an instruction planted in a course file (to the assistant, or to
    hand over card numbers or passwords)."""
    from assistant.reading.intents import unsafe_sentence

    return (len(text) >= 25 and not SKIP_SENTENCE.search(text) and not PLACEHOLDER.search(text)
            and not unsafe_sentence(text))


def passage_units(passage: dict) -> list[Unit]:
    """The quotable structure-keeping units of a retrieved passage (knowledge.chunking.units)."""
    return list(_passage_units(passage["text"], passage.get("kind", "prose")))


@lru_cache(maxsize=8192)
def _passage_units(text: str, kind: str) -> tuple[Unit, ...]:
    """`passage_units`, once per distinct passage: a served course has a fixed set of them."""
    from assistant.reading.intents import unsafe_sentence

    if kind in {"question", "reflective", "discussion"}:
        return ()
    out = []
    source = text
    short = ""  # a short sentence waiting for the one after it ("Set the trigger point.")
    head = None  # where in ``out`` the last bullet that leans on nothing sits
    for unit in units(source, kind):
        if unit.kind == "bullet" and head is not None and LEANS_BACK.match(trim(unit.parts[0])) \
                and quotable(trim(unit.parts[0])):
            # "- Keep the bins apart. - This stops…, - It also…": bullets that lean on the bullet
            # before them are quoted under it, as a lead-in's items ("It" alone says nothing)
            out[head] = Unit((*out[head].parts, trim(unit.parts[0])), "item")
            continue
        if unit.kind != "bullet" or LEANS_BACK.match(trim(unit.parts[0])):
            head = None
        if unit.kind in {"sentence", "bullet"}:
            part = unit.parts[0]
            if STEP_NUMBER.fullmatch(part):  # "4." of a numbered list run into prose: a new step
                short = ""
                continue
            if short and unit.kind == "sentence" and f"{short} {part}" in source:
                part, short = f"{short} {part}", ""  # a step's title keeps the sentence it heads
            sentence = trim(part)
            previous = out[-1].parts[0] if out and out[-1].kind == "sentence" else ""
            if (unit.kind == "sentence" and previous and LEANS_BACK.match(part)
                    and f"{previous} {part}" in source and previous.count(". ") < 2):
                # "Otherwise customers learn to…", "Without this you cannot…": the sentence
                # before says what it is about
                out[-1] = Unit((f"{previous} {part}",), "sentence")
                short = ""
            elif len(sentence) >= 40 and quotable(sentence):
                out.append(Unit((sentence,), unit.kind))
                head = len(out) - 1 if unit.kind == "bullet" else None
                short = ""
            elif unit.kind == "sentence" and len(sentence) < 40:
                short = part
            continue
        short = ""
        if unit.kind in {"list", "item"}:  # an item holding a template slot ("the $Y monthly
            # cost", "an ROI of Z%") is no fact to quote; its list keeps the other items
            items = tuple(item for part in unit.parts[1:] if not PLACEHOLDER.search(item := without_slot_asides(part)))
            if not items:
                continue
            unit = Unit((unit.parts[0], *items), unit.kind)
        if (quotable(unit.parts[0]) or label_lead(unit.parts[0])) and not any(unsafe_sentence(part) for part in unit.parts[1:]):
            out.append(unit)  # the items of a list may be questions ("What data is collected?")
    if kind == "prose":
        out.extend(announced_lists(text))
    return tuple(out)


# A lead-in that is only a label ("Scenario:", "Worked example:", "Tip:"): structure, not a claim.
LABEL_LEAD = re.compile(r"^[A-Z][\w'’&/ -]{1,40}:$")


def label_lead(text: str) -> bool:
    """Whether a list's lead-in is a short label: the items under it are what is quoted, so its
    shortness does not make them unquotable (a scenario under "Case:" is still the course's)."""
    from assistant.reading.intents import unsafe_sentence

    return bool(LABEL_LEAD.match(text)) and not unsafe_sentence(text)


# A sentence that announces a number of things ("Several considerations are critical for
# scaling.", "Three risks stand out."): the sentences after it in its paragraph are those things.
ANNOUNCES = re.compile(
    r"\b(?:several|a few|a number of|various|multiple|two|three|four|five|six|seven|eight)\s+(?:[\w-]+\s+){0,2}[\w-]+s\b",
    re.IGNORECASE,
)
MOST_ANNOUNCED = 8
# A short lead-in that opens its list inside the sentence, the first member after the colon and
# one member per sentence after it ("These include: Competitive Advantage, gained…").
COLON_LEAD = re.compile(r"^(?P<lead>[^:]{4,40}?\b(?:include|includes|are|were|as follows)):\s+(?P<first>[A-Z].{20,})$")


def announced_lists(text: str) -> list[Unit]:
    """Prose that announces its members and then states one per sentence, as a list unit: the
    announcing sentence as its lead-in, each sentence after it in the paragraph an item."""
    out = []
    for line in text.split("\n"):
        sentences = [trim(u.parts[0]) for u in units(line, "prose") if u.kind == "sentence"]
        for position, sentence in enumerate(sentences[:-2]):
            opened = COLON_LEAD.match(sentence)
            if opened:  # "These include: Competitive Advantage, gained through…. Innovation Leadership, …"
                items = [item for item in [opened.group("first"), *sentences[position + 1: position + MOST_ANNOUNCED]]
                         if quotable(item)]
                if len(items) >= 3:
                    out.append(Unit((opened.group("lead") + ":", *items), "list"))
                break
            if len(sentence) <= 120 and sentence.endswith(".") and ANNOUNCES.search(sentence):
                items = [item for item in sentences[position + 1: position + 1 + MOST_ANNOUNCED] if quotable(item)]
                if len(items) >= 2 and quotable(sentence):
                    out.append(Unit((sentence, *items), "list"))
                break
    return out


# The number of a step when a numbered list was run into prose ("… 45 days. 2. Set the trigger…").
STEP_NUMBER = re.compile(r"\d{1,2}[.)]")
# A sentence that leans on the one before it for what it is about.
LEANS_BACK = re.compile(r"^(?:Otherwise|Without (?:this|that|it|them)|This|That|These|Those|It|They|Such)\b")


def printed(unit: Unit) -> list[str]:
    """The answer lines a unit is printed as (before bullets and citation numbers): a table
    row on one line, its cells joined by semicolons; a list its lead-in then each item."""
    if unit.kind == "row":
        return ["; ".join(unit.parts)]
    if unit.kind in {"list", "item"}:
        return list(unit.parts)
    return [unit.parts[0]]


def candidate_sentences(text: str, kind: str = "prose") -> list[str]:
    """Every text the composer may compare with a question or print (for warm-up embedding)."""
    out: list[str] = []
    for unit in passage_units({"text": text, "kind": kind}):
        out.append(unit.text)
        out.extend(line for line in printed(unit) if line != unit.text)
    return out


@dataclass
class Pick:
    unit: Unit
    passage: dict
    score: float




def own_words(question: str, typed: str = "") -> set[str]:
    """Stems of what is asked now: the words the user typed this turn when the question answered
    borrows from an earlier one (``typed``: "and to the COO?" refines the previous question,
    whose words are only context), else the question without its borrowed brackets."""
    return {stem(w) for w in content_words(typed or own_ask(question))}


def _weights(question: str, pool: list[str], typed: str = "") -> dict[str, float]:
    """Content words of the question (stemmed), weighted by rarity in the candidate pool; words
    only borrowed from an earlier turn count half, so the unit quoted answers the new ask."""
    asked = {stem(w) for w in content_words(question)}
    if not asked:
        return {}
    mine = own_words(question, typed) & asked
    docs = [{stem(w) for w in content_words(text)} for text in pool]
    n = max(len(docs), 1)
    return {w: math.log(1 + n / (1 + sum(w in d for d in docs))) * (1.0 if w in mine or not mine else 0.5)
            for w in asked}


def coverage(weights: dict[str, float], text: str) -> float:
    """Share of the question's (weighted) content words that ``text`` contains."""
    if not weights:
        return 0.0
    have = {stem(w) for w in content_words(text)}
    return sum(v for w, v in weights.items() if w in have) / sum(weights.values())


class Composer:
    """Picks the course units that best answer a question, from any course.

    A unit's score mixes three general signals: dense similarity to the question, coverage of
    the question's content words, and how relevant its section heading is. Picks are made by
    maximal marginal relevance (MMR), so a second pick must add something the first did not.
    A unit is quoted only when its score reaches a floor and a share of the best candidate's:
    off-topic filler is worse than a shorter answer. The weights, floors and the MMR balance are
    settings (``Settings.compose_*_weight``, ``min_relevance``, ``relative_relevance``,
    ``mmr_lambda``).
    """

    def __init__(self, embed, settings: Settings) -> None:
        self.embed = embed  # texts -> normalised vectors (memoised by the Advisor)
        self.settings = settings

    def _vectors(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.embed(texts)) if texts else np.zeros((0, 384))

    def select(self, question: str, passages: list[dict], count: int, used: set[str], kind: str = "",
               avoid: frozenset[str] = frozenset(), typed: str = "", term: str = "") -> list[Pick]:
        """Up to ``count`` units answering ``question``; ``kind`` (assistant/reading/intents.py)
        favours units of the form it asks for; units mostly printed in ``avoid`` (what the
        previous answer quoted) lose ``compose_repeat_penalty`` of their score; ``typed``: a
        follow-up's own words, which weigh more than those it borrowed; ``term``: the term a
        definition question asks about, as the question reader found it (in quotes, say)."""
        candidates: list[tuple[Unit, dict]] = []
        asked_now = own_words(question, typed)
        for passage in passages:
            found = passage_units(passage)
            # prose read as a list (``announced_lists``): its announcing sentence ("Several
            # pitfalls can derail a plan.") says nothing alone, so it is quoted only with members
            announcing = {u.parts[0] for u in found if u.kind == "list" and not u.parts[0].endswith(":")}
            # "which comes right after the X one?": X and the one after it, as one unit (its
            # members alone would answer only half)
            besides = {id(unit): beside for unit in found if (beside := neighbour(unit, question)) is not None}
            paired = {part for beside in besides.values() for part in beside.parts[1:]}
            for unit in found:
                if unit.kind == "sentence" and unit.parts[0] in announcing | paired:
                    continue
                if id(unit) in besides:
                    candidates.append((besides[id(unit)], passage))
                    continue
                if unit.kind == "list" and not unit.parts[0].endswith(":") and kind != "list":
                    # another kind of ask gets the members it names ("the one about data")
                    unit = members_asked(unit, asked_now)
                    if unit is None:
                        continue
                if typed or kind in NARROW_KINDS:  # a narrow ask; a first question about a
                    # row ("what shots for a mug?") gets all of it
                    unit = row_cells(unit, asked_now)
                if unit.text not in used and not any(part in used for part in unit.parts):
                    candidates.append((unit, passage))
        if not candidates:
            return []
        texts = [unit.text for unit, _ in candidates]
        headings = [f"{p.get('lesson_title', '')}: {p.get('section', '')}" for _, p in candidates]
        vectors = self._vectors(texts)
        query = self._vectors([question])[0]
        heading_vectors = self._vectors(headings)
        weights = _weights(question, texts, typed)
        dense = vectors @ query
        section = heading_vectors @ query
        cover = np.array([coverage(weights, f"{h} {t}") for h, t in zip(headings, texts)])
        tuning = self.settings
        scores = (tuning.compose_dense_weight * dense + tuning.compose_coverage_weight * cover
                  + tuning.compose_section_weight * section)
        fits = np.array([kind_fit(kind, question, unit, term) for unit, _ in candidates])
        scores = scores + tuning.compose_kind_weight * fits
        # a section whose heading says the opposite of the ask about the same thing ("what may I
        # remove?" and "What not to remove"): its units answer the other question
        turned = np.array([turned_against(question, p.get("section", "")) for _, p in candidates])
        scores = scores - tuning.compose_polarity_penalty * turned
        repeated = np.zeros(len(candidates), dtype=bool)
        if avoid:  # mostly said already (a list whose items were quoted, a sentence quoted whole):
            # quoted again only when it answers the new ask clearly best ("and for allergen-free
            # prep?" after the list of board colours)
            repeated = np.array([len(set(lines := _own_lines(unit)) & avoid) * 2 > len(lines)
                                 # a sentence said before whose one part answers the new ask ("and who
                                 # owns that?": its clause naming the team) is retold, not repeated
                                 and retold(unit, question, kind, avoid, typed).text == unit.text
                                 for unit, _ in candidates])
            scores = scores - tuning.compose_repeat_penalty * repeated

        floor = max(tuning.min_relevance, float(scores.max()) * tuning.relative_relevance)
        strict = strict_form(question)
        if strict is not None:  # "how often…?": when units of the best unit's section state a
            # rhythm, only units that state one answer it (a rhythm from another topic does not)
            fitting = np.array([bool(strict.search(unit.text)) for unit, _ in candidates])
            top = candidates[int(scores.argmax())][1]
            same = np.array([(p.get("source"), p.get("section")) == (top.get("source"), top.get("section"))
                             for _, p in candidates])
            if (fitting & same & (scores >= floor)).any():
                scores = np.where(fitting, scores, -1.0)
        if kind == "example":  # an ask for an example: the example the best unit's section
            # gives answers it, however few of the ask's words it repeats
            top = candidates[int(scores.argmax())][1]
            opening = np.array([bool(EXAMPLE_OPENING.match(unit.text)) and (p.get("source"), p.get("section"))
                                == (top.get("source"), top.get("section")) for unit, p in candidates])
            # the example itself is quoted next to the best unit, which only led to its section
            scores = np.where(opening, np.maximum(scores, float(scores.max()) - 1e-6), scores)
        mmr = tuning.mmr_lambda
        chosen: list[int] = []
        while len(chosen) < count:
            best, best_value = -1, -1e9
            said = {line for j in chosen for line in printed(candidates[j][0])}
            for i in range(len(candidates)):
                if i in chosen or scores[i] < floor:
                    continue
                if _repeats(candidates[i][0], said):
                    continue
                if repeated[i] and any(repeated[j] for j in chosen):
                    continue  # one unit of the previous answer at most: a follow-up is not a repeat
                redundancy = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
                value = mmr * scores[i] - (1 - mmr) * redundancy
                if value > best_value:
                    best, best_value = i, value
            if best < 0:
                break
            if candidates[best][0].kind == "list":  # the whole list replaces its items picked before
                whole = set(printed(candidates[best][0]))  # its lead-in too, when picked alone
                chosen = [j for j in chosen if not set(_own_lines(candidates[j][0])) <= whole]
            chosen.append(best)
        picks = [Pick(retold(focused(candidates[i][0], question, kind), question, kind, avoid, typed),
                      candidates[i][1], float(scores[i])) for i in chosen]
        picks = with_gaps_filled(picks, avoid)
        if (kind == "list" or asks_for_things(question)) and strict is None:
            # a word most of the headings at hand hold ("reviews" in a module on reviews) names
            # no one section
            sections = {p.get("section", "") for _, p in candidates}
            common = {w for w in {stem(c) for s in sections for c in content_words(s)}
                      if sum(w in {stem(c) for c in content_words(s)} for s in sections) > 2}
            picks = with_bare_list(picks, asked_now - common, used | set(avoid))
        for pick in picks:
            used.add(pick.unit.text)
            used.update(pick.unit.parts[1:])
        return picks


# Words that turn a heading or an ask around: what not to do, what to avoid, the mistakes.
TURNING = re.compile(
    r"\b(?:not|never|no|don'?t|doesn'?t|shouldn'?t|mustn'?t|can'?t|cannot|avoid\w*|mistakes?|pitfalls?"
    r"|don'?ts|forbidden|prohibited|banned)\b", re.IGNORECASE)
# An ask for the things themselves ("what may I…", "which can I…", "list the…"), not a yes/no
# question ("can I remove a bad review?"), which a section of either polarity may answer.
ASKS_FOR_THINGS = re.compile(r"^\s*(?:(?:so|ok(?:ay)?|and|but),?\s+)?(?:what|which|list|name|tell me (?:what|which))\b",
                             re.IGNORECASE)


def turned_against(question: str, heading: str) -> bool:
    """Whether a section heading names a thing the ask names, with the opposite polarity: the ask
    wants the things one may do ("what am I allowed to remove?", "list what you can delete") and
    the heading lists what not to ("What not to remove", "Mistakes to avoid when removing"), or the
    other way round. Only asks for the things themselves; the heading must share a word of the
    ask (by stem), so a heading about something else is never touched."""
    from knowledge.text import strip_preamble

    ask = strip_preamble(_asking_clause(own_ask(question)))
    if not heading or not asks_for_things(question):
        return False
    if not {stem(w) for w in content_words(heading)} & {stem(w) for w in content_words(ask)}:
        return False
    return bool(TURNING.search(heading)) != bool(TURNING.search(CONTRAST.sub(" ", ask)))


# A negation that sets the thing asked against another ("…came from the ad and not something
# else", "not just the price", "whether or not"): a contrast, not an ask for what not to do.
CONTRAST = re.compile(r"\b(?:and|but|or|rather)\s+not\b.*$|\bnot (?:just|only|merely|simply)\b|\bwhether or not\b|\bif not\b",
                      re.IGNORECASE)


def asks_for_things(question: str) -> bool:
    """Whether the asking sentence of a question asks for the things themselves ("what may I…",
    "which…", "list the…"), not whether something holds ("can I…?", "is it ok to…?")."""
    from knowledge.text import strip_preamble

    return bool(ASKS_FOR_THINGS.search(strip_preamble(_asking_clause(own_ask(question)))))


def _asking_clause(ask: str) -> str:
    """The sentence of an ask that asks (its last one ending in "?", else the whole)."""
    asked = [part.strip() for part in re.split(r"(?<=[.!?])\s+", ask.strip()) if part.strip().endswith("?")]
    return asked[-1] if asked else ask


# The most bullets a bare list may have to be quoted whole for one of them.
BARE_LIST_MOST = 8


def with_bare_list(picks: list[Pick], asked: set[str], said: set[str]) -> list[Pick]:
    """A bullet picked from a bare list (bullets right under their heading, no lead-in sentence)
    whose heading names what is asked ("What you may remove" for "what am I allowed to remove?")
    brings the other bullets of that list: under such a heading the bullets together are the
    answer, and one of them alone reads as if it were all. Lists of more than ``BARE_LIST_MOST``
    bullets, and bullets under a heading that names nothing of the ask, stay as picked; a bullet in
    ``said`` (quoted before in this answer or the previous one) is not added again."""
    out: list[Pick] = []
    done: set[str] = set()
    printed_parts = {part for pick in picks for part in pick.unit.parts}
    for pick in picks:
        out.append(pick)
        passage = pick.passage
        key = passage.get("chunk_id", "")
        if pick.unit.kind != "bullet" or passage.get("kind") != "bullets" or key in done:
            continue
        if not asked & {stem(w) for w in content_words(passage.get("section", ""))}:
            continue
        found = passage_units(passage)
        if any(unit.kind in {"list", "item"} for unit in found):
            continue  # a list with a lead-in is quoted as that unit
        bullets = [unit for unit in found if unit.kind == "bullet"]
        if not 2 <= len(bullets) <= BARE_LIST_MOST:
            continue
        done.add(key)
        for unit in bullets:
            if unit.parts[0] not in printed_parts and unit.text not in said:
                printed_parts.add(unit.parts[0])
                out.append(Pick(unit, passage, pick.score))
    return out


def members_asked(unit: Unit, asked: set[str]) -> Unit | None:
    """An announced list (``announced_lists``) cut to the members that hold a word of the ask
    the announcing sentence does not ("which of the pitfalls is about data?" → the data one),
    with that sentence as its lead-in; None when the ask names none of them, or all."""
    lead = {stem(w) for w in content_words(unit.parts[0])}
    wanted = asked - lead
    kept = [item for item in unit.parts[1:] if wanted & {stem(w) for w in content_words(item)}]
    if not kept or len(kept) == len(unit.parts) - 1:
        return None
    return Unit((unit.parts[0], *kept), "list")


# An ask for the member listed next to a named one ("which one comes right after the pricing
# one?", "what's the step before sanding?"): the named member, then the direction.
NEIGHBOUR = re.compile(
    r"\b(?:(?:comes?|came|is|goes|listed|follows?|right|just|immediately|straight|directly)\s+)*"
    r"(?P<way>after|before|following|preceding)\s+(?:the\s+|that\s+|this\s+)?(?P<named>[^?.,;!]{3,60})",
    re.IGNORECASE)
NEIGHBOUR_ASK = re.compile(r"\b(?:which|what)\b[^?]{0,40}\b(?:comes?|came|is|goes|listed|follows?|step|one|item|point)\b", re.I)
# Words that name the place, not the member ("the X one", "the X step").
PLACE_WORDS = frozenset({"one", "ones", "item", "point", "step", "bit", "part", "entry", "bullet", "thing", "list"})


def neighbour(unit: Unit, question: str) -> Unit | None:
    """A list cut to the member a question names and the one listed right after (or before) it,
    under its lead-in, when the question asks which member comes next to a named one; None for
    any other question, a list that is not one, or a name that fits no member or several."""
    if unit.kind != "list" or len(unit.parts) < 3:
        return None
    ask = own_ask(question)
    place = NEIGHBOUR.search(ask)
    if place is None or not NEIGHBOUR_ASK.search(ask[: place.start()] + " " + place.group(0)):
        return None
    named = {stem(w) for w in content_words(place.group("named")) if w.lower() not in PLACE_WORDS}
    items = list(unit.parts[1:])
    hits = [i for i, item in enumerate(items) if named and named <= {stem(w) for w in content_words(item)}]
    names = [member_title(item) for item in items]
    titled = sum(bool(name) for name in names) >= 3 and not all(names)
    if len(hits) > 1 and titled:  # "change management" named in passing by a later sentence: the
        # member is the one whose capitalised name holds the words
        hits = [i for i in hits if named <= {stem(w) for w in content_words(names[i])}]
    if len(hits) != 1:
        return None
    step = 1 if place.group("way").lower() in {"after", "following"} else -1
    other = hits[0] + step
    while titled and 0 <= other < len(items) and not names[other]:
        other += step  # a sentence saying more about a member is no member of its own
    if not 0 <= other < len(items):
        return None
    return Unit((unit.parts[0], *sorted({items[hits[0]], items[other]}, key=items.index)), "list")


# A member named in capitals at the opening of its sentence ("Data Quality must be checked…", "The
# Impact on Other Teams is…"): two or more capitalised words, small joining words allowed between.
MEMBER_TITLE = re.compile(r"^(?:(?:The|A|An)\s+)?(?P<name>[A-Z][\w'&/-]*(?:\s+(?:(?:and|of|on|in|for|to|the|&)\s+)?[A-Z][\w'&/-]*)+)")


def member_title(item: str) -> str:
    """The capitalised name a member of prose opens with, or "" when its sentence opens
    otherwise ("Effective steps include…" says more about the member before it)."""
    found = MEMBER_TITLE.match(item)
    return found.group("name") if found else ""


def _repeats(unit: Unit, said: set[str]) -> bool:
    """Whether printing ``unit`` would print again what is already chosen: an item of a chosen
    list, or a list all of whose items are chosen (a list holding some chosen items replaces
    them when it is picked); a list's lead-in may head several items."""
    own = set(_own_lines(unit))
    return own <= said if unit.kind == "list" else bool(own & said)


def _own_lines(unit: Unit) -> list[str]:
    """The lines a unit prints that are its own: a list's or an item's items, not the lead-in."""
    lines = printed(unit)
    return lines[1:] if unit.kind in {"list", "item"} and len(lines) > 1 else lines


def row_cells(unit: Unit, asked: set[str]) -> Unit:
    """A table row cut to what the ask names: its first cell (what the row is about) and the
    cells whose header holds a word of the ask ("which ones show early signs?" → the row's
    early-signs column), when some but not all of the other cells' headers do. A row whose
    headers the ask does not name stays whole."""
    if unit.kind != "row" or len(unit.parts) < 3 or not asked:
        return unit
    def header(cell: str) -> set[str]:
        return {stem(w) for w in content_words(cell.split(":", 1)[0])} if ":" in cell else set()
    named = [cell for cell in unit.parts[1:] if header(cell) & asked]
    if not named or len(named) == len(unit.parts) - 1:
        return unit
    return Unit((unit.parts[0], *named), "row")


# Kinds of question one part of a list may answer: a reason, a definition, a follow-up about one
# part (a process, "which…", "how do I…" and an overview are answered by the whole list).
NARROW_KINDS = frozenset({"why", "definition", "follow-up"})


def focused(unit: Unit, question: str, kind: str) -> Unit:
    """A long list cut to the items that answer a narrow ask: for a question that does not ask
    for a list (why, what is, how long, a follow-up about one part), only the items holding a
    word of the ask that the lead-in does not, when some do. Its lead-in stays. A question of
    another kind ("what's the process?", "which…") gets the whole list."""
    if unit.kind != "list" or len(unit.parts) < 5 or (kind not in NARROW_KINDS and not QUANTITY.search(question)):
        return unit
    context = CONTEXT.search(question)
    own = question[: context.start()] if context else question
    lead = {stem(w) for w in content_words(unit.parts[0])}
    asked = {stem(w) for w in content_words(own)} - lead
    kept = [item for item in unit.parts[1:] if asked & {stem(w) for w in content_words(item)}]
    if not kept or len(kept) == len(unit.parts) - 1:
        return unit
    return Unit((unit.parts[0], *kept), "list")


# Where one sentence divides into parts that each say something ("Leave a gap: don't fill it to
# the top; the gap allows for expansion."): after a colon or a semicolon.
CLAUSE_BREAK = re.compile(r"(?<=[;:])\s+")


def retold(unit: Unit, question: str, kind: str, avoid: frozenset[str], typed: str = "") -> Unit:
    """A unit the previous answer printed, picked again for a follow-up, cut to the part that
    answers the new ask, so the answer says what is asked now instead of the same lines again:
    a list whose items were all printed keeps its lead-in and the items holding a word of the
    new ask (else its first item: where it starts); a sentence printed whole keeps its one part
    (after a colon or semicolon) that has the form the ask's kind wants (a reason for "why", a
    figure for "how much"). Anything not printed before, or with no such part, stays whole."""
    if not avoid:
        return unit
    asked = own_words(question, typed)
    if unit.kind == "list" and len(unit.parts) > 2 and set(unit.parts[1:]) <= avoid:
        kept = [item for item in unit.parts[1:] if asked & {stem(w) for w in content_words(item)}]
        if not kept or len(kept) == len(unit.parts) - 1:
            kept = list(unit.parts[1:2])
        return Unit((unit.parts[0], *kept), "list")
    if unit.kind not in {"sentence", "bullet"} or unit.parts[0] not in avoid:
        return unit
    parts = [part.strip() for part in CLAUSE_BREAK.split(unit.parts[0]) if part.strip()]
    if len(parts) < 2 or re.search(r"[.!?]\s+[A-Z]", unit.parts[0]):  # several sentences: one thought
        return unit
    # a later part, after its lead ("Leave a gap: …; the gap allows for …"): the first part alone
    # is only the start of what was said
    fitting = [part for part in parts[1:] if len(part) >= 25 and not part.endswith(":")
               and kind_fit(kind, question, Unit((part,), "sentence"))]
    if len(fitting) != 1:
        return unit
    return Unit((fitting[0].rstrip(";:"),), unit.kind)




def in_course_order(picks: list[Pick]) -> list[list[Pick]]:
    """Picks grouped by section (best section first), in course order within each section."""
    groups: dict[tuple, list[Pick]] = {}
    for pick in picks:
        key = (pick.passage.get("source", ""), pick.passage.get("lesson", ""), pick.passage.get("section", ""))
        groups.setdefault(key, []).append(pick)
    ordered = []
    for group in groups.values():
        def position(pick: Pick) -> tuple[int, int]:
            text = pick.passage["text"]  # an item by its own place, not its lead-in's
            return int(pick.passage.get("start", 0) or 0), text.find(pick.unit.parts[-1])

        ordered.append(sorted(group, key=position))
    return ordered
