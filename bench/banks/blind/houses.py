# ruff: noqa: E501  (one template sentence per line reads better than split strings)
"""House styles of the fictional organisations the blind set is written in.

Every organisation has what real internal memos share across documents: a letterhead line, a
confidentiality footer, recurring section headings, stock sentences with slots, sign-offs by the
same staff, recurring phrases and a few public statements many memos quote. Bank memos and the
negative posts are written from the same material, so the negatives are hard the way same-author
text is. Fixed runs of template text are kept well under 80 characters; generate.py still checks
every negative against the bank and drops any that shares 80 characters with it.

All names, places, firms and figures are invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FIRST_NAMES = (
    "Alice Marcus Priya Tomasz Keisha Daniel Mariana Owen Fatima Gregory Hannah Luis Yuki Samuel "
    "Ingrid Darnell Rosa Victor Mei Patrick Amara Felix Colleen Rashid Elena Trevor Nadia Caleb "
    "Simone Arjun Beatrice Hector Lena Dwayne Sofia Malcolm Irene Kwame Teresa Brandon Olga Jerome "
    "Camille Ahmed Natalie Desmond Greta Ramon Wendy Julian Ayesha Boris Claire Emmett Lucia "
    "Harold Noor Quentin Renata Stellan Tamsin Ulysses Vera Wallace Ximena Yusuf Zora Martin Joan"
).split()

LAST_NAMES = (
    "Marchetti Okonkwo Lindahl Brennan Castellanos Whitfield Nakamura Abernathy Kowalczyk "
    "Delacroix Hargrove Osei Pemberton Szabo Villanueva Ashworth Mbeki Thorsen Galloway Iqbal "
    "Fairbanks Novak Quintero Rasmussen Sutherland Tanaka Underwood Vasquez Whitcombe Yilmaz "
    "Zielinski Ambrose Beaumont Cardenas Dunleavy Eriksen Fonseca Gutierrez Holloway Ibarra "
    "Jablonski Kavanagh Larkin Moreau Nwosu Oyelaran Prescott Rourke Santangelo Treadwell "
    "Umberger Valentin Wexler Xiong Yardley Zamora Albrecht Birch Coolidge Draper Ellsworth "
    "Fitzhugh Gorski Hale Ingram Juarez Kemper Lowry Mancini Nyberg"
).split()

STREETS = (
    "Larkspur Maple Birchwood Harrow Quarry Chestnut Sycamore Kellogg Fairmount Linden Ridgeview "
    "Orchard Mulberry Cobbler Foundry Heron Millbrook Stonegate Tanner Willowbend Ashby Dunmore "
    "Evergreen Granger Hollis Juniper Kestrel Lakeshore Magnolia Northfield Oakmont Pemberly"
).split()
STREET_SUFFIXES = [
    "Street",
    "Avenue",
    "Lane",
    "Road",
    "Drive",
    "Court",
    "Boulevard",
    "Way",
    "Place",
]

VENDORS = [
    "Pinnacle Print & Mail",
    "Redwood Data Partners",
    "Lakeline Media Buying",
    "Sterling Canvass Co.",
    "Bluestem Polling",
    "Harbor Point Digital",
    "Keystone Field Services",
    "Northwind Analytics",
    "Copperleaf Events",
    "Granite State Signs",
    "Meridian Phone Bank",
    "Tallgrass Research",
    "Ironbridge Security",
    "Clearwater Consulting",
    "Oakhurst Catering",
    "Summit Van Rentals",
    "Brightline Video",
    "Fieldstone Compliance",
    "Anchor Bay Printing",
    "Crescent Legal Staffing",
    "Westgate Storage",
    "Halcyon Survey Group",
    "Riverbend Courier",
    "Blackridge Forensics",
    "Union Square Audio",
    "Parkway Shuttle",
    "Evenfall Strategies",
    "Trident Records Management",
]

DONORS = [
    "the Albright family",
    "Castellan Holdings",
    "Dr. Miriam Oduya",
    "the Pell Foundation",
    "Greyhaven Partners",
    "the Sorensen brothers",
    "Lydia Vance-Moreno",
    "Old Mill Capital",
    "the Tisdale trust",
    "Hollister Auto Group",
    "Margo and Ed Klein",
    "Bayard Equities",
]

OUTLETS = [
    "the Courier-Dispatch",
    "Channel 6",
    "the Valley Tribune",
    "StatePoint Radio",
    "the Morning Signal",
    "the Capitol Wire",
    "WKRB News",
    "the Lakeshore Gazette",
    "Metro Public Media",
    "the Sentinel-Review",
]

LAW_FIRMS = [
    "Haskell & Poe",
    "Rutledge Amari LLP",
    "Stroud Benton",
    "Calloway Fenn & Ruiz",
    "Dorsey Whitlock",
    "Marrow & Lyle",
]

CHURCHES = [
    "Grace Fellowship",
    "St. Brendan's",
    "New Hope Baptist",
    "Mount Zion AME",
    "Holy Trinity",
    "Riverside Community Church",
]

SOURCE_TITLES = [
    "deputy clerk",
    "procurement officer",
    "former staffer",
    "budget analyst",
    "facilities manager",
    "records custodian",
    "shift supervisor",
    "contract auditor",
]

MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()

TASKS = [
    "pull the final numbers",
    "update the tracker",
    "circulate a revised draft",
    "brief the principal",
    "confirm the venue",
    "close out the vendor invoices",
    "send the call sheet",
    "check the filing deadline",
    "lock the talking points",
    "book the room",
    "reconcile the receipts",
    "walk the new hires through it",
    "clear it with counsel",
    "get sign-off from finance",
    "draft the follow-up",
]


@dataclass(frozen=True)
class House:
    """One organisation's shared writing: what recurs from memo to memo."""

    key: str
    name: str
    kind: str  # campaign | pr | newsroom | law | advocacy
    prefix: str  # document reference prefix
    letterhead: tuple[str, ...]  # one is chosen per memo (small variants of the same letterhead)
    footer: tuple[str, ...]
    headings: tuple[str, ...]
    openers: tuple[str, ...]  # stock opening sentences
    stock: tuple[str, ...]  # stock sentences with slots, sprinkled through the body
    closers: tuple[str, ...]  # stock closing sentences
    closings: tuple[str, ...]  # "Onward," ...
    staff: tuple[tuple[str, str], ...]  # (name, title)
    phrases: tuple[str, ...]  # recurring sentence openers
    statements: tuple[str, ...]  # public statements the memos quote
    quote_frames: tuple[str, ...]  # how memos quote them ({statement})
    recipients: tuple[str, ...]
    subjects: tuple[str, ...]
    counties: tuple[str, ...]
    cities: tuple[str, ...]
    venues: tuple[str, ...]
    events: tuple[str, ...]
    principal: str  # candidate, client, editor or lead client
    opponent: str
    clients: tuple[str, ...] = field(default=())


HOUSES: tuple[House, ...] = (
    House(
        key="harlow",
        name="Harlow for Governor",
        kind="campaign",
        prefix="HFG",
        letterhead=("HARLOW FOR GOVERNOR | Internal Memorandum", "HARLOW FOR GOVERNOR - MEMO"),
        footer=(
            "PRIVILEGED & CONFIDENTIAL - Harlow for Governor - do not forward",
            "Confidential campaign work product. Not for distribution.",
        ),
        headings=(
            "FIELD",
            "BUDGET",
            "PRESS",
            "NEXT STEPS",
            "OPEN QUESTIONS",
            "DONOR NOTES",
            "SCHEDULE",
            "OPPOSITION",
        ),
        openers=(
            "Quick update ahead of {weekday}'s leadership call.",
            "Below is where things stand as of {date}.",
            "Sharing this with the core team only.",
            "A few items that came up since the last memo.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "Numbers below are as of {date} and will move.",
            "Flag anything urgent to {staff} by text, not email.",
            "Talk to {staff} before committing money that is not in the plan.",
            "We will revisit this on the {weekday} call.",
            "Nothing in this memo goes to the candidate's personal email.",
            "{staff} owns this until further notice.",
        ),
        closers=(
            "Thanks for all you are doing.",
            "Reach out with anything before {weekday}.",
            "More after the {weekday} call.",
        ),
        closings=("Onward,", "Thanks all,", "Best,"),
        staff=(
            ("Rebecca Stroud", "Campaign Manager"),
            ("Jonah Whitlock", "Deputy Campaign Manager"),
            ("Maribel Ocampo", "Field Director"),
            ("Trent Alvarado", "Finance Director"),
            ("Lauren Kessler", "Communications Director"),
        ),
        phrases=("Bottom line:", "To be clear,", "For the record,", "As discussed,"),
        statements=(
            "Every county, every kitchen table.",
            "A governor who answers the phone.",
            "Not one dime from utility lobbyists.",
        ),
        quote_frames=(
            'The message does not change: "{statement}"',
            'Stay on the line: "{statement}"',
            'Close every remark with "{statement}"',
        ),
        recipients=("Senior staff", "Leadership team", "Field leads", "Finance committee"),
        subjects=(
            "{county} County field plan",
            "Budget reallocation for {month}",
            "Debate prep and press posture",
            "Donor follow-ups after {city}",
            "Final {n} days: priorities",
        ),
        counties=("Ashland", "Marion", "Delaware", "Licking", "Fairfield", "Wayne"),
        cities=("Columbus", "Mansfield", "Newark", "Lancaster", "Wooster", "Zanesville"),
        venues=(
            "the Lakeview Pavilion",
            "the Grange Hall in Bellville",
            "Carver Middle School gym",
        ),
        events=("the Lakeview rally", "the October debate", "the county fair walkthrough"),
        principal="Dana Harlow",
        opponent="Curtis Bell",
    ),
    House(
        key="ruiz",
        name="Friends of Vance Ruiz",
        kind="campaign",
        prefix="FVR",
        letterhead=("FRIENDS OF VANCE RUIZ", "Friends of Vance Ruiz / Senate District 14"),
        footer=(
            "Internal only. Paid for by Friends of Vance Ruiz.",
            "FVR internal - please do not share outside the team",
        ),
        headings=(
            "Where we are",
            "Money",
            "Ground game",
            "Earned media",
            "Risks",
            "Asks",
            "Calendar",
            "Coalitions",
        ),
        openers=(
            "Team, here is the weekly picture.",
            "Short one this week; a lot is moving.",
            "As promised on {weekday}, the details.",
            "Please read before the {weekday} huddle.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "The senator has seen a summary of this, not the whole memo.",
            "If it is not in the tracker, it did not happen.",
            "{staff} will follow up with each of you by {weekday}.",
            "Keep this off the group chat, please.",
            "We check this against the numbers again on {date}.",
            "Loop in {staff} on anything that touches the district office.",
        ),
        closers=(
            "Proud of this team.",
            "Questions to me or {staff}.",
            "See everyone {weekday}.",
        ),
        closings=("Gracias y adelante,", "With thanks,", "Talk soon,"),
        staff=(
            ("Ana Lucia Ferro", "Campaign Manager"),
            ("Desmond Pike", "Political Director"),
            ("Hollis Grant", "Finance Lead"),
            ("Carmen Delgado", "Press Secretary"),
            ("Victor Osei", "Organizing Director"),
        ),
        phrases=("Big picture:", "Heads up:", "Honestly,", "One more thing:"),
        statements=(
            "Built here. Staying here.",
            "No budget that closes a rural clinic.",
            "Our district is not for sale.",
        ),
        quote_frames=(
            'Back to basics: "{statement}"',
            'Every surrogate says it: "{statement}"',
            'The senator\'s line holds: "{statement}"',
        ),
        recipients=("Core team", "Senior staff", "Organizers", "Finance and compliance"),
        subjects=(
            "Weekly picture, {month}",
            "Ground game in {county}",
            "Money: where we stand",
            "Coalition asks before {month}",
            "Press plan for the clinic vote",
        ),
        counties=("Pecos", "Hidalgo", "Bexar", "Nueces", "Webb", "Cameron"),
        cities=("San Marcos", "Laredo", "Alice", "Kingsville", "Edinburg", "Uvalde"),
        venues=("the VFW hall on Main", "the Ruiz family ranch", "the Alice civic center"),
        events=("the clinic vote", "the Laredo town hall", "the union endorsement meeting"),
        principal="Vance Ruiz",
        opponent="Dale Kimbrough",
    ),
    House(
        key="brightwater",
        name="Brightwater Strategies",
        kind="pr",
        prefix="BWS",
        letterhead=("BRIGHTWATER STRATEGIES", "Brightwater Strategies | Client Memorandum"),
        footer=(
            "Brightwater Strategies - confidential client communication",
            "Prepared for client use only. Brightwater Strategies.",
        ),
        headings=(
            "Situation",
            "Recommendation",
            "Media landscape",
            "Stakeholders",
            "Timeline",
            "Budget",
            "Risks",
            "Next steps",
        ),
        openers=(
            "Following up on {weekday}'s discussion with the client.",
            "Our read of the situation as of {date}.",
            "As requested, a short memo on where this stands.",
            "Summary for the account team.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "We continue to recommend saying less, not more.",
            "{staff} will hold the pen on all client-facing drafts.",
            "Anything said to a reporter is on the record unless agreed first.",
            "We will update this memo after the {weekday} check-in.",
            "Nothing here should be shared with the client's outside counsel.",
            "Time spent on this goes to the retainer, not the project code.",
        ),
        closers=(
            "Happy to walk through any of this.",
            "Updated version to follow by {weekday}.",
            "Comments to {staff}, please.",
        ),
        closings=("Best regards,", "Warmly,", "Regards,"),
        staff=(
            ("Celeste Hargrove", "Managing Partner"),
            ("Philip Ambrose", "Senior Vice President"),
            ("Naomi Reyes-Tate", "Account Director"),
            ("Gideon Park", "Director of Digital"),
            ("Ruth Calder", "Senior Associate"),
        ),
        phrases=("In short,", "Candidly,", "Our view:", "Net-net,"),
        statements=(
            "Committed to safe, affordable energy.",
            "Safety is our first priority, every day.",
            "We are cooperating fully with regulators.",
        ),
        quote_frames=(
            'Hold the client to its line: "{statement}"',
            'Every reply ends with "{statement}"',
            'The holding statement stays: "{statement}"',
        ),
        recipients=("Account team", "Tri-County Power leadership", "Crisis cell", "Partners"),
        subjects=(
            "Outage response, {city}",
            "Regulatory hearing posture",
            "Reputation tracking, {month}",
            "Community meeting plan",
            "Settlement communications",
        ),
        counties=("Greene", "Clark", "Miami", "Darke", "Preble"),
        cities=("Springfield", "Xenia", "Troy", "Piqua", "Greenville", "Eaton"),
        venues=("the Xenia community center", "the Troy Marriott", "the Piqua library annex"),
        events=("the Xenia outage", "the rate hearing", "the substation fire"),
        principal="Tri-County Power",
        opponent="the Ratepayer Alliance",
        clients=("Tri-County Power", "Halvorsen Mining", "Greenway Homes"),
    ),
    House(
        key="cobalt",
        name="Cobalt Street Communications",
        kind="pr",
        prefix="CSC",
        letterhead=("COBALT STREET COMMUNICATIONS", "Cobalt Street Communications - Memo"),
        footer=(
            "Cobalt Street Communications. Confidential and proprietary.",
            "CSC confidential - client and agency use only",
        ),
        headings=(
            "Where things stand",
            "What we recommend",
            "Press",
            "Community",
            "Elected officials",
            "Costs",
            "Watch list",
            "Action items",
        ),
        openers=(
            "Here is the latest on the Riverside Yards account.",
            "Recap of {weekday}'s working session.",
            "Ahead of the {weekday} client call, our notes.",
            "Updated as of {date}.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "The client has not approved any of this yet.",
            "Keep the agency's name off anything that goes public.",
            "{staff} is the only point of contact for the developer.",
            "We review the tracker again on {weekday}.",
            "Assume anything in writing will be read by a reporter.",
            "Bill this under the community engagement phase.",
        ),
        closers=(
            "Let us know what you think.",
            "Talk {weekday}.",
            "The rest can wait for {weekday}.",
        ),
        closings=("Cheers,", "All best,", "Thanks,"),
        staff=(
            ("Marcus Delahaye", "Founder"),
            ("Ingrid Solberg", "Vice President, Public Affairs"),
            ("Tobias Wren", "Account Supervisor"),
            ("Keisha Lambert", "Community Outreach Lead"),
            ("Owen Farrow", "Media Relations Manager"),
        ),
        phrases=("Quick note:", "Bottom line:", "Realistically,", "For context,"),
        statements=(
            "Built by local hands, for local families.",
            "No public money, no broken promises.",
            "A stadium the river district can be proud of.",
        ),
        quote_frames=(
            'Keep repeating it: "{statement}"',
            'The developer\'s line is "{statement}"',
            'Lead with "{statement}"',
        ),
        recipients=("Riverside Yards team", "Agency leads", "Developer working group", "Partners"),
        subjects=(
            "Council vote whip count",
            "Neighborhood meetings, {month}",
            "Press strategy",
            "Riverside Yards: community benefits",
            "Budget and invoices",
        ),
        counties=("Hamilton", "Kenton", "Campbell", "Butler", "Warren"),
        cities=("Cincinnati", "Covington", "Newport", "Hamilton", "Norwood"),
        venues=(
            "the river district rec center",
            "the Covington public library",
            "City Hall room 3B",
        ),
        events=("the council vote", "the river district open house", "the zoning hearing"),
        principal="Riverside Yards LLC",
        opponent="Save the Riverfront",
        clients=("Riverside Yards LLC", "Marlowe Development", "Queen City Sports Group"),
    ),
    House(
        key="ledger",
        name="The Meridian Ledger",
        kind="newsroom",
        prefix="TML",
        letterhead=("THE MERIDIAN LEDGER - Newsroom memo", "The Meridian Ledger | Investigations"),
        footer=(
            "Ledger internal. Source material: handle under the sourcing policy.",
            "Not for publication. The Meridian Ledger newsroom.",
        ),
        headings=(
            "Story status",
            "Sourcing",
            "Legal",
            "Documents",
            "Budget",
            "Schedule",
            "Open threads",
            "Assignments",
        ),
        openers=(
            "Where the investigation stands as of {date}.",
            "Notes from {weekday}'s budget meeting.",
            "For editors on the project only.",
            "Status of the {month} package.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "Two sources for every fact, as always.",
            "Nothing about sources goes in the shared drive.",
            "{staff} signs off on every quote from here on.",
            "We regroup on {weekday} after the news meeting.",
            "Keep notes on paper or on the encrypted laptop only.",
            "If a source asks to be paid, stop and call {staff}.",
        ),
        closers=(
            "Good work, all.",
            "Shout if anything here is wrong.",
            "Next update {weekday}.",
        ),
        closings=("Thanks,", "- ", "Cheers,"),
        staff=(
            ("Miriam Castellane", "Executive Editor"),
            ("Julian Okafor", "Investigations Editor"),
            ("Priya Raman", "Senior Reporter"),
            ("Sam Whitcombe", "Data Reporter"),
            ("Delia Marsh", "Standards Editor"),
        ),
        phrases=("For what it is worth,", "Important:", "Reminder:", "Plainly,"),
        statements=(
            "The Ledger does not pay sources and never will.",
            "We publish what we can verify.",
            "Independent since 1911.",
        ),
        quote_frames=(
            'As Miriam said: "{statement}"',
            'Remember the standard: "{statement}"',
            'Our line to readers: "{statement}"',
        ),
        recipients=("Investigations desk", "Masthead", "Project team", "Legal and standards"),
        subjects=(
            "Clerk's office contracts",
            "{city} evictions series",
            "Donor records analysis",
            "Legal review schedule",
            "Sourcing on the {month} story",
        ),
        counties=("Meridian", "Lauderdale", "Clarke", "Newton", "Kemper"),
        cities=("Meridian", "Quitman", "Decatur", "Philadelphia", "Marion"),
        venues=("the diner on 22nd Avenue", "the Lauderdale courthouse", "the bus depot cafe"),
        events=(
            "the clerk's office audit",
            "the mayor's press conference",
            "the eviction hearings",
        ),
        principal="Miriam Castellane",
        opponent="Mayor Harlan Pruitt",
    ),
    House(
        key="northgate",
        name="Northgate Public Radio",
        kind="newsroom",
        prefix="NPR-I",
        letterhead=("Northgate Public Radio - Investigations Desk", "NORTHGATE PUBLIC RADIO"),
        footer=(
            "NGPR editorial - confidential. Do not share with underwriting.",
            "Internal editorial document, Northgate Public Radio.",
        ),
        headings=(
            "Reporting",
            "Tape",
            "Records",
            "Standards review",
            "Production",
            "Money",
            "Next week",
            "Loose ends",
        ),
        openers=(
            "Desk update for the week of {date}.",
            "Catching everyone up after {weekday}.",
            "Quick notes before the pitch meeting.",
            "Where the series is, in brief.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "Underwriting does not see any of this.",
            "{staff} has final say on what airs.",
            "All tape lives on the desk drive, nowhere else.",
            "We revisit this on {weekday} after the morning meeting.",
            "Do not promise anyone anonymity without {staff}.",
            "Log every records request in the tracker the same day.",
        ),
        closers=(
            "Thanks for the hustle.",
            "Holler with questions.",
            "Onward to {weekday}.",
        ),
        closings=("Thanks,", "Best,", "Yours,"),
        staff=(
            ("Harriet Lindqvist", "News Director"),
            ("Kofi Mensah", "Investigations Editor"),
            ("Bea Thornton", "Reporter"),
            ("Arturo Salas", "Producer"),
            ("Grace Whelan", "Standards Editor"),
        ),
        phrases=("Note:", "Candidly,", "FYI:", "Big one:"),
        statements=(
            "Eastbrook has nothing to hide.",
            "Accountable to listeners, not sponsors.",
            "The water is safe to drink.",
        ),
        quote_frames=(
            'The mayor keeps saying "{statement}"',
            'Her exact words: "{statement}"',
            'Tag every segment with "{statement}"',
        ),
        recipients=("Investigations desk", "News director", "Series team", "Standards"),
        subjects=(
            "Eastbrook water series",
            "Records requests, {month}",
            "Tape log and clearances",
            "Standards review: {city} piece",
            "Series budget",
        ),
        counties=("Eastbrook", "Oneida", "Herkimer", "Madison", "Otsego"),
        cities=("Eastbrook", "Utica", "Rome", "Oneonta", "Ilion"),
        venues=(
            "the Eastbrook water plant",
            "the Utica Union Station",
            "the library community room",
        ),
        events=("the water advisory", "the Eastbrook council meeting", "the lead test results"),
        principal="Harriet Lindqvist",
        opponent="Mayor Joanne Keel",
    ),
    House(
        key="okafor",
        name="Okafor, Lindqvist & Pryce LLP",
        kind="law",
        prefix="OLP",
        letterhead=(
            "OKAFOR, LINDQVIST & PRYCE LLP",
            "Okafor, Lindqvist & Pryce LLP - Memorandum",
        ),
        footer=(
            "ATTORNEY-CLIENT PRIVILEGED / ATTORNEY WORK PRODUCT",
            "Privileged and confidential. Okafor, Lindqvist & Pryce LLP.",
        ),
        headings=(
            "Background",
            "Analysis",
            "Discovery",
            "Witnesses",
            "Strategy",
            "Exposure",
            "Billing",
            "Recommendations",
        ),
        openers=(
            "This memorandum summarizes developments through {date}.",
            "You asked for our assessment before {weekday}'s meeting.",
            "Status report on the election contest matter.",
            "We write to update the team.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "This analysis may change as discovery proceeds.",
            "Do not forward this memorandum to the client's staff.",
            "{staff} will coordinate with co-counsel.",
            "We will revisit the strategy after the {weekday} conference.",
            "Any public comment must first be cleared by {staff}.",
            "Time on this matter is billed to the general retainer.",
        ),
        closers=(
            "Questions are welcome.",
            "We are available to discuss.",
            "We will report again by {weekday}.",
        ),
        closings=("Respectfully,", "Very truly yours,", "Regards,"),
        staff=(
            ("Adaeze Okafor", "Partner"),
            ("Henrik Lindqvist", "Partner"),
            ("Thomas Pryce", "Senior Counsel"),
            ("Lena Morales", "Associate"),
            ("Grant Eberly", "Paralegal"),
        ),
        phrases=("Importantly,", "In our view,", "Notably,", "To summarize,"),
        statements=(
            "No evidence that any ballot was altered.",
            "Every lawful vote will be counted.",
            "We have full confidence in the canvass.",
        ),
        quote_frames=(
            'As the court wrote, "{statement}"',
            'The secretary of state\'s line: "{statement}"',
            'The client\'s statement reads "{statement}"',
        ),
        recipients=("Litigation team", "Client working group", "Co-counsel", "File"),
        subjects=(
            "Election contest: status",
            "Discovery plan",
            "Witness preparation",
            "Exposure and settlement",
            "Records from {county} County",
        ),
        counties=("Dane", "Sauk", "Rock", "Green", "Iowa", "Columbia"),
        cities=("Madison", "Baraboo", "Janesville", "Monroe", "Portage", "Dodgeville"),
        venues=(
            "the Dane County courthouse",
            "our Madison conference room",
            "the Baraboo clerk's office",
        ),
        events=("the recount", "the canvass board meeting", "the scanner malfunction"),
        principal="the Committee to Elect Ray Sorensen",
        opponent="the Wisconsin Integrity Project",
        clients=("the Committee to Elect Ray Sorensen", "Ray Sorensen", "the Dane County Party"),
    ),
    House(
        key="fairballot",
        name="Citizens for a Fair Ballot",
        kind="advocacy",
        prefix="CFB",
        letterhead=("CITIZENS FOR A FAIR BALLOT", "Citizens for a Fair Ballot | Staff memo"),
        footer=(
            "CFB staff and board only. Not for press or partners.",
            "Citizens for a Fair Ballot - internal",
        ),
        headings=(
            "Program",
            "Litigation",
            "Fundraising",
            "Volunteers",
            "Communications",
            "Partners",
            "Decisions needed",
            "Calendar",
        ),
        openers=(
            "Board update for {month}.",
            "Staff notes from {weekday}.",
            "What the board needs to know this week.",
            "Program update as of {date}.",
        ),
        stock=(
            "Per our call last week, {staff} will {task} before {weekday}.",
            "Please route questions to {staff} before {weekday}.",
            "This stays inside staff and board.",
            "{staff} will brief the coalition on a need-to-know basis.",
            "We take this up again at the {weekday} staff meeting.",
            "Nothing here is approved until the board votes.",
            "Keep donor names out of partner calls.",
            "{staff} tracks the money on this.",
        ),
        closers=(
            "Thanks for all of it.",
            "More next {weekday}.",
        ),
        closings=("In solidarity,", "Thank you,", "Best,"),
        staff=(
            ("Dolores Whitaker", "Executive Director"),
            ("Nathan Cho", "Legal Director"),
            ("Yvette Amadi", "Development Director"),
            ("Eli Brandt", "Volunteer Coordinator"),
            ("Serena Voss", "Communications Manager"),
        ),
        phrases=("Bottom line:", "Key point:", "Frankly,", "Reminder:"),
        statements=(
            "Count every vote. Then count it again.",
            "Fair maps, fair fights.",
            "No voter left in line when the polls close.",
        ),
        quote_frames=(
            'Our tagline holds: "{statement}"',
            'Lead every post with "{statement}"',
            'As Dolores says on air, "{statement}"',
        ),
        recipients=("Staff", "Board of directors", "Program team", "Development committee"),
        subjects=(
            "Map lawsuit funding",
            "Poll monitoring in {county}",
            "Board update, {month}",
            "Coalition asks",
            "Ad campaign in {city}",
        ),
        counties=("Wake", "Durham", "Guilford", "Forsyth", "Mecklenburg", "Pitt"),
        cities=("Raleigh", "Durham", "Greensboro", "Winston-Salem", "Charlotte", "Greenville"),
        venues=("the Durham union hall", "our Raleigh office", "the Greensboro library"),
        events=("the map ruling", "the early voting rollout", "the polling place closures"),
        principal="Citizens for a Fair Ballot",
        opponent="the Legislative Redistricting Committee",
    ),
)

# Memo-specific sentences by kind of organisation. Slots: {person} {staff} {amount} {date}
# {address} {phone} {county} {city} {vendor} {donor} {outlet} {venue} {event} {principal}
# {opponent} {client} {n} {pct} {month} {year} {time} {weekday} {church} {lawfirm} {title}.
SPECIFIC: dict[str, tuple[str, ...]] = {
    "campaign": (
        "{person} agreed to host a house party at {address} on {date}; expect about {n} guests and a {amount} ask.",
        "The {county} County office lease at {address} runs through {month} at {amount} a month, and {staff} signed it without finance.",
        "Our poll of {date} has us at {pct} percent to {opponent}'s {pct2}, {n} likely voters, fielded by {vendor}.",
        "{donor} pledged {amount} to the outside committee on {date}, none of it through {city}.",
        "Call time on {weekday} runs {time} to {time2}; top calls are {person}, {person2} and the {vendor} board.",
        "Research on {opponent} found a {year} lien on a property at {address} for {amount} in unpaid taxes.",
        "We move {amount} from digital into mail for the last {n} days, mostly into {county} County.",
        "{person} ({church}) will not endorse, but {n} members signed our leaflet list on {date}.",
        "Debate prep is at {address} at {time}; {staff} plays {opponent} and the budget attack is off the table.",
        "Volunteer shifts in {county} fell to {n} last week from {n2} after the canvass lead, {person}, quit.",
        "The principal's cell, {phone}, goes only to the {n} donors on the platinum list.",
        "The {city} union local wants our pension pledge in writing by {date} before releasing {amount}.",
        "{vendor} billed {amount} for yard signs that came {n} days late, {n2} of them with the name misspelled.",
        "A reporter from {outlet} asked {staff} about the {year} DUI; we confirm nothing and refer her to counsel.",
        "Ballot chase in {county} starts {date}: {n} doors, {n2} phone banks, and a van from {vendor} parked at {address}.",
        "The {city} fundraiser at {person}'s home raised {amount}, about {amount2} short of what we told the committee.",
        "{opponent} has booked {amount} in broadcast from {date}, per {person} at {vendor}.",
        "If {person}'s endorsement lands by {weekday}, we release it at {time} with a call to {outlet}.",
        "We owe {vendor} {amount} for the {month} voter file, {amount2} of it past due since {date}.",
        "The fire marshal caps {venue} at {n} people on {date}; overflow goes to {address}.",
        "{person} of the {county} County party wants {amount} for a slate card line and a seat at the {month} dinner.",
        "The principal's mother lives at {address}; she is never named in a mailer or a press list.",
        "Staff payroll for {month} comes to {amount}; {person} and {person2} move to contract on {date}.",
        "Security for {event}: {n} volunteers, {n2} officers from {vendor}, back entrance on {street}.",
        "{person} ({phone}) says the {county} sheriff will endorse if we stay quiet on the jail bond.",
    ),
    "pr": (
        "{client} approved a crisis budget of {amount} on {date}; only {staff} speaks to {outlet}.",
        "The leak about the {city} plant came from a contractor, {person}; legal wants his badge logs from {date}.",
        "The op-ed ran in {outlet} under {person}'s name; she was paid {amount} through {vendor} and will not disclose it.",
        "Monitoring counted {n} posts about the {city} outage over the weekend, {pct} percent of them negative.",
        "{client}'s chief executive, {person}, does one interview, with {outlet}, on {date} at {time}, rates only.",
        "{vendor} offered {n} positive reviews a week for {amount}; decline in writing and keep the email.",
        "For the meeting at {venue} on {date}, {person} and {person2} agreed to speak for {amount} each.",
        "Settlement talks with the {city} homeowners are at {amount}; the client wants that figure kept out of releases.",
        "{staff} drafted the apology; the client cut the line about {n} families and asked to split our invoice over {month}.",
        "The hearing moved to {date}; we have {n} letters of support, {n2} of them drafted by our team.",
        "A former engineer, {person}, lives at {address} and told friends he kept the {year} inspection reports.",
        "Paid search on the name {client} runs {amount} a month through {vendor} until {date}.",
        "{person} at {outlet} has asked twice about the {year} spill; she gets the statement and nothing more.",
        "The {amount} gift to the {city} food bank goes out {date}; photo with {person} at {time}.",
        "Complaints to {client} in {month}: {n}, with {n2} unresolved and an average wait of {n3} days.",
        "Hold {person}'s consulting renewal ({amount}) until after the {month} vote.",
        "{vendor}'s survey: {pct} percent of {city} residents know the project and {pct2} percent oppose it.",
        "Media training for {person} is at {address} on {date}; bring the mock questions on the {year} layoffs.",
        "The creator package for {client} is {n} accounts at {amount}, contracted through {vendor} so our name stays off.",
        "{person} at {outlet} will hold her story to {date} if she sees the {month} filings first.",
        "{opponent} plans a protest at {venue} on {date}; {person} from {vendor} will film it from {street}.",
        "Councilmember {person} asked for {amount} toward her scholarship fund before she commits on {event}.",
        "The substation crew lead, {person}, reachable at {phone}, is not to be quoted or named.",
        "We pay {vendor} {amount} to scrub search results for {person} by the end of {month}.",
        "The draft release for {date} moves the layoff count from {n} to {n2}; finance has not signed off.",
    ),
    "newsroom": (
        "Source A, a {title}, met {staff} on {date} at {address} with {n} pages of invoices.",
        "We have {person}'s bank statements showing {amount} sent to {vendor} between {month} and {month2}.",
        "Legal reads the {person} piece on {date}; the lawyers flagged {n} sentences and the headline.",
        "Do not contact {person} at home ({address}) again; she wants all requests to go through {person2}.",
        "The freelance budget for the {city} series is {amount}; {staff} may commission {n} pieces at most.",
        "Our records request for {county} County contracts returned {n} pages, {n2} of them fully blacked out.",
        "{staff} knocks at {address} on {weekday} at {time}; take a second reporter and keep the car running.",
        "The tip line logged {n} calls about {event} this week; {n2} deserve a callback, ranked below.",
        "A second source, {person}, confirmed the {amount} payment, on background only, by phone at {phone}.",
        "We hold the {person} story until {date} so the mayor's office gets {n} business days to answer.",
        "Photo desk: we need {person} leaving {venue} on {date}; no children and no license plates in frame.",
        "Correction owed: we said {amount} for the {city} contract; the {month} minutes say {amount2}.",
        "The data team matched {n} donor records to {vendor} staff; {n2} gave the maximum on {date}.",
        "{staff} spent {amount} on travel to {city} unapproved; it comes out of the {month} budget.",
        "We need a reply from {person}'s lawyer, {person2}, by {time} {weekday}; the draft quotes the {month} deposition.",
        "The {person} interview was recorded at {address}; the audio is on the encrypted drive only.",
        "We count {n} evictions in {county} County since {month}, against {n2} in the county's report.",
        "The {outlet} partner runs the story {date} at {time}; nothing goes on social before then.",
        "{person} says council member {person2} met {vendor} executives on {date}, with no minutes taken.",
        "The {city} bureau gets {amount} for {month}: {n} reporters and one photographer.",
        "{person}, the {title}, wants {amount} for the spreadsheet; we said no and logged the request.",
        "Lead results from {n} homes on {street} came back over the limit; {n2} families have not been told.",
        "The whistleblower's sister, {person}, lives at {address} and asked us never to call her landline.",
        "{opponent}'s chief of staff, {person}, texted {staff} at {time} on {date} offering a trade.",
        "We pay {vendor} {amount} to transcribe {n} hours of tape by {weekday}.",
    ),
    "law": (
        "Our client, {person}, was served on {date} with a subpoena for {n} years of messages with {vendor}.",
        "{person}'s deposition is noticed for {date} at {time} at {address}; {staff} will defend.",
        "Opposing counsel, {person2} of {lawfirm}, floated {amount}; the client's floor is {amount2}.",
        "{month} billing: {n} hours for {client}, {amount} in fees, {amount2} in expert costs.",
        "The expert, {person}, bills {amount} an hour and needs the {county} County ballot logs by {date}.",
        "The motion to dismiss is due {date} and turns on the {n}-day notice period, which they likely missed.",
        "{person}, a poll worker in {county} County, swore on {date} that she saw {n} unsealed boxes.",
        "The client's home address, {address}, appears in the exhibits and must be sealed before {date}.",
        "Review found {n} emails between {person} and {vendor}, {n2} of them wrongly marked privileged.",
        "The retainer from {client}, {amount}, covers work through {month}; then we bill {amount2} a month.",
        "Judge {person} granted {n} of our {n2} discovery requests and set a status conference for {date}.",
        "Our investigator photographed the unit at {address} on {date}; the lock was changed after {month}.",
        "{person} will not testify without immunity; his lawyer, {person2}, takes calls at {phone} after {time}.",
        "The hold letter went to {n} custodians on {date}; {person} has not acknowledged it.",
        "Insurance covers {amount} in defense costs; the adjuster, {person}, wants a report by {date}.",
        "We interviewed {n} precinct captains; {n2} remember {event} differently from the complaint.",
        "Until the hearing on {date}, the client must not discuss {event} with {outlet}.",
        "Conflicts flagged {person}, whom we represented in {year} against {vendor} over {amount}.",
        "The {county} County clerk, {person}, will produce records only under an order, per her email of {date}.",
        "Witnesses for {date}: {person}, {person2}, and a {vendor} technician who serviced scanners on {date2}.",
        "{opponent} paid {vendor} {amount} for the audit; their engineer, {person}, has no election experience.",
        "The chain-of-custody log for ward {n} is missing pages {n2} through {n3}.",
        "{person} texted {staff} from {phone} on {date} asking whether the client would drop the case.",
        "We estimate exposure at {amount} if the fee motion succeeds, {amount2} if it is denied in part.",
        "The scanner at {venue} was serviced on {date} by {person}, who left no work order.",
    ),
    "advocacy": (
        "The {county} County map suit needs {amount} more by {date}; {donor} covers half if {staff} asks.",
        "{n} volunteers signed up to monitor polls in {county}, short of the {n2} we promised the coalition.",
        "The {city} ad buy ({amount}, {n} spots) goes up {date}; the script names {person} twice.",
        "Our expert, {person}, found {n} precincts in {county} with lines over {n2} minutes in {year}.",
        "{donor} gave {amount} on {date} on the condition that the gift stays anonymous.",
        "The training at {venue} on {date} is full at {n}; {person} will run a second one at {address}.",
        "{opponent}'s counsel, {person}, told {staff} on {date} that they would settle for {n} new sites.",
        "We lease the {city} office at {address} from {person} for {amount} a month through {month}.",
        "{vendor} texted {n} voters in {county} the wrong polling place on {date}; we owe a correction.",
        "Board member {person} wants {amount} moved from field to litigation before the {month} meeting.",
        "Our hotline ({phone}) took {n} calls on {date}, {n2} of them about {event}.",
        "{person}, a county elections worker, will brief us off the record at {address} on {weekday}.",
        "Payroll for {month} is {amount}; {person} and {person2} go part-time on {date}.",
        "The coalition wants {amount} from us for the rally on {date}; {staff} offered {amount2}.",
        "{person} of {outlet} wants our {county} numbers by {date} for a story on {event}.",
        "Legal fees to {lawfirm} reached {amount} in {month}, {amount2} over budget.",
        "We rent {n} vans from {vendor} for rides in {county} County, {amount} for the week.",
        "The grant from {donor} ({amount}) bars spending on any candidate; {staff} must sign the report.",
    ),
}

# News-style posts about the same people and events (negatives of kind same_topic).
NEWS = (
    "{principal} spent the day in {city} ahead of {event}, shaking hands at {venue}.",
    "Sources say {opponent} is preparing a response to {event} later this week.",
    "{staff_name}, {staff_title} at {org}, declined to comment when reached by phone on {weekday}.",
    "Filings show {org} reported {amount} raised in {month}, according to state records.",
    "A spokesperson for {org} said the organisation would have more to say after {event}.",
    "Reporters outside {venue} were told {principal} would not take questions today.",
    "{org} has hired {vendor} for work in {county} County, according to disclosures filed {date}.",
    "Crowd estimates for {event} ranged from {n} to {n2}, depending on who you ask.",
    "Local officials in {county} County say they expect a decision on {event} by {month}.",
    "{staff_name} of {org} appeared on {outlet} on {weekday} morning to defend the plan.",
    "The {city} council postponed its vote, citing questions raised at {event}.",
    "Analysts told {outlet} that {event} could shift the race in {county} County.",
    "{opponent} accused {org} of misleading voters in a statement released {date}.",
    "A new poll by {vendor} puts support at {pct} percent in {city}, within the margin of error.",
    "Residents near {venue} complained about parking and noise during {event}.",
    "{org} confirmed that {staff_name} will lead its work through {month}.",
    "{principal} did not mention {opponent} by name during remarks in {city}.",
    "Court records show a hearing tied to {event} is scheduled for {date}.",
    "Thread on what we know so far about {event} and {org}'s role in it.",
    "{outlet} reports that {org} spent {amount} on advertising in {county} County last quarter.",
)

# Office notices posted under the letterhead (negatives of kind shared_header).
NOTICES = (
    "The office will be closed on {date} for the holiday. Building access cards still work for the garage.",
    "IT reminder: passwords expire on {date}. Use the self-service page and do not email passwords.",
    "Please join us on {weekday} at {time} in {venue} to welcome our new colleagues.",
    "The kitchen fridge is cleaned out every {weekday} at {time}. Label anything you want to keep.",
    "Expense reports for {month} are due by {date}. Receipts over {amount} need a second signature.",
    "Parking on {street} is restricted this week while the city repaves the block.",
    "We are collecting coats for the {city} shelter through {date}. The bin is by reception.",
    "The printer on the second floor is out of service. Use the one by the mailroom until {weekday}.",
    "Benefits enrollment opens {date}. The HR team will hold office hours on {weekday} at {time}.",
    "Fire drill on {weekday} at {time}. Meet at the corner of {street} and wait for the all-clear.",
    "The all-staff retreat is set for {date} at {venue}. Tell {staff} about dietary needs.",
    "New visitor policy: every guest signs in at the front desk and wears a badge.",
    "Congratulations to {staff} on ten years with us. Cake in the main room on {weekday}.",
    "Reminder that the summer schedule starts {date}: the office closes at 3 p.m. on Fridays.",
)

# How posts quote public statements (negatives of kind public_quote).
PUBLIC_QUOTE = (
    'Heard it again today from {speaker}: "{statement}" Sure.',
    '"{statement}" That is what {speaker} keeps telling us. We will see.',
    'Quote of the day, courtesy of {speaker}: "{statement}"',
    'Remember when {speaker} said "{statement}"? Bookmarking this.',
    '{speaker}, this morning: "{statement}" Reporters were not allowed follow-ups.',
    'Yard sign on my street says "{statement}" and honestly it is catchy.',
    'Fact check on "{statement}" from {speaker}: mostly a slogan, hard to test.',
    'The ad ends with "{statement}" and the crowd at {venue} chanted it back.',
    '"{statement}" - {speaker}, in the press release out {weekday}.',
    'Every speech this month ends with "{statement}" I could recite it in my sleep.',
)

# Commentary around excerpts and screenshots, in the voice of people posting.
COMMENT_BEFORE = (
    "This is from the {org} files that got out last week:",
    "Leaked memo from {org}. Read this part:",
    "So this is what {org} was saying internally.",
    "From the documents everyone is passing around:",
    "Can't believe this is real. From an internal {org} memo:",
    "Posting the key passage since the link keeps getting taken down.",
    "If you haven't seen the {org} leak yet:",
    "Page two of the memo says it plainly:",
    "Somebody sent me this. Supposedly {org}:",
    "The part nobody is talking about:",
    "Here's the relevant bit, transcribed:",
    "Worth reading in full, but here's the key section:",
    "lol read this",
    "Journalists, please verify before amplifying. Circulating text:",
    "The {org} memo, quoted:",
)
COMMENT_AFTER = (
    "Make of it what you will.",
    "Thoughts?",
    "This should be a bigger story.",
    "Not sure this is authentic, but wow.",
    "Retweet before it gets deleted.",
    "And they wonder why nobody trusts them.",
    "Source in thread.",
    "Can anyone confirm?",
    "Wild.",
    "",
    "",
)
SHOT_COMMENTS = (
    "Screenshot from the {org} files. Look at the second paragraph.",
    "Can't paste the text, so here's a picture.",
    "This is real, I have the PDF.",
    "{org} memo, page 3.",
    "Read it yourself.",
    "The receipts.",
    "Found this in the dump.",
    "Posting as an image so it doesn't get auto-removed.",
    "Pay attention to the numbers here.",
    "From the {org} leak.",
    "Internal memo. Thoughts?",
    "Zoom in on this one.",
)
