"""What the ingested course covers: the off-topic threshold and the terms it never defines.

Both are statistics of the corpus itself, recomputed whenever the index changes, so adding or
removing a module recalibrates them without code changes. With several modules loaded, each is
judged alone by the rules below (its own text, headings, acronyms and statistics) and a question
is off-topic when no module covers it: one module must cover a request as a whole, so a question
whose words are scattered over several modules (a tax word in one, a shop word in another) is
refused as it would be with any one of them, and a question one module answers alone is answered.

- **Off-topic threshold.** A bundled bank of general questions no course answers
  (knowledge/data/off_topic_questions.txt) is scored against the index: a question's score is
  its best cosine similarity to any chunk or sentence of the course. Below the bank's median
  (``floor``) a question is off-topic; above it, a question is off-topic when some bank question
  is at least as near to it as anything in the course (a nearest-neighbour vote between "the
  course" and "general questions"). A new module about, say, shipping raises the statistics,
  and a question about posting a parcel stays nearer the bank than the module. ``threshold``
  (what nearly all bank questions reach) is kept with them for reports.
- **General-purpose tasks.** A request to produce something ("write me a cover letter", "can
  you draft a speech", "translate this") or to work an exercise ("solve 3x + 5 = 20") is a
  task for a general assistant, not a question about a course, unless what it asks for is
  named in the course itself (a module that teaches subject lines may be asked to "write a
  subject line"): the request's object must occur in the corpus text as whole words, whatever
  is loaded; so is a chore of the user's own handed over ("do my tax return", "make my expense
  report in excel") when a word of the thing is none of the corpus's. A request about the
  course's own text ("summarise this module", "list the key points") is a course question
  whatever the course says. So are a request for help with
  something no word of the corpus names ("help me with my chemistry homework"), a product to
  use or a purchase "worth it" that the course never names, and a recommendation of one; "the
  best way / time to do X" asks how to do X and is judged by its nearness, not as a product.
- **Near misses in the course's domain**, each gated by the corpus: a request for program code
  when no line of the corpus is code; what a party the corpus never names charges now ("what
  does <carrier> currently charge…"); the best brand of a thing ("which X is best") or a choice
  between two brands of one thing ("google ads or meta ads") the corpus never names, or between
  two names of two words neither of which is a phrase of the corpus, asked as the user's own
  choice (a word the corpus writes only inside a name, "Google" of "Google Sheets", does not make
  "google calendar" its own); a frame of personal advice (law, going to court, an injury, pay)
  the corpus never speaks in. Options given as examples of what the course's text says ("does
  the module mention ebooks or audiobooks?") are no choice.
- **History.** The date of an event in the world ("what year did <a company> start…") about
  something the corpus never names is not asked of a corpus that writes no year.
- **A topic of its own.** A question two thirds of whose own words the corpus never uses, no
  nearer the course than nearly all general questions come (the bank's 95th percentile and a
  margin, per module: ``ceiling``), is off-topic unless it points at the course's text; above
  that nearness a learner's everyday words are no sign of another topic.
- **In a conversation**, a message that points at nothing said before, whose words are mostly
  not the corpus's and which a general question is nearer to, is judged alone: a word it shares
  with the last question does not make it a follow-up, and the message that returns to the
  course after it leans on the last answered turn.
- **The course's own words.** A question naming one of the course's acronyms or headings ("heat
  and water" in a module with a section "Heat and Water"), or asked wholly in the corpus's words
  and nearer the course than nearly all general questions come (the ``ceiling``), is refused
  only when a general question is clearly nearer to it than the course is.
- **The course's own text.** A request on a part of it by name or number ("summarise section 3")
  or a question pointing at one ("the 70% in the footnote", "in the eyepiece table") is never
  refused by nearness alone; a request on a text of the user's own ("chapter 3 of my history
  textbook") is a general task, whatever number it names.
- **Follow-ups are judged by what the user typed**: the words a follow-up borrows from an
  answered turn were answered already, so only its own words are read for its kind; its
  nearness is judged on the whole reading.
- **Undefined terms.** An acronym the course uses but never spells out (no run of words whose
  initials give its letters, and no "Words (ACRONYM)" pairing anywhere in the corpus) is
  undefined; the advisor then says so rather than guess what the letters mean.

The forms of those requests, read from a message alone, are in knowledge/request_forms.py; the
acronyms, in knowledge/acronyms.py. The result is stored in the data folder next to the index (``scope.json``), keyed by a
fingerprint of the indexed chunks, and rebuilt when the fingerprint changes.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.acronyms import ACRONYM, spelled_out, undefined_acronyms  # noqa: F401 (spelled_out: its public home was here)
from knowledge.request_forms import (  # noqa: F401 (MATERIAL, requested_work: read by tests through this module)
    ABOUT_YOU, ANSWER_WORDS, CHOICE, CHOOSE, CODE_ASK, CODE_LINE, DIRECTIONS, FRAMES, GIST_MODIFIERS, GOODS, HELP_WITH, LIVE, MANNER,
    MATERIAL, OBJECT_END, OWN_TEXT, POINTS_BACK, PRICE, QUALITY, RECOMMEND, RECORD, CLAUSE_START, DETERMINERS,
    DOCUMENT_PART, OWN_PART, PLACED_FRAMES, WHEN_PAST, YEAR, asking_sentences, handed_chore, places_of, owned_text,
    requested_work,
)
from knowledge.text import content_words, stem, strip_preamble, words

if TYPE_CHECKING:
    from knowledge.retrieve import CourseRetriever

BANK = Path(__file__).resolve().parent / "data" / "off_topic_questions.txt"
OFF_TOPIC_QUANTILE = 0.95
MARGIN = 0.02
ACRONYM_MARGIN = 0.1  # how much nearer a general question must be than the course to overrule a course acronym
# A figure to work out is a calculator's job whatever the course, unless the message is plainly
# one of the bank's general questions (a personal money or career decision): this near to one,
# and ACRONYM_MARGIN nearer to it than to anything in the course.
GENERAL_MATCH = 0.42


def bank_questions() -> list[str]:
    lines = BANK.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@dataclass
class Scope:
    fingerprint: str
    threshold: float
    floor: float = 0.0
    undefined: list[str] = field(default_factory=list)
    bank_scores: list[float] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)  # every acronym the course uses

    def undefined_in(self, question: str) -> list[str]:
        """The acronyms of ``question`` the course uses but never defines, in question order."""
        found = [m.group(1) for m in ACRONYM.finditer(question)]
        return list(dict.fromkeys(a for a in found if a in self.undefined))


def _option_before(tokens: list[str], index: int) -> list[str]:
    """The option named right before a choice word: its last two content words, with nothing
    else between them ("on meta ads | or": meta ads)."""
    option: list[str] = []
    for word in reversed(tokens[:index]):
        if not content_words(word) or len(option) == 2:
            break
        option.insert(0, word)
    return option


def _option_after(tokens: list[str], index: int) -> list[str]:
    """The option named right after a choice word: its first two content words, past a
    determiner ("or | the google shopping | for"): google shopping."""
    option: list[str] = []
    for word in tokens[index + 1:]:
        if not content_words(word):
            if option:
                break
            continue
        option.append(word)
        if len(option) == 2:
            break
    return option


def fingerprint(chunk_ids: list[str]) -> str:
    return hashlib.sha1("\n".join(sorted(chunk_ids)).encode("utf-8")).hexdigest()[:16]


def course_similarity(retriever: "CourseRetriever", vector) -> float:
    """Best cosine similarity of a question vector to any answering chunk or sentence."""
    import numpy as np

    hits = retriever.index.query(list(map(float, vector)), 1)
    best = hits[0][3] if hits else 0.0
    owners, matrix = retriever._sentence_index
    if len(owners):
        best = max(best, float((matrix @ np.asarray(vector, dtype=np.float32)).max()))
    return best


def calibrate(retriever: "CourseRetriever") -> Scope:
    import numpy as np

    chunks = retriever._lexical[0]
    questions = bank_questions()
    vectors = retriever.index.embedder.encode(questions)
    scores = sorted(course_similarity(retriever, v) for v in vectors)
    threshold = float(np.quantile(scores, OFF_TOPIC_QUANTILE)) + MARGIN if scores else 0.25
    floor = float(np.quantile(scores, 0.5)) if scores else 0.15
    texts = [text for _, text, _ in chunks] + [str(meta.get("section", "")) for _, _, meta in chunks]
    return Scope(
        fingerprint=fingerprint([cid for cid, _, _ in chunks]),
        threshold=round(threshold, 4),
        floor=round(floor, 4),
        undefined=undefined_acronyms(texts),
        acronyms=sorted({m.group(1) for text in texts for m in ACRONYM.finditer(text)}),
        bank_scores=[round(s, 4) for s in scores],
    )


def load_or_calibrate(retriever: "CourseRetriever", path: Path) -> Scope:
    """The stored scope when it matches the index; otherwise calibrates and stores it."""
    current = fingerprint(list(retriever.chunk_map))
    try:
        stored = Scope(**json.loads(path.read_text(encoding="utf-8")))
        if stored.fingerprint == current:
            return stored
    except (OSError, ValueError, TypeError):
        pass
    scope = calibrate(retriever)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(scope), indent=1), encoding="utf-8")
    except OSError:
        pass  # a read-only data folder only costs a recalibration on the next start
    return scope


class ScopeJudge:
    """Decides whether a question is outside the ingested course.

    Scope is judged module by module: with several modules loaded, a question is off-topic when
    every module, judged alone (its own text, headings, acronyms and nearness statistics), finds
    it off-topic. A request is in scope when one module covers it as a whole, never because its
    words are scattered over several (a tax word in one module, a shop word in another)."""

    def __init__(self, retriever: "CourseRetriever", scope: Scope, source: str | None = None,
                 bank=None) -> None:
        self.retriever = retriever
        self.scope = scope
        self.source = source  # the module this judge reads, or None for the whole corpus
        self._bank = retriever.index.embedder.encode(bank_questions()) if bank is None else bank
        rows = [row for row in retriever._lexical[0] if source is None or row[2].get("source") == source]
        self._rows = rows
        self._text = " ".join(text.lower() for _, text, _ in rows)
        titles = {str(meta.get(key) or "") for _, _, meta in rows for key in ("section", "lesson_title")}
        # The course's headings of two words or more, as stems: a question naming one is in its words.
        stemmed = [{stem(w) for w in content_words(t)} for t in titles]
        self._headings = [stems for stems in stemmed if len(stems) >= 2]
        self._single_headings = {next(iter(stems)) for stems in stemmed if len(stems) == 1}
        self._titles = " ".join(titles).lower()
        self._vocabulary: frozenset[str] | None = None
        self._has_code: bool | None = None
        self._name_words: frozenset[str] | None = None
        self._ceiling_value: float | None = None
        if source is None:
            self._acronyms = set(scope.acronyms)
        else:
            texts = [text for _, text, _ in rows] + list(titles)
            self._acronyms = {m.group(1) for text in texts for m in ACRONYM.finditer(text)}
        self._floor_value: float | None = None if source is not None else scope.floor
        self._matrix = None  # this module's chunk and sentence vectors (a module judge only)
        sources = list(dict.fromkeys(str(meta.get("source", "")) for _, _, meta in rows))
        self.modules = ([ScopeJudge(retriever, scope, name, self._bank) for name in sources]
                        if source is None and len(sources) > 1 else [])
        for module in self.modules:
            # never laxer than the corpus: the general questions' median nearness to any module
            module._floor_value = max(module.floor, scope.floor)

    def names_course_acronym(self, question: str) -> bool:
        """A question naming one of the module's acronyms (three letters or more: "AI" alone
        names a field, not a course) is about it, however short."""
        return any(len(m.group(1)) >= 3 and m.group(1) in self._acronyms for m in ACRONYM.finditer(question))

    def _module_matrix(self):
        """The vectors a module judge compares a question with: its chunks' and their sentences'."""
        import numpy as np

        if self._matrix is None:
            ids = [cid for cid, _, _ in self._rows]
            stored = self.retriever.index.stored_vectors(ids)
            vectors = [stored[cid] for cid in ids if cid in stored]
            owners, sentences = self.retriever._sentence_index
            mine = {position for position, (_, _, meta) in enumerate(self.retriever._lexical[0])
                    if meta.get("source") == self.source}
            rows = [i for i, owner in enumerate(owners) if int(owner) in mine]
            width = np.asarray(sentences).shape[-1] if len(owners) else len(vectors[0]) if vectors else 384
            parts = [np.asarray(vectors, dtype=np.float32).reshape(-1, width)]
            if rows:
                parts.append(np.asarray(sentences, dtype=np.float32)[rows])
            self._matrix = np.concatenate(parts)
        return self._matrix

    def _similarity(self, vector) -> float:
        """Best cosine similarity of a question vector to this judge's course text."""
        import numpy as np

        if self.source is None:
            return course_similarity(self.retriever, vector)
        matrix = self._module_matrix()
        return float((matrix @ np.asarray(vector, dtype=np.float32)).max()) if len(matrix) else 0.0

    @property
    def floor(self) -> float:
        """Below this similarity a question is off-topic: the median of the general questions'
        similarity to this judge's text (the stored calibration for the whole corpus), for a
        module judge never below the corpus's own (several modules draw general questions nearer
        than one does, and a module does not answer more of them for having neighbours)."""
        import numpy as np

        if self._floor_value is None:
            matrix = self._module_matrix()
            scores = (np.asarray(self._bank, dtype=np.float32) @ matrix.T).max(axis=1) if len(matrix) and len(self._bank) else []
            self._floor_value = float(np.quantile(scores, 0.5)) if len(scores) else 0.15
        return self._floor_value

    @property
    def ceiling(self) -> float:
        """As near to this judge's text as nearly all general questions come (the bank's 95th
        percentile and a margin, as the stored ``threshold`` is for the whole corpus): a question
        below it whose words are mostly not the course's is not the course's question."""
        import numpy as np

        if self._ceiling_value is None:
            if self.source is None:
                self._ceiling_value = self.scope.threshold
            else:
                matrix = self._module_matrix()
                scores = (np.asarray(self._bank, dtype=np.float32) @ matrix.T).max(axis=1) if len(matrix) and len(self._bank) else []
                self._ceiling_value = float(np.quantile(scores, OFF_TOPIC_QUANTILE)) + MARGIN if len(scores) else 0.0
        return self._ceiling_value

    @property
    def vocabulary(self) -> frozenset[str]:
        """Stems of every word of the corpus (its text and headings)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(stem(w) for w in words(f"{self._text} {self._titles}"))
        return self._vocabulary

    def knows(self, word: str) -> bool:
        """Whether the corpus uses ``word`` in some form (a plural of a short word, "KPIs" for
        "KPI", counts: the stemmer leaves words of four letters alone)."""
        low = word.lower()
        return any(stem(form) in self.vocabulary for form in (low, f"{low}s", low.removesuffix("s")) if form)

    def unnamed_choice(self, question: str) -> bool:
        """A choice between options the course never names ("which is better value, brand A or
        brand B?"): the content word next to each "or"/"vs" on both sides is absent from the
        corpus. A choice between things the course teaches ("JPEG or WebP") is its question, and so
        is a sentence that asks what the course's text says ("does the course talk about less
        packaging or less fuel?"): its options are examples of what is asked about."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", question.strip()) if not OWN_TEXT.search(s)]
        if any(self._unnamed_pair(words(sentence)) for sentence in sentences):
            return True
        return any(self._unnamed_options(sentence) for sentence in sentences if CHOOSE.match(sentence))

    def _unnamed_pair(self, tokens: list[str]) -> bool:
        """The words next to a choice word, or the words that tell two options apart, are none
        of the corpus's."""
        for index, token in enumerate(tokens):
            if not CHOICE.fullmatch(token) or index == 0 or index == len(tokens) - 1:
                continue
            left = next((w for w in reversed(tokens[:index]) if content_words(w)), None)
            right = next((w for w in tokens[index + 1:] if content_words(w)), None)
            if left and right and not {stem(left), stem(right)} & self.vocabulary:
                return True
            # options named by two words that share one ("google ads or meta ads"): the words
            # that tell them apart are the options
            before = [stem(w) for w in reversed(tokens[:index]) if content_words(w)][:2]
            after = [stem(w) for w in tokens[index + 1:] if content_words(w)][:2]
            shared = set(before) & set(after)
            if shared and len(before) == len(after) == 2:
                apart = (set(before) | set(after)) - shared
                if apart and not any(self.knows(w) for w in apart):
                    return True
        return False

    def _unnamed_options(self, sentence: str) -> bool:
        """In a sentence that asks for a choice ("should I put the budget into meta ads or google
        shopping?"), options of more than one word neither of which the corpus names."""
        tokens = words(sentence)
        for index, token in enumerate(tokens):
            if not CHOICE.fullmatch(token):
                continue
            left, right = _option_before(tokens, index), _option_after(tokens, index)
            if len(left) + len(right) > 2 and self._unnamed_option(left) and self._unnamed_option(right):
                return True
        return False

    def _unnamed_option(self, option: list[str]) -> bool:
        """Whether one option of a choice is a thing the corpus never names: the words are not a
        phrase of its text, and one of them is not its word, or is a word it writes only inside a
        name of its own ("google" in a module that names only "Google Analytics": "google
        shopping" is another thing)."""
        if not option:
            return False
        phrase = r"\W+".join(rf"{re.escape(w)}s?" for w in option)
        if re.search(rf"(?<![a-z]){phrase}(?![a-z])", self._text):
            return False
        return any(not self.knows(w) or w in self.name_words for w in option)

    @property
    def name_words(self) -> frozenset[str]:
        """The words the corpus writes only with a capital inside a sentence, never in lower case:
        parts of names ("Google" of "Google Analytics"), not words of the language."""
        if self._name_words is None:
            lower, capital = set(), set()
            for _, text, _ in self._rows:
                for line in text.splitlines():
                    found = list(re.finditer(r"\b[A-Za-z][a-z]+\b", line))
                    lower.update(m.group(0) for m in found if m.group(0)[0].islower())
                    if 2 * sum(m.group(0)[0].isupper() for m in found) >= len(found):
                        continue  # a heading or a table's header in title case: no prose around its words
                    for match in found:
                        before = line[max(0, match.start() - 4):match.start()].rstrip()
                        if match.group(0)[0].isupper() and before and (before[-1].isalnum() or before[-1] in ",;"):
                            capital.add(match.group(0).lower())  # inside a sentence, not at its start
            self._name_words = frozenset(capital - lower)
        return self._name_words

    def choice_of_own_cases(self, question: str) -> bool:
        """A choice between things of the user's own that the course never names, asked about
        what the course teaches ("a scarf vs a candle: do both go on the same shelf?" in a module
        with a heading on shelving): it names one of the course's headings and the course is
        clearly nearer to it than any general question. The options are cases, not the ask."""
        if not self.names_heading(question):
            return False
        course, nearest = self._nearness(question)
        return course >= nearest + ACRONYM_MARGIN

    def asks_directions(self, question: str) -> bool:
        """A request for the way between two places, one of which the corpus never names ("the
        best route from Hackney into the centre"): a map's job. A move between things the course
        names ("from the tray into the bed") is its question."""
        for match in DIRECTIONS.finditer(question):
            for end in (match.group("origin") or match.group("origin2"), match.group("dest") or match.group("dest2")):
                # the end's head names the place ("Victoria station", "the town centre"); a word
                # before it may be a plain adjective ("from a goal to an actual project")
                end = OBJECT_END.split(end or "", maxsplit=1)[0]  # "Wembley | on a Saturday"
                named = [w for w in content_words(end) if w.isalpha() and len(w) > 2]
                if named and not self.knows(named[-1]):
                    return True
        return False

    def foreign_frame(self, question: str) -> bool:
        """A question in a frame of personal advice (legal, medical, pay) the corpus never uses:
        "is it legal to…" about a module that says nothing of the law. A corpus that uses any
        word of the frame ("salary" in a module about freelance pay) speaks in it, and the
        question is its own when it also knows most of what the question asks about besides the
        frame: a module on bicycle lights and the law does not answer whether the law lets a
        kitchen skip its swab test. The law or tax of a place the corpus never names ("legal in
        <country>") is not its, however much it says of the law."""
        asks = asking_sentences(question)
        said = [w.lower() for w in words(" ".join(asks))]  # the asking sentences ("ok I'll ask my GP. how…?")
        asked = {w for i, w in enumerate(said) if i + 1 == len(said) or said[i + 1] not in GOODS}
        for frame in FRAMES:
            if not asked & set(frame):
                continue
            if not {stem(w) for w in frame} & self.vocabulary:
                return True
            if frame in PLACED_FRAMES and any(content_words(place) and not self.knows(place)
                                              for place in places_of(frame, " ".join(asks))):
                return True  # "is it legal in <a country the course never names>…"
            subject = {stem(w) for w in content_words(" ".join(asks)) if w.lower() not in frame}
            if subject and 2 * len(subject & self.vocabulary) < len(subject):
                return True
        return False

    def asks_record(self, question: str) -> bool:
        """A question for a record of the world ("the biggest pumpkin ever grown") that no
        sentence of the corpus answers in kind (a course that states a record is asked it)."""
        return bool(RECORD.search(question)) and not RECORD.search(self._text)

    def asks_date_of_past(self, question: str) -> bool:
        """A question for when something happened in the world ("what year was the first
        barcode scanned?") put to a corpus that dates nothing (no year in its text), about
        something it never names (a word of the question is none of its): history, not the
        course's teaching. A course that writes years is asked them, and "when did the pilot
        start?" asks about what the course names."""
        asked = WHEN_PAST.search(question)
        if not asked or YEAR.search(self._text):
            return False
        subject = question[:asked.start("event")] + question[asked.end("event"):] if asked.group("event") else question
        return any(not self.knows(w) for w in content_words(subject) if w.isalpha() and len(w) > 2)

    def names_heading(self, question: str) -> bool:
        """Whether the question names one of the course's own headings (every content word of a
        heading of two words or more, in any order and form: "heat and water" for "Heat and Water";
        a one-word heading when the question points at the course's text)."""
        asked = {stem(w) for w in content_words(question)}
        if OWN_TEXT.search(question) and asked & self._single_headings:
            return True  # "what does the procedure say about scope?": a one-word heading, named as the text's
        return any(words <= asked for words in self._headings)

    def general_task(self, question: str) -> bool:
        """A request to produce something the course never names (a letter, a poem, code), as
        whole words of its text, or to work on a text of the user's own of a kind the course never
        names ("summarise chapter 3 of my history textbook"); a request about the course's own
        text ("summarise this module", "part 2 of the course") is not one."""
        if self.help_with_unnamed(question) or self.hands_over_unnamed_chore(question):
            return True
        work = requested_work(question)
        if work is None:
            return False
        if self.works_on_users_text(question):
            return True  # "chapter 3 of my history textbook"
        if work and OWN_PART.match(work):
            return False  # "the whole procedure", "section 3": a part of the course's own text
        if work and MATERIAL.search(work) and self._own_material(work):
            return False
        named = bool(re.search(r"[a-z]{3}", work)) and re.search(rf"(?<![a-z]){re.escape(work)}(?![a-z])", self._text)
        return not named

    def hands_over_unnamed_chore(self, question: str) -> bool:
        """A chore of the user's own handed over to be done, of a kind the corpus never names
        ("can you do my tax return?", "make my expense report in excel"): a word of the thing is
        none of the corpus's. A chore in the course's words ("do our risk scoring") is its
        question, and so is one on its own material ("make my notes from this module")."""
        chore = handed_chore(question)
        if not chore or (MATERIAL.search(chore) and self._own_material(chore)):
            return False  # "make my notes shorter": the course's own material
        return any(not self.knows(w) for w in content_words(chore)
                   if w.isalpha() and len(w) > 2 and w not in ANSWER_WORDS)

    def works_on_users_text(self, question: str) -> bool:
        """A request to produce something from a text of the user's own, of a kind no module's
        text names ("summarise chapter 3 of my history textbook"): a general task, even where its
        number names a lesson of the course."""
        if self.modules:
            return all(module.works_on_users_text(question) for module in self.modules)
        owned = owned_text(question)
        return bool(owned) and not OWN_TEXT.search(owned) and not self.knows(owned)

    def works_on_own_part(self, question: str) -> bool:
        """A request to work on a part of the course's own text named by its name or number
        ("summarise section 3 of the procedure", "rewrite the module as bullet points"), not on a
        text of the user's own ("chapter 3 of my textbook")."""
        work = requested_work(question)
        owned = owned_text(question)
        return bool(work) and bool(OWN_PART.match(work)) and (owned is None or bool(OWN_TEXT.search(owned)))

    def _own_material(self, work: str) -> bool:
        """Whether the object of a request to produce something is the course's own material or
        a form of answer ("the key points", "a packing checklist", "notes"): every word before
        its head is the corpus's own or a word for the gist. A head with a modifier the corpus
        never uses is a thing of its own kind ("a thank-you note", "a birthday card")."""
        head = MATERIAL.search(work)
        before = work[:head.start()] if head else work
        return all(w in GIST_MODIFIERS or self.knows(w) for w in content_words(before))

    def asks_for_code(self, question: str) -> bool:
        """A request for program code ("…step by step with code", "show me the python for it")
        when no line of the corpus is code: writing software is a general assistant's task
        unless the course teaches it."""
        return bool(CODE_ASK.search(question)) and not self.has_code

    @property
    def has_code(self) -> bool:
        """Whether any line of the corpus reads as program code."""
        if self._has_code is None:
            self._has_code = any(CODE_LINE.search(text) for _, text, _ in self._rows)
        return self._has_code

    def asks_live_price(self, question: str) -> bool:
        """A question for what a party the corpus never names charges now ("what does Acme Post
        currently charge for…"): live prices are looked up, not taught. The asking sentence names
        the present and a price, and one of its words is not the corpus's own."""
        for ask in asking_sentences(question):
            if not (LIVE.search(ask) and PRICE.search(ask)):
                continue
            named = [w for w in content_words(LIVE.sub(" ", ask)) if w.isalpha() and len(w) > 2]
            if not all(self.knows(w) for w in named):
                return True
        return False

    def help_with_unnamed(self, question: str) -> bool:
        """A request for help with something no word of the corpus names ("help me with my
        chemistry homework" in a module on bread): a general assistant's errand. Help with
        anything the course names ("help me with my starter"), or with its own text, is its
        question."""
        for start in CLAUSE_START.finditer(question):
            match = HELP_WITH.match(question[start.end():])
            if not match:
                continue
            wanted = DETERMINERS.sub("", OBJECT_END.split(match.group("object"), maxsplit=1)[0].strip())
            asked = {stem(w) for w in content_words(wanted) if len(w) > 2}
            return bool(asked) and MATERIAL.search(wanted.strip()) is None and not asked & self.vocabulary
        return False

    def recommends_unnamed(self, question: str) -> bool:
        """A request to recommend a product, tool or brand the course never names ("recommend an
        AI chatbot for…", "the best shopify theme for…"): a word of the thing asked for is absent
        from the corpus. Recommending something the course teaches ("the best pace for
        beginners") is its question."""
        for start in CLAUSE_START.finditer(question):
            match = RECOMMEND.match(question[start.end():])
            if not match:
                continue
            wanted = next(group for group in match.groups() if group is not None)
            if MANNER.match(wanted.strip()) or OWN_TEXT.search(wanted):
                # how best to do something, or a choice among what the course's own text offers
                # ("which of the course's box sizes should I use?"): judged by its nearness
                continue
            wanted = QUALITY.sub("", OBJECT_END.split(wanted, maxsplit=1)[0].strip())
            asked = [w for w in content_words(wanted) if len(w) > 2]
            if asked and MATERIAL.search(wanted.strip()) is None and not all(self.knows(w) for w in asked):
                return True
        return False

    def _nearness(self, question: str) -> tuple[float, float]:
        """(similarity to the course, to the nearest general question) of the message's ask."""
        import numpy as np

        ask = strip_preamble(question)  # "thanks! btw …": the ask is judged, not the small talk
        vector = np.asarray(self.retriever.index.embedder.encode([ask])[0], dtype=np.float32)
        course = self._similarity(vector)
        nearest = float((np.asarray(self._bank) @ vector).max()) if len(self._bank) else 0.0
        return course, nearest

    def plainly_general(self, question: str) -> bool:
        """For a message with figures to work out: off-topic only when it is plainly a general
        question ("the ROI of an MBA for me, I earn 45k"), not merely far from the course (a
        payback period is asked in numbers, whatever the course is about)."""
        if self.modules:
            return all(module.plainly_general(question) for module in self.modules)
        if self.general_task(question):
            return True
        course, nearest = self._nearness(question)
        return nearest >= GENERAL_MATCH and nearest >= course + ACRONYM_MARGIN

    def off_topic_by_kind(self, question: str) -> bool:
        """Whether the request is of a kind no module of the corpus answers, whatever its words
        are near: a general-purpose task, a question to the advisor as a person, a record of the
        world, a choice or a product the course never names, personal advice in a frame the course
        never uses. (Nearness alone is a softer judgement: the conversation around a message can
        show it is the course's.)"""
        if self.modules:
            return all(module.off_topic_by_kind(question) for module in self.modules)
        if self.general_task(question):
            return True
        ask = strip_preamble(question)
        if ABOUT_YOU.search(ask) or self.asks_record(ask) or self.asks_date_of_past(ask):
            return True
        return ((self.unnamed_choice(ask) and not self.choice_of_own_cases(ask)) or self.foreign_frame(ask)
                or self.recommends_unnamed(ask) or self.asks_for_code(ask) or self.asks_live_price(ask)
                or self.asks_directions(ask))

    def own_topic_elsewhere(self, question: str) -> bool:
        """Whether a message names a topic of its own outside the course: it points at nothing
        said before ("it", "those"), half or more of its words are not the corpus's and a general
        question is nearer to it than the course is
        ("a good lasagne recipe for six" in the middle of a conversation about a course). Such a
        message is not read with the conversation's topic: a word it shares with the previous
        question ("people", "good") does not make it a follow-up."""
        if self.modules:
            return all(module.own_topic_elsewhere(question) for module in self.modules)
        ask = strip_preamble(question)
        if POINTS_BACK.search(ask):  # "when is the best time to do it?": about what was just said
            return False
        own = [w for w in content_words(ask) if w.isalpha() and len(w) > 2]
        unknown = [w for w in own if not self.knows(w)]
        if not own or 2 * len(unknown) < len(own):
            return False
        course, nearest = self._nearness(question)
        return nearest >= course or (course < self.ceiling and self.mostly_foreign(ask))

    def clearly_off_topic(self, question: str, typed: str | None = None) -> bool:
        """Whether no module covers a question whose topic the course's own words name (a message
        read with the topic of the conversation's last answered turn): refused by its kind, or
        below the floor, or when a general question is clearly nearer to it than the course is,
        as a question naming the course's headings is. ``typed``: see ``off_topic``."""
        if self.modules:
            return all(module.clearly_off_topic(question, typed) for module in self.modules)
        if self.off_topic_by_kind(typed or question):
            return True
        if self.works_on_own_part(typed or question) or DOCUMENT_PART.search(typed or question):
            return False
        course, nearest = self._nearness(question)
        return course < self.floor or nearest > course + ACRONYM_MARGIN

    def off_topic(self, question: str, typed: str | None = None) -> bool:
        """Whether no module of the corpus, judged alone, covers the question. ``typed``: the
        message as the user wrote it, when ``question`` is that message read with words borrowed
        from an answered turn ("and what do I say to one (fake reviews; legal)?"): its kind is
        judged on the user's own words only, because the borrowed ones were already answered (a
        "legal" said two turns ago does not make a follow-up a legal question); its nearness
        on the whole reading. A request on a part of the course's own text ("summarise section 3",
        "what's the 70% in the footnote about?") is never refused by nearness alone."""
        if self.modules:
            return all(module.off_topic(question, typed) for module in self.modules)
        if self.off_topic_by_kind(typed or question):
            return True
        if self.works_on_own_part(typed or question) or DOCUMENT_PART.search(typed or question):
            return False  # "summarise section 3", "the figure in the footnote": the course's own text
        ask = strip_preamble(question)
        course, nearest = self._nearness(question)
        if self.names_course_acronym(ask) or self.names_heading(ask) or self.in_own_words(ask, course):
            return nearest > course + ACRONYM_MARGIN  # the course's own terms: only a clear miss is refused
        return course < self.floor or nearest >= course or (course < self.ceiling and self.mostly_foreign(ask))

    def in_own_words(self, question: str, course: float) -> bool:
        """Whether a question is asked wholly in the corpus's words (every word of its own, two at
        least) and is nearer the course than nearly all general questions come (``ceiling``): a
        general question that shares its subject ("plan a birthday party" beside "planning
        the opening party") does not outvote the course unless it is clearly nearer."""
        own = [w for w in content_words(question) if w.isalpha() and len(w) > 2]
        return len(own) >= 2 and course >= self.ceiling and all(self.knows(w) for w in own)

    def mostly_foreign(self, question: str) -> bool:
        """Whether two thirds or more of a question's own words (three at least) are none of the
        corpus's, and it does not point at the course's text ("how do I keep aphids off my
        roses without spraying?" next to a module on watering): its topic is its own, whatever
        word of the course it shares."""
        if OWN_TEXT.search(question):
            return False
        own = [w for w in content_words(question) if w.isalpha() and len(w) > 2]
        unknown = [w for w in own if not self.knows(w)]
        return len(own) >= 3 and 3 * len(unknown) >= 2 * len(own)
