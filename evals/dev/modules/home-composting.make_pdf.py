#!/usr/bin/env python3
"""Generate 'Chapter 7 - Home composting' as a two-column A4 PDF (reportlab)
and a plain-text preview for question writers. Run: python3 home-composting.make_pdf.py"""
import os, re
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_JUSTIFY, TA_CENTER
from reportlab.platypus import (BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer,
                                Table, TableStyle, Flowable, KeepTogether, FrameBreak)

HERE = os.path.dirname(os.path.abspath(__file__))
PDF = os.path.join(HERE, "home-composting.pdf")
PREVIEW = os.path.join(HERE, "home-composting.preview.txt")
BOOK = "Growing at Home: A Course Reader"
RUNHEAD = "Chapter 7 \u00b7 Home composting"

SUP = {"1": "\u00b9", "2": "\u00b2", "3": "\u00b3", "4": "\u2074", "5": "\u2075", "6": "\u2076"}

# ---------------------------------------------------------------- content
# Footnote references in text are written [[n]]; footnote texts are in FN.
FN = {
 "1": "C:N ratios are given by dry mass. Published values vary widely with the age, "
      "moisture and source of a material, so treat the table figures as rough guides, not laboratory values.",
 "2": "By weight the proportion is much closer to even, because a bucket of dry leaves weighs a "
      "fraction of a bucket of wet kitchen scraps. Volume is used in practice because it is what a gardener can measure.",
 "3": "Thermophilic ('heat-loving') bacteria and fungi are most active between about 45 and 70 \u00b0C. "
      "Below about 40 \u00b0C the work is done by mesophilic organisms, which are slower.",
 "4": "The usual species are Eisenia fetida and its close relative Eisenia andrei. The large "
      "garden earthworm, Lumbricus terrestris, burrows deeply and does poorly in a bin.",
 "5": "Cress is used because it germinates in 2\u20133 days and is sensitive to the ammonia and "
      "organic acids present in unfinished compost.",
}

LEARNING_OUTCOMES = [
 "explain why composting at home is worthwhile and what happens inside a pile;",
 "classify common materials as greens or browns and balance them to a C:N ratio of about 25\u201330:1;",
 "choose and site a bin or heap, and build a pile that heats;",
 "manage moisture and aeration, and decide between hot, cold and worm composting;",
 "diagnose and correct smells, flies and a pile that will not heat;",
 "judge when compost is finished and use it at suitable rates through the year.",
]

REVIEW = [
 "A pile of 60 litres of grass clippings and 20 litres of shredded cardboard smells of ammonia. What does this tell you, and what would you change?",
 "Why does a heap of 0.3 m\u00b3 rarely reach 55 \u00b0C, even with a good mix of materials?",
 "Describe the squeeze test and what the result should look like.",
 "Compare hot and cold composting in terms of effort, time and the fate of weed seeds.",
 "List four materials that should be kept out of a home compost bin, with a reason for each.",
 "Plan one year of composting for a small garden, naming one task for each season.",
]

# Each entry: (kind, payload)
C = []
def H1(t): C.append(("h1", t))
def H2(t): C.append(("h2", t))
def P(t): C.append(("p", t))
def UL(items): C.append(("ul", items))
def OL(items): C.append(("ol", items))
def BOX(title, text): C.append(("box", (title, text)))
def FIG(caption): C.append(("fig", caption))
def TAB(caption, rows, widths): C.append(("table", (caption, rows, widths)))

H1("7.1 Why compost at home")
H2("7.1.1 What compost is")
P("Compost is organic material that has been broken down by bacteria, fungi and small "
  "animals into a dark, crumbly, soil-like substance called humus. The process is the same decay "
  "that happens on a woodland floor, but a well-managed compost pile speeds it up by giving "
  "the decomposers what they need: a balanced diet of carbon and nitrogen, enough water, "
  "enough air and enough bulk to hold warmth. A home gardener's job is not to 'make' compost but to "
  "manage these four conditions so that the organisms can do the work.")
P("Most of the work is done by microorganisms. Bacteria dominate the early, hot stage; fungi and "
  "actinomycetes (the thread-like organisms that give finished compost its earthy smell) take "
  "over as the pile cools; and in the final weeks springtails, mites, woodlice and worms move in "
  "to finish the job. A handful of active compost can contain billions of microorganisms.")
H2("7.1.2 Benefits for the garden and the household")
P("Composting pays back in several ways at once:")
UL([
 "<b>Less waste.</b> Kitchen and garden scraps typically make up 30\u201340% of what a household throws away. Composting them keeps them out of landfill, where they would rot without air and release methane.",
 "<b>Better soil structure.</b> Humus binds sand particles into crumbs and opens up heavy clay, improving drainage in wet soils and water holding in dry ones. Organic matter can hold several times its own weight in water.",
 "<b>Slow-release nutrients.</b> Compost supplies nitrogen, phosphorus, potassium and trace elements gradually, as soil life breaks it down, rather than in a single flush that can wash away.",
 "<b>Healthier soil life.</b> Compost feeds earthworms and the soil food web, which in turn improve structure and help suppress some plant diseases.",
 "<b>Lower costs.</b> A household can produce several hundred litres of compost a year, replacing bought potting media, soil improvers and some fertiliser.",
])

H1("7.2 Greens, browns and the carbon-to-nitrogen ratio")
H2("7.2.1 Greens and browns")
P("Gardeners sort compost materials into two groups. <b>Greens</b> are fresh, moist materials "
  "rich in nitrogen: grass clippings, fruit and vegetable scraps, coffee grounds, green plant "
  "trimmings and the manure of plant-eating animals. Nitrogen is what microorganisms use to "
  "build proteins and multiply, so greens are the 'fuel' that makes a pile heat up. "
  "<b>Browns</b> are dry, tough materials rich in carbon: autumn leaves, straw, shredded cardboard "
  "and paper, wood chips and dead stems. Carbon is the energy source for the microbes, and "
  "browns also give the pile structure, keeping air spaces open.")
P("The colour names are only a rule of thumb. Coffee grounds are brown in colour but behave as "
  "a green; a fresh hedge trimming is green but woody stems in it behave as browns. What counts "
  "is the chemistry, which is summarised by the carbon-to-nitrogen ratio.")
H2("7.2.2 The 25\u201330:1 target")
P("The carbon-to-nitrogen (C:N) ratio compares how much carbon a material contains with how much "
  "nitrogen.[[1]] Compost microbes work fastest when the pile as a whole has a C:N ratio of about "
  "<b>25\u201330:1</b>, that is 25 to 30 parts carbon for every part nitrogen. "
  "Table 7.1 gives approximate values for common materials.")
P("If the mix has too much nitrogen (a ratio below about 20:1), the microbes cannot use it all "
  "and the surplus escapes as ammonia gas, which you can smell and which is lost fertility. If it "
  "has too much carbon (above about 40:1), the microbes run short of nitrogen, multiply slowly and "
  "the pile stays cool and barely changes for months.")
TAB("Table 7.1 \u2014 Common compost materials",
 [["Material", "Green / brown", "Approx. C:N", "Notes"],
  ["Grass clippings", "Green", "15\u201320:1", "Add in layers under 10 cm thick or they mat and go slimy."],
  ["Fruit and vegetable scraps", "Green", "15\u201325:1", "Chop to under 5 cm; bury under browns."],
  ["Coffee grounds", "Green", "about 20:1", "Paper filters can go in with them."],
  ["Poultry manure", "Green", "5\u201310:1", "Very strong; mix well with browns."],
  ["Horse or cow manure (with bedding)", "Green", "20\u201330:1", "Close to ideal on its own."],
  ["Dry autumn leaves", "Brown", "40\u201380:1", "Shred for speed; stockpile for summer."],
  ["Straw", "Brown", "60\u2013100:1", "Keeps the pile open and airy."],
  ["Shredded cardboard and paper", "Brown", "150\u2013350:1", "Plain, uncoated only; tear into strips."],
  ["Wood chips and sawdust", "Brown", "200\u2013500:1", "Untreated wood only; slow to break down."]],
 [20*mm, 13*mm, 15*mm, 35*mm])
H2("7.2.3 The 3:1 volume rule")
P("Home composters do not weigh or analyse materials. Instead, use the practical rule of "
  "<b>about 3 parts browns to 1 part greens by volume</b>.[[2]] For example, three buckets of "
  "shredded leaves for every bucket of kitchen scraps, or a wheelbarrow of straw for a third of "
  "a barrow of grass clippings. Because greens vary, treat 3:1 as a starting point and adjust by "
  "watching the pile: a smelly, wet pile needs more browns; a dry pile that will not heat needs "
  "more greens.")
BOX("Key point",
 "Aim for a C:N ratio of about 25\u201330:1. In practice that means roughly 3 parts browns to "
 "1 part greens by volume. Smell and temperature tell you which way to adjust.")

H1("7.3 Choosing a bin or heap")
H2("7.3.1 Options compared")
P("There is no single best container. The right choice depends on how much material you "
  "produce, how much space you have and how much effort you want to put in.")
UL([
 "<b>Open heap.</b> Free and unlimited in size, ideal for large gardens with plenty of leaves. It looks untidy, dries out at the edges and is easy for animals to get into.",
 "<b>Closed plastic 'dalek' bin (about 220\u2013330 litres).</b> Cheap, tidy and good for small gardens. It holds moisture well but is too small to heat properly and is awkward to turn, so it usually works as a cold system.",
 "<b>Slatted wooden bays.</b> Usually built in pairs or threes, each about 1 m \u00d7 1 m \u00d7 1 m. They hold enough material to heat up, and you turn compost from one bay into the next. Best for keen gardeners with space.",
 "<b>Rotating tumbler.</b> Easy to turn and rodent-proof, but most hold only 150\u2013200 litres, so a batch cools quickly; they work best filled in one go.",
 "<b>Wormery.</b> A stacked or single box for vermicomposting kitchen scraps (see 7.5.3). Suits flats, balconies and households with few garden wastes.",
])
P("For a pile to heat reliably, it needs a minimum volume of about <b>1 m\u00b3</b> (1 m wide, "
  "1 m deep and 1 m high). Smaller piles lose heat from their surface faster than the microbes "
  "can produce it. Piles larger than about 1.5 m high or wide tend to compact and go "
  "airless in the middle.")
FIG("Figure 7.1 \u2014 A three-bay system: bay 1 receives fresh material, bay 2 holds the "
    "turned, active pile and bay 3 holds maturing compost.")
H2("7.3.2 Siting the bin")
P("Place the bin or heap on bare soil rather than paving, so that worms and other organisms can "
  "move in and excess water can drain away. A level, well-drained spot in partial shade is "
  "ideal: full sun dries the pile in summer, deep shade keeps it cold and damp. Put it where you "
  "can reach it easily with a wheelbarrow and from the kitchen in winter, and leave at least "
  "0.5 m of working space in front. If rats are common in your area, set the bin on a base of "
  "galvanised wire mesh with holes no larger than about 13 mm.")

H1("7.4 Building and maintaining a pile")
H2("7.4.1 Building a pile step by step")
P("A hot pile is best built in one session from material you have saved up. The following "
  "sequence works for an open heap or a 1 m\u00b3 bay:")
OL([
 "Collect enough material to fill the space: roughly 750 litres of browns and 250 litres of greens for a 1 m\u00b3 pile.",
 "Loosen the soil at the base and lay 10\u201315 cm of coarse material, such as twiggy prunings or straw, to let air in from below.",
 "Add alternating layers about 10\u201315 cm thick: a layer of browns, then a thinner layer of greens. Mixing the layers with a fork as you go is even better than layering.",
 "Chop or shred large items to 5 cm or less. Smaller pieces have more surface area for microbes and break down much faster.",
 "Water each brown layer as you build so the whole pile is evenly moist (see 7.4.2).",
 "Finish with a layer of browns to cover food scraps and deter flies, then cover the top with a lid, an old tarpaulin or flattened cardboard to keep in heat and keep out heavy rain.",
])
P("A well-built pile should feel warm to the touch in the middle within 2\u20135 days. "
  "A long-stemmed compost thermometer (about 50 cm) is worth buying if you want to compost hot.")
H2("7.4.2 Moisture: the wrung-out sponge")
P("Microbes live in the thin film of water around each particle, so a pile that is too dry simply "
  "stops. Too much water, however, fills the air spaces and the pile turns airless and sour. "
  "The target is a moisture content of roughly <b>40\u201360%</b>, which feels like a "
  "<b>wrung-out sponge</b>: damp all through, but not dripping.")
BOX("Try this: the squeeze test",
 "Take a handful from 20\u201330 cm inside the pile and squeeze it hard. One or two drops of water "
 "is ideal. A stream of water means it is too wet: add dry browns and turn. If it crumbles and "
 "no moisture appears, it is too dry: water it while turning.")
P("Dry materials such as straw and leaves shed water at first, so soak them or water them in "
  "layers rather than pouring water over the top of a finished pile. In summer, check moisture "
  "weekly; in wet winters, keep the pile covered.")
H2("7.4.3 Turning and aeration")
P("Composting organisms need oxygen. As they work they use it up, and the pile slowly settles "
  "and compacts. Turning a pile breaks up clumps, lets fresh air in, redistributes moisture and "
  "moves the cooler outer material into the hot centre, so that all of it is composted evenly.")
P("For a hot pile, <b>turn every 3\u20137 days</b> during the first few weeks, or whenever the core "
  "temperature falls below about 45 \u00b0C. To turn, fork the whole pile into an empty bay or "
  "beside the heap, putting the outside material into the middle of the new pile and adding "
  "water to any dry patches. A cold pile needs turning far less: once every 4\u20136 weeks, or not at "
  "all, if you are happy to wait longer. Where turning is hard, pushing a broom handle or an "
  "aerating tool into the pile in several places gives some of the benefit.")

H1("7.5 Hot, cold and worm composting")
H2("7.5.1 Hot composting")
P("Hot composting uses thermophilic microbes[[3]] to reach core temperatures of "
  "<b>55\u201365 \u00b0C</b>. A correctly built 1 m\u00b3 pile usually reaches this range within "
  "2\u20135 days and stays there for several days before cooling. Each turn brings in fresh air and "
  "material, and the pile reheats; after three or four cycles it no longer heats much. Holding "
  "material at 55 \u00b0C or more for at least 3 days kills most weed seeds and many plant "
  "pathogens, which is why turning the outside to the inside matters.")
P("Above about 70 \u00b0C, even the heat-loving microbes begin to die and the pile can lose "
  "nitrogen rapidly, so if the thermometer reads over 70 \u00b0C, turn the pile and mix in browns. "
  "With regular turning, a hot pile gives usable compost in about <b>6\u201312 weeks</b>, "
  "followed by 4\u20136 weeks of curing (see 7.8.1).")
H2("7.5.2 Cold composting")
P("Cold composting is the 'add as you go' method used in most closed bins. Material is added a "
  "little at a time, the pile rarely rises above 40 \u00b0C, and it is turned occasionally or not at "
  "all. It takes far less effort but much longer: typically <b>6\u201312 months</b>, and up to "
  "18\u201324 months for woody material. Because it never gets hot, cold compost does not kill weed "
  "seeds or diseases, so keep seeding weeds and diseased plants out of it.")
P("The two methods compare as follows:")
UL([
 "<b>Effort:</b> hot needs saved-up material and turning every 3\u20137 days; cold needs only regular additions.",
 "<b>Time:</b> hot gives compost in about 2\u20133 months; cold in 6\u201312 months or more.",
 "<b>Size:</b> hot needs at least about 1 m\u00b3 at once; cold works in any container.",
 "<b>Weeds and disease:</b> hot kills most weed seeds; cold does not.",
 "<b>Nutrients:</b> hot loses more nitrogen to the air; cold can lose more to rain washing through.",
])
BOX("Key point",
 "Hot composting means 55\u201365 \u00b0C, turning every 3\u20137 days and compost in 2\u20133 months. "
 "Cold composting means little work, temperatures under 40 \u00b0C and a wait of 6\u201312 months.")
H2("7.5.3 Worms and vermicomposting basics")
P("Vermicomposting uses composting worms,[[4]] often called red wigglers or tiger worms, to "
  "turn kitchen scraps into worm castings, a fine, nutrient-rich material. These worms live in the "
  "top layer of decaying matter rather than in soil, so they thrive in a shallow box. "
  "They work best between about 15 and 25 \u00b0C; they slow down below 10 \u00b0C and can die "
  "above 30 \u00b0C or in hard frost, so keep a wormery in a shed, garage or shaded spot.")
UL([
 "<b>Starting:</b> set up moist bedding of shredded cardboard or paper and a little old compost, then add about 500 g of worms (roughly 1,000).",
 "<b>Feeding:</b> worms eat up to about half their body weight a day once settled, so start with a small handful of chopped scraps two or three times a week and increase slowly. Bury food under the bedding.",
 "<b>Avoid:</b> large amounts of citrus peel, onion and garlic, and all meat and dairy.",
 "<b>Moisture:</b> bedding should be damper than a compost pile, like a wet sponge; drain the liquid from the sump regularly and dilute it about 1:10 with water before using it on plants.",
 "<b>Harvesting:</b> castings are usually ready every 3\u20134 months; move the finished material to one side and put fresh bedding and food on the other so the worms migrate.",
])

H1("7.6 What not to compost, and mistakes to avoid")
H2("7.6.1 Materials to keep out")
P("Some materials cause smells, attract animals, carry disease or contaminate the finished "
  "compost. Keep the following out of a home system:")
UL([
 "<b>Meat, fish, bones and dairy products:</b> they smell as they rot and attract rats, foxes and flies.",
 "<b>Cooked food and fats or oils:</b> they attract rodents and coat materials, slowing decay.",
 "<b>Dog and cat faeces and used cat litter:</b> they may carry parasites harmful to people.",
 "<b>Diseased plants</b> (for example with blight or club root) and <b>seeding or perennial weeds</b> such as bindweed or couch grass roots, unless you compost hot or first drown them in a bucket of water for 4\u20136 weeks.",
 "<b>Treated or painted wood, coal ash and glossy or coated paper:</b> they may contain harmful chemicals.",
 "<b>Plastic, including 'biodegradable' plastic bags and tea bags containing plastic:</b> most do not break down in a home pile.",
 "<b>Plants recently treated with weedkiller:</b> some herbicide residues survive composting and damage crops.",
])
H2("7.6.2 Mistakes to avoid")
UL([
 "<b>Too many greens at once.</b> A large load of fresh grass with no browns turns into a slimy, smelly mat within days.",
 "<b>A pile that is too small.</b> Expecting a 200-litre bin to heat up leads to disappointment; below about 1 m\u00b3, plan on cold composting.",
 "<b>Letting it dry out.</b> A forgotten pile in summer sun can sit unchanged for months.",
 "<b>Large pieces.</b> Whole cabbage stalks and thick branches can take years; chop them first.",
 "<b>Using compost too soon.</b> Unfinished compost can rob plants of nitrogen and harm seedlings.",
 "<b>Never looking inside.</b> A quick check of smell, moisture and temperature once a week prevents most problems.",
])

H1("7.7 Troubleshooting")
P("Most composting problems come from an imbalance in one of the four conditions: the green/brown "
  "mix, water, air or size. Diagnose by smell, feel and temperature, change one thing, and "
  "check again after a few days. Table 7.2 summarises the usual problems.")
TAB("Table 7.2 \u2014 Troubleshooting a compost pile",
 [["Problem", "Likely cause", "Fix", "How soon it improves"],
  ["Rotten-egg or sour smell", "Too wet or compacted; no air", "Turn; mix in dry browns", "2\u20133 days"],
  ["Ammonia smell", "Too many greens (too much nitrogen)", "Mix in browns at about 3:1", "1\u20132 days"],
  ["Pile will not heat", "Too small, too dry or too few greens", "Rebuild to about 1 m\u00b3; add greens and water", "2\u20135 days"],
  ["Dry, nothing changing", "Too little water", "Water while turning", "About 1 week"],
  ["Fruit flies or other flies", "Food scraps left exposed", "Bury scraps under 10 cm of browns; keep a lid on", "About 1 week"],
  ["Rats or mice", "Cooked food, meat or an open base", "Remove these foods; fit mesh base; turn often", "1\u20132 weeks"],
  ["Over 70 \u00b0C", "Too many greens in a large pile", "Turn and add browns", "Same day"]],
 [17*mm, 22*mm, 26*mm, 18*mm])
P("Smells are the most common complaint and the most useful clue. An <b>earthy</b> smell means all "
  "is well. A <b>rotten-egg or sour</b> smell means the pile has become anaerobic, usually because it "
  "is too wet or packed down; turning it and mixing in dry, bulky browns such as straw or "
  "scrunched cardboard usually clears the smell within 2\u20133 days. An <b>ammonia</b> smell means "
  "excess nitrogen is escaping, so add browns.")
P("Flies are mostly harmless but unpleasant. Small fruit flies gather at exposed fruit and "
  "vegetable scraps, so always cover fresh scraps with browns and keep a lid on. Soldier fly "
  "larvae and other grubs in a wet bin are a sign of plenty of moisture and food; they do no harm "
  "and help break material down.")
P("A pile that will not heat is almost always too small, too dry or short of nitrogen. Check in "
  "that order: gather enough material to make about 1 m\u00b3, do the squeeze test, then add greens "
  "such as grass clippings or fresh manure. A pile that heated once and then cooled may simply need "
  "turning.")

H1("7.8 Finished compost, using it, and a seasonal routine")
H2("7.8.1 Signs that compost is finished")
P("Finished compost is <b>dark brown, crumbly and smells of damp earth</b>. Apart from a few woody "
  "bits, eggshells or twigs, the original materials should no longer be recognisable. It should "
  "have shrunk to about half or a third of the original volume, and a hot pile that is turned "
  "should no longer reheat but stay close to air temperature.")
P("Even when it looks ready, compost benefits from <b>curing</b>: leaving it in a covered pile for "
  "4\u20136 weeks so that the remaining decay finishes and soil organisms settle in. To check it, try a "
  "simple germination test:[[5]] sow 10 cress seeds in a small pot of the compost and 10 in "
  "bought seed compost. If, after 3\u20134 days, at least 8 of the 10 in your compost have germinated "
  "and look healthy, it is ready for general use. Before using it for seeds or pots, sieve it "
  "through a mesh of about 10\u201313 mm and return the lumps to the pile.")
H2("7.8.2 Using compost")
UL([
 "<b>Mulch:</b> spread a layer 2\u20135 cm thick over beds and around shrubs, keeping it a few centimetres away from stems. Worms will pull it into the soil.",
 "<b>Soil improver:</b> fork 5\u20138 cm into the top 15\u201320 cm of soil before planting vegetables, roughly one to two full wheelbarrows per 10 m\u00b2.",
 "<b>Lawns:</b> top-dress with a thin layer of about 0.5\u20131 cm of sieved compost after aerating in autumn.",
 "<b>Potting mixes:</b> use no more than about 25\u201330% compost mixed with other materials; pure garden compost is too rich and heavy for pots.",
 "<b>Planting holes:</b> mix a spadeful into the backfill when planting trees, shrubs and perennials.",
])
P("Half-finished compost is still useful as a mulch around established shrubs and trees, where it "
  "will finish breaking down in place, but not for seed sowing or young seedlings.")
H2("7.8.3 A seasonal routine")
P("Composting follows the gardening year. A simple routine for a temperate climate:")
UL([
 "<b>Spring:</b> empty the finished bin and spread compost on beds before sowing and planting. Start a new pile with the first grass clippings mixed with stored leaves.",
 "<b>Summer:</b> decomposition is fastest. Check moisture weekly and water when needed; balance the flood of grass clippings with stored browns; this is the best time to run a hot pile.",
 "<b>Autumn:</b> collect fallen leaves and store them in bags or a wire bin as next year's browns. Build a large mixed pile from garden clear-up material and top-dress lawns.",
 "<b>Winter:</b> activity slows as temperatures drop below about 10 \u00b0C. Keep adding kitchen scraps covered with browns, cover the pile against heavy rain, insulate or move the wormery, and turn a pile on a mild day.",
])

H1("7.9 Summary")
P("Composting is the managed decay of organic matter by microbes and small animals. It works best "
  "when four conditions are balanced: a mix of greens and browns with a C:N ratio of about "
  "25\u201330:1 (roughly 3 parts browns to 1 part greens by volume), moisture like a wrung-out "
  "sponge, regular air, and enough bulk, about 1 m\u00b3 for a hot pile. Hot composting reaches "
  "55\u201365 \u00b0C, needs turning every 3\u20137 days and gives compost in 2\u20133 months; cold composting "
  "takes 6\u201312 months with little effort. Worms turn kitchen scraps into castings in a small "
  "space. Keep out meat, dairy, pet waste, diseased plants and treated materials. Diagnose "
  "problems by smell, feel and temperature. Compost is finished when it is dark, crumbly and "
  "earthy, and after 4\u20136 weeks of curing it can be used as mulch, soil improver or part of a "
  "potting mix.")

# ---------------------------------------------------------------- PDF
PAGE_W, PAGE_H = A4
LM = RM = 18*mm
GUT = 6*mm
TOP = 20*mm
FOOT_ZONE = 30*mm          # reserved for footnotes + page number
COL_W = (PAGE_W - LM - RM - GUT) / 2
FRAME_BOTTOM = 12*mm + FOOT_ZONE
FRAME_H = PAGE_H - TOP - FRAME_BOTTOM

ST = {
 "body": ParagraphStyle("body", fontName="Times-Roman", fontSize=9.5, leading=12, alignment=TA_JUSTIFY, spaceAfter=4),
 "h1": ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=11.5, leading=14, spaceBefore=9, spaceAfter=4, keepWithNext=1),
 "h2": ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=2, keepWithNext=1),
 "li": ParagraphStyle("li", fontName="Times-Roman", fontSize=9.5, leading=12, alignment=TA_JUSTIFY, leftIndent=11, bulletIndent=2, spaceAfter=2, bulletFontName="Times-Roman", bulletFontSize=9.5),
 "cell": ParagraphStyle("cell", fontName="Helvetica", fontSize=7, leading=8.4),
 "cellh": ParagraphStyle("cellh", fontName="Helvetica-Bold", fontSize=7, leading=8.4, textColor=colors.white),
 "cap": ParagraphStyle("cap", fontName="Helvetica-Oblique", fontSize=8, leading=10, spaceBefore=2, spaceAfter=8),
 "boxt": ParagraphStyle("boxt", fontName="Helvetica-Bold", fontSize=9, leading=11, spaceAfter=2),
 "boxb": ParagraphStyle("boxb", fontName="Helvetica", fontSize=8.5, leading=10.5, bulletFontName="Helvetica", bulletFontSize=8.5),
 "fn": ParagraphStyle("fn", fontName="Times-Roman", fontSize=7.5, leading=9),
 "title": ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=4),
 "sub": ParagraphStyle("sub", fontName="Helvetica", fontSize=10, leading=13, textColor=colors.HexColor("#444444"), spaceAfter=8),
}

_page_notes = []

class FootnoteAnchor(Flowable):
    """Zero-size flowable: when drawn, registers its footnote for the current page."""
    def __init__(self, num):
        super().__init__(); self.num = num; self.width = self.height = 0
    def wrap(self, aw, ah): return (0, 0)
    def draw(self): _page_notes.append(self.num)

class EmptyFigure(Flowable):
    def __init__(self, w, h): super().__init__(); self.width, self.height = w, h
    def wrap(self, aw, ah): return (self.width, self.height)
    def draw(self):
        self.canv.setStrokeColor(colors.HexColor("#555555")); self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)

def on_page(canv, doc):
    canv.saveState()
    canv.setFont("Helvetica", 8); canv.setFillColor(colors.HexColor("#333333"))
    y = PAGE_H - 12*mm
    canv.drawString(LM, y, RUNHEAD)
    canv.drawRightString(PAGE_W - RM, y, BOOK)
    canv.setLineWidth(0.4); canv.line(LM, y - 2*mm, PAGE_W - RM, y - 2*mm)
    canv.drawCentredString(PAGE_W / 2, 9*mm, str(doc.page))
    canv.restoreState()

def on_page_end(canv, doc):
    if _page_notes:
        canv.saveState()
        top = FRAME_BOTTOM - 3*mm
        canv.setLineWidth(0.4); canv.line(LM, top, LM + 50*mm, top)
        y = top - 2*mm
        for n in _page_notes:
            para = Paragraph("<super>%s</super> %s" % (n, FN[n]), ST["fn"])
            w, h = para.wrap(PAGE_W - LM - RM, FOOT_ZONE)
            para.drawOn(canv, LM, y - h); y -= h + 1.5
        canv.restoreState()
        _page_notes.clear()

def fmt_pdf(t): return re.sub(r"\[\[(\d)\]\]", r"<super>\1</super>", t)
def notes_in(t): return re.findall(r"\[\[(\d)\]\]", t)

def build_pdf():
    doc = BaseDocTemplate(PDF, pagesize=A4, leftMargin=LM, rightMargin=RM, topMargin=TOP,
                          bottomMargin=FRAME_BOTTOM, title="Chapter 7 - Home composting",
                          author=BOOK)
    f1 = Frame(LM, FRAME_BOTTOM, COL_W, FRAME_H, id="c1", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    f2 = Frame(LM + COL_W + GUT, FRAME_BOTTOM, COL_W, FRAME_H, id="c2", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="twocol", frames=[f1, f2], onPage=on_page, onPageEnd=on_page_end)])
    s = []
    s.append(Paragraph("Chapter 7", ST["sub"]))
    s.append(Paragraph("Home composting: a practical introduction", ST["title"]))
    lo_box = [Paragraph("Learning outcomes", ST["boxt"]),
              Paragraph("By the end of this chapter you should be able to:", ST["boxb"])]
    for i, x in enumerate(LEARNING_OUTCOMES, 1):
        lo_box.append(Paragraph(x, ST["boxb"], bulletText="%d." % i))
    t = Table([[lo_box]], colWidths=[COL_W])
    t.setStyle(TableStyle([("BOX", (0,0), (-1,-1), 0.8, colors.HexColor("#2e5e3a")),
                           ("BACKGROUND", (0,0), (-1,-1), colors.HexColor("#eef4ee")),
                           ("LEFTPADDING", (0,0), (-1,-1), 6), ("RIGHTPADDING", (0,0), (-1,-1), 6),
                           ("TOPPADDING", (0,0), (-1,-1), 5), ("BOTTOMPADDING", (0,0), (-1,-1), 6)]))
    s += [t, Spacer(1, 6)]
    for kind, x in C:
        if kind == "h1": s.append(Paragraph(x, ST["h1"]))
        elif kind == "h2": s.append(Paragraph(x, ST["h2"]))
        elif kind == "p":
            s.append(Paragraph(fmt_pdf(x), ST["body"]))
            for n in notes_in(x): s.append(FootnoteAnchor(n))
        elif kind in ("ul", "ol"):
            for i, it in enumerate(x, 1):
                s.append(Paragraph(fmt_pdf(it), ST["li"], bulletText=("\u2022" if kind == "ul" else "%d." % i)))
            s.append(Spacer(1, 3))
        elif kind == "box":
            title, text = x
            bt = Table([[[Paragraph(title, ST["boxt"]), Paragraph(text, ST["boxb"])]]], colWidths=[COL_W])
            bt.setStyle(TableStyle([("BOX", (0,0), (-1,-1), 1, colors.HexColor("#7a5a1e")),
                                    ("BACKGROUND", (0,0), (-1,-1), colors.HexColor("#fbf5e6")),
                                    ("LEFTPADDING", (0,0), (-1,-1), 6), ("RIGHTPADDING", (0,0), (-1,-1), 6),
                                    ("TOPPADDING", (0,0), (-1,-1), 5), ("BOTTOMPADDING", (0,0), (-1,-1), 6)]))
            s += [Spacer(1, 3), bt, Spacer(1, 7)]
        elif kind == "fig":
            s.append(KeepTogether([Spacer(1, 4), EmptyFigure(COL_W, 48*mm), Paragraph(x, ST["cap"])]))
        elif kind == "table":
            cap, rows, widths = x
            data = [[Paragraph(c, ST["cellh"]) for c in rows[0]]] + \
                   [[Paragraph(c, ST["cell"]) for c in r] for r in rows[1:]]
            tb = Table(data, colWidths=widths, repeatRows=1)
            tb.setStyle(TableStyle([("BACKGROUND", (0,0), (-1,0), colors.HexColor("#2e5e3a")),
                                    ("GRID", (0,0), (-1,-1), 0.4, colors.HexColor("#777777")),
                                    ("ROWBACKGROUNDS", (0,1), (-1,-1), [colors.white, colors.HexColor("#f1f1f1")]),
                                    ("VALIGN", (0,0), (-1,-1), "TOP"),
                                    ("LEFTPADDING", (0,0), (-1,-1), 2.5), ("RIGHTPADDING", (0,0), (-1,-1), 2.5),
                                    ("TOPPADDING", (0,0), (-1,-1), 2), ("BOTTOMPADDING", (0,0), (-1,-1), 2.5)]))
            s += [KeepTogether([Spacer(1, 3), Paragraph(cap, ST["cap"]), tb]), Spacer(1, 8)]
    s.append(Paragraph("Review questions", ST["h1"]))
    for i, q in enumerate(REVIEW, 1):
        s.append(Paragraph(q, ST["li"], bulletText="%d." % i))
    doc.build(s)

# ---------------------------------------------------------------- preview
def plain(t):
    t = re.sub(r"\[\[(\d)\]\]", lambda m: SUP[m.group(1)], t)
    return re.sub(r"<[^>]+>", "", t)

def build_preview():
    out, pending = [], []
    def flush():
        if pending:
            out.append("")
            for n in pending: out.append("%s %s" % (SUP[n], FN[n]))
            pending.clear()
    for kind, x in C:
        if kind == "h1":
            flush(); out += ["", "## " + x, ""]
        elif kind == "h2": out += ["", "### " + x, ""]
        elif kind == "p":
            out += [plain(x), ""]; pending.extend(notes_in(x))
        elif kind == "ul":
            out += ["- " + plain(i) for i in x] + [""]
        elif kind == "ol":
            out += ["%d. %s" % (k, plain(i)) for k, i in enumerate(x, 1)] + [""]
        elif kind == "box":
            out += ["%s: %s" % x, ""]
        elif kind == "fig":
            out += ["[" + x + "]", ""]
        elif kind == "table":
            cap, rows, _ = x
            out += [cap, "", "| " + " | ".join(rows[0]) + " |",
                    "|" + "|".join(["---"] * len(rows[0])) + "|"]
            out += ["| " + " | ".join(r) + " |" for r in rows[1:]] + [""]
    flush()
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
    with open(PREVIEW, "w", encoding="utf-8") as f: f.write(text)
    return text

if __name__ == "__main__":
    build_pdf()
    txt = build_preview()
    print("words (teaching content, preview):", len(txt.split()))
