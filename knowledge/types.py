"""Plain data shapes shared by parsing, chunking, indexing and retrieval."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal[
    "prose", "bullets", "table", "table_row", "example", "question", "reflective", "discussion"
]


class Block(BaseModel):
    """One unit of course text under a section, with its character span in the source file."""

    kind: BlockKind
    text: str
    start: int
    end: int


class Section(BaseModel):
    title: str
    level: int
    start: int
    blocks: list[Block] = Field(default_factory=list)


class Lesson(BaseModel):
    lesson: str  # "6.1" ... "6.4", "intro", "topic"
    title: str
    sections: list[Section] = Field(default_factory=list)


class CourseDocument(BaseModel):
    source: str  # file name
    module_title: str
    lessons: list[Lesson] = Field(default_factory=list)


class KpiRow(BaseModel):
    application: str
    kpis: list[str]
    leading: list[str]
    lagging: list[str]
    chunk_id: str = ""
    lesson: str = ""
    section: str = ""
    source: str = ""  # the course file the row's table is in


class Chunk(BaseModel):
    chunk_id: str
    text: str
    source: str
    lesson: str
    lesson_title: str
    section: str
    kind: BlockKind
    start: int
    end: int
    content_hash: str
    module_title: str = ""  # the title of its file (a module's name in listings)

    def metadata(self) -> dict[str, str | int]:
        return {
            "module_title": self.module_title,
            "chunk_id": self.chunk_id,
            "source": self.source,
            "lesson": self.lesson,
            "lesson_title": self.lesson_title,
            "section": self.section,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "content_hash": self.content_hash,
        }


class Citation(BaseModel):
    chunk_id: str
    lesson: str
    lesson_title: str = ""
    section: str
    quote: str
    source: str = ""
    score: float = 0.0

    @property
    def label(self) -> str:
        """Human-readable location, e.g. "Lesson 6.2 › Defining E-commerce Specific KPIs for AI"."""
        if self.lesson[:1].isdigit() and self.section.startswith(self.lesson):
            return self.section  # "3. Pace and Group Size": the heading carries its number already
        where = {"module": "Module introduction", "topic": "Topic page"}.get(  # a part without a number: its title
            self.lesson, f"Lesson {self.lesson}" if self.lesson[:1].isdigit() else self.lesson_title or self.lesson
        )
        return self.section if where == self.section else f"{where} › {self.section}"


class Passage(BaseModel):
    """A retrieved chunk: its full text plus the citation that points back to it."""

    text: str
    kind: str = "prose"
    citation: Citation
    start: int = 0  # offset in the source file: course order within a section
