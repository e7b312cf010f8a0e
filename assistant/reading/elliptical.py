"""Follow-ups that lean on the previous turn: "which of those…", "and for a small shop?", "why?".

A message is *elliptical* when it cannot be answered on its own: it points back ("those",
"them", "it" with almost nothing else), opens with a connector that continues the last
question ("and for…", "what about…"), or is a bare ask ("why?", "how often?", "give me an
example"). ``resolve`` turns it into a text that can be searched and answered alone — the
message's own ask first, the previous question's topic words after it — and hands back the
lines the previous answer quoted, so the composer quotes something else first and the answer
is about what was asked now, not a repeat. Small talk around an ask ("ok, back to the topic:",
"thanks! btw", "different question -") is dropped, and a message with its own topic stands
alone: a refused or unrelated previous turn never taints it. Everything here is general
English; the topic always comes from the conversation, never from a course.

Where the engine calls it: in ``Advisor.stream``, for a message that is not a calculation
follow-up (``assistant.reading.dialogue.resolve_follow_up`` changed none of its calculator
inputs), call ``resolve(text, previous_question, previous_answer)`` with the resolved text of
the last user turn *that was answered* (skip refused turns) and that turn's answer; search and
answer ``FollowUp.text`` (store it as the turn's "resolved"), and put ``FollowUp.avoid`` on the
Intent (``intent.avoid``) that the offline brain composes with. evals/devsets.py wires it this
way to measure it until the engine does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.figures import read_figures
from knowledge.text import CITATION_RE, content_words, stem, strip_preamble

# Pointers back to the previous answer: strong ones stand for a whole list ("which of those"),
# weak ones are also idioms ("worth it"), so they count only when little else is said.
STRONG = re.compile(
    r"\b(?:those|these|them|they|the (?:first|second|third|fourth|fifth|last|next|final|other) [\w-]+|which ones?|the above"
    r"|each of them|either|both|the same|ones"
    # "the cost bit", "the customer experience one", "the change management part": a part of
    # what was just said, named by its own words
    r"|the (?:[\w-]+ ){1,3}(?:bit|part|one|side|piece)s?\b(?!\s+(?:of|in|on|for)\b))",
    re.IGNORECASE,
)
# "What is X?" names its own topic however short; other short asks lean on the conversation.
NAMES_A_TERM = re.compile(r"^\s*(?:what(?:'s| is| are| does)|whats|define|meaning of|who is)\b", re.IGNORECASE)
# "What's the catch?", "what is the point?": one noun with "the" asks about the thing at hand,
# not for a term's definition.
THE_ONE = re.compile(r"^\s*(?:what(?:'s| is)|whats)\s+the\s+[\w-]+\s*[?.!]*\s*$", re.IGNORECASE)
# "this"/"that" point back only as pronouns ("what's hard about that?", "is that true?"), not
# as determiners ("this course").
WEAK = re.compile(
    r"\b(?:it|its|there)\b|\b(?:that|this)\b(?=\s*(?:[?.!,]|$|is\b|was\b|does\b|would\b|will\b|means?\b|works?\b"
    # a verb right after it: "what does that tell me", "does this apply to us", "how did that happen"
    r"|(?:tells?|shows?|says?|happens?|matters?|helps?|applies|apply|affects?|depends?|changes?|includes?|leaves?)\b))"
    r"|\b(?:about|of|with|for|on|in|from|like|after|before) (?:that|this)\b",
    re.IGNORECASE,
)
# "is that different for…?", "would those still apply to…?", "are they worth it for…?": what was
# just said, as the subject of a short question about another case ("it" is left out: "is it ok
# to…" is a question of its own).
POINTER_SUBJECT = re.compile(
    r"^\s*(?:(?:and|but|so|ok(?:ay)?),?\s+)?(?:is|was|are|were|would|will|does|do|did|can|could|should|might|must)(?:n'?t)?"
    r"\s+(?:that|this|those|these|they)\s+(?:(?:still|also|really|any|much|very|the|even)\s+)?"
    r"(?:different|true|right|wrong|ok|okay|fine|normal|enough|necessary|needed|required|relevant|important|possible"
    r"|realistic|feasible|worth|better|worse|same|safe|legal|allowed|mandatory|optional|apply|applies|work|matter"
    r"|change|hold|count|help|fit)\b", re.IGNORECASE)
# Openings that continue the previous question.
CONTINUES = re.compile(r"^\s*(?:and|but|or|what about|how about|what if|same (?:for|with)|and if|then|instead)\b", re.IGNORECASE)
# A continuation whose words ask something of their own — a question word or verb ("and the
# status page, when does that get updated?"), a condition ("what if the experiments fail?"), a
# clause with its own subject ("but we sell online?") — asks anew about the topic; one that only
# names another case ("and from a colony that already made it through a winter?", "and for fresh
# fish?") is the previous question about that case.
SUBJECT_FIRST = re.compile(r"^(?:i|we|you|they|he|she|it|someone|somebody|nobody|everyone|everybody)\b", re.IGNORECASE)
# A continuation that states a condition ("what if the experiments fail?", "and if nobody replies?")
# asks what to do in that case, whatever its verb; only a bare phrase after it ("what if for a
# small shop?") refines the previous question.
CONDITION = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(?:what|and|but)?\s*if\s+(?!(?:for|in|on|at|with|during|after|before)\b)", re.IGNORECASE)
# The context a follow-up borrowed from the turn before it, in brackets at its end.
CONTEXT = re.compile(r"\s*\([^()]*\)\s*(?=[?.!]*\s*$)")
# Asks that name no topic of their own.
BARE = re.compile(
    r"^\s*(?:(?:and|but|so|then),?\s+)?(?:why(?: (?:is|does|do|would|should) (?:that|it|this)(?: \w+)?)?|how(?: so| come| often| long| much| many| exactly)?|when|where|who"
    r"|like what|such as|for (?:example|instance)|example|examples|really|meaning|in what way|what else|anything else|more|go on|tell me more"
    r"|(?:can you |could you |please )?(?:give|show) (?:me )?(?:an? |some |another |one )?(?:concrete |real |quick |practical )?(?:examples?|case|instance|illustration)"
    r"|(?:can you |could you )?(?:explain|elaborate)(?: (?:that|it|more|further|on that))?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# Words of an ask that carry no topic: a message made only of them is elliptical however long.
GENERIC = frozenset(
    "example examples instance case concrete real practical quick give show tell explain elaborate mean meaning "
    "why how often long much many exactly usually typically really actually first second last next "
    "small big large smaller bigger shop store business company team one ones thing things way ways kind kinds "
    "work works happen happens matter matters help helps important good bad better best go goes wrong right "
    "early later late soon look looks like say says said get gets got getting stand stands usually often "
    "something anything stuff step steps made make makes difference biggest end".split()
)
EXAMPLE = re.compile(r"\b(?:examples?|instance|illustrat\w*|case stud\w*)\b", re.IGNORECASE)
# Words by which a message says it leaves the previous topic ("switching to refunds -", "new
# topic:", "moving on to…"): what follows stands alone, whatever pointers it holds.
SWITCH = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|right|alright|thanks|cool|so),?\s+)*(?:(?:now\s+)?(?:switching|moving on|turning|changing(?: the)? (?:topic|subject))(?: (?:over|back))?(?: to)?"
    r"|(?:(?:a |on a |on an )?(?:different|new|another|other|separate|unrelated) (?:question|topic|subject|note|thing))"
    r"|back (?:on|to) (?:the )?(?:topic|track|subject|course)\b|(?:back to|returning to)\b)",
    re.IGNORECASE,
)
QUESTION_WORDS = re.compile(
    r"\b(?:what|which|how|why|when|where|who|whom|whose|do|does|did|is|are|was|were|can|could|should|would|will|shall|may|might|must)\b",
    re.IGNORECASE,
)


# "the last one on that list", "the second one", "the first point": one member of what the
# previous answer listed, by its place.
ORDINAL = re.compile(
    r"\bthe (?P<place>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last|final)"
    r"(?: (?:one|item|point|thing|step|bit|part|entry|bullet)s?\b|(?= (?:on|in|of|from) (?:that|the|this|your) list\b))",
    re.IGNORECASE,
)
PLACES = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
          "fifth": 4, "5th": 4, "sixth": 5, "6th": 5, "last": -1, "final": -1}


@dataclass(frozen=True)
class FollowUp:
    """What to search and answer for a message, and what the previous answer already said."""

    text: str  # the ask, standing alone
    elliptical: bool = False  # whether it leaned on the previous turn
    avoid: tuple[str, ...] = ()  # lines the previous answer quoted: quote others first (for any
    # message after an answered turn, elliptical or not)


def _own_words(ask: str) -> list[str]:
    return [w for w in content_words(ask) if w.lower() not in GENERIC]


def is_elliptical(message: str) -> bool:
    """Whether ``message`` needs the previous turn to be understood."""
    ask = strip_preamble(message)
    if len(ask) > 160:
        return False
    own = _own_words(ask)
    if BARE.match(ask) or not own:
        return True
    if STRONG.search(ask) and len(own) <= 4:
        return True
    if (CONTINUES.match(ask) or POINTER_SUBJECT.match(ask)) and len(own) <= 4:
        return True
    if EXAMPLE.search(ask) and len(own) <= 4:  # "an example of fixing it": of the topic at hand
        return True
    if WEAK.search(ask) and len(own) <= 2:
        return True
    return len(own) <= 2 and (not NAMES_A_TERM.match(ask) or bool(THE_ONE.match(ask))) and len(ask) < 60


def without_figures(text: str) -> str:
    """``text`` with its figures taken out: a follow-up borrows the previous question's words,
    never its figures, which reach a calculation only through the conversation's calculation
    state (reading/dialogue.py); borrowed, they would be computed again for a message that asks
    something else ("ok and how should we measure it?", "is that good?")."""
    out, end = [], 0
    for fig in read_figures(text):
        out.append(text[end: fig.span[0]])
        end = fig.span[1]
    out.append(text[end:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def topic(question: str) -> str:
    """The previous question's topic words, in its order, each once (its own preamble, asks,
    figures and words that name no topic dropped); a hyphenated compound ("win-back") is kept
    whole when a part of it carries meaning."""
    ask = without_figures(strip_preamble(question))
    ask = QUESTION_WORDS.sub(" ", ask)
    kept: list[str] = []
    for word in re.findall(r"[\w'&/-]+", ask):
        word = word.strip("'-/")
        parts = [c for c in content_words(word) if c not in GENERIC]
        if not parts or word.lower() in {k.lower() for k in kept}:
            continue
        kept.append(word)
    return " ".join(kept)


def answered_part(subject: str, answered: str) -> str:
    """The words of a borrowed topic that the previous answer took up (by stem): what the
    conversation is about, without the asker's own phrasing around it ("we launched", "put on
    the report"). All of it when the answer quoted nothing, or took up one stray word of it."""
    said = {stem(w) for w in content_words(answered)}
    if not said:
        return subject
    words = subject.split()
    kept = [word for word in words if {stem(c) for c in content_words(word)} & said]
    # a phrase or most of it taken up: the rest is phrasing; one stray word of many: the answer
    # was about something else and the question's words are the topic
    return " ".join(kept) if kept and (len(kept) >= 2 or len(kept) * 2 >= len(words)) else subject


def answer_sections(answer: str) -> list[tuple[str, tuple[str, ...]]]:
    """The course sections an answer quoted under ("#### Reward economics"), each with its
    quoted lines, in answer order. A heading counts only when a line under it cites the course
    ("- … [1]"): a block of calculator results or an ask repeated as a heading is not a section."""
    sections: list[tuple[str, list[str]]] = []
    heading = ""
    for line in answer.splitlines():
        line = line.strip()
        if line.startswith("#### "):
            heading = "" if line.endswith("?") else line[5:].strip()
            if heading:
                sections.append((heading, []))
        elif heading and line.startswith("- ") and CITATION_RE.search(line):
            sections[-1][1].append(CITATION_RE.sub("", line[2:]).strip())
    return [(name, tuple(lines)) for name, lines in sections if lines]


def answer_heading(answer: str, subject: str = "") -> str:
    """The section the previous answer quoted its topic under, or "": what it was about beyond
    the words of the question that asked for it. With ``subject`` (the topic words), the section
    whose heading and lines hold most of them, the whole phrase first ("model drift" over a
    section that says "drift" and "models" apart); else the first section."""
    sections = answer_sections(answer)
    if not sections:
        return ""
    if not subject.strip():
        return sections[0][0]
    wanted = {stem(w) for w in content_words(subject)}
    phrase = " ".join(subject.lower().split())

    def fit(section: tuple[str, tuple[str, ...]]) -> tuple[bool, int]:
        text = " ".join([section[0], *section[1]])
        return phrase in " ".join(text.lower().split()), len(wanted & {stem(w) for w in content_words(text)})

    return max(sections, key=fit)[0]  # the first of equals


# A question that sets two things side by side ("the difference between a quick win and a long
# bet"): "the second one" after it is the second of those, not the answer's second line.
SIDE_BY_SIDE = re.compile(r"\b(?:differen\w*|differ|versus|vs\.?|compar\w*|between|rather than|instead of)\b", re.IGNORECASE)


def listed_member(question: str, answer: str, asked_before: str = "") -> str:
    """The member of the previous answer's list a message names by its place ("and the last one
    on that list?" → the list's last item), or "". The list is the first one the answer quoted
    with two or more items (its indented lines); without one, the bullets the answer printed
    under its first heading, when there are two or more of them: that is the list the reader
    saw, whatever the course's own layout. Lines quoted under different headings are no list,
    nor are the lines that answered a question setting two things side by side (``asked_before``)."""
    place = ORDINAL.search(question)
    if not place:
        return ""
    items: list[str] = []
    tops: list[list[str]] = [[]]  # the bullets under each heading of the answer
    members: list[str] = []
    for line in answer.splitlines():
        if line.strip().startswith("#### "):
            if len(items) >= 2:
                break
            items = []
            tops.append([])
            continue
        if not CITATION_RE.search(line) or not line.strip().startswith("- "):
            if len(items) >= 2 and line.strip():
                break
            continue
        text = CITATION_RE.sub("", line.strip()[2:]).strip()
        if line.startswith("   "):
            items.append(text)
        elif len(items) >= 2:
            break
        else:
            items = []
            tops[-1].append(text)
    # without a list of its own, the first heading's bullets; when that heading held one line,
    # the first heading under which the answer printed several ("9.2 Summary" with one line,
    # then the five bullets of "6.1 What you may remove"): the list the reader saw
    top = next((run for run in tops if run), [])
    if len(top) < 2:
        top = next((run for run in tops if len(run) >= 2), [])
    members = items if len(items) >= 2 else (top if len(top) >= 2 and not SIDE_BY_SIDE.search(asked_before) else [])
    index = PLACES[place.group("place").lower()]
    return members[index] if members and index < len(members) else ""


def member_name(member: str) -> str:
    """What a listed member is called: its opening quoted phrase or label ("\"Lack of clear
    metrics\" makes it…", "Cost: …"), else its first clause, at most twelve words."""
    named = re.match(r"^\W{0,2}[\"“'‘]([^\"”'’]{3,60})[\"”'’]|^([^:;.]{3,60}):", member)
    if named:
        return (named.group(1) or named.group(2)).strip(" ,")
    clause = re.split(r"[;:,.](?:\s|$)", member, maxsplit=1)[0]
    return " ".join(clause.split()[:12])


def answer_lines(answer: str) -> tuple[str, ...]:
    """The quoted lines of an answer ("- text [1]"), without bullets and citation numbers."""
    lines = []
    for line in answer.splitlines():
        line = line.strip()
        if line.startswith("- "):
            text = CITATION_RE.sub("", line[2:]).strip()
            if text:
                lines.append(text)
    return tuple(lines)


def leans_on(question: str, previous_question: str, previous_answer: str = "") -> bool:
    """Whether a message that reads as a question of its own still leans on the previous turn:
    it points back ("put it on", "those weeks") or shares a topic word (by stem) with the
    previous question or the section its answer quoted from ("need to water today?" after a
    question on watering a bed)."""
    ask = strip_preamble(question)
    if STRONG.search(ask) or WEAK.search(ask):
        return True
    own = {stem(w) for w in _own_words(ask)}
    before = {stem(w) for w in content_words(f"{topic(previous_question)} {topic(answer_heading(previous_answer))}")}
    return bool(own & before)


def resolve(question: str, previous_question: str | None, previous_answer: str | None = None,
            force: bool = False) -> FollowUp:
    """The text to search and answer for ``question`` after the previous answered turn.

    A message with a topic of its own is that ask, small talk dropped. An elliptical one keeps
    its own ask first and borrows the previous question's topic: a continuation ("and for a
    small shop?") refines the previous question, any other ("which of those…", "why?", "give me
    an example") gets the topic in brackets. Either way the previous answer's lines come back in
    ``avoid``, so the new answer is not a repeat of it. ``force``: read the message as leaning on
    the previous turn even though it reads as a question of its own (the engine asks for this
    reading when the message alone is outside the course but leans on the turn before it)."""
    ask = strip_preamble(question)
    if SWITCH.match(question) or SWITCH.match(ask):
        # "switching to refunds - when…": a new topic, named in the message itself
        switch = SWITCH.match(ask)
        rest = ask[switch.end():].strip(" ,:;-") if switch else ask
        return FollowUp(strip_preamble(rest) if rest.strip(" ?.!") else ask, False, answer_lines(previous_answer or ""))
    head, remark = asking_sentence(ask)
    if remark and previous_question and not is_elliptical(ask) and is_elliptical(head) \
            and not _new_topic(head, previous_question):
        # "but for a two-person team? we have no analysts": a short ask that leans back, then a
        # remark about the asker's case; the ask is resolved, the remark stays as its context
        follow = resolve(head, previous_question, previous_answer, force)
        if follow.elliptical and follow.text.endswith(")?"):
            return FollowUp(f"{follow.text[:-2]}; {remark.rstrip(' ?.!')})?", True, follow.avoid)
        return follow
    if not previous_question or not force and (not is_elliptical(question) or _new_topic(ask, previous_question)):
        # a question of its own borrows nothing, but is no repeat either: what the last answer
        # quoted comes back only where it answers best, and then only the part that answers
        return FollowUp(ask, False, answer_lines(previous_answer or "") if previous_question else ())
    # the previous question's own topic; what it borrowed in turn only when it named little
    # ("how do I calibrate a probe (…records)" → "calibrate probe")
    member = listed_member(ask, previous_answer or "", previous_question)
    if member:  # one member of the list just given: its name is the topic of the new ask, and
        # the answer says more about it than the line the list already gave (that line is avoided)
        own = ask.rstrip(" ?.!")
        return FollowUp(f"{own} ({member_name(member)})?", True, answer_lines(previous_answer or ""))
    mine = asked_sentences(CONTEXT.sub("", previous_question))
    subject = topic(mine) if len(topic(mine).split()) >= 2 else topic(previous_question)
    avoid = answer_lines(previous_answer or "")
    headings = [name for name, _ in answer_sections(previous_answer or "")]
    subject = answered_part(subject, " ".join([*headings, *avoid]))
    heading = answer_heading(previous_answer or "", subject)
    if not subject and not heading:
        return FollowUp(ask)
    own = ask.rstrip(" ?.!")
    tail = CONTINUES.sub("", own, count=1).strip(" ,")
    while CONTINUES.match(tail):  # "and what about …", "but then …": every opening off
        tail = CONTINUES.sub("", tail, count=1).strip(" ,")
    asks_anew = CONDITION.match(ask) or QUESTION_WORDS.search(tail) or SUBJECT_FIRST.match(tail)
    if CONTINUES.match(ask) and not BARE.match(ask) and not asks_anew:
        # the previous question with one part replaced; its own borrowed context dropped
        base = CONTEXT.sub("", without_figures(strip_preamble(previous_question))).rstrip(" ?.!")
        return FollowUp(f"{base} ({tail})?", True, avoid)
    # the previous answer's section says what "those" / "it" were, beyond the question's words
    said = {stem(w) for w in content_words(f"{own} {subject}")}
    # (only when the question said little: a long borrowed topic already names it, and more
    # words would pull the search away from the new ask)
    extra = [w for w in topic(heading).split() if not {stem(c) for c in content_words(w)} <= said] \
        if heading and len(subject.split()) < 3 else []
    subject = "; ".join(part for part in (subject, " ".join(extra)) if part)
    if not subject:
        return FollowUp(ask)
    return FollowUp(f"{own} ({subject})?", True, avoid)


def asked_sentences(question: str) -> str:
    """The sentences of a question that ask (those ending in "?"), when the asker's situation
    comes before them ("we review stock every week. how often should the model be checked?"): a
    follow-up ("and who owns that?") is about what was asked, not about the situation. The whole
    question when it asks in every sentence, or when its asking sentences name under two topic
    words ("…what exactly do we check?")."""
    sentences = [part.strip() for part in re.split(r"(?<=[.!?])\s+", question.strip()) if part.strip()]
    asking = [part for part in sentences if part.endswith("?")]
    if not asking or len(asking) == len(sentences) or len(topic(" ".join(asking)).split()) < 2:
        return question
    return " ".join(asking)


def asking_sentence(ask: str) -> tuple[str, str]:
    """A message that asks first and then remarks ("and for a shop of two? we have no data
    team"): (the asking sentence, the remark); (the message, "") when it is not so built, or
    when the remark asks something too."""
    match = re.match(r"^(.{3,}?\?)\s+(\S.*)$", ask)
    if not match or ("?" in match.group(2) and not CHALLENGE.match(match.group(2))):
        return ask, ""
    return match.group(1).strip(), match.group(2).strip()


# A question that pushes back rather than asks anew ("Why though? Isn't the point to save staff
# time?", "How come? Doesn't that cost more?"): the asker's objection, the context of the short
# ask before it, not a question of its own.
CHALLENGE = re.compile(
    r"^(?:but\s+|surely\s+)?(?:isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|wouldn'?t|won'?t|shouldn'?t|can'?t|wasn'?t"
    r"|haven'?t|hasn'?t|is it not|does it not|surely)\b[^?]*\?\s*$", re.IGNORECASE)


def _new_topic(ask: str, previous_question: str) -> bool:
    """Whether a short message names a topic of its own: three or more words that carry meaning,
    none of them in the previous question ("give me an example of a lapsed-donor letter" after
    a question on gift aid). A continuation ("and for fresh fish?") refines the last question
    whatever it names."""
    if CONTINUES.match(ask) or BARE.match(ask) or STRONG.search(ask) or POINTER_SUBJECT.match(ask):
        # "those", "the … ones", "is that … for X?": the last turn's
        return False
    own = {stem(w) for w in _own_words(ask)}
    before = {stem(w) for w in content_words(previous_question)}
    return len(own) >= 3 and not own & before
