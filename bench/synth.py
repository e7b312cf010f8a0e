"""Synthetic course corpora for the scale benchmark: N distinct module files made from the real one.

Copy 0 is the bundled course unchanged. Copy i ≥ 1 renames the module and its lessons
(6.1 → (6+i).1, "Module 6" → "Module 6+i"), substitutes synonyms for common words and shuffles
the sentences of each prose paragraph, all seeded by i, so every copy is deterministic, reads
like the course (retrieval stays meaningful) and yields its own chunks with their own ids.
Headings keep their words (sections keep their names); table rows are left as they are, so the
KPI table still parses.

    python -m bench.synth 10          # writes bench/corpora/ copies 0..9 and prints the paths
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from assistant.settings import DEFAULT_CORPUS
from knowledge.chunking import split_sentences_simple

CORPORA = Path(__file__).resolve().parent / "corpora"

SYNONYMS: dict[str, list[str]] = {
    "important": ["crucial", "essential", "vital"],
    "crucial": ["critical", "vital", "key"],
    "critical": ["vital", "crucial", "decisive"],
    "essential": ["vital", "indispensable", "fundamental"],
    "significant": ["substantial", "considerable", "notable"],
    "customer": ["shopper", "client", "buyer"],
    "customers": ["shoppers", "clients", "buyers"],
    "business": ["company", "enterprise", "firm"],
    "businesses": ["companies", "enterprises", "firms"],
    "improve": ["enhance", "boost", "raise"],
    "improving": ["enhancing", "boosting", "raising"],
    "increase": ["raise", "boost", "grow"],
    "increasing": ["raising", "boosting", "growing"],
    "reduce": ["cut", "lower", "decrease"],
    "reducing": ["cutting", "lowering", "decreasing"],
    "help": ["assist", "aid", "support"],
    "helps": ["assists", "aids", "supports"],
    "ensure": ["guarantee", "make sure", "secure"],
    "ensuring": ["guaranteeing", "making sure of", "securing"],
    "use": ["employ", "apply", "utilize"],
    "using": ["employing", "applying", "utilizing"],
    "tool": ["solution", "system", "application"],
    "tools": ["solutions", "systems", "applications"],
    "project": ["initiative", "undertaking", "programme"],
    "projects": ["initiatives", "undertakings", "programmes"],
    "goal": ["objective", "target", "aim"],
    "goals": ["objectives", "targets", "aims"],
    "measure": ["gauge", "assess", "quantify"],
    "measuring": ["gauging", "assessing", "quantifying"],
    "key": ["core", "main", "central"],
    "example": ["instance", "illustration", "case"],
    "challenges": ["difficulties", "obstacles", "hurdles"],
    "opportunities": ["openings", "prospects", "possibilities"],
    "effective": ["successful", "efficient", "productive"],
    "process": ["procedure", "workflow", "routine"],
    "approach": ["method", "strategy", "way"],
    "rapidly": ["quickly", "swiftly", "fast"],
    "continuous": ["ongoing", "constant", "sustained"],
    "potential": ["possible", "prospective", "likely"],
    "robust": ["solid", "sturdy", "resilient"],
    "clear": ["explicit", "plain", "well-defined"],
    "often": ["frequently", "commonly", "regularly"],
    "new": ["novel", "fresh", "emerging"],
    "build": ["create", "establish", "develop"],
    "create": ["build", "produce", "establish"],
    "identify": ["pinpoint", "spot", "find"],
    "provide": ["offer", "supply", "deliver"],
    "enable": ["allow", "permit", "empower"],
    "require": ["need", "demand", "call for"],
    "requires": ["needs", "demands", "calls for"],
    "team": ["group", "squad", "unit"],
    "teams": ["groups", "squads", "units"],
    "consider": ["weigh", "think about", "examine"],
    "understanding": ["grasping", "comprehending", "knowing"],
    "value": ["worth", "benefit", "merit"],
    "impact": ["effect", "influence", "consequence"],
    "performance": ["results", "effectiveness", "output"],
}
WORD = re.compile(r"\b(" + "|".join(sorted(SYNONYMS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
LESSON_HEADING = re.compile(r"^(#+\s*Lesson\s+)6\.(\d+)", re.IGNORECASE)
MODULE_NUMBER = re.compile(r"\bModule 6\b")


def _substitute(line: str, rng: random.Random) -> str:
    def swap(match: re.Match) -> str:
        word = match.group(0)
        if rng.random() < 0.35:
            return word
        choice = rng.choice(SYNONYMS[word.lower()])
        return choice[0].upper() + choice[1:] if word[0].isupper() else choice

    return WORD.sub(swap, line)


def _is_prose(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and not stripped.startswith(("#", "|", "-", "*", "+", ">"))


def variant(text: str, copy: int) -> str:
    """Copy ``copy`` of the course text (0 = the original)."""
    if copy == 0:
        return text
    rng = random.Random(copy)
    number = 6 + copy
    lines = []
    for line in text.splitlines():
        if line.startswith("#"):
            line = LESSON_HEADING.sub(lambda m: f"{m.group(1)}{number}.{m.group(2)}", line)
            line = MODULE_NUMBER.sub(f"Module {number}", line)
        elif line.lstrip().startswith("|"):
            pass  # table rows stay verbatim so the KPI table keeps its header and cells
        else:
            line = MODULE_NUMBER.sub(f"Module {number}", line)
            line = _substitute(line, rng)
            if _is_prose(line):
                sentences = split_sentences_simple(line)
                if len(sentences) > 2:
                    rng.shuffle(sentences)
                    line = " ".join(sentences)
        lines.append(line)
    return "\n".join(lines) + "\n"


def copy_path(copy: int) -> Path:
    if copy == 0:
        return DEFAULT_CORPUS
    return CORPORA / f"module-{6 + copy}-ai-strategy-edition-{copy}.md"


def corpus(scale: int) -> list[Path]:
    """The ``scale`` module files (the course plus scale-1 variants), written when missing."""
    CORPORA.mkdir(parents=True, exist_ok=True)
    text = DEFAULT_CORPUS.read_text(encoding="utf-8")
    paths = []
    for copy in range(scale):
        path = copy_path(copy)
        if copy and not path.exists():
            path.write_text(variant(text, copy), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(written)
