"""The reference case of DESIGN.md as data: a fictional leaked dossier and the posts around it.

Everything here is invented: the candidate, the address, the digits, the sites (``.example``
domains, reserved for documentation). The dossier holds the private data the reference case is
about (a home address and part of a Social Security number), so a journalist who quotes it gets
the privacy rules as well as ``hacked.material``; a newsroom that reports on the leak without
publishing it gets nothing. The ordinary posts are drawn from a fixed seed, so two loads write
the same content ids and the second one adds nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

BANK = "carver-dossier"
DESIGNATIONS = ("hacked_material", "foreign_state_operation")
BANK_SOURCE = "leak site attributed to a state-backed operation (fictional demo)"
DOSSIER_NAME = "dossier"
DOSSIER_URL = "https://leaks.example/carver-dossier"

JOURNALIST = "journalist-rk"
NEWSROOM = "newsroom-daily"
CAMPAIGN = "Carver for Senate campaign"

DOSSIER = """\
CONFIDENTIAL - OPPOSITION RESEARCH FILE - CANDIDATE JOHN CARVER
Prepared for internal strategy review. Not for distribution outside the finance committee.

Section 1. Residence and family
The candidate has lived at 42 Maple Avenue, Springfield, IL 62704 since the spring of 2011,
with his wife and two daughters. Property tax records list the parcel under a family trust,
and the committee has confirmed that the house is his primary residence for voter registration.

Section 2. Identity checks for the vetting firm
Documents supplied to the vetting contractor show the last four digits of his Social Security
number, SSN ending 6789, together with a passport renewal filed in 2019 and a state driving
licence renewed at the Springfield office. The contractor flagged no discrepancy between them.

Section 3. Finances
The finance committee's review of donations from the third quarter lists several bundlers whose
contributions exceed the guidance agreed in March. The treasurer recommends refunding two of
them before the filing deadline and moving the remaining events to the downtown venue, where
attendance can be recorded at the door by volunteers from the county office.

Section 4. Schedule and travel
The candidate keeps Tuesday mornings free for constituent meetings at the district office and
travels to the capital on Wednesday evenings. Security arrangements for the final month of the
campaign were discussed with the venue managers but have not been signed off by the director.
"""

# A journalist shares the dossier: its link, a long quote with the private data, and a second
# quote. Under the strict profile these are removed, struck and (the foreign-state designation
# being critical) sent to a person.
JOURNALIST_POSTS = (
    (
        "demo-journalist-1",
        "EXCLUSIVE: the Carver campaign's own opposition file, leaked overnight. Read it before "
        f"it disappears: {DOSSIER_URL}",
        (DOSSIER_URL,),
    ),
    (
        "demo-journalist-2",
        'From the leaked file, word for word: "The candidate has lived at 42 Maple Avenue, '
        "Springfield, IL 62704 since the spring of 2011, with his wife and two daughters. "
        "Documents supplied to the vetting contractor show the last four digits of his Social "
        'Security number, SSN ending 6789, together with a passport renewal filed in 2019."',
        (),
    ),
    (
        "demo-journalist-3",
        "More from the Carver file: \"The finance committee's review of donations from the third "
        "quarter lists several bundlers whose contributions exceed the guidance agreed in March. "
        'The treasurer recommends refunding two of them before the filing deadline."',
        (),
    ),
)

NEWSROOM_POST = (
    "demo-newsroom-1",
    "Editor's note: our newsroom, like several others, received files said to come from the "
    "Carver campaign. We have chosen not to publish them: they hold private information about "
    "the candidate's family, and their origin points to a foreign influence operation.",
)

TAKEDOWN_ASK = (
    "Remove every post linking to or quoting the leaked opposition file, and suspend the account "
    "that first published it."
)

_TOPICS = (
    "the farmers market",
    "the school board meeting",
    "tonight's game",
    "the new bike lanes",
    "the library's reading hour",
    "the bake sale",
    "the early voting hours",
    "the community garden",
    "the city council budget",
    "the bus schedule",
)
_OPENERS = (
    "Loved",
    "Anyone else going to",
    "Quick reminder about",
    "Great turnout at",
    "Photos from",
    "Thoughts on",
    "Can't stop thinking about",
    "Volunteering at",
)
_CLOSERS = (
    "See you there!",
    "Bring a friend.",
    "Thanks to everyone who helped.",
    "What a day.",
    "More soon.",
    "Doors open at 9.",
    "",
)


@dataclass(frozen=True, slots=True)
class DemoPost:
    """One post of the demo."""

    id: str
    author_id: str
    text: str
    urls: tuple[str, ...] = ()


def ordinary_posts(count: int, seed: int = 16) -> list[DemoPost]:
    """``count`` everyday posts by a few dozen authors, the same for the same seed."""
    rng = random.Random(seed)
    posts = []
    for n in range(count):
        text = f"{rng.choice(_OPENERS)} {rng.choice(_TOPICS)}. {rng.choice(_CLOSERS)}".strip()
        posts.append(DemoPost(f"demo-post-{n:04d}", f"user-{rng.randrange(60):02d}", text))
    return posts


def reference_posts() -> list[DemoPost]:
    """The journalist's posts and the newsroom's note, in the order they were posted."""
    posts = [DemoPost(i, JOURNALIST, text, urls) for i, text, urls in JOURNALIST_POSTS]
    posts.append(DemoPost(NEWSROOM_POST[0], NEWSROOM, NEWSROOM_POST[1]))
    return posts
