"""House-style corpus: organisation memos whose negatives share the leak's style, not its text.

Real text from the same author, campaign or newsroom shares formulas with a leaked memo: the same
letterhead and confidentiality footer, the same section headings, stock sentences with slots
("Per our call last week, {person} will ..."), the same staff names and sign-offs, and quotes of
the same public statements. A matcher that counts overlap punishes all of that; this corpus is
built to show it.

Each organisation gets a house style drawn from fixed pools: a letterhead, a footer, a memo field
block, six section headings, twenty stock sentence frames (some with several numeric slots: a
week's figures in the same sentence every week), a sign-off and staff, and public
statements (short ones, under 80 characters, and long ones that several of its banked memos
quote). Memos mix that style with memo-specific content (named people, amounts, dates, addresses,
plans). The frame pool is split in two: organisations of the tuning split draw from one half,
those of the test split from the other, so the test measures house styles nobody tuned on.

Posts, labelled with the memo they quote (positives) or None (negatives):

* positives cut from a banked memo's body, each with at least 80 characters of the memo's own
  text (its prose and its facts; 40 of them prose): a slice of stock sentences is not evidence
  of the leak, whatever the post meant, and 80 characters is the floor of an excerpt:
  ``verbatim`` (in commentary), ``reformatted``, ``noisy`` (2-5% OCR-like noise), ``redacted``
  (1-3 words blacked out), ``partial`` (a bare fragment), ``long_redacted`` (300-900
  characters, 10-25% of words blacked out) and ``screenshot`` (300-900 characters rendered to
  an image, read back by OCR);
* negatives: ``same_house`` (a new memo, or part of one, of a banked organisation: same
  headings, frames with other slot values, sign-offs, statements), ``shared_header`` (the
  letterhead or footer around other text), ``public_quote`` (the organisation's public
  statements with commentary, long ones included), ``same_topic`` (news-style posts on the same
  people) and ``screenshot_same_house`` (a same-house negative rendered to an image).

Every negative is checked: it shares no 80-character run of text (compared case- and
space-folded) with any banked memo, except runs that recur in two or more banked memos (the
house's letterhead, footer and long public statements), which are the style, not the leak.
Negatives that fail the check are dropped and counted (``HouseCorpus.dropped``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bench.banks.generate import REDACTION_MARKS, SOCIAL, Generator, Post

__all__ = ["HouseCorpus", "Memo", "Organisation", "house_corpus"]

FIRST = """Avery Blake Camila Dmitri Elena Farah Gideon Hana Imani Jonah Keiko Lorenzo Maya Nikhil
Olivia Pavel Quinn Rosa Samir Talia Uriel Vera Wes Ximena Yusuf Zara Brooke Caleb Delia Emmett
Fiona Grant Hector Iris Jasper Kira Luca Mirela Noah Opal Priya Reid Selma Tobias Uma Vince
Willa Xavier Yara Zane Adele Boris Clara Dev Esme Felix Gwen Hugo Ines Jules""".split()
LAST = """Abernathy Bellweather Castellano Dunmore Eskridge Fairbanks Galloway Hargrove Ingleby
Jablonski Kowalczyk Lindqvist Marchetti Northcott Okonkwo Pemberton Quintero Rasmussen Sokolov
Tanaka Underhill Vasquez Whitlock Yamamoto Zielinski Ashby Brennan Calloway Delacroix Ellison
Fitzgerald Goldstein Halvorsen Iverson Jameson Kaczmarek Lachance Moreau Nakamura Osei Petrakis
Rinaldi Sandoval Thorne Valente Wexler Yilmaz Zamora""".split()
TITLES = """Chief of Staff|Communications Director|Finance Director|Deputy Campaign Manager|General
Counsel|Field Director|Research Director|Press Secretary|Senior Adviser|Digital Director|Policy
Director|Scheduler|Treasurer|Managing Editor|Standards Editor|Partner|Senior Associate|Account
Director""".replace("\n", " ").split("|")
ORG_KINDS = (
    "{last} for {office}",
    "Friends of {first} {last}",
    "{last} {last2} Strategies",
    "{last} & {last2} LLP",
    "The {city} {paper}",
    "{city} Forward PAC",
    "{last} Public Affairs",
    "Committee to Elect {first} {last}",
)
OFFICES = ("Senate", "Governor", "Congress", "Mayor", "Attorney General", "County Executive")
PAPERS = ("Ledger", "Courier", "Tribune", "Sentinel", "Dispatch", "Herald", "Observer")
CITIES = """Ashford Brookhaven Cedar Falls Dunmore Eastport Fairview Glenwood Harborview Ironton
Juniper Bay Kingsbridge Lakemont Millbrook Northgate Oakhurst Pinecrest Quarry Hill Riverton
Stonebridge Thornfield""".split()
STREETS = """Alder Birch Chestnut Dogwood Elm Fairmont Garnet Hawthorn Ivy Juniper Kestrel Linden
Magnolia Northfield Orchard Poplar Quince Redwood Sycamore Tamarack Upland Willow""".split()
STREET_TYPES = ("Street", "Avenue", "Road", "Lane", "Drive", "Court", "Boulevard", "Way")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = """January February March April May June July August September October November
December""".split()

# Letterheads: {org}, {street}, {city}, {phone}; some under 80 characters, some over.
HEADERS = (
    "{ORG}\n{street} | {city} | {phone}\nPRIVILEGED & CONFIDENTIAL",
    "{ORG} -- INTERNAL MEMORANDUM -- NOT FOR DISTRIBUTION OUTSIDE SENIOR STAFF",
    "CONFIDENTIAL | {org} | {street}, {city}",
    "{org}\nStrategy Office, {street}, {city}\n"
    "Draft - for internal discussion only - do not forward",
    "*** {ORG} ***\nAttorney-client privileged communication. Attorney work product.",
    "FROM THE DESK OF THE {ORG} SENIOR TEAM\n{street}, {city} | tel. {phone}",
)
FOOTERS = (
    "This memo is confidential and intended only for {org} staff. Do not forward.",
    "{org} | Internal use only | If you received this in error, delete it and call {phone}.",
    "Prepared by {org}. Not for attribution. Questions go to the front office.",
    "Confidential -- {org} -- page 1 of 1",
    "Privileged and confidential. (c) {org}. Unauthorised disclosure is prohibited.",
    "Please shred printed copies after the meeting. {org}.",
)
FIELD_BLOCKS = (
    "MEMORANDUM\nTO: {to}\nFROM: {frm}\nDATE: {date}\nRE: {subject}",
    "To: {to}\nFrom: {frm}\nCc: {cc}\nDate: {date}\nSubject: {subject}",
    "MEMO | {date}\nFor: {to}\nBy: {frm}\nTopic: {subject}",
    "{subject}\n{date} -- prepared by {frm} for {to}",
)
HEADINGS = """BACKGROUND|SUMMARY|KEY FINDINGS|NEXT STEPS|ACTION ITEMS|RECOMMENDATIONS|RISKS|BUDGET
IMPACT|TIMELINE|OPEN QUESTIONS|DECISIONS NEEDED|PRESS STRATEGY|Background|Where things stand|What
we know|What we recommend|Next steps|Budget|Talking points|Risks and mitigations|Open items|
Schedule|Coalition outreach|Messaging|Legal review|Fundraising update""".replace("\n", " ").split(
    "|"
)
HEADING_FORMS = ("{h}", "{n}. {h}", "## {h}", "{h}:", "[{h}]", "{roman}. {h}")
SIGNOFFS = (
    "Thanks,\n{name}\n{title}",
    "Best,\n{name}, {title}, {org}",
    "-- {name} ({title})",
    "Regards,\n{name}\n{title} | {org} | {phone}",
    "Questions? Call me.\n{name}",
    "{initials}/{name}",
)

# Stock sentence frames, 30-79 characters once filled. The first half feeds the tuning split's
# organisations, the second half the test split's.
FRAMES = (
    "Per our call last week, {person} will {task} by {weekday}.",
    "Please route questions to {person} before {weekday}.",
    "As discussed at the {meeting} on {date}, we are moving ahead.",
    "{person} has the latest numbers; ask before sharing them.",
    "Do not discuss this with reporters until {person} signs off.",
    "We will revisit this at the {meeting} next {weekday}.",
    "Flag anything urgent to {person} or to me directly.",
    "Nothing in this memo should be shared outside the core team.",
    "Thanks to {person} for pulling this together on short notice.",
    "{person} will circulate a revised draft by {weekday}.",
    "Let's keep this off email; call {person} with any concerns.",
    "We need a decision on this before the {meeting} on {date}.",
    "Per {person}, the numbers below are preliminary.",
    "A fuller update will follow after the {meeting}.",
    "This supersedes the version circulated on {date}.",
    "{person} and I will brief the principal on {weekday}.",
    "Loop in {person} before anything goes to the printer.",
    "Talking points are attached; do not read them verbatim.",
    "As always, assume anything in writing will leak.",
    "If asked, we have no comment at this time.",
    "Sign-off on the final version rests with {person}.",
    "Expect a call from {person} later this week about logistics.",
    "The research team stands by every item in this section.",
    "Confirm receipt of this memo to {person} by end of day.",
    "Budget questions go to {person}; press questions come to me.",
    "I want a one-page summary of this on my desk by {weekday}.",
    "We should assume the other side already knows some of this.",
    "Keep the circle small: principal, {person}, and me.",
    "Please treat the figures in this section as approximate.",
    "Updated numbers will be posted to the shared drive on {weekday}.",
    "Per our call this morning, {person} will reach out to the vendors.",
    "Send your edits to {person} by noon on {weekday}.",
    "We agreed at the {meeting} that {person} owns this workstream.",
    "This is a working draft; nothing here is final.",
    "Reminder: the {meeting} moves to {weekday} this week.",
    "{person} will set up a call with outside counsel.",
    "Questions about travel go to {person}, not to the front desk.",
    "The principal has seen an earlier version of this memo.",
    "I have asked {person} to prepare a rebuttal file.",
    "Please do not print this memo in the field offices.",
    "Going forward, route all vendor invoices through {person}.",
    "We discussed this briefly at the {meeting} on {date}.",
    "More detail is available from {person} on request.",
    "Our position has not changed since the {meeting}.",
    "Hold all outreach on this until {person} gives the word.",
    "Treat this as background only; not for quotation.",
    "{person} is the only person authorised to speak on this.",
    "This note follows up on the {meeting} held on {date}.",
    "I will send a calendar invite for {weekday} afternoon.",
    "Copy {person} on anything that touches the budget.",
    "The deadline for comments is close of business {weekday}.",
    "We will need sign-off from the principal by {date}.",
    "Please keep your replies to this thread short.",
    "{person} raised concerns, which are noted below.",
    "Our earlier estimate was too optimistic; see revised figures.",
    "If anything here is wrong, tell {person} immediately.",
    "Remember that the {meeting} is off the record.",
    "This memo reflects input from {person} and the research desk.",
    "Field reports are due to {person} every {weekday} by noon.",
    "No one should talk to the press about this but {person}.",
    "For the record, {person} opposed this approach.",
    "I expect a short written response from each desk by {weekday}.",
    "Draft language is below; {person} has final edit.",
    "Again: not for distribution beyond this list.",
)
# Frames with several numeric slots (counts, times, amounts): a house's weekly figures in the
# same sentence every week. Refilled, two of them differ only in a few digits, which is what OCR
# noise looks like too; the first half feeds the tuning split, the second half the test split.
NUMBER_FRAMES = (
    "The tip line logged {n} calls on the {topic}; {m} need a callback.",
    "We have {n} volunteers confirmed for {weekday} and need {m} more.",
    "Door knocks: {n} this week, up from {m}; the goal is {k} by {weekday}.",
    "Field offices report {n} sign-ups and {m} cancellations since {weekday}.",
    "The {meeting} runs {n} minutes; keep your update under {m}.",
    "Call time is {hour}:00 to {hour2}:30 on {weekday}; {n} calls minimum.",
    "Media hits this week: {n} print, {m} radio, {k} television.",
    "Of the {n} invoices received, {m} are still unpaid as of {date}.",
    "Cash on hand is {amount}; we spend about {amount2} a week.",
    "We are at {pct} percent of the {topic} goal with {n} days left.",
    "The {topic} list has {n} names; {m} of them have not been called.",
    "Turnout models put us at {pct} percent, {m} points behind on {weekday}.",
)
SUBJECTS = ("update", "options", "exposure", "plan", "review")
MEETINGS = ("staff meeting", "senior staff call", "finance call", "board meeting", "morning call",
            "strategy session", "desk meeting", "leadership retreat")  # fmt: skip
TASKS = ("circulate the revised budget", "send the updated call list", "finish the vendor review",
         "draft the rebuttal", "confirm the venue", "collect the field reports",
         "update the donor tracker", "schedule the interviews", "finalise the ad buy",
         "review the filing")  # fmt: skip

# Public statements: what the principal said in public, quoted by memos and by the public alike.
SHORT_STATEMENTS = (
    "A fair deal for every family in {city}",
    "We will not be outspent and we will not be outworked",
    "Clean water, safe streets, good jobs: that is the whole platform",
    "{city} deserves leaders who show up",
    "I answer to voters, not to donors",
    "Our doors stay open and our books stay open",
    "Every vote counted, every voice heard",
    "The work is not done until every neighbourhood is safe",
    "We report what we can verify, and we say what we cannot",
    "No story is worth a source's safety",
    "Accountability starts at home, and it starts now",
    "Better schools, lower rents, and honest government",
)
LONG_STATEMENTS = (
    "I will never accept a dollar from a corporate PAC, and I will publish every meeting I "
    "hold with a lobbyist within thirty days of the meeting taking place.",
    "When I am elected, the first bill I sign will cap property tax increases for seniors and "
    "fund a full audit of every county contract signed in the last ten years.",
    "Our newsroom corrects its errors in public, names its sources whenever it can, and never "
    "pays for information, whoever is offering it and whatever it concerns.",
    "This campaign has always said that the voters of {city} deserve a full accounting of how "
    "their money is spent, and we will keep saying it until we get one.",
    "We have reviewed the allegations carefully, we reject them entirely, and we will respond "
    "to every one of them in court rather than in the newspapers.",
    "Every family in {city} should be able to afford a home near their work, a school near "
    "their home, and a doctor who answers the phone when they call.",
    "Public money belongs to the public, and every contract this office signs will be posted "
    "online, in full, on the day it is signed, without exception.",
    "Our firm represents its clients vigorously and within the law, and it does not comment on "
    "pending matters or on the identities of the people it represents.",
)
# Memo-specific sentence templates: what makes a memo this memo (people, money, places, plans).
SPECIFIC = (
    "{who} moved {amount} from {company} to a holding account on {date}.",
    "The lease on {address} was signed by {who} under the name {alias}.",
    "{who} met {who2} at {place} on {date} and discussed the {topic}.",
    "Invoices from {company} total {amount}, most of it billed in {month}.",
    "{who} told {who2} that the {topic} would be handled off the books.",
    "The {topic} poll shows {pct} percent support in {city}, down from {pct2}.",
    "{who} owns {address} jointly with {who2}, per the {month} filing.",
    "We paid {company} {amount} for the {topic} work; the contract ends {date}.",
    "A source at {company} says {who} asked for the {topic} file twice.",
    "{who} has a second phone, {phone}, used only for {topic} calls.",
    "The donor list shows {who2} gave {amount} through {company} on {date}.",
    "{who} will be at {place} in {city} on {date} with {who2}.",
    "Draft ads on the {topic} cost {amount} to produce; {who} approved them.",
    "The {topic} audit names {who} and {company} in its second section.",
)
PLACES = ("the marina", "the Lakeside Grill", "the county clerk's office", "the union hall",
          "the Harbor Club", "the airport Marriott", "a diner on Route 9", "the courthouse steps",
          "the Elks Lodge", "the rooftop bar on Main")  # fmt: skip
TOPICS = (
    "zoning", "pension", "water contract", "ballot access", "debate prep", "opposition",
    "fundraising", "transit", "school board", "housing", "ethics complaint", "vendor",
)  # fmt: skip
COMMENT = (
    "Read this before it gets taken down.",
    "So this is what they were hiding.",
    "Leaked memo, you decide.",
    "Wow. Just wow.",
    "Someone sent me this, it checks out.",
    "Thread below, screenshot attached.",
    "They really wrote this down.",
)
NEWS = (
    "{who} of {org} declined to comment on Tuesday.",
    "Reporters asked {org} about the {topic} plan at a press conference in {city}.",
    "{who}, the {title} at {org}, said the {topic} story was old news.",
    "Campaign finance filings show {org} spent heavily on {topic} in {month}.",
    "A spokesperson for {org} said the memo was not authentic.",
    "{org} staff were seen at {place} on {date}, according to witnesses.",
)


@dataclass(frozen=True, slots=True)
class Organisation:
    """One organisation's house style: everything its memos share."""

    name: str
    header: str
    footer: str
    fields: str
    headings: tuple[str, ...]
    heading_form: str
    frames: tuple[str, ...]
    signoff: str
    staff: tuple[tuple[str, str], ...]
    statements: tuple[str, ...]
    long_statements: tuple[str, ...]
    city: str
    phone: str


@dataclass(frozen=True, slots=True)
class Memo:
    """A memo: its text, the organisation, and the spans of its own prose and of its facts.

    Prose is free text only this memo has; facts are its names, sums and dates in sentence
    frames every house uses. Neither is house style.
    """

    text: str
    org: int
    body: tuple[int, int]
    specific: tuple[tuple[int, int], ...]
    facts: tuple[tuple[int, int], ...] = ()


@dataclass
class HouseCorpus:
    """Bank memos, labelled posts (``Post.source`` is an index into ``memos``) and drop counts."""

    organisations: list[Organisation]
    memos: list[Memo]
    posts: list[Post]
    background: list[str] = field(default_factory=list)
    dropped: int = 0


class HouseGenerator:
    """Deterministic house-style text factory; one per seed."""

    def __init__(self, seed: int, frames: tuple[str, ...]) -> None:
        self.rng = random.Random(seed)
        self.frames = frames
        self.prose = Generator(seed + 7)  # free topic prose for memo-specific sentences

    # -- small values --------------------------------------------------------------------------

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def date(self) -> str:
        r = self.rng
        forms = (
            f"{r.choice(MONTHS)} {r.randint(1, 28)}",
            f"{r.randint(1, 12)}/{r.randint(1, 28)}",
            f"{r.choice(MONTHS)} {r.randint(1, 28)}, 2026",
            f"{r.randint(1, 28)} {r.choice(MONTHS)}",
        )
        return r.choice(forms)

    def amount(self) -> str:
        r = self.rng
        return r.choice((f"${r.randint(2, 950)},{r.randint(100, 999)}", f"${r.randint(11, 99)}k",
                         f"${r.randint(1, 9)}.{r.randint(1, 9)} million"))  # fmt: skip

    def phone(self) -> str:
        r = self.rng
        return f"({r.randint(201, 989)}) {r.randint(200, 989)}-{r.randint(1000, 9999)}"

    def address(self) -> str:
        r = self.rng
        return f"{r.randint(10, 9899)} {r.choice(STREETS)} {r.choice(STREET_TYPES)}"

    # -- organisations -------------------------------------------------------------------------

    def organisation(self) -> Organisation:
        r = self.rng
        first, last, last2 = r.choice(FIRST), r.choice(LAST), r.choice(LAST)
        city = r.choice(CITIES)
        name = r.choice(ORG_KINDS).format(
            first=first, last=last, last2=last2, city=city,
            office=r.choice(OFFICES), paper=r.choice(PAPERS),
        )  # fmt: skip
        phone = self.phone()
        street = self.address()
        fmt = {"org": name, "ORG": name.upper(), "street": street, "city": city, "phone": phone}
        staff = tuple((self.person(), t) for t in r.sample(TITLES, r.randint(5, 8)))
        return Organisation(
            name=name,
            header=r.choice(HEADERS).format(**fmt),
            footer=r.choice(FOOTERS).format(**fmt),
            fields=r.choice(FIELD_BLOCKS),
            headings=tuple(r.sample(HEADINGS, 6)),
            heading_form=r.choice(HEADING_FORMS),
            frames=tuple(r.sample(self.frames, 20)),
            signoff=r.choice(SIGNOFFS),
            staff=staff,
            statements=tuple(s.format(city=city) for s in r.sample(SHORT_STATEMENTS, 4)),
            long_statements=tuple(s.format(city=city) for s in r.sample(LONG_STATEMENTS, 2)),
            city=city,
            phone=phone,
        )

    # -- sentences -----------------------------------------------------------------------------

    def stock(self, org: Organisation) -> str:
        """One of the house's stock sentences with fresh slot values."""
        r = self.rng
        frame = r.choice(org.frames)
        return frame.format(
            person=r.choice(org.staff)[0], weekday=r.choice(WEEKDAYS), date=self.date(),
            meeting=r.choice(MEETINGS), task=r.choice(TASKS), topic=r.choice(TOPICS),
            n=r.randint(2, 400), m=r.randint(2, 90), k=r.randint(100, 900), pct=r.randint(21, 68),
            hour=r.randint(8, 11), hour2=r.randint(1, 6), amount=self.amount(),
            amount2=self.amount(),
        )  # fmt: skip

    def quote(self, org: Organisation, *, long: int | None = None) -> str:
        """A quote of a public statement: long statement number ``long``, or any statement."""
        r = self.rng
        if long is not None:
            statement = org.long_statements[long]
        elif r.random() < 0.5:
            statement = r.choice(org.long_statements)
        else:
            statement = r.choice(org.statements)
        lead = r.choice(("As the principal said on {d}:", "Recall the line from {d}:",
                         "Our message stays the same:", "Quote for the record:"))  # fmt: skip
        return f'{lead.format(d=self.date())} "{statement.rstrip(".")}."'

    def specific(self, org: Organisation) -> tuple[str, str]:
        """A memo's own sentence: free ``prose``, or a ``fact`` in a frame every house uses."""
        r = self.rng
        if r.random() < 0.7:
            return self.prose.sentence(), "prose"
        company = r.choice(LAST) + r.choice((" Holdings", " Group", " LLC", " Partners", " & Co"))
        fact = r.choice(SPECIFIC).format(
            who=self.person(), who2=self.person(), amount=self.amount(), company=company,
            date=self.date(), address=self.address(), alias=self.person(), place=r.choice(PLACES),
            topic=r.choice(TOPICS), month=r.choice(MONTHS), pct=r.randint(21, 68),
            pct2=r.randint(21, 68), city=r.choice(CITIES), phone=self.phone(),
        )  # fmt: skip
        return fact, "fact"

    def heading(self, org: Organisation, n: int, heading: str) -> str:
        roman = ("I", "II", "III", "IV", "V", "VI", "VII")[n % 7]
        return org.heading_form.format(h=heading, n=n + 1, roman=roman)

    # -- memos ---------------------------------------------------------------------------------

    def memo(self, org_index: int, org: Organisation, *, quote_long: int | None = None) -> Memo:
        """A memo in the house style; ``quote_long`` names a long public statement it quotes."""
        r = self.rng
        pieces: list[tuple[str, str]] = []  # (text, "prose" | "fact" | "" for the style)
        staff = [s for s, _ in org.staff]
        pieces.append((org.header + "\n\n", ""))
        fields = org.fields.format(
            to=r.choice(staff), frm=r.choice(staff), cc=r.choice(staff), date=self.date(),
            subject=f"{r.choice(TOPICS).title()} -- {r.choice(SUBJECTS)}",
        )  # fmt: skip
        pieces.append((fields + "\n\n", ""))
        body_start = sum(len(t) for t, _ in pieces)
        sections = r.sample(org.headings, r.randint(3, 5))
        quoted = False
        for n, heading in enumerate(sections):
            pieces.append((self.heading(org, n, heading) + "\n", ""))
            for _ in range(r.randint(1, 3)):
                sentences: list[tuple[str, str]] = []
                for _ in range(r.randint(3, 6)):
                    roll = r.random()
                    if roll < 0.35:
                        sentences.append((self.stock(org), ""))
                    elif quote_long is not None and not quoted:
                        sentences.append((self.quote(org, long=quote_long), ""))
                        quoted = True
                    elif roll < 0.42:
                        sentences.append((self.quote(org, long=None), ""))
                    else:
                        sentences.append(self.specific(org))
                for i, (text, specific) in enumerate(sentences):
                    sep = " " if i < len(sentences) - 1 else "\n\n"
                    pieces.append((text, specific))
                    pieces.append((sep, ""))
        body_end = sum(len(t) for t, _ in pieces)
        name, title = r.choice(org.staff)
        initials = "".join(w[0] for w in name.split())
        pieces.append((org.signoff.format(name=name, title=title, org=org.name, phone=org.phone,
                                          initials=initials) + "\n\n", ""))  # fmt: skip
        pieces.append((org.footer, ""))
        text, prose, facts, at = "", [], [], 0
        for piece, kind in pieces:
            if kind:
                (prose if kind == "prose" else facts).append((at, at + len(piece)))
            text += piece
            at += len(piece)
        return Memo(text, org_index, (body_start, body_end), tuple(prose), tuple(facts))

    # -- posts ---------------------------------------------------------------------------------

    def excerpt(self, memo: Memo, low: int, high: int) -> str | None:
        """A slice of the memo body, ``low``-``high`` characters, carrying the memo's own text.

        At least 80 characters of it are the memo's own (prose and facts: what the 80-character
        floor counts), 40 of them prose: a slice of stock sentences is not evidence of the leak.
        """
        a0, b0 = memo.body
        for _ in range(40):
            length = self.rng.randint(low, high)
            if b0 - a0 <= length:
                return None
            a = self.rng.randint(a0, b0 - length)

            prose = _overlap(memo.specific, a, a + length)
            if prose >= 40 and prose + _overlap(memo.facts, a, a + length) >= 80:
                return memo.text[a : a + length]
        return None

    def redact(self, text: str, share: float) -> str:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w.strip(".,;:")) >= 3]
        k = max(1, round(share * len(words)))
        for i in self.rng.sample(candidates, min(len(candidates), k)):
            words[i] = self.rng.choice(REDACTION_MARKS)
        return " ".join(words)

    def commentary(self) -> str:
        r = self.rng
        return (
            r.choice(COMMENT)
            if r.random() < 0.6
            else " ".join(r.choices(SOCIAL, k=r.randint(3, 8)))
        )


def _overlap(spans: tuple[tuple[int, int], ...], a: int, b: int) -> int:
    """Characters of ``[a, b)`` inside ``spans``."""
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans)


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


class _Overlap:
    """80-character runs of the bank memos, folded, with how many memos hold each."""

    WIDTH = 80

    def __init__(self, memos: list[Memo]) -> None:
        self.owners: dict[int, int] = {}
        for memo in memos:
            folded = _folded(memo.text)
            for h in {
                hash(folded[i : i + self.WIDTH]) for i in range(len(folded) - self.WIDTH + 1)
            }:
                self.owners[h] = self.owners.get(h, 0) + 1

    def shares_unique_run(self, text: str) -> bool:
        """Whether ``text`` holds an 80-character run found in exactly one banked memo."""
        folded = _folded(text)
        return any(
            self.owners.get(hash(folded[i : i + self.WIDTH])) == 1
            for i in range(len(folded) - self.WIDTH + 1)
        )


POSITIVE_KINDS = (
    "verbatim", "reformatted", "noisy", "redacted", "partial", "long_redacted", "screenshot",
)  # fmt: skip
NEGATIVE_KINDS = (
    "same_house", "shared_header", "public_quote", "same_topic", "screenshot_same_house",
)  # fmt: skip
SPLITS = {"tune": (0, 1001), "test": (1, 2002)}  # split -> (frame half, seed)


def house_corpus(
    split: str,
    *,
    n_orgs: int = 16,
    memos_per_org: int = 8,
    n_posts: int = 2000,
    screenshots: bool = True,
    background_per_org: int = 12,
) -> HouseCorpus:
    """The bank memos and labelled posts of one split (``tune`` or ``test``).

    Half the posts are positives, spread evenly over the positive kinds; half are negatives,
    spread over the negative kinds (same-house memos get a double share). Screenshot kinds are
    left out with ``screenshots=False`` (they need an OCR engine to be read back). The
    ``background`` is ordinary text of the same organisations (more memos and news posts, none in
    the bank): what an operator adds with ``redline bank background``.
    """
    half, seed = SPLITS[split]
    frames = _half(FRAMES, half) + _half(NUMBER_FRAMES, half)
    gen = HouseGenerator(seed, frames)
    orgs = [gen.organisation() for _ in range(n_orgs)]
    memos = [
        # Each long statement of a house is quoted by two of its banked memos at least.
        gen.memo(o, org, quote_long=m % 2 if m < 4 else None)
        for o, org in enumerate(orgs)
        for m in range(memos_per_org)
    ]
    overlap = _Overlap(memos)
    pos_kinds = [k for k in POSITIVE_KINDS if screenshots or k != "screenshot"]
    neg_kinds = [k for k in NEGATIVE_KINDS if screenshots or not k.startswith("screenshot")]
    neg_kinds.insert(0, "same_house")
    corpus = HouseCorpus(orgs, memos, [])
    rng = gen.rng
    i = 0
    while len(corpus.posts) < n_posts:
        kind = pos_kinds[i % len(pos_kinds)]
        source = rng.randrange(len(memos))
        post = _positive(gen, memos[source], source, kind)
        if post is not None:
            corpus.posts.append(post)
        for neg in _negatives(gen, orgs, neg_kinds[i % len(neg_kinds)]):
            if overlap.shares_unique_run(neg.text):
                corpus.dropped += 1
                continue
            corpus.posts.append(neg)
            break
        i += 1
    for o, org in enumerate(orgs):
        for _ in range(background_per_org):
            corpus.background.append(
                gen.memo(o, org).text if rng.random() < 0.6 else _news(gen, org)
            )
    return corpus


def _half(pool: tuple[str, ...], half: int) -> tuple[str, ...]:
    """The first or second half of a frame pool: tuning and test houses never share a frame."""
    return pool[: len(pool) // 2] if half == 0 else pool[len(pool) // 2 :]


def _positive(gen: HouseGenerator, memo: Memo, source: int, kind: str) -> Post | None:
    r = gen.rng
    if kind == "long_redacted":
        ex = gen.excerpt(memo, 300, 900)
        return None if ex is None else Post(gen.redact(ex, r.uniform(0.10, 0.25)), source, kind)
    if kind == "screenshot":
        ex = gen.excerpt(memo, 300, 900)
        return None if ex is None else Post(ex, source, kind)  # rendered by the runner
    ex = gen.excerpt(memo, 80, 300)
    if ex is None:
        return None
    if kind == "verbatim":
        text = f'{gen.commentary()} "{ex}" {gen.commentary()}'
    elif kind == "reformatted":
        text = gen.prose.reformat(ex)
    elif kind == "noisy":
        text = gen.prose.noise(ex, r.uniform(0.02, 0.05))
    elif kind == "redacted":
        words = ex.split(" ")
        text = (
            gen.commentary() + "\n" + gen.redact(ex, min(3, r.randint(1, 3)) / max(1, len(words)))
        )
    else:
        text = ex
    return Post(text, source, kind)


def _negatives(gen: HouseGenerator, orgs: list[Organisation], kind: str) -> Iterator[Post]:
    """Candidates for one negative of ``kind`` (the caller keeps the first that passes)."""
    r = gen.rng
    for _ in range(20):
        o = r.randrange(len(orgs))
        org = orgs[o]
        if kind in ("same_house", "screenshot_same_house"):
            memo = gen.memo(o, org).text
            if kind == "screenshot_same_house" or r.random() < 0.5:
                length = r.randint(300, 900 if kind.startswith("screenshot") else 2000)
                a = r.randint(0, max(0, len(memo) - length))
                memo = memo[a : a + length]
            yield Post(memo, None, kind)
        elif kind == "shared_header":
            text = " ".join(gen.prose.sentence() for _ in range(r.randint(2, 5)))
            if r.random() < 0.5:
                yield Post(f"{org.header}\n\n{text}", None, kind)
            else:
                yield Post(f"{text}\n\n{org.footer}", None, kind)
        elif kind == "public_quote":
            quotes = " ".join(_public_quote(gen, org) for _ in range(r.randint(1, 2)))
            yield Post(f"{gen.commentary()} {quotes} {gen.commentary()}", None, kind)
        else:
            yield Post(_news(gen, org), None, kind)


def _public_quote(gen: HouseGenerator, org: Organisation) -> str:
    """A statement as the public quotes it, in the poster's words (not the memo's lead-in)."""
    r = gen.rng
    statements = (*org.statements, *org.long_statements)
    lead = r.choice((
        "Remember when they said", "Their own words:", "Straight from the ad:",
        "Direct quote from the rally,", "lol ok,", "From the press release:",
    ))  # fmt: skip
    return f'{lead} "{r.choice(statements).rstrip(".")}"'


def _news(gen: HouseGenerator, org: Organisation) -> str:
    r = gen.rng
    sentences = []
    for _ in range(r.randint(2, 5)):
        who, title = r.choice(org.staff)
        sentences.append(r.choice(NEWS).format(
            who=who, org=org.name, topic=r.choice(TOPICS), city=org.city, title=title,
            month=r.choice(MONTHS), place=r.choice(PLACES), date=gen.date(),
        ))  # fmt: skip
    if r.random() < 0.5:
        sentences.append(gen.stock(org))
    return " ".join(sentences)
