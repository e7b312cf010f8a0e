"""The words of units a figure is written with: scales (k, M, lakh), currencies (signs, codes, names)
and periods (English and the other languages business messages come in), each mapped to one
value the rest of the reader uses (knowledge/figures.py)."""

from __future__ import annotations


SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "million": 1e6, "mio": 1e6, "mln": 1e6,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
          "b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12}
CURRENCY_SIGNS = "$€£¥₹"
# ISO codes and the words people write for a currency, each mapped to one code, so that two
# amounts in different currencies are never added without asking (assistant/reading).
CURRENCY_CODES = ("usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk", "jpy",
                  "cny", "rmb", "inr", "hkd", "sgd", "zar", "brl", "mxn", "try")
CURRENCY_NAMES = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "dollar": "USD", "dollars": "USD", "bucks": "USD",
    "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "franc": "CHF", "francs": "CHF",
    "yuan": "CNY", "rmb": "CNY", "rupee": "INR", "rupees": "INR", "rs": "INR", "rs.": "INR", "yen": "JPY",
    "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "zloty": "PLN", "quid": "GBP",
}
CURRENCY_WORDS = (r"dollars?|euros?|pounds?|bucks|quid|francs?|yuan|rupees?|yen|kronor|krona|kroner|zloty|"
                  + "|".join(CURRENCY_CODES))
MONTHS_IN = {"day": 12 / 365, "week": 12 / 52, "fortnight": 24 / 52, "month": 1.0, "quarter": 3.0, "half-year": 6.0, "year": 12.0}
PERIOD_WORDS = {
    "day": "day", "daily": "day", "week": "week", "weekly": "week", "fortnight": "fortnight", "fortnightly": "fortnight",
    "month": "month",
    "monthly": "month", "mo": "month", "quarter": "quarter", "quarterly": "quarter",
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "annum": "year",
    "yr": "year", "pa": "year", "pm": "month", "qtr": "quarter", "wk": "week",
    "half year": "half-year", "half-year": "half-year", "halfyear": "half-year", "semi-annual": "half-year",
    "semiannual": "half-year", "semi-annually": "half-year", "semiannually": "half-year", "half-yearly": "half-year",
}

# The period and duration words of the other languages business messages come in (German, French,
# Spanish, Dutch, Swedish): "CHF 1'450/Monat", "3 000 € par an", "über 2 Jahre", "i 2 år". Each
# maps to the English period, so the rest of the reader sees one vocabulary.
FOREIGN_PERIODS = {
    "monat": "month", "mois": "month", "mes": "month", "maand": "month", "månad": "month", "manad": "month",
    "jahr": "year", "an": "year", "année": "year", "annee": "year", "año": "year", "ano": "year", "jaar": "year",
    "år": "year", "woche": "week", "semaine": "week", "semana": "week", "vecka": "week", "quartal": "quarter",
    "trimestre": "quarter", "kwartaal": "quarter", "kvartal": "quarter", "tag": "day", "jour": "day", "día": "day",
    "dia": "day", "dag": "day", "mese": "month", "mês": "month", "anno": "year", "settimana": "week", "giorno": "day",
    "monatlich": "month", "mensuel": "month", "mensuelle": "month", "mensuellement": "month", "mensual": "month",
    "mensualmente": "month", "maandelijks": "month", "månatligen": "month", "jährlich": "year", "annuel": "year",
    "annuelle": "year", "annuellement": "year", "anual": "year", "anualmente": "year", "jaarlijks": "year",
    "årligen": "year", "årlig": "year", "wöchentlich": "week", "hebdomadaire": "week", "semanal": "week",
    "wekelijks": "week", "täglich": "day", "quotidien": "day", "diario": "day", "dagelijks": "day",
    "quartalsweise": "quarter", "trimestriel": "quarter", "trimestral": "quarter", "mensile": "month", "mensal": "month",
    "annuale": "year", "trimestrale": "quarter", "settimanale": "week",
}
_FOREIGN_ADVERBS = [w for w in FOREIGN_PERIODS if len(w) > 5 and not w.startswith(("semaine", "semana", "quartal", "trimestre", "kwartaal", "kvartal", "settimana", "giorno"))]
_FOREIGN_NOUNS = [w for w in FOREIGN_PERIODS if w not in _FOREIGN_ADVERBS]
# A length of time in those languages: "2 Jahre", "18 Monate", "3 ans", "24 meses", "2 jaar", "3 år".
FOREIGN_DURATIONS = {
    "jahr": "year", "jahre": "year", "jahren": "year", "monat": "month", "monate": "month", "monaten": "month",
    "wochen": "week", "quartale": "quarter", "ans": "year", "années": "year", "annees": "year", "mois": "month",
    "semaines": "week", "trimestres": "quarter", "años": "year", "anos": "year", "meses": "month", "semanas": "week",
    "jaar": "year", "maanden": "month", "weken": "week", "kwartalen": "quarter", "år": "year", "månader": "month",
    "manader": "month", "veckor": "week", "kvartal": "quarter", "anni": "year", "mesi": "month", "settimane": "week",
}
FOREIGN_PERIOD_WORDS = {**FOREIGN_PERIODS, **{w: p for w, p in FOREIGN_DURATIONS.items() if w not in FOREIGN_PERIODS}}
