"""How money figures are placed: which way the money goes, what is an amount at all, and what
only describes the business.

The calculator reader (assistant/reading/calculate.py) asks these questions of a figure whose
labels do not name an input: a clause says money goes out ("we're paying", "onboarding charge")
or comes in ("saves", "extra margin", "cut costs by"); a bare number followed by a noun counts
things ("20,000 subscribers"); an amount next to a word for the business sizes it ("a USD 3bn
retailer"); the user may leave a figure out in words. General English only: nothing here names a
course or a calculator.
"""

from __future__ import annotations

import re

from assistant.reading.revisions import corrected, same_kind
from knowledge.figures import CURRENCY_WORDS, MONTHS_IN, Figure
from tools.spec import FieldSpec

MIN_BARE_AMOUNT = 100  # a number without currency or k/M is read as money only from here up
PERIOD_NAMES = {"day", "week", "fortnight", "month", "quarter", "year", "annum", "mo", "yr", "qtr", "days", "weeks", "months", "years"}

# Which way money goes, in general English: the words of a clause that say the business pays
# (a cost, whatever it is paid for) or gains. A word that lowers something ("cut support costs by
# 6k", "write-offs down 9k") turns a cost into a gain. Stems: a word starting with one matches.
MONEY_OUT = ("cost", "spen", "paid", "pay", "invest", "price", "fee", "charg", "licen", "subscri", "outlay", "budget",
             "bill", "quote", "setup", "set-up", "set", "onboard", "implement", "integrat", "training", "maint",
             "hosting", "forking", "buy", "bought", "purchas", "outright", "upfront", "up-front", "one-off", "one-time",
             "once", "contract", "payable", "expens", "put", "capex", "opex", "saas", "seat", "run", "running", "impl", "sub", "retainer")
MONEY_IN = ("save", "saved", "saving", "gain", "profit", "margin", "revenue", "return", "benefit", "bring", "brought", "earn", "generat",
            "made", "make", "extra", "additional", "uplift", "add", "income", "deliver", "inflow", "get", "got",
            "recover", "recoup", "net", "economis", "economiz")  # "economised 6k": saved, in non-native English
# Words for when money moves, not things counted: "60,000 now", "5,000 upfront", "8,000 later".
TIME_WORDS = {"now", "today", "upfront", "initially", "first", "then", "later", "afterwards", "once", "immediately"}
# Words that follow an amount without being what it counts: "500 a month after that", "5k for the tool".
PREPOSITIONS = {"after", "before", "on", "for", "to", "from", "over", "until", "till", "with", "at", "by", "into",
                "and", "or", "plus", "but", "so", "which", "that", "is", "was", "are", "were"}
# Head nouns of a charge: the word before them says what it pays for ("support fee").
CHARGE_NOUNS = {"fee", "fees", "cost", "costs", "charge", "charges", "bill", "bills"}
SAVES = ("save", "saved", "saves", "saving", "savings")
LOWERS = ("cut", "reduc", "lower", "down", "fewer", "less", "drop", "shrink", "avoid", "stop", "prevent")


def stem_in(word: str, stems: tuple[str, ...]) -> bool:
    return any(word in (stem, stem + "s") or (len(stem) >= 4 and word.startswith(stem)) for stem in stems)


def lowers(fig: Figure) -> bool:
    """Whether the figure is the amount something is lowered by ("cut support costs by 6k",
    "reduces holding costs by 1,200 a month", "write-offs down 9k")."""
    if fig.before[-1:] == ["to"]:
        return False  # "got the licence down to 950 a month": the new level, not the amount taken off
    return any(stem_in(w, LOWERS) for w in fig.before[-4:] + fig.after[:1])


# Money someone else gives toward the project's cost: it comes in, but it is no return the project
# earns; netting it off the cost or counting it as a gain gives different ROIs, so it is asked.
_FUNDING = re.compile(r"^(?:grants?|subsid(?:y|ies|ised|ized)|rebates?|reimburs(?:ed|ement|ements)|co-?fund(?:ed|ing)?|"
                      r"funding)$")


def funds_the_cost(fig: Figure) -> bool:
    """Whether the figure's own words say it is funding toward the cost (a grant, a subsidy, a rebate)."""
    return any(_FUNDING.match(w) for w in fig.before[-5:] + fig.after[:5])


def money_direction(fig: Figure) -> str | None:
    """"out" when the figure's clause says the business pays it, "in" when it gains it, None when
    the clause does not say. The nearest word decides; a lowering word makes it a gain, and so
    does a plus sign written on the figure ("+25k")."""
    if fig.plus:
        return "in"
    if fig.before[-1:] == ["staff"] and not fig.after:  # people's time priced (shares.py): paid for, unless it is saved
        words = fig.before + fig.lead + re.findall(r"[a-z]+", fig.context.lower())
        if not any(stem_in(w, MONEY_IN) or stem_in(w, LOWERS) or w.startswith(("free", "replac", "automat")) for w in words):
            return "out"
    if any(stem_in(w, LOWERS) for w in fig.before + fig.after[:1]):
        return "in"  # "cut support costs by 6k", "write-offs down 9k", "9k less in fees"
    near = fig.before[-6:]
    saving = [k for k, w in enumerate(near) if stem_in(w, SAVES)]
    if saving and any(stem_in(w, MONEY_OUT) for w in near[saving[0] + 1:]):
        return "in"  # "savings in support costs over the 2 years: 40,000": what is saved is a cost
    # the words before a figure first, nearest first ("put in 40k get back 10k": 40k is put in), then
    # the words after it ("10k saved")
    order = list(range(len(fig.before) - 1, -1, -1)) + list(range(len(fig.before), len(fig.before) + len(fig.after)))
    words = fig.before + fig.after
    window = [("one-off" if w == "off" and k and words[k - 1] == "one" else
               "" if w == "net" and words[k + 1 : k + 2] == ["of"] else w)  # "net of VAT: 38,000" says nothing of the way
              for k, w in enumerate(words)]  # "one off"
    for k in order:
        word = window[k]
        if stem_in(word, MONEY_IN):
            return "in"
        if stem_in(word, MONEY_OUT):
            return "out"
    for k, word in reversed(list(enumerate(fig.lead))):  # "The total cost, including the licence, was 40,000 euros"
        if word == "net" and fig.lead[k + 1 : k + 2] == ["of"]:
            continue
        if stem_in(word, MONEY_IN) or stem_in(word, LOWERS):
            return "in"
        if stem_in(word, MONEY_OUT):
            return "out"
    return None


REVENUE_WORDS = ("revenue", "sales", "turnover", "gmv", "arr", "payout")
# Words that make an amount of revenue a change brought by the project ("extra sales", "lifts revenue").
CHANGE_WORDS = ("extra", "additional", "more", "increas", "uplift", "lift", "grew", "grow", "up", "added", "add",
                "incremental", "new", "brought", "bring", "generat", "gain", "boost", "rais", "from", "thanks")


def margin_for(part: Figure, spec_field: FieldSpec, figures: list[Figure], roles: dict[int, str]) -> Figure | None:
    """The margin percentage that turns a gain given as revenue into profit: a percentage no input
    took, named "margin", in a message whose gain is named revenue, sales or turnover."""
    if spec_field.direction != "in" or not any(stem_in(w, REVENUE_WORDS) for w in part.before + part.after):
        return None
    margins = [f for f in figures if f.unit == "percent" and f.index not in roles and "margin" in f.before + f.after]
    return margins[0] if len(margins) == 1 else None


PROFIT_WORDS = ("profit", "margin", "saving", "save", "saved", "net", "contribution", "earnings", "ebit", "cash")


def revenue_only(fig: Figure) -> bool:
    """A gain named only as revenue ("€240,000 in attributable revenue"): money coming in before its
    costs, not the profit a return is computed on. Said as profit or margin anywhere near, it is not."""
    words = fig.before[-6:] + fig.after[:6]
    return any(stem_in(w, REVENUE_WORDS) for w in words) and not any(stem_in(w, PROFIT_WORDS) for w in words + fig.lead)


def counts_things(fig: Figure, plural_money_nouns: bool = False) -> bool:
    """A bare number followed by a noun that is neither money nor a period: "2,500 returns a month",
    "20,000 subscribers". With ``plural_money_nouns`` (a message that writes its amounts with a
    currency), a plural noun of money counts things too: "we handle 2,500 returns a month"."""
    if fig.unit != "count" or fig.scaled or fig.joined or not fig.after[:1] or fig.value < 0:
        return False  # "-60,000 now": nobody counts a negative number of things
    word = fig.after[0]
    if not re.search(re.escape(fig.text) + r"\s+" + re.escape(word), fig.context, re.IGNORECASE):
        return False  # a table cell: the next cell is not a noun of this number
    if fig.after[1:2] and fig.after[1] in CHARGE_NOUNS:
        return False  # "500 support fee", "300 hosting costs": a noun naming what a charge is for
    if word in PREPOSITIONS | TIME_WORDS:  # "500 a month after that", "spent 5,000 on ads", not "1,200 on the list"
        return not (fig.period or money_direction(fig))
    if plural_money_nouns and word.isalpha() and word.endswith("s") and word not in PERIOD_NAMES \
            and not re.fullmatch(CURRENCY_WORDS, word):
        return True
    return word.isalpha() and word not in {"a", "an", "per", "each", "every", "in", "of"} and word not in PERIOD_NAMES \
        and not any(word in (stem, stem + "s") for stem in MONEY_OUT + MONEY_IN + ("dollars", "euros", "pounds"))


def counted_by_label(fig: Figure) -> bool:
    """A bare number labelled before it by a noun that counts things, as a dashboard or an export
    writes it: "Orders processed 12,880", "Sessions: 48,210", "Active users 3,100"."""
    if fig.unit != "count" or fig.scaled or fig.period or fig.value < 0 or not fig.before:
        return False
    label = fig.before[-3:]
    return any(stem_in(w, COUNTED_NOUNS) or stem_in(w.rstrip("s"), COUNTED_NOUNS) for w in label) and not any(
        stem_in(w, MONEY_OUT + MONEY_IN) for w in label)


# Nouns that say what a number counts when it is not money: time worked, people, events, items.
# "saved 200 hours", "12 people", "3,000 tickets": never an amount, whatever the verb before it.
COUNTED_NOUNS = ("hour", "hr", "hrs", "h", "minute", "min", "mins", "ticket", "order", "visitor", "user", "customer",
                 "client", "people", "person", "staff", "employee", "fte", "session", "click", "email", "item", "sku",
                 "download", "signup", "sign-up", "lead", "call", "chat", "pageview", "subscriber", "member", "store",
                 "agent", "engineer", "developer", "headcount", "transaction", "shipment", "parcel", "request", "query",
                 "queries")


ADJECTIVES = {"active", "new", "paying", "regular", "loyal", "monthly", "daily", "weekly", "unique", "registered",
              "returning", "repeat", "full-time", "part-time", "existing", "total"}


def counts_nouns(fig: Figure) -> bool:
    """A plain number (no currency) followed by a noun of things counted: "200 hours", "40 staff"."""
    if fig.unit == "count" and fig.cell and not fig.after and _counted_label(fig.before):
        return True  # a table row "Active customers | 12,400": its label says what it counts
    if fig.unit == "count" and _counted_subject(fig.before):
        return True  # "support tickets dropped by about 120 a month": what moved is a number of tickets
    if fig.unit != "count" or not fig.after[:1]:
        return False
    word = fig.after[0]
    if not re.search(re.escape(fig.text) + r"\s+" + re.escape(word), fig.context, re.IGNORECASE):
        return False
    # "310k active customers"; "3,400 loyalty members", "120 support tickets": a noun naming which ones
    nouns = fig.after[:2] if word in ADJECTIVES or (word.isalpha() and fig.after[1:2] and word not in (
        PREPOSITIONS | TIME_WORDS | PERIOD_NAMES | {"a", "an", "per", "each", "every", "of", "in"}) and not stem_in(
        word, MONEY_OUT + MONEY_IN + REVENUE_WORDS) and fig.after[1] not in CHARGE_NOUNS) else fig.after[:1]
    nouns = [w.split("/")[0] for w in nouns]  # "20 h/month", "300 orders/mo"
    return any(w in COUNTED_NOUNS or (w.endswith("s") and w[:-1] in COUNTED_NOUNS) for w in nouns)


# A number said as how much something moved: "dropped by about", "went up by", "fell".
_MOVED = {"dropped", "fell", "rose", "grew", "increased", "decreased", "declined", "climbed", "shrank", "dipped", "went", "grown", "risen", "fallen", "gone"}
_MOVED_FILLER = {"by", "about", "around", "roughly", "approximately", "approx", "some", "~", "up", "down"}


def _counted_subject(before: list[str]) -> bool:
    """Whether the words before a number say a count of things moved by it ("tickets dropped by
    about"): a verb of moving, and right before it a noun of things counted."""
    words = [w.lower() for w in before[-6:]]
    while words and words[-1] in _MOVED_FILLER:
        words.pop()
    if not words or words[-1] not in _MOVED:
        return False
    subject = [w for w in words[:-1] if w not in {"have", "has", "had", "have", "also", "all"}][-1:]
    return bool(subject) and any(w in COUNTED_NOUNS or (w.endswith("s") and w[:-1] in COUNTED_NOUNS) for w in subject)


def _counted_label(words: list[str]) -> bool:
    """A label naming things counted and no money: "active customers", "orders" (a column headed
    "Value" or "Amount" names no money by that alone)."""
    if words[-1:] and words[-1] in {"value", "values", "amount", "figure", "number"}:
        words = words[:-1]
    counted = any(w in COUNTED_NOUNS or (w.endswith("s") and w[:-1] in COUNTED_NOUNS) for w in words)
    return counted and not any(stem_in(w, MONEY_OUT + MONEY_IN + REVENUE_WORDS) or w in {"value", "aov", "spend"}
                               for w in words)


def unplaced_amount(fig: Figure) -> bool:
    """An amount of money no input took: written as money, or a bare number with k/M, from 100 up or
    with a period ("99/mo"), unless a noun says what it counts ("20,000 subscribers")."""
    if fig.unit == "money":
        return True
    if counts_nouns(fig):
        return False
    if fig.unit != "count" or fig.ratio or not (fig.scaled or fig.period or abs(fig.value) >= MIN_BARE_AMOUNT):
        return False
    return not counts_things(fig)


def amount_like(fig: Figure) -> bool:
    """Money, or a bare number that could be money (k/M or from 100 up), unless a noun says what it
    counts ("120,000 customers")."""
    return fig.unit == "money" or (fig.unit == "count" and (fig.scaled or abs(fig.value) >= MIN_BARE_AMOUNT)
                                   and not counts_nouns(fig))


# Figures that describe the business, not the calculation: its size ("a USD 3bn retailer", "our
# parent (USD 3bn revenue)", "a turnover of £1.1M"), and figures the user asks to leave out ("the
# US AOV is $61, but leave that out").
ORGANISATION_WORDS = {"retailer", "retailers", "group", "company", "business", "firm", "chain", "brand", "marketplace",
                      "parent", "subsidiary", "shop", "store", "webshop", "e-shop", "merchant", "turnover"}
# "not included in the licence": a charge on top of a price, not one to leave out.
_ON_TOP_OF = (r"(?!\s+in\s+(?:the|our|their|its|that|this|your)\s+(?:\w+\s+)?(?:licen[cs]e|price|quote|package|subscription|fee|"
              r"plan|bundle|offer|contract|setup|set-up)s?\b)")
_LEAVE_OUT = re.compile(
    r"\b(?:leave (?:that|it|this|them) out|ignore (?:that|it|this|them)|(?:is|are)n't part of (?:this|it)|"
    r"(?:is|are) not part of (?:this|it)|(?:don't|do not|doesn't|does not) count|exclude (?:that|it|this|them)|"
    r"(?:don't|do not|please don't) (?:include|add|use|consider) (?:that|it|this|them)|"
    r"(?:should|must|shall|is|are|was|were)(?:n't| not) (?:be )?(?:counted|included|considered|added|part of)" + _ON_TOP_OF + "|"
    r"not (?:to be )?(?:counted|included)" + _ON_TOP_OF + "|"
    r"(?:is|are|was|were) (?:irrelevant|not relevant|unrelated)|"
    r"(?:is|are|was|were) (?:already )?(?:an? )?sunk(?: costs?)?|"
    # a charge the vendor drops: "Onboarding (€2,400) is waived because we sign this month"
    r"(?:is|are|was|were|will be|gets?|got|has been|have been) (?:fully |being )?(?:waived|comped|forgiven|written off)|"
    r"(?:is|are|was|were) (?:for|from) (?:a|an|another|the other|some other) (?:different|separate|unrelated|other) "
    r"(?:project|tool|thing|initiative|team|budget|product)|(?:is|are|was|were) (?:out of|not in|outside(?: the)?) scope|"
    r"if (?:that|it|this) matters|in case (?:that|it|this) matters|if (?:that's|it's) relevant|if relevant|"
    # a price the figure given elsewhere replaced: "the list price of €3,400 has been negotiated down to the figure above"
    r"(?:has|have|had) been (?:negotiated|brought|cut|reduced|discounted)(?: down)? to|"
    # an item quoted that the buyer did not take: "(NOT ordered)", "we declined that one"
    r"(?:not|never) (?:ordered|purchased|bought|taken|selected|chosen)|(?:we|i) (?:declined|passed on|said no to))\b",
    re.IGNORECASE)
# Words right before a figure that drop it: "ignore the 5k pilot", "excluding the 2k fee".
LEAVE_OUT_BEFORE = ("ignor", "exclud", "disregard", "except", "apart")
_LEAVE_OUT_BEFORE = re.compile(
    r"\b(?:leave out|leaving out|not counting|without counting|don't count|do not count)\s+(?:the\s+|that\s+|our\s+)?$",
    re.IGNORECASE)
# A line of a quote or a proposal that offers an item rather than charges it: "Optional add-on: A/B
# testing, £2,500", "4. (Optional) supplier portal – £4,000". Its amount is counted only when the
# message says elsewhere that the option is taken ("we'll take the optional training").
_OPTIONAL = re.compile(r"\boptional\b", re.IGNORECASE)
_OPTION_TAKEN = re.compile(r"\b(?:includ\w*|tak(?:e|es|ing)|add(?:ing)?|want|buy\w*|go(?:ing)? (?:for|with)|with|plus|"
                           r"opt(?:ing)? (?:for|in)|sign(?:ing)? up for)\b(?:\s+(?:the|that|this|both|all|these|those|its|"
                           r"their|our|an?))*\s+(?:\w+\s+){0,2}?(?:optional|add-?ons?|options?)\b", re.IGNORECASE)
# A limit set on money is no amount paid: "not to exceed $50,000", "capped at £5k", "a cap of €10k".
_MONEY_LIMIT = re.compile(r"\b(?:exceed(?:ing)?|capped\s+at|cap\s+of|ceiling\s+of|maximum\s+of|limit\s+of|"
                          r"no\s+more\s+than|at\s+most)\s*$", re.IGNORECASE)
# A length of notice is a date to act by, no horizon of the calculation: "on 30 days' written notice".
_NOTICE_AFTER = re.compile(r"^['’]?s?['’]?\s+(?:\w+\s+)?notice\b", re.IGNORECASE)


def options_offered(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: an amount that "optional" stands before on its line, with no other amount
    between them ("4. (Optional) supplier portal – £4,000"), when the message says no option is taken."""
    if not _OPTIONAL.search(text) or _OPTION_TAKEN.search(text):
        return {}
    out: dict[int, str] = {}
    for fig in figures:
        start = max(text.rfind("\n", 0, fig.span[0]) + 1, fig.span[0] - 80)
        marks = list(_OPTIONAL.finditer(text, start, fig.span[0]))
        if fig.unit == "money" and marks and not any(
                g.unit == "money" and marks[-1].end() <= g.span[0] < fig.span[0] for g in figures):
            out[fig.index] = "offered as optional, not taken"
    return out


def limits_and_notice(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: a cap on money, or a notice period, is no input."""
    out: dict[int, str] = {}
    for fig in figures:
        if fig.unit == "money" and _MONEY_LIMIT.search(text[max(0, fig.span[0] - 30) : fig.span[0]]):
            out[fig.index] = "it is a limit, not an amount paid"
        elif fig.unit == "duration" and _NOTICE_AFTER.match(text[fig.span[1] : fig.span[1] + 30]):
            out[fig.index] = "it is a notice period, not the length of the calculation"
    return out


# How a percentage says it changes something rather than describes it: "increase by 5%", "cut by
# 10%" (a change by an amount), "5% off", "a 10% discount", "a 3% surcharge" (a change it names).
# "margin 25%", "our cost of capital is 9%", "YoY growth 22%" only describe.
_CHANGED_BY = {"by"}
_CHANGE_NAMES = {"off", "discount", "discounted", "rebate", "reduction", "surcharge", "markup", "mark-up", "increase",
                 "increases", "rise", "rises", "hike", "uplift", "cheaper", "dearer", "escalation",
                 "commission", "commissions"}  # "takes a 10% commission on the sales": a cut of an amount


def changes_amounts(fig: Figure) -> bool:
    """Whether a percentage's own words make it a change applied to something ("by 5%", "10% off")."""
    return fig.unit == "percent" and (fig.before[-1:] and fig.before[-1] in _CHANGED_BY
                                      or bool(fig.after[:1]) and fig.after[0] in _CHANGE_NAMES)


# The business's sales said with the verb: "which turns over approximately £1.4 million a year".
_TURNS_OVER = re.compile(r"\bturn(?:s|ed|ing)?\s+over\s+(?:approximately|approx\.?|about|around|roughly|some|nearly|almost|"
                         r"just\s+(?:over|under)|over|more\s+than|close\s+to)?\s*$", re.IGNORECASE)


def set_aside(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why it is no input: it sizes the business, the user left it out, or the
    user corrected it; it is offered as an option not taken, a limit, or a notice period."""
    aside: dict[int, str] = {**options_offered(text, figures), **limits_and_notice(text, figures)}
    for fig in figures:
        if fig.unit not in {"money", "count"}:
            continue
        if ORGANISATION_WORDS & set(fig.after[:2]) and not fig.period or {"turnover", "market"} & set(fig.before[-3:]) or _TURNS_OVER.search(
                text[max(0, fig.span[0] - 60) : fig.span[0]]) or (
                fig.before[-1:] and fig.before[-1] in ORGANISATION_WORDS and fig.context.find("(") >= 0
                and fig.text in fig.context.split("(", 1)[-1][: len(fig.text) + 1]):
            aside[fig.index] = "it describes the business, not this calculation"
        near = fig.before[-4:]
        if "with" in near and ORGANISATION_WORDS & set(fig.before[: len(fig.before) - near[::-1].index("with")][-3:]) \
                and counts_nouns(fig):
            aside[fig.index] = "it describes the business, not this calculation"  # "a webshop with about 25,000 customers"
        clause = fig.before + fig.after[:3]
        dated = PAST_WORDS & set(fig.before[-4:])  # "revenue last year 1.2M"
        sized = fig.after[:2] in (["of", "turnover"], ["of", "revenue"], ["in", "revenue"], ["turnover"], ["revenue"])
        if any(stem_in(w, REVENUE_WORDS) for w in fig.before[-4:] + fig.after[:2]) and (
                not fig.period or sized) and not any(stem_in(w, CHANGE_WORDS) for w in clause):
            aside[fig.index] = "it is the business's revenue, not a gain from this project"
    return {**aside, **said_to_drop(text, figures)}


def bracket_totals(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: an amount followed by its breakdown in brackets ("one-time $120k (impl
    $90k + integration $30k)") is said twice; the parts, being more precise, are kept."""
    out: dict[int, str] = {}
    for fig in figures:
        opening = re.match(r"\s*\(", text[fig.span[1] :])
        if not opening or not amount_like(fig):
            continue
        start = fig.span[1] + opening.end()
        close = text.find(")", start)
        line_end = text.find("\n", start)
        if close < 0 or 0 <= line_end < close:
            continue
        parts = []
        for part in figures[fig.index + 1 :]:  # bounded by the bracket: linear over the message
            if part.span[1] > close:
                break
            if amount_like(part):
                parts.append(part)
        total = sum(p.value for p in parts)
        if len(parts) >= 2 and abs(total - fig.value) <= 0.005 * abs(fig.value) and len({p.period for p in parts} | {
                fig.period}) == 1:
            out[fig.index] = f"the total of the parts in brackets ({', '.join(p.show() for p in parts)})"
    for said, again in zip(figures, figures[1:]):
        # "thirty-one thousand pounds (£31,000)", "£2,500 (two thousand five hundred pounds)": one
        # amount written twice, as letters and cheques do
        if amount_like(said) and amount_like(again) and said.value and abs(said.value - again.value) <= 0.005 * abs(
                said.value) and re.fullmatch(r"\s*\(\s*", text[said.span[1] : again.span[0]]) and re.match(
                r"\s*\)", text[again.span[1] :]):
            out[again.index] = f"{said.show()} said again"
    for amount, span, share in zip(figures, figures[1:], figures[2:]):
        # "capex of 72,000 is amortised over 36 months (2,000 per month)": the same amount spread out
        if (span.unit == "duration" and share.period and not amount.period and amount_like(amount)
                and re.match(r"\s*\(", text[span.span[1] : share.span[0]]) and share.period in MONTHS_IN
                and abs(share.value * span.value / MONTHS_IN[share.period] - amount.value) <= 0.005 * abs(amount.value)):
            out[share.index] = f"{amount.show()} spread over {span.show()}, said again"
    return out


# Words that place a figure in another time or on another thing than the calculation asked about:
# "the year before we spent 25k on a similar tool", "previously a tool that cost 8k".
PAST_WORDS = {"last", "previous", "previously", "prior", "earlier", "former", "formerly", "ago"}
OTHER_WORDS = PAST_WORDS | {"similar", "different", "unrelated", "separate", "old", "competitor", "competitors"}


def elsewhere(fig: Figure) -> bool:
    """Whether the figure's sentence says it belongs to another time or another thing."""
    return bool(OTHER_WORDS & set(fig.lead + fig.after))


_CONTEXT_ONLY = re.compile(r"\b(?:context only|for context|just context|only context|context\W*$|background only|"
                           r"for (?:your )?(?:info|information|reference)|fyi|not part of (?:this|the|it|our)|ignore\W*$|"
                           r"ignore (?:it|this|that)|out of scope|excluded?|don't count|do not count|"
                           r"(?:already\s+)?sunk(?:\s+costs?)?)\b",  # money spent whatever is decided: no input
                           re.IGNORECASE)


def _bracket_around(text: str, fig: Figure) -> str:
    """The text inside the brackets that hold the figure, or ""."""
    start = text.rfind("(", 0, fig.span[0])
    if start < 0 or text.rfind(")", start, fig.span[0]) >= 0:
        return ""
    end = text.find(")", fig.span[1])
    return text[start + 1 : end] if end >= 0 and "(" not in text[fig.span[1] : end] else ""


_UNRELATED = re.compile(r"(?:is|are|was|were) (?:irrelevant|not relevant|unrelated)", re.IGNORECASE)
# What may stand between a figure and the verb that leaves it out, with another figure in it: a
# phrase that only describes the first ("of $2M at 5.1%"), no clause of its own.
_SUBORDINATE = re.compile(r"\s*(?:at|of|with|for|on)\s*$", re.IGNORECASE)


# A labelled assumption taken back by its label: "scrap A1", "drop A2", "A1 no longer holds".
_SCRAPPED = re.compile(r"\b(?:scrap|drop|ignore|forget|discard|disregard|withdraw|override|overrule)\s+([A-Z]\d{1,2})\b"
                       r"|\b([A-Z]\d{1,2})\s+(?:is\s+)?(?:scrapped|dropped|withdrawn|overridden|no longer holds)\b")


def said_to_drop(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: the figures the user's own words take out of the calculation (left out,
    or corrected). Any unit: "confidence 70%, sorry, 80%" drops the 70%."""
    dropped: dict[int, str] = {}
    for fig in figures:
        rest = re.split(r"[.;!?\n](?!\d)", text[fig.span[1] :], maxsplit=1)[0]  # "5.1%" ends no sentence
        aside = re.match(r"\s*\(([^()]*)\)", rest)  # "10.000  (not part of the AI tool, ignore)"
        left_out = _LEAVE_OUT.search(rest)
        if (left_out or aside and _CONTEXT_ONLY.search(aside.group(1))) and not any(
                g.span[0] < fig.span[1] + len(rest) for g in figures if g.index > fig.index):
            dropped[fig.index] = "you asked to leave it out"
        elif left_out and _UNRELATED.match(left_out.group(0)) and not any(
                fig.span[1] + left_out.start() > g.span[0] > fig.span[1] and not _SUBORDINATE.match(
                    text[fig.span[1] : g.span[0]]) for g in figures):
            dropped[fig.index] = "you asked to leave it out"  # "a $2M facility at 5.1% is unrelated": both figures
        bracket = _bracket_around(text, fig)
        if bracket and _CONTEXT_ONLY.search(bracket):
            dropped[fig.index] = "you gave it as context only"  # "(Active customers 48k; revenue €13M, context only.)"
        head = text[max(0, fig.span[0] - 40) : fig.span[0]]
        if _LEAVE_OUT_BEFORE.search(head) or any(stem_in(w, LEAVE_OUT_BEFORE) for w in fig.before[-2:]):
            dropped[fig.index] = "you asked to leave it out"
    for fig in figures:  # "> AI search brought 45k": the quoted older mail says again a figure the reply gives
        line = text[text.rfind("\n", 0, fig.span[0]) + 1 : fig.span[0]]
        if line.lstrip().startswith(">") and fig.index not in dropped and any(
                other.value == fig.value and same_kind(other, fig) and not text[
                    text.rfind("\n", 0, other.span[0]) + 1 : other.span[0]].lstrip().startswith(">")
                for other in figures if other.index != fig.index):
            dropped[fig.index] = "said again in the quoted message"
    for label in _SCRAPPED.finditer(text):  # "A1: lifespan 2 yr … Actually scrap A1: … use 3"
        name = label.group(1) or label.group(2)
        line = re.search(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*[:=)][^\n]*", text[: label.start()])
        for fig in figures:
            if line and line.start() <= fig.span[0] < line.end() and fig.index not in dropped:
                dropped[fig.index] = f"you took back {name}"
    return {**dropped, **corrected(text, figures)}


# Which point of a range the message says to use: "take the middle", "use the high end to be
# safe", "worst case". Worst and best depend on the way the money goes (a cost's worst is its high
# end, a gain's its low end). General English for picking a value from an estimate.
_RANGE_POINTS = (
    ("middle", r"\b(?:middle|midpoint|mid-point|mid-?range|halfway|split the difference)\b"),
    ("high", r"\b(?:high|higher|upper|top) end\b|\btop of (?:the|that|my) range\b|\bupper (?:bound|limit)\b"),
    ("low", r"\b(?:low|lower|bottom) end\b|\bbottom of (?:the|that|my) range\b|\blower (?:bound|limit)\b"),
    ("worst", r"\bworst[- ]case\b|\bto be (?:safe|on the safe side)\b|\bconservative(?:ly)?\b|\bpessimistic\b"),
    ("best", r"\bbest[- ]case\b|\boptimistic\b"),
)
_RANGE_POINT = re.compile("|".join(f"(?P<{kind}>{words})" for kind, words in _RANGE_POINTS), re.IGNORECASE)
_EVERY_RANGE = re.compile(r"\b(?:everything|all|each|every|both|across the board)\b", re.IGNORECASE)
RANGE_REACH = 80  # characters after a range within which a choice said is that range's own


def range_point(text: str, fig: Figure, ranges: list[Figure], direction: str | None) -> str | None:
    """"low", "middle" or "high": the point of the range ``fig`` the message says to use, or None
    when it says none, says two, or says one for several ranges without saying it is for all.
    ``ranges`` are the message's range figures; ``direction`` the way the input's money goes."""
    said = list(_RANGE_POINT.finditer(text))
    if not said:
        return None

    def reach(r: Figure) -> int:
        return min([r.span[1] + RANGE_REACH, *[o.span[0] for o in ranges if o.span[0] > r.span[1]]])

    every = [m for m in said if _EVERY_RANGE.search(text[max(0, m.start() - 40) : m.end() + 40])]
    own = [m for m in said if fig.span[1] <= m.start() < reach(fig)]  # "15-20k (use the high end to be safe)"
    alone = [m for m in said if not any(r.span[1] <= m.start() < reach(r) for r in ranges)]
    chosen = own or every or (alone if len(ranges) == 1 else [])  # one range: "Payback? Use the worst case"
    kinds = {_point(m.lastgroup, direction) for m in chosen}
    if len(kinds) != 1 or None in kinds:
        return None
    return kinds.pop()


def _point(kind: str | None, direction: str | None) -> str | None:
    """The end a worst or best case is, for money going ``direction``: a cost's worst is its high end."""
    if kind not in {"worst", "best"}:
        return kind
    if direction not in {"in", "out"}:
        return None
    return "high" if (kind == "worst") == (direction == "out") else "low"
