#!/usr/bin/env python3
"""Build rainwater-harvesting.epub (EPUB 3) and its plain-text preview, standard library only."""
import os, zipfile, html, uuid, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
EPUB = os.path.join(HERE, "rainwater-harvesting.epub")
PREVIEW = os.path.join(HERE, "rainwater-harvesting.preview.txt")
TITLE = "Rainwater Harvesting for a Home Garden"
AUTHOR = "Garden Water Course Team"
BOOK_ID = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "rainwater-harvesting-home-garden"))

FN_REF = "{FN}"
FOOTNOTE = ("One millimetre of rain falling on one square metre of flat surface is exactly one litre "
            "of water, which is why the formula needs no conversion factor when area is in square "
            "metres and rainfall is in millimetres.")

# Block types: ("p", text) ("h2", t) ("h3", t) ("ul", items) ("ol", items) items may be (text, [subitems])
# ("tip", label, text) ("quote", text) ("table", caption, headers, rows)
CH = []

CH.append(("ch01", "Why Collect Rainwater?", [
 ("p", "Rainwater harvesting means catching the rain that falls on a roof, guiding it through gutters and a downpipe, and storing it in a barrel or tank so it can be used later. For a home gardener it is one of the simplest ways to keep plants growing through dry spells while using less treated mains water."),
 ("h2", "Benefits for the garden"),
 ("p", "Plants generally prefer rainwater to treated tap water. Rain is naturally soft, close to neutral or slightly acidic (typically pH 5.5 to 6.5), and free of the chlorine or chloramine used to disinfect public supplies. Acid-loving plants such as blueberries, camellias and rhododendrons suffer when watered for years with hard, alkaline tap water, because lime builds up in the soil and locks away iron. Rainwater avoids that problem."),
 ("ul", [
   "It reduces the amount of treated drinking water used outdoors, which in summer can be 30 to 50 percent of a household's total use.",
   "It gives you a reserve when watering restrictions are in force during droughts.",
   "It slows the rush of storm water into drains and streams, reducing local flooding and erosion.",
   "It is usually at air temperature, so it does not shock roots the way very cold water can.",
 ]),
 ("h2", "What rainwater may and may not be used for"),
 ("p", "Roof water is not clean drinking water. It picks up bird droppings, dust, pollen, leaf debris, moss and traces of roofing material. For a garden that is perfectly acceptable, but it sets clear limits on how the water should be used."),
 ("h3", "Suitable uses"),
 ("ul", [
   "Watering vegetable beds, fruit, lawns, flowers and shrubs, ideally at soil level.",
   "Filling watering cans for seedlings and pot plants, including house plants.",
   "Topping up ponds and wildlife pools, provided the water has been screened.",
   "Washing garden tools, pots, paths and the car.",
 ]),
 ("h3", "Uses to avoid"),
 ("ul", [
   "Drinking, cooking or brushing teeth, unless the system has been designed with proper treatment and tested; a garden system is not.",
   "Giving water to pets or livestock directly from an untreated tank.",
   "Spraying edible leaves that will be eaten raw in the next day or two; water the soil instead.",
   "Filling paddling pools or children's water play.",
 ]),
 ("p", "A simple rule serves well: rainwater from a garden system goes on soil and plants, not into people or animals. Label every outdoor tap on the system \"Not drinking water\" so visitors and children know."),
]))

CH.append(("ch02", "Chapter 2 — The Parts of a System", [
 ("p", "Every rainwater system, from a single 200-litre barrel to a 5,000-litre tank, has the same basic chain of parts. Water flows from the roof, through a series of cleaning stages, into storage, and out again through a tap or pump."),
 ("h2", "From roof to tank"),
 ("ul", [
   ("Collection surface: the roof itself.", [
     "Metal, glazed tile and slate roofs give the cleanest water.",
     "Roofs with lead flashing, old bitumen or treated timber shingles are better avoided for edible crops.",
   ]),
   ("Gutters: channels along the roof edge that gather the water.", [
     "They need a fall of about 1 in 500 (2 mm per metre) towards the outlet.",
     "Gutter guards or mesh keep most leaves out.",
   ]),
   ("Downpipe: the vertical pipe that carries water down from the gutter.", []),
   ("Leaf screen: a sloping mesh fitted in the downpipe or at the tank inlet.", [
     "A mesh of about 1 mm stops leaves and also keeps mosquitoes out.",
     "The slope lets debris slide off instead of clogging the screen.",
   ]),
 ]),
 ("h2", "The first-flush diverter"),
 ("p", "The first rain after a dry spell washes the dirtiest material off the roof: dust, pollen, droppings and fine grit. A first-flush diverter is a short vertical pipe that fills up with this first water before any flow can continue to the tank. A floating ball seals the pipe once it is full, and the rest of the rain passes on. A small drip hole or a screw cap at the bottom empties the chamber slowly so it is ready for the next storm."),
 ("p", "A common sizing guide is to divert 0.5 to 1 litre for every square metre of roof, so a 40 m² roof section needs a chamber holding 20 to 40 litres. A 90 mm pipe holds about 6.4 litres per metre of length, so 20 litres needs roughly 3 metres of pipe."),
 ("h2", "Storage, overflow and outlet"),
 ("h3", "Tank or barrel"),
 ("p", "The store can be a single barrel of 200 to 250 litres, several barrels linked at their bases, or a purpose-made tank from 1,000 litres upwards. It must be opaque, sealed against light and insects, and strong enough for the weight of water: every litre weighs one kilogram, so a full 1,000-litre tank weighs a tonne."),
 ("h3", "Overflow"),
 ("p", "A full tank still receives rain, so every system needs an overflow outlet at least as large as the inlet pipe. The overflow should carry surplus water at least 3 metres away from house foundations, either to a soakaway, a rain garden, a second tank or a drain. The overflow opening must also be screened."),
 ("h3", "Tap or pump"),
 ("p", "The simplest outlet is a tap fitted 10 to 15 cm above the tank floor, so sediment that settles at the bottom is not drawn off. Larger systems add a pump, discussed in Chapter 7."),
]))

CH.append(("ch03", "Chapter 3 — Sizing Your Tank", [
 ("p", "A tank that is too small overflows in every storm and runs dry in the first week of a dry spell. A tank that is too large costs more, takes more space and may never fill."),
 ("h2", "The basic formula"),
 ("p", "The amount of water a roof can collect in a year is:"),
 ("quote", "Litres collected = roof area (m²) × rainfall (mm) × runoff coefficient"),
 ("p", "The roof area is the plan area, measured on the ground as length × width of the footprint the roof covers, including overhangs. The slope of the roof does not matter, because rain falls vertically and a steep roof catches no more than a flat one of the same footprint. Only the part of the roof that drains into the gutter feeding your tank counts." + FN_REF),
 ("h3", "Runoff coefficients"),
 ("p", "Not all rain reaches the tank. Some evaporates, some soaks into the roof surface, some splashes over the gutters and some goes to the first-flush diverter. The runoff coefficient is the fraction that actually arrives. Typical values are:"),
 ("ul", [
   "Metal sheet roof: 0.8 to 0.9 (use 0.8 for planning).",
   "Glazed or concrete tile: 0.7 to 0.75.",
   "Clay tile and slate: about 0.7.",
   "Bitumen felt on a shed: about 0.6.",
   "Green or gravel roof: 0.3 to 0.5.",
 ]),
 ("h2", "A worked example"),
 ("p", "Take a house in an area with 650 mm of rain a year. The main roof has a metal sheet covering and a plan area of 80 m². Applying the formula: 80 × 650 × 0.8 = 41,600 litres a year."),
 ("table", "Table 1. Worked sizing example for one property (annual rainfall 650 mm)",
   ["Roof", "Area m²", "Rainfall mm", "Coefficient", "Litres per year"],
   [["House main roof (metal)", "80", "650", "0.8", "41,600"],
    ["Extension (concrete tile)", "60", "650", "0.7", "27,300"],
    ["Garage (metal)", "30", "650", "0.8", "15,600"],
    ["Porch (clay tile)", "20", "650", "0.7", "9,100"],
    ["Greenhouse (polycarbonate)", "12", "650", "0.75", "5,850"],
    ["Garden shed (bitumen felt)", "8", "650", "0.6", "3,120"]]),
 ("h2", "Matching supply to demand"),
 ("p", "Annual supply is only half the picture, because rain does not fall when the garden needs it most. Estimate the garden's demand for the driest stretch of the year. A useful rule of thumb is that established beds in summer need about 20 to 25 litres per square metre per week in dry weather, while a mulched bed on drip irrigation needs closer to 12 to 15."),
 ("p", "Suppose the vegetable garden is 25 m² and the longest typical dry spell is four weeks. At 20 litres per m² per week the need is 25 × 20 × 4 = 2,000 litres. The garage (Table 1) supplies 15,600 litres a year, about 1,300 litres in an average month, so a 2,000-litre tank fed from the garage would fill between dry spells and carry the vegetables through a month without rain. Sizing the tank to cover three to four weeks of peak demand is a sound starting point for most home gardens."),
]))

CH.append(("ch04", "Choosing a Tank", [
 ("p", "Once you know roughly how many litres to store, the next choices are the material, the colour, where the tank stands and what it stands on."),
 ("h2", "Tank materials"),
 ("table", "Table 2. Common tank materials compared",
   ["Material", "Lifespan", "Cost level", "Notes"],
   [["Polyethylene (plastic)", "15–25 years", "Low to medium", "Light, easy to move and fit; choose UV-stabilised, opaque, food-grade types"],
    ["Recycled food-grade drum", "5–10 years", "Very low", "Ideal 200-litre starter; only use drums that held food products, never chemicals"],
    ["Galvanised steel", "15–20 years", "Medium", "Strong; lifespan rises to 25–30 years with an internal liner; corrodes if scratched"],
    ["Fibreglass", "25–30 years", "Medium to high", "Rigid and rot-proof; must be opaque to stop algae"],
    ["Stainless steel", "30–40 years", "High", "Very durable and clean; the costliest per litre"],
    ["Concrete (cast or precast)", "30–50 years", "Medium to high", "Cool water, can be buried; slightly raises pH, which suits most soils"]]),
 ("h2", "Colour"),
 ("p", "Light inside a tank feeds algae. Choose a dark or opaque tank; if you can hold a torch against the wall and see its glow inside, the wall is too thin. Among opaque tanks, a mid or dark colour blocks light best, while a pale colour keeps the water cooler in full sun. In hot climates, a light-coloured but fully opaque tank, or a dark tank in shade, is the best compromise."),
 ("h2", "Placement"),
 ("ul", [
   "Place the tank as close to the downpipe as possible, so the inlet run is short.",
   "Put it as high as is safe, because every 1 metre of height gives about 0.1 bar of pressure at the tap.",
   "Keep it at least 1 metre from the house wall where possible, so overflow and leaks do not soak foundations.",
   "Choose a shaded or part-shaded spot to keep the water cool.",
   "Leave room to reach the lid, tap and overflow for cleaning.",
 ]),
 ("h2", "The base"),
 ("p", "Water is heavy, and an uneven or soft base is the main cause of tank failure. A barrel on a stand needs paving slabs bedded level on compacted sand. A tank of 1,000 litres or more needs a firm, level pad extending at least 10 cm beyond the tank on every side: either a 100 mm concrete slab or 75 to 100 mm of compacted crushed stone topped with sand. Check the pad with a spirit level in two directions; a slope of more than 1 in 100 puts uneven stress on the tank wall."),
 ("tip", "Tip", "Barrel stands made of breeze blocks or timber look sturdy but can topple when a 200-litre barrel is full and someone leans on it. Build stands no higher than 60 cm, make them wider than the barrel, and fix the barrel to the wall with a strap."),
]))

CH.append(("ch05", "Chapter 5 — Installation Step by Step", [
 ("p", "A barrel system can be fitted in an afternoon with a drill, a hacksaw, a spirit level and a downpipe diverter kit. A larger tank takes a weekend, mostly because of the base."),
 ("h2", "Before you start"),
 ("ul", [
   "Clean the gutters and check they fall towards the downpipe; pour a bucket of water in at the far end and watch it drain.",
   "Check for leaks at gutter joints and seal them.",
   "Measure the height of the tank inlet, including its base, before cutting the downpipe.",
   "Gather fittings: diverter or inlet pipe, leaf screen, first-flush kit, overflow pipe, tap and sealant.",
 ]),
 ("h2", "Installation steps"),
 ("ol", [
   "Prepare the base: level the ground, compact it, and lay the slabs, gravel or concrete pad. Allow a concrete pad at least 7 days to cure before loading.",
   "Place the empty tank on the base and check it is level in two directions.",
   "Fit the tap 10 to 15 cm above the tank floor using a tank connector and sealing washers; tighten by hand plus a quarter turn.",
   "Fit the overflow outlet near the top of the tank, no smaller than the inlet, and run its pipe to a safe discharge point.",
   "Mark the downpipe at the inlet height, then cut it with a hacksaw and fit the diverter or a swan-neck bend towards the tank.",
   "Install the first-flush diverter between the downpipe and the tank inlet, with its drain cap accessible at the bottom.",
   "Fit the leaf screen at the tank inlet or in the downpipe, sloping so debris falls off.",
   "Seal all openings with fine mesh, and fit a child-proof or locking lid.",
   "Test the system by running a hose into the gutter for 10 minutes: check for leaks, a working overflow and a first-flush that fills and then passes water on.",
   "Label the outlet \"Not drinking water\" and note the date in a maintenance log.",
 ]),
 ("h2", "Linking several barrels"),
 ("p", "Two or three barrels can be joined near their bases with 25 mm hose and tank connectors so they fill and empty together. Stand them at exactly the same height, and put the overflow on the last barrel only."),
]))

CH.append(("ch06", "Keeping the Water Clean", [
 ("p", "Stored rainwater stays sweet for months if three things are kept out: light, insects and organic debris."),
 ("h2", "Mosquitoes"),
 ("p", "A mosquito can develop from egg to adult in 7 to 10 days in warm weather, and an open barrel is a perfect nursery. Every opening, including the inlet, overflow and any gap around the lid, must be covered by mesh no coarser than 1 mm. Check the mesh at least monthly in summer, since a single tear is enough. If you see wrigglers (larvae) in the water, find the gap and seal it; a thin film of vegetable oil is sometimes suggested but it harms wildlife and fouls drip emitters, so sealing is the better cure."),
 ("h2", "Algae and smells"),
 ("p", "Green water means light is getting in. Paint or wrap a translucent tank, or move it into shade. A rotten-egg smell means organic matter at the bottom is decaying without oxygen; the usual cause is a thick sludge layer, and the cure is to clean the tank."),
 ("blank", ""),
 ("tip", "Good practice", "Never add household bleach or other disinfectants to a garden tank \"to keep it fresh\". Chlorine harms soil life and plants, and it is not needed if light, insects and debris are kept out."),
 ("h2", "Cleaning schedule"),
 ("ul", [
   "After every storm in autumn: clear leaves from the leaf screen.",
   "Monthly: empty the first-flush chamber if its drip hole has blocked, and check mesh covers and the lid.",
   "Every 3 months: clean the gutters, more often under trees.",
   "Once a year, ideally in late winter: inspect the inside of the tank and check the tap and overflow.",
   "Every 2 to 3 years: drain the tank, scoop out the sludge, and scrub the walls with a stiff brush and plain water.",
 ]),
 ("p", "Sludge from the tank floor is rich in organic matter and can go on the compost heap. When cleaning a large tank, never climb inside: tanks are confined spaces with poor air. Use a long-handled brush and a wet-and-dry vacuum from the access hatch."),
]))

CH.append(("ch07", "Chapter 7 — Using the Water in the Garden", [
 ("p", "Collected water is only useful if it is easy to get to the plants. The two ways of moving it are gravity and pumping, and the right choice depends on how far the water needs to go and what it feeds."),
 ("h2", "Gravity versus pump"),
 ("p", "Gravity is free and silent. Each metre of height between the water surface and the outlet gives about 0.1 bar of pressure, so a barrel raised 50 cm gives only about 0.05 to 0.1 bar. That is enough to fill a watering can in under a minute and to run a short soaker hose on level ground, but not enough for a sprinkler or a long hose."),
 ("p", "A pump is needed when the garden is uphill of the tank, the hose run is longer than about 15 metres, or you want to run sprinklers. Submersible pumps sit inside the tank and are quiet; surface pumps sit beside it and are easier to service. For garden use, a small pump of 300 to 600 watts delivering 1.5 to 3 bar is ample. Choose one with automatic cut-out when the tank runs dry, because running dry destroys a pump within minutes."),
 ("h2", "Drip irrigation from a tank"),
 ("p", "Drip irrigation delivers water slowly at the base of each plant, and it pairs well with rainwater because it uses 30 to 50 percent less water than a sprinkler. Standard pressure-compensating drippers need about 1 bar, so they usually require a pump; low-pressure gravity drip kits are designed for barrels and work from about 0.1 bar on beds that are level with or below the tank outlet."),
 ("ul", [
   "Fit a fine filter (about 120 mesh) between tank and drip line, because tank water carries fine sediment that blocks emitters.",
   "Keep each gravity-fed line short, around 10 to 15 metres, and lay it level.",
   "Flush the end of each line once a month to clear sediment.",
   "Mulch over the line with 5 to 7 cm of compost or bark to cut evaporation further.",
 ]),
 ("h2", "Watering well"),
 ("p", "Water early in the morning, when evaporation is lowest and leaves dry quickly, which also limits fungal disease. Water deeply once or twice a week rather than a little every day, so roots grow down into the soil. Put the tank water first on the plants that need it most: seedlings, newly planted trees and shrubs, fruiting vegetables such as tomatoes and beans, and plants in containers."),
]))

CH.append(("ch08", "Winter Care, Costs and Payback", [
 ("h2", "Winter care"),
 ("p", "In climates where temperatures drop below freezing, water expanding as it turns to ice can split taps, pumps, pipes and even plastic barrels. Water expands by about 9 percent when it freezes. Large tanks rarely freeze solid, but small barrels and exposed pipework do."),
 ("ol", [
   "Before the first hard frost, drain small barrels to about half full, or empty them completely where winters are severe.",
   "Open and drain outdoor taps, drip lines and hoses; store hoses indoors.",
   "Remove a surface pump, drain it and store it frost-free; a submersible pump can stay in a large tank below the ice line if the maker allows it.",
   "Bypass the first-flush diverter or leave its cap loose so it cannot freeze and crack.",
   "Keep gutters clear so snowmelt and winter rain can still reach a large tank, refilling it for spring.",
 ]),
 ("h2", "Costs in plain terms"),
 ("p", "A single barrel kit with a downpipe diverter, stand and tap costs about as much as a good pair of garden shears or a bag of tools; a 1,000-litre tank with a base and fittings costs several times that; a 5,000-litre tank with a pump and drip system can cost as much as a small garden shed."),
 ("h2", "Payback"),
 ("p", "Payback depends on how much mains water the tank replaces and what that water costs. Work it out in three steps: first estimate the litres you will actually use from the tank each year (not the total collected), then multiply by the price you pay per litre of mains water, including any wastewater charge, and finally divide the system cost by that yearly saving."),
 ("p", "For example, a garden that draws 15,000 litres a year from the tank, where mains water costs the equivalent of 0.3 cents per litre, saves 45 currency units a year. A barrel system costing 90 units pays for itself in 2 years; a large tank system costing 1,500 units needs over 30 years. In plain terms, small systems pay back quickly, while large ones are usually justified by drought resilience, plant health and reduced storm runoff rather than money alone."),
]))

CH.append(("ch09", "Chapter 9 — Mistakes to Avoid and Summary", [
 ("h2", "Mistakes to avoid"),
 ("ul", [
   "Using a clear or translucent container, which turns green within weeks.",
   "Leaving any opening unscreened, so the tank breeds mosquitoes.",
   "Forgetting the overflow, or sending it against the house foundations.",
   "Setting a tank on soft or uneven ground; a full 1,000-litre tank weighs a tonne.",
   "Fitting the tap at the very bottom, where it draws off sludge.",
   "Skipping the first-flush diverter, so every storm washes the dirtiest water into the tank.",
   "Using drums that once held chemicals, oils or pesticides.",
   "Oversizing the tank for a small roof, so it never fills.",
   "Leaving barrels, taps and pumps full through a hard frost.",
   "Drinking the water or letting children and pets drink it.",
 ]),
 ("h2", "Summary"),
 ("p", "Rainwater harvesting turns a roof into a free, plant-friendly water supply. Rainwater is soft and chlorine-free, ideal for beds, pots and ponds, but it is not for drinking. A system is a chain: roof, gutters, downpipe, leaf screen, first-flush diverter, tank, overflow and tap or pump. Size the store with the formula litres = roof area (m²) × rainfall (mm) × runoff coefficient, using 0.8 for a metal roof, and aim to cover three to four weeks of peak demand. Choose an opaque tank on a level, solid base, keep out light, insects and debris, clean the tank every 2 to 3 years, and drain exposed parts before frost. Small systems repay their cost in a few seasons; larger ones repay it in resilience."),
]))

CSS = """body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { font-size: 1.6em; margin-top: 1.5em; }
h2 { font-size: 1.3em; margin-top: 1.2em; }
h3 { font-size: 1.1em; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
caption { font-weight: bold; margin-bottom: 0.4em; }
th, td { border: 1px solid #666; padding: 0.3em 0.5em; text-align: left; }
thead th { background: #ddd; }
blockquote { margin: 1em 2em; font-style: italic; border-left: 3px solid #888; padding-left: 1em; }
aside.tip, div.tip { border: 1px solid #4a7; background: #eef8f0; padding: 0.5em 1em; margin: 1em 0; }
aside.footnote { font-size: 0.9em; border-top: 1px solid #999; margin-top: 2em; padding-top: 0.5em; }
.cover { text-align: center; margin-top: 30%; }
"""

def e(t):
    return html.escape(t, quote=False)

def items_html(items, tag):
    out = [f"<{tag}>"]
    for it in items:
        if isinstance(it, tuple):
            text, sub = it
            if sub:
                out.append(f"<li>{e(text)}<ul>" + "".join(f"<li>{e(s)}</li>" for s in sub) + "</ul></li>")
            else:
                out.append(f"<li>{e(text)}</li>")
        else:
            out.append(f"<li>{e(it)}</li>")
    out.append(f"</{tag}>")
    return "\n".join(out)

def page(title, body):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" lang="en">
<head>
<meta charset="UTF-8"/>
<title>{e(title)}</title>
<link rel="stylesheet" type="text/css" href="css/style.css"/>
</head>
<body>
{body}
</body>
</html>
"""

def chapter_xhtml(cid, title, blocks):
    b = [f'<section epub:type="chapter" id="{cid}">', f"<h1>{e(title)}</h1>"]
    has_fn = False
    for blk in blocks:
        k = blk[0]
        if k == "p":
            t = e(blk[1])
            if FN_REF in blk[1]:
                has_fn = True
                t = t.replace(FN_REF, '<sup><a epub:type="noteref" href="#fn1" id="fnref1">1</a></sup>')
            b.append(f"<p>{t}</p>")
        elif k in ("h2", "h3"):
            b.append(f"<{k}>{e(blk[1])}</{k}>")
        elif k == "ul":
            b.append(items_html(blk[1], "ul"))
        elif k == "ol":
            b.append(items_html(blk[1], "ol"))
        elif k == "tip":
            b.append(f'<aside class="tip" epub:type="tip"><p><strong>{e(blk[1])}:</strong> {e(blk[2])}</p></aside>')
        elif k == "quote":
            b.append(f"<blockquote><p>{e(blk[1])}</p></blockquote>")
        elif k == "table":
            _, cap, hdr, rows = blk
            t = [f"<table>", f"<caption>{e(cap)}</caption>", "<thead><tr>" + "".join(f'<th scope="col">{e(h)}</th>' for h in hdr) + "</tr></thead>", "<tbody>"]
            for r in rows:
                t.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>")
            t += ["</tbody>", "</table>"]
            b.append("\n".join(t))
    if has_fn:
        b.append(f'<aside epub:type="footnote" id="fn1" class="footnote"><p><a href="#fnref1">1.</a> {e(FOOTNOTE)}</p></aside>')
    b.append("</section>")
    return page(title, "\n".join(b))

def preview_text():
    out = []
    for cid, title, blocks in CH:
        out.append(f"## {title}\n")
        has_fn = False
        for blk in blocks:
            k = blk[0]
            if k == "p":
                if FN_REF in blk[1]:
                    has_fn = True
                out.append(blk[1].replace(FN_REF, "[1]") + "\n")
            elif k == "h2":
                out.append(f"### {blk[1]}\n")
            elif k == "h3":
                out.append(f"### {blk[1]}\n")
            elif k in ("ul", "ol"):
                lines = []
                for it in blk[1]:
                    if isinstance(it, tuple):
                        lines.append(f"- {it[0]}")
                        lines += [f"  - {s}" for s in it[1]]
                    else:
                        lines.append(f"- {it}")
                out.append("\n".join(lines) + "\n")
            elif k == "tip":
                out.append(f"{blk[1]}: {blk[2]}\n")
            elif k == "quote":
                out.append(f"{blk[1]}\n")
            elif k == "table":
                _, cap, hdr, rows = blk
                t = [cap, "", "| " + " | ".join(hdr) + " |", "|" + "|".join("---" for _ in hdr) + "|"]
                t += ["| " + " | ".join(r) + " |" for r in rows]
                out.append("\n".join(t) + "\n")
        if has_fn:
            out.append(f"[1] {FOOTNOTE}\n")
    return "\n".join(out)

def build():
    for c in CH:
        c[2][:] = [b for b in c[2] if b[0] != "blank"]
    modified = datetime.datetime(2026, 12, 7, 19, 0, 0).strftime("%Y-%m-%dT%H:%M:%SZ")
    cover = page(TITLE, f'<section epub:type="cover titlepage" class="cover"><h1>{e(TITLE)}</h1><p>{e(AUTHOR)}</p></section>')
    nav_items = "\n".join(f'<li><a href="{cid}.xhtml">{e(t)}</a></li>' for cid, t, _ in CH)
    nav = page("Contents", f'<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>\n{nav_items}\n</ol></nav>\n'
               f'<nav epub:type="landmarks" hidden=""><ol><li><a epub:type="cover" href="cover.xhtml">Cover</a></li>'
               f'<li><a epub:type="bodymatter" href="{CH[0][0]}.xhtml">Start</a></li></ol></nav>')
    navpoints = "\n".join(
        f'<navPoint id="np{i}" playOrder="{i}"><navLabel><text>{e(t)}</text></navLabel><content src="{cid}.xhtml"/></navPoint>'
        for i, (cid, t, _) in enumerate(CH, 1))
    ncx = f"""<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head><meta name="dtb:uid" content="{BOOK_ID}"/><meta name="dtb:depth" content="1"/><meta name="dtb:totalPageCount" content="0"/><meta name="dtb:maxPageNumber" content="0"/></head>
<docTitle><text>{e(TITLE)}</text></docTitle>
<navMap>
{navpoints}
</navMap>
</ncx>
"""
    manifest = ['<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
                '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>',
                '<item id="css" href="css/style.css" media-type="text/css"/>']
    manifest += [f'<item id="{cid}" href="{cid}.xhtml" media-type="application/xhtml+xml"/>' for cid, _, _ in CH]
    spine = ['<itemref idref="cover"/>', '<itemref idref="nav"/>'] + [f'<itemref idref="{cid}"/>' for cid, _, _ in CH]
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="en">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="bookid">{BOOK_ID}</dc:identifier>
<dc:title>{e(TITLE)}</dc:title>
<dc:creator id="creator">{e(AUTHOR)}</dc:creator>
<dc:language>en</dc:language>
<dc:subject>Gardening; Water conservation</dc:subject>
<meta property="dcterms:modified">{modified}</meta>
</metadata>
<manifest>
{chr(10).join(manifest)}
</manifest>
<spine toc="ncx">
{chr(10).join(spine)}
</spine>
</package>
"""
    container = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""
    with zipfile.ZipFile(EPUB, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        d = zipfile.ZIP_DEFLATED
        z.writestr("META-INF/container.xml", container, compress_type=d)
        z.writestr("OEBPS/content.opf", opf, compress_type=d)
        z.writestr("OEBPS/toc.ncx", ncx, compress_type=d)
        z.writestr("OEBPS/nav.xhtml", nav, compress_type=d)
        z.writestr("OEBPS/cover.xhtml", cover, compress_type=d)
        z.writestr("OEBPS/css/style.css", CSS, compress_type=d)
        for cid, t, blocks in CH:
            z.writestr(f"OEBPS/{cid}.xhtml", chapter_xhtml(cid, t, blocks), compress_type=d)
    with open(PREVIEW, "w", encoding="utf-8") as f:
        f.write(preview_text())

if __name__ == "__main__":
    build()
    txt = open(PREVIEW, encoding="utf-8").read()
    print("words (preview):", len(txt.split()))
    for line in txt.splitlines():
        if line.startswith("#"):
            print(line)
