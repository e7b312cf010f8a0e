"""Masks personal data (emails, card numbers, IBANs, phone numbers) before any model, log or store.

Card numbers are masked only when Luhn-valid, so order ids and money amounts survive; phone
numbers need 8+ digits with phone-like grouping, so "15%" or "30000" are never touched.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
CARD = re.compile(r"(?<![\d.])(?:\d[ \-]?){12,18}\d(?![\d.])")
PHONE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,4}\)[\s.\-]?)?\d{2,4}(?:[\s.\-]\d{2,4}){2,4}(?![\w.%])"
    r"|(?<![\w.])\+\d{8,14}(?![\w.%])"
    r"|(?<![\w.])0\d{3,4}[\s\-]\d{6,7}(?![\w.%])"
)


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


def _mask_card(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    if 13 <= len(digits) <= 19 and luhn_valid(digits):
        return "[card number removed]"
    return match.group(0)


def _mask_phone(match: re.Match) -> str:
    raw = match.group(0)
    if re.fullmatch(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}", raw):
        return raw  # a date, not a phone number
    digits = re.sub(r"\D", "", raw)
    return "[phone removed]" if len(digits) >= 8 else raw


def mask_pii(text: str) -> str:
    if not text:
        return text
    text = EMAIL.sub("[email removed]", text)
    text = IBAN.sub("[IBAN removed]", text)
    text = CARD.sub(_mask_card, text)
    text = PHONE.sub(_mask_phone, text)
    return text


def contains_pii(text: str) -> bool:
    return mask_pii(text) != text
