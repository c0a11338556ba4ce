"""Synthetic corpus for the banks benchmark: dossier-like documents and posts, fixed seeds.

Documents look like leaked opposition-research files: an organisation's boilerplate header and
footer (shared by every file of that organisation), a title, and paragraphs mixing names, street
addresses, amounts, dates and topic words. Body text is drawn word by word from one Zipf-weighted
vocabulary (topic words plus faker's English word list), so any two texts share vocabulary and
short common phrases but, as in real prose, not long passages by chance.

Posts are labelled with the document they quote, or None:

* positives, 80-150 characters cut at arbitrary points of a document body, in five forms:
  ``verbatim`` (inside surrounding commentary), ``reformatted`` (line breaks, case, punctuation),
  ``noisy`` (2-5% OCR-like character noise), ``redacted`` (words blacked out with marks),
  ``partial`` (a bare fragment starting and ending mid-word);
* negatives: ``same_topic`` (new text from the same vocabulary, names and places included) and
  ``boilerplate`` (an organisation's header or footer around new same-topic text).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from faker import Faker
from faker.providers.lorem.en_US import Provider as Lorem

TOPIC = """campaign candidate dossier donor donors fund committee election board audit payroll
consultant consultants contract contracts property holding company account accounts transfer
transfers records memo memos staff aide aides office offices primary ballot voters polling
district county state senator governor mayor council vendor invoice invoices disclosure filing
filings report reports source sources meeting meetings calendar schedule phone email emails
address residence mortgage loan loans lobbyist lobbying pac super treasurer compliance opposition
research file files leak leaked document documents internal confidential strategy message
messaging ads advertising broadcast media press reporters interview debate rally volunteers
fundraiser fundraising pledge pledges payment payments cash wire bank shell delaware nevada
trust trustee spouse brother sister father mother son daughter neighbor landlord tenant
""".split()
FUNCTION = """the the the the of of of and and and to to to a a in in on for with by at from
that this was were is are has had have his her their its as not but or which who after before
during over under between about into""".split()
SOCIAL = """wow lol look read this thread unbelievable folks everyone share before they delete it
just saw apparently breaking huge if true can't believe so this is what they hid""".split()
HEADERS = [
    "CONFIDENTIAL - PREPARED BY {org} RESEARCH DIVISION - NOT FOR DISTRIBUTION OR ATTRIBUTION - "
    "PRIVILEGED AND INTERNAL WORK PRODUCT",
    "{org} | Internal Briefing Memorandum | Do not forward outside the senior staff list | "
    "Contains opposition research",
]
FOOTER = (
    "This document was compiled by {org} from public and non-public sources for internal "
    "strategy purposes only. Unauthorized disclosure is prohibited."
)
REDACTION_MARKS = ("█████", "■■■■", "[REDACTED]", "XXXX", "[redacted]")
POOL = 6_000
CONFUSIONS = {"m": "rn", "l": "1", "o": "0", "e": "c", "i": "l", "s": "5", "a": "o", "n": "h"}


@dataclass(frozen=True, slots=True)
class Post:
    """A post to scan, the document it quotes (None for negatives) and how it was made."""

    text: str
    source: int | None
    variant: str


class Generator:
    """Deterministic text factory; one per seed."""

    def __init__(self, seed: int, share: Generator | None = None) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        words = list(dict.fromkeys([*TOPIC, *Lorem.word_list]))
        # Zipf weights over a shuffled order: every word is used, a few very often.
        order = words[:]
        random.Random(1).shuffle(order)
        self.words = order
        weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(order))]
        self.cum_weights = list(itertools.accumulate(weights))
        if share is not None:  # same organisations, people and places as the bank: same topic
            self.orgs, self.pools = share.orgs, share.pools
            return
        self.orgs = [self.fake.company() for _ in range(40)]
        # Entity pools: faker is slow per call, and real corpora repeat names and places too.
        f = self.fake
        self.pools = (
            [f.name() for _ in range(POOL)],
            [f.street_address() for _ in range(POOL)],
            [f.city() for _ in range(POOL // 4)],
            [f.company() for _ in range(POOL // 4)],
            [f.last_name() for _ in range(POOL)],
        )

    def _words(self, n: int) -> list[str]:
        out: list[str] = []
        picks = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        for w in picks:
            if self.rng.random() < 0.35:
                out.append(self.rng.choice(FUNCTION))
            out.append(w)
        return out

    def sentence(self) -> str:
        """One sentence of topic prose with an entity or two."""
        parts = self._words(self.rng.randint(6, 14))
        rng = self.rng
        names, streets, cities, companies, last = self.pools
        kind = rng.randrange(6)
        if kind < 4:
            entity = rng.choice((names, streets, cities, companies)[kind])
        elif kind == 4:
            entity = f"${rng.randint(1, 999)},{rng.randint(100, 999)}"
        else:
            entity = f"{rng.randint(1970, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        parts.insert(rng.randint(0, len(parts)), entity)
        if rng.random() < 0.5:
            parts.insert(rng.randint(0, len(parts)), rng.choice(last))
        text = " ".join(parts)
        if self.rng.random() < 0.3:
            cut = self.rng.randint(1, len(parts) - 1)
            text = " ".join(parts[:cut]) + ", " + " ".join(parts[cut:])
        return text[0].upper() + text[1:] + "."

    def body(self, n_sentences: int) -> str:
        """Paragraphs of sentences."""
        sents = [self.sentence() for _ in range(n_sentences)]
        paras, i = [], 0
        while i < len(sents):
            step = self.rng.randint(2, 4)
            paras.append(" ".join(sents[i : i + step]))
            i += step
        return "\n\n".join(paras)

    def document(self) -> tuple[str, int, int]:
        """A dossier: (text, body start, body end); header and footer are boilerplate."""
        org = self.rng.choice(self.orgs)
        header = self.rng.choice(HEADERS).format(org=org.upper()) + "\n\n"
        title = f"Subject: {self.rng.choice(self.pools[0])} - {self.rng.choice(TOPIC)} review\n\n"
        body = self.body(self.rng.randint(8, 14))
        footer = "\n\n" + FOOTER.format(org=org)
        start = len(header) + len(title)
        return header + title + body + footer, start, start + len(body)

    # -- posts ---------------------------------------------------------------------------------

    def excerpt(self, doc: str, start: int, end: int) -> str:
        length = self.rng.randint(80, 150)
        a = self.rng.randint(start, max(start, end - length))
        return doc[a : a + length]

    def commentary(self) -> str:
        return " ".join(self.rng.choices(SOCIAL, k=self.rng.randint(3, 9)))

    def reformat(self, text: str) -> str:
        words = text.split()
        rng = self.rng
        out = []
        for w in words:
            if rng.random() < 0.15:
                w = w.strip(".,;:")
            if rng.random() < 0.05:
                w += ","
            out.append(w)
        width = rng.randint(4, 9)
        lines = [" ".join(out[i : i + width]) for i in range(0, len(out), width)]
        joined = "\n".join(lines)
        return rng.choice((str.upper, str.lower, str.title, lambda s: s))(joined)

    def noise(self, text: str, rate: float) -> str:
        out = []
        for ch in text:
            if ch.isalnum() and self.rng.random() < rate:
                roll = self.rng.random()
                if roll < 0.5:
                    out.append(
                        CONFUSIONS.get(ch.lower(), self.rng.choice("abcdefghijklmnopqrstuvwxyz"))
                    )
                elif roll < 0.75:
                    continue
                else:
                    out.append(ch + self.rng.choice("abcdefghijklmnopqrstuvwxyz"))
            else:
                out.append(ch)
        return "".join(out)

    def redact(self, text: str) -> str:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w) >= 4]
        for i in self.rng.sample(candidates, min(len(candidates), self.rng.randint(1, 3))):
            words[i] = self.rng.choice(REDACTION_MARKS)
        return " ".join(words)

    def positive(self, doc: str, start: int, end: int, source: int, variant: str) -> Post:
        ex = self.excerpt(doc, start, end)
        if variant == "verbatim":
            text = f'{self.commentary()}: "{ex}" {self.commentary()}'
        elif variant == "reformatted":
            text = self.reformat(ex)
        elif variant == "noisy":
            text = self.noise(ex, self.rng.uniform(0.02, 0.05))
        elif variant == "redacted":
            text = self.commentary() + "\n" + self.redact(ex)
        else:
            text = ex
        return Post(text, source, variant)

    def negative(self, variant: str) -> Post:
        body = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
        if variant == "boilerplate":
            org = self.rng.choice(self.orgs)
            header = self.rng.choice(HEADERS).format(org=org.upper())
            footer = FOOTER.format(org=org)
            body = f"{header}\n\n{body}" if self.rng.random() < 0.5 else f"{body}\n\n{footer}"
        return Post(body, None, variant)


POSITIVE_VARIANTS = ("verbatim", "reformatted", "noisy", "redacted", "partial")
NEGATIVE_VARIANTS = ("same_topic", "boilerplate")


def corpus(n_docs: int, n_posts: int, seed: int, post_seed: int) -> tuple[list[str], list[Post]]:
    """``n_docs`` bank documents and ``n_posts`` posts, half positive, half negative."""
    gen = Generator(seed)
    docs = [gen.document() for _ in range(n_docs)]
    pgen = Generator(post_seed, share=gen)
    posts: list[Post] = []
    for i in range(n_posts // 2):
        source = pgen.rng.randrange(n_docs)
        doc, start, end = docs[source]
        posts.append(pgen.positive(doc, start, end, source, POSITIVE_VARIANTS[i % 5]))
        posts.append(pgen.negative(NEGATIVE_VARIANTS[i % 2]))
    return [d for d, _, _ in docs], posts
