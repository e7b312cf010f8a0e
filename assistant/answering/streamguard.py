"""Keeps a recited system prompt out of a token stream.

A model talked into reciting its instructions does so token by token, so a check on the finished
answer comes too late: the user (and the browser) have already received the text. `RecitalGuard`
sits between the model's stream and the user. It releases text only once the words after it are
known, holding back a window of the last ``run - 1`` words; the moment the words seen so far contain
``run`` consecutive words of the protected text, it stops releasing anything. Because every word
of a matching run is still in the window when the run completes, no word of it is ever sent.

Words are runs of letters, digits and apostrophes compared in lower case, so punctuation and
Markdown between them do not hide a recital. Word runs the public course text also contains (its
title, say) are not secret and never trip the guard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[a-z0-9']+", re.IGNORECASE)
# Consecutive words shared with the prompt that count as reciting it. Eight words of ordinary
# advice almost never coincide with a prompt by chance; a recital shares dozens.
RECITAL_RUN = 8


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def shingles(text: str, run: int = RECITAL_RUN) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}


def protected_grams(secret: str, public: Iterable[str] = (), run: int = RECITAL_RUN) -> frozenset:
    """The word runs of ``secret`` that give it away: those not also found in ``public`` text
    (the course's own title or sentences quoted in a prompt are no secret and may be said)."""
    grams = shingles(secret, run)
    for text in public:
        grams -= shingles(text, run)
    return frozenset(grams)


class RecitalGuard:
    """Feed it the stream's pieces; it returns what may be shown now.

    ``feed`` returns the text that is safe to release (possibly ""); ``finish`` returns the
    held-back tail when the stream ended without a recital. At a match, ``tripped`` becomes True,
    the text before the recited run is released and nothing more is, for the rest of the stream.
    """

    def __init__(self, protected: str | frozenset, run: int = RECITAL_RUN) -> None:
        """``protected`` is the secret text, or its `protected_grams` computed once."""
        self.run = run
        self._grams = protected if isinstance(protected, frozenset) else protected_grams(protected, run=run)
        self._text = ""  # everything received
        self._sent = 0  # characters of _text already released
        self._checked = 0  # complete words already compared with the prompt
        self.tripped = False

    def recited(self, text: str) -> bool:
        """Whether a whole text (not a stream) recites the protected text."""
        return bool(shingles(text, self.run) & self._grams)

    def feed(self, piece: str) -> str:
        if self.tripped or not piece:
            return ""
        self._text += piece
        return self._scan(final=False)

    def finish(self) -> str:
        """The held-back tail, once the stream has ended (every word is now complete)."""
        return "" if self.tripped else self._scan(final=True)

    def _scan(self, final: bool) -> str:
        spans = [m.span() for m in WORD.finditer(self._text)]
        # The last word may continue in the next piece unless something follows it.
        unfinished = not final and bool(spans) and spans[-1][1] == len(self._text)
        complete = spans[:-1] if unfinished else spans
        words = [self._text[a:b].lower() for a, b in complete]
        for end in range(max(self._checked + 1, self.run), len(words) + 1):
            if tuple(words[end - self.run : end]) in self._grams:
                # Text before the first recited word is released, as a live stream would have
                # released it; nothing from there on ever is.
                self.tripped = True
                return self._release(complete[end - self.run][0])
        self._checked = max(self._checked, len(words))
        if final:
            return self._release(len(self._text))
        # Hold back the last run-1 complete words and any unfinished word.
        held = complete[max(0, len(complete) - (self.run - 1)):] if self.run > 1 else []
        if unfinished:
            held = [*held, spans[-1]]
        return self._release(held[0][0] if held else len(self._text))

    def _release(self, upto: int) -> str:
        out = self._text[self._sent : upto]
        self._sent = max(self._sent, upto)
        return out


def guarded(pieces: Iterable[str], protected: str | frozenset, run: int = RECITAL_RUN):
    """The pieces of a stream, as the guard releases them."""
    guard = RecitalGuard(protected, run)
    for piece in pieces:
        if out := guard.feed(piece):
            yield out
    if out := guard.finish():
        yield out
