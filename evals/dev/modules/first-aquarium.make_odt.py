#!/usr/bin/env python3
"""Build first-aquarium.odt (and its preview) using only the standard library."""
import re, zipfile, os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ODT = os.path.join(HERE, "first-aquarium.odt")
PREVIEW = os.path.join(HERE, "first-aquarium.preview.txt")
TITLE = "Your First Freshwater Aquarium"

# Inline markup: **bold**, *italic*, [br] soft line break, [tab] tab, {{fn:text}} footnote
B = []
def H(level, text): B.append(("h", level, text))
def P(text): B.append(("p", text))
def UL(items): B.append(("ul", items))
def OL(items): B.append(("ol", items))
def BOX(text): B.append(("box", text))
def TABLE(caption, header, rows): B.append(("table", caption, header, rows))

P("*A practical guide for complete beginners: from choosing the tank to keeping fish healthy for years.*")

H(1, "1. Planning: tank size and place")
P("An aquarium is a small, closed ecosystem: everything the fish produce stays in the water until bacteria, plants or you remove it. Tank size and position decide how forgiving it will be.")
H(2, "Why a bigger tank is easier")
P("Small tanks seem simpler, but the opposite is true. A larger volume of water **dilutes mistakes**: a little too much food, a dead snail hidden behind a rock or a missed water change raises the ammonia level far less in 100 litres than in 20 litres. Temperature also changes more slowly.")
P("For a first aquarium, a tank of **60 to 120 litres** is the best compromise between stability, cost and the work of weekly water changes. Tanks under 40 litres are suitable only for a single small fish such as a betta, or for shrimp, and they demand more careful testing. A long, low tank is better than a tall, narrow one of the same volume, because the water surface, where oxygen enters, is larger, and most community fish swim horizontally.")
H(2, "Choosing the right spot")
P("Decide where the tank will stand before you buy it, because once it is filled it cannot be moved without being emptied. A good place is:")
UL([
    "Out of direct sunlight, which heats the water and feeds green algae.",
    "At least 1 metre away from radiators, fireplaces, air-conditioning outlets, outside doors and draughty windows.",
    "Close to a power socket, so that cables do not cross walkways. Let each cable hang in a **drip loop** (a U-shaped dip below the socket) so that any water running down the cable drips off before it reaches the plug.",
    "Away from slamming doors and loudspeakers; vibration stresses fish.",
    "Easy to reach for maintenance, with space above the tank to lift the lid and put your arm in.",
])
H(3, "Weight and support")
P("Water weighs **1 kilogram per litre**. With glass, substrate, rocks and the stand, a filled tank weighs roughly 1.3 times its volume in kilograms, so a 100-litre aquarium weighs about 130 kg. Always use a stand made for aquariums, or furniture you know can carry that load. Check with a spirit level that the stand is level in both directions; an uneven base puts stress on the glass seams.")

H(1, "2. The equipment you need")
P("Six pieces of equipment are essential. Set them up **before** you buy any fish.")
H(2, "Filter")
P("The filter is the life-support system of the tank. It does three jobs: **mechanical** filtration (trapping debris in sponges), **biological** filtration (giving beneficial bacteria a home) and sometimes **chemical** filtration (for example activated carbon). The biological job is by far the most important. Choose a filter rated to move **4 to 6 times the tank volume per hour**; for a 100-litre tank that means 400 to 600 litres per hour.")
H(2, "Heater and thermometer")
P("Most popular aquarium fish are tropical and need a stable temperature of **24 to 26 °C**. An adjustable heater with a built-in thermostat keeps the water there. A simple guide is **1 watt per litre**: 100 W for a 100-litre tank. Place the heater near the filter outlet so that warm water is spread evenly.")
P("Never trust the heater dial alone: a separate thermometer, glass or digital, placed at the opposite end of the tank from the heater, tells you the real temperature. Stick-on strip thermometers on the outside of the glass are cheap but can be 1 to 2 °C out.")
H(2, "Light, test kit and substrate")
P("A **light** lets you see the fish and lets plants grow; LED units use little electricity. Fish need a day and a night: run the light for **8 to 10 hours a day**, ideally on a plug-in timer, so the rhythm stays the same even when you are busy.")
P("A **test kit** is the only way to see what is happening in the water. Liquid kits with drops and test tubes are more accurate than dip strips and last longer for the money. You need tests for ammonia, nitrite, nitrate and pH.")
P("**Substrate** is the material covering the bottom. Smooth, rounded gravel of 2 to 5 mm or fine sand both suit beginners. Bottom-dwelling fish such as corydoras catfish need smooth grains because they sift through the substrate with their barbels. Lay 5 to 7 cm if you want rooted plants, and rinse the substrate in a bucket until the water runs clear before it goes into the tank.")
P("Checklist before you fill the tank:")
UL([
    "Tank with a lid (many fish jump) and a level stand",
    "Filter, heater, thermometer, light and timer",
    "Liquid test kit for ammonia, nitrite, nitrate and pH",
    "Substrate, plus a few rocks or pieces of wood for hiding places",
    ("Small extras that are easy to forget:", [
        "water conditioner (dechlorinator) for every batch of tap water",
        "a bucket used only for the aquarium, never for household cleaning",
        "a gravel vacuum (siphon) for water changes",
        "a fine fish net and an algae scraper or magnet",
    ]),
])
BOX("**Tip:** Tap water usually contains chlorine or chloramine, which kill fish and the filter bacteria. Treat every bucket of new water with conditioner before it touches the tank, dosed for the volume you are adding, not the whole tank.")

H(1, "3. The nitrogen cycle and cycling a new tank")
P("Ignoring the nitrogen cycle causes most deaths in new aquariums, a problem called **new tank syndrome**.")
H(2, "How the cycle works")
P("Fish excrete **ammonia** through their gills and waste, and rotting food and plants release more. Ammonia is highly toxic even at low levels. In a healthy tank two groups of bacteria deal with it:")
OL([
    "The first group converts ammonia into **nitrite**, which is also toxic because it stops the blood from carrying oxygen.",
    "The second group converts nitrite into **nitrate**, which is far less harmful and only becomes a problem when it builds up.",
    "Nitrate is removed by your regular water changes and, partly, by plants, which use it as fertiliser.",
])
P("These bacteria live on surfaces, mostly inside the filter media, not floating in the water. A brand-new tank has almost none. **Cycling** means growing a large enough colony of them before the fish arrive, so that ammonia and nitrite are processed as fast as they are produced.")
H(2, "Fishless cycling step by step")
P("The kindest method is a fishless cycle, in which you feed the bacteria with a measured ammonia source instead of exposing fish to it:")
OL([
    "Set up the tank completely, fill it with conditioned water and run the filter and heater 24 hours a day.",
    "Set the temperature to 26 to 28 °C; bacteria grow faster in warm water.",
    "Add pure ammonia solution (without perfume or soap) or a pinch of fish food until the test reads about **2 mg/L** of ammonia.",
    "Test ammonia and nitrite every one or two days and write the results down.",
    "Whenever ammonia falls close to 0, dose back up to 2 mg/L.",
    "The cycle is complete when the tank turns 2 mg/L of ammonia into **0 ammonia and 0 nitrite within 24 hours**, several days in a row.",
    "Then do a large water change of about 50% to bring nitrate down, set the heater to the fishes' temperature, and add the first fish within a day or two so the bacteria do not starve.",
])
H(3, "Typical timeline")
P("Every tank is different, but a fishless cycle usually follows this pattern:")
UL([
    "**Days 1 to 10:** ammonia stays high; nitrite is 0 or barely detectable.",
    "**Days 7 to 21:** ammonia starts to fall quickly and nitrite appears and rises, sometimes off the top of the colour chart.",
    "**Weeks 3 to 6:** nitrite falls to 0 and nitrate begins to rise steadily.",
    "**Overall:** 4 to 6 weeks is normal; 8 weeks is not unusual in cool or soft water.",
])
P("You can shorten the process by adding a used sponge or some filter media from a healthy, disease-free aquarium, which carries a ready-made bacterial colony.")
BOX("**Warning:** Do not add fish to a tank that has been running for only a few days, even if the water looks crystal clear. Clear water says nothing about ammonia or nitrite. If fish are already in an uncycled tank, test daily and change 25 to 50% of the water whenever ammonia or nitrite reaches 0.25 mg/L, feed very little, and add no more fish until both stay at 0.")

H(1, "Water parameters and how to test them")
P("Water chemistry is invisible; only a test shows it. Knowing the safe range for each parameter tells you when to act.")
H(2, "The five parameters to know")
UL([
    "**Ammonia (NH3/NH4+):** target **0 mg/L**. Any reading above 0.25 mg/L needs a water change; above 1 mg/L is an emergency.{{fn:Ammonia is more dangerous in warm, alkaline water. Above pH 7, and the warmer the water, the larger the share present as free ammonia (NH3), the toxic form; below pH 7 most of it is ammonium (NH4+), which is much less harmful. Most kits measure both together as total ammonia, so treat any reading as a warning.}}",
    "**Nitrite (NO2-):** target **0 mg/L**. Above 0.25 mg/L, change water and feed less until it returns to 0.",
    "**Nitrate (NO3-):** keep **below 40 mg/L**, ideally below 20 mg/L. Rising nitrate tells you how much waste your water changes must remove.",
    "**pH:** a range of **6.5 to 7.8** suits most beginner fish. Stability matters more than an exact value; avoid changes of more than 0.3 in a day.",
    "**Temperature:** **24 to 26 °C** for a tropical community tank, 18 to 22 °C for coldwater species. Keep daily swings within 1 to 2 °C.",
])
P("Note that mg/L and ppm (parts per million) mean the same thing in aquarium tests, so a reading of 20 ppm nitrate is 20 mg/L.")
H(2, "How to test correctly")
P("Liquid kits all follow a similar routine. Read the instructions for your kit, because drop counts and waiting times differ:")
OL([
    "Rinse the test tube with tank water, then fill it exactly to the 5 mL line (or the line your kit shows).",
    "Add the drops in the order given, holding the bottle vertically so each drop is the same size.",
    "Cap the tube and shake or invert it; some nitrate reagents must be shaken hard for 30 seconds or more.",
    "Wait the stated time, usually 5 minutes, and then read the colour against the card in daylight, with the tube in front of the white part of the card.",
    "Write the date, time and result in a logbook and rinse the tube with clean water.",
])
P("Test at the same time of day, before feeding, so results can be compared. Test every 1 to 2 days during cycling, weekly during the first two months with fish, then every two weeks, and always when fish gasp at the surface, hide, stop eating or clamp their fins.")
P("A sample log line looks like this:[br]Date[tab]Ammonia[tab]Nitrite[tab]Nitrate[tab]pH[tab]°C[br]3 March[tab]0[tab]0[tab]15[tab]7.2[tab]25")

H(1, "4. Choosing, stocking and feeding fish")
H(2, "Choosing beginner fish")
P("Good first fish are hardy, peaceful, stay small and accept ordinary flake food. Check the **adult** size, not the size in the shop, and whether the species must live in a group. Small shoaling fish feel secure and show natural behaviour only in groups of at least six. Table 1 lists reliable choices.")
TABLE("Table 1: Reliable beginner fish",
      ["Species", "Adult size (cm)", "Temperature (°C)", "Minimum tank (litres)", "Temperament"],
      [
        ["Zebra danio", "5", "18–25", "60", "Peaceful, very active; groups of 6 or more"],
        ["White Cloud Mountain minnow", "4", "16–22", "40", "Peaceful; coldwater, no heater needed in a warm room"],
        ["Harlequin rasbora", "4.5", "23–27", "60", "Peaceful shoaler; groups of 6 or more"],
        ["Neon tetra", "3.5", "22–26", "60", "Peaceful; add only to a mature tank"],
        ["Platy", "6", "20–26", "60", "Peaceful livebearer; breeds readily"],
        ["Bronze corydoras", "6.5", "22–26", "80", "Peaceful bottom dweller; groups of 6, sand or smooth gravel"],
        ["Cherry barb", "5", "23–27", "60", "Peaceful; males show red colour"],
        ["Bristlenose catfish", "12", "22–26", "100", "Peaceful with other fish; keep one male per tank"],
      ])
P("Avoid common goldfish (over 20 cm as adults and very messy) and large cichlids in a first tank.")
H(2, "A stocking rule of thumb")
P("A widely used rule for small, slim fish is **1 cm of adult fish length per 2 litres of water**. Use the real water volume, not the number printed on the box: substrate, rocks and wood take up space, so the net volume is usually about **85%** of the nominal volume. The rule does not work for deep-bodied or messy fish such as goldfish, which need far more room per centimetre.")
H(3, "Worked example: a 100-litre tank")
OL([
    "Net water volume: 100 L × 0.85 = **85 litres**.",
    "Stocking budget: 85 ÷ 2 = **42.5 cm** of adult fish.",
    "Plan: 6 harlequin rasboras (6 × 4.5 cm = 27 cm) plus 2 platies (2 × 6 cm = 12 cm) = **39 cm**, which is within the budget.",
    "Check temperatures: harlequins need 23–27 °C and platies 20–26 °C, so both are comfortable at 24–25 °C.",
    "Check tank size: both species need at least 60 litres, so a 100-litre tank is fine.",
])
P("Staying below the maximum is wise: the spare 3.5 cm leaves room for surviving platy fry.")
H(2, "Adding fish gradually")
P("Even a fully cycled tank has only enough bacteria for the ammonia source it was fed. Adding all the fish at once can overwhelm the colony. Add the first group, no more than about **one third** of your planned stock, wait **two weeks**, test that ammonia and nitrite are still 0, then add the next group.")
P("To acclimatise new fish:")
OL([
    "Switch off the tank light and float the closed bag on the surface for 15 to 20 minutes so the temperatures can equalise.",
    "Open the bag and add about a cupful of tank water every 5 minutes, three or four times, so the fish adjust to the new pH.",
    "Catch the fish with a net and release them into the tank. Pour the bag water away; do not add it to the aquarium.",
    "Leave the light off for the rest of the day and do not feed until the next day.",
])
H(2, "Feeding")
P("Feed **once or twice a day** only as much as the fish eat completely in about **2 minutes**. Use a good flake or small pellet as the staple, add frozen or live foods such as bloodworm or brine shrimp once or twice a week, and give bottom dwellers sinking tablets just after the light goes off. One day a week without food is healthy for adult fish. Overfeeding is the most common cause of ammonia spikes and cloudy water in established tanks.")

H(1, "Maintenance, plants and holidays")
H(2, "Weekly water changes")
P("Partial water changes remove nitrate and replace minerals. The standard is **20 to 25% of the water every week**. The calculation is simple:[br]*Litres to change = tank litres × 0.25*[br]For a 100-litre tank that is 25 litres, or two and a half 10-litre buckets; for a 60-litre tank at 20% it is 60 × 0.20 = 12 litres.")
OL([
    "Unplug the heater and filter (a heater that is out of the water can crack).",
    "Use the gravel vacuum to siphon water into the bucket while pushing the tube into the substrate to lift trapped debris.",
    "Fill the bucket with tap water within 1 to 2 °C of the tank temperature and add conditioner for the volume in the bucket.",
    "Pour the new water in slowly, over a plate or your hand, so the substrate is not stirred up.",
    "Switch the equipment back on and check that the heater light and filter flow are working.",
])
P("Let your test results guide you. If nitrate rises above 40 mg/L between changes, change more water or change it more often; if nitrate stays below 10 mg/L, your routine is working well.")
H(2, "Monthly and occasional tasks")
P("Once a month, or whenever the flow from the filter slows noticeably, squeeze the filter sponges in a bucket of **old tank water** removed during a water change. Never rinse them under the tap, and never replace all the media at once, because that throws away the bacterial colony; if media must be replaced, change no more than half at a time, a month apart. Table 2 summarises a complete routine.")
TABLE("Table 2: Maintenance schedule",
      ["Task", "How often", "Time needed", "Notes"],
      [
        ["Check temperature, equipment and fish behaviour", "Daily", "2 minutes", "Count the fish while feeding"],
        ["Feed", "1–2 times a day", "2 minutes", "Only what is eaten in 2 minutes"],
        ["Partial water change with gravel vacuum", "Weekly", "30–45 minutes", "20–25%; condition the new water and match temperature"],
        ["Test ammonia, nitrite, nitrate and pH", "Weekly for 2 months, then every 2 weeks", "15 minutes", "Record results in a log"],
        ["Clean algae from the front glass", "Weekly", "5–10 minutes", "Use a scraper or magnet before the water change"],
        ["Squeeze filter sponges in old tank water", "Monthly or when flow drops", "15 minutes", "Never use tap water; never replace all media at once"],
        ["Trim plants and remove dead leaves", "Every 2–4 weeks", "10–15 minutes", "Rotting leaves add ammonia"],
        ["Clean filter impeller and hoses; check heater", "Every 3 months", "30 minutes", "Unplug everything first"],
      ])
H(2, "Live plants")
P("Live plants absorb ammonia and nitrate, compete with algae for nutrients, add oxygen during the day and give fish places to hide. Good beginner plants need only moderate light:")
UL([
    "**Java fern** and **anubias**: tie them to wood or rock with cotton thread; burying their thick stem (the rhizome) makes it rot.",
    "**Cryptocoryne** and **Amazon sword**: rooted plants that benefit from a fertiliser tablet pushed into the substrate every 2 to 3 months.",
    "**Vallisneria** and **hornwort**: fast growers that take up a lot of nitrate and help control algae.",
])
P("New plants often shed a few leaves while they adapt; remove them and be patient. Too much light, more than 10 hours a day, leads to algae, not to better plant growth.")
H(2, "Going on holiday")
P("Healthy adult fish in a mature tank can safely go **up to a week without food**; they are far more at risk from overfeeding by a helpful neighbour. Before leaving, do a normal water change two or three days in advance, check that the heater and timer work, and do not add new fish during the two weeks before departure. Avoid slow-release holiday food blocks, which often dissolve and pollute the water.")
P("For longer trips, ask someone to feed every second day from a pill organiser you have filled with one portion per compartment, and leave written instructions: feed only what is in the compartment and change nothing else.")

H(1, "5. Health, disease and quarantine")
P("Most fish diseases start with stress, and most stress starts with poor water. When fish look ill, **test the water first**, correct any problem with water changes, and only then consider medication.")
H(2, "Common diseases")
UL([
    "**White spot (ich):** small white dots like grains of salt on the body and fins; fish rub against objects. Caused by a parasite. Treat the whole tank with a white spot remedy for the full course and, if the species tolerate it, raise the temperature slowly to 28 °C to speed up the parasite's life cycle.",
    "**Fin rot:** frayed, whitish or shrinking fin edges. Almost always a sign of poor water or fin-nipping. Improve the water; use an antibacterial treatment only if it keeps spreading.",
    "**Fungus:** white, cotton-wool-like tufts, usually on an injury. Treat with an antifungal remedy and look for the cause of the injury.",
    "**Bloating and swimming problems:** often caused by overfeeding or dry food. Fast the fish for 2 to 3 days.",
])
P("When you medicate, remove activated carbon from the filter (it absorbs medicine), dose for the net water volume, never combine two treatments, and keep the tank well aerated.")
H(2, "Quarantine")
P("Every new fish may carry a disease that does not show yet. A **quarantine tank** of 30 to 60 litres with a heater, a sponge filter that has been kept running in the main tank so it is already colonised, and one hiding place lets you watch new arrivals for **3 to 4 weeks** before they join the community. The same small tank serves as a hospital tank for treating a sick fish without medicating the whole aquarium. Use a separate net and bucket for it, and wash your hands between tanks.")

H(1, "Mistakes to avoid")
UL([
    "Adding fish on the day the tank is set up, before the nitrogen cycle is established.",
    "Buying fish on impulse without checking their adult size, temperature needs and group size.",
    "Adding many fish at once instead of in groups two weeks apart.",
    "Overfeeding, the most common cause of ammonia spikes and cloudy water.",
    "Cleaning the filter under the tap or replacing all media at once.",
    "Skipping water changes because the water \"looks clean\"; ammonia and nitrate are invisible.",
    "Using tap water without conditioner, or a bucket that has held household cleaners.",
    "Medicating at the first sign of trouble without testing the water.",
])

H(1, "Summary")
P("A first aquarium succeeds through patience and routine. Choose a 60 to 120-litre tank on a level, strong stand away from sunlight and heat, with a filter, heater, thermometer, light, liquid test kit and substrate. Cycle the tank for 4 to 6 weeks until it turns 2 mg/L of ammonia into 0 ammonia and 0 nitrite within 24 hours. Keep ammonia and nitrite at 0, nitrate below 40 mg/L, pH between 6.5 and 7.8 and the temperature steady at 24 to 26 °C for tropical fish.")
P("Choose hardy, peaceful species, stock at no more than 1 cm of adult fish per 2 litres of net volume, and add them in small groups two weeks apart after quarantine. Feed sparingly, change 20 to 25% of the water weekly, clean the filter only in old tank water, and log your tests. Fish in stable, clean water rarely get sick.")

# ---------------------------------------------------------------- rendering
TOKEN = re.compile(r"(\*\*.+?\*\*|\*.+?\*|\[br\]|\[tab\]|\{\{fn:.+?\}\})")
fn_counter = [0]
fn_preview = []

def inline_xml(s):
    out = []
    for part in TOKEN.split(s):
        if not part:
            continue
        if part.startswith("**"):
            out.append('<text:span text:style-name="T1">%s</text:span>' % escape(part[2:-2]))
        elif part.startswith("{{fn:"):
            fn_counter[0] += 1
            n = fn_counter[0]
            out.append('<text:note text:id="ftn%d" text:note-class="footnote">'
                       '<text:note-citation>%d</text:note-citation><text:note-body>'
                       '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                       % (n, n, escape(part[5:-2])))
        elif part.startswith("*"):
            out.append('<text:span text:style-name="T2">%s</text:span>' % escape(part[1:-1]))
        elif part == "[br]":
            out.append("<text:line-break/>")
        elif part == "[tab]":
            out.append("<text:tab/>")
        else:
            out.append(escape(part))
    return "".join(out)

def inline_text(s, notes):
    out = []
    for part in TOKEN.split(s):
        if not part:
            continue
        if part.startswith("**"):
            out.append(part[2:-2])
        elif part.startswith("{{fn:"):
            notes.append(part[5:-2])
            out.append("[%d]" % (len(fn_preview) + len(notes)))
        elif part.startswith("*"):
            out.append(part[1:-1])
        elif part == "[br]":
            out.append("\n")
        elif part == "[tab]":
            out.append("\t")
        else:
            out.append(part)
    return "".join(out)

def list_xml(items, style, pstyle):
    x = ['<text:list text:style-name="%s">' % style]
    for it in items:
        if isinstance(it, tuple):
            text, sub = it
            x.append('<text:list-item><text:p text:style-name="%s">%s</text:p>' % (pstyle, inline_xml(text)))
            x.append(list_xml(sub, style, pstyle))
            x.append("</text:list-item>")
        else:
            x.append('<text:list-item><text:p text:style-name="%s">%s</text:p></text:list-item>' % (pstyle, inline_xml(it)))
    x.append("</text:list>")
    return "".join(x)

body = []
body.append('<text:p text:style-name="Title">%s</text:p>' % escape(TITLE))
prev = [TITLE, ""]
tcount = 0
for blk in B:
    kind = blk[0]
    if kind == "h":
        _, lvl, text = blk
        body.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>' % (lvl, lvl, escape(text)))
        prev += [("## " if lvl == 1 else "### ") + text, ""]
    elif kind == "p":
        body.append('<text:p text:style-name="P1">%s</text:p>' % inline_xml(blk[1]))
        notes = []
        prev += [inline_text(blk[1], notes), ""]
        for n in notes:
            fn_preview.append(n)
            prev += ["Footnote %d: %s" % (len(fn_preview), n), ""]
    elif kind in ("ul", "ol"):
        style = "L1" if kind == "ul" else "L2"
        body.append(list_xml(blk[1], style, "P2"))
        notes = []
        for it in blk[1]:
            if isinstance(it, tuple):
                prev.append("- " + inline_text(it[0], notes))
                for s in it[1]:
                    prev.append("  - " + inline_text(s, notes))
            else:
                prev.append("- " + inline_text(it, notes))
        prev.append("")
        for n in notes:
            fn_preview.append(n)
            prev += ["Footnote %d: %s" % (len(fn_preview), n), ""]
    elif kind == "box":
        body.append('<text:p text:style-name="Box">%s</text:p>' % inline_xml(blk[1]))
        prev += [inline_text(blk[1], []), ""]
    elif kind == "table":
        _, cap, head, rows = blk
        tcount += 1
        tn = "Table%d" % tcount
        body.append('<text:p text:style-name="Caption">%s</text:p>' % escape(cap))
        t = ['<table:table table:name="%s" table:style-name="%s">' % (tn, tn)]
        for i in range(len(head)):
            t.append('<table:table-column table:style-name="%s.%s"/>' % (tn, chr(65 + i)))
        t.append("<table:table-header-rows><table:table-row>")
        for h in head:
            t.append('<table:table-cell table:style-name="CellH" office:value-type="string">'
                     '<text:p text:style-name="Table_20_Heading">%s</text:p></table:table-cell>' % escape(h))
        t.append("</table:table-row></table:table-header-rows>")
        for r in rows:
            t.append("<table:table-row>")
            for c in r:
                t.append('<table:table-cell table:style-name="Cell" office:value-type="string">'
                         '<text:p text:style-name="Table_20_Contents">%s</text:p></table:table-cell>' % escape(c))
            t.append("</table:table-row>")
        t.append("</table:table>")
        body.append("".join(t))
        prev += [cap, "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        prev += ["| " + " | ".join(r) + " |" for r in rows]
        prev.append("")

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')

def table_styles():
    widths = {1: ["3.6cm", "2.2cm", "2.6cm", "2.8cm", "5.8cm"], 2: ["5.2cm", "3.8cm", "2.8cm", "5.2cm"]}
    x = []
    for n, ws in widths.items():
        x.append('<style:style style:name="Table%d" style:family="table"><style:table-properties '
                 'style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style>' % n)
        for i, w in enumerate(ws):
            x.append('<style:style style:name="Table%d.%s" style:family="table-column">'
                     '<style:table-column-properties style:column-width="%s"/></style:style>' % (n, chr(65 + i), w))
    x.append('<style:style style:name="CellH" style:family="table-cell"><style:table-cell-properties '
             'fo:background-color="#d9e8f0" fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>')
    x.append('<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties '
             'fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>')
    return "".join(x)

content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
  '<office:document-content %s office:version="1.3">'
  '<office:scripts/>'
  '<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>'
  '<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>'
  '<office:automatic-styles>'
  '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:text-align="justify"/></style:style>'
  '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="List_20_Contents"/>'
  '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>'
  '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"/></style:style>'
  '%s'
  '<text:list-style style:name="L1">'
  '<text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-bullet>'
  '<text:list-level-style-bullet text:level="2" text:bullet-char="◦"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.905cm" fo:text-indent="-0.635cm" fo:margin-left="1.905cm"/></style:list-level-properties></text:list-level-style-bullet>'
  '</text:list-style>'
  '<text:list-style style:name="L2">'
  '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties></text:list-level-style-number>'
  '</text:list-style>'
  '</office:automatic-styles>'
  '<office:body><office:text>'
  '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>'
  '%s'
  '</office:text></office:body></office:document-content>') % (NS, table_styles(), "".join(body))

def pstyle(name, display, parent, props, next_=None, cls="text", outline=None):
    a = 'style:name="%s" style:display-name="%s" style:family="paragraph"' % (name, display)
    if parent: a += ' style:parent-style-name="%s"' % parent
    if next_: a += ' style:next-style-name="%s"' % next_
    if outline: a += ' style:default-outline-level="%d"' % outline
    a += ' style:class="%s"' % cls
    return '<style:style %s>%s</style:style>' % (a, props)

styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
  '<office:document-styles @NS@ office:version="1.3">'
  '<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>'
  '<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>'
  '<office:styles>'
  '<style:default-style style:family="paragraph"><style:paragraph-properties style:tab-stop-distance="1.25cm"/>'
  '<style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="en" fo:country="GB"/></style:default-style>'
  + pstyle("Standard", "Standard", None, "")
  + pstyle("Heading", "Heading", "Standard", '<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt"/>', "Text_20_body")
  + pstyle("Text_20_body", "Text body", "Standard", '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/>')
  + pstyle("Title", "Title", "Heading", '<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/>', "Text_20_body", "chapter")
  + pstyle("Heading_20_1", "Heading 1", "Heading", '<style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="#1f4e79"/>', "Text_20_body", outline=1)
  + pstyle("Heading_20_2", "Heading 2", "Heading", '<style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>', "Text_20_body", outline=2)
  + pstyle("Heading_20_3", "Heading 3", "Heading", '<style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/>', "Text_20_body", outline=3)
  + pstyle("List_20_Contents", "List Contents", "Text_20_body", '<style:paragraph-properties fo:margin-bottom="0.1cm"/>', cls="list")
  + pstyle("Caption", "Caption", "Standard", '<style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-style="italic" fo:font-weight="bold"/>', cls="extra")
  + pstyle("Table_20_Contents", "Table Contents", "Standard", '<style:text-properties fo:font-size="10pt"/>', cls="extra")
  + pstyle("Table_20_Heading", "Table Heading", "Table_20_Contents", '<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/>', cls="extra")
  + pstyle("Footnote", "Footnote", "Standard", '<style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.6cm"/><style:text-properties fo:font-size="10pt"/>', cls="extra")
  + pstyle("Box", "Tip Box", "Text_20_body", '<style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.4cm" fo:margin-left="0.5cm" fo:margin-right="0.5cm" fo:padding="0.3cm" fo:border="1.5pt solid #2e75b6" fo:background-color="#eaf3fb"><style:background-image/></style:paragraph-properties>')
  + '<text:outline-style style:name="Outline">'
  + "".join('<text:outline-level-style text:level="%d" style:num-format=""><style:list-level-properties/></text:outline-level-style>' % i for i in range(1, 11))
  + '</text:outline-style>'
  '<text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>'
  '</office:styles>'
  '<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
  '<style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/></style:page-layout></office:automatic-styles>'
  '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>'
  '</office:document-styles>').replace("@NS@", NS)

meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
  '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
  'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"><office:meta>'
  '<meta:generator>first-aquarium.make_odt.py (Python zipfile)</meta:generator>'
  '<dc:title>%s</dc:title><dc:language>en-GB</dc:language>'
  '<meta:initial-creator>Course Materials Team</meta:initial-creator>'
  '<meta:creation-date>2026-12-07T22:45:00</meta:creation-date>'
  '</office:meta></office:document-meta>') % escape(TITLE)

manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
  '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
  '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
  '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
  '</manifest:manifest>')

with zipfile.ZipFile(ODT, "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
    z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)

with open(PREVIEW, "w", encoding="utf-8") as f:
    f.write("\n".join(prev).rstrip() + "\n")
print("wrote", ODT, "and", PREVIEW)
