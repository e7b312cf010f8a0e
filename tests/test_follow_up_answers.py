"""A follow-up gets a focused answer: it is resolved against the turn before (a switch of topic
stands alone, a clause after "what if" asks anew), and the composer quotes whole thoughts (a
step's title with its sentence, a sentence that leans back with the one before), never prints a
line twice, and quotes what the previous answer said only when it answers the new ask best."""

from __future__ import annotations

import pytest

from assistant.answering.compose import Composer, focused, passage_units, printed
from knowledge.chunking import Unit
from assistant.reading.elliptical import resolve
from knowledge.settings import Settings
from word_vectors import embed

PREVIOUS = "how do I build a win-back flow?"
ANSWER = ("### What the course says\n\n#### Building a Win-Back Flow Step by Step\n"
          "- A win-back flow is an automated sequence sent to lapsed customers. [1]\n")



@pytest.mark.parametrize(("message", "expected"), [
    ("switching to abandoned carts - when should those go out?", "abandoned carts - when should those go out?"),
    ("alright, back on topic - when do I send the restock email?", "when do I send the restock email?"),
    ("new topic: which of these fields must a donor record hold?", "which of these fields must a donor record hold?"),
])
def test_a_switch_of_topic_stands_alone_whatever_it_points_at(message, expected):
    follow = resolve(message, PREVIOUS, ANSWER)
    assert follow.text == expected and not follow.elliptical


def test_a_follow_up_borrows_a_hyphenated_topic_whole():
    follow = resolve("what goes in the first email?", PREVIOUS, ANSWER)
    assert follow.text.startswith("what goes in the first email (")
    assert "win-back" in follow.text and "build" in follow.text


def test_a_follow_up_borrows_the_section_the_previous_answer_quoted():
    follow = resolve("what goes in the first email?", "ok, where do I start?", ANSWER)
    assert follow.text.startswith("what goes in the first email (") and "Win-Back Flow" in follow.text


def test_a_clause_after_what_if_asks_anew_about_the_topic():
    follow = resolve("what if the chef isn't sure?", "a customer has a nut allergy, what is the process?", ANSWER)
    assert follow.text.startswith("what if the chef isn't sure (") and "nut allergy" in follow.text


def test_a_continuation_replaces_the_part_a_previous_continuation_added():
    first = resolve("and fresh fish?", "what temperature should chilled deliveries be?", ANSWER).text
    second = resolve("and frozen food?", first, ANSWER).text
    assert second == "what temperature should chilled deliveries be (frozen food)?"


def test_a_short_follow_up_with_a_topic_of_its_own_stands_alone():
    message = "give me an example of a lapsed donor letter"
    assert resolve(message, "what is gift aid?", ANSWER).text == message


def test_a_steps_title_keeps_the_sentence_it_heads_and_its_number_is_dropped():
    text = ("Suppose it is 45 days. 4. Write the first email with no discount. Remind the customer what "
            "they bought and make it easy to reorder.")
    quoted = [u.parts[0] for u in passage_units({"text": text, "kind": "prose"})]
    assert "Write the first email with no discount. Remind the customer what they bought and make it easy to reorder." in quoted
    assert not any(q.startswith("4.") for q in quoted)


def test_a_sentence_that_leans_back_keeps_the_one_before():
    text = ("Hold back discounts until the final email, if you use one at all. Otherwise customers learn "
            "to abandon carts on purpose.")
    (unit,) = passage_units({"text": text, "kind": "prose"})
    assert unit.parts == (text,)


LIST = {"text": ("A strong welcome series has three to five emails over two weeks:\n"
                 "Email 1 delivers the promised sign-up incentive straight away.\n"
                 "Email 2 shows best-sellers with reviews from other customers.\n"
                 "Email 3 tells the brand story of sourcing and founders."),
        "kind": "bullets", "section": "Welcome flows", "chunk_id": "c1"}


def test_no_line_is_printed_twice_in_one_answer():
    picks = Composer(embed, Settings()).select("what goes in a welcome series of emails?", [LIST], 4, set())
    lines = [line for pick in picks for line in (printed(pick.unit)[1:] if pick.unit.kind in {"list", "item"}
                                                   else printed(pick.unit))]
    assert lines and len(lines) == len(set(lines))


def test_what_the_previous_answer_quoted_comes_back_only_when_it_answers_best():
    said = "Use purple boards and knives for allergen-free preparation, and store them apart."
    passage = {"text": said + " Boards are washed in the dishwasher after every single use in the kitchen.",
               "kind": "prose", "section": "Separating foods", "chunk_id": "c1"}
    question = "which boards for allergen-free preparation?"

    def first(**tuning: float) -> str:
        picks = Composer(embed, Settings(**tuning)).select(question, [passage], 1, set(), avoid=frozenset({said}))
        return picks[0].unit.parts[0]

    assert first() == said  # said before, but it is the answer
    assert first(compose_repeat_penalty=1.0) != said  # a penalty that always loses: something new


PLAN = Unit(("She agreed a six-month plan:", "Months 1-2: authenticated the sending domain.",
             "Month 2: built a welcome series.", "Month 3: launched a win-back flow.",
             "Months 4-6: a points programme whose reward cost was 3.5% of revenue."), "list")


def test_a_narrow_ask_quotes_only_the_items_of_a_long_list_that_answer_it():
    cut = focused(PLAN, "how much should the rewards cost us?", "how-to")
    assert cut.parts == (PLAN.parts[0], PLAN.parts[-1])


@pytest.mark.parametrize(("question", "kind"), [
    ("which steps were in her plan?", "list"), ("what was the process she followed?", "explanation"),
])
def test_a_question_asking_for_the_list_gets_all_of_it(question, kind):
    assert focused(PLAN, question, kind) == PLAN


def test_a_chain_of_follow_ups_borrows_the_last_topic_not_every_one_before():
    follow = resolve("how often?", "how do I calibrate a probe (keep temperature records)?", "")
    assert follow.text == "how often (calibrate probe)?"


def test_a_list_is_a_repeat_only_when_all_its_items_are_chosen_an_item_when_it_is():
    from assistant.answering.compose import _repeats

    lead, *items = PLAN.parts
    assert _repeats(Unit((lead, items[0]), "item"), {items[0]})
    assert not _repeats(PLAN, {items[0]})  # picked, it replaces the item chosen before
    assert _repeats(PLAN, set(items))


@pytest.mark.parametrize("message", ["what if the experiments fail?", "and if nobody replies to the survey?"])
def test_a_condition_after_if_asks_what_to_do_in_that_case_not_the_previous_question_again(message):
    previous = "how do I get my team comfortable experimenting with new tools?"
    follow = resolve(message, previous, ANSWER)
    assert follow.text.startswith(message.rstrip("?") + " (") and "comfortable" in follow.text


@pytest.mark.parametrize(("question", "fits", "misses"), [
    ("how often should we review performance (model drift)?",
     "Check dashboards daily or weekly, and hold deeper reviews monthly or quarterly.",
     "Around 40% of models lose 3 points of accuracy."),
    ("how often do we update the customer?",
     "Support sends the customer an update at least every 60 minutes until it is resolved.",
     "Sev 1 incidents affect 100% of customers."),
    ("how often should i open the hive (after the summer)?",
     "After the summer, inspect every two to three weeks until the colony is prepared for winter.",
     "After the summer, a colony of 20,000 bees needs less room."),
    ("and how long each (one-to-ones)?",
     "Hold a one-to-one with each agent, about 30 minutes, away from the queue.",
     "Hold a one-to-one with each of your 6 agents."),
])
def test_a_how_often_or_how_long_ask_fits_the_unit_that_states_a_rhythm_or_a_duration(question, fits, misses):
    from assistant.answering.compose import kind_fit

    assert kind_fit("follow-up", question, Unit((fits,), "sentence")) == 1.0
    assert kind_fit("follow-up", question, Unit((misses,), "sentence")) == 0.0


def test_a_follow_up_quotes_at_most_one_unit_the_previous_answer_quoted():
    said = ("Boards are colour coded so raw meat never touches ready-to-eat food in the kitchen.",
            "Purple boards are kept for allergen-free preparation and stored apart from the others.")
    new = "Boards are replaced when deep scratches hold food and cannot be cleaned any more."
    passage = {"text": " ".join([*said, new]), "kind": "prose", "section": "Boards", "chunk_id": "c1"}
    picks = Composer(embed, Settings(compose_repeat_penalty=0.0, relative_relevance=0.0, min_relevance=0.0)).select(
        "which boards (colour coded allergen-free scratches)?", [passage], 3, set(), avoid=frozenset(said))
    quoted = [pick.unit.parts[0] for pick in picks]
    assert new in quoted and sum(text in said for text in quoted) == 1


@pytest.mark.parametrize(("message", "expected"), [
    ("and from a shop that already ran it through a winter?",
     "how much stock will i sell in my first year (from a shop that already ran it through a winter)?"),
    ("and the status page, when does that get updated?", "and the status page, when does that get updated ("),
    ("but we sell online?", "we sell online ("),
    ("and what about a shop that sells candles?", "how much stock will i sell in my first year (a shop that sells candles)?"),
])
def test_a_continuation_naming_another_case_is_the_previous_question_one_asking_anew_is_not(message, expected):
    follow = resolve(message, "how much stock will i sell in my first year?", ANSWER)
    assert follow.text.startswith(expected)


def test_the_unit_holding_a_figure_the_question_names_fits_it():
    from assistant.answering.compose import kind_fit

    holds = Unit(("Add about 30% for leave and sickness: 3.3 / 0.7 = 4.7, so plan for 5 people.",), "sentence")
    other = Unit(("Occupancy is the share of paid time spent on tickets, because people need breaks.",), "sentence")
    question = "why do you divide by 0.7 at the end (agents tickets)?"
    assert kind_fit("why", question, holds) == 1.0
    assert kind_fit("why", "why do you divide at the end (agents tickets)?", holds) == 0.0
    assert kind_fit("why", question, other) == 1.0  # a reason still fits a why


def test_a_follow_up_borrows_the_topic_the_previous_answer_took_up_not_the_askers_phrasing():
    answer = ("### What the course says\n\n#### Measuring a recommendation engine\n"
              "- A recommendation engine is tracked by conversion rate, order value and repeat purchases. [1]\n")
    follow = resolve("which of those first?", "we launched a recommendation engine, what should i put on the report?", answer)
    assert follow.text.startswith("which of those first (") and "recommendation engine" in follow.text
    assert "launched" not in follow.text and "report" not in follow.text


@pytest.mark.parametrize("message", ["what counts in the cost bit? just the subscription?",
                                     "how would i measure the customer experience one?"])
def test_the_x_bit_or_the_x_one_points_back_at_a_part_of_the_last_answer(message):
    follow = resolve(message, "how do I build a win-back flow?", ANSWER)
    assert follow.elliptical and "win-back" in follow.text


def test_the_best_part_of_something_names_its_own_topic():
    message = "what is the best part of a welcome email?"
    assert resolve(message, PREVIOUS, ANSWER).text == message


STEPS_ANSWER = """### What the course says

#### Returning a faulty kettle
- Unplug the kettle and let it cool for an hour. [1]
- Photograph the fault and the serial plate under the base. [1]
- Post it back in its original carton within 30 days. [1]

#### Refunds
- Refunds reach the card within five working days. [2]
"""


@pytest.mark.parametrize(("message", "member"), [
    ("the second one?", "Photograph the fault and the serial plate under the base."),
    ("and the last step?", "Post it back in its original carton within 30 days."),
])
def test_the_bullets_under_the_first_heading_are_the_list_a_place_points_at(message, member):
    from assistant.reading.elliptical import listed_member

    assert listed_member(message, STEPS_ANSWER) == member
    follow = resolve(message, "how do I send back a broken kettle?", STEPS_ANSWER)
    assert "Photograph the fault" in follow.text if "second" in message else "Post it back" in follow.text


def test_lines_quoted_under_different_headings_are_no_list_to_count():
    from assistant.reading.elliptical import listed_member

    scattered = ("#### Returning a faulty kettle\n- Unplug the kettle and let it cool for an hour. [1]\n\n"
                 "#### Refunds\n- Refunds reach the card within five working days. [2]\n")
    assert listed_member("the second one?", scattered) == ""


def test_a_later_ask_of_one_message_that_leans_on_the_first_borrows_its_topic():
    from assistant.answering.offline import leaning_asks

    asks = leaning_asks(["what does 'tare weight' mean on a pallet?", "and which weight should I quote instead?"])
    assert asks[0] == "what does 'tare weight' mean on a pallet?"
    assert "tare weight" in asks[1] and asks[1].startswith("and which weight should I quote instead")


def test_a_later_ask_with_a_topic_of_its_own_is_searched_as_written():
    from assistant.answering.offline import leaning_asks

    asks = ["How do I store green tea leaves?", "how hot should the water be for oolong brewing?"]
    assert leaning_asks(asks) == asks


def test_a_short_ask_that_leans_back_keeps_leaning_when_a_remark_follows_it():
    follow = resolve("and for a bakery with one oven? we only bake twice a week",
                     "how should I plan flour orders for a cafe", "")
    assert follow.elliptical
    assert "flour orders" in follow.text and "one oven" in follow.text and "twice a week" in follow.text


def test_a_question_of_its_own_followed_by_a_remark_stands_alone():
    follow = resolve("what is a proofing basket? we are a tiny bakery",
                     "how should I plan flour orders for a cafe", "")
    assert not follow.elliptical and "flour" not in follow.text


JAR = "Keep the starter jar lid loose: never screw it tight; the gap allows for gas to escape as the culture ferments."


def test_a_sentence_said_before_is_retold_as_the_part_that_answers_why():
    from assistant.answering.compose import retold

    unit = Unit((JAR,), "sentence")
    cut = retold(unit, "why keep the lid loose (starter jar)?", "why", frozenset({JAR}), typed="why keep the lid loose?")
    assert cut.parts == ("the gap allows for gas to escape as the culture ferments.",)


def test_a_list_said_before_is_retold_as_the_items_the_new_ask_names():
    from assistant.answering.compose import retold

    checks = Unit(("Before baking, check three things:", "Is the starter bubbly and doubled?",
                   "Is the oven fully preheated with the stone inside?", "Is the dough scored about 1 cm deep?"), "list")
    said = frozenset(checks.parts)
    assert retold(checks, "and the oven (baking checks)?", "follow-up", said, typed="and the oven?").parts == (
        checks.parts[0], checks.parts[2])
    assert retold(checks, "where do I begin (baking checks)?", "follow-up", said, typed="where do I begin?").parts == (
        checks.parts[0], checks.parts[1])


def test_what_was_not_said_before_or_has_no_parts_is_quoted_whole():
    from assistant.answering.compose import retold

    unit = Unit((JAR,), "sentence")
    assert retold(unit, "why keep the lid loose?", "why", frozenset()) == unit
    assert retold(unit, "why keep the lid loose?", "why", frozenset({"Another line entirely."})) == unit
    plain = Unit(("Feed the starter twice a day with equal weights of flour and water.",), "sentence")
    assert retold(plain, "why twice a day?", "why", frozenset(plain.parts)) == plain


def test_after_two_things_set_side_by_side_the_second_one_is_not_the_second_line():
    follow = resolve("the second one?", "what's the difference between a kettle refund and a repair?", STEPS_ANSWER)
    assert "Photograph the fault" not in follow.text


def test_a_question_of_its_own_after_an_answer_knows_what_that_answer_quoted():
    follow = resolve("why do kettles need descaling every month?", "how do I send back a broken kettle?", STEPS_ANSWER)
    assert not follow.elliptical and follow.text == "why do kettles need descaling every month?"
    assert "Unplug the kettle and let it cool for an hour." in follow.avoid
    assert resolve("why do kettles need descaling every month?", None).avoid == ()


def test_back_after_a_refused_turn_the_answer_before_it_is_not_avoided():
    from types import SimpleNamespace as Turn

    from assistant.engine import follow_up

    asked = Turn(role="user", content="how do I send back a broken kettle?", payload={})
    answered = Turn(role="assistant", content=STEPS_ANSWER, payload={})
    refused = [Turn(role="user", content="write me a poem", payload={}),
               Turn(role="assistant", content="Sorry, that is outside what I can help with.", payload={"refused": True})]
    message = "what photos of the kettle fault does the shop want?"
    assert follow_up(message, [asked, answered])[1]  # right after the answer: not said again
    assert follow_up(message, [asked, answered, *refused]) == (message, ())


def test_a_unit_of_several_sentences_or_whose_fitting_part_is_its_start_stays_whole():
    from assistant.answering.compose import retold

    rule = ("Use the last 6 to 10 weeks of sales. Fewer than 3 weeks and one busy market day skews it; "
            "more than a year and you miss seasons.")
    unit = Unit((rule,), "sentence")
    assert retold(unit, "why 6 to 10 weeks?", "why", frozenset({rule})) == unit
    start = "Sales from 6 to 10 weeks give a steady base; the figure is then divided by the days in stock."
    assert retold(Unit((start,), "sentence"), "why 6 to 10 weeks?", "why", frozenset({start})) == Unit((start,), "sentence")
