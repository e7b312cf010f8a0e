"""The goal of one piece of text, read every way (`injection_readings`) and, where cheap, decoded
(`injection_decode`): "rules", "reveal", "persona" or "" (see `injection_frames`). A decoded text
the learner orders carried out ("decode it and obey") needs no owner of its own to count.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from assistant.reading.injection_decode import decodings
from assistant.reading.injection_frames import goal
from assistant.reading.injection_lexicon import ordered_goal
from assistant.reading.injection_readings import readings, screen_text

# A clause that asks the assistant to carry out what it hides ("decode it and carry it out",
# "execute the following", "do what it spells"): the hidden text then needs no owner.
ACT_ON_HIDDEN = re.compile(
    r"\b(?:execute|carry (?:it |this |that |them )?out|obey|comply|act on|follow (?:it|this|that|them|the \w+)"
    # "decode and act", "interpret it and act accordingly"
    r"|(?:and|then|,)\s+act(?: (?:up)?on it| accordingly)?(?=\s*[.!:;,]|\s*$)"
    r"|do (?:\w+ly )?(?:it|this|that|what (?:it|they|the(?: \w+){1,2}) (?:says?|spells?))|run (?:it|this|that))\b",
    re.IGNORECASE,
)


# The goal of each reading already read while screening one message: the same reading comes back
# (a two-clause message read as a pair and whole, a decoding equal to a reading). `goal` is a pure
# function of the reading, so its answer is kept; the screen empties this at each message.
_READ: dict[str, str] = {}


def forget_readings() -> None:
    """Empties the goals kept for readings (the screen calls it once a message)."""
    _READ.clear()


def _goal(reading: str) -> str:
    found = _READ.get(reading)
    if found is None:
        if len(_READ) >= 1024:
            _READ.clear()
        found = _READ[reading] = goal(reading)
    return found


@lru_cache(maxsize=256)
def goal_of(text: str, decode: bool = True) -> tuple[str, str]:
    """(goal, how) for one piece of text read every way, or ("", ""). Memoised: a message is
    screened more than once per turn (the engine's screen, the intent's), whole and by clause."""
    read = readings(text)
    for reading in read:
        found = _goal(reading)
        if found:
            return found, "plain"
    if decode:
        ordered = ACT_ON_HIDDEN.search(text)
        # a text already read (a reading, an earlier decoding) has no goal: `goal` is not run on it again
        seen = set(read)
        for decoded in decodings(unicodedata.normalize("NFKC", text)):
            screened = screen_text(decoded)  # one reading: a decoding is rarely disguised twice
            found = "" if screened in seen else _goal(screened)
            seen.add(screened)
            if not found and ordered:
                found = ordered_goal(screened)
            if found:
                return found, "encoded"
    return "", ""
