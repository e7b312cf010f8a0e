"""Generate the handout "Money basics for freelancers" as a Word document (.docx)
plus a plain-text preview. Uses only python-docx.

Run:  /work/main/.venv/bin/python make_docx.py
"""
import copy
import os
import re

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
DOCX_PATH = os.path.join(OUT_DIR, "freelancer-money-basics.docx")
PREVIEW_PATH = os.path.join(OUT_DIR, "freelancer-money-basics.preview.txt")

HEADER_TEXT = "Freelance Foundations \u2014 Handout"
FOOTER_TEXT = "\u00a9 2026 Freelance Foundations. All rights reserved. For training use only."

# ---------------------------------------------------------------------------
# Content. Text between ** ** is set in bold.
# ---------------------------------------------------------------------------
CONTENT = [
    ("title", "Money Basics for Freelancers"),
    ("p", "This handout is for designers, writers and developers in their first two years of "
          "freelancing. It covers the money side of the work, from your first quote to a "
          "bookkeeping routine that takes about an hour a month."),
    ("p", "The examples use round numbers in no particular currency, so swap in your own. Tax, "
          "pension and insurance rules differ from country to country. Where the handout says "
          "**check your local rules**, confirm the detail with your tax authority, an accountant "
          "or a freelancers' association before you act on it."),

    # -------------------------------------------------------------------
    ("h1", "How freelance money differs from a salary"),
    ("p", "When you are employed, your employer takes tax off your pay before you see it, pays "
          "you on the same day every month, and pays for your holidays, sick days, equipment and "
          "part of your pension. When you freelance, every one of those jobs becomes yours. "
          "Nothing is withheld, nothing arrives on a fixed date, and nobody notices if you "
          "forget to save."),
    ("p", "Three ideas run through the rest of this handout:"),
    ("bullets", [
        "**Revenue is not income.** The money that lands in your account still contains the tax "
        "you owe, your business costs and the savings you need for quiet months. Only what is "
        "left after those is yours to spend.",
        "**Income is lumpy.** Clients pay on different dates, some pay late, and a busy quarter "
        "is often followed by a quiet one. Your spending has to be smoother than your income.",
        "**Small routines beat big clean-ups.** Five minutes when each payment arrives and an "
        "hour at the end of each month prevent the classic first-year crisis: a tax bill you "
        "cannot pay and a shoebox of receipts you cannot sort.",
    ]),

    # -------------------------------------------------------------------
    ("h1", "Setting your day rate"),
    ("p", "Your **day rate** is what you charge for one working day of client work, usually "
          "defined as 7 or 8 hours. Even if you price most jobs by the project, you need a day "
          "rate as an internal yardstick, because every project price is really an estimate of "
          "days multiplied by a rate. Work it out from what your year has to pay for, not from "
          "what you think clients will accept."),

    ("h2", "Step 1: Add up what the year must pay for"),
    ("p", "List three amounts for a full year:"),
    ("bullets", [
        "**Target personal income** before tax: the salary you would want for the same work as "
        "an employee. In the example, 45,000.",
        "**Business costs**: software subscriptions, hardware (budget to replace a laptop every "
        "3 years), a coworking desk, insurance, an accountant, training and marketing. Most "
        "solo designers, writers and developers spend 5,000 to 8,000 a year. In the example, "
        "6,000.",
        "**Pension**: at least 10% of your target income, because no employer is contributing. "
        "In the example, 4,500.",
    ]),
    ("p", "Example total: 45,000 + 6,000 + 4,500 = **55,500** a year."),

    ("h2", "Step 2: Count your billable days honestly"),
    ("p", "A year has about 260 weekdays. Take off 25 days of holiday, 8 public holidays, 5 days "
          "for illness and 7 days for training and conferences. That leaves 215 working days."),
    ("p", "Not all of those days can be billed. You also write quotes, chase invoices, update "
          "your portfolio, answer enquiries and sit through gaps between projects. In the first "
          "two years, billing 50\u201365% of your working days is normal. Plan on 60%: "
          "215 \u00d7 0.6 = **129 billable days**."),

    ("h2", "Step 3: Divide, round up and sanity-check"),
    ("numbers", [
        "Divide the yearly total by billable days: 55,500 \u00f7 129 = about 430.",
        "Round up to a clean figure: **450**. The rounding gives you a small margin for a "
        "slow month or an underestimated project.",
        "Compare with the market. Ask 3 to 5 peers in your field what they charge, and look at "
        "published rate surveys and job boards.",
        "Apply a quick check: for many freelancers the day rate lands close to 1% of a "
        "comparable employed salary (45,000 gives 450). Far below the market means you are "
        "underpricing; far above means you need a specialism or portfolio to justify it.",
        "Derive an hourly rate for small jobs by dividing by 7: 450 \u00f7 7 = about 64, so "
        "quote **65 an hour**.",
    ]),
    ("p", "**Why not simply use your old hourly pay?** An employee on 45,000 working 37.5 hours "
          "a week earns about 23 an hour. A freelance rate of 65 looks nearly three times higher, "
          "but it has to cover unbilled days, holidays, sick days, equipment, pension and the "
          "risk of gaps between clients. Review your "
          "rate every 12 months and raise it by 5\u201310% for new clients first, then for "
          "existing clients with at least 30 days' notice."),

    ("h2", "Choosing a pricing model"),
    ("p", "The day rate is your yardstick, but you can present your price to the client in "
          "several ways. The table compares the common models."),
    ("table1", None),
    ("p", "In your first two years, stick mostly to **day rates and fixed project prices with a "
          "tightly written scope**. Move to value-based pricing once you can point to "
          "measurable results from earlier projects. Whatever the model, check the price "
          "against your day rate: a fixed price that works out at 250 a day is a loss, however "
          "good the client."),

    # -------------------------------------------------------------------
    ("h1", "Quotes that protect you"),
    ("p", "A **quote** is a fixed offer that the client can accept. An **estimate** is a best "
          "guess that may change as the work develops. Say clearly which one you are sending, "
          "and do not start work until the client has accepted it in writing."),

    ("h2", "What to put in a quote"),
    ("bullets", [
        "**Scope and deliverables**: exactly what you will hand over, for example \"homepage and "
        "4 inner page designs in Figma\" or \"six 1,200-word blog articles\".",
        "**Exclusions**: what is not included, such as stock images, hosting, copy, translation "
        "or content upload.",
        "**Revision rounds**: usually 2 rounds included, with further rounds billed at your "
        "hourly rate.",
        "**Timeline and dependencies**: your delivery dates, and what you need from the client "
        "and by when, for example feedback within 5 working days.",
        "**Price and payment schedule**: the total, the deposit and any milestone payments.",
        "**Payment terms**: the number of days the client has to pay each invoice.",
        "**Validity**: how long the offer stands, typically 30 days.",
        "**Rights and cancellation**: when usage rights or ownership pass to the client (often "
        "on full payment), and a cancellation fee, for example 25\u201350% of the unbilled "
        "remainder.",
    ]),

    ("h2", "Estimating a project price"),
    ("numbers", [
        "Break the project into tasks: research, drafts, revisions, meetings, handover.",
        "Estimate the days for each task and add them up.",
        "Add 15\u201320% contingency. New freelancers underestimate by 20\u201330% on average, "
        "mostly on meetings, feedback and small changes.",
        "Multiply by your day rate and round to a clean figure.",
    ]),
    ("p", "Example: a small website design estimated at 8 days, plus 20% contingency, gives 9.6 "
          "days. Round to 10 days \u00d7 450 = **4,500**."),

    ("h2", "Deposits and payment schedules"),
    ("p", "For a new client, ask for a **deposit of 30\u201350%** before you start. For any "
          "project longer than about 10 days, split the rest into milestones. A common pattern "
          "is 40% on signing, 30% on approval of the design or first draft, and 30% on delivery. "
          "For the 4,500 website that is 1,800, 1,350 and 1,350."),
    ("p", "A deposit covers you if the client disappears, proves the client can and will pay, "
          "and keeps cash coming in while you work. A client who "
          "refuses any deposit on a first project is telling you something."),

    # -------------------------------------------------------------------
    ("h1", "Invoicing and getting paid on time"),
    ("h2", "What every invoice needs"),
    ("bullets", [
        "A **unique, sequential invoice number**, for example 2026-014. Never reuse or skip "
        "numbers.",
        "Your name or business name, address, contact details and any tax or business "
        "registration number.",
        "The client's legal name and address, and their purchase order (PO) number if they use "
        "one.",
        "The issue date and the **due date written as a date**, not only as \"30 days\".",
        "A description of the work that matches the quote, with quantities and rates.",
        "The net amount, any sales tax if you are registered for it, and the total.",
        "Your payment details and your late-payment terms.",
    ]),
    ("p", "Many countries set mandatory invoice fields, especially for sales tax, so check your "
          "local rules. Before the first invoice, ask the client who approves invoices, whether "
          "you need a PO number and on which days they run payments. Many companies pay only "
          "once or twice a month, so an invoice that misses a payment run can wait an extra "
          "2\u20134 weeks."),

    ("h2", "Payment terms"),
    ("p", "**14 days** is a reasonable standard for small businesses and individuals. **30 days** "
          "is normal and acceptable for larger companies. Push back on 60 or 90 days. If you "
          "cannot avoid long terms, price them in (add 2\u20133%) or ask for a larger deposit. "
          "Send each invoice within 1 working day of finishing a milestone, and for long "
          "projects invoice at least monthly, on the last working day of the month."),

    ("h2", "Chasing late payments: a schedule"),
    ("p", "Most late payments are caused by admin problems, not refusal: the invoice went to "
          "the wrong person, a PO number was missing, or the approver is on holiday. A calm, "
          "regular schedule fixes most of them."),
    ("numbers", [
        "**3 days before the due date**: send a friendly reminder with the invoice attached.",
        "**1 day overdue**: send a polite email: the invoice was due yesterday; could they "
        "confirm the payment date?",
        "**7 days overdue**: email again and phone the person who approves payments. Ask for a "
        "specific date.",
        "**14 days overdue**: send a firm written notice that refers to your late-payment terms "
        "and pause further work until the invoice is paid.",
        "**30 days overdue**: send a final notice giving 7 days to pay before you start formal "
        "recovery.",
        "**After that**: use your country's small-claims procedure or a debt collection "
        "service. Fees are often modest for small amounts, but check your local rules.",
    ]),
    ("p", "Keep every message short, factual and unemotional, and log every contact with its "
          "date."),

    ("h2", "Late fees and interest"),
    ("p", "Put a late-payment clause in your terms, for example interest of 1.5% a month on "
          "overdue amounts, or a fixed late fee. Many countries give businesses a legal right to "
          "interest on late business-to-business payments; check your local rules for the rate "
          "and whether it applies to you. Even if you choose to waive the fee, having it in "
          "writing tends to move your invoice up the pile."),

    # -------------------------------------------------------------------
    ("h1", "Setting money aside for tax"),
    ("p", "As a freelancer you are usually paid gross: nobody withholds income tax, social "
          "contributions or sales tax for you. The biggest first-year shock is a tax bill that arrives many months "
          "after the money has been spent."),

    ("h2", "How much to set aside"),
    ("bullets", [
        "**Income tax and social contributions: 25\u201330% of profit**, where profit is your "
        "income minus allowable business expenses. In your first year, use 30% until you know "
        "your real rate.",
        "**Higher earners: 35\u201340%.** If your profit puts you into a higher tax band, raise "
        "the percentage.",
        "**Sales tax (VAT/GST-type taxes): 100% of what you charge**, kept separate from the "
        "rest. It was never your money; you only collect it on the tax authority's behalf.",
    ]),
    ("p", "A practical shortcut is to move **30% of every client payment** (excluding any sales "
          "tax, which goes aside in full) to a tax account on the day it arrives. Because "
          "expenses reduce your profit, this usually saves a little more than you owe, and the "
          "surplus becomes savings. Example: a client pays 4,500, so 1,350 goes straight to the "
          "tax account."),

    ("h2", "Why the first year is a trap"),
    ("p", "In many tax systems the first bill arrives after the end of your first tax year, and "
          "some systems add an advance payment towards the next year at the same time. That can "
          "make your first bill up to one and a half times a normal year's tax. Check your local rules "
          "on registering as self-employed, the sales-tax registration threshold, filing dates, "
          "advance payments and which expenses you can deduct."),

    ("h2", "The separate-account system"),
    ("numbers", [
        "**Business current account**: every client payment lands here, and business expenses "
        "are paid from here.",
        "**Tax account**: an easy-access savings account. Move 30% of each payment, plus all "
        "sales tax, on the day it arrives.",
        "**Buffer account**: another savings account. Move 10% of each payment until the buffer "
        "is full (see the next section).",
        "**Personal account**: pay yourself a fixed amount once a month from the business "
        "account.",
    ]),
    ("tip", "Tip: Rename your tax savings account \"TAX \u2014 NOT MY MONEY\" in your banking app "
            "and never connect a card to it. If the money is out of sight, you will not spend "
            "it, and on the day the tax bill arrives you simply transfer it."),
    ("p", "Once a year, after your tax return has been filed and paid, move any surplus from the "
          "tax account to your buffer or your pension."),

    # -------------------------------------------------------------------
    ("h1", "Building a cash-flow buffer"),
    ("p", "A **cash-flow buffer** is money set aside to cover your personal and business costs "
          "when income stops or arrives late. It is separate from your tax money. The buffer is "
          "what lets you survive a 60-day late payment without borrowing, take a real holiday, "
          "and say no to a badly paid or difficult project."),

    ("h2", "How big it should be"),
    ("bullets", [
        "**Minimum: 3 months** of total monthly costs (personal plus business).",
        "**Target: 6 months**, especially in your first two years.",
        "**If one client provides more than 50% of your income**, aim for 6 months from the "
        "start, because losing that client halves your income overnight.",
    ]),
    ("p", "Example: personal costs of 2,200 a month plus business costs of 500 give 2,700 a "
          "month. The minimum buffer is 3 \u00d7 2,700 = **8,100**; the target is "
          "6 \u00d7 2,700 = **16,200**."),

    ("h2", "Building it from zero"),
    ("numbers", [
        "Move 10% of every client payment to the buffer account.",
        "Aim first for one month of costs (2,700 in the example), then three, then six.",
        "Keep it in an easy-access account, not in investments that could fall just when you "
        "need them.",
        "Use it only for real gaps: a late payment, a lost client, illness or essential "
        "equipment that breaks.",
        "After using it, refill it before you increase your spending.",
    ]),

    ("h2", "Paying yourself a steady salary"),
    ("p", "Instead of spending whatever arrives, pay yourself a **fixed amount on the same day "
          "every month**, for example 2,600 on the 1st. Set it at a level your average month can "
          "support: take your average monthly income over the last 6 months after tax and "
          "business expenses, and pay yourself about 80% of it. Good months then top up the "
          "buffer and lean months draw on it, while your personal life stays steady."),

    # -------------------------------------------------------------------
    ("h1", "Pensions and insurance basics"),
    ("h2", "Pensions: nobody else is contributing"),
    ("p", "Employees usually receive employer pension contributions, often 3\u201310% of "
          "salary, without doing anything. Freelancers receive nothing unless they act. Aim to "
          "put **10\u201315% of your profit** into a pension. If that is too much in your first "
          "year, start at 5% and raise it by 1 percentage point every 6 months. Many countries "
          "give tax relief on pension contributions or allow voluntary payments into the state "
          "scheme; check your local rules."),
    ("p", "**Why start early?** Saving 300 a month from age 28 to 65, with an assumed average "
          "growth of 5% a year, builds a pot of about 384,000 from 133,200 paid in. Starting the "
          "same 300 a month at 38 builds about 205,000. Waiting ten years costs roughly "
          "180,000, most of it growth you never earn."),
    ("bullets", [
        "Set up an **automatic monthly contribution** so the habit does not depend on memory.",
        "**Top up** after a good month or at year end, when you know your profit.",
        "Keep the pension separate from your buffer: pension money is usually locked until "
        "retirement age and cannot rescue you from a slow month.",
    ]),

    ("h2", "Insurance worth considering"),
    ("bullets", [
        "**Professional indemnity** (also called errors and omissions): covers claims that your "
        "work or advice caused a client a loss, such as a bug that takes a shop offline, an "
        "image used without the right licence, or a defamatory sentence in an article. Larger "
        "clients often ask for cover of 250,000 to 1,000,000.",
        "**Public or general liability**: covers injury or damage to other people or their "
        "property, relevant if you visit client offices or run workshops.",
        "**Equipment cover**: your laptop, camera and monitors. Home contents policies often "
        "exclude business use, so check yours.",
        "**Income protection** (disability insurance): pays typically 50\u201370% of your income "
        "if illness or injury stops you working, after a waiting period of 4 to 13 weeks. A "
        "full buffer lets you choose a longer waiting period and a lower premium.",
        "**Cyber insurance**: worth considering for developers who handle client data.",
    ]),
    ("p", "Compare at least 3 quotes, read the exclusions before the price, and review your "
          "cover every year at renewal. Some cover, such as health or social insurance, is "
          "compulsory in certain countries; check your local rules."),

    # -------------------------------------------------------------------
    ("h1", "A bookkeeping routine that takes an hour a month"),
    ("p", "**Bookkeeping** means recording every sum of money that comes in or goes out, with "
          "evidence such as an invoice or a receipt. It is needed for your tax return, but it "
          "also tells you whether you are actually making a profit and which clients pay late."),

    ("h2", "Set up once"),
    ("bullets", [
        "A **separate business bank account**, so that business and personal spending never mix.",
        "Bookkeeping software or a simple spreadsheet with categories such as software, "
        "equipment, travel, training and insurance.",
        "A receipt capture method: photograph every receipt on your phone the day you get it.",
        "A record-keeping period: many countries require records for 5 to 10 years; check your "
        "local rules.",
    ]),

    ("h2", "The monthly money routine"),
    ("table2", None),

    ("h2", "The month-end session, step by step"),
    ("p", "Block 60 minutes in your calendar on the last working day of every month and work "
          "through these steps in order:"),
    ("numbers", [
        "Send invoices for all work completed this month (10 minutes).",
        "Match every bank transaction to an invoice or a receipt (20 minutes).",
        "Chase overdue invoices following your schedule (10 minutes).",
        "Check that the tax account holds 30% of this year's income plus all sales tax "
        "collected (5 minutes).",
        "Compare the month with your target. In the example, 55,500 \u00f7 12 = **4,625** a "
        "month. Look 2\u20133 months ahead at your booked work (10 minutes).",
        "Pay yourself your fixed salary and your pension contribution (5 minutes).",
    ]),

    # -------------------------------------------------------------------
    ("h1", "Mistakes to avoid and summary"),
    ("h2", "Mistakes to avoid"),
    ("bullets", [
        "**Pricing from your old hourly pay**, which ignores unbilled days, costs and pension.",
        "**Starting without a written, accepted quote and a deposit.** Most disputes start here.",
        "**Offering unlimited revisions.** Limit them to 2 rounds and price extra rounds.",
        "**Waiting to invoice.** Invoice within 1 working day of each milestone.",
        "**Spending the tax money.** Move 30% on the day each payment arrives.",
        "**Relying on one client for more than half your income** without a 6-month buffer.",
        "**Mixing personal and business money** in one account.",
        "**Postponing your pension** \"until things are steadier\". Start with 5% now.",
        "**Doing a year's bookkeeping in one panicked weekend.** One hour a month is easier and "
        "more accurate.",
    ]),

    ("h2", "Summary"),
    ("p", "The key figures from this handout:"),
    ("bullets", [
        "Day rate = yearly needs \u00f7 billable days (plan on about 60% of working days), "
        "rounded up and reviewed every 12 months.",
        "Quote in writing, limit revisions to 2 rounds, take a 30\u201350% deposit from new "
        "clients and keep quotes valid for 30 days.",
        "Use 14-day payment terms (30 days for larger companies) and chase from 3 days before "
        "the due date.",
        "Set aside 25\u201330% of profit for tax (30% of each payment is a safe shortcut), plus "
        "all sales tax.",
        "Build a buffer of 3 months' costs, then 6, by saving 10% of each payment.",
        "Put 10\u201315% of profit into a pension and review your insurance cover yearly.",
        "Spend one hour at the end of every month on your books.",
    ]),
]

TABLE1 = (
    ["Model", "How it works", "Good for", "Watch out for"],
    [
        ["Hourly rate",
         "You track your time and bill the hours worked, usually in 15-minute units.",
         "Small fixes, support, ongoing edits, work with an unclear scope.",
         "Penalises working fast; clients question every hour; needs accurate time tracking."],
        ["Day rate",
         "You bill full or half days at a fixed rate.",
         "Working inside a client's team, workshops, discovery phases.",
         "Define a day (for example 7 hours) and agree how extra hours are handled."],
        ["Fixed project price",
         "One price for defined deliverables, built from estimated days \u00d7 day rate plus "
         "15\u201320% contingency.",
         "Well-defined projects: a logo suite, a website build, a set of articles.",
         "Scope creep. Limit revision rounds and price change requests separately."],
        ["Value-based price",
         "The price reflects the value of the result to the client rather than your time.",
         "Work with measurable business impact, such as a sales page or a checkout redesign.",
         "Needs trust and data; hard in your first year. Check it still beats your day rate."],
        ["Monthly retainer",
         "The client pays a fixed monthly fee for an agreed block of time or output.",
         "Regular content, website maintenance, ongoing design support.",
         "Unused hours and out-of-scope requests. Set a minimum term (for example 3 months) "
         "and a monthly cap."],
        ["Per word or per unit",
         "A price per word, page, screen, illustration or component.",
         "Copywriting, translation, icon sets, illustration series.",
         "Research and revision time is hidden. Set a minimum fee per job."],
    ],
)

TABLE2 = (
    ["Task", "How often", "Time it takes", "Why it matters"],
    [
        ["Split each payment: 30% to tax, 10% to buffer",
         "Every payment received", "5 minutes",
         "Keeps tax money and savings out of your spending."],
        ["Photograph and file receipts",
         "At purchase, or weekly at the latest", "10 minutes a week",
         "Lost receipts mean lost deductions and no evidence if questioned."],
        ["Send invoices",
         "At each milestone, and at least monthly", "10\u201315 minutes",
         "Every day you delay invoicing delays your payment."],
        ["Review unpaid invoices and chase",
         "Weekly", "10 minutes",
         "You catch a late payment on day 1, not day 30."],
        ["Reconcile the bank account with your records",
         "Monthly", "20 minutes",
         "Finds errors, missing income and duplicate charges while they are fresh."],
        ["Check the tax account balance",
         "Monthly", "5 minutes",
         "Confirms that 30% of income and all sales tax is set aside."],
        ["Compare income with target and check booked work",
         "Monthly", "10 minutes",
         "Shows 2\u20133 months ahead when you need to find new work."],
        ["Pay yourself and your pension",
         "Monthly", "5 minutes",
         "Gives you a steady personal income and keeps the pension habit."],
        ["Sales-tax return and advance tax payments",
         "Usually quarterly (check your local rules)", "1\u20132 hours",
         "Missed deadlines bring penalties and interest."],
        ["Review rates, insurance and pension",
         "Yearly", "Half a day",
         "Keeps your rate rising (5\u201310%) and your cover up to date."],
    ],
)

BOLD_RE = re.compile(r"\*\*(.+?)\*\*")


def strip_markup(text):
    return BOLD_RE.sub(r"\1", text)


def add_runs(paragraph, text):
    """Add text to a paragraph, making **marked** segments bold."""
    pos = 0
    for m in BOLD_RE.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos:m.start()])
        paragraph.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


# ---------------------------------------------------------------------------
# Numbering: make each "List Number" list restart at 1.
# ---------------------------------------------------------------------------
def _list_number_ids(doc):
    style = doc.styles["List Number"]
    num_pr = style.element.pPr.find(qn("w:numPr"))
    num_id = int(num_pr.find(qn("w:numId")).get(qn("w:val")))
    numbering = doc.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == num_id:
            abstract_id = int(num.find(qn("w:abstractNumId")).get(qn("w:val")))
            return num_id, abstract_id
    raise RuntimeError("List Number numbering not found")


def new_restarted_num(doc, abstract_id):
    numbering = doc.part.numbering_part.element
    existing = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(existing) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abs_el = OxmlElement("w:abstractNumId")
    abs_el.set(qn("w:val"), str(abstract_id))
    num.append(abs_el)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return new_id


def set_num(paragraph, num_id):
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


def mark_header_row(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_table(doc, headers, rows):
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    hdr = table.rows[0]
    mark_header_row(hdr)
    for cell, text in zip(hdr.cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), "D9E2F3")
        cell._tc.get_or_add_tcPr().append(shd)
    for data in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, data):
            cell.text = text
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(9.5)
    doc.add_paragraph()  # breathing space after the table
    return table


def build_docx():
    doc = docx.Document()
    doc.core_properties.title = "Money Basics for Freelancers"
    doc.core_properties.author = "Freelance Foundations"
    doc.core_properties.subject = "Freelance Foundations handout"

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)

    section = doc.sections[0]
    hp = section.header.paragraphs[0]
    hp.text = HEADER_TEXT
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = section.footer.paragraphs[0]
    fp.text = FOOTER_TEXT
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER

    _, abstract_id = _list_number_ids(doc)
    first_numbered_list = True

    for kind, payload in CONTENT:
        if kind == "title":
            doc.add_paragraph(payload, style="Title")
        elif kind == "h1":
            doc.add_paragraph(payload, style="Heading 1")
        elif kind == "h2":
            doc.add_paragraph(payload, style="Heading 2")
        elif kind == "p":
            add_runs(doc.add_paragraph(style="Normal"), payload)
        elif kind == "bullets":
            for item in payload:
                add_runs(doc.add_paragraph(style="List Bullet"), item)
        elif kind == "numbers":
            num_id = None
            if not first_numbered_list:
                num_id = new_restarted_num(doc, abstract_id)
            first_numbered_list = False
            for item in payload:
                para = doc.add_paragraph(style="List Number")
                if num_id is not None:
                    set_num(para, num_id)
                add_runs(para, item)
        elif kind == "tip":
            add_runs(doc.add_paragraph(style="Intense Quote"), payload)
        elif kind == "table1":
            add_table(doc, *TABLE1)
        elif kind == "table2":
            add_table(doc, *TABLE2)
        else:
            raise ValueError(kind)

    doc.save(DOCX_PATH)


def build_preview():
    lines = [HEADER_TEXT, ""]
    for kind, payload in CONTENT:
        if kind == "title":
            lines += [payload.upper(), ""]
        elif kind == "h1":
            lines += ["# " + payload, ""]
        elif kind == "h2":
            lines += ["## " + payload, ""]
        elif kind == "p":
            lines += [strip_markup(payload), ""]
        elif kind == "bullets":
            lines += ["- " + strip_markup(i) for i in payload] + [""]
        elif kind == "numbers":
            lines += ["%d. %s" % (n, strip_markup(i)) for n, i in enumerate(payload, 1)] + [""]
        elif kind == "tip":
            lines += ["> " + strip_markup(payload), ""]
        elif kind in ("table1", "table2"):
            headers, rows = TABLE1 if kind == "table1" else TABLE2
            lines.append("| " + " | ".join(headers) + " |")
            lines.append("|" + "|".join(["---"] * len(headers)) + "|")
            for r in rows:
                lines.append("| " + " | ".join(r) + " |")
            lines.append("")
    lines += ["", FOOTER_TEXT]
    with open(PREVIEW_PATH, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def check():
    doc = docx.Document(DOCX_PATH)
    paras = doc.paragraphs
    print("paragraphs:", len(paras))
    print("tables:", len(doc.tables), [(len(t.rows), len(t.columns)) for t in doc.tables])
    styles = {}
    for p in paras:
        styles[p.style.name] = styles.get(p.style.name, 0) + 1
    print("styles:", styles)
    print("header:", doc.sections[0].header.paragraphs[0].text)
    print("footer:", doc.sections[0].footer.paragraphs[0].text)
    words = sum(len(p.text.split()) for p in paras)
    words += sum(len(c.text.split()) for t in doc.tables for r in t.rows for c in r.cells)
    print("words (body + tables, excluding header/footer):", words)
    print("outline:")
    for p in paras:
        if p.style.name == "Title":
            print(p.text)
        elif p.style.name == "Heading 1":
            print("  " + p.text)
        elif p.style.name == "Heading 2":
            print("    - " + p.text)


if __name__ == "__main__":
    build_docx()
    build_preview()
    check()
