"""An exchange rate written in the message: two currencies become one calculation.

"Use 0.92 €/$ and give me the TCO in euros", "take £0.79 per dollar", "(₹83 per $)", "1 USD = 0,92
EUR": with a rate between the two currencies the amounts are written in, the amounts of one are
converted into the other: the currency the message asks for ("in euros"), or else the currency the
rate is priced in (£0.79 per dollar: pounds). The rate itself is no input; with every amount in
one currency and no other asked for, nothing is converted. Without a rate, two
currencies are still asked about (calc_questions.same_currency); a third currency, or a rate
between currencies the amounts do not use, converts nothing.

The dialogue reads a rate given as the answer to that question with the same ``exchange_rate``.
"""

from __future__ import annotations

import dataclasses
import re

from knowledge.figures import CURRENCY_CODES, CURRENCY_NAMES, Figure

# What links two amounts that are worth the same ("1 USD = 0,92 EUR", "$1 is €0.92").
WORTH = re.compile(r"\s*(?:=|≈|~|:|\bis\b|\bare\b|\bequals?\b|\bto\b|\bbuys?\b|\bgets?\b)\s*(?:about|roughly|around)?\s*$",
                   re.IGNORECASE)
# "0.92 €/$", "1.17 USD/EUR": an amount of one currency per one unit of the currency after the slash.
_PER_SLASH = re.compile(r"\s*/\s*([$€£¥₹]|[a-z]{3})\b|\s*/\s*([$€£¥₹])", re.IGNORECASE)


def currency_code(word: str) -> str | None:
    """The ISO code a written currency names ("euros", "$", "usd"), or None."""
    word = word.lower()
    if word in CURRENCY_NAMES:
        return CURRENCY_NAMES[word]
    return word.upper() if word in CURRENCY_CODES else None


def exchange_rate(text: str, figures: list[Figure]) -> tuple[str, str, float, tuple[int, ...]] | None:
    """(from, to, how many ``to`` one ``from`` is worth, the indices of the rate's own figures):
    two amounts in two currencies said to be worth the same ("1 USD = 0,92 EUR"), or one amount
    per a currency named after it ("0.92 EUR per USD", "1.08 dollars to the euro", "0.92 €/$")."""
    money = [f for f in figures if f.unit == "money" and f.currency and f.value > 0]
    for a, b in zip(money, money[1:]):
        if a.currency != b.currency and WORTH.fullmatch(text[a.span[1] : b.span[0]]):
            return a.currency, b.currency, b.value / a.value, (a.index, b.index)
    for fig in money:
        after = fig.after[:3]
        if after[:1] and after[0] in {"per", "to", "for", "a", "each"}:
            named = [code for code in map(currency_code, after[1:]) if code]
            if named and named[0] != fig.currency:
                return named[0], fig.currency, fig.value, (fig.index,)
        slash = _PER_SLASH.match(text, fig.span[1])
        named_code = currency_code(slash.group(1) or slash.group(2)) if slash else None
        if named_code and named_code != fig.currency:
            return named_code, fig.currency, fig.value, (fig.index,)
    return None


def currency_asked(text: str, figures: list[Figure]) -> str | None:
    """The one currency the message asks the result in ("in euros", "into USD"), as a code, or None."""
    rest = text
    for fig in sorted(figures, key=lambda f: -f.span[0]):
        rest = rest[: fig.span[0]] + " " + rest[fig.span[1] :]
    codes = {currency_code(w) for w in re.findall(r"\b(?:in|into)\s+([a-z]+|[$€£¥₹])", rest.lower())} - {None}
    return codes.pop() if len(codes) == 1 else None


def converted_currencies(text: str, figures: list[Figure]) -> tuple[list[Figure], dict[int, str], dict[int, str]]:
    """``figures`` with the amounts of the other currency converted at the rate the message gives,
    the rate's own figures (index → why they are no input) and a note per converted amount."""
    found = exchange_rate(text, figures)
    if found is None:
        return figures, {}, {}
    source, into, worth, own = found
    amounts = [f for f in figures if f.unit == "money" and f.index not in own]
    if not amounts or any(f.currency not in {source, into} for f in amounts if f.currency):
        return figures, {}, {}  # a third currency: no rate for it
    asked = currency_asked(text, figures)
    target = asked or into
    if target not in {source, into}:
        return figures, {}, {}
    shown_rate = f"{worth:g} {into} per {source}"
    aside = {i: f"the exchange rate you gave ({shown_rate})" for i in own}
    if asked is None and len({f.currency for f in amounts if f.currency}) < 2:
        return figures, aside, {}  # "all in CHF … we convert at 1.05 EUR per franc for reporting": nothing to convert
    other, factor = (source, worth) if target == into else (into, 1 / worth)
    out = list(figures)
    notes: dict[int, str] = {}
    for fig in amounts:
        if fig.currency != other:
            continue
        value = round(fig.value * factor, 6)
        high = None if fig.high is None else round(fig.high * factor, 6)
        out[fig.index] = dataclasses.replace(fig, value=value, high=high, currency=target)
        notes[fig.index] = f"; {fig.show()} at {shown_rate} = {value:,.2f} {target}".replace(".00 ", " ")
    return out, aside, notes
