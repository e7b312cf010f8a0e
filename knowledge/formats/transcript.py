"""A recorded talk's transcript (a video platform's or a transcription service's text export),
read into the Markdown the course parser understands.

A transcript is known by its structure, never by its words: most of its paragraphs open with a
timestamp ("[12:40]", "(1:02:03)", "12:40 -"), usually followed by a speaker label ("MAYA:",
"Student (Priya):"). Its header names the talk (the first line) and may list its **chapters**,
a run of "timestamp title" lines ("03:15 Why cost-plus fails"), which is the talk's own outline:

- each chapter becomes a part ("##") that opens at the first paragraph spoken at or after its
  timestamp, so a citation names the chapter a learner can jump to;
- the header's other lines (duration, recording date, channel) describe the recording, not the
  subject, and are left out;
- timestamps and the main speaker's label are numbering, never text; another speaker keeps their
  label ("Student: …"), since what a student asked is part of the lesson;
- stage cues ("[laughter]", "[music]") are dropped; a cue that shows something ("[slide: Price =
  cost + margin]") keeps what it shows;
- a block put on screen ("[ON SCREEN]" and lines whose cells are set apart by " | " or tabs) is
  a table: a Markdown pipe table whose first line is the header;
- a sentence that asks the viewer to like, subscribe or watch the next video is not teaching;
- spoken fillers ("um", "uh", a word said twice, ", you know,"), and sentences that only steer
  the talk ("Okay, next thing.") are taken out, so they neither dilute a
  passage's meaning for retrieval nor show in a quote.

Without a chapter list the talk is one part under its title; the course parser splits nothing.
"""

from __future__ import annotations

import re

from knowledge.text import paragraphs as text_paragraphs

# "12:40", "1:02:03": minutes and seconds (hours optional).
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
# A paragraph's opening stamp: "[12:40]", "(12:40)", "12:40 -", "12:40".
STAMP = re.compile(rf"^\s*[\[(]?({_TIME})[\])]?(?:\s*[-–—|:]\s*|\s+)")
# A chapter line: an optional bullet, a stamp, an optional separator and a short title.
CHAPTER = re.compile(rf"^\s*(?:[-*•]\s+)?[\[(]?({_TIME})[\])]?\s*[-–—|:.]?\s*(\S.{{0,90}})$")
# "MAYA:", "Instructor (Maya):", "Student 2:", "Q:" — a label of at most four words and a colon.
SPEAKER = re.compile(r"^([A-Z][\w.'’-]*(?:\s+[A-Z0-9][\w.'’-]*){0,3}(?:\s*\([^)]{1,40}\))?)\s*:\s+")
# "[laughter]", "[slide: …]", "(applause)": a cue in brackets; one with a colon shows something.
CUE = re.compile(r"\[([^\]\[]{1,200})\]")
SOUND_CUE = re.compile(r"\((?:laughs?|laughter|applause|music|inaudible|crosstalk|pause|coughs?)\)", re.IGNORECASE)
# A line that only says the lines under it are shown: "[ON SCREEN]", "[Slide]", "On screen:".
SHOWN_LABEL = re.compile(r"^\s*\[?\s*(?:on[\s-]screen|slide|screen|table|graphic)\b[^\]]{0,80}\]?\s*:?\s*$",
                         re.IGNORECASE)
# Spoken fillers: hesitation sounds only (never words that can carry meaning).
FILLER = re.compile(r"(?:(?<=\s)|^)(?:u+m+|u+h+|e+r+m*|a+h+|h+m+|mm+)[,.…]*(?=\s|$)\s*", re.IGNORECASE)
# Fillers set off by commas ("it's, you know, a cost"; "Like, three hours"): asides that carry nothing.
ASIDE = re.compile(r"(?:,\s*|(?:^|(?<=[.!?]))\s*)(?:you know|i mean|like|kind of|sort of|basically|honestly|literally)\s*,\s*",
                   re.IGNORECASE)
# Words that only steer talk ("Okay, so, next thing."): a sentence of nothing else teaches nothing.
STEERING = frozenset("okay ok so right alright all well now anyway yeah yes good great cool next thing things "
                     "let's lets move moving on go going to and then first one another".split())
REPEAT = re.compile(r"\b([\w'’]+)(?:,?\s+\1\b)+", re.IGNORECASE)  # "the the", "so, so"
# A sentence that asks the viewer to act on the video or signs it off, not teaching: "hit like and
# subscribe", "thanks for watching", "see you in the next video".
CALL_TO_ACTION = re.compile(
    r"\b(?:subscrib\w*|notification bell|hit (?:the|that) (?:like|bell)|like button|thanks? (?:you )?for watching|"
    r"see you (?:in the next|next time|next week)|links? (?:is |are )?in the description)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“(]?[A-Z0-9])")
MIN_STAMPED = 5
SPOKEN_SHARE = 0.6  # of stamped paragraphs with a bracketed stamp or a speaker: a schedule's times are neither  # paragraphs that open with a stamp before a text is read as a transcript
MIN_CHAPTERS = 2


def _seconds(stamp: str) -> int:
    total = 0
    for part in stamp.split(":"):
        total = total * 60 + int(part)
    return total


def _spoken(line: str) -> bool:
    """A paragraph's first line as a transcript writes it: a stamp in brackets ("[12:40]") or a
    speaker after the stamp ("12:40 MAYA: …"); a schedule's "09:00 Arrive at the hall" is neither."""
    stamp = STAMP.match(line)
    return bool(stamp) and (line.lstrip()[:1] in "[(" or bool(SPEAKER.match(line[stamp.end():])))


def _chapter_list(lines: list[str]) -> list[tuple[int, str]] | None:
    """The (seconds, title) of a run of chapter lines, or None when the lines are not one: at
    least two, every line a stamp and a short title (no speaker label), the times rising."""
    if len(lines) < MIN_CHAPTERS:
        return None
    found = []
    for line in lines:
        match = CHAPTER.match(line)
        if not match or SPEAKER.match(match.group(2)) or len(match.group(2).split()) > 14:
            return None
        found.append((_seconds(match.group(1)), match.group(2).strip().rstrip(".")))
    times = [seconds for seconds, _ in found]
    return found if times == sorted(times) and len(set(times)) == len(times) else None


def _clean_spoken(text: str) -> str:
    def cue(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if ":" in inner:  # "[slide: Price = cost + margin]": what it shows is text
            label, shown = inner.split(":", 1)
            return f"({shown.strip()})" if shown.strip() else " "
        return " "  # "[laughter]", "[pause]": a sound, not text

    text = CUE.sub(cue, text)
    text = SOUND_CUE.sub(" ", text)
    text = FILLER.sub("", text)
    text = ASIDE.sub(lambda m: " " if m.group(0).startswith(",") else " \x01", text)
    text = re.sub(r"\x01\s*(\S?)", lambda m: m.group(1).upper(), text)  # the sentence's next word opens it
    text = REPEAT.sub(r"\1", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;])(?=[,.;:!?])", "", text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text[:1].upper() + text[1:] if text else text


def _is_cells(line: str) -> bool:
    return line.count(" | ") >= 1 or line.strip().startswith("|") or "\t" in line.strip()


def _cells(line: str) -> list[str]:
    parts = re.split(r"\t+| \| ", line.strip().strip("|"))
    return [part.strip() for part in parts]


def _table(lines: list[str]) -> list[str]:
    """Lines shown on screen: any caption lines, then a pipe table (first row its header)."""
    out: list[str] = []
    rows = [line for line in lines if _is_cells(line)]
    caption = [_shown_caption(line) for line in lines if not _is_cells(line)]
    caption = [line for line in caption if line]
    if caption:
        out.append("\n".join(caption))  # a list shown on screen stays one item a line
    if len(rows) >= 2:
        header = _cells(rows[0])
        table = [f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
        table += [f"| {' | '.join(_cells(row))} |" for row in rows[1:] if not re.fullmatch(r"[\s|:\-+]+", row)]
        out.append("\n".join(table))
    elif rows:
        out.append(rows[0].strip())
    return out


def _shown_caption(line: str) -> str:
    """A caption line as text; a bare "[ON SCREEN]" label is none, "[ON SCREEN: Costs]" is "Costs"."""
    if not SHOWN_LABEL.match(line):
        return line.strip()
    inner = line.strip().strip("[]").strip()
    return inner.split(":", 1)[1].strip().rstrip("]").strip() if ":" in inner else ""


def convert_transcript(text: str) -> str | None:
    """Markdown for a talk's transcript, or None when ``text`` is not one."""
    paragraphs = text_paragraphs([line.rstrip() for line in text.splitlines()])
    stamped = [i for i, lines in enumerate(paragraphs) if STAMP.match(lines[0]) and _chapter_list(lines) is None]
    if len(stamped) < MIN_STAMPED or sum(_spoken(paragraphs[i][0]) for i in stamped) < SPOKEN_SHARE * len(stamped):
        return None
    first_spoken = stamped[0]
    chapters: list[tuple[int, str]] = []
    for lines in paragraphs[:first_spoken]:
        listed = _chapter_list([line for line in lines if CHAPTER.match(line)])
        if listed and not chapters:
            chapters = listed
    header = paragraphs[0] if first_spoken > 0 else []
    title = header[0].strip().strip("#").strip() if header and not CHAPTER.match(header[0]) else "Transcript"

    speakers: dict[str, int] = {}
    for i in stamped:
        rest = STAMP.sub("", paragraphs[i][0], count=1)
        label = SPEAKER.match(rest)
        if label:
            speakers[label.group(1)] = speakers.get(label.group(1), 0) + 1
    main = max(speakers, key=speakers.__getitem__) if speakers else None

    parts = [f"# {title}"]
    opens, unplaced = _chapter_openings(chapters, [(i, _seconds(STAMP.match(paragraphs[i][0]).group(1)))
                                                   for i in stamped])
    for index in range(first_spoken, len(paragraphs)):
        lines = paragraphs[index]
        stamp = STAMP.match(lines[0])
        if index in opens:
            parts.append(f"## {opens[index]}")
        shown = [line for line in lines if _is_cells(line)]
        if len(shown) >= 2 or (not stamp and any(SHOWN_LABEL.match(line) for line in lines)):
            spoken = [line for line in lines if not _is_cells(line) and not SHOWN_LABEL.match(line)]
            lead = [line for line in spoken if STAMP.match(line) or SPEAKER.match(line)]
            if lead:
                parts.extend(_speech(" ".join(lead), main))
            parts.extend(_table([line for line in lines if line not in lead]))
            continue
        said = _speech(" ".join(line.strip() for line in lines), main)
        if said and parts and _asked(parts[-1]) and not _asked(said[0]):
            parts[-1] += "\n" + said.pop(0)  # a question from the room travels with its answer
        parts.extend(said)
    for chapter in unplaced:  # a chapter listed after the last stamp: nothing spoken under it
        parts.append(f"## {chapter}")
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


def _chapter_openings(chapters: list[tuple[int, str]], stamps: list[tuple[int, int]]) -> tuple[dict[int, str], list[str]]:
    """Which paragraph opens each chapter: the one whose stamp is nearest the chapter's time (a
    listed time is often rounded, and the talk turns to the next chapter a little before or after
    it), in order and before the next chapter's time. ({paragraph index: title}, titles placed
    nowhere)."""
    opens: dict[int, str] = {}
    unplaced: list[str] = []
    after = -1  # the paragraph that opened the chapter before
    for number, (at, title) in enumerate(chapters):
        until = chapters[number + 1][0] if number + 1 < len(chapters) else None
        candidates = [(abs(seconds - at), -index, index) for index, seconds in stamps
                      if index > after and (until is None or seconds < until)]
        if not candidates:
            unplaced.append(title)
            continue
        after = min(candidates)[2]
        opens[after] = title
    return opens, unplaced


def _steers_only(sentence: str) -> bool:
    """A sentence that only moves the talk along ("Okay, next thing.", "Right, so.")."""
    tokens = re.findall(r"[a-z']+", sentence.lower())
    return not re.search(r"\d", sentence) and len(tokens) <= 6 and all(token in STEERING for token in tokens)


def _asked(paragraph: str) -> bool:
    """A question put by a speaker other than the main one ("Student: …?"), not yet answered."""
    return "\n" not in paragraph and bool(SPEAKER.match(paragraph)) and paragraph.rstrip().endswith("?")


def _speech(paragraph: str, main: str | None) -> list[str]:
    rest = STAMP.sub("", paragraph, count=1)
    label = SPEAKER.match(rest)
    who = ""
    if label:
        rest = rest[label.end():]
        if label.group(1) != main:
            name = label.group(1)
            first, _, more = name.partition(" ")
            first = first.capitalize() if first.isupper() else first  # "STUDENT (Priya)" → "Student (Priya)"
            who = f"{' '.join(part for part in (first, more) if part)}: "
    spoken = " ".join(sentence for sentence in SENTENCE_END.split(_clean_spoken(rest))
                      if not CALL_TO_ACTION.search(sentence) and not _steers_only(sentence))
    return [f"{who}{spoken}"] if spoken.strip(" .,") else []
