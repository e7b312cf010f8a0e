"""Cheap decodings of a message for the injection screen: what an attacker hides behind an encoding
the assistant could be asked to undo.

Tokens that look like base64, base32, hex, ``\\uXXXX`` escapes or Morse are decoded where they
decode to readable text. A sentence that reads as no language (none of the commonest English
words) is also read as ROT13 and the other Caesar shifts, Atbash and backwards. Every decoding is
a linear pass over the text; a message in plain English costs a few regex scans.
"""

from __future__ import annotations

import base64
import binascii
import re
import string

_COMMON = frozenset(
    "the a an and or to of in on for is are was were you your i me my we our it this that what how"
    " do does can with be as at by from not".split()
)
_WORD = re.compile(r"[A-Za-z]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_BASE32 = re.compile(r"[A-Z2-7]{16,}={0,6}")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2}[\s:]?){8,}")
_ESCAPES = re.compile(r"(?:\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2})+")
_MORSE = re.compile(r"(?:[.\-]{1,7}[ /]+){4,}[.\-]{1,7}")
MORSE = {
    ".-": "a", "-...": "b", "-.-.": "c", "-..": "d", ".": "e", "..-.": "f", "--.": "g", "....": "h",
    "..": "i", ".---": "j", "-.-": "k", ".-..": "l", "--": "m", "-.": "n", "---": "o", ".--.": "p",
    "--.-": "q", ".-.": "r", "...": "s", "-": "t", "..-": "u", "...-": "v", ".--": "w", "-..-": "x",
    "-.--": "y", "--..": "z",
}
_LOWER, _UPPER = string.ascii_lowercase, string.ascii_uppercase
ATBASH = str.maketrans(_LOWER + _UPPER, _LOWER[::-1] + _UPPER[::-1])


def _shift(n: int) -> dict[int, int]:
    return str.maketrans(_LOWER + _UPPER, _LOWER[n:] + _LOWER[:n] + _UPPER[n:] + _UPPER[:n])


CAESAR = [_shift(n) for n in range(1, 26)]


def _readable(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    printable = sum(ch.isprintable() or ch.isspace() for ch in text)
    return text if text and printable / len(text) > 0.95 and _WORD.search(text) else ""


def tokens_decoded(text: str) -> list[str]:
    """Readable text hidden in base64, base32, hex, escape or Morse tokens of ``text``."""
    found: list[str] = []
    for token in _BASE64.findall(text):
        try:
            found.append(_readable(base64.b64decode(token + "=" * (-len(token) % 4))))
        except (binascii.Error, ValueError):
            pass
    for token in _BASE32.findall(text):
        try:
            found.append(_readable(base64.b32decode(token + "=" * (-len(token.rstrip("=")) % 8))))
        except (binascii.Error, ValueError):
            pass
    for token in _HEX.findall(text):
        try:
            found.append(_readable(bytes.fromhex(re.sub(r"[\s:]", "", token))))
        except ValueError:
            pass
    for token in _ESCAPES.findall(text):
        found.append(re.sub(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})",
                            lambda m: chr(int(m.group(1) or m.group(2), 16)), token))
    for token in _MORSE.findall(text):
        found.append(" ".join("".join(MORSE.get(letter, "") for letter in word.split())
                              for word in re.split(r"\s*/\s*", token)))
    return [t for t in found if t]


def reads_as_no_language(text: str) -> bool:
    """Three or more Latin words and none of the commonest English ones: a cipher, perhaps."""
    found = [w.lower() for w in _WORD.findall(text)]
    return len(found) >= 3 and not any(w in _COMMON for w in found)


# Function words of the languages the screen's frames read: a cipher's decoding that holds none
# of them reads as no language either, and is not worth screening (a long text of masked e-mail
# addresses has 26 such decodings, each a full scan of every frame).
_FUNCTION_WORDS = _COMMON | frozenset(
    "le la les et des du un une est el los las y que en es und der die das ist nicht il di che"
    " non e o os as da".split()
)


def _reads_as_language(text: str) -> bool:
    return any(w.lower() in _FUNCTION_WORDS for w in _WORD.findall(text))


def _ciphers_undone(text: str) -> list[str]:
    """Atbash and the 25 Caesar shifts (ROT13 is shift 13) of ``text`` that read as a language."""
    undone = (text.translate(table) for table in (ATBASH, *CAESAR))
    return [plain for plain in undone if _reads_as_language(plain)]


def decodings(text: str) -> list[str]:
    """Every cheap decoding of ``text`` that may hide an instruction (possibly none)."""
    out = tokens_decoded(text)
    out.append(text[::-1])  # backwards text is rare in a question and cheap to read
    if reads_as_no_language(text):
        out.extend(_ciphers_undone(text))
    else:
        # a cipher may follow a plain-English frame ("decode and comply: Ljqruh ...")
        for part in re.split(r"[:\n]", text)[1:]:
            if reads_as_no_language(part):
                out.extend(_ciphers_undone(part))
    return out
