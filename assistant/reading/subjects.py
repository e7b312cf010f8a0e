"""Whether a message is about the conversation's calculation or about something else: words
that start a calculation of another thing ("another tool", "a different project"), a thing named
that the calculation was not about ("And the ROI of the email tool?"), words that point back at
figures already given ("the same cash flows") or at an earlier calculation ("back to the chatbot
idea"). Used by reading/dialogue.py.
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import naming_content, same_word, spec_named
from assistant.reading.targets import GENERIC
from assistant.types import CalculationState

# Words that start a calculation of something else ("another tool", "a different project", "new
# question"): its figures are read on their own, none of the last calculation's carry over.
NEW_SUBJECT = re.compile(
    r"\b(?:another(?!\s+(?:year|month|quarter|week)s?\b)|different|separate|unrelated)\b"  # "another year": a length
    r"(?!\s*(?:[\d$€£]|(?:usd|eur|gbp)\b))"  # "another 5k": a part added
    r"|\b(?:new|other)\s+(?:\w+\s+)?(?:project|tool|initiative|idea|question|calculation|system|"
    r"solution|platform|product|feature|investment|case|scenario|app|campaign|test)s?\b",
    re.IGNORECASE,
)


# Nouns that name the thing a calculation is about ("the email tool", "our pricing engine").
THING = (r"(?:tool|engine|bot|chatbot|assistant|project|plugin|plug-in|system|app|platform|feature|model|widget|"
         r"pilot|initiative|idea|solution|product|software|campaign|module)s?")
DETERMINER = r"(?:the|our|a|an|my|this|that|their|its|your)"
NAMED_THING = re.compile(rf"\b{DETERMINER}\s+((?:(?!{DETERMINER}\b)[\w'-]+\s+){{1,3}}?)" + THING + r"\b", re.IGNORECASE)
# "the ROI of a chatbot", "for an app": a calculation asked of a thing brought in with an indefinite
# article ("it's basically a plug-in" describes the thing already talked about)
A_THING = re.compile(rf"\b(?:of|for|on)\s+(?:a|an)\s+({THING})\b", re.IGNORECASE)
# "and for the kiosk?", "now on the CRM plugin": a message that opens on what it is about
OPENS_ON = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|now|next(?: one)?|then|what about|how about|same|do)\W+)*"
                      r"((?:[\w/-]+\s+){0,3}?)(?:for|on|of|with)\s+(?:the|our|a|an|my|this|that)\s+((?:[\w'-]+\s*){1,3})",
                      re.IGNORECASE)
# Words that may stand before it: the calculator asked for ("and the ROI on the …", "now do it for the …").
ASKING = {"the", "a", "an", "it", "same", "do", "calculate", "compute", "work", "out", "please", "score", "one"}


def other_subject(text: str, state: CalculationState) -> bool:
    """Does ``text`` name a thing the calculation was not about ("And the ROI of the email tool?
    It cost 5k" after the chatbot's)? Its words, none of them said before in the calculation nor
    a word for one of its inputs, make the message a calculation of its own: nothing carries over."""
    spec = spec_named(state.tool)
    said = set(re.findall(r"[a-z][a-z'-]*", (state.text + " " + " ".join(item.quote for item in state.figures)).lower()))
    inputs = {w for f in spec.fields for label in f.labels for w in label.split()} | \
        {w for f in spec.fields for w in f.name.split("_")} if spec else set()
    inputs |= {w for ask in (spec.asks if spec else ()) for w in ask.split()}

    def new_words(phrase: str) -> list[str]:
        words = naming_content(re.findall(r"[a-z][a-z'-]*", phrase.lower()))
        return [w for w in words if w not in GENERIC and not any(w == x or (len(x) >= 4 and w.startswith(x)) for x in inputs)
                and not re.fullmatch(THING, w)]

    for match in A_THING.finditer(text):  # "and the ROI of a chatbot that costs 3k?": a thing not named before
        if re.search(r"\d\s*(?:[kKmM]|bn)?\s*(?:[$€£]|usd|eur|gbp|a\s+\w+)?\s*$", text[: match.start()], re.IGNORECASE):
            continue  # "we also pay 1,000 for a plug-in": what an amount pays for, a part of this calculation
        if not any(same_word(match.group(1).lower(), w) for w in said):
            return True
    phrases = [m.group(1) for m in NAMED_THING.finditer(text)]
    opening = OPENS_ON.match(text)
    if opening and set(opening.group(1).lower().split()) <= ASKING | inputs:
        phrases.append(re.split(r"[,.;:?!]|\d", opening.group(2))[0])
    for phrase in phrases:
        words = new_words(phrase)
        if words and not any(same_word(w, x) for w in words for x in said):
            return True
    return False


# Words that point back at figures already given ("the same cash flows", "those numbers").
REFERS_BACK = re.compile(r"\b(?:same|these|those|them|above|previous|earlier|again|that one|the first one)\b", re.IGNORECASE)


# Words that go back to an earlier calculation of the conversation ("back to the chatbot idea").
GOES_BACK = re.compile(r"\b(?:back to|go back|going back|return to|returning to|earlier|previous|from before|"
                       r"the first one|the first calculation|as before)\b", re.IGNORECASE)
