#!/usr/bin/env python
"""Build the club handout 'Leading group hikes' as a PDF (reportlab platypus)
and write a plain-text preview of the same content.

Run:  python make_pdf.py   (needs only reportlab)
"""
import os
import re

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (KeepTogether, ListFlowable, ListItem, PageBreak,
                                Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
PDF_PATH = os.path.join(HERE, "leading-group-hikes.pdf")
TXT_PATH = os.path.join(HERE, "leading-group-hikes.preview.txt")

CLUB = "Hollow Ridge Walking Club"
TITLE = "Leading Group Hikes"
SUBTITLE = "A guide for volunteer walk leaders"

# ---------------------------------------------------------------------------
# Content. Each block: (kind, ...). **text** marks bold in the PDF.
# ---------------------------------------------------------------------------
C = []
H1 = lambda t: C.append(("h1", t))
H2 = lambda t: C.append(("h2", t))
P = lambda t: C.append(("p", t))
UL = lambda *items: C.append(("ul", list(items)))
OL = lambda *items: C.append(("ol", list(items)))
TABLE = lambda caption, rows, widths, note=None: C.append(("table", caption, rows, widths, note))
TIP = lambda t: C.append(("tip", t))
BREAK = lambda: C.append(("break",))

P("For members who lead club walks: the whole job, from choosing a route to closing the walk. "
  "Reread the turn-back rules and emergency steps before each season.")

# 1 -------------------------------------------------------------------------
H1("1. What a walk leader does")
P("A walk leader is the person who has agreed, on behalf of the club, to take a group on a planned "
  "route and bring every one of them back. You are not a paid guide or a rescuer; you are expected "
  "to plan sensibly, keep the group together and decide early. Most problems on club walks do not start with a dramatic accident; they start with small "
  "things nobody acted on: a walker drifting behind, a forecast that was ignored, a start that "
  "slipped by 40 minutes.")
H2("The leader and the back marker")
P("Every walk with more than six people needs two named roles. The **leader** walks at or near the "
  "front, sets the pace, navigates and makes the decisions. The **back marker** walks behind the "
  "last person at all times, never overtakes them, and tells the leader when someone needs to stop. "
  "If the back marker loses sight of the leader for more than two minutes, or someone needs "
  "help, they give two short whistle blasts and the leader halts the group.")
H2("What you are responsible for, and what you are not")
UL("**Before the walk:** a route that matches the advertised grade, a recce, a forecast check, and "
   "clear published details of distance, ascent, start time and required kit.",
   "**During the walk:** pace, navigation, headcounts, weather decisions and the first response to "
   "any illness or injury.",
   "**After the walk:** making sure everyone is back at transport, closing the route card and "
   "recording anything that went wrong.",
   "**Not your job:** carrying other people's kit, or continuing a walk you believe has become unsafe "
   "because the group would like to. Walkers remain responsible for their own fitness, kit and "
   "medication.")

# 2 -------------------------------------------------------------------------
H1("2. Planning the route")
H2("Choosing a route to fit the grade")
P("Clubs grade walks by distance, total ascent and terrain. The published grade is a promise "
  "to the people who sign up. Choose a route from the middle of the "
  "grade, not its upper edge, because every day contains something you did not plan for: a closed "
  "path, a slow walker, a long lunch.")
H2("Estimating time with Naismith's rule")
P("The standard estimate of walking time is Naismith's rule: allow 1 hour for every 5 km of "
  "horizontal distance, plus 1 hour for every 600 m of ascent, which is 10 minutes per 100 m. "
  "For a group, replace the 5 km/h with the group's pace from Table 1, then add the stops.")
P("Example: a 14 km route with 450 m of ascent for a moderate group walking at 4 km/h. Walking time "
  "is 14 \u00f7 4 = 3.5 hours, plus 45 minutes for the climbing, giving 4 hours 15 minutes. Add five "
  "10-minute rest stops (50 minutes) and a 30-minute lunch, and the day comes to about 5 hours 35 "
  "minutes. A 10:00 start means a finish close to 15:35. Steep descents, rough or boggy ground and "
  "snow can add a further 10 to 25%.")
H2("The recce")
P("Walk the route yourself, ideally within four weeks of the date and never more than three months "
  "before it. On the recce, note:")
UL("Path conditions: mud, stiles, overgrown sections, fallen trees, closed or diverted paths.",
   "Your own time for each leg, so that on the day you can tell whether the group is on schedule.",
   "Escape routes: at least one shorter way back from every part of the route. Ideally no point "
   "should be more than 1 hour from an escape route or a road.",
   "Where phones have signal, and where there are toilets and shelter.",
   "Hazards: road crossings, river crossings, cliff edges, fields with livestock.",
   "The exact start point and how many cars the parking will hold.")
H2("The route card")
P("A route card is a one-page plan that someone who is not on the walk can act on. It lists the "
  "start and finish, the route with key waypoints, expected times, escape routes, the turnaround "
  "time, the names of the leader and back marker, the number of walkers, and the time after which "
  "the alarm should be raised. Leave it with a club contact who is not walking. Set the alarm time at 2 hours after the planned finish: late enough that an ordinary delay "
  "does not trigger a false call-out, early enough that a real problem is not left until dark.")
H2("Timing against daylight")
P("Plan to finish at least 1 hour before sunset. In winter, when daylight may be 8 hours or less, "
  "that usually means starting by 09:30 and keeping lunch to 20 minutes. Carry a headtorch on every "
  "walk, whatever the season.")

# 3 -------------------------------------------------------------------------
H1("3. Pace and group size")
H2("Setting the pace")
P("The right pace is the pace of the slowest walker who is fit for the grade. A simple test: the "
  "group should be able to talk in full sentences on the flat and on gentle climbs. If the people "
  "at the back can only answer in single words, you are going too fast. On a long climb, slow down "
  "noticeably and pause for a minute every 10 to 15 minutes to let the group close up. When you "
  "regroup, start timing the rest when the last person arrives, not when you do.")
TABLE("Table 1. Pace and distance by group fitness",
      [["Fitness level", "Typical pace km/h", "Max day distance", "Rest stop every"],
       ["Beginners and mixed-ability", "3.0", "10 km", "45 min"],
       ["Leisurely (occasional walkers)", "3.5", "14 km", "60 min"],
       ["Moderate (regular walkers)", "4.0", "18 km", "60-75 min"],
       ["Strenuous (fit, experienced)", "4.5", "24 km", "90 min"],
       ["Very strenuous (hill-fit)", "5.0", "30 km", "90-120 min"]],
      [55 * mm, 35 * mm, 35 * mm, 35 * mm],
      "Paces are for good paths on level ground; add 10 minutes per 100 m of ascent. Rest stops are "
      "5 to 10 minutes, plus one lunch stop of 20 to 30 minutes. Reduce the maximum distance by a "
      "quarter for rough, pathless or snowy ground.")
H2("Group size")
P("Large groups spread out, queue at gates and stiles, and are slow to count. Rules of thumb:")
UL("Ideal group: 6 to 12 walkers with a leader and a back marker.",
   "13 to 20 walkers: add a second leader or a middle marker, and keep to lowland paths.",
   "Over 20 walkers: split into two groups with separate leaders, starting at least 10 minutes "
   "apart or on different routes.",
   "Remote, hilly or pathless terrain: no more than 10 walkers per leader.",
   "A minimum of 4 people in remote terrain, so that if one is hurt, one can stay with them and two "
   "can go for help together.")
H2("Counting the group")
P("Count at the start, after every stop, at any junction where someone could take the wrong path, "
  "after gates and stiles, and at the finish. Say the number to the back marker (\"fourteen "
  "today\") so that both of you know it. A count takes 20 seconds; a walker found missing an hour "
  "later can take a whole day to find.")
H2("Managing a spread-out group")
UL("Stop at every junction and wait until the back marker is in sight before moving on.",
   "Never leave anyone behind on their own, not even \"just for a few minutes to catch their "
   "breath\". The back marker stays with them.",
   "If one walker is regularly 5 minutes or more behind on easy ground, talk to them quietly at "
   "the next stop. Slow the group or use an escape route; do not let the gap grow.")

# 4 -------------------------------------------------------------------------
H1("4. Kit for walkers and leaders")
H2("What every walker should carry")
P("Publish the kit list with the walk details and check it at the start. On a hill walk, politely "
  "turn away anyone without proper footwear or waterproofs; it is an awkward moment, but far better "
  "than a rescue.")
UL("Footwear with good grip; walking boots for rough, wet or steep ground.",
   "Waterproof jacket with a hood, and waterproof trousers.",
   "A warm layer (fleece or insulated jacket), plus hat and gloves outside high summer.",
   "Water: at least 1 litre for a half-day walk and 2 litres for a full day, more in heat.",
   "Food for the day plus a spare high-energy snack.",
   "Personal medication (inhalers, adrenaline auto-injectors, insulin) and a small blister kit.",
   "Sun protection: hat, sunglasses and sunscreen of SPF 30 or higher.",
   "A charged mobile phone.")
H2("What the leader carries")
UL("A paper map in a waterproof case and a compass, even if you also navigate with a phone or GPS. "
   "Phone batteries drain fastest in the cold.",
   "The route card and a list of participants with emergency contact numbers and any medical "
   "conditions they have chosen to declare.",
   "A first aid kit (contents in section 7).",
   "A group shelter (a lightweight fabric shelter for 4 to 8 people) and a survival bag.",
   "A whistle and a headtorch with spare batteries.",
   "A fully charged phone and a power bank of at least 5,000 mAh.",
   "A spare warm layer, hat and gloves for the walker who underdressed.",
   "Extra water and spare food.")
P("The back marker carries a second, smaller first aid kit, a whistle and a charged phone.")

# 5 -------------------------------------------------------------------------
H1("5. Weather decisions and turn-back rules")
H2("Reading the forecast")
P("Use a mountain or area forecast rather than a town forecast, and check it three times: 48 hours "
  "before the walk, the evening before, and on the morning of the walk. Look at wind and gusts at summit "
  "height, cloud base, temperature at the highest point, and thunderstorm warnings.")
P("Temperature falls by roughly 0.6 to 1 \u00b0C for every 100 m you climb, so a summit 800 m above "
  "the car park can be 5 to 8 \u00b0C colder before any wind. Wind on an exposed ridge is often "
  "twice the valley speed, and wind chill multiplies the effect: an air temperature of 0 \u00b0C with "
  "a 30 km/h wind feels like about -6 \u00b0C.")
H2("Deciding before the walk")
P("You have three choices: go as planned, switch to the bad-weather alternative (lower, shorter, "
  "more sheltered), or cancel. Every walk above the easiest grade should have a bad-weather "
  "alternative worked out at the recce. Decide the evening before where you can and message the "
  "group. If gusts above 65 km/h or thunderstorms "
  "are forecast for the high ground, take the low route without further debate.")
H2("Turn-back triggers")
P("On the hill the summit is always \"only half an hour away\". Agree your triggers in advance "
  "so that the rule makes the decision, not the mood of the moment. If any one condition below is "
  "met, act on it.")
TABLE("Table 2. Turn-back triggers",
      [["Condition", "Threshold", "What the leader does"],
       ["Wind", "Sustained over 50 km/h, or gusts that make walkers stagger, on exposed ground",
        "Leave the ridge or summit by the planned escape route; keep the group close together"],
       ["Thunder and lightning", "Thunder heard, or under 30 seconds between flash and bang",
        "Get off summits and ridges at once; avoid lone trees; spread out 15 m apart; wait 30 min "
        "after the last thunder"],
       ["Visibility", "Under 100 m on pathless or unfamiliar ground",
        "Turn back on the known line or take the escape route; navigate by map and compass"],
       ["Time", "Not at the turnaround point by the turnaround time, or over 30 min behind at halfway",
        "Turn back or shorten the route; protect the 1-hour daylight margin"],
       ["Cold", "Wind chill below -10 \u00b0C, or any walker shivering hard",
        "Shelter, add layers, eat; descend if not improving within 15 min"],
       ["Heat", "Air temperature over 30 \u00b0C, or signs of heat exhaustion",
        "Rest in shade, slow the pace, shorten the route; 0.5 to 1 litre of water per hour"],
       ["Stream crossing", "Water above knee height, or fast and cloudy",
        "Do not cross; use a bridge or turn back"],
       ["A walker", "Injured, exhausted, or managing less than two-thirds of the planned pace",
        "Use the nearest escape route with the whole group; back marker stays with them"]],
      [32 * mm, 62 * mm, 66 * mm])
H2("The turnaround time")
P("The turnaround time is the latest time at which you will turn back from the furthest or highest "
  "point, wherever you are. Work it out backwards from the latest safe finish. Example: sunset is "
  "at 16:30, so the latest finish is 15:30; the return leg, including one stop, takes 2 hours 30 "
  "minutes; so the turnaround time is 13:00.")
TIP("**Tip: set an alarm for your turnaround time.** Put a phone alarm 15 minutes before it, and "
    "another at the time itself. When the first one goes, check your position against the route "
    "card. When the second goes, turn round, wherever you are.")
H2("Making and announcing the call")
P("Turn back early, and explain the decision in one or two sentences: \"We're turning here because "
  "the wind on the ridge will be over 60 km/h. We'll take the valley path and still be at the cafe "
  "by three.\" Listen to concerns, but do not put safety decisions to a vote. "
  "A walk that turns back is not a failed walk.")

# 6 -------------------------------------------------------------------------
BREAK()
H1("6. Briefing the group")
P("Give a start briefing of about 5 minutes in the car park before you set off, with everyone "
  "within earshot and out of the way of traffic. Work through the same points every time:")
OL("Introduce yourself and the back marker, and ask the back marker to raise a hand so everyone "
   "can recognise them.",
   "Describe the route: distance, ascent, expected finish time and where lunch is.",
   "Name today's hazards: road crossings, the steep descent, livestock, the stream crossing.",
   "Explain the group rules: stay between the leader and the back marker; wait at junctions; tell "
   "the back marker before leaving the path for a toilet stop, and leave your rucksack on the path "
   "so you are not missed.",
   "Invite anyone with a medical condition to tell you about it privately, and ask where they keep "
   "their medication.",
   "Check kit: footwear, waterproofs, water and food.",
   "Count the group, announce the number, and make sure you have names and emergency contacts for "
   "everyone, including guests.",
   "Say when and where the first stop will be.")
P("Brief again before each hazard: \"Single file along the verge, we cross together when I say, "
  "and we regroup at the gate.\"")

# 7 -------------------------------------------------------------------------
H1("7. First aid basics and emergencies")
P("Leaders should hold a current outdoor first aid certificate (typically a 16-hour course, "
  "renewed every 3 years). What follows is a reminder of priorities, not a replacement for training.")
H2("The first aid kit")
UL("Disposable gloves, at least 2 pairs.",
   "Hydrocolloid blister dressings and a roll of zinc oxide tape.",
   "Assorted plasters and antiseptic wipes.",
   "2 medium and 1 large sterile wound dressing.",
   "2 triangular bandages and a 7.5 cm conforming bandage.",
   "Tick remover, tweezers and scissors.",
   "A survival bag or foil blanket.",
   "Pencil and a waterproof notebook for recording an incident.")
P("Do not hand out medicines; walkers carry and take their own.")
H2("Common problems and the first response")
UL("**Blisters:** stop at the first hot spot, not when the blister has formed. Cover it with tape or a "
   "hydrocolloid dressing.",
   "**Sprained ankle:** rest, support, and cold from a stream or cold pack if available. If the "
   "walker cannot bear weight after 10 to 15 minutes of rest, treat it as a possible fracture and "
   "do not make them walk on it.",
   "**Hypothermia:** watch for shivering, stumbling, fumbling with zips, slurred speech, and "
   "withdrawn or irrational behaviour. Get the walker out of the wind, add dry layers and a hat, "
   "use the survival bag or group shelter, and give warm sweet drinks if they are alert. Hypothermia means a core temperature below 35 \u00b0C; a cold walker who stops "
   "shivering is getting worse, not better, and needs emergency help.",
   "**Heat exhaustion:** heavy sweating, headache, nausea and dizziness. Move them to shade, "
   "lie them down, cool them with water and give fluids with salts. If there is no "
   "improvement within 30 minutes, or they become confused or hot with dry skin, suspect heatstroke "
   "(body temperature above 40 \u00b0C): call for help and cool them as fast as you can.",
   "**Low blood sugar in a diabetic walker:** give 15 to 20 g of fast sugar (a sugary drink or "
   "glucose tablets), wait 15 minutes, and repeat if they have not improved.",
   "**Severe allergic reaction:** help them use their own auto-injector and call for help at once.")
H2("Emergency procedure")
OL("Stop and make the scene safe: your own safety first, then the group's, then the casualty's. "
   "Move the group to shelter with the back marker in charge.",
   "Assess the casualty: are they responsive, are they breathing, is there serious bleeding? Give "
   "first aid within your training.",
   "Decide whether the casualty can walk out with help by a short escape route, or whether outside "
   "help is needed. If in doubt, call.",
   "Call your local emergency number and ask for the service that handles mountain or outdoor "
   "rescue, where one exists. Give your location as a grid reference or the GPS coordinates from "
   "your phone, what happened, the number of casualties and their injuries, the size of the group, "
   "the weather where you are, and your phone number.",
   "Keep the phone on, save the battery, and stay where you are unless told to move; the rescue "
   "service may call back.",
   "Protect the casualty from cold. Insulate them from the ground with rucksacks or a sit mat.",
   "Do not leave the casualty alone. If there is no signal, send two people for help together, "
   "with the location and details written down; one person stays with the casualty.",
   "Tell the club contact once the situation is under control.")
P("If there is no signal, try higher ground; a text message may get through when a call will not, "
  "and some countries offer an emergency text service (register in advance). The "
  "international mountain distress signal is six whistle blasts or torch flashes spread over one "
  "minute, then a minute's pause, repeated. The reply is three blasts or flashes a minute.")

# 8 -------------------------------------------------------------------------
H1("8. Leave no trace, and after the walk")
H2("Leave no trace")
P("A group of 15 has fifteen times the footprint of one walker. For day walks the principles "
  "come down to these habits:")
UL("**Plan for impact:** keep groups within the size limits above, and avoid fragile sites such as "
   "wet peat and nesting areas in the sensitive season.",
   "**Stay on the path:** walk through puddles rather than around them, which widens the path and "
   "spreads erosion; go single file on narrow paths.",
   "**Pack it out:** everything, including fruit peel and tissues. Fruit peel takes months "
   "to break down.",
   "**Toilet stops:** use the facilities at the start. Outdoors, go at least 60 m (about 70 paces) "
   "from water and paths, dig a hole 15 to 20 cm deep, and carry used paper out in a sealed bag.",
   "**Gates and boundaries:** leave gates as you find them, use stiles and gates rather than "
   "climbing walls or fences.",
   "**Wildlife and livestock:** keep your distance and never feed animals. Dogs on a short lead near "
   "livestock and during nesting season; if cattle threaten, let go of the dog.",
   "**Be considerate:** do not block gateways when parking, car-share at three or four per "
   "car, and let others pass.",
   "**No fires:** no open fires, at any time of year.")
H2("At the finish")
UL("Count the group one last time.",
   "Check that everyone has transport home. In a remote car park or after dark, nobody drives off "
   "until every car has started.",
   "Close the route card: call or message the club contact within 30 minutes of finishing, before "
   "the alarm time is reached.")
H2("Recording and reporting")
P("Log each walk: date, route, numbers and weather. Write an "
  "incident report within 48 hours while details are fresh: what happened, when and where, who was "
  "involved, what you did and the outcome. Report near misses too, such as a walker lost for ten "
  "minutes. Contact anyone who "
  "was injured or unwell within 24 to 48 hours to see how they are.")
H2("Debrief and improve")
P("Spend five minutes with the back marker afterwards on two questions: what went well, and what "
  "would you change? Update the route notes for the next leader, and report path problems such as "
  "broken stiles or fallen trees to the landowner or path authority.")

# 9 -------------------------------------------------------------------------
H1("9. Mistakes to avoid, and summary")
H2("Mistakes to avoid")
UL("Leading the route you would like to walk rather than the one the group can walk.",
   "Skipping the recce because you \"know the area\".",
   "Walking at your own pace at the front and regrouping only when you need a rest yourself.",
   "Letting the start slip by 30 minutes on a winter day, which eats the whole daylight margin.",
   "Treating the turnaround time as something to negotiate.",
   "Leaving a tired walker to \"catch us up\".",
   "Putting safety decisions to a vote.",
   "Forgetting to close the route card, which can start a search for a group already in the cafe.")
H2("Summary")
P("Good walk leading is mostly done before the walk. Choose a route from the "
  "middle of the grade, recce it, time it with Naismith's rule at the group's pace, and leave a "
  "route card with an alarm time. On the day, walk at the pace of the slowest walker, count often, "
  "and keep the group between you and the back marker. Decide your turn-back triggers and "
  "turnaround time in advance and follow them without a vote. Know the first response to "
  "blisters, sprains, cold and heat, and the steps for calling your local emergency number. Leave "
  "no trace, close the route card, and write down what you learned.")


# ---------------------------------------------------------------------------
# Rendering helpers
# ---------------------------------------------------------------------------
def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rich(text):
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", esc(text))


def plain(text):
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def build_pdf():
    ss = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=ss["BodyText"], fontName="Helvetica", fontSize=10,
                          leading=14, spaceAfter=6)
    title = ParagraphStyle("TitleX", parent=ss["Title"], fontName="Helvetica-Bold", fontSize=24,
                           leading=29, spaceAfter=4, textColor=colors.HexColor("#1f4d2b"))
    subtitle = ParagraphStyle("Sub", parent=body, fontSize=13, leading=17, alignment=TA_CENTER,
                              textColor=colors.HexColor("#444444"), spaceAfter=16)
    h1 = ParagraphStyle("H1", parent=body, fontName="Helvetica-Bold", fontSize=15, leading=19,
                        spaceBefore=12, spaceAfter=6, textColor=colors.HexColor("#1f4d2b"),
                        keepWithNext=1)
    h2 = ParagraphStyle("H2", parent=body, fontName="Helvetica-Bold", fontSize=11.5, leading=15,
                        spaceBefore=8, spaceAfter=3, keepWithNext=1)
    cell = ParagraphStyle("Cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    cellh = ParagraphStyle("CellH", parent=cell, fontName="Helvetica-Bold")
    caption = ParagraphStyle("Cap", parent=body, fontName="Helvetica-Bold", fontSize=10,
                             spaceBefore=6, spaceAfter=4)
    note = ParagraphStyle("Note", parent=body, fontName="Helvetica-Oblique", fontSize=8.5,
                          leading=11, spaceBefore=3)

    item = ParagraphStyle("Item", parent=body, spaceAfter=2)
    story = [Paragraph(esc(TITLE), title), Paragraph(esc(SUBTITLE), subtitle)]
    pending = []  # headings waiting to be kept together with the next block

    class Story(list):
        def append(self, f):
            if pending and not isinstance(f, (Spacer, PageBreak)):
                f = KeepTogether(pending + [f])
                del pending[:]
            list.append(self, f)

        def __iadd__(self, fs):
            for f in fs:
                self.append(f)
            return self

    story = Story(story)
    for block in C:
        kind = block[0]
        if kind == "h1":
            pending.append(Paragraph(rich(block[1]), h1))
        elif kind == "h2":
            pending.append(Paragraph(rich(block[1]), h2))
        elif kind == "p":
            story.append(Paragraph(rich(block[1]), body))
        elif kind in ("ul", "ol"):
            items = [ListItem(Paragraph(rich(t), item), leftIndent=14) for t in block[1]]
            if kind == "ul":
                lf = ListFlowable(items, bulletType="bullet", start="\u2022", leftIndent=14,
                                  bulletFontName="Symbol",
                                  bulletFontSize=9)
            else:
                lf = ListFlowable(items, bulletType="1", leftIndent=16, bulletFontName="Helvetica")
            story.append(lf)
            story.append(Spacer(1, 3))
        elif kind == "table":
            _, cap, rows, widths, tnote = block
            data = [[Paragraph(esc(c), cellh) for c in rows[0]]]
            data += [[Paragraph(esc(c), cell) for c in r] for r in rows[1:]]
            t = Table(data, colWidths=widths, repeatRows=1)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e6dc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]))
            parts = [Paragraph(esc(cap), caption), t]
            if tnote:
                parts.append(Paragraph(esc(tnote), note))
            story.append(KeepTogether(parts))
            story.append(Spacer(1, 6))
        elif kind == "tip":
            box = Table([[Paragraph(rich(block[1]), body)]], colWidths=[160 * mm])
            box.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fff3c4")),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#c9a227")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]))
            story += [Spacer(1, 4), box, Spacer(1, 8)]
        elif kind == "break":
            story.append(PageBreak())

    def on_page(canv, doc):
        w, h = A4
        canv.saveState()
        canv.setFont("Helvetica-Bold", 9)
        canv.setFillColor(colors.HexColor("#1f4d2b"))
        canv.drawString(doc.leftMargin, h - 12 * mm, CLUB)
        canv.setFont("Helvetica", 9)
        canv.drawRightString(w - doc.rightMargin, h - 12 * mm, "Walk leader handout")
        canv.setStrokeColor(colors.HexColor("#1f4d2b"))
        canv.setLineWidth(0.5)
        canv.line(doc.leftMargin, h - 14 * mm, w - doc.rightMargin, h - 14 * mm)
        canv.setFillColor(colors.black)
        canv.drawCentredString(w / 2, 10 * mm, "Page %d" % doc.page)
        canv.restoreState()

    doc = SimpleDocTemplate(PDF_PATH, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=22 * mm, bottomMargin=20 * mm, title=TITLE,
                            author=CLUB, subject=SUBTITLE)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def build_preview():
    out = [TITLE, SUBTITLE, ""]
    for block in C:
        kind = block[0]
        if kind == "h1":
            out += ["# " + plain(block[1]), ""]
        elif kind == "h2":
            out += ["## " + plain(block[1]), ""]
        elif kind == "p":
            out += [plain(block[1]), ""]
        elif kind == "ul":
            out += ["- " + plain(t) for t in block[1]] + [""]
        elif kind == "ol":
            out += ["%d. %s" % (i, plain(t)) for i, t in enumerate(block[1], 1)] + [""]
        elif kind == "table":
            _, cap, rows, _, tnote = block
            out.append(cap)
            out += [" | ".join(r) for r in rows]
            if tnote:
                out.append(tnote)
            out.append("")
        elif kind == "tip":
            out += [plain(block[1]), ""]
    with open(TXT_PATH, "w", encoding="utf-8") as f:
        f.write("\n".join(out).rstrip() + "\n")


if __name__ == "__main__":
    build_pdf()
    build_preview()
    print("wrote", PDF_PATH)
    print("wrote", TXT_PATH)
