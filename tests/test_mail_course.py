"""An e-mail course saved from a mail client (mbox "From " lines, header blocks, the lesson titles
only in the Subject lines, CAPITALS and colon sub-topics, "---" separators, a P.S., a quoted
reader's question, signatures and unsubscribe footers, a table in aligned columns) is read as
what it teaches: one lesson per message named by its Subject, in the series' order, each
sub-topic a section that names its message, and none of the mail's furniture. The course is
written here, for these tests; no course's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import chunk_document
from knowledge.formats.mail import convert_mail
from knowledge.parsing import parse_course_file

FOOTER = """--
Plant School, 12 Garden Row, Leeds
You get this because you signed up. Unsubscribe: https://plantschool.example/u/{n}
"""

COURSE = f"""From ana@plantschool.example  Mon Mar  2 08:00:00 2026
From: Ana at Plant School <ana@plantschool.example>
To: reader@example.com
Date: Mon, 2 Mar 2026 08:00:00 +0000
Subject: Houseplant course 2/3 — Watering without drowning
MIME-Version: 1.0
Content-Type: text/plain;
 charset=utf-8

Hi there,

Most houseplants die from too much water, not too little.

THE FINGER TEST

Push a finger into the compost up to the second knuckle. Water only
when it feels dry at that depth.

Signs of overwatering:

Yellow lower leaves and a sour smell from the pot mean the roots sit in water.

---

Plant         Water every    Likes misting
-----------   ------------   -------------
Fern          4 days         yes
Cactus        3 weeks        no

Cheers,
Ana

P.S. Terracotta pots dry out twice as fast as plastic ones.

{FOOTER.format(n=2)}
From ana@plantschool.example  Mon Feb 23 08:00:00 2026
From: Ana at Plant School <ana@plantschool.example>
To: reader@example.com
Date: Mon, 23 Feb 2026 08:00:00 +0000
Subject: Houseplant course 1/3 — Light comes first

Hello!

Light decides what a plant can do with everything else you give it.

READING YOUR WINDOWS

A south window gives direct sun for most of the day; a north window gives soft light only.

Before you buy a plant, check three things:
- the light its label asks for
- a drainage hole in the pot
- no pests under the leaves

Cheers,
Ana

{FOOTER.format(n=1)}
From ana@plantschool.example  Mon Mar  9 08:00:00 2026
From: Ana at Plant School <ana@plantschool.example>
To: reader@example.com
Date: Mon, 9 Mar 2026 08:00:00 +0000
Subject: Re: Houseplant course 3/3 — Feeding and repotting

Hi there,

A READER ASKS

On Sat, 7 Mar 2026 at 10:02, Sam <sam@example.com> wrote:
> Should I feed my plants in winter too?

No: growth stops in winter, so feed from spring to early autumn only.

Repot when roots circle the bottom of the pot, one size up at a time.

Talk soon,
Ana

{FOOTER.format(n=3)}"""


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    path = tmp_path_factory.mktemp("mail") / "houseplants.txt"
    path.write_text(COURSE, encoding="utf-8")
    document, converted = parse_course_file(path)
    return document, chunk_document(document)


def test_each_message_is_a_lesson_named_by_its_subject_in_the_series_order(parsed) -> None:
    document, _ = parsed
    assert document.module_title == "Houseplant course"
    titles = [lesson.title for lesson in document.lessons if lesson.sections]
    assert titles == ["Light comes first", "Watering without drowning", "Feeding and repotting"]


@pytest.mark.parametrize(("text", "section"), [
    ("north window gives soft light", "Light comes first › READING YOUR WINDOWS"),
    ("second knuckle", "Watering without drowning › THE FINGER TEST"),
    ("sour smell", "Watering without drowning › Signs of overwatering"),
    ("Most houseplants die", "Watering without drowning"),
    ("Terracotta pots", "Watering without drowning"),  # a P.S. speaks for the whole message
    ("Fern", "Watering without drowning"),  # after a "---" separator: the message again
    ("feed my plants in winter", "Feeding and repotting › A READER ASKS"),
])
def test_a_passage_cites_its_message_and_sub_topic(parsed, text: str, section: str) -> None:
    _, chunks = parsed
    found = [chunk for chunk in chunks if text in chunk.text]
    assert found and {chunk.section for chunk in found} == {section}


def test_a_colon_line_over_a_list_introduces_it(parsed) -> None:
    _, chunks = parsed
    lead = next(chunk for chunk in chunks if "drainage hole" in chunk.text)
    assert "check three things:" in lead.text and "›" in lead.section and "check" not in lead.section


def test_table_rows_keep_their_headers(parsed) -> None:
    _, chunks = parsed
    row = next(chunk for chunk in chunks if chunk.kind == "table_row" and "Cactus" in chunk.text)
    assert "Water every: 3 weeks" in row.text


@pytest.mark.parametrize("furniture", [
    "@", "Unsubscribe", "Garden Row", "Cheers", "Talk soon", "Hi there", "Hello", "wrote:", "Content-Type",
    "charset", "2026", ">", "---", "Re:",
])
def test_the_mails_furniture_is_not_indexed(parsed, furniture: str) -> None:
    _, chunks = parsed
    assert not [chunk.text for chunk in chunks if furniture in chunk.text]
    assert not [chunk.section for chunk in chunks if furniture in chunk.section]


def test_a_quoted_earlier_message_is_indexed_once() -> None:
    reply = COURSE.replace("> Should I feed my plants in winter too?",
                           "> Should I feed my plants in winter too?\n>\n> Most houseplants die from too much "
                           "water, not too little.")
    markdown = convert_mail(reply)
    assert markdown.count("Most houseplants die") == 1


@pytest.mark.parametrize("text", [
    "Subject: Watering\nFrom: Ana\n\nWater when the compost is dry.\n",  # one message: a note, not a course
    "Watering\n\nFrom: the garden centre\nSubject: pots\n\nSubject: feeding\nDate: May\n",  # text before it
])
def test_text_that_is_not_a_mail_export_is_left_alone(text: str) -> None:
    assert convert_mail(text) is None
