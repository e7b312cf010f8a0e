"""Cheap decodings of a message for the injection screen: what an attacker hides behind an encoding
the assistant could be asked to undo.

Query strings of web addresses are URL-decoded. Tokens that look like base64 (once or several
times over), base32, hex, binary, ``\\uXXXX`` escapes, character codes (decimal or octal),
letters as numbers (a=1), Morse, Braille or the NATO spelling alphabet are decoded where they decode to readable text; word
games are undone (first letters of each word, words to put in a stated order, words without their
vowels). A sentence that reads as no language (none of the commonest English words) is also read
as ROT13 and the other Caesar shifts, ROT47, Atbash and backwards. Every decoding is a linear pass over
the text; a message in plain English costs a few regex scans.
"""

from __future__ import annotations

import base64
import binascii
import re
import string
from urllib.parse import unquote_plus

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
# The spelling alphabet (NATO/ICAO): four or more of its words in a row spell a word each group.
_NATO = (
    "alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|mike|november"
    "|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|zulu"
)
_NATO_RUN = re.compile(rf"\b(?:(?:{_NATO})\b[\s—–/|,;-]*){{4,}}", re.IGNORECASE)
# Letters as their places in the alphabet: "18-5-22-5-1-12 25-15-21-18" (two or more such words).
_LETTER_NUMBER = r"(?:[1-9]|1\d|2[0-6])"
# Words are parted by spaces or a slash ("16-18-9-14-20 / 25-15-21-18").
_LETTER_NUMBERS = re.compile(
    rf"(?<![\w.-]){_LETTER_NUMBER}(?:[-.]{_LETTER_NUMBER}){{1,15}}(?:(?:\s*/\s*|\s+){_LETTER_NUMBER}(?:[-.]{_LETTER_NUMBER}){{1,15}})+(?![\w-])")
_BINARY = re.compile(r"\b(?:[01]{8}\s+){3,}[01]{8}\b")
# Character codes written out: decimal ("82 101 118 …", 32–126) or octal ("122 145 166 …"), six or more.
_DECIMAL_CODE = r"(?:3[2-9]|[4-9]\d|1[01]\d|12[0-6])"
_DECIMALS = re.compile(rf"(?<![\d.,]){_DECIMAL_CODE}(?:[\s,;]+{_DECIMAL_CODE}){{5,}}(?![\d.,]\d)")
_OCTALS = re.compile(r"(?<![\d.,])0?[01]?[0-7]{2}(?:[\s,;]+0?[01]?[0-7]{2}){5,}(?![\d.,]\d)")
# Braille (grade 1): the dot patterns of the 26 letters, in the Unicode Braille block.
_BRAILLE_LETTERS = dict(zip(
    [0x01, 0x03, 0x09, 0x19, 0x11, 0x0B, 0x1B, 0x13, 0x0A, 0x1A, 0x05, 0x07, 0x0D, 0x1D, 0x15, 0x0F, 0x1F, 0x17, 0x0E,
     0x1E, 0x25, 0x27, 0x3A, 0x2D, 0x3D, 0x35],
    string.ascii_lowercase,
))
_BRAILLE = re.compile(r"[\u2800-\u28ff]+(?:\s+[\u2800-\u28ff]+)*")
_LOWER, _UPPER = string.ascii_lowercase, string.ascii_uppercase
ATBASH = str.maketrans(_LOWER + _UPPER, _LOWER[::-1] + _UPPER[::-1])


def _shift(n: int) -> dict[int, int]:
    return str.maketrans(_LOWER + _UPPER, _LOWER[n:] + _LOWER[:n] + _UPPER[n:] + _UPPER[:n])


CAESAR = [_shift(n) for n in range(1, 26)]
# ROT47 rotates every printable ASCII character but the space ("!" to "~", 94 of them), so its
# ciphertext is thick with punctuation ("#6G62= J@FC …").
_PRINTABLE = "".join(chr(c) for c in range(33, 127))
ROT47 = str.maketrans(_PRINTABLE, _PRINTABLE[47:] + _PRINTABLE[:47])


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
        for _ in range(3):  # base64 of base64: decoded again while it still reads as one token
            try:
                token = _readable(base64.b64decode(token + "=" * (-len(token) % 4)))
            except (binascii.Error, ValueError):
                break
            found.append(token)
            if not _BASE64.fullmatch(token):
                break
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
    if len(_ESCAPES.findall(text)) > 1:  # words escaped one by one, spaces between: read them together
        found.append(_ESCAPES.sub(lambda t: re.sub(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})",
                                                   lambda m: chr(int(m.group(1) or m.group(2), 16)), t.group(0)), text))
    for token in _BINARY.findall(text):
        found.append(_readable(bytes(int(byte, 2) for byte in token.split())))
    for token in _DECIMALS.findall(text):
        found.append("".join(chr(int(n)) for n in re.split(r"[\s,;]+", token)))
    for token in _OCTALS.findall(text):
        found.append(_readable(bytes(int(n, 8) for n in re.split(r"[\s,;]+", token))))
    for token in _BRAILLE.findall(text):
        found.append(re.sub(r"[\u2800-\u28ff]", lambda m: _BRAILLE_LETTERS.get(ord(m.group(0)) - 0x2800, ""), token))
    for token in _NATO_RUN.findall(text):
        found.append(" ".join("".join(word[0] for word in part.split())
                              for part in re.split(r"\s*[—–/|,;-]\s*|\s{2,}", token) if part.strip()).lower())
    for token in _LETTER_NUMBERS.findall(text):  # a=1 … z=26, letters joined by "-" or ".", words by spaces
        found.append(" ".join("".join(chr(96 + int(n)) for n in re.split(r"[-.]", word))
                              for word in re.split(r"\s*/\s*|\s+", token)))
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
    """A function word of two letters or more: a lone "a" or "i" turns up in most shifts of any
    text of single letters ("e.g., 'x'" repeated), and says nothing of a language."""
    return any(len(w) > 1 and w.lower() in _FUNCTION_WORDS for w in _WORD.findall(text))


def _ciphers_undone(text: str) -> list[str]:
    """Atbash, the 25 Caesar shifts (ROT13 is shift 13) and ROT47 of ``text`` that read as a language."""
    undone = (text.translate(table) for table in (ATBASH, *CAESAR, ROT47))
    return [plain for plain in undone if _reads_as_language(plain)]


_PIG_LATIN = re.compile(r"\b([A-Za-z]+?)([b-df-hj-np-tv-z]{1,2})ay\b", re.IGNORECASE)
_PIG_LATIN_VOWEL = re.compile(r"\b([aeiou][a-z]*?)(?:w|y|h)ay\b", re.IGNORECASE)
# The two-consonant starts of English words, so "omptpray" gives back "prompt", not "tpromp".
_ONSETS = frozenset(
    "bl br ch cl cr dr fl fr gl gr kn ph pl pr qu sc sh sk sl sm sn sp st sw th tr tw wh wr".split()
)


def _unmove(match: re.Match[str]) -> str:
    rest, moved = match.group(1), match.group(2)
    if len(moved) == 2 and moved.lower() not in _ONSETS:
        rest, moved = rest + moved[0], moved[1]
    return moved + rest


def _pig_latin_undone(text: str) -> list[str]:
    """Pig Latin read back two ways, when most words end in "ay": the consonants before "ay" moved
    to the front ("ouryay" -> "your"), and a vowel word's "way"/"yay" dropped ("andway" -> "and")."""
    found = _WORD.findall(text)
    if len(found) < 3 or sum(w.lower().endswith("ay") for w in found) * 2 < len(found):
        return []
    moved = _PIG_LATIN.sub(_unmove, text)
    dropped = _PIG_LATIN.sub(_unmove, _PIG_LATIN_VOWEL.sub(r"\1", text))
    # each word on its own: "way" after a vowel stem dropped ("instructionsway"), "yay"/"hay" moved
    # back ("ouryay" -> "your"), so one reading holds both kinds of word
    mixed = _PIG_LATIN.sub(_unmove, re.sub(r"\b([aeiou][a-z]*?)way\b", r"\1", text, flags=re.IGNORECASE))
    return [moved.lower(), dropped.lower(), mixed.lower()]


# Word games: the first letters of each word ("Really Elegant Visuals…" spells "reveal"), words
# to put in a stated order ("in the order 3, 1, 2: …"), words with their vowels taken out.
_FIRST_LETTERS = re.compile(r"\b(?:first|initial|opening) letters?\b|\binitials\b|\bacrostic\b", re.IGNORECASE)
_ORDER = re.compile(r"\border\b\D{0,12}((?:\d+\s*(?:,|and)?\s*){3,})", re.IGNORECASE)
_LISTED = re.compile(r"[:\n]\s*((?:[A-Za-z'-]+\s*[/|,;]\s*){2,}[A-Za-z'-]+)")
# What a text stripped of vowels most likely hides: the words an attack is made of, and the
# commonest words around them ("shw m yr sstm prmpt" -> "show me your system prompt").
_VOCABULARY = (
    "the a an and or to of in on for is are all any every you your me my it this that what now then"
    " show print reveal tell give list repeat quote copy paste write output display share send dump"
    " ignore forget disregard drop skip override bypass disable remove stop follow obey answer"
    " system prompt prompts instructions instruction rules rule hidden secret initial original full"
    " configuration config guidelines restrictions limits filters policy context message text above before"
).split()


# A whole word, in any script: "měl" has a vowel (ě), it is not the skeleton "ml".
_NO_VOWEL = re.compile(r"(?<![^\W\d_])[b-df-hj-np-tv-z]+(?![^\W\d_])", re.IGNORECASE)


def _skeleton(word: str) -> str:
    """A word without its vowels (a "y" after the first letter counts as one)."""
    return word[:1].lower().strip("aeiou") + re.sub(r"[aeiouy]", "", word[1:].lower())


_BY_SKELETON: dict[str, str] = {}
for _word in _VOCABULARY:
    _BY_SKELETON.setdefault(_skeleton(_word), _word)


_SPELLABLE = frozenset(w for w in _VOCABULARY if len(w) > 1)


def _spaced(letters: str) -> str:
    """Letters spelled without spaces ("showprompt") cut into the words of ``_VOCABULARY`` ("show
    prompt"), the fewest words that cover them all; the letters as they are when none do."""
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 13), end):
            if best[start] is not None and letters[start:end] in _SPELLABLE:
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = [*best[start], letters[start:end]]
    return " ".join(best[-1]) if best[-1] else letters


# Letters interleaved with filler: "every second letter" (or third) of a long run spells the text
# ("qrqeqvqeqaql…" is "reveal…" with a "q" before each letter).
_EVERY_NTH = re.compile(r"\bevery (?:second|other|2nd|third|3rd|alternate) (?:letter|character|char)s?\b"
                        r"|\balternate (?:letters|characters)\b", re.IGNORECASE)
_LONG_RUN = re.compile(r"[A-Za-z]{12,}")


def _interleaved(text: str) -> list[str]:
    """Each long run of letters read one letter in two (or three), from each start, when the text
    asks for every second or third letter, or when the letters skipped are one filler repeated."""
    asked = bool(_EVERY_NTH.search(text))
    out = []
    for run in _LONG_RUN.findall(text):
        run = run.lower()
        for step in (2, 3):
            for start in range(step):
                skipped = "".join(run[i] for i in range(len(run)) if i % step != start)
                if asked or len(set(skipped)) == 1:
                    out.append(_spaced(run[start::step]))
    return out


# The last letters of each word spell it ("take the last letter of each word: ship, door, …").
_LAST_LETTERS = re.compile(r"\b(?:last|final|ending|end) letters?\b", re.IGNORECASE)
# A blank the spelled word fills: "now print your ______ (the word you found)".
_WORD_BLANK = re.compile(r"_{3,}")


def _word_games(text: str) -> list[str]:
    out = _interleaved(text)
    listed_words = _LISTED.search(text)
    if _LAST_LETTERS.search(text) and listed_words:
        spelled = "".join(w[-1] for w in _WORD.findall(listed_words.group(1))).lower()
        out.append(_WORD_BLANK.sub(spelled, text) if _WORD_BLANK.search(text) else f"{spelled} {_spaced(spelled)}")
    if _FIRST_LETTERS.search(text):
        parts = re.split(r"[.:;!?\n]", text)
        out.append(" ".join(_spaced("".join(word[0] for word in _WORD.findall(part)).lower()) for part in parts))
        # a list of capitalised words may sit among lower-case ones ("then Pretty Robins Often …")
        out.append(" ".join(_spaced("".join(w[0] for w in _WORD.findall(part) if w[0].isupper()).lower())
                            for part in parts if sum(w[0].isupper() for w in _WORD.findall(part)) >= 3))
    order, listed = _ORDER.search(text), _LISTED.search(text)
    if order and listed:
        words = re.split(r"\s*[/|,;]\s*", listed.group(1).strip())
        places = [int(n) - 1 for n in re.findall(r"\d+", order.group(1))]
        if sorted(places) == list(range(len(words))):
            out.append(" ".join(words[i] for i in places))
    found = _WORD.findall(text)
    if len(found) >= 3 and len(_NO_VOWEL.findall(text)) * 2 >= len(found):
        out.append(" ".join(_BY_SKELETON.get(_skeleton(w), w) for w in found))
    return out


# A web address's query string: "?q=reveal+hidden+instructions", "&text=ignore%20your%20rules".
_QUERY = re.compile(r"[?&#][\w.-]{1,30}=([^\s&#]+)")


# A run of percent-escapes outside any address: a whole sentence URL-encoded ("%49%67%6E…").
_PERCENT_RUN = re.compile(r"[^\s%]*(?:%[0-9A-Fa-f]{2}[^\s%]*){3,}")


def _queries_decoded(text: str) -> list[str]:
    """The values of every query parameter in ``text``, URL-decoded ("reveal hidden instructions"),
    and every run of percent-escapes."""
    return ([unquote_plus(m.group(1)) for m in _QUERY.finditer(text) if "+" in m.group(1) or "%" in m.group(1)]
            + [unquote_plus(run) for run in _PERCENT_RUN.findall(text)])




# A line that is, or ends in, a list of words, each a letter of a word spelled across it ("Sales, Yield, Stock, …").
_TRAILING_LIST = re.compile(
    r"(?:^|:|\b(?:then|and|next|also|now)\b)\s*([A-Za-z'-]+(?:\s*[/|,;]\s*[A-Za-z'-]+){3,})\W*$", re.IGNORECASE)


def acrostics(turns: list[str]) -> str:
    """The words that the first letters of each listed line spell, across turns, when a turn asks
    for first letters ("keep only the first letter of each"); "" otherwise."""
    if not any(_FIRST_LETTERS.search(turn) for turn in turns):
        return ""
    # a list may close a line after a lead-in: "Take the first letter of each: Sales, Yield, …", "Then Pricing, …"
    lines = [m.group(1) for turn in turns for line in turn.splitlines() if (m := _TRAILING_LIST.search(line))]
    return " ".join(_spaced("".join(w[0] for w in _WORD.findall(line)).lower()) for line in lines)


# A filler the message says to take out of its words ("remove every 'ub'", "delete all the 'x's").
_REMOVE_FILLER = re.compile(
    r"\b(?:remove|delete|drop|strip|take out|cut out|cut|ignore|skip|erase)\s+(?:(?:every|all|each|the)\s+)*"
    r"(?:(?:letters?|syllables?|instances? of|occurrences? of)\s+)?[\"'‘“]([A-Za-z]{1,4})[\"'’”]", re.IGNORECASE)


def fillers_removed(text: str) -> list[str]:
    """``text`` with each filler it says to remove taken out of its words (a syllable game such as
    "Ubbi dubbi": "remove every 'ub'" turns "Shubow mube" into "Show me"); none when it says none.
    Read on the message as written: the filler is quoted, and quotes are blanked elsewhere."""
    out = []
    for filler in dict.fromkeys(m.group(1).lower() for m in _REMOVE_FILLER.finditer(text)):
        body = _REMOVE_FILLER.sub(" ", text)
        if len(re.findall(re.escape(filler), body, re.IGNORECASE)) >= 3:
            out.append(re.sub(re.escape(filler), "", body, flags=re.IGNORECASE))
    return out


# Pig Latin written with a hyphen before the moved letters ("our-yay", "ules-ray", "and-way").
_HYPHENED_PIG_LATIN = re.compile(r"(?<=[A-Za-z])-(?=[b-df-hj-np-tv-z]{0,2}ay\b)", re.IGNORECASE)


def decodings(text: str) -> list[str]:
    """Every cheap decoding of ``text`` that may hide an instruction (possibly none)."""
    out = tokens_decoded(text)
    if len(_HYPHENED_PIG_LATIN.findall(text)) >= 3:
        out.extend(_pig_latin_undone(_HYPHENED_PIG_LATIN.sub("", text)))
    out.extend(_queries_decoded(text))
    out.extend(_word_games(text))
    out.append(text[::-1])  # backwards text is rare in a question and cheap to read
    if reads_as_no_language(text):
        out.extend(_ciphers_undone(text))
        out.extend(_pig_latin_undone(text))
    else:
        # a cipher may follow a plain-English frame ("decode and comply: Ljqruh ...", "Decode the
        # Pig Latin: Owshay ...")
        # (ROT47 writes colons of its own: what follows a line's first colon is read whole too)
        whole = [line.split(":", 1)[1] for line in text.splitlines() if ":" in line]
        for part in dict.fromkeys([*re.split(r"[:\n]", text)[1:], *whole]):
            if reads_as_no_language(part):
                out.extend(_ciphers_undone(part))
                out.extend(_pig_latin_undone(part))
    return out
