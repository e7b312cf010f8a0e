#!/usr/bin/env python3
"""Build reviews-ratings.docx (hand-formatted look, no heading styles) and its preview."""
import os
from docx import Document
from docx.shared import Pt
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OUT = "/work/sets/v10/modF"
DOCX = os.path.join(OUT, "reviews-ratings.docx")
PREVIEW = os.path.join(OUT, "reviews-ratings.preview.txt")

# Bayesian prior used in the worked example
C_PRIOR = 10      # prior weight, in "imaginary reviews"
M_PRIOR = 4.2     # shop-wide average star rating

def weighted(n, r):
    return (C_PRIOR * M_PRIOR + n * r) / (C_PRIOR + n)

PRODUCTS = [
    ("Ceramic pour-over set", 3, 5.0),
    ("Linen tea towel (pack of 2)", 120, 4.6),
    ("Bamboo cutting board", 8, 3.5),
    ("Stoneware mug", 45, 4.8),
    ("Glass storage jar", 1, 1.0),
    ("Enamel kettle", 60, 3.9),
]

RESPONSE_TABLE = [
    ("Review type", "Aim of the reply", "Reply within", "Example opening line"),
    ("Positive (5 stars)", "Thank the customer and reinforce what they liked",
     "3 business days", "\u201cThank you, Maya \u2013 we\u2019re so glad the mug is now part of your morning.\u201d"),
    ("Mixed (3\u20134 stars)", "Acknowledge the praise, answer the criticism, show a fix",
     "2 business days", "\u201cThanks for the honest review \u2013 you\u2019re right that the lid is stiff at first.\u201d"),
    ("Negative: product fault (1\u20132 stars)", "Apologise, offer a concrete remedy, move to private contact",
     "24 hours (business days)", "\u201cI\u2019m sorry the handle cracked \u2013 that is not the quality we aim for.\u201d"),
    ("Negative: delivery problem", "Own the experience even if the carrier was at fault; give next steps",
     "24 hours (business days)", "\u201cI\u2019m sorry your parcel arrived four days late and without an update.\u201d"),
    ("Question inside a review", "Answer the question publicly so later shoppers benefit",
     "24 hours (business days)", "\u201cGood question \u2013 yes, the board is safe to oil with any food-grade oil.\u201d"),
    ("Suspected fake or wrong shop", "Stay neutral, state facts, invite contact; report it, don\u2019t accuse",
     "2 business days (after checking orders)", "\u201cWe can\u2019t find an order matching this review and would like to help.\u201d"),
]

def wtable():
    rows = [("Product", "Reviews (n)", "Average stars (R)",
             "Weighted score (C = %d, m = %.1f)" % (C_PRIOR, M_PRIOR))]
    for name, n, r in PRODUCTS:
        w = weighted(n, r)
        rows.append((name, str(n), "%.1f" % r,
                     "(%d \u00d7 %.1f + %d \u00d7 %.1f) \u00f7 (%d + %d) = %.2f"
                     % (C_PRIOR, M_PRIOR, n, r, C_PRIOR, n, w)))
    return rows

# sanity checks on the worked numbers quoted in the text
assert round(weighted(3, 5.0), 2) == 4.38
assert round(weighted(120, 4.6), 2) == 4.57
assert round(weighted(1, 1.0), 2) == 3.91
assert round(weighted(8, 3.5), 2) == 3.89
assert round(weighted(45, 4.8), 2) == 4.69
assert round(weighted(60, 3.9), 2) == 3.94

# ---------------------------------------------------------------------------
# Content model: list of blocks
# ("h1", text) section, ("h2", text) subsection, ("hb", text) bold-only heading,
# ("p", text) paragraph (\n = manual line break), ("b", [items]) bullets,
# ("n", [items]) numbered, ("t", rows) table, ("c", label, text) callout
# ---------------------------------------------------------------------------
TITLE = "Customer Reviews and Ratings for a Small Online Shop"
SUBTITLE = "How to collect, read, answer and use reviews so they help shoppers and the shop"

B = []
def h1(t): B.append(("h1", t))
def h2(t): B.append(("h2", t))
def hb(t): B.append(("hb", t))
def p(t): B.append(("p", t))
def bl(*items): B.append(("b", list(items)))
def nl(*items): B.append(("n", list(items)))
def tb(rows): B.append(("t", rows))
def co(label, text): B.append(("c", label, text))

h1("1. Why reviews matter")
p("A customer review is a customer's own description of a product or of the buying experience, "
  "usually combined with a star rating from 1 to 5. For a small online shop, reviews do a job that a "
  "physical shop does with its counter staff: they let a stranger hear from someone who has already "
  "bought, used and lived with the product. Because the shopper cannot touch the item, reviews are "
  "often the strongest piece of evidence on the page after the photos.")
h2("1.1 What reviews do for the shopper")
p("Shoppers read reviews to reduce risk. They want to know whether the product matches the description, "
  "whether the size or colour is true to the photos, how long it lasts and how the shop behaves when "
  "something goes wrong. Most shoppers read only the first 5 to 10 reviews on a page, and many read the "
  "negative ones first on purpose, because those tell them what the worst case looks like.")
bl("Reassurance: real people bought this and it arrived.",
   "Detail the description lacks: fit, smell, noise, weight, how it looks after a month.",
   "Comparison: a shopper choosing between two similar items often decides on the reviews.",
   "Trust in the shop itself: delivery speed, packaging and after-sales care.")
h2("1.2 What reviews do for the shop")
p("For the shop, reviews are free, continuous product research. They show which products delight people, "
  "which ones cause returns and which descriptions set the wrong expectations. A product with even 5 "
  "genuine reviews usually converts noticeably better than the same product with none, because the jump "
  "from \u201cno evidence\u201d to \u201csome evidence\u201d is the largest one. After roughly 20 to 30 reviews "
  "the extra effect of each new review becomes smaller, but recent reviews keep mattering: a page whose "
  "newest review is two years old looks abandoned.")
co("Good practice:", "Treat reviews as a service to future customers, not as advertising. A page of "
   "honest 4- and 5-star reviews with a few answered 2-star ones is more believable than a wall of "
   "perfect scores.")

h1("2. Asking for reviews")
p("Most satisfied customers never leave a review unless asked, while unhappy customers are more likely "
  "to write without being prompted. If you do not ask, your reviews will lean negative and will not "
  "represent your real customers. Asking every customer in the same way is therefore not a trick; it is "
  "how you get a fair sample.")
h2("2.1 Timing the request")
p("The right moment is after the customer has received the product and had time to use it, but before "
  "the purchase has faded from memory. Sending a request on the day of dispatch is the most common "
  "timing mistake: the customer has nothing to review yet, and a parcel that is late turns the request "
  "into an irritation.")
bl("Base the timing on the delivery date, not the order date. If your carrier gives a delivery "
   "confirmation, use it; otherwise estimate delivery plus one day.",
   "Everyday items used at once (mugs, stationery, clothing): 3 to 5 days after delivery.",
   "Items that need some use before judging (skincare, kitchen tools, shoes): 10 to 14 days after delivery.",
   "Consumables and plants: 2 to 3 weeks, so the customer can see results.",
   "Gifts: ask the buyer about the buying experience, not the product, 3 days after delivery.")
p("A sensible default for a shop with a mixed range is 5 days after confirmed delivery. Send the "
  "request at a time when people read personal email, for example between 9 and 11 in the morning or "
  "between 6 and 8 in the evening in the customer's time zone.")
h2("2.2 How many reminders")
p("Send one request and at most two reminders. The first reminder goes 5 to 7 days after the request "
  "and the second, if you use one, 7 days after that. Stop the sequence at once when the customer "
  "leaves a review, contacts support about a problem or opens a return. More than three messages in "
  "total about one order starts to feel like pressure and leads to unsubscribes.")
nl("Request: 5 days after delivery.",
   "Reminder 1: 7 days after the request, shorter, with the same link.",
   "Reminder 2 (optional): 7 days after reminder 1, a single line and a clear \u201clast message\u201d note.",
   "Stop: no more review messages for that order.")
h2("2.3 Writing the request")
p("A good request is short, personal and makes reviewing easy. Name the product, show its photo, put "
  "the star rating directly in the message so one tap starts the review, and say honestly how the "
  "review will be used. Ask for an honest review, never a \u201cpositive\u201d or \u201c5-star\u201d one.")
hb("Example request message")
p("Subject: How is your stoneware mug working out?\n"
  "Hi Maya, your mug arrived last week and we'd love to know what you think \u2013 good or bad. It takes "
  "about a minute, and your review helps other shoppers decide. Tap a star to start.")
bl("Keep it under 80 words; most people read requests on a phone.",
   "One product per message if possible; for orders of 3 or more items, list them and let the "
   "customer rate each one on the same page.",
   "Offer an easy way to report a problem instead, such as a \u201cSomething wrong? Contact us\u201d link.",
   "Never ask only the customers you expect to be happy. Selective asking distorts your ratings.")

h1("3. What makes a useful review")
p("Not every review helps a shopper equally. \u201cGreat!!!\u201d with five stars adds a little to the "
  "average but says nothing. A useful review describes the product in use and gives the reader enough "
  "context to judge whether the same experience would apply to them.")
h2("3.1 Qualities of a helpful review")
bl("Specific: mentions concrete features, for example \u201cholds 350 ml, handle stays cool\u201d.",
   "Contextual: says how and for how long it was used, such as \u201cdaily for six weeks\u201d.",
   "Balanced: includes at least one downside or limitation, even in a 5-star review.",
   "Relevant: about the product or the buying experience, not about unrelated matters.",
   "Reasonably long: reviews of about 50 to 150 words tend to be the most helpful; very short ones "
   "lack detail, very long ones are skipped.")
p("You can encourage these qualities without steering the opinion. On the review form, use one or two "
  "neutral prompts such as \u201cWhat did you use it for?\u201d and \u201cWhat should other buyers know?\u201d. "
  "Optional fields for size, skin type or room size help shoppers find reviewers like themselves.")
h2("3.2 Photo and video reviews")
p("Customer photos and short videos show the product in real light, real homes and real hands. They "
  "are the best answer to the question \u201cdoes it really look like that?\u201d and are especially "
  "valuable for clothing, home goods and anything where colour or scale matters.")
bl("Invite photos in the request and on the form, but keep them optional; a required photo cuts the "
   "number of reviews sharply.",
   "Accept common formats and set sensible limits, for example up to 5 photos of 10 MB each and videos "
   "up to 60 seconds.",
   "Check every photo and video before publishing for faces of other people, addresses on parcels and "
   "anything offensive. Blurring a label is fine; editing the product's appearance is not.",
   "Show photo reviews near the top of the review section and let shoppers filter by \u201cwith photos\u201d.",
   "Ask permission in the form's wording before you reuse a customer's photo anywhere else, such as a "
   "newsletter.")

h1("4. Star ratings and how to read an average")
p("The star rating is a quick summary, but an average on its own can mislead. Always read it together "
  "with the number of reviews, the spread of ratings and how recent they are.")
h2("4.1 Few reviews versus many")
p("An average of 5.0 from 3 reviews and an average of 4.6 from 120 reviews are not comparable. With 3 "
  "reviews, one more rating of 1 star would drop the average to 4.0; with 120 reviews, the same 1-star "
  "rating would move it by only about 0.03. Small samples swing wildly, so a product with few reviews "
  "is not necessarily better or worse than it looks.")
bl("Look at the distribution: a 4.0 made of mostly 4s is a solid product; a 4.0 made of 5s and 1s "
   "often means a quality-control or sizing problem.",
   "Look at recency: if the last 10 reviews average 3.2 while the overall figure is 4.5, something has "
   "changed, such as a new supplier or packaging.",
   "Look at the count: below about 10 reviews, treat the average as a hint, not a verdict.")
h2("4.2 The weighted (\u201cBayesian\u201d) average")
p("When you sort products by rating, for example in a \u201ctop rated\u201d list, a plain average puts a "
  "product with a single 5-star review above a proven favourite. A weighted average, often called a "
  "Bayesian average, fixes this by starting every product from the shop-wide average and letting its "
  "own reviews pull it away from there as evidence builds up.")
hb("The formula")
p("Weighted score = (C \u00d7 m + n \u00d7 R) \u00f7 (C + n), where n is the number of reviews for the "
  "product, R is its plain average, m is the average rating across the whole shop, and C is the "
  "\u201cprior weight\u201d \u2013 the number of imaginary average reviews you add to every product. In "
  "this module m = %.1f and C = %d. A common choice for C is roughly the median number of reviews per "
  "product in your shop, often between 5 and 20." % (M_PRIOR, C_PRIOR))
p("Worked example: the ceramic pour-over set has 3 reviews averaging 5.0. Its weighted score is "
  "(10 \u00d7 4.2 + 3 \u00d7 5.0) \u00f7 (10 + 3) = (42 + 15) \u00f7 13 = 57 \u00f7 13 = 4.38. The linen tea "
  "towels have 120 reviews averaging 4.6: (42 + 552) \u00f7 130 = 4.57. The tea towels therefore rank "
  "higher, which matches common sense. The table applies the same formula to six products.")
tb(wtable())
p("Notice the glass storage jar: one 1-star review gives a plain average of 1.0, but the weighted "
  "score is 3.91, because a single review is weak evidence. Use the weighted score for sorting and for "
  "internal comparisons; on the product page, show the real average and the review count, since that "
  "is what customers expect to see.")
co("Watch out:", "Do not display the weighted score as if it were the customer rating. Shoppers "
   "would see a number that no customer gave, which damages trust. It is a ranking tool, not a label.")

h1("5. Responding to reviews")
p("Replies are read by far more people than the original reviewer. A calm, helpful reply to a "
  "1-star review can reassure future shoppers more than another 5-star review. Aim to reply to every "
  "negative and mixed review, and to a good share of positive ones.")
h2("5.1 Steps for answering a negative review")
nl("Read the review twice and check the order: dates, product, delivery tracking and any earlier "
   "messages from the customer.",
   "Decide what actually happened: product fault, wrong expectation, delivery problem or something "
   "outside your control.",
   "Reply publicly: thank the customer, apologise for the experience, and address the specific point "
   "they raised in one or two sentences.",
   "Offer a concrete next step, such as a replacement, refund or repair, and invite them to continue "
   "by email or phone. Never post order numbers or personal details in public.",
   "Resolve the case privately, then, if appropriate, add a short public follow-up such as "
   "\u201cWe've sent a replacement \u2013 thank you for your patience.\u201d",
   "Log the cause so it can feed into product and process improvements (see section 7).")
h2("5.2 Tone and time limits")
p("Write as a person, sign with a first name, and keep the reply to 3 to 6 sentences. Avoid "
  "defensiveness, sarcasm and blaming the customer, even when they are wrong; correct facts politely "
  "and briefly. Do not copy the same reply under every review, because shoppers notice templates.")
bl("Negative reviews: reply within 24 hours on business days, and never later than 48 hours.",
   "Mixed reviews: within 2 business days.",
   "Positive reviews: within 3 business days; a short, specific thank-you is enough.",
   "If you cannot solve the problem within the time limit, reply anyway to say what you are doing.",
   "Wait at least one hour after reading an upsetting review before you write, and let a colleague "
   "read any reply to a very angry review.")
hb("Reply guide by review type")
tb(RESPONSE_TABLE)
p("A customer who sees their complaint handled well often updates the review. After the issue is "
  "solved, you may politely mention that they can edit their review if they wish, but never make a "
  "refund or replacement depend on changing it.")

h1("6. Moderation, fake and incentivised reviews")
p("Moderation means checking reviews before or after publication against a written policy. The "
  "policy should be short, public and applied in the same way to positive and negative reviews.")
h2("6.1 What you may remove")
bl("Offensive, threatening or discriminatory language.",
   "Personal data, such as phone numbers, addresses or full names of staff or other people.",
   "Content that has nothing to do with the product or purchase, such as spam or links.",
   "Reviews that are clearly about another shop's product or were posted by mistake.",
   "Reviews that are demonstrably fake (see 6.3).")
h2("6.2 What not to remove")
p("Never remove or hide a genuine review because it is negative, because it mentions a competitor "
  "favourably or because it is badly written. Removing criticism makes the remaining reviews "
  "untrustworthy, and in many places it can also break consumer-protection rules. If a review contains "
  "one unacceptable phrase, remove or mask that phrase and keep the rest where your policy allows it, "
  "rather than deleting the whole review.")
bl("Keep genuine 1- and 2-star reviews, and answer them.",
   "Keep reviews that criticise delivery or service, even if the product itself was fine.",
   "Keep old reviews; sort by newest by default instead of deleting the past.",
   "Do not delay publishing negative reviews while positive ones go live at once.")
h2("6.3 Fake and incentivised reviews")
p("A fake review is one written by someone who did not genuinely buy or use the product, or written "
  "to mislead, such as reviews by staff, friends or paid writers, or negative reviews planted by a "
  "rival. An incentivised review is one the reviewer was rewarded for: a discount, a gift, an entry "
  "into a prize draw or free products. Rules differ between countries, but in general terms buying "
  "reviews, writing your own, and rewarding only positive reviews are widely treated as deceptive.")
bl("Do not post reviews written by the owner, staff or family, even \u201cto get started\u201d.",
   "If you offer any reward for reviewing, offer it for every review regardless of rating, and label "
   "those reviews clearly, for example \u201cReceived a free sample\u201d.",
   "Mark reviews from verified buyers, so shoppers can tell them apart.",
   "Warning signs of fakes: several reviews within a few hours, very similar wording, no matching "
   "order, or reviewer names that repeat across unrelated products.")

h1("7. Using and showing reviews")
h2("7.1 Turning review content into product improvements")
p("Every month, read all reviews of 3 stars or fewer and a sample of positive ones, and tag each with "
  "one main topic: quality, size or fit, description accuracy, packaging, delivery, or price and value. "
  "Count the tags per product. A topic that appears in 3 or more reviews of the same product within "
  "90 days deserves action.")
nl("Export the month's reviews into a simple spreadsheet with product, rating, date and topic columns.",
   "Sort by product and topic, and list the top three problems.",
   "Choose a fix for each: change the supplier, improve the packaging, or rewrite the description.",
   "Record the date of the change and compare the average rating of the 30 reviews before and after.")
p("Many problems are expectation problems rather than product faults. If several reviewers say a "
  "bowl is \u201csmaller than expected\u201d, add exact dimensions and a photo next to a familiar object. "
  "Positive reviews are useful too: the words customers use to praise a product are often the best "
  "words for its description.")
h2("7.2 Showing reviews on product pages")
bl("Show the average star rating and the review count near the product name, for example "
   "\u201c4.6 (120 reviews)\u201d.",
   "Show a bar chart of how many reviews gave each star level from 5 to 1.",
   "Sort by \u201cmost recent\u201d or \u201cmost helpful\u201d by default, never by \u201chighest rating first\u201d.",
   "Offer filters by star level, \u201cwith photos\u201d and relevant attributes such as size.",
   "Show your replies directly under the review they answer.",
   "Show the first 5 to 10 reviews and load more on request, so the page stays fast.",
   "For a product with no reviews, say so plainly rather than hiding the section.")

h1("8. Measuring review performance")
p("Check a few simple numbers every month. Trends over 3 to 6 months matter more than any single month.")
bl("Request rate: review requests sent \u00f7 delivered orders. Aim for 95% or more; a lower figure "
   "means the automation is missing orders.",
   "Review response rate: reviews received \u00f7 requests sent. Between 5% and 15% is typical for a "
   "small shop; a well-timed request with one reminder often reaches 10%.",
   "Reply rate: reviews you answered \u00f7 reviews received. Aim for 100% of negative and mixed "
   "reviews and at least 30% of positive ones.",
   "Reply time: median hours from publication to your reply; keep negative reviews under 24 hours.",
   "Average rating trend: the average of the last 90 days, tracked monthly per product and for the shop.",
   "Photo share: the percentage of reviews with a photo or video.")
p("Example: in March a shop delivered 400 orders and sent 388 requests, a request rate of 97%. It "
  "received 43 reviews, a response rate of about 11%. Of 7 negative or mixed reviews, all 7 were "
  "answered within 24 hours. The 90-day average moved from 4.3 to 4.4, so the trend is stable to positive.")

h1("9. Mistakes to avoid and summary")
h2("9.1 Mistakes to avoid")
bl("Asking before the product has arrived or had time to be used.",
   "Sending more than two reminders, or continuing after the customer has complained.",
   "Asking only happy customers, or asking for \u201c5 stars\u201d.",
   "Deleting or hiding honest negative reviews.",
   "Arguing with reviewers in public, or revealing order details.",
   "Writing your own reviews or rewarding only positive ones.",
   "Judging a product by an average from 2 or 3 reviews.",
   "Collecting reviews but never reading them for product improvements.")
h2("9.2 Summary")
p("Reviews help shoppers decide and tell the shop what to improve. Ask every customer, 3 days to 3 weeks "
  "after delivery depending on the product, with one request and at most two reminders. Encourage "
  "specific, honest reviews and photos. Read averages together with the review count and use a "
  "weighted average, (C \u00d7 m + n \u00d7 R) \u00f7 (C + n), for ranking. Answer negative reviews within "
  "24 hours on business days, calmly and with a concrete remedy. Remove only reviews that break a clear "
  "policy, never honest criticism, and keep reviews genuine. Finally, measure request rate, response "
  "rate, reply rate and the rating trend every month, and act on what customers tell you.")

# ---------------------------------------------------------------------------
TOC_PAGES = {"1": 2, "2": 2, "3": 4, "4": 5, "5": 6, "6": 8, "7": 9, "8": 10, "9": 11}

def shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)

def add_text(par, text, bold=False, italic=False, size=None):
    parts = text.split("\n")
    run = None
    for i, part in enumerate(parts):
        run = par.add_run(part)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if i < len(parts) - 1:
            run.add_break()
    return run

def page_field(par):
    r = par.add_run()
    f1 = OxmlElement("w:fldChar"); f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = " PAGE "
    f2 = OxmlElement("w:fldChar"); f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t"); t.text = "1"
    f3 = OxmlElement("w:fldChar"); f3.set(qn("w:fldCharType"), "end")
    for el in (f1, it, f2, t, f3):
        r._r.append(el)

def new_num_id(doc):
    """New w:num on the List Number abstract numbering, restarting at 1."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    style = doc.styles["List Number"]
    base_id = style.element.pPr.numPr.numId.val
    abstract = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(base_id):
            abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(ids) + 1
    num = OxmlElement("w:num"); num.set(qn("w:numId"), str(new_id))
    a = OxmlElement("w:abstractNumId"); a.set(qn("w:val"), abstract)
    num.append(a)
    ov = OxmlElement("w:lvlOverride"); ov.set(qn("w:ilvl"), "0")
    so = OxmlElement("w:startOverride"); so.set(qn("w:val"), "1")
    ov.append(so); num.append(ov)
    numbering.append(num)
    return new_id

def build_docx():
    doc = Document()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "Shop Academy \u00b7 Internal training"
    fp = sec.footer.paragraphs[0]
    fp.add_run("Page ")
    page_field(fp)

    def blank():
        doc.add_paragraph()

    add_text(doc.add_paragraph(), TITLE, bold=True, size=20)
    add_text(doc.add_paragraph(), SUBTITLE, italic=True)
    blank()
    add_text(doc.add_paragraph(), "Contents", bold=True)
    for blk in B:
        if blk[0] == "h1":
            num = blk[1].split(".")[0]
            doc.add_paragraph("%s ........ %d" % (blk[1], TOC_PAGES[num]))
    blank()

    for i, blk in enumerate(B):
        kind = blk[0]
        if kind == "h1":
            blank()
            add_text(doc.add_paragraph(), blk[1], bold=True, size=14)
        elif kind == "h2":
            add_text(doc.add_paragraph(), blk[1], bold=True, size=12)
        elif kind == "hb":
            add_text(doc.add_paragraph(), blk[1], bold=True)
        elif kind == "p":
            add_text(doc.add_paragraph(), blk[1])
            blank()
        elif kind in ("b", "n"):
            style = "List Bullet" if kind == "b" else "List Number"
            num_id = new_num_id(doc) if kind == "n" else None
            for item in blk[1]:
                par = doc.add_paragraph(item, style=style)
                if num_id is not None:
                    pPr = par._p.get_or_add_pPr()
                    numPr = OxmlElement("w:numPr")
                    ilvl = OxmlElement("w:ilvl"); ilvl.set(qn("w:val"), "0")
                    nid = OxmlElement("w:numId"); nid.set(qn("w:val"), str(num_id))
                    numPr.append(ilvl); numPr.append(nid)
                    pPr.append(numPr)
            blank()
        elif kind == "t":
            rows = blk[1]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    cell = t.cell(r, c)
                    cell.text = ""
                    add_text(cell.paragraphs[0], val, bold=(r == 0))
            blank()
        elif kind == "c":
            t = doc.add_table(rows=1, cols=1)
            t.style = "Table Grid"
            cell = t.cell(0, 0)
            shade(cell, "E8F1FB" if blk[1].startswith("Good") else "FDECEA")
            par = cell.paragraphs[0]
            add_text(par, blk[1] + " ", bold=True)
            add_text(par, blk[2])
            blank()
    doc.save(DOCX)

def build_preview():
    out = []
    for blk in B:
        kind = blk[0]
        if kind == "h1":
            out.append("## " + blk[1])
        elif kind == "h2":
            out.append("### " + blk[1])
        elif kind in ("hb", "p"):
            out.append(blk[1])
        elif kind == "b":
            out.append("\n".join("- " + x for x in blk[1]))
        elif kind == "n":
            out.append("\n".join("%d. %s" % (k + 1, x) for k, x in enumerate(blk[1])))
        elif kind == "t":
            rows = blk[1]
            lines = ["| " + " | ".join(rows[0]) + " |",
                     "|" + "|".join(["---"] * len(rows[0])) + "|"]
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            out.append("\n".join(lines))
        elif kind == "c":
            out.append(blk[1] + " " + blk[2])
    with open(PREVIEW, "w", encoding="utf-8") as f:
        f.write("\n\n".join(out) + "\n")

if __name__ == "__main__":
    build_docx()
    build_preview()
    print("wrote", DOCX, "and", PREVIEW)
