"""What a message asks about its figures rather than asks to compute: judging a value ("is a 25%
return good?"), what an input means or whether a choice matters, and values it says are not known
yet ("salary TBC"). The calculator reader (assistant/reading/calculate.py) answers these from the
course, or asks, instead of computing from a guessed figure.
"""

from __future__ import annotations

import re

# A question about a figure or a method, not a request to compute: judging a value ("is that
# high?", "is 4% a lot?", "realistic or too optimistic?"), asking what it means or why, or what a
# good or normal value is. General English, matched only when the figures given leave the
# calculation incomplete: "it cost 10k and saved 15k, is that a good ROI?" is still computed.
_ABOUT_A_FIGURE = re.compile(
    r"(?P<judge>\b(?:is|are|was|were|isn't|seems?)\b[^.?!]{0,60}?\b(?:good|bad|high|low|realistic|unrealistic|normal|typical|"
    r"reasonable|healthy|acceptable|enough|a lot|too (?:low|high|good|much|little|optimistic|pessimistic)|optimistic|"
    r"plausible|credible|ok(?:ay)?|fine|required|worth considering)\b)"
    r"|\bwhat (?:does|do|did)\b(?:[^.?!]|\.(?=\d)){0,80}?\bmean\b|\bmeans? what\b|\b(?:does|do) (?:that|this|it) mean\b"
    r"|(?:^|[.?!]\s+|\n)\s*why\b|\bwhy (?:does|do|is|are|so)\b|\bhow (?:can|could) (?:that|this|it) be\b"
    r"|\bwhat(?:'s| is| are) (?:an? |the )?(?:good|normal|typical|reasonable|usual|healthy)\b"
    r"|\bwhat(?:'s| is) the difference\b|\bwhat (?:should|do) (?:i|we) (?:include|use)\b"
    r"|\b(?:what|which)\b[^.?!\d]{0,40}\bshould\b[^.?!\d]{0,40}\buse\b"  # "which discount rate should a shop use?"
    r"|(?:^|[.?!\n]\s*)(?:realistic|unrealistic|plausible|credible|believable|reasonable)\b[^.!?\n]{0,40}\?"  # "Realistic, or …?"
    r"|\btoo good to be true\b"
    r"|\bso it (?:didn't|did not|doesn't) work\b|\bdoes (?:that|this|it) include\b",
    re.IGNORECASE)


# Questions about what an input means or whether a choice matters: no calculation answers them,
# even when the message holds every input ("does the split even matter for the total?").
_ABOUT_MEANING = re.compile(
    r"\bwhat (?:counts|count|goes|belongs) (?:as|in|into|under)\b|\b(?:does|do|would|will|should)\b[^.?!]{0,50}\bmatter\b"
    r"|\bwhat (?:does|do|did)\b[^?]{0,80}?\bmean\b|\bwhat(?:'s| is) the difference\b"
    r"|\bhow (?:do|should|would|can) (?:i|we) (?:pick|choose|decide)\b"
    # which part of a figure to take as an input: "how much of that $6,400 should I count as the gain?"
    r"|\bhow much of\b[^.?!]{0,60}\bshould (?:i|we)\b[^.?!]{0,20}\b(?:count|include|treat|attribute|use|take)\b"
    # which of two ways to fill an input: "should I plug in the low end or the high end …?"
    r"|\bshould (?:i|we) (?:use|plug in|put in|enter|take|pick|go with)\b[^.?!]{0,60}\bor\b[^.!]{0,60}\?"
    # whether two figures say one thing: "is that the same thing?", "are those two different?"
    r"|\b(?:is|are|isn't|aren't) (?:that|this|it|they|these|those|the two|both)\s+(?:two\s+)?(?:the same|one and the same"
    r"|different|equivalent|comparable)\b"
    # which of the figures given goes into an input: "which of the two do I put into the calculator?"
    r"|\bwhich (?:of (?:the|these|those) (?:two|three|figures|numbers|values)|one|figure|number|value) (?:do|should|would"
    r"|shall) (?:i|we) (?:use|put|plug|enter|feed)\b",
    re.IGNORECASE)


def only_asks_meaning(questions: list[str]) -> bool:
    """Whether every question asked is about what an input means or whether a choice matters."""
    return bool(questions) and all(_ABOUT_MEANING.search(q) for q in questions)


def judges_own_figures(questions: list[str], text: str) -> bool:
    """Whether the message asks what an input means and otherwise only judges figures it already
    wrote ("she got 336 … what does 'ease' mean, and is 336 any good?"): a result the user has,
    to be explained, not computed again from the inputs beside it."""
    meaning = [q for q in questions if _ABOUT_MEANING.search(q)]
    judged = [q for q in questions if not _ABOUT_MEANING.search(q)]
    return bool(meaning) and all(asks_about_a_figure(q) and _said_before(q, text) for q in judged)


def _said_before(question: str, text: str) -> bool:
    """Whether a number the question names was written earlier in the message."""
    start = text.find(question)
    earlier = text[: start if start >= 0 else len(text)]
    return any(re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d])", earlier) for n in re.findall(r"\d[\d,.]*\d|\d", question))


def asks_about_a_figure(text: str) -> bool:
    """Whether the message asks about a figure or a method rather than for a calculation. A
    judgement ("is ... low") counts only in a question: "impact is low (0.5)" states an input."""
    if _ABOUT_MEANING.search(text):
        return True
    for match in _ABOUT_A_FIGURE.finditer(text):
        if not match.group("judge"):
            return True
        end = re.search(r"[.!?\n]", text[match.end() :])
        if end is not None and end.group(0) == "?" or re.match(r"\s*(?:is|are|was|were|isn't)\b", text[
                max(text.rfind(c, 0, match.start()) for c in ".!?\n") + 1 : match.start() + 6], re.IGNORECASE):
            return True
    return False




# A value the message says is not known yet ("salary TBC", "the client hasn't shared the WACC
# yet", "the price is still unknown"): the calculation would silently leave it out, so it is
# asked about instead. General English for "no value yet", not words of any one calculator.
_NOT_KNOWN = re.compile(
    r"\b(?:TB[CDA]|to be (?:confirmed|decided|determined|agreed|defined)"
    r"|(?:is|are|still|as yet|currently) (?:still )?(?:unknown|unclear|undecided|open)"
    r"|not (?:yet )?(?:known|confirmed|decided|shared|available|fixed)(?: yet)?"
    r"|(?:hasn't|has not|haven't|have not|didn't|did not) (?:yet )?(?:shared|given|confirmed|decided|provided|told)\b[^.;\n]{0,30}?\byet"
    # a figure given that the writer says is stale, its replacement still to come: "the quote I sent is out of
    # date … the vendor will confirm the new figure on Monday"
    r"|(?:will|to|should|must|is going to|are going to) (?:confirm|send|give us|share) (?:us )?(?:the |a )?(?:new|final|updated|revised|real)"
    r" (?:figure|price|number|quote|amount|cost)s?"
    # not known whether an amount recurs: "(unclear whether one-time or annual)"
    r"|(?:unclear|not sure|unsure|not known|don't know|do not know)\s+(?:whether|if)\s+(?:it(?:'s| is)\s+)?(?:an?\s+)?"
    r"(?:one[- ]?(?:time|off)|monthly|annual|yearly|recurring|per (?:month|year)))\b"
    r"|(?:^|(?<=[\t|,;:]))[ \t]*\?{1,3}[ \t]*(?=$|[\t|,;])",  # a value written as "??" in a row of values
    re.IGNORECASE | re.MULTILINE)


def unknown_values(text: str) -> list[str]:
    """The clauses of ``text`` that say a value is not known yet, as the user wrote them."""
    found = []
    for match in _NOT_KNOWN.finditer(text):
        if match.group(0).strip().startswith("?"):
            found.append(match.group(0).strip())  # a cell of a row of values: the "??" itself
            continue
        start = max(text.rfind(c, 0, match.start()) for c in "\n;(.,") + 1
        end = min((i for i in (text.find(c, match.end()) for c in "\n;).,") if i >= 0), default=len(text))
        found.append(text[start:end].strip(" -–•*"))
    return found


# The calculator's own result written by the user: "we got an ROI of 67 %", "IRR: 14.2%".
_STATED_RESULT = re.compile(r"\b(?P<name>roi|irr)\b(?P<gap>[^.?!\d\n]{0,20}?)(?P<value>\d+(?:[.,]\d+)?)\s?%", re.IGNORECASE)
# A question that asks to check the stated result wants it worked out again: "is Priya's ROI right?"
_CHECKS = re.compile(r"\b(?:right|correct|wrong|accurate|check|verify|double[- ]check|add up|adds up|mistake)\b", re.IGNORECASE)
_RESULT_KEY = {"roi": ("roi", "roi_pct"), "irr": ("irr", "irr_pct")}


def states_its_result(text: str, calls: list[tuple[str, dict]], questions: list[str]) -> bool:
    """Whether the message already gives the result the calculation would state (an ROI of 67 % with
    the cost and the gain it came from), so its question judges that result rather than asks for it
    (a question that asks to check it, "is the ROI right?", wants it worked out)."""
    from tools.registry import run_tool

    if not questions or any(_CHECKS.search(q) for q in questions):
        return False
    for match in _STATED_RESULT.finditer(text):
        if re.search(r"\b(?:at|@|to|target|hurdle)\b", match.group("gap"), re.IGNORECASE):
            continue  # "run the IRR at 9%": a rate to use, not a result
        tool, key = _RESULT_KEY[match.group("name").lower()]
        stated = float(match.group("value").replace(",", "."))
        for name, args in calls:
            if name != tool:
                continue
            try:
                value = run_tool(name, args).get(key)
            except (ValueError, TypeError):
                continue
            if isinstance(value, (int, float)) and abs(value - stated) <= 1.0:
                return True
    return False
