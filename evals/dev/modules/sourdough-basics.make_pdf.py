#!/usr/bin/env python3
"""Generator for the slide deck 'Sourdough bread at home: a beginner's course'.
Writes sourdough-basics.pdf (one slide per landscape page) and
sourdough-basics.preview.txt (teaching content only) beside this script."""
import os
from reportlab.lib.pagesizes import landscape, A4
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Paragraph, Table, TableStyle, Frame, KeepInFrame, Spacer
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
PDF = os.path.join(HERE, "sourdough-basics.pdf")
PREVIEW = os.path.join(HERE, "sourdough-basics.preview.txt")

SCHOOL = "Millstone Community Baking School"
DATE = "Saturday 14 March 2026"
COURSE = "Sourdough bread at home: a beginner's course"

# Slide kinds: title, agenda, section, bullets, para, table, questions, thanks
# bullets: list of str or (str, [sub, ...])
S = []
def title(): S.append(dict(kind="title"))
def agenda(items): S.append(dict(kind="agenda", title="Agenda", items=items))
def section(name): S.append(dict(kind="section", title=name))
def bullets(t, items): S.append(dict(kind="bullets", title=t, items=items))
def para(t, text): S.append(dict(kind="para", title=t, text=text))
def table(t, rows, note=None, widths=None): S.append(dict(kind="table", title=t, rows=rows, note=note, widths=widths))

SECTIONS = [
    "Your Starter",
    "Flour, Water and Baker's Percentages",
    "Mixing and Bulk Fermentation",
    "Shaping and Proofing",
    "Scoring and Baking with Steam",
    "A Weekly Baking Schedule",
    "Troubleshooting and Storing Bread",
]

title()
agenda(SECTIONS)

# ---------------------------------------------------------------- 1
section(SECTIONS[0])
para("What a sourdough starter is",
     "A starter is a paste of flour and water in which wild yeasts and lactic acid bacteria "
     "live together. The yeasts produce carbon dioxide that raises the dough; the bacteria produce "
     "lactic and acetic acids that give sourdough its flavour, its keeping quality and its slightly "
     "chewy crumb. Nothing needs to be bought: the microbes are already on the flour and in your "
     "kitchen. Your job is to feed them regularly so that the strongest, most active population "
     "wins. A mature starter kept at 24-26 \u00b0C will double in 4-8 hours after a feed.")
bullets("Making a starter from scratch", [
    ("Day 1: mix 50 g wholemeal (or rye) flour with 50 g water at about 26 \u00b0C in a clean jar",
     ["Cover loosely and keep somewhere warm, ideally 24-27 \u00b0C"]),
    ("Days 2-3: discard all but 50 g, then add 50 g flour and 50 g water once a day",
     ["Early bubbles on day 2 are often bacteria, not yeast: the 'false rise' fades by day 3-4"]),
    ("Days 4-7: switch to two feeds a day, 12 hours apart, using half white and half wholemeal flour", []),
    "Ready when it reliably doubles within 4-8 hours of a 1:1:1 feed for 3 days in a row",
    "Expect 7-14 days in total; a cool kitchen (below 20 \u00b0C) can add a week",
])
bullets("Feeding ratios and what they mean", [
    ("Ratios are written starter : flour : water by weight", [
        "1:1:1 = 50 g starter + 50 g flour + 50 g water; peaks in about 4-6 hours at 24 \u00b0C",
        "1:2:2 = 25 g starter + 50 g flour + 50 g water; peaks in about 6-8 hours",
        "1:5:5 = 10 g starter + 50 g flour + 50 g water; peaks in about 10-12 hours, handy overnight",
    ]),
    "A bigger feed (more fresh flour) slows the starter down and makes it less sour",
    "Equal flour and water means 100% hydration, the easiest consistency for beginners",
    "Always weigh: a kitchen scale that reads in 1 g steps is the one essential tool",
])
bullets("Reading a ripe starter", [
    "Volume has at least doubled since the feed; mark the jar with a rubber band",
    "The top is domed or just starting to flatten, with bubbles visible through the glass",
    "It smells pleasantly sour and yeasty, like yoghurt or beer, not like nail-polish remover",
    ("Float test: a teaspoon dropped into water floats when the starter is well aerated", [
        "Useful but not decisive; wholemeal starters may sink even when active"]),
    "Peak is the moment to use it; well past peak it collapses and turns more acidic",
])
bullets("Keeping a starter between bakes", [
    "Baking once a week? Keep about 50 g in the fridge at 4-5 \u00b0C and feed it once a week",
    ("Before baking, give it 1-2 room-temperature feeds at 1:1:1 to wake it up", [
        "Take it out the evening before, feed, and it is usually lively the next morning"]),
    "Grey liquid on top ('hooch') means it is hungry: pour it off or stir it in, then feed",
    "Pink, orange or fuzzy mould means throw it away and start again",
    "Dried starter flakes, kept in an airtight jar, make a good back-up for months",
])

# ---------------------------------------------------------------- 2
section(SECTIONS[1])
bullets("Choosing flour", [
    ("Strong white bread flour, 12-13.5% protein: the backbone of most loaves", [
        "More protein builds more gluten, which traps gas and holds shape"]),
    "Plain (all-purpose) flour, 9-11% protein: gives a softer, flatter loaf; fine in small amounts",
    ("Wholemeal wheat flour: includes bran and germ, absorbs more water and ferments faster", [
        "Start with 10-20% of the total flour and work up"]),
    "Rye flour: little gluten, very fast fermenting, great in the starter and at 5-15% for flavour",
    "Spelt: tasty but its gluten is weaker, so shorten mixing and lower hydration by about 5%",
])
bullets("Baker's percentages explained", [
    "Every ingredient is expressed as a percentage of the total flour weight, which is always 100%",
    ("Example: 500 g flour and 350 g water means 70% hydration", [
        "Salt at 2% of 500 g = 10 g; levain at 20% = 100 g"]),
    "Percentages let you scale any recipe: multiply the flour weight by each percentage",
    "The total of all percentages (here 192%) tells you the dough weight per 100 g flour",
    ("Strictly, the flour and water in the levain also count towards hydration", [
        "The basic loaf below is 70% on paper but about 73% once the levain is included"]),
])
table("Baker's percentages for three loaves", [
    ["Ingredient", "Basic loaf %", "Wholemeal %", "High-hydration %", "Grams, 500 g flour loaf (basic)"],
    ["Strong white bread flour", "90", "50", "95", "450 g"],
    ["Wholemeal flour", "10", "50", "5", "50 g"],
    ["Water (about 27 \u00b0C)", "70", "78", "80", "350 g"],
    ["Levain (ripe, 100% hydration)", "20", "20", "20", "100 g"],
    ["Fine sea salt", "2", "2", "2", "10 g"],
    ["Total dough", "192", "200", "202", "960 g"],
], note="Hold back 25-30 g of the water for the salt. Wholemeal loaves take more water because bran absorbs it.",
   widths=[195, 105, 105, 125, 210])
bullets("Hydration: what it changes", [
    ("65-70%: firm, easy to handle, tight even crumb; the right place to start", [
        "Good for sandwich loaves and for learning to shape"]),
    "72-75%: softer dough, more open crumb, needs confident folding and shaping",
    "78-85%: sticky and slack; very open crumb but easy to over-proof and spread",
    "The same hydration feels wetter with weaker flour, so adjust for your brand",
    ("Rule of thumb: raise hydration by 2% at a time, only after three good bakes", [
        "Change one thing per bake so you know what made the difference"]),
])

# ---------------------------------------------------------------- 3
section(SECTIONS[2])
bullets("Building the levain", [
    "The levain is a fresh portion of starter built specifically for one dough",
    ("For the basic loaf: 20 g starter + 40 g flour + 40 g water (1:2:2) = 100 g levain", [
        "Make it 5-8 hours before mixing at 24 \u00b0C, or 1:5:5 overnight"]),
    "Use it at or just before peak: domed, doubled, full of bubbles",
    "Keep the leftover starter as your 'mother' and feed it as normal",
])
bullets("Autolyse and mixing", [
    ("Autolyse: mix only flour and water, then rest 30-60 minutes", [
        "Flour fully hydrates and gluten starts forming on its own, so less kneading is needed",
        "Longer than 2 hours at room temperature is rarely worth it"]),
    "Add the 100 g levain, squeeze it through the dough with wet fingers for 2-3 minutes",
    "Rest 20-30 minutes, then add 10 g salt with the 25 g reserved water and squeeze again",
    "Finish with 3-5 minutes of slap-and-fold or rubaud mixing until the dough is smooth",
    ("Aim for a dough temperature of 24-26 \u00b0C", [
        "Use warmer water in winter and cooler water in summer to hit it"]),
])
bullets("Stretch and folds", [
    "Bulk fermentation is timed from when the levain goes in; the folds happen in its first 2-3 hours",
    ("One set = grab one side, stretch up until it resists, fold over; turn the bowl 90\u00b0; repeat 4 times", [
        "Wet your hand first so the dough does not stick"]),
    "Do 3-4 sets, 30 minutes apart, during the first 2 hours of bulk",
    "Coil folds (lifting from the middle so the dough folds under itself) are gentler for wet doughs",
    "Stop folding when the dough holds a rounded shape and feels springy; then leave it alone",
])
bullets("Temperature drives the timing of bulk", [
    ("Approximate bulk times for a 20% levain dough:", [
        "At 27 \u00b0C: about 4 hours",
        "At 24 \u00b0C: about 5-6 hours",
        "At 21 \u00b0C: about 7-8 hours",
        "At 18 \u00b0C: 9 hours or more"]),
    "Every 2-3 \u00b0C cooler adds roughly an hour or more",
    "Times are guides; the dough, not the clock, tells you when bulk is done",
    "Warm spots: an oven with only the light on, or a cool-box with a jar of hot water",
])
bullets("Reading the dough: when bulk is done", [
    ("Volume has grown 50-75% (use a straight-sided container marked with tape)", [
        "Wholemeal and high-hydration doughs: stop nearer 50%"]),
    "The surface is domed, smooth and shows a few bubbles; the edges curve up where they meet the container",
    "The dough jiggles as one mass when you shake the container",
    "It feels airy and lighter, and releases cleanly from the side when tilted",
    "Under-fermented dough looks dense and flat; over-fermented dough is slack, sticky and smells boozy",
])

# ---------------------------------------------------------------- 4
section(SECTIONS[3])
bullets("Pre-shape and bench rest", [
    "Tip the dough onto an unfloured bench, top side down, using a wet scraper",
    "Fold the edges into the centre, flip it and drag it towards you to tighten into a loose round",
    ("Bench rest 20-30 minutes, uncovered", [
        "The gluten relaxes so the final shape does not tear",
        "If it spreads flat within 10 minutes, pre-shape again: it needs more tension"]),
])
bullets("Final shaping", [
    "Lightly flour the top, flip it, and gently stretch into a rough rectangle",
    ("Batard (oval): fold the sides in, then roll from the top down, sealing each turn with your thumbs", []),
    "Boule (round): fold the edges into the centre, flip, and rotate it towards you on the bench",
    "Aim for a smooth, taut surface without tearing; keep the bubbles inside",
    ("Place seam side up in a floured banneton or a bowl lined with a floured tea towel", [
        "Rice flour, or a 50:50 mix of rice and wheat flour, sticks least"]),
])
bullets("Proofing at room temperature", [
    "After shaping the dough needs a final rise, called the proof",
    "At 24 \u00b0C a basic loaf proofs in about 1-2 hours; at 20 \u00b0C, 2-3 hours",
    "Cover the banneton with a bag or shower cap so the surface does not dry and crust",
    "Room proofing gives a milder flavour and fits a same-day bake",
    "The risk is timing: a few warm hours can take it past its best, so check from the first hour",
])
bullets("Proofing in the fridge (cold retard)", [
    ("Put the covered banneton straight into the fridge at 3-5 \u00b0C for 8-16 hours", [
        "Up to 24 hours works, with a more sour flavour"]),
    "Cold slows the yeast more than the bacteria, so the flavour deepens",
    "A cold, firm dough is far easier to turn out and score cleanly",
    "Bake straight from the fridge; no need to bring it back to room temperature",
    "It also moves the bake to a convenient time: shape in the evening, bake in the morning",
])
bullets("The poke test", [
    "Flour a fingertip and press about 1 cm into the dough, then watch",
    ("Springs back immediately and fully: under-proofed, give it more time", []),
    "Springs back slowly and leaves a small dent: ready to bake",
    "Does not spring back at all: over-proofed; bake at once and expect a flatter loaf",
    "Cold dough springs back more slowly, so read fridge-proofed loaves a little generously",
])

# ---------------------------------------------------------------- 5
section(SECTIONS[4])
bullets("Why steam matters", [
    "For the first 15-20 minutes the crust must stay soft so the loaf can expand: the 'oven spring'",
    "Steam keeps the surface moist and flexible, and helps the crust turn glossy and crisp",
    ("Easiest method: a lidded cast-iron pot (Dutch oven) traps the loaf's own moisture", [
        "Preheat the pot in the oven at 250 \u00b0C for 45-60 minutes"]),
    ("No pot? Use a baking stone or heavy tray, plus a tray below for about 200 ml boiling water", [
        "Or cover the loaf with an upturned roasting tin for the first 20 minutes"]),
])
bullets("Scoring", [
    "A score is a controlled cut that tells the loaf where to open",
    ("Use a razor blade (lame) or very sharp knife; cut swiftly in one stroke", [
        "About 0.5-1 cm deep, at a shallow 30-45\u00b0 angle to form an 'ear'"]),
    "Batard: one long cut slightly off-centre, end to end; boule: a cross or a square",
    "Turn the loaf out onto baking paper, dust off excess flour, then score straight away",
    "No score, or too shallow a score, means the loaf bursts at its weakest point instead",
])
bullets("Baking times and temperatures", [
    ("Lid on: 20 minutes at 250 \u00b0C (230 \u00b0C fan)", []),
    ("Lid off: 20-25 minutes at 230 \u00b0C (210 \u00b0C fan) until deep brown", [
        "Pale crust means less flavour: aim for chestnut to dark-brown"]),
    "Done when the internal temperature is 96-98 \u00b0C, or the base sounds hollow when tapped",
    "Wholemeal loaves may need 5 minutes more; high-hydration loaves benefit from the full time",
    "Lower the oven by 10 \u00b0C if the base burns, or slide a tray onto the shelf below",
])
bullets("Cooling before cutting", [
    "Cool on a wire rack for at least 1 hour, ideally 2, before slicing",
    "The crumb is still setting as steam escapes; cutting early gives a gummy, sticky centre",
    "The crust may crackle as it cools: a good sign that it is crisp and well baked",
    "Judge the crumb only after cooling: even, glossy holes and no dense streaks",
])

# ---------------------------------------------------------------- 6
section(SECTIONS[5])
bullets("A weekday-friendly schedule", [
    ("Wednesday evening (9 pm): take the starter out of the fridge and feed 1:5:5", []),
    ("Thursday 7 am: build the levain at 1:5:5 (10 g starter + 45 g flour + 45 g water) before work", [
        "At 24 \u00b0C it peaks 10-12 hours later, just in time for the evening mix",
        "Use the leftover starter to refeed the mother; it can go back in the fridge"]),
    "Thursday 5:30 pm: autolyse; 6 pm add the levain; 6:30 pm add salt",
    "6:45-8:30 pm: 3-4 sets of stretch and folds; bulk ends around 11 pm-midnight at 24 \u00b0C",
    "When bulk is done: pre-shape, 20-minute rest, shape, then into the fridge overnight",
    "Friday 7:30 am (8 hours or more in the fridge): preheat 45 minutes, bake 40-45 minutes, leave to cool",
])
bullets("A weekend schedule", [
    "Friday 10 pm: build the levain at 1:5:5 (10 g + 45 g + 45 g) so it peaks around breakfast",
    "Saturday 8 am: autolyse; 8:30 am mix in the levain; 9 am add salt",
    "9:30-11:30 am: folds; bulk finishes around 2-3 pm depending on temperature",
    ("3 pm: shape and choose your proof", [
        "Same day: proof 1-2 hours at room temperature and bake around 5 pm",
        "Next morning: fridge overnight and bake on Sunday at breakfast"]),
    "Baking every week keeps the starter strong and gives you regular practice",
])

# ---------------------------------------------------------------- 7
section(SECTIONS[6])
bullets("Dense, tight loaves", [
    ("Most often under-fermented: bulk ended too soon or the kitchen was cold", [
        "Wait for 50-75% rise rather than following the clock"]),
    "A weak starter that did not double before use",
    "Too little water for the flour, especially with wholemeal flour",
    "Not enough gluten development: add a set of folds or a few minutes of mixing",
    "Cut while hot: the crumb looks gummy and compressed",
])
bullets("Flat loaves that spread", [
    "Over-fermented or over-proofed dough that has lost its strength",
    "Too little tension in the shaping; the surface should feel taut",
    "Hydration too high for the flour: drop by 3-5% and build up again",
    "Pot or stone not fully preheated, so the base did not set fast enough",
    "Scoring too deep or too shallow, or an unscored loaf splitting sideways",
])
table("Troubleshooting table", [
    ["Symptom", "Likely cause", "What to change", "Check after"],
    ["Dense, tight crumb", "Under-fermented bulk", "Extend bulk to 50-75% rise; keep dough at 24-26 \u00b0C", "Crumb shows even, open bubbles"],
    ["Flat loaf, spreads when turned out", "Over-proofed or weak shaping", "Shorten proof; shape tighter; try a fridge proof", "Loaf holds height; poke test springs back slowly"],
    ["Large holes under crust, dense below", "Under-proofed final rise", "Proof 30-60 minutes longer", "Holes spread evenly through crumb"],
    ["Pale, soft crust", "Oven too cool or lid left on too long", "Preheat 45-60 min; lid off after 20 min", "Crust deep brown and crackles"],
    ["Gummy, sticky centre", "Underbaked or sliced too soon", "Bake to 96-98 \u00b0C inside; cool 1-2 hours", "Crumb springs back when pressed"],
    ["Very sour, slack dough", "Starter used past peak, or over-fermented", "Use starter at peak; feed 1:2:2 not 1:1:1", "Dough smells yeasty, not boozy"],
    ["Loaf bursts on the side", "Too shallow or no score", "Score 0.5-1 cm deep at 30-45\u00b0", "Loaf opens along the score"],
], widths=[150, 160, 240, 190])
bullets("Mistakes to avoid", [
    "Using starter before it has doubled, or long after it has collapsed",
    "Measuring with cups instead of grams: a cup of flour can vary by 30 g or more",
    "Following the recipe's clock instead of reading the dough and the room temperature",
    "Adding extra flour on the bench to stop stickiness; wet your hands and scraper instead",
    "Jumping to 80% hydration before you can shape a 70% dough confidently",
    "Changing several things at once, so you cannot tell which change helped",
])
bullets("Storing bread", [
    ("Day 1-2: cut side down on a board, or in a paper or cloth bag", [
        "Sourdough's acidity keeps it fresh for 3-4 days, longer than yeasted bread"]),
    "Avoid the fridge: bread goes stale fastest at 0-10 \u00b0C",
    "Plastic bags keep it soft but make the crust leathery and can encourage mould",
    ("Freeze on the day of baking for up to 3 months", [
        "Slice first, then toast straight from frozen",
        "Whole loaves: thaw 3-4 hours, then crisp in the oven at 200 \u00b0C for 5-10 minutes"]),
])
bullets("Summary", [
    "Keep a healthy starter: feed 1:1:1 to 1:5:5 and use it at peak, when it has doubled",
    "Begin with the basic loaf: 500 g flour, 70% water, 20% levain, 2% salt",
    "Autolyse 30-60 minutes; 3-4 sets of folds; bulk to 50-75% rise at 24-26 \u00b0C",
    "Shape with tension; proof 1-2 hours warm or 8-16 hours in the fridge; use the poke test",
    "Score 0.5-1 cm deep; bake 20 minutes covered at 250 \u00b0C, then 20-25 uncovered at 230 \u00b0C",
    "Cool 1-2 hours; store cut side down and freeze what you will not eat in 3 days",
])

S.append(dict(kind="questions", title="Questions?"))
S.append(dict(kind="thanks", title="Thank you / follow us"))

# ================================================================ rendering
W, H = landscape(A4)
M = 40
DARK = colors.HexColor("#4a2f1b")
ACCENT = colors.HexColor("#c27c2c")
CREAM = colors.HexColor("#fbf6ee")

st_title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=30, leading=36, textColor=DARK)
st_b = ParagraphStyle("b", fontName="Helvetica", fontSize=17, leading=22, leftIndent=22,
                      bulletIndent=6, spaceAfter=6, textColor=colors.black)
st_sb = ParagraphStyle("sb", parent=st_b, fontSize=14.5, leading=18, leftIndent=50,
                       bulletIndent=34, spaceAfter=4, textColor=colors.HexColor("#333333"))
st_p = ParagraphStyle("p", fontName="Helvetica", fontSize=19, leading=27)
st_cell = ParagraphStyle("c", fontName="Helvetica", fontSize=11.5, leading=14)
st_head = ParagraphStyle("h", parent=st_cell, fontName="Helvetica-Bold", textColor=colors.white)
st_note = ParagraphStyle("n", fontName="Helvetica-Oblique", fontSize=12.5, leading=16, textColor=DARK)
st_big = ParagraphStyle("big", fontName="Helvetica-Bold", fontSize=40, leading=48,
                        textColor=DARK, alignment=TA_CENTER)
st_sub = ParagraphStyle("sub", fontName="Helvetica", fontSize=20, leading=26,
                        textColor=DARK, alignment=TA_CENTER)

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def footer(c, n, N):
    c.setStrokeColor(ACCENT); c.setLineWidth(1)
    c.line(M, 34, W - M, 34)
    c.setFont("Helvetica", 10); c.setFillColor(DARK)
    c.drawString(M, 20, SCHOOL)
    c.drawCentredString(W / 2, 20, DATE)
    c.drawRightString(W - M, 20, "slide %d / %d" % (n, N))

def content_flow(s):
    if s["kind"] in ("bullets", "agenda"):
        out = []
        for it in s["items"]:
            main, subs = (it, []) if isinstance(it, str) else it
            out.append(Paragraph(esc(main), st_b, bulletText="\u2022"))
            for sb in subs:
                out.append(Paragraph(esc(sb), st_sb, bulletText="\u2013"))
        return out
    if s["kind"] == "para":
        return [Paragraph(esc(s["text"]), st_p)]
    if s["kind"] == "table":
        rows = s["rows"]
        data = [[Paragraph(esc(x), st_head) for x in rows[0]]] + \
               [[Paragraph(esc(x), st_cell) for x in r] for r in rows[1:]]
        t = Table(data, colWidths=s["widths"], repeatRows=1)
        t.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), DARK),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, CREAM]),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#b9a58c")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        out = [t]
        if s.get("note"):
            out += [Spacer(1, 10), Paragraph(esc(s["note"]), st_note)]
        return out
    return []

def render():
    N = len(S)
    c = canvas.Canvas(PDF, pagesize=(W, H))
    c.setTitle(COURSE); c.setAuthor(SCHOOL)
    for n, s in enumerate(S, 1):
        k = s["kind"]
        if k in ("title", "section", "questions", "thanks"):
            c.setFillColor(CREAM); c.rect(0, 0, W, H, stroke=0, fill=1)
            c.setFillColor(ACCENT); c.rect(0, H - 14, W, 14, stroke=0, fill=1)
            if k == "title":
                flow = [Paragraph(esc(COURSE), st_big), Spacer(1, 20),
                        Paragraph(esc(SCHOOL), st_sub), Spacer(1, 8), Paragraph(esc(DATE), st_sub)]
            elif k == "section":
                flow = [Paragraph(esc(s["title"]), st_big)]
            elif k == "questions":
                flow = [Paragraph("Questions?", st_big)]
            else:
                flow = [Paragraph("Thank you / follow us", st_big), Spacer(1, 20),
                        Paragraph(esc(SCHOOL) + " \u2013 classes, recipes and bake-along evenings", st_sub),
                        Spacer(1, 8), Paragraph("@millstonebakingschool", st_sub)]
            f = Frame(M * 2, 60, W - 4 * M, H - 140, showBoundary=0)
            box = KeepInFrame(W - 4 * M, H - 140, flow, mode="shrink", vAlign="MIDDLE")
            f.addFromList([box], c)
        else:
            c.setFillColor(ACCENT); c.rect(0, H - 8, W, 8, stroke=0, fill=1)
            tp = Paragraph(esc(s["title"]), st_title)
            tf = Frame(M, H - 80, W - 2 * M, 62, showBoundary=0)
            tf.addFromList([KeepInFrame(W - 2 * M, 62, [tp], mode="shrink")], c)
            c.setStrokeColor(ACCENT); c.setLineWidth(2); c.line(M, H - 84, W - M, H - 84)
            fh = H - 84 - 46
            f = Frame(M, 42, W - 2 * M, fh, showBoundary=0, topPadding=14)
            f.addFromList([KeepInFrame(W - 2 * M - 12, fh - 20, content_flow(s), mode="shrink")], c)
        footer(c, n, N)
        c.showPage()
    c.save()
    return N

def preview():
    out = []
    for s in S:
        k = s["kind"]
        if k in ("title", "agenda", "questions", "thanks"):
            continue
        if k == "section":
            out.append("## " + s["title"] + "\n")
            continue
        out.append("### " + s["title"] + "\n")
        if k == "para":
            out.append(s["text"] + "\n")
        elif k == "bullets":
            for it in s["items"]:
                main, subs = (it, []) if isinstance(it, str) else it
                out.append("- " + main)
                for sb in subs:
                    out.append("  - " + sb)
            out.append("")
        elif k == "table":
            rows = s["rows"]
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "|".join("---" for _ in rows[0]) + "|")
            for r in rows[1:]:
                out.append("| " + " | ".join(r) + " |")
            out.append("")
            if s.get("note"):
                out.append(s["note"] + "\n")
    with open(PREVIEW, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out).rstrip() + "\n")

if __name__ == "__main__":
    n = render()
    preview()
    print("slides:", n)
