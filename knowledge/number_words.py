"""Numbers written in words, as people say them: the pattern that finds them and the value of each
(knowledge/figures.py reads them in a message beside digits)."""

from __future__ import annotations

import re


# Numbers written in words, as people say them: "twelve thousand", "forty-two", "a hundred and
# fifty", "two and a half grand", "three point three", "half a million". The pattern follows
# the grammar of English cardinals (units, teens, tens, "hundred", a multiplier), so every
# phrase it matches has one value (``words_value``).
UNIT_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9}
TEEN_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
              "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
              "ninety": 90}
MULTIPLIER_WORDS = {"thousand": 1e3, "grand": 1e3, "million": 1e6, "billion": 1e9}
# Every single number word and the quantities said without a cardinal (tools/goals.py finds
# targets and deadlines written with them: "by ten percent", "within twelve months").
WORD_NUMBERS = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS, "twenty-four": 24, "thirty-six": 36, "a couple of": 2,
                "a few": 3}
_U = "|".join(UNIT_WORDS)
_SMALL = rf"(?:(?:{'|'.join(TENS_WORDS)})(?:[\s-](?:{_U}))?|{'|'.join(TEEN_WORDS)}|{_U})"
# "year one twenty k": "one" numbers the year, it does not start "one twenty"
_AFTER_NO_PERIOD = "".join(rf"(?<!\b{noun}\s)" for noun in ("year", "month", "week", "day", "quarter", "phase", "option",
                                                           "step", "stage", "round", "wave"))
_TENS_OR_TEEN = rf"(?:(?:{'|'.join(TENS_WORDS)})(?:[\s-](?:{_U}))?|{'|'.join(TEEN_WORDS)})"
# "forty two fifty" is 42.50, as a price is said aloud: a tens-or-teen amount and its cents (not
# after "nineteen" or "twenty", where the pair is a year: "twenty twenty-seven"; nor a split or
# a percentage, "eighty twenty", "fifty fifty")
_YEAR_LEADS = {"nineteen", "twenty"}
_PRICE_WORDS = [w for w in (*TENS_WORDS, *TEEN_WORDS) if w not in _YEAR_LEADS]
# Two equal tens or teens ("fifty fifty", "fifty-fifty") are an even split, never a price or a sum.
_EVEN_SPLIT = "(?:" + "|".join(w + r"[\s-]+" + w for w in (*TENS_WORDS, *TEEN_WORDS)) + r")\b"
_SAID_PRICE = (rf"(?!{_EVEN_SPLIT})(?:(?:{'|'.join(w for w in _PRICE_WORDS if w in TENS_WORDS)})(?:[\s-](?:{_U}))?"
               rf"|{'|'.join(w for w in _PRICE_WORDS if w in TEEN_WORDS)})\s+{_TENS_OR_TEEN}"
               rf"(?![\s-]*(?:hundred|k\b|{'|'.join(MULTIPLIER_WORDS)}|point\b|and\s+a\s+half|split|rule|ratio|chance"
               rf"|mix|%|per\s*cent|percent|pc\b))")  # "an eighty twenty split", "thirty forty percent": no price
# "one hundred and four hundred and ten": a hundred's tail is never the start of another hundred;
# "six fifty" is six hundred and fifty, as amounts are said aloud
_BELOW_1000 = (rf"(?:(?:a|{_SMALL})\s+hundred(?:\s+(?:and\s+)?{_SMALL}(?!\s+hundred))?"
               rf"|{_SAID_PRICE}"
               rf"|{_AFTER_NO_PERIOD}(?:{_U})\s+{_TENS_OR_TEEN}(?!\s*(?:hundred|k\b|{'|'.join(MULTIPLIER_WORDS)}))|{_SMALL})")
_FRACTION = rf"(?:\s+and\s+a\s+half|\s+point(?:\s+(?:{_U}))+)"
_MULTIPLIER = "|".join(MULTIPLIER_WORDS)
_DURATION_AHEAD = r"(?=\s+(?:(?:person|man|staff|developer|engineer)[\s-]?)?(?:days?|weeks?|months?|quarters?|years?)\b)"
WORDS_NUMBER = (
    rf"(?:{_SMALL}){_FRACTION}?\s?k(?![a-z])"
    rf"|(?:a\s+)?couple(?:\s+of)?\s+(?:hundred|{_MULTIPLIER})"
    rf"|half\s+an?\s+(?:{_MULTIPLIER})"
    rf"|(?:a|one|three)\s+quarters?\s+of\s+an?\s+(?:{_MULTIPLIER})"
    rf"|(?:a|{_BELOW_1000}){_FRACTION}?\s+(?:{_MULTIPLIER})(?:\s+(?:and\s+)?{_BELOW_1000}(?!\s+(?:{_MULTIPLIER})))?"
    rf"|{_BELOW_1000}{_FRACTION}?"
    rf"|(?:a\s+)?half(?:\s+an?{_DURATION_AHEAD})?"
    r"|a couple of|a few"
    r"|once|twice|thrice"
)
# How often, said in one word ("twice a year"): a count only where a period follows it.
FREQUENCY_WORDS = {"once": 1, "twice": 2, "thrice": 3}


def words_value(phrase: str) -> float:
    """The value of a number written in words (a phrase ``WORDS_NUMBER`` matches): "a hundred
    and fifty" → 150, "two and a half grand" → 2500, "three point three" → 3.3."""
    lowered = phrase.lower()
    quarter = re.fullmatch(r"(a|one|three)\s+quarters?\s+of\s+an?\s+([a-z]+)", lowered)
    if quarter:  # "a quarter of a million", "three quarters of a million"
        return (3 if quarter.group(1) == "three" else 1) * 0.25 * MULTIPLIER_WORDS[quarter.group(2)]
    if lowered in FREQUENCY_WORDS:
        return float(FREQUENCY_WORDS[lowered])
    if lowered in WORD_NUMBERS:
        return float(WORD_NUMBERS[lowered])
    price = re.fullmatch(rf"({_TENS_OR_TEEN})\s+({_TENS_OR_TEEN})", lowered)
    if price and price.group(1).split()[0].split("-")[0] not in _YEAR_LEADS \
            and price.group(1) != price.group(2):  # "forty two fifty", not "fifty fifty"
        return round(words_value(price.group(1)) + words_value(price.group(2)) / 100, 2)
    tokens = re.findall(r"[a-z]+", lowered)
    total, current, decimals = 0.0, 0.0, None
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in {"a", "an"}:
            if following == "hundred" or following in MULTIPLIER_WORDS:
                current = current or 1.0
        elif token == "couple":
            current += 2
        elif token == "half":
            current += 0.5
        elif token == "point":
            decimals = ""
        elif decimals is not None and token in UNIT_WORDS:
            decimals += str(UNIT_WORDS[token])
        elif token in UNIT_WORDS and (following in TENS_WORDS or following in TEEN_WORDS) and not current:
            current += UNIT_WORDS[token] * 100  # "six fifty": 650
        elif token in UNIT_WORDS or token in TEEN_WORDS or token in TENS_WORDS:
            current += {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}[token]
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in MULTIPLIER_WORDS or token == "k":
            fraction = float("0." + decimals) if decimals else 0.0
            total += ((current or 1.0) + fraction) * MULTIPLIER_WORDS.get(token, 1e3)
            current, decimals = 0.0, None
    return total + current + (float("0." + decimals) if decimals else 0.0)
