"""What looks like a number in a message but is no figure: a date written in digits, a time of
day, a phone number, a reference or product code, and the span of an e-mail's signature. The
figure reader (knowledge/figures.py) skips them.
"""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache


# A time of day, "14:02", "[09:15]", "10:30:00": hours and minutes joined by a colon, no other digit
# or separator around them (a ratio is written "3:1", a score "2 : 1").
_CLOCK_TIME = re.compile(r"(?<![\d.,:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d.,:%])")


# A phone number in a signature or a contact line: "+44 20 7946 0831", "Tel: 020 7946 0831".
_PHONE = re.compile(r"(?:(?<![\w+])\+\d{1,3}|\b(?:tel|phone|mobile|mob|cell|fax|whatsapp)\b\.?:?[ \t]*\+?\(?\d{1,5}\)?)"
                    r"(?:[ \t.\-\u00a0]?\(?\d{1,5}\)?){2,6}", re.IGNORECASE)


# The sign-off of an e-mail on a line of its own ("Thanks,", "Kind regards", "Best"), a postscript
# after it ("P.S. the fee is 300 a month" still counts), and a question (nothing asked is a signature).
_SIGN_OFF = re.compile(r"^[ \t]*(?:(?:many\s+|with\s+)?thanks(?:\s+again|\s+in\s+advance)?|thank\s+you|cheers|best|"
                       r"(?:best|kind|warm|warmest)\s+(?:regards|wishes)|regards|sincerely|yours\s+(?:sincerely|truly)|br|"
                       # the same in the languages of a forwarded quote: "Mit freundlichen Grüßen", "Met vriendelijke groet"
                       r"mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|(?:viele|beste|liebe)\s+gr(?:ü|ue)(?:ß|ss)e|met\s+vriendelijke\s+groet(?:en)?|"
                       r"(?:bien\s+)?cordialement|(?:un\s+)?saludos?(?:\s+cordiales)?|cordiali\s+saluti|distinti\s+saluti|"
                       r"med\s+v(?:ä|a)nlig\s+h(?:ä|a)lsning|mvh|pozdrawiam|atenciosamente)"
                       r"[ \t]*[,.!]?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_POSTSCRIPT = re.compile(r"^[ \t]*p\.?\s?s\b", re.IGNORECASE | re.MULTILINE)
SIGNATURE_LINES = 15  # a sign-off farther from the end than this is no e-mail's signature


# What ends a signature: the older messages of a thread quoted or forwarded below it, or a line
# opening in lower case, which goes on with the message ("the set-up was 4,500").
_QUOTED_BELOW = re.compile(r"^[ \t]*(?:>|(?i:(?:from|sent|to|subject|date)[ \t]*:|-{3,}|_{3,}|on\b[^\n]*\bwrote:)|[a-z])",
                           re.MULTILINE)


# The sender's name on the first line after the sign-off: "Priya Nair", "Marta", "J. Doe".
_SENDER = re.compile(r"\s*\n[ \t]*[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}[ \t]*(?:\n|$)")


def signature_span(text: str) -> tuple[int, int]:
    """The span of an e-mail's signature: from its sign-off line (within the last SIGNATURE_LINES
    lines, the sender's name under it, no question or postscript after it) to the end, or to the older messages quoted
    below it; (len, len) when it has none."""
    none = (len(text), len(text))
    offs = list(_SIGN_OFF.finditer(text))
    if not offs:
        return none
    last = offs[-1]
    quoted = _QUOTED_BELOW.search(text, last.end())
    end = quoted.start() if quoted else len(text)
    rest = text[last.end() : end]
    if rest.count("\n") > SIGNATURE_LINES or "?" in rest or _POSTSCRIPT.search(rest) or not _SENDER.match(rest):
        return none
    return last.start(), end


_MASKED_PHONE = re.compile(r"\[phone(?: number)? removed\]", re.IGNORECASE)


@lru_cache(maxsize=8)
def _phone_spans(text: str) -> tuple[tuple[int, int], ...]:
    # a phone number the privacy screen has already masked ("[phone removed]") still marks a contact line
    return tuple(sorted([m.span() for m in _PHONE.finditer(text)] + [m.span() for m in _MASKED_PHONE.finditer(text)]))


# What makes a line with a phone number more than contact details: money, a percentage, a period or
# the words of a price ("Tel 020 7946 0831 – the fee is 300 a month" is still read).
_NOT_CONTACT = re.compile(r"[$€£%]|\b(?:usd|eur|gbp|chf|sek|nok|dkk|k|fee|fees|cost|costs|price|prices|save|saves|"
                          r"month|months|year|years|week|weeks|per|total)\b", re.IGNORECASE)


def _contact_line(text: str, start: int, phones: tuple[tuple[int, int], ...]) -> bool:
    """Whether ``start`` stands on a line that holds a phone number and nothing of a price: the
    sender's address beside it (a street number, a postcode) is no figure either."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    inside = [(a, b) for a, b in phones if line_start <= a < line_end]
    if not inside:
        return False
    rest, last = [], line_start
    for a, b in inside:
        rest.append(text[last:a])
        last = b
    rest.append(text[last:line_end])
    return not _NOT_CONTACT.search(" ".join(rest))


# The words that a document's or a heading's number follows: "Ticket no.: 20931", "Invoice 1001",
# "Exercise 6.3.", "PO 4471", "Rechnung Nr. 88" (a number only when nothing follows it on its line
# but punctuation or the next sentence: "invoice 1,200 a month" is an amount).
_DOCUMENT_NUMBER = re.compile(
    r"(?:\b(?:no|nr|num|number|ref|id)\.?[ \t]*[:#][ \t]*|(?:^|\n|[.:;!?][ \t]+)[ \t]*(?:invoice|inv|ticket|exercise|question|"
    r"task|problem|po|rechnung|angebot|case)\.?(?:[ \t]+(?:no|nr|number)\.?)?[ \t]*:?[ \t]*)$", re.IGNORECASE)


# A date written in digits: day/month/year with "/", "." or "-" ("15/02/2027", "31.12.26"), ISO
# ("2026-03-01"), or a day and month alone when zero-padded or after a word of dating ("28/02",
# "valid to 31.12"); "10/12" alone may be a score, "31.12" or "up to 2.5" alone an amount.
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/])(?:(?:0?[1-9]|[12]\d|3[01])([/.\-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})|(?:19|20)\d\d-[01]\d-[0-3]\d"
    r"|(?:0[1-9]|[12]\d|3[01])/0[1-9]|0[1-9]/(?:0[1-9]|1[0-2])"
    r"|(?:(?<=until )|(?<=till )|(?<=valid )|(?<=valid to )|(?<=due )|(?<=expires ))(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]))"
    r"(?![\d/%]|[.,]\d|\s*%)",
    re.IGNORECASE)


_LIST_MARK_AFTER = re.compile(r"[.)][ \t]+\S")
_CLAUSE_AFTER = re.compile(r"[ \t]+(?:[\"“'‘]|[A-Z][a-z])")


def _opens_its_line(text: str, start: int) -> bool:
    """Whether only spaces or tabs stand between the line's start and ``start`` (read on that
    line alone, so a long message costs each figure its own line, not the whole text before it)."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip(" \t")


def is_date_or_code(text: str, match: re.Match[str], word: bool) -> bool:
    """Years ("in 2018"), list numbering ("1."), digits glued to letters, phone numbers, numbers
    after "#", "nr" or "ref" or glued to a code by a hyphen (an invoice, order or product number)
    and dates written in digits are not figures."""
    if word:
        return False
    num = match.group("num") or ""
    if text[max(0, match.start() - 1) : match.start()] == "#" or text[max(0, match.start() - 4) : match.start()].lower() in {
            "no. ", "nr. "}:
        return True  # "inv #20931", "order no. 4471": a reference, not a quantity
    if _DOCUMENT_NUMBER.search(text[max(0, match.start() - 24) : match.start()]) and re.fullmatch(r"\d+(?:\.\d+)*", num) \
            and re.match(r"[ \t]*(?:$|\n|[.:;,)][ \t]*(?:$|\n|[A-Z(])|[ \t]+[-–—(])", text[match.end() :]):
        return True  # "Ticket no.: 20931", "Invoice 1001", "Exercise 6.3. A retailer …": the number names the document
    spans = _phone_spans(text)
    at = bisect.bisect_right(spans, (match.start(), math.inf)) - 1
    if at >= 0 and spans[at][0] <= match.start() < spans[at][1]:
        return True  # "+44 20 7946 0831" under a signature
    if spans and _contact_line(text, match.start(), spans):
        return True  # "AutoTag AB, Storgatan 44, 111 34 Stockholm, +46 8 555 163 40": a street and postcode
    if re.search(r"(?i)(?:\b(?:nr|ref|ref no)\.?:?\s*|[A-Za-z]-)$", text[max(0, match.start() - 8) : match.start()]):
        return True  # "quote nr 7731", "ref 3390", "CG-3390", "INV-PRE-6610": a reference or a product code
    if re.fullmatch(r"\d{2,4}", num) and re.match(r"-0\d{2,}", text[match.end() : match.end() + 5]) or re.search(
            r"\d{2,4}-$", text[max(0, match.start() - 5) : match.start()]) and re.fullmatch(r"0\d{2,}", num):
        return True  # "PO 2026-0417": digit groups joined by a hyphen, zero-padded, number a document
    if any(date.start() <= match.start() < date.end()
           for date in _NUMERIC_DATE.finditer(text, max(0, match.start() - 12), min(len(text), match.end() + 12))):
        return True  # "valid until 15/02/2027", "2026-03-01", "till 28/02": a date, no quantity
    after = text[match.end() : match.end() + 2]
    if after[:1].isalpha() and not re.match(r"(?i)(?:k|m|b)(?:n|m)?\b|pp\b|pct\b|(?:yrs?|years?|months?|mos?|mths?|weeks?|wks?|days?)\b|y\b(?!-|\s*old)",
                                            text[match.end() : match.end() + 7]):  # "2yr", "24months", "2y": a length
        ordinal = re.match(r"(?i)(?:st|nd|rd|th)\b", after + " ")
        if ordinal:  # "my 3rd espresso today", "the 2nd option": a place in a row, no quantity ("2nd year" is read on)
            return not re.match(r"(?i)(?:st|nd|rd|th)\s+(?:year|month|quarter|week|day|period|half)", text[match.end() : match.end() + 12])
        return not re.match(r"(?i)x\b", after + " ")
    if re.match(r"-[a-z]", text[match.end() : match.end() + 2], re.IGNORECASE) and not re.match(
            r"-(?:days?|weeks?|months?|quarters?|years?|yrs?|mo|yr|k|m|bn)\b", text[match.end() : match.end() + 9], re.IGNORECASE) \
            and not re.match(r"-hours?\s+(?:working\s+)?(?:week|day|shift|month)\b", text[match.end() : match.end() + 24], re.IGNORECASE):
        return True  # "an 11-person shop" (a "40-hour week" is hours counted), "a 3-store chain": a size in an adjective, not a figure
    if re.search(r"(?i)(?:§\s*|\b(?:clause|section|sect\.|art\.|article|para\.|paragraph|schedule|annex|appendix|exhibit)\s*)$",
                 text[max(0, match.start() - 12) : match.start()]):
        return True  # "§3.1", "Clause 4.2", "Art. 9": a place in a document names it, it is no figure
    if re.fullmatch(r"\d{1,2}", num) and _opens_its_line(text, match.start()) and _LIST_MARK_AFTER.match(text, match.end()):
        return True  # "1. Integration with ERP – £7,200": the item's number in a numbered list
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+", num) and _opens_its_line(text, match.start()) and _CLAUSE_AFTER.match(
            text, match.end()):
        return True  # "3.1 Fees. Client shall pay…", "1.4 "Liability Cap" means…": a numbered clause opens its line
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", num) and re.fullmatch(r"\s*[A-Z][a-z]+\s+", text[: match.start()]) and not re.fullmatch(
            r"\s*(?:day|week|month|quarter|year)s?\s+", text[: match.start()], re.IGNORECASE) and re.match(
            r"(?:\s*\([^)\n]{0,40}\))?\s*:", text[match.end() :]):
        return True  # "Exercise 3.10: …", "Case 2 (RICE): …": a heading's number names the text, it is no figure
    if re.fullmatch(r"(?:19|20)\d\d", num) and (re.search(
            r"(?i)\b(?:in|since|by|of|for|year|until|before|after|fy|q[1-4]|h[12]|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|"
            r"jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\s*[.,]?\s*$", text[max(0, match.start() - 12) : match.start()])
            or re.match(r"\s*\)", text[match.end() :])):
        return True  # "in 2018", "Q1 to Q4 2026", "(founded 2015)", "for 2026"
    if any(clock.start() <= match.start() < clock.end()
           for clock in _CLOCK_TIME.finditer(text, max(0, match.start() - 6), match.end() + 6)):
        return True  # "[14:02] mia: …", "at 10:30": a time of day stamps a line, it is no figure
    if re.fullmatch(r"\d{1,2}", num) and re.match(
            r"(?i)(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
            r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", text[match.end() : match.end() + 14]):
        return True  # "approved on 3 September": a date
    if re.fullmatch(r"\d{1,2}", num) and re.search(r"(?i)\b(?:these|thes|those|the\s+following|all)\s+$",
                                                 text[max(0, match.start() - 16) : match.start()]) and re.match(
            r"(?i)\s*(?::|(?:by|with|using|on)\b|(?:ideas?|projects?|options?|initiatives?|features?|items?|tools?)\b)",
            text[match.end() : match.end() + 14]):
        return True  # "rank these 3 by RICE:", "compare all 4 options": how many items the list holds
    return False
