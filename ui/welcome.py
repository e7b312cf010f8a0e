"""The empty chat's welcome: a short note on what the advisor does and a few of the course's own
example questions as chips, one click from the message box.

The chips are drawn from the examples read from the loaded course (`AppContext.examples`), one
per part of the course so they show its range; none is written here.
"""

from __future__ import annotations

from typing import Any

from ui import formatting as fmt

CHIPS = 4

WELCOME = (
    "**Welcome.** Ask about the course, or give your figures for a calculation or a plan; "
    "every answer cites the passages it comes from. Try one of these:"
)


def chip_examples(examples: list[dict[str, str]], count: int = CHIPS) -> list[int]:
    """Indexes into `examples` of up to `count` chips: the first example of each part of the
    course in course order, then further ones in order when there are fewer parts."""
    chosen: list[int] = []
    seen: set[str] = set()
    for index, example in enumerate(examples):
        if example["lesson"] not in seen:
            seen.add(example["lesson"])
            chosen.append(index)
    chosen += [i for i in range(len(examples)) if i not in chosen]
    return chosen[:count]


def chips(examples: list[dict[str, str]], count: int = CHIPS) -> list[dict[str, Any]]:
    """Gradio chatbot examples: the question as the user would send it (placeholder filled with
    the course's own default); the page script shortens the shown text, whole text on hover."""
    return [{"text": fmt.fill_example(examples[i]["template"], examples[i]["default"])}
            for i in chip_examples(examples, count)]
