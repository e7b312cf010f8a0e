"""The lesson a question names, and whether it asks what that lesson covers.

A learner names a lesson by the number the course gives it ("lesson 6.3", "what's 6.2 about?")
or by words of its title next to the word "lesson" ("the measurement lesson", "the lesson about
the future"). Both are read against the served course's own outline (knowledge.course), so
nothing here knows a course. A question that names a lesson and asks for its gist ("quick
summary of lesson 6.3", "what does the measurement lesson cover?") is answered with that
lesson's sections and the opening of each; one that asks something specific about it ("what
trends does lesson 6.4 cover?") is answered from that lesson's passages first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.parsing import names_its_number
from knowledge.text import content_words, stem

# A word for one part of a course, in general English (singular: "lessons learned" names none).
PART = re.compile(r"\b(?:lesson|chapter|session|unit)\b", re.IGNORECASE)
# Asks for the gist of a part: a summary, what it covers or is about, its main points.
GIST = re.compile(
    r"\b(?:summary|summari[sz]e|summed up|overview|gist|recap|tl;?dr|outline|rundown|cover(?:s|ed)?|about"
    r"|(?:main|key|big|important) (?:points?|ideas?|things?|takeaways?|parts?)|takeaways?|in (?:\d+|one|two|three|a few) (?:sentences?|lines?|words|points))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NamedLesson:
    """A lesson of the served course a question names; ``gist``: it asks what the lesson covers."""

    lesson: str  # the lesson's id as the course numbers it ("6.3")
    title: str
    sections: tuple[str, ...]
    gist: bool
    parts: tuple[str, ...] = ()  # its sections whose headings the question names


def _stems(text: str) -> set[str]:
    return {stem(w) for w in content_words(text)}


def _shared(asked: set[str], words: set[str]) -> set[str]:
    """Words of ``words`` that a word of ``asked`` is, or shares a long stem with
    ("measurement" and "measuring")."""
    return {w for w in words if any(a == w or (min(len(a), len(w)) >= 5 and (a.startswith(w) or w.startswith(a)))
                                    for a in asked)}


def named_lesson(question: str, course) -> NamedLesson | None:
    """The lesson of ``course`` (knowledge.course.Course) that ``question`` names, or None."""
    if not PART.search(question):
        return None
    lessons = [lesson for module in course.modules for lesson in module.lessons]
    numbered = [lesson for lesson in lessons if re.fullmatch(r"\d+(?:\.\d+)*", lesson.lesson)]
    found = [lesson for lesson in numbered
             if re.search(rf"(?<![\d.$£€]){re.escape(lesson.lesson)}(?![\w%$£€]|\.\d)", question)]
    asked = _stems(question)
    if not found:
        # words of one lesson's title that no other lesson's title holds
        titles = {id(l): _stems(l.title) for l in lessons}
        everywhere = {w for words in titles.values() for w in words if sum(w in t for t in titles.values()) > 1}
        overlap = {key: len(_shared(asked, words - everywhere)) for key, words in titles.items()}
        best = max(overlap.values(), default=0)
        found = [l for l in lessons if best and overlap[id(l)] == best]
    if len(found) != 1:
        return None
    lesson = found[0]
    # a word the lesson's section headings hold (beyond its own and its module's title) asks
    # about that part, not for the gist of the whole lesson
    module_words = {w for module in course.modules if lesson in module.lessons for w in _stems(module.title)}
    general = _stems(lesson.title) | module_words
    parts = tuple(s for s in lesson.sections if _shared(asked, _stems(s) - general))
    return NamedLesson(lesson.lesson, lesson.title, tuple(lesson.sections),
                       gist=bool(GIST.search(question)) and not parts, parts=parts)


def named_sections(question: str, course) -> tuple[str, ...]:
    """Section headings of ``course`` the question names by their words ("list the key takeaways
    from module 6" names "Module 6: Key Strategic Takeaways"): at least two of a heading's
    distinctive words (those no more than two headings hold), and half of them. At most two."""
    asked = _stems(question)
    headings = [s for module in course.modules for lesson in module.lessons for s in lesson.sections]
    words = {h: _stems(h) for h in headings}
    common = {w for ws in words.values() for w in ws if sum(w in other for other in words.values()) > 2}
    found = []
    for heading, stems in words.items():
        distinctive = stems - common
        hit = _shared(asked, distinctive)
        if len(hit) >= 2 and len(hit) * 2 >= len(distinctive) and heading not in found:
            found.append(heading)
    return tuple(found) if len(found) <= 2 else ()


# Headings under which a writer sums a whole part up, in general English ("Key takeaways",
# "Summary", "Recap", "Conclusion", "The key rules at a glance"): what an overview quotes.
SUMMARY = re.compile(
    r"\b(?:summary|summing up|sum-up|takeaways?|recap|conclusions?|wrap[- ]?up|in a nutshell|at a glance|cheat[- ]?sheet"
    r"|key (?:points|ideas|lessons|messages|rules|principles|facts|things))\b",
    re.IGNORECASE,
)


def summary_sections(course) -> tuple[str, ...]:
    """Section headings of ``course`` that announce a summary of what it teaches, in course
    order, each once: an overview question quotes them after the outline."""
    found: list[str] = []
    for module in course.modules:
        for lesson in module.lessons:  # a part without sections is its own one section
            for section in lesson.sections or (lesson.title,):
                if SUMMARY.search(section) and section not in found:
                    found.append(section)
    return tuple(found)


# An ask for where the course treats something ("which lesson talks about…", "what chapter
# covers…", "where in the course is … explained?"): the answer says which part holds it.
ASKS_WHERE = re.compile(
    r"\b(?:which|what) (?:lesson|chapter|section|session|unit|module|part|page|slide|topic page)s?\b"
    r"(?= (?:[\w-]+ ){0,3}?(?:talks?|covers?|discuss\w*|explains?|deals?|is|are|has|have|mentions?|teach\w*|goes? (?:into|through)"
    r"|about|on)\b)"
    r"|\bwhere (?:in|does|do) (?:the|this|that|it|they) (?:course|module|lesson|deck|book|guide|notes?|material)?\b"
    r"|\bwhere (?:is|are|can i find|do i find) (?:[\w'-]+ ){0,6}?(?:covered|discussed|explained|talked about|mentioned|taught)\b",
    re.IGNORECASE,
)


def asks_where(question: str) -> bool:
    """Whether a question asks where in the course something is treated."""
    return bool(ASKS_WHERE.search(question))


def location_line(passage: dict) -> str:
    """Where a passage sits, in the course's own headings: its lesson (by the course's number,
    when it numbers it) and its section."""
    number, title = str(passage.get("lesson", "")), str(passage.get("lesson_title", ""))
    section = str(passage.get("section", "")).rstrip(" :")
    part = f"{number}. {title}" if title and re.fullmatch(r"\d+(?:\.\d+)*", number) and not names_its_number(title, number) \
        else title
    if part and section and part != section:
        return f"Where the course covers it: “{part}”, section “{section}”."
    return f"Where the course covers it: “{part or section}”."
