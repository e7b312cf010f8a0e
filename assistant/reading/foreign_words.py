"""The business words of the other languages calculator messages come in (Portuguese, Spanish,
Italian, French, German, Dutch, Swedish), each with the English word the reader reads by.

A message written partly or wholly in another language ("Investimento de 100 mil, retorno de 30
mil …", "Reichweite 9.000 pro Quartal, Aufwand 4 PM", "Ticket médio de R$ 180") names its inputs
with these words; read as their English words (assistant/reading/spelling.py puts them in, and
maps every quote back to the words as written), the figures take the inputs they name. Period and
duration words are not here: knowledge/unit_words.py reads them where the figures are read.

Only words that mean one thing in business and are not English words themselves; acronyms match
in capitals only ("VAN" is Spanish for NPV, "van" is Dutch for "of"), and they, "and" between two
amounts and "mil" (a thousand) are read only in a message that uses words of this glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.unit_words import FOREIGN_PERIODS

# English word → the words of other languages for it (lower case; a phrase's words in order).
WORDS: dict[str, tuple[str, ...]] = {
    "investment": ("investimento", "investimentos", "inversión", "inversion", "investissement", "investition",
                   "investitionen", "investering", "investeringen", "investimenti"),
    "returns": ("retorno", "retornos", "rückfluss", "rückflüsse", "rückflüssen", "rendimento", "rendimenti",
                "ritorno", "ritorni", "rendement"),
    "flows": ("flujos", "fluxos", "flussi", "zahlungsströme", "kasseflöden"),
    "discount rate": ("kalkulationszinssatz", "diskontsatz", "abzinsungssatz", "taxa de desconto", "tasa de descuento",
                      "tasso di sconto", "taux d'actualisation", "disconteringsvoet", "diskonteringsränta"),
    "cost": ("coste", "costo", "custo", "coût", "kosten", "kostnad"),
    "costs": ("costes", "costi", "custos", "coûts", "kostnader"),
    "licence": ("licencia", "licença", "licenza", "lizenz", "licentie", "licens"),
    "implementation": ("implementación", "implementação", "implementazione", "implementierung", "einführung",
                       "implémentation", "implementatie", "implementering"),
    "setup": ("configuración", "configuração", "einrichtung", "instalação", "instalación", "installazione",
              "mise en place"),
    "training": ("formación", "formação", "formazione", "schulung", "schulungen", "utbildning"),
    "maintenance": ("mantenimiento", "manutenção", "manutenzione", "wartung", "onderhoud", "underhåll"),
    "savings": ("ahorro", "ahorros", "economia", "economias", "poupança", "risparmio", "risparmi", "einsparung",
                "einsparungen", "ersparnis", "économies", "besparing", "besparingen", "besparingar"),
    "profit": ("ganancia", "ganancias", "ganho", "ganhos", "guadagno", "gewinn", "bénéfice", "beneficio", "benefício",
               "lucro", "winst", "vinst"),
    "revenue": ("ingresos", "receita", "ricavi", "umsatz", "omzet", "intäkter"),
    "margin": ("margem", "margen", "margine", "marge"),
    "gross": ("bruta", "bruto", "lorda", "lordo", "brutto"),
    "average order value": ("ticket médio", "ticket medio", "ticket moyen", "panier moyen", "valor medio del pedido",
                            "valor médio do pedido", "durchschnittlicher bestellwert", "warenkorbwert",
                            "gemiddelde orderwaarde", "scontrino medio"),
    "orders": ("pedidos", "bestellungen", "commandes", "ordini", "bestellingen", "beställningar"),
    "purchases": ("compras", "acquisti", "achats", "käufe", "aankopen", "köp"),
    "buy": ("compram", "compran", "comprano", "achètent", "kaufen", "kopen", "köper"),
    "times": ("vezes", "veces", "volte", "fois", "keer", "gånger"),
    "stay": ("ficam", "permanecem", "permanecen", "restano", "restent", "bleiben", "blijven", "stannar"),
    "visitors": ("visitantes", "besucher", "visiteurs", "visitatori", "bezoekers", "besökare"),
    "conversions": ("conversiones", "conversões", "conversioni", "konversionen", "conversies", "konverteringar"),
    "significant": ("significativo", "significativa", "signifikant", "significatif", "significative"),
    "reach": ("reichweite", "alcance", "portée", "portata", "bereik", "räckvidd"),
    "effort": ("aufwand", "esfuerzo", "esforço", "sforzo", "inspanning", "insats"),
    "confidence": ("konfidenz", "confianza", "confiança", "fiducia", "confiance", "vertrouwen", "säkerhet"),
    "prioritise": ("priorisieren", "priorizar", "priorizzare", "prioriser", "prioriteren", "prioritera"),
    "one-off": ("einmalig", "einmalige", "una tantum", "pago único", "pagamento único", "ponctuel", "eenmalig",
                "engångs"),
}
# Acronyms, matched in capitals only: the calculators' names as other languages write them.
ACRONYMS: dict[str, tuple[str, ...]] = {
    "NPV": ("VAN", "VPL", "NCW"),
    "IRR": ("TIR", "TRI", "IZF"),
}
PHRASES: dict[str, tuple[str, ...]] = {
    "times a year": ("vezes por ano", "vezes ao ano", "veces al año", "veces por año", "volte all'anno", "volte l'anno",
                     "fois par an", "mal im jahr", "mal pro jahr", "keer per jaar", "gånger per år", "gånger om året"),
    "times a month": ("vezes por mês", "vezes ao mês", "veces al mes", "veces por mes", "volte al mese", "fois par mois",
                      "mal im monat", "mal pro monat", "keer per maand", "gånger per månad", "gånger i månaden"),
    "NPV": ("kapitalwert", "nettobarwert", "valor presente líquido", "valor presente liquido", "valor actual neto",
            "valeur actuelle nette", "valore attuale netto", "netto contante waarde", "nettonuvärde"),
    "IRR": ("taxa interna de retorno", "tasa interna de retorno", "interner zinsfuß", "interner zinsfuss",
            "taux de rendement interne", "tasso interno di rendimento"),
}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    english: dict[str, str] = {}
    for word, foreign in {**WORDS, **PHRASES}.items():
        for f in foreign:
            if f != word.lower():
                english.setdefault(f, word)
    words = sorted(english, key=len, reverse=True)
    spoken = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])",
                        re.IGNORECASE)
    acronyms = {a: word for word, forms in ACRONYMS.items() for a in forms if a != word}
    capitals = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(acronyms, key=len, reverse=True)) + r")(?![\w-])")
    english.update(acronyms)
    return spoken, capitals, english


# "and" between two amounts ("18.000 € und 20.000 €", "30 mil e 40 mil"), and the Iberian "mil"
# (a thousand) after a number: read only in a message that uses other words of those languages
# (in English "2 mil" is said for two million).
_AND_BETWEEN = re.compile(r"(?<=[\d€$£%kK])[ \t]+(und|y|e|et|en|och|ed)[ \t]+(?=(?:R\$|[€$£])?[ \t]?\d)")
_MIL = re.compile(r"(?<=\d)[ \t]+(mil)(?![\w-])", re.IGNORECASE)


# A period said in another language ("300 al mes", "pro Monat", "par an"): the message is not English.
_FOREIGN_PERIOD = re.compile(r"(?<![\w-])(?:al|por|pro|par|per|im|au|je|ogni|cada|chaque)\s+(?:"
                             + "|".join(w for w in FOREIGN_PERIODS if w not in {"an", "dag", "tag"}) + r")(?![\w-])",
                             re.IGNORECASE)


def in_english(text: str) -> list[tuple[int, int, str]]:
    """(start, end, English word) for each business word of another language in ``text``."""
    spoken, capitals, english = _patterns()
    out = [(m.start(), m.end(), english[re.sub(r"\s+", " ", m.group(0).lower())]) for m in spoken.finditer(text)]
    if not out and not _FOREIGN_PERIOD.search(text):
        return []  # an English message: its "VAN", "2 mil" and "e" stay as written
    taken = [(a, b) for a, b, _ in out]
    out += [(m.start(), m.end(), english[m.group(0)]) for m in capitals.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in taken)]
    out += [(m.start(1), m.end(1), "and") for m in _AND_BETWEEN.finditer(text)]
    out += [(m.start(1), m.end(1), "thousand") for m in _MIL.finditer(text)]
    return sorted(out)
