"""Training pairs generated from the course by general transformations (issue 24).

Each pair is (claim, evidence): the evidence is two adjacent sentences of one course passage,
the claim is the first sentence transformed. Rewrites that keep the meaning (a word replaced by
another member of its synonym group in `lexicon.yaml`, an example list in "such as ..." or a
parenthesis dropped) are labelled supported; rewrites that break it (a "not" added, a hedge made
absolute, two content words swapped, a list member replaced by one from another passage) are
labelled unsupported. Nothing here knows the course: any corpus gives its own pairs.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from evals.calibrate import Labelled

AUX = re.compile(r"\b(is|are|can|should|will|may|must|was|were)\b")
HEDGES = {"can": "always", "may": "will", "often": "always", "some": "all", "most": "all",
          "many": "all", "usually": "always", "might": "will", "could": "will"}
EXAMPLES = re.compile(r"\s*(\([^)]*\)|,?\s*such as [^.;]*(?=[.;]))")
LIST = re.compile(r"(\b[\w-]+(?: [\w-]+)?), ([\w-]+(?: [\w-]+)?),? and ([\w-]+(?: [\w-]+)?)")


@dataclass(frozen=True)
class Generated:
    claim: str
    evidence: str
    supported: bool
    kind: str


def course_sentences() -> list[tuple[str, str]]:
    """(sentence, the sentence and its next one) over the bundled course's passages."""
    from knowledge.chunking import chunk_document
    from knowledge.parsing import parse_file
    from knowledge.settings import DEFAULT_CORPUS
    from knowledge.text import split_sentences

    out = []
    for doc in parse_file(DEFAULT_CORPUS):
        if not hasattr(doc, "lessons"):
            continue
        for chunk in chunk_document(doc):
            if chunk.kind in ("question", "reflective", "discussion"):
                continue
            sents = [s for s in split_sentences(chunk.text)
                     if len(s.split()) >= 8 and not s.rstrip().endswith("?")]
            for i, s in enumerate(sents):
                window = " ".join(sents[i : i + 2])
                out.append((s, window))
    return out


def _synonyms() -> dict[str, list[str]]:
    from assistant.grounding.lexicon import LEXICON_PATH

    import yaml

    groups = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8")).get("synonyms", [])
    out: dict[str, list[str]] = {}
    for group in groups:
        words = [w for w in group if isinstance(w, str) and " " not in w]
        for w in words:
            out[w] = [x for x in words if x != w]
    return out


def transforms(sentence: str, window: str, other_members: list[str], rng: random.Random,
               synonyms: dict[str, list[str]]) -> list[Generated]:
    out = []
    words = sentence.split()
    # keeps: synonym rewrite
    known = [i for i, w in enumerate(words) if synonyms.get(w.strip(",.;:").lower())]
    if known:
        swapped = list(words)
        for i in rng.sample(known, min(2, len(known))):
            core = words[i].strip(",.;:").lower()
            swapped[i] = words[i].lower().replace(core, rng.choice(synonyms[core]))
        out.append(Generated(" ".join(swapped), window, True, "synonym"))
    dropped = EXAMPLES.sub("", sentence)
    if dropped != sentence and len(dropped.split()) >= 6:
        out.append(Generated(dropped, window, True, "examples dropped"))
    # breaks
    if m := AUX.search(sentence):
        out.append(Generated(sentence[: m.end()] + " not" + sentence[m.end():], window, False,
                             "negation"))
    hedge = [i for i, w in enumerate(words) if w.lower() in HEDGES]
    if hedge:
        i = hedge[0]
        out.append(Generated(" ".join(words[:i] + [HEDGES[words[i].lower()]] + words[i + 1:]),
                             window, False, "overclaim"))
    content = [i for i, w in enumerate(words) if len(w.strip(",.;:")) >= 6 and w.isalpha()]
    if len(content) >= 2:
        i, j = rng.sample(content, 2)
        changed = list(words)
        changed[i], changed[j] = words[j], words[i]
        out.append(Generated(" ".join(changed), window, False, "swap"))
    if (m := LIST.search(sentence)) and other_members:
        member = rng.choice(other_members)
        if member.lower() not in window.lower():
            k = rng.randint(1, 3)
            claim = sentence[: m.start(k)] + member + sentence[m.end(k):]
            out.append(Generated(claim, window, False, "invented member"))
    return out


def generate(limit: int = 400, seed: int = 0) -> list[Generated]:
    rng = random.Random(seed)
    sentences = course_sentences()
    members = [m.group(k) for s, _ in sentences for m in LIST.finditer(s) for k in (1, 2, 3)]
    synonyms = _synonyms()
    out = []
    for s, window in rng.sample(sentences, min(len(sentences), limit)):
        out += transforms(s, window, members, rng, synonyms)
    return out


def as_labelled(pairs: list[Generated]) -> list[Labelled]:
    return [Labelled(id=f"gen{i}", answer=p.claim, context=p.evidence, supported=p.supported,
                     kind=p.kind, voice="generated") for i, p in enumerate(pairs)]


def generated_rows(limit: int = 150):
    """The generated pairs as the checker analysed them (`checker_learning.Row`), cached."""
    import pickle

    from evals.checker_learning import CACHE, analyse

    path = CACHE.with_name(f"checker_generated_{limit}.pkl")
    if path.exists():
        return pickle.loads(path.read_bytes())
    rows = analyse([(r, "generated") for r in as_labelled(generate(limit))])
    path.write_bytes(pickle.dumps(rows))
    return rows


if __name__ == "__main__":
    for g in generate(8):
        print(g.kind, g.supported, "|", g.claim)
