"""The forms a message takes when it asks for something no course teaches, read from its words
alone: a request to produce something (a letter, a poem, code), an errand, a product to
recommend, an exercise to work, a way between two places, a frame of personal advice (legal,
medical, pay), a record of the world, a question to the advisor as a person.

Nothing here knows a course: knowledge/scope.py decides, against the ingested corpus, whether
what such a form names is the course's own (a module that teaches subject lines may be asked to
"write a subject line").
"""

from __future__ import annotations

import re

# A request to produce something: polite openers, the verb, then its object up to the first
# word that starts a complement ("a cover letter | for a barista job").
_POLITE = (r"(?:(?:hey|hi|hello|please|pls|plz|ok(?:ay)?|so|also|btw|by the way|and|now)[\s,!]+)*"
           r"(?:(?:can|could|would|will) (?:you|u|ya) (?:please |pls )?(?:just |quickly |also )?(?:help me )?|i (?:need|want) (?:you|u) to |(?:please )?help me (?:to )?|i'd like (?:you|u) to )?")
TASK = re.compile(
    rf"^\s*{_POLITE}(?:please |pls )?(?:write|draft|compose|rewrite|re-write|proofread|translate|summari[sz]e|paraphrase|"
    r"debug|fix|generate|code|create|build|design|draw|prepare|make(?=\s+(?:me|us|a|an)\b))\s+(?:(?:me|us|up|out|for me)\s+)*(?P<object>.*)$",
    re.IGNORECASE,
)
OBJECT_END = re.compile(r"\s+(?:for|about|to|on|that|which|who|with|in|from|of|so|based|using|where|when|every|each)\b|[,.;:?!(]", re.IGNORECASE)
DETERMINERS = re.compile(r"^(?:(?:a|an|the|my|our|some|this|that|these|those|me|us|short|quick|simple|nice|good|new|\d+)\s+)+", re.IGNORECASE)
# A clause starts a message, follows a sentence's end or small talk, or follows a comma where a
# request to the advisor or a choice of the user's own opens ("the cat broke the lamp, can
# you find me a repair shop", "…, which plumber should i call").
CLAUSE_START = re.compile(r"(?:^|[.!?:;]\s+|\b(?:btw|by the way|unrelated(?:,? but)?|anyway),?\s+"
                          r"|,\s+(?=(?:so\s+|and\s+|but\s+)?(?:(?:can|could|would|will)\s+(?:you|u)\b"
                          r"|(?:which|what)\s+[\w' -]+?\s+should\s+(?:i|we)\b)))", re.IGNORECASE)
# A chore of the user's own handed over ("can you do my tax return", "make our wedding budget in
# excel for me", "fill in my visa form"), or a thing asked to be handed over ("give me a recipe
# for…"): the verb, a possessive, then the thing, whose words say whether the course names it
# ("do our risk register" in a course that keeps one); words for a form of answer
# (ANSWER_WORDS: "give me a simple explanation of…") name nothing.
CHORE = re.compile(
    rf"^\s*{_POLITE}(?:please |pls )?(?:(?:make|do|fill (?:in|out)|sort out|finish|complete|file)\s+(?:my|our)"
    r"|(?P<give>give)\s+(?:me|us)\s+(?:an?|some|the)(?=\s+\w+\s+\w))\s+(?P<object>.*)$",
    re.IGNORECASE,
)
ANSWER_WORDS = frozenset("explanation explanations answer answers idea ideas tip tips advice hint hints pointers rundown "
                         "breakdown definition comparison recap tldr walkthrough guide sense formula formulas calculation "
                         "number numbers figure figures rule rules estimate version analogy way ways reason reasons "
                         "picture gist headline headlines quick simple short brief little concrete practical real "
                         "actual clear plain detailed honest rough basic general overall big case cases scenario "
                         "scenarios opposite reverse contrast counterexample other another different".split())
# Errands only a general assistant runs (looking something up, booking, ordering, reminding):
# never a course question, whatever the object.
ERRAND = re.compile(
    rf"^\s*{_POLITE}(?:please |pls )?(?:look up|google|search (?:the web|online) for|find (?:me|us) (?:a|an|the|some)|book (?:me |us )?(?:a|an|the)|"
    r"order (?:me|us)|reserve|remind me|set (?:a|an) (?:reminder|alarm)|tell (?:me |us )?(?:a |another )?(?:joke|riddle|bedtime story))\b",
    re.IGNORECASE,
)
# A request to recommend a product, a tool or a brand ("can you recommend an AI chatbot…", "what's
# the best X for…", "which X should I buy"): the thing recommended is its object.
RECOMMEND = re.compile(
    rf"^\s*{_POLITE}(?:please |pls )?(?:recommend|suggest)\s+(?:(?:me|us)\s+)?(?P<object>.*)$"
    r"|^\s*(?:so |and |ok(?:ay)? )?(?:what(?:'s|’s|s)?|which)(?:\s+is|\s+are|\s+would be)?\s+(?:the\s+)?(?:best|top|cheapest)\s+(?P<best>.*)$"
    r"|^\s*(?:so |and |ok(?:ay)? )?(?:what|which)\s+(?P<bought>.+?)\s+should\s+(?:i|we)\s+(?:buy|purchase|order|get|use|call|ring|phone|contact|hire|see|book)\b"
    r"|^\s*(?:so |and |ok(?:ay)? )?(?:is|are)\s+(?:(?:a|an|the|some)\s+)?(?P<worth>.+?)\s+(?:really\s+)?worth\s+(?:it|buying|getting|the\s+(?:money|cost|price))\b"
    # "which brand is best", "what blender would be the cheapest": the kind of thing ranked
    r"|^\s*(?:so |and |ok(?:ay)? )?(?:what|which)\s+(?P<ranked>[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:is|are|would be|works?)\s+"
    r"(?:the\s+)?(?:best|cheapest|top|most reliable)\b",
    re.IGNORECASE,
)
# "the best way to store…", "the best time for feeding…": the manner of doing something the
# question names next, a how-to question, not a product to recommend.
MANNER = re.compile(r"^(?:(?:a|an|the)\s+)?(?:ways?|methods?|approach(?:es)?|techniques?|times?|practices?|order)\s+(?:to|for|of)\b",
                    re.IGNORECASE)
# "help me with my chemistry homework": a request for help with something the object names.
HELP_WITH = re.compile(rf"^\s*{_POLITE}(?:please |pls )?help (?:me|us) (?:out )?with\s+(?P<object>.*)$", re.IGNORECASE)
QUALITY = re.compile(r"^(?:(?:a|an|the|some|any|good|great|decent|cheap|specific|particular|reliable|affordable|"
                     r"free|simple|popular)\s+)+", re.IGNORECASE)
# Exercises a general assistant does (maths homework): the verb, then a formula to work on.
EXERCISE = re.compile(
    rf"^\s*{_POLITE}(?:please |pls )?(?:solve|differentiate|integrate|factori[sz]e|simplify|evaluate|derive)\s+(?P<object>.*)$",
    re.IGNORECASE,
)
FORMULA = re.compile(r"[=^√∫]|\b[a-z]\s*\(\s*[a-z]\s*\)|\b\d+\s*[a-z]\b\s*[-+*/]|\b(?:sin|cos|tan|log|ln)\s*\(?[a-z]", re.IGNORECASE)
# What refers to the course itself or to a form of answer ("summarise this module", "write out the
# key points"): a request about the course's own text, never a general task.
MATERIAL = re.compile(
    r"\b(?:course|module|lesson|section|slide|unit|chapter|page|material|notes?|text|content|it|this|that|them|"
    r"points?|takeaways?|examples?|summary|overview|outline|steps?|checklist|list|table|(?:whole|entire) thing)s?"
    r"(?:\s+\d+(?:\.\d+)*)?$"  # a numbered part: "section 3", "lesson 2.1"
    r"|^(?:everything|all of it)$",
    re.IGNORECASE,
)
# A part of the course's own text by its name or number ("section 3", "the module", "lesson 2.1",
# "slide 4"): a request to work on it ("summarise section 3") is about the course, however far
# its words are from any sentence of it.
OWN_PART = re.compile(r"^(?:(?:this|the|whole|entire|first|last|next)\s+)*(?:course|module|lesson|section|slide|unit|chapter|part|"
                      r"page|deck|lecture|handout|procedure)s?(?:\s+\d+(?:\.\d+)*)?$", re.IGNORECASE)
# A question pointing at a part of a document ("the 70% thing in the footnote", "in the eyepiece
# table", "on the cost slide"): what it asks about is a part of the course's own text.
DOCUMENT_PART = re.compile(r"\b(?:(?:in|from|under|of)\s+(?:the|that|this|your|its)\s+(?:[\w%'-]+\s+){0,2}?"
                           r"(?:footnotes?|tables?|figures?|diagrams?|charts?|sidebars?|paragraphs?|slides?|"
                           r"appendix|glossary|captions?|checklists?|handouts?)"
                           # "on the table" is a piece of furniture; on a slide or a chart is text
                           r"|on\s+(?:the|that|this|your|its)\s+(?:[\w%'-]+\s+){0,2}?(?:slides?|charts?|diagrams?|figures?|"
                           r"checklists?|handouts?))\b", re.IGNORECASE)
# Words for the gist of the material that may stand before its head ("the key points").
GIST_MODIFIERS = frozenset("key main important big core essential top few short brief whole entire bullet quick summary".split())
# The user's own text a request works on ("chapter 3 | of my history textbook", "the intro | from our
# annual report"): what follows the object names whose text it is; its head is the kind of text.
OWNED = re.compile(r"^\s*(?:of|from|in)\s+(?:my|our|his|her|their|your|my friend's|a friend's)\s+"
                   r"(?P<owned>[\w'-]+(?:\s+[\w'-]+){0,3}?)\s*(?=$|[,.;:?!(]|\s(?:on|about|for|by|that|which|so|please|pls)\b)",
                   re.IGNORECASE)
# A request for program code: in a language, "with code", "the code for it", a snippet or script.
CODE_ASK = re.compile(
    r"\b(?:with|in|using|plus|including|and|show me|give me|write)\s+(?:the\s+|some\s+|(?:sample|example|full)\s+)?"
    r"(?:code|python|javascript|typescript|sql|bash|java|php|ruby|vba)\b(?=\s*(?:[.?!,;:)]|$|please|pls|too|as well|examples?|"
    r"snippets?|samples?|for (?:it|this|that)))"
    r"|\b(?:code|python|sql|javascript)\s+(?:snippets?|samples?|examples?)\b"
    r"|\b(?:python|javascript|typescript|sql|bash|php|vba)\s+(?:code|script|function|program|query)\b",
    re.IGNORECASE,
)
# A line of program code: a statement keyword at its start, or braces and semicolons at its end.
CODE_LINE = re.compile(r"^\s*(?:def \w+\(|import \w+|from [\w.]+ import |class \w+\s*[:(]|SELECT \S+.*\bFROM\b|print\(|"
                       r"function \w+\(|(?:const|let|var) \w+\s*=|#include\b)|[;{]\s*$", re.MULTILINE)
# Words that point back at what was just said.
POINTS_BACK = re.compile(r"\b(?:it|its|that|this|those|these|them|they|there)\b"
                         r"|^\W*(?:and|but|or|so|then|what about|how about)\b", re.IGNORECASE)  # or continues it
# The present ("currently", "right now", "today's") and a price: a live figure to look up.
LIVE = re.compile(r"\b(?:current(?:ly)?|right now|at the moment|today(?:'s)?|these days|as of now|latest|up[- ]to[- ]date)\b",
                  re.IGNORECASE)
PRICE = re.compile(r"\b(?:prices?|pricing|charges?|charging|costs?|fees?|tariffs?|postage|how much (?:is|are|do|does))\b",
                   re.IGNORECASE)
# A way between two places ("the best route from <district> into town", "directions from the
# station to the stadium", "how do I get from X to Y"): navigation is looked up, not taught.
DIRECTIONS = re.compile(
    r"\b(?:routes?|directions|journeys?)\b[^?.!]*?\bfrom\s+(?P<origin>[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+"
    r"(?:to|into|towards?)\s+(?P<dest>[^?.!,;:]+)"
    r"|\bhow\s+(?:do|can|could|should|would)\s+(?:i|we|you)\s+(?:get|go|travel|cycle|drive|walk)\s+from\s+"
    r"(?P<origin2>[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:to|into|towards?)\s+(?P<dest2>[^?.!,;:]+)",
    re.IGNORECASE,
)
# A choice between options ("zendesk or freshdesk", "brand A vs brand B"): the words each side
# of the "or" are the options; a choice between things the course never names is not its question.
CHOICE = re.compile(r"\b(?:or|vs\.?|versus)\b", re.IGNORECASE)
# A sentence that asks the user's own choice ("should I put the budget into A or B?", "which is
# better, A or B", "is it better to…"), not one that lists options as examples.
CHOOSE = re.compile(r"^\W*(?:(?:so|and|ok(?:ay)?|also|but|then)\W+)*(?:(?:should|shall|would|do|can)\s+(?:i|we|u)\b"
                    r"|which\b|what(?:'s|’s|s| is| would be)?\s+(?:better|best)\b|is it better\b)", re.IGNORECASE)
# The frames of personal advice a course only gives when it speaks in them itself: legal, medical,
# pay and career. A question in such a frame is off-topic unless the corpus uses the frame's word.
ADVICE_FRAMES = {
    "legal": ("legal legally illegal lawful unlawful law laws lawyer lawyers solicitor attorney "
              "liable liability copyright trademark"),
    # taking someone to court: a course on a carrier's liability does not teach litigation
    "litigation": "sue sued suing lawsuit lawsuits court courts tribunal litigation",
    # an ailment, an injury or a remedy, or the body part that hurts
    "medical": ("allergic allergy allergies medication medications symptom symptoms diagnosis diagnose depressed pregnant "
                "prescription doctor doctors injury injuries injured sprain sprained painkiller painkillers ibuprofen "
                "paracetamol wrist wrists ankle ankles knee knees tendon tendons tendonitis carpal migraine rash"),
    "career": "salary salaries wage wages payslip resign resignation quit",
    "tax": "tax taxes taxed taxable vat",
    # "cheapest" is no frame: the cheapest of what the course compares is its question, the
    # cheapest thing it never names a product to recommend (RECOMMEND)
    "shopping": "brand brands budget",
    # the body's training and diet: a course on a sport's equipment does not coach the athlete
    "fitness": "fitness workout workouts diet dieting calories nutrition nutritional",
    # who invented or discovered something: the history of the world, not a course's teaching
    "history": "invent invented inventor inventors invention discovered founded founder founders",
}
FRAMES = tuple(tuple(words.split()) for words in ADVICE_FRAMES.values())
# The frames whose answer depends on where the asker is: the law or the tax of a place ("legal in
# <country>", "under <country> tax rules") is its own, and a course that never names the place
# does not give it.
PLACED_FRAMES = tuple(tuple(ADVICE_FRAMES[name].split()) for name in ("legal", "litigation", "tax"))


def places_of(frame: tuple[str, ...], text: str) -> list[str]:
    """The places a frame's word is tied to in ``text``: "legal in italy" → italy, "under uk tax
    rules" → uk (the word right after "in"/"under", next to the frame's word)."""
    names = "|".join(map(re.escape, frame))
    found = re.findall(rf"\b(?:{names})\s+(?:in|under|within)\s+(?:the\s+)?([a-z][\w-]*)", text, re.IGNORECASE)
    found += re.findall(rf"\b(?:in|under|within)\s+(?:the\s+)?([a-z][\w-]*)\s+(?:[a-z]+\s+)?(?:{names})\b", text, re.IGNORECASE)
    return [w.lower() for w in found]
# A frame word before the kind of goods or business it names is what a shop sells, not advice
# asked ("a store selling fitness apparel", "nutrition supplements", "a legal-tech app").
GOODS = frozenset("apparel clothing clothes wear gear equipment accessories products product goods "
                  "supplements supplement snacks trackers tracker apps app software shop shops store "
                  "stores retailer retailers business businesses company companies label labels "
                  "range ranges line lines niche market marketplace category categories".split())
# The opening of a sentence that asks, with or without its question mark.
ASKS = re.compile(r"^\W*(?:what|which|who|whom|whose|how|why|when|where|is|are|do|does|did|can|could|should|would|will)\b",
                  re.IGNORECASE)
# A question that points at the course's own text ("what does the module say about …").
OWN_TEXT = re.compile(r"\b(?:course|module|lesson|section|procedure|document|sop|unit|chapter|guide|handbook|"
                      r"policy|manual|slides?|notes)\b", re.IGNORECASE)
# A record of the world ("the tallest sunflower ever grown", "the biggest warehouse in the world"):
# trivia, answered only by a course that states such a record itself.
RECORD = re.compile(r"\bthe (?:\w+est|most \w+|least \w+)\b[^?.!\n]*\b(?:ever (?:\w+ed|grown|built|seen|known|sold|caught|written)|in the world|on record|of all time|"
                    r"in history|on earth)\b|\bworld(?:'s)? records?\b", re.IGNORECASE)
# A question for the date of something that happened in the world ("what year did <a company>
# start…", "when was the telephone invented"): history, answered only by a course that dates
# events itself (YEAR in its text).
WHEN_PAST = re.compile(
    r"\b(?:what|which)\s+year\s+(?:did|was|were)\b|\bin\s+(?:what|which)\s+year\b"
    r"|\bwhen\s+(?:was|were|did)\b[^?.!]*?\b(?P<event>founded|invented|launched|start(?:ed)?|beg[ia]n|built|born|released|"
    r"created|established|opened|introduced|discovered|first\s+(?:sold|appeared|made))\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)s?\b")
# A question to the advisor as a person (its tastes, its pastimes, what it is): no course answers it.
ABOUT_YOU = re.compile(
    r"\b(?:your|ur)\s+(?:very\s+)?(?:own\s+)?favou?rite\b"
    r"|\b(?:do|did|have|are)\s+(?:you|u)\b[^?.!]*\b(?:yourself|for fun|in your (?:free|spare) time)\b"
    r"|^\W*how (?:are|r) (?:you|u)(?: doing| today)?\W*$|\bhave (?:you|u) ever\b"
    r"|\bare (?:you|u) (?:a |an )?(?:human|real|robot|bot|person|alive|conscious|sentient)\b",
    re.IGNORECASE,
)


def requested_work(question: str) -> str | None:
    """What a request to produce something asks for ("write me a cover letter for…" → "cover
    letter"), or None when the message is not such a request. Every clause start is tried, so
    small talk before the request ("thanks! btw can you write…") does not hide it."""
    for start in CLAUSE_START.finditer(question):
        if ERRAND.match(question[start.end():]):
            return ""
        exercise = EXERCISE.match(question[start.end():])
        if exercise and FORMULA.search(exercise.group("object")):
            return ""
        match = TASK.match(question[start.end():])
        if match:
            obj = OBJECT_END.split(match.group("object"), maxsplit=1)[0]
            return DETERMINERS.sub("", obj.strip()).strip().lower()
    return None


def handed_chore(question: str) -> str | None:
    """The thing of the user's own a message hands over to be done ("can you make my expense
    report in a spreadsheet" → "expense report"), or None when it hands over none. A thing asked
    to be given that is a form of the material ("give me some concrete examples") is none."""
    for start in CLAUSE_START.finditer(question):
        match = CHORE.match(question[start.end():])
        if match:
            obj = DETERMINERS.sub("", OBJECT_END.split(match.group("object"), maxsplit=1)[0].strip()).strip().lower()
            return None if match.group("give") and MATERIAL.search(obj) else obj or None
    return None


def owned_text(question: str) -> str | None:
    """The kind of text of the user's own that a request to produce something works on
    ("summarise chapter 3 of my history textbook" → "textbook"), or None when it names none."""
    for start in CLAUSE_START.finditer(question):
        match = TASK.match(question[start.end():])
        if not match:
            continue
        obj = match.group("object")
        head = OBJECT_END.split(obj, maxsplit=1)[0]
        owner = OWNED.match(obj[len(head):])
        return owner.group("owned").split()[-1].lower() if owner else None
    return None


def asking_sentences(message: str) -> list[str]:
    """The sentences of a message that ask: those ending in a question mark and those opening
    with a question word ("…too? which brand is best"), else the whole message. A statement
    around them ("ok I'll ask my GP.") is context, not what is asked."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", message.strip()) if s.strip()]
    asks = [s for s in sentences if s.rstrip().endswith("?") or ASKS.match(s)]
    return asks or [message]
