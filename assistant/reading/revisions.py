"""Figures the user revises within one message: corrected ("3k, no wait, 4k", "33k not 30"),
taken back ("12k — no wait, that was last year's"), or offered as another value ("50k — hmm or
45k"). General English for changing one's mind mid-sentence; a correction made in a later message
of a conversation is read in assistant/reading/corrections.py.
"""

from __future__ import annotations

import re

from assistant.reading.corrections import at_a_distance
from knowledge.figures import Figure

# What a user writes between a figure and the one that replaces it: "3k, no wait, 4k", "3k (sorry,
# 4k)", "3,000 - correction: 4,000", "3k, I mean 4k", "3k or rather 4k".
_CORRECTION = re.compile(
    r"^[\s,;:()\u2014\u2013.-]*(?:(?:no|wait|sorry|oops|correction|actually|i mean|i meant|make (?:that|it)|or rather|"
    r"rather|scratch that|typo|my bad|i should say|it(?:'s| is| was)|that(?:'s| is)|should (?:be|read|say)|err|um)"
    r"[\s,;:()\u2014\u2013.!-]*)+$", re.IGNORECASE)
_CORRECTION_CORE = re.compile(
    r"\b(?:no,? wait|wait|sorry|oops|correction|actually|i mean|i meant|make (?:that|it)|rather|scratch that|typo|my bad|"
    r"should (?:be|read|say)|i should say)\b", re.IGNORECASE)


# A correction right before the new figure, after words about the old one: "3k for the year all
# in... no wait, it was 4k"; "impact... 6? maybe 7. go with 7".
_CORRECTED_TAIL = re.compile(
    r"(?:\bno,?\s+wait|\bsorry|\bcorrection|\bi mean|\bi meant|\bscratch that|\bmake (?:that|it)|\bgo with|\bcall it|"
    # the user's own revision of a figure they quote: "I'd haircut that to 150k", "scale it back to 20k"
    r"\b(?:haircut|trim|scale|knock|mark|revise|adjust|bring)\w*\s+(?:that|it|this|them)\s+(?:down\s+|back\s+)?to|"
    r"\?\s*(?:maybe|perhaps|no|or))[\s,;:!.\u2014\u2013-]*(?:it(?:'s| is| was)\s+|that(?:'s| is)\s+|should be\s+)?"
    r"(?:more like\s+|about\s+|actually\s+)?$", re.IGNORECASE)


# A pasted chat's line start, "[14:05] Jonas: ", "11:02 - Kim: ": who spoke and when, no words of the
# thread's content (a correction in the next line is read past it: "31k" / "[14:05] Jo: wait no, 34.5k").
_CHAT_PREFIX = re.compile(r"\n[ \t]*\[?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]?[ap]\.?m\.?)?\]?[ \t]*[-\u2013]?[ \t]*"
                          r"(?:[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*)?[ \t]*:)?[ \t]*", re.IGNORECASE)


def between_lines(between: str) -> str:
    """The words between two figures with the chat line starts in between taken out."""
    return _CHAT_PREFIX.sub(" ", between)


# "more like 60": another estimate, a correction only once the thread says it again ("fine, 60"); left
# alone it is a disagreement ("no way, more like 1.2k"), or a second value ("the rest of the year more like 300")
_MORE_LIKE = re.compile(r"\bmore\s+like\s*$", re.IGNORECASE)


def same_kind(a: Figure, b: Figure) -> bool:
    if "duration" in {a.unit, b.unit} and any(f.unit != "duration" and (f.period or f.scaled) for f in (a, b)):
        return False  # "maint 1.5k/yr … make that 3 yrs": an amount is not corrected by a length of time
    return a.unit == b.unit or "count" in {a.unit, b.unit} and not {a.unit, b.unit} & {"percent"} or (
        {a.unit, b.unit} == {"count", "percent"})


def _as_written_by(new: Figure, old: Figure) -> set[float]:
    """The values ``old`` may stand for when ``new`` corrects it: as written, and, when ``old`` is a
    bare number, in ``new``'s scale or unit ("33k, not 30": 30k; "3 yrs not 2": two years)."""
    values = {old.value}
    written = re.search(r"\d+(?:[.,]\d+)?", new.text)
    if written and old.unit == "count" and not old.scaled and not old.period:
        number = float(written.group(0).replace(",", "."))
        if number and abs(new.value / number - 1) > 1e-9:
            values.add(old.value * new.value / number)
    return values


_LINKING = {"was", "is", "are", "were", "be", "at", "of", "the", "it", "to"}


def _without_label(between: str, old: Figure) -> str:
    """``between`` without the words that named ``old`` and the verb joining them to the next figure:
    what is left of ".. wait no gain was " after "gain 25k" is ".. wait no  "."""
    names = {w for w in old.before[-3:] + old.after[:2] if len(w) > 2} | _LINKING
    if not names - _LINKING:
        return between
    return re.sub(r"[A-Za-z][A-Za-z'-]*", lambda m: " " if m.group(0).lower() in names else m.group(0), between)


# "…, last one is 14k", "the second one should be 9k": a correction naming a list item by its place.
_LIST_POSITION = re.compile(r"\b(first|second|third|fourth|last|final)\s+(?:one|figure|number|amount|value|flow)s?\s+"
                            r"(?:is|was|should\s+be|=)\s*(?:actually\s+)?$", re.IGNORECASE)


def _listed_item(text: str, figures: list[Figure], last: Figure, position: str) -> Figure | None:
    """The item at ``position`` of the comma-separated list of figures that ends with ``last``."""
    items = [last]
    for fig in reversed(figures[: last.index]):
        if not same_kind(fig, last) or not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[fig.span[1] : items[-1].span[0]]):
            break
        items.append(fig)
    items.reverse()
    if len(items) < 2:
        return None
    return items[-1] if position in {"last", "final"} else None  # an earlier item: see ``corrected_in_place``


def corrected_in_place(text: str, figures: list[Figure]) -> list[Figure]:
    """New figures that correct an earlier item of a list by its place ("the second one should be
    25k"): the list's order would put them last, so they are asked about, not placed on a guess."""
    out = []
    for a, b in zip(figures, figures[1:]):
        between = text[a.span[1] : b.span[0]]
        listed = _LIST_POSITION.search(between) if _CORRECTION_CORE.search(between) and len(between) < 80 else None
        if listed and listed.group(1).lower() not in {"last", "final"} and same_kind(a, b):
            out.append(b)
    return out


# Right after a figure, the user takes it back: "cost was 12k — no wait, that was last year's quote".
_TAKEN_BACK = re.compile(r"[\s,;:()\u2014\u2013.-]*(?:no,?\s+wait|wait,?\s+no|scratch that|oops)\b", re.IGNORECASE)
# Between two figures of one kind, a second value offered instead: "cost 50k — hmm or 45k if …".
_OFFERED_OR = re.compile(r"[\s,;:(\u2014\u2013-]*(?:[a-z]{1,6}[\s,.]+)?or\s+(?:maybe\s+|perhaps\s+|possibly\s+)?$", re.IGNORECASE)


def taken_back(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures the user took back right after saying them, with no figure of the same kind
    in their place in the rest of that sentence: nothing to compute that input from."""
    out = []
    for fig in figures:
        if not _TAKEN_BACK.match(text, fig.span[1]):
            continue
        rest = re.split(r"[.;!?\n](?!\d)", text[fig.span[1] :], maxsplit=1)[0]
        end = fig.span[1] + len(rest)
        if not any(fig.span[1] < g.span[0] < end and same_kind(fig, g) for g in figures):
            out.append(fig)
    return out


def offered_instead(text: str, figures: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of figures of one kind where the second is offered as another value of the first
    ("50k — hmm or 45k"): a choice for the user, not a correction ("or rather") or a sum."""
    out = []
    for a, b in zip(figures, figures[1:]):
        between = text[a.span[1] : b.span[0]]
        if same_kind(a, b) and _OFFERED_OR.fullmatch(between) and not re.search(r"\brather\b", between, re.IGNORECASE):
            out.append((a, b))
    return out


def replacements(text: str, figures: list[Figure]) -> dict[int, int]:
    """figure index → the index of the figure the user replaced it with: corrected by the next one
    ("3k, no wait, 4k", "3k (sorry, 4k)"), or said not to be it ("4k, not 3k"; "not 3k but 4k")."""
    out: dict[int, int] = {}
    placed: set[int] = set()  # corrected by their place in a list: the same value elsewhere in it stays
    for a, b in zip(figures, figures[1:]):
        if not same_kind(a, b):
            continue
        between = between_lines(text[a.span[1] : b.span[0]])
        restated = _without_label(between, a)  # "gain 25k.. wait no gain was 29k": the label said again
        if re.match(r"\s*~~", between) and re.search(r"~~\s*$", text[max(0, a.span[0] - 12) : a.span[0]]):
            out[a.index] = b.index  # "upfront ~~12k~~ 18k": struck through, the next figure stands
            continue
        tail = _CORRECTED_TAIL.search(between)
        if tail is None and _MORE_LIKE.search(between) and len(between) < 80 and any(
                f.value == b.value and same_kind(f, b) for f in figures[b.index + 1 :]):
            tail = _MORE_LIKE.search(between)  # "70%?" / "more like 60" / "fine, 60": a revision the thread settles on
        listed = _LIST_POSITION.search(between) if _CORRECTION_CORE.search(between) and len(between) < 80 else None
        if listed:  # "-30k, 12k, 12k, 12k — sorry, last one is 14k": the list item it names by position
            target = _listed_item(text, figures, a, listed.group(1).lower())
            if target is not None:
                out[target.index] = b.index
                placed.add(target.index)
        elif any(_CORRECTION.match(s) and _CORRECTION_CORE.search(s) for s in (between, restated)) or tail and len(
                between) < 80 and not re.search(r",\s*and\b|;", between[: tail.start()], re.IGNORECASE):
            # (not "licence was 300, and training took me a day, call it 200": a new clause's own figure)
            out[a.index] = b.index
        elif re.fullmatch(r"\s*[,;:\u2014\u2013-]?\s*no\s*[,;:!\u2014\u2013-]\s*", between, re.IGNORECASE):
            out[a.index] = b.index  # "29 a month, no, 35"
        elif re.fullmatch(r"\s*,\s*(?:maybe|perhaps|probably)\s+", between, re.IGNORECASE) and a.unit == b.unit \
                and a.value > 0 and abs(b.value - a.value) <= 0.25 * a.value:
            out[a.index] = b.index  # "upfront was 6k, maybe 6.5k": the estimate revised
        elif re.fullmatch(r"\s*[,(]?\s*(?:and\s+)?not\s+", between, re.IGNORECASE) or (
                len(between) < 80 and re.search(r"[.;,)\u2014]\s*not\s+$", between, re.IGNORECASE)):
            out[b.index] = a.index  # "33k not 30"; "€41k, I'd forgotten an invoice. Not €35k."
        elif a.before[-1:] == ["not"] and re.fullmatch(r"\s*,?\s*but\s+(?:rather\s+)?", between, re.IGNORECASE):
            out[a.index] = b.index
        elif a.before[-1:] == ["to"] and re.fullmatch(r"\s*,?\s*\(?\s*(?:down |up )?(?:from|was)\s+(?:the\s+|our\s+|my\s+)?",
                                                      between, re.IGNORECASE):
            out[b.index] = a.index  # "got the licence down to 950 a month (from the 1,100 I quoted)": a revised level
    for old, new in list(out.items()):  # the figure corrected was said before, in full: that one goes too
        gone, kept = figures[old], figures[new]
        if gone.index != old or kept.index != new or old in placed:
            continue
        values = _as_written_by(kept, gone)
        for fig in figures:
            if fig.index not in (old, new) and fig.index not in out and same_kind(fig, kept) and fig.period == (
                    gone.period or fig.period) and any(abs(fig.value - v) <= 1e-9 * max(1.0, abs(v)) for v in values):
                out[fig.index] = new
    for old, new in at_a_distance(text, figures, same_kind).items():  # "actually dev says 3 person-months"
        if old not in out and new not in out:
            out[old] = new  # the one figure it names: others of the same value stay
    return out


def rescaled(text: str, figures: list[Figure]) -> dict[int, float]:
    """figure index → its value in the scale of the figure it corrects: "6.5k …, call it 6.5" is 6,500."""
    out: dict[int, float] = {}
    for old, new in replacements(text, figures).items():
        gone, kept = figures[old], figures[new]
        if kept.unit == "count" and not kept.scaled and gone.scaled and kept.value > 0:
            for scale in (1e3, 1e6):
                if 0.5 <= kept.value * scale / gone.value <= 2:
                    out[new] = kept.value * scale
    return out


def corrected(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why the user replaced it (``replacements``)."""
    shown = {f.index: f.show() for f in figures}
    return {old: f"you replaced it with {shown[new]}" for old, new in replacements(text, figures).items()}
