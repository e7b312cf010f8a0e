"""The user's words, quoted: an answer that says what it read "from “…”" must quote a stretch of
a message the user wrote (whitespace aside), never words put in the user's mouth.

`user_quotes(answer)` finds those quotes in a whole answer (a quote may hold a full stop, so
sentences are not where to look); `misquoted(sentence, answer, said)` is the first quote the
sentence holds that no text in ``said`` contains.
"""

from __future__ import annotations

import re

# "(from “…”)": how an answer marks the user's own words (assistant/reading/calculate.py).
USER_QUOTE = re.compile(r"\bfrom\s+“([^”]*)”")


def _plain(text: str) -> str:
    return " ".join(text.split())


def user_quotes(answer: str) -> list[str]:
    return USER_QUOTE.findall(answer)


def misquoted(sentence: str, answer: str, said: list[str]) -> str:
    """The first quote of the user that ``sentence`` holds (or starts) and no message contains."""
    if "“" not in sentence:
        return ""
    messages = [_plain(text) for text in said]
    opened = _plain(sentence.split("“", 1)[1].split("”", 1)[0])
    for quote in user_quotes(answer):
        plain = _plain(quote)
        if plain and (plain in _plain(sentence) or (opened and (plain.startswith(opened) or opened.startswith(plain)))):
            if not any(plain in message for message in messages):
                return quote
    return ""
