#!/usr/bin/env python3
"""Builds promotions-discounts.pptx and its preview text from one content list."""
from pptx import Presentation
from pptx.util import Inches, Pt
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "promotions-discounts.pptx")
PREVIEW = os.path.join(HERE, "promotions-discounts.preview.txt")

TITLE = "Promotions and Discount Codes for a Small Online Shop"
SUBTITLE = "Running sales that bring in customers without giving away your margin"

# Slide kinds: ("section", title) | ("bullets", title, [(level, text)], notes)
# ("table", title, rows, notes) | ("compare", title, (lhead, litems), (rhead, ritems), notes)
# ("textbox", title, [paragraphs], notes)
S = []
def sec(t): S.append(("section", t))
def bul(t, items, notes=""): S.append(("bullets", t, items, notes))

sec("Part 1 · Why and when to promote")
bul("What a promotion is for", [
    (0, "A promotion is a temporary change to price or offer with a specific goal"),
    (1, "Win first-time buyers who hesitate at full price"),
    (1, "Bring lapsed customers back (no order in 6–12 months)"),
    (1, "Clear slow or seasonal stock before it loses value"),
    (1, "Raise average order value (AOV) with a threshold or bundle"),
    (0, "No goal, no promotion"),
    (1, "\"Sales are slow this week\" is a symptom, not a goal"),
    (1, "Write the goal and the target number before choosing the offer"),
], "Start every promotion with one written sentence: who it is for and what it should change. "
   "A shop that discounts simply because revenue dipped usually ends up paying regulars for orders "
   "they would have placed anyway. Each goal points to a different offer: new-customer goals suit a "
   "modest first-order code, stock clearance suits a deep but narrow markdown on named items, and AOV "
   "goals suit thresholds and bundles rather than a flat percentage. Put a number on the goal too, "
   "for example 40 first orders in two weeks, so you can judge the result honestly afterwards.")
bul("When a promotion makes sense", [
    (0, "Good moments"),
    (1, "Seasonal peaks when shoppers expect offers (year-end gifting, back-to-school)"),
    (1, "Launches, shop anniversaries, end-of-season clearance"),
    (1, "Quiet months, if the offer targets a clear group"),
    (0, "Poor moments"),
    (1, "When stock is short: you sell out at a lower price"),
    (1, "Right after a full-price launch: early buyers feel cheated"),
    (1, "When fulfilment is already stretched (shipping delays cost reviews)"),
], "Timing matters as much as the offer. During peaks shoppers compare shops, so a well-judged offer "
   "wins share, but you also compete with large retailers, so a small shop often does better with a "
   "distinctive offer (gift with purchase, free wrapping) than with the deepest cut. A promotion you "
   "cannot fulfil is worse than none: check that you hold at least 1.5–2 times your normal weekly "
   "stock of the promoted items and that packing capacity can absorb a doubling of orders for a few days.")

sec("Part 2 · Kinds of promotion")
S.append(("table", "Promotion types at a glance", [
    ["Type", "Best for", "Typical depth", "Risk"],
    ["Percentage off", "Broad sales events, new-customer codes", "10–25%", "Costs most on high-priced items; trains waiting for sales"],
    ["Fixed amount off", "Low-priced items, first orders", "$5–$15 off, often with a minimum spend", "Too generous on small baskets without a minimum"],
    ["Free shipping", "Reducing checkout abandonment", "Full shipping cost, often over a threshold", "Erodes margin on heavy or remote orders"],
    ["Bundle", "Raising AOV, moving slow items", "10–20% below separate prices", "Slow item can drag the bundle down"],
    ["Buy-one-get-one", "Consumables, clearing stock", "50% (BOGO half) to 100% (BOGO free)", "Very deep; doubles stock outflow"],
    ["Gift with purchase", "Protecting price image, premium brands", "Gift worth 5–10% of order at cost", "Gift nobody wants adds cost, not sales"],
    ["Tiered spend thresholds", "Raising AOV across the range", "e.g. 10% over $60, 15% over $100", "Thresholds set too low give margin away"],
], "Read the table by goal, not by habit. Percentage off is the default most shops reach for, but it is "
   "the least targeted. Gift with purchase is often the cheapest option for a small shop because the "
   "gift costs you its wholesale price while the customer values it at retail. Free shipping works because "
   "shoppers dislike shipping fees more than the same amount in the product price."))
bul("Price-based offers", [
    (0, "Percentage off"),
    (1, "Easy to understand; scales with basket size"),
    (1, "Shoppers notice offers from about 10%; below that, few react"),
    (0, "Fixed amount off"),
    (1, "Feels bigger on cheap items: \"$10 off\" beats \"15% off\" a $50 item"),
    (1, "Pair with a minimum order, e.g. $10 off orders over $60"),
    (0, "Free shipping"),
    (1, "Set the threshold about 20–30% above your current AOV"),
], "Choose between percentage and fixed amount by price level. Under roughly $100, a fixed amount tends to "
   "sound larger; above it, a percentage does. A fixed amount also caps your cost per order, which a "
   "percentage does not. For free shipping, first work out your average shipping cost per order. If your "
   "AOV is $45, a threshold of $55–$60 nudges many buyers to add one item, and the extra margin on that "
   "item usually pays for the postage. Check the threshold against heavy or bulky products, which may need "
   "to be excluded.")
bul("Offers that raise basket size", [
    (0, "Bundles"),
    (1, "Combine a best-seller with a related slower item"),
    (1, "Show the separate price next to the bundle price"),
    (0, "Buy-one-get-one (BOGO)"),
    (1, "\"Second item half price\" is usually safer than \"second item free\""),
    (0, "Gift with purchase"),
    (1, "Trigger it with a spend level, e.g. free sample set over $50"),
    (0, "Tiered spend thresholds"),
    (1, "Two or three tiers; the first just above current AOV"),
], "Basket-building offers protect the list price, which matters for a small brand. Build bundles from "
   "items customers already buy together; your order history tells you which pairs these are. For tiered "
   "thresholds, if your AOV is $48, a first tier at $60 is reachable with one extra small item, while "
   "a second tier at $100 targets your bigger spenders. More than three tiers confuses shoppers. For "
   "BOGO, work out the effective discount: buy one, get one free is 50% off two units, which is deeper "
   "than most shops could afford as a sitewide percentage.")

sec("Part 3 · Setting the discount without losing money")
bul("Margin comes first", [
    (0, "Gross margin = (price − cost of goods) ÷ price"),
    (1, "Include product cost, packaging and payment fees per order"),
    (1, "Example: $40 price, $20 all-in cost → 50% margin, $20 profit per unit"),
    (0, "A discount comes straight off the profit, not the price"),
    (1, "20% off the $40 item: price $32, profit $12"),
    (1, "You gave away 20% of the price but 40% of the profit"),
], "This is the single most important idea in the module. Shop owners think of a discount as a cut to "
   "the price, but the whole cut comes out of profit because the cost of the goods does not change. On "
   "a 50% margin product, a 20% discount removes 40% of the profit on each unit. On a 30% margin product "
   "the same discount removes two thirds of the profit. Always know your margin per product, including "
   "packaging and payment fees, before you choose a discount depth.")
bul("The break-even uplift formula", [
    (0, "Required sales increase = discount ÷ (margin − discount)"),
    (1, "Use margin and discount as fractions of the full price"),
    (1, "Result = extra units needed just to earn the same profit"),
    (0, "Worked example: 50% margin, 20% discount"),
    (1, "0.20 ÷ (0.50 − 0.20) = 0.20 ÷ 0.30 = 0.667 → +66.7% units"),
    (1, "Check: 100 units × $20 = $2,000; 167 units × $12 ≈ $2,000"),
    (0, "If discount ≥ margin, no sales increase can break even"),
], "Walk through the check on the slide. Normally you sell 100 units at $20 profit, $2,000 in total. At "
   "20% off each unit earns $12, so you need about 167 units to make the same $2,000. That is two thirds "
   "more units just to stand still, before counting the extra packing time. Break-even is the floor, not "
   "the goal: if the promotion cannot realistically lift sales by more than this figure, choose a smaller "
   "discount or a different offer type.")
S.append(("table", "Worked break-even examples", [
    ["Product", "Margin", "Discount", "Required sales increase"],
    ["Ceramic mug", "50%", "10%", "+25% (0.10 ÷ 0.40)"],
    ["Leather wallet", "50%", "20%", "+66.7% (0.20 ÷ 0.30)"],
    ["Loose-leaf tea sampler", "40%", "10%", "+33.3% (0.10 ÷ 0.30)"],
    ["Art print", "40%", "20%", "+100% (0.20 ÷ 0.20)"],
    ["Handmade candle", "60%", "25%", "+71.4% (0.25 ÷ 0.35)"],
    ["Resold headphones", "30%", "15%", "+100% (0.15 ÷ 0.15)"],
], "Notice two patterns. First, doubling the discount far more than doubles the required increase: the "
   "wallet at 10% off would need +25%, at 20% off it needs +66.7%. Second, low-margin products are "
   "dangerous to discount: the headphones need twice the sales at only 15% off. High-margin handmade "
   "goods can carry deeper offers, which is why many small shops promote their own products and leave "
   "resold lines at full price."))
bul("Choosing the depth", [
    (0, "Step 1: list margin per product or category"),
    (0, "Step 2: compute break-even uplift for 2–3 candidate depths"),
    (0, "Step 3: compare with past promotions"),
    (1, "If the last 15% offer lifted units by 30%, do not expect 80% from 20%"),
    (0, "Step 4: set a margin floor"),
    (1, "e.g. never below 30% margin after discount"),
    (0, "Step 5: exclude items that fail the floor"),
], "Run these five steps at least two weeks before the promotion. Most shops find that a sitewide figure "
   "does not work for every line, so they either discount only high-margin categories or use two depths, "
   "for example 20% on own-made goods and 10% on resold goods. Your own history is the best guide to "
   "realistic uplift: a small shop rarely sees more than a 30–60% unit increase from a one-week offer of "
   "15–20%. If the required increase is above what you have ever achieved, the offer will lose money.")

sec("Part 4 · Discount code hygiene")
S.append(("compare", "Public code vs single-use code",
    ("Public code", [
        "One code anyone can use, e.g. SPRING15",
        "Good for: newsletters, social posts, sitewide events",
        "Easy to share, easy to announce",
        "Spreads beyond the audience you meant",
        "Control: short expiry, minimum spend, usage cap",
    ]),
    ("Single-use code", [
        "Unique code per customer, usable once",
        "Good for: welcome offers, win-back, apologies",
        "Each redemption traces to one person",
        "Useless when posted publicly",
        "Control: generated in batches, expire in 14–30 days",
    ]),
    "Use public codes when reach is the point and you accept some leakage, and single-use codes when the "
    "offer is meant for a specific person or group. A welcome discount sent as a public code will appear "
    "on coupon sites within days, and then every buyer, including those already at checkout, takes it. "
    "Single-use codes take a little more setup but make the cost predictable and the measurement clean."))
bul("Expiry and stacking rules", [
    (0, "Every code gets an end date"),
    (1, "Public event codes: 3–7 days"),
    (1, "Personal codes: 14–30 days; no \"evergreen\" codes"),
    (0, "Decide stacking before launch"),
    (1, "Default: one code per order"),
    (1, "Do codes combine with sale prices or free shipping?"),
    (1, "Exclude gift cards and already-reduced items"),
    (0, "Test the code at checkout with a real basket"),
], "Most costly code mistakes come from stacking. A 20% code applied on top of a 30% clearance markdown "
   "gives 44% off, which may be below cost. Write the rules in one line on the offer itself, such as one "
   "code per order, excludes sale items and gift cards, ends Sunday 23:59, and configure the checkout to "
   "enforce them. Then test with three baskets: one below the minimum, one with a sale item, and one with "
   "a second code, before anything is sent out.")
S.append(("textbox", "When a code leaks to coupon sites", [
    "Signs of a leak: redemptions from customers outside the list you sent it to, a sudden spike in use, "
    "or the code appearing in search results for your shop name plus \"discount\".",
    "Why it hurts: coupon-site users are mostly shoppers already at your checkout. They would have paid full "
    "price; the code simply moves margin from you to them, and affiliate-style sites may also claim credit.",
    "What to do within 24 hours: disable or cap the leaked code, issue fresh single-use codes to the intended "
    "group, and add a minimum spend or new-customer restriction to future public codes.",
    "Prevention: prefer single-use codes for private offers, use names that are hard to guess (not SAVE10), "
    "and review code usage at least weekly while any offer runs.",
], ""))

sec("Part 5 · Planning and announcing")
bul("Building a sale calendar", [
    (0, "Plan 12 months ahead, revise each quarter"),
    (1, "Mark seasonal peaks, launches, stock-clearance windows"),
    (0, "Limit the count"),
    (1, "4–6 sitewide events a year is plenty for most small shops"),
    (1, "Leave at least 6–8 weeks of full price between sitewide sales"),
    (0, "Mix offer types across the year"),
    (1, "Not every event should be a percentage off"),
], "A calendar stops reactive discounting. Put the fixed dates in first: the year-end gifting season, your "
   "shop anniversary, end-of-season clearance. Then place smaller targeted offers, such as a win-back email "
   "or a bundle, in the gaps, without touching the full-price periods. Plan stock and shipping capacity "
   "against each date, order packaging early, and note who is available to pack. Reviewing each quarter lets "
   "you drop an event that underperformed last year rather than repeating it by habit.")
bul("Announcing by email", [
    (0, "Teaser: 5–7 days before (optional for small events)"),
    (0, "Launch email on the first morning"),
    (0, "Reminders"),
    (1, "2-day sale: launch + 1 last-chance email"),
    (1, "5–7-day sale: launch + midpoint + last-chance (final day)"),
    (1, "Never more than 3–4 emails for one promotion"),
    (0, "Subscribers first: give the list 12–24 hours early access"),
], "Most promotion revenue arrives on the first and last day, so the launch and the last-chance email carry "
   "the event. The last-chance email, sent on the morning of the final day, often earns as much as the "
   "launch. Do not send reminders to people who have already bought with the code. Early access for "
   "subscribers rewards your most loyal audience and grows the list ahead of the next event. State the end "
   "date and time and the exclusions in every email.")
bul("Announcing on site and elsewhere", [
    (0, "On site"),
    (1, "Banner with offer, code and end date on every page"),
    (1, "Show the discounted price on product pages where possible"),
    (0, "Social and existing customers"),
    (1, "Post at launch and on the final day"),
    (1, "Add a note in parcels shipped 2 weeks before"),
    (0, "Say the same terms in every channel"),
])

sec("Part 6 · Measuring a promotion")
bul("Incremental revenue", [
    (0, "Incremental = promotion revenue − baseline revenue"),
    (1, "Baseline: same period last year or the average of the 4 previous weeks"),
    (1, "Include the week after: sales often dip as demand was pulled forward"),
    (0, "Judge profit, not revenue"),
    (1, "Compare gross profit in the promotion window with the baseline"),
], "Revenue alone flatters promotions. Suppose a normal week brings $3,000 in sales at 50% margin, so $1,500 "
   "gross profit. A 20%-off week brings $4,200 in sales; at list price that was $5,250 of goods costing "
   "$2,625, so gross profit is $1,575. Revenue rose 40% but profit only $75. If the following week falls "
   "to $2,500 because customers bought early, the promotion lost money overall. Always measure a window "
   "that includes the week after.")
bul("Redemption rate and margin after discount", [
    (0, "Redemption rate = orders using the code ÷ people who received it"),
    (1, "Email codes: 1–5% is common; a welcome code can reach 10–20%"),
    (1, "Far above expectation? Check for a leak"),
    (0, "Margin after discount = (discounted price − cost) ÷ discounted price"),
    (1, "$32 price, $20 cost → 37.5% (down from 50%)"),
    (0, "Track discount as a share of revenue"),
    (1, "Many healthy shops keep it under 10–15% across the year"),
])
bul("Do promo buyers come back?", [
    (0, "Repeat rate of promo buyers"),
    (1, "Share who place a full-price order within 90 days"),
    (1, "Compare with full-price first-time buyers"),
    (0, "What the comparison tells you"),
    (1, "Similar rates: the promotion acquired real customers"),
    (1, "Much lower: you attracted bargain hunters only"),
], "A promotion aimed at new customers succeeds only if some of them return. Tag every order that used a "
   "code, then after 90 days compare the repeat rate of those customers with first-time buyers who paid "
   "full price. For example, if 28% of full-price first buyers reorder but only 12% of promo buyers do, the "
   "real cost of each loyal customer won is more than double what the discount suggests. Keep a one-page "
   "record of each promotion with its goal, depth, results and repeat rate.")

sec("Part 7 · Risks and mistakes")
bul("Discount fatigue and brand damage", [
    (0, "Discount fatigue"),
    (1, "Customers wait for the next sale instead of buying now"),
    (1, "Each offer gets less response, so depth creeps up"),
    (0, "Brand damage"),
    (1, "Full price starts to look like an overcharge"),
    (1, "A handmade or premium shop begins to look like a bargain bin"),
    (0, "Warning signs"),
    (1, "Over half of orders use a code; full-price weeks keep falling"),
], "Discount fatigue builds slowly. If customers learn that a code arrives every few weeks, they stop buying "
   "at full price, sales concentrate in promotion windows, and you need deeper offers to get the same "
   "response. Watch the share of orders using a code: once it passes about half, the discount has become "
   "your real price. The remedy is fewer, more targeted offers, value-adding promotions such as gifts or "
   "bundles, and several months of steady full-price selling.")
bul("Mistakes to avoid", [
    (0, "Discounting without knowing the margin per product"),
    (0, "Open-ended public codes with no expiry or minimum"),
    (0, "Undefined stacking: codes on top of sale prices"),
    (0, "Sitewide sales every month"),
    (0, "Running out of stock or packing capacity mid-sale"),
    (0, "Judging by revenue instead of profit and repeat rate"),
    (0, "Extending a sale after the \"final day\""),
    (1, "Customers learn deadlines are not real"),
], "Each of these mistakes has appeared earlier in the module, and most come from skipping planning. Two "
   "deserve emphasis. Extending a sale because it went well feels harmless, but it teaches customers that "
   "your deadlines mean nothing, and they will ignore the next last-chance email. Judging by revenue hides "
   "losses: a busy weekend of orders at a margin below your floor, followed by a quiet week, can leave "
   "the month worse off than doing nothing. Review each promotion within 2 weeks of it ending.")

S.append(("bullets", "Key takeaways", [
    (0, "Every promotion starts with a written goal and target"),
    (0, "Required sales increase = discount ÷ (margin − discount)"),
    (1, "50% margin, 20% off → +66.7% units to break even"),
    (0, "Match the offer type to the goal; thresholds and gifts protect price"),
    (0, "Codes: expiry, stacking rules, single-use for private offers"),
    (0, "Plan 4–6 sitewide events a year; 3–4 emails per promotion at most"),
    (0, "Measure incremental profit, redemption and 90-day repeat rate"),
], "To close, remind learners that a good promotion is planned, targeted and measured. Know the margin, run "
   "the break-even formula, choose the offer that fits the goal, lock down the code rules, announce with a "
   "small number of well-timed emails, and judge the result by profit and by whether promo buyers come back."))

# ---------------------------------------------------------------- build deck
prs = Presentation()
prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
W, H = prs.slide_width, prs.slide_height
L_TITLE, L_CONTENT, L_SECTION, L_TONLY = (prs.slide_layouts[i] for i in (0, 1, 2, 5))

def footer(slide, n):
    tb = slide.shapes.add_textbox(W - Inches(1.6), H - Inches(0.55), Inches(1.2), Inches(0.4))
    tb.name = "Slide Number"
    p = tb.text_frame.paragraphs[0]
    p.text = str(n)
    p.runs[0].font.size = Pt(12)

def notes(slide, text):
    if text:
        slide.notes_slide.notes_text_frame.text = text

def fit_title(slide):
    t = slide.shapes.title
    t.left, t.top, t.width, t.height = Inches(0.6), Inches(0.3), W - Inches(1.2), Inches(1.1)

def fill_tf(tf, items, size=20):
    tf.word_wrap = True
    first = True
    for lvl, txt in items:
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        p.text = txt
        p.level = lvl
        for r in p.runs:
            r.font.size = Pt(size if lvl == 0 else size - 2)

n = 0
s = prs.slides.add_slide(L_TITLE); n += 1
s.shapes.title.text = TITLE
s.placeholders[1].text = SUBTITLE

s = prs.slides.add_slide(L_CONTENT); n += 1
s.shapes.title.text = "Agenda"
fill_tf(s.placeholders[1].text_frame, [(0, x[1].split(" · ", 1)[1]) for x in S if x[0] == "section"] + [(0, "Key takeaways")])
footer(s, n)

for item in S:
    kind = item[0]
    if kind == "section":
        s = prs.slides.add_slide(L_SECTION); n += 1
        s.shapes.title.text = item[1]
        for ph in list(s.placeholders):
            if ph.placeholder_format.idx != 0:
                ph._element.getparent().remove(ph._element)
    elif kind == "bullets":
        _, t, items, nt = item
        s = prs.slides.add_slide(L_CONTENT); n += 1
        s.shapes.title.text = t
        fit_title(s)
        body = s.placeholders[1]
        body.left, body.top, body.width, body.height = Inches(0.8), Inches(1.5), W - Inches(1.6), H - Inches(2.3)
        fill_tf(body.text_frame, items)
        notes(s, nt)
    elif kind == "table":
        _, t, rows, nt = item
        s = prs.slides.add_slide(L_TONLY); n += 1
        s.shapes.title.text = t
        fit_title(s)
        gf = s.shapes.add_table(len(rows), len(rows[0]), Inches(0.6), Inches(1.5), W - Inches(1.2), Inches(0.6) * len(rows))
        tbl = gf.table
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                cell = tbl.cell(r, c)
                cell.text = val
                for p in cell.text_frame.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(14 if r else 15)
                        run.font.bold = (r == 0)
        notes(s, nt)
    elif kind == "compare":
        _, t, (lh, li), (rh, ri), nt = item
        s = prs.slides.add_slide(L_TONLY); n += 1
        s.shapes.title.text = t
        fit_title(s)
        colw = (W - Inches(1.6)) / 2
        for i, (hd, its) in enumerate(((lh, li), (rh, ri))):
            tb = s.shapes.add_textbox(Inches(0.6) + i * (colw + Inches(0.4)), Inches(1.6), colw, Inches(4.8))
            tb.name = hd
            tf = tb.text_frame
            tf.word_wrap = True
            tf.paragraphs[0].text = hd
            tf.paragraphs[0].runs[0].font.bold = True
            tf.paragraphs[0].runs[0].font.size = Pt(24)
            for x in its:
                p = tf.add_paragraph()
                p.text = "• " + x
                p.runs[0].font.size = Pt(18)
        notes(s, nt)
    elif kind == "textbox":
        _, t, paras, nt = item
        s = prs.slides.add_slide(L_TONLY); n += 1
        s.shapes.title.text = t
        fit_title(s)
        tb = s.shapes.add_textbox(Inches(0.8), Inches(1.6), W - Inches(1.6), Inches(5.0))
        tb.name = "Body text"
        tf = tb.text_frame
        tf.word_wrap = True
        for i, para in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.text = para
            p.runs[0].font.size = Pt(18)
            p.space_after = Pt(10)
        notes(s, nt)
    footer(s, n)

prs.save(OUT)

# ---------------------------------------------------------------- preview
out = []
for item in S:
    kind = item[0]
    if kind == "section":
        out += ["## " + item[1], ""]
        continue
    out.append("### " + item[1])
    if kind == "bullets":
        out += [("  " * lvl) + "- " + txt for lvl, txt in item[2]]
        nt = item[3]
    elif kind == "table":
        rows = item[2]
        out.append("| " + " | ".join(rows[0]) + " |")
        out.append("|" + "---|" * len(rows[0]))
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        nt = item[3]
    elif kind == "compare":
        for hd, its in (item[2], item[3]):
            out.append("- " + hd)
            out += ["  - " + x for x in its]
        nt = item[4]
    elif kind == "textbox":
        for p in item[2]:
            out += ["", p]
        nt = item[3]
    if nt:
        out += ["", nt]
    out.append("")
with open(PREVIEW, "w") as f:
    f.write("# " + TITLE + "\n\n" + SUBTITLE + "\n\n" + "\n".join(out).rstrip() + "\n")
print("slides:", n)
