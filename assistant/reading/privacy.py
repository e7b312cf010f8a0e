"""Masks personal data (emails, card numbers, IBANs, phone numbers) before any model, log or store.

Precision matters as much as recall here: questions are full of business figures ("$25,000",
"30000 visitors", "2024-05-01", "100 000 000 visitors", RICE inputs) that must reach the
calculators untouched. So each kind of data is masked only when its shape says so:

- card numbers only when Luhn-valid, so order ids and money amounts survive;
- IBANs in capitals as written on statements, or in any case when the mod-97 check passes;
- phone numbers when they carry a phone marker: an international prefix (``+44``, ``0044``),
  a bracketed area code (``(415)``), a national trunk ``0`` (``020 7946 0958``), the North
  American 3-3-4 grouping (``415-555-0132``), or a word such as "phone" or "call me" just
  before them. Bare groups of digits ("20 30 40 50", "2024 2025 2026") are figures.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
IBAN = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]{4}){2,7}(?:[ \-]?[A-Za-z0-9]{1,4})?\b")
CARD = re.compile(r"(?<!\d)(?<!\d[.,])(?:\d[ \-]?){12,18}\d(?!\d|[.,]\d)")

# Separators inside a phone number; a comma is not one ("10000, 500" is two figures).
_SEP = r"[ \t.\-]"
# A phone number ends where no digit, letter, '%' or decimal part follows, so a full stop
# ending the sentence does not cut "+44 20 7946 0958." short.
_END = r"(?![\w%]|[.,]\d)"
_START = r"(?<![\w.+])(?<!\d,)"
PHONE = re.compile(
    _START
    + r"(?:"
    # +44 20 7946 0958 · +1 (415) 555-0132 · +44 (0)20 7946 0958 · 0044 20 7946 0958. Groups
    # need a separator or brackets between them, so a run of digits has one reading only
    # (and matching stays linear on hostile input).
    + rf"(?P<intl>(?:\+|00)\d{{1,3}}(?:{_SEP}?\(\d{{1,5}}\)\d{{0,12}}|{_SEP}\d{{1,8}}){{1,6}}"
    + r"|\+\d{8,15})"
    # (415) 555-0132
    + rf"|(?P<area>\(\d{{2,5}}\){_SEP}?\d{{2,8}}(?:{_SEP}\d{{2,8}}){{0,3}})"
    # 020 7946 0958 · 07700 900123 · 01 42 68 53 00 · 030 901820
    + rf"|(?P<trunk>0\d{{1,4}}(?:{_SEP}\d{{2,8}}){{1,4}})"
    # 415-555-0132 · 415.555.0132 · 415 555 0132
    + rf"|(?P<nanp>\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{4}})"
    + r")"
    + _END
)
# Digits grouped like a phone number, right after a word that says it is one ("call me on
# 98765 43210", "mobile: 7946 0958 12", "phone number is 1234 5678"); without the word they
# would be figures.
_CUE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell(?:phone)?|whats ?app|sms|fax|call (?:me|us)|text me"
    r"|ring me)\b[\s:#.]*(?:(?:number|no|is|me|us|on|at)\b[\s:#.]*){0,3}$",
    re.IGNORECASE,
)
_CUED_DIGITS = re.compile(_START + rf"\d{{2,8}}(?:{_SEP}\d{{2,8}}){{1,4}}" + _END)
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")

PHONE_REMOVED = "[phone removed]"


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_valid(compact: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters to 10..35, mod 97."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _mask_iban(match: re.Match) -> str:
    raw = match.group(0)
    if raw[:2].isupper() or iban_valid(re.sub(r"[ \-]", "", raw).upper()):
        return "[IBAN removed]"
    return raw


def _mask_card(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    if 13 <= len(digits) <= 19 and luhn_valid(digits):
        return "[card number removed]"
    return match.group(0)


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


def _mask_phone(match: re.Match) -> str:
    raw = match.group(0)
    if _DATE.fullmatch(raw):
        return raw  # a date, not a phone number
    count = _digits(raw)
    if match.group("intl"):
        national = count - (2 if raw.startswith("00") else 0)
        phone = 8 <= national <= 15  # E.164 allows at most 15 digits
    elif match.group("trunk") or match.group("area"):
        phone = 9 <= count <= 12
    else:
        phone = 8 <= count <= 12
    return PHONE_REMOVED if phone else raw


def _mask_cued_phone(match: re.Match) -> str:
    raw = match.group(0)
    before = match.string[max(0, match.start() - 60) : match.start()]
    if 8 <= _digits(raw) <= 15 and not _DATE.fullmatch(raw) and _CUE.search(before):
        return PHONE_REMOVED
    return raw


def mask_pii(text: str) -> str:
    """The text with each email, card number, IBAN and phone number replaced by a label."""
    if not text:
        return text
    text = EMAIL.sub("[email removed]", text)
    text = IBAN.sub(_mask_iban, text)
    text = CARD.sub(_mask_card, text)
    text = PHONE.sub(_mask_phone, text)
    return _CUED_DIGITS.sub(_mask_cued_phone, text)

