"""Blind corpus for hacked-material matching: bank memos, excerpt posts, same-house negatives.

Written without reading the matcher. Organisations with a house style (houses.py) write bank
memos; positives quote a memo's specific content in seven ways (verbatim, reflowed, OCR noise,
redacted, long redacted, screenshot, scanned PDF page); negatives are new memos of the same houses
(same templates, different slot values), notices under the same letterhead, posts quoting the same
public statements, news-style posts on the same people and events, and same-house memos rendered
as images. Every negative is checked against the bank: one that shares 80 or more consecutive
characters with any bank memo (after lower-casing and collapsing whitespace, or after also
turning punctuation into spaces) is dropped and counted.

`python bench/banks/blind/generate.py OUT` writes OUT/bank/*.txt, OUT/posts.jsonl (all posts,
shuffled), OUT/positives.jsonl, OUT/negatives.jsonl, OUT/labels.jsonl and OUT/manifest.json.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import re
import statistics
import string
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from bench.banks.blind import houses as H
from bench.banks.blind.render import scanned_pdf, screenshot

SEED = 20_261_111
MEMOS_PER_HOUSE = 6
FLOOR = 80  # shared characters that make a negative invalid

POSITIVE_COUNTS = {
    "verbatim": 110,
    "reflowed": 110,
    "ocr_noise": 110,
    "redacted": 110,
    "long_redacted": 90,
    "screenshot": 70,
    "scanned_pdf": 20,
}
NEGATIVE_COUNTS = {
    "same_house": 260,
    "shared_header": 110,
    "public_quote": 110,
    "same_topic": 110,
    "screenshot_same_house": 45,
}
IMAGE_KINDS = {"screenshot", "scanned_pdf", "screenshot_same_house"}


# --------------------------------------------------------------------------- slot values


class Slots(dict[str, str]):
    """Slot values made on first use, so a slot repeated in one sentence keeps its value."""

    def __init__(self, filler: Filler) -> None:
        super().__init__()
        self.filler = filler

    def __missing__(self, key: str) -> str:
        value = self.filler.value(key.rstrip(string.digits), self)
        self[key] = value
        return value


@dataclass
class Filler:
    """Invented but plausible values for every slot a template may use."""

    house: H.House
    rng: random.Random

    def fill(self, template: str) -> str:
        text = template.format_map(Slots(self))
        text = re.sub(r"\.\.(?=\s|$)", ".", text)  # "9 a.m." at the end of a sentence
        return text[:1].upper() + text[1:]

    def person(self) -> str:
        return f"{self.rng.choice(H.FIRST_NAMES)} {self.rng.choice(H.LAST_NAMES)}"

    def amount(self) -> str:
        r = self.rng.random()
        if r < 0.15:
            return f"${self.rng.uniform(1.1, 9.8):.1f} million"
        if r < 0.55:
            return f"${self.rng.randrange(1_000, 60_000, 50):,}"
        return f"${self.rng.randrange(60_000, 900_000, 500):,}"

    def date(self) -> str:
        month = self.rng.randrange(12)
        day = self.rng.randint(1, 28)
        r = self.rng.random()
        if r < 0.55:
            return f"{H.MONTHS[month]} {day}"
        if r < 0.8:
            return f"{H.MONTHS[month][:3]}. {day}"
        return f"{month + 1}/{day}"

    def time(self) -> str:
        hour = self.rng.randint(7, 20)
        minute = self.rng.choice(["", ":15", ":30", ":45", ":00", ":10", ":40"])
        suffix = "a.m." if hour < 12 else "p.m."
        return f"{(hour - 1) % 12 + 1}{minute} {suffix}"

    def address(self) -> str:
        number = self.rng.randint(12, 9890)
        street = f"{self.rng.choice(H.STREETS)} {self.rng.choice(H.STREET_SUFFIXES)}"
        if self.rng.random() < 0.4:
            return f"{number} {street}, {self.rng.choice(self.house.cities)}"
        return f"{number} {street}"

    def phone(self) -> str:
        area = self.rng.choice([614, 740, 512, 956, 937, 513, 601, 315, 608, 919, 704])
        return f"({area}) 555-01{self.rng.randint(0, 99):02d}"

    def value(self, base: str, slots: Slots) -> str:
        h, rng = self.house, self.rng
        if base == "person":
            return self.person()
        if base == "staff":
            return rng.choice(h.staff)[0]
        if base == "staff_name":
            name, title = rng.choice(h.staff)
            slots["staff_title"] = title
            return name
        if base == "staff_title":
            slots["staff_name"]  # choosing the name sets its title
            return slots["staff_title"]
        if base == "amount":
            return self.amount()
        if base == "date":
            return self.date()
        if base == "time":
            return self.time()
        if base == "address":
            return self.address()
        if base == "phone":
            return self.phone()
        if base == "street":
            return f"{rng.choice(H.STREETS)} {rng.choice(H.STREET_SUFFIXES)}"
        if base == "n":
            return str(
                int(rng.choice([rng.randint(3, 40), rng.randint(12, 300), rng.randint(40, 950)]))
            )
        if base == "pct":
            return str(rng.randint(18, 71))
        if base == "year":
            return str(rng.randint(2006, 2022))
        if base == "month":
            return rng.choice(H.MONTHS)
        if base == "weekday":
            return rng.choice(H.WEEKDAYS)
        simple = {
            "county": h.counties,
            "city": h.cities,
            "venue": h.venues,
            "event": h.events,
            "vendor": H.VENDORS,
            "donor": H.DONORS,
            "outlet": H.OUTLETS,
            "church": H.CHURCHES,
            "lawfirm": H.LAW_FIRMS,
            "title": H.SOURCE_TITLES,
            "task": H.TASKS,
            "client": h.clients or (h.principal,),
            "speaker": (h.principal, h.name, *(s[0] for s in h.staff[:2])),
        }
        if base in simple:
            return rng.choice(simple[base])
        if base == "principal":
            return h.principal
        if base == "opponent":
            return h.opponent
        if base == "org":
            return h.name
        raise KeyError(f"no filler for slot {base!r}")


# --------------------------------------------------------------------------- memos


@dataclass
class Memo:
    """A memo's text, where its body is, and which characters belong to memo-specific sentences."""

    id: str
    house: H.House
    text: str
    body: tuple[int, int]
    specific: list[tuple[int, int]] = field(default_factory=list)

    def specific_share(self, start: int, end: int) -> float:
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in self.specific)
        return covered / max(1, end - start)


class MemoWriter:
    """Writes memos in a house's style: letterhead, routing lines, sections, sign-off, footer."""

    def __init__(self, house: H.House, rng: random.Random) -> None:
        self.house = house
        self.rng = rng
        self.filler = Filler(house, rng)
        self.deck: list[str] = []

    def specific_sentence(self) -> str:
        """Memo-specific templates are dealt without repeats until the deck runs out."""
        if not self.deck:
            self.deck = list(H.SPECIFIC[self.house.kind])
            self.rng.shuffle(self.deck)
        return self.filler.fill(self.deck.pop())

    def header(self, subject: str | None = None, to: str | None = None) -> str:
        h, rng = self.house, self.rng
        sender = rng.choice(h.staff)[0]
        lines = [
            rng.choice(h.letterhead),
            f"Ref. {h.prefix}-{rng.randint(1000, 9999)}",
            f"TO: {to or rng.choice(h.recipients)}",
            f"FROM: {sender}",
            f"RE: {subject or self.filler.fill(rng.choice(h.subjects))}",
            f"DATE: {self.filler.date()}, {rng.randint(2024, 2026)}",
        ]
        return "\n".join(lines) + "\n\n"

    def signoff(self) -> str:
        h, rng = self.house, self.rng
        name, title = rng.choice(h.staff)
        parts = []
        if rng.random() < 0.35:
            parts.append(self.filler.fill(rng.choice(h.closers)) + "\n\n")
        parts.append(f"{rng.choice(h.closings)}\n{name}\n{title}\n")
        if rng.random() < 0.35:
            parts.append(f"cc: {self.filler.person()}, {rng.choice(h.recipients)}\n")
        parts.append(f"\n{h.prefix}-{rng.randint(1000, 9999)} | page 1 of {rng.randint(1, 4)}\n")
        parts.append(rng.choice(h.footer) + "\n")
        return "".join(parts)

    def heading(self, index: int, title: str) -> str:
        if self.house.kind == "law":
            return f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][index]}. {title}"
        return title

    def sentence(self, after_stock: bool = False) -> tuple[str, bool]:
        """One body sentence; stock material never follows stock material directly."""
        h, rng = self.house, self.rng
        r = 1.0 if after_stock else rng.random()
        if r < 0.22:
            return self.filler.fill(rng.choice(h.stock)), False
        if r < 0.29:
            frame = rng.choice(h.quote_frames)
            return frame.format(statement=rng.choice(h.statements)), False
        text = self.specific_sentence()
        if rng.random() < 0.12:
            phrase = rng.choice(h.phrases)
            first, _, rest = text.partition(" ")
            if first in {"The", "We", "Our", "A", "If", "Do", "Call"} and phrase.endswith(","):
                first = first.lower()
            text = f"{phrase} {first} {rest}"
        return text, True

    def write(self, memo_id: str, target: int) -> Memo:
        """A memo of about `target` characters; its body always ends on a specific sentence."""
        h, rng = self.house, self.rng
        self.deck = []
        out = [self.header()]
        specific: list[tuple[int, int]] = []
        pos = len(out[0])
        body_start = pos
        tail = self.signoff()
        budget = max(target - len(tail), pos + 80)

        def emit(text: str, is_specific: bool) -> None:
            nonlocal pos
            if is_specific:
                specific.append((pos, pos + len(text)))
            out.append(text)
            pos += len(text)

        if rng.random() < 0.7 and target > 900:
            emit(self.filler.fill(rng.choice(h.openers)) + "\n\n", False)
        headings = rng.sample(h.headings, len(h.headings))
        section = 0
        use_headings = target > 700
        while pos < budget:
            if use_headings:
                emit(self.heading(section % 8, headings[section % len(headings)]) + "\n", False)
            section += 1
            n_sentences = rng.randint(2, 5)
            is_specific = True
            for i in range(n_sentences):
                text, is_specific = self.sentence(after_stock=not is_specific)
                last = i == n_sentences - 1 or pos + len(text) >= budget
                if last and not is_specific:
                    text, is_specific = self.specific_sentence(), True
                emit(text, is_specific)
                if last:
                    break
                emit(" ", False)
            emit("\n\n", False)
        body_end = pos - 2
        out.append(tail)
        return Memo(memo_id, h, "".join(out), (body_start, body_end), specific)


# --------------------------------------------------------------------------- overlap checks


def norm_ws(text: str) -> str:
    """Lower case, whitespace collapsed: the text a reader sees."""
    return " ".join(text.lower().split())


def norm_alnum(text: str) -> str:
    """Lower case, every run of non-letters-or-digits one space: what survives re-punctuation."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


class SuffixAutomaton:
    """Longest substring a query shares with any of the bank's texts, in time linear in both."""

    def __init__(self, texts: Iterable[str]) -> None:
        nxt: list[dict[str, int]] = [{}]
        link = [-1]
        length = [0]
        for text in texts:
            last = 0
            for ch in text:
                cur = len(nxt)
                nxt.append({})
                length.append(length[last] + 1)
                link.append(0)
                p = last
                while p != -1 and ch not in nxt[p]:
                    nxt[p][ch] = cur
                    p = link[p]
                if p != -1:
                    q = nxt[p][ch]
                    if length[p] + 1 == length[q]:
                        link[cur] = q
                    else:
                        clone = len(nxt)
                        nxt.append(dict(nxt[q]))
                        length.append(length[p] + 1)
                        link.append(link[q])
                        while p != -1 and nxt[p].get(ch) == q:
                            nxt[p][ch] = clone
                            p = link[p]
                        link[q] = clone
                        link[cur] = clone
                last = cur
        self.nxt, self.link, self.length = nxt, link, length

    def longest_shared(self, query: str) -> int:
        nxt, link, length = self.nxt, self.link, self.length
        v = best = run = 0
        for ch in query:
            while v and ch not in nxt[v]:
                v = link[v]
                run = length[v]
            if ch in nxt[v]:
                v = nxt[v][ch]
                run += 1
            else:
                v = run = 0
            best = max(best, run)
        return best


class BankOverlap:
    """Measures what a post shares with the bank, under both normalisations."""

    def __init__(self, memos: list[Memo]) -> None:
        # Each memo is fed as its own string (a generalised automaton), so no match spans two.
        self.ws = SuffixAutomaton(norm_ws(m.text) for m in memos)
        self.alnum = SuffixAutomaton(norm_alnum(m.text) for m in memos)
        self.windows: dict[str, set[str]] = {}
        for m in memos:
            flat = norm_alnum(m.text)
            for i in range(len(flat) - FLOOR + 1):
                self.windows.setdefault(flat[i : i + FLOOR], set()).add(m.id)

    def longest(self, text: str) -> int:
        return max(
            self.ws.longest_shared(norm_ws(text)), self.alnum.longest_shared(norm_alnum(text))
        )

    def other_memos(self, text: str, memo_id: str) -> set[str]:
        """Memos other than memo_id that share 80 characters with text."""
        flat = norm_alnum(text)
        found: set[str] = set()
        for i in range(len(flat) - FLOOR + 1):
            found |= self.windows.get(flat[i : i + FLOOR], set())
        found.discard(memo_id)
        return found


# --------------------------------------------------------------------------- transformations

OCR_CONFUSIONS = (
    ("rn", "m"),
    ("m", "rn"),
    ("l", "1"),
    ("1", "l"),
    ("I", "l"),
    ("l", "I"),
    ("O", "0"),
    ("0", "O"),
    ("e", "c"),
    ("c", "e"),
    ("S", "5"),
    ("5", "S"),
    ("B", "8"),
    ("h", "b"),
    ("u", "v"),
    ("a", "o"),
    ("i", "l"),
    ("t", "f"),
    (".", ","),
    (",", "."),
    ("cl", "d"),
    ("d", "cl"),
    ("w", "vv"),
    ("g", "q"),
    ("n", "h"),
    ("f", "t"),
    ("o", "a"),
    ("8", "B"),
)


def ocr_noise(text: str, rng: random.Random, rate: float) -> str:
    """Character-level OCR confusions until about `rate` of the characters are touched."""
    chars = text
    budget = max(1, round(rate * len(text)))
    touched = 0
    attempts = 0
    while touched < budget and attempts < budget * 50:
        attempts += 1
        i = rng.randrange(len(chars))
        r = rng.random()
        if r < 0.08 and chars[i] == " ":
            chars = chars[:i] + chars[i + 1 :]  # two words run together
            touched += 1
            continue
        if r < 0.14 and chars[i].isalpha():
            chars = chars[:i] + chars[i] + " " + chars[i + 1 :]  # a stray space
            touched += 1
            continue
        if r < 0.18 and chars[i].isalnum():
            chars = chars[:i] + chars[i + 1 :]  # a lost character
            touched += 1
            continue
        options = [(a, b) for a, b in OCR_CONFUSIONS if chars.startswith(a, i)]
        if options:
            a, b = rng.choice(options)
            chars = chars[:i] + b + chars[i + len(a) :]
            touched += max(len(a), len(b))
    return chars


MARKS = ("█████", "[REDACTED]", "XXXX")


def redact(text: str, rng: random.Random, rate: float) -> tuple[str, float]:
    """Replace about `rate` of the words by redaction marks, names and numbers first."""
    tokens = list(re.finditer(r"\S+", text))
    k = max(1, round(rate * len(tokens)))
    weights = [
        3.0 if re.search(r"[0-9$]", t.group()) or t.group()[:1].isupper() else 1.0 for t in tokens
    ]
    chosen: set[int] = set()
    while len(chosen) < k:
        chosen.add(rng.choices(range(len(tokens)), weights)[0])
    style = rng.choice(MARKS)
    mixed = rng.random() < 0.2
    merge = rng.random() < 0.5
    pieces: list[str] = []
    last = 0
    previous_redacted = False
    for i, token in enumerate(tokens):
        pieces.append(text[last : token.start()])
        word = token.group()
        if i in chosen:
            core = word.rstrip(".,;:!?)\"'")
            trail = word[len(core) :]
            mark_style = rng.choice(MARKS) if mixed else style
            if mark_style == "█████":
                mark = "█" * max(3, min(12, len(core) + rng.randint(-2, 2)))
            elif mark_style == "XXXX":
                mark = "X" * max(3, min(10, len(core)))
            else:
                mark = mark_style
            if merge and previous_redacted and mark_style == "[REDACTED]" and pieces[-1] == " ":
                pieces.pop()
                pieces.append(trail)
            else:
                pieces.append(mark + trail)
            previous_redacted = True
        else:
            pieces.append(word)
            previous_redacted = False
        last = token.end()
    pieces.append(text[last:])
    return "".join(pieces), len(chosen) / len(tokens)


def reflow(text: str, rng: random.Random) -> str:
    """Re-wrap lines, change case and punctuation: what copy-paste between apps does."""
    changes = rng.sample(["wrap", "case", "punct"], rng.randint(2, 3))
    out = text
    if "punct" in changes:
        out = re.sub(r",(?= )", lambda m: "" if rng.random() < 0.6 else ",", out)
        out = out.replace("; ", ". " if rng.random() < 0.5 else ", ")
        out = out.replace(": ", " - " if rng.random() < 0.5 else ", ")
        out = re.sub(r"\"([^\"]*)\"", lambda m: f"\u201c{m.group(1)}\u201d", out)
        out = out.replace("'", "\u2019") if rng.random() < 0.5 else out
        out = re.sub(r"\.(?= |$)", lambda m: "" if rng.random() < 0.3 else ".", out)
        out = out.replace(" ", "  ") if rng.random() < 0.15 else out
    if "case" in changes:
        r = rng.random()
        if r < 0.4:
            out = out.upper()
        elif r < 0.8:
            out = out.lower()
        else:
            out = ". ".join(s[:1].upper() + s[1:].lower() for s in out.split(". "))
    if "wrap" in changes:
        flat = " ".join(out.split())
        if rng.random() < 0.25:
            out = flat
        else:
            out = "\n".join(textwrap.wrap(flat, rng.randint(28, 76)))
            if rng.random() < 0.25:
                out = "\n".join("> " + line for line in out.splitlines())
    return out


# --------------------------------------------------------------------------- posts


@dataclass
class Post:
    id: str
    kind: str
    label: str | None
    text: str
    attachment: tuple[str, str, bytes] | None = None  # filename, media type, bytes
    meta: dict[str, object] = field(default_factory=dict)

    def record(self) -> dict[str, object]:
        rec: dict[str, object] = {"id": self.id, "author_id": "u-" + self.id, "text": self.text}
        if self.attachment:
            name, media, data = self.attachment
            rec["attachments"] = [
                {"filename": name, "media_type": media, "data": base64.b64encode(data).decode()}
            ]
        return rec


def comment(house: H.House, rng: random.Random, pool: tuple[str, ...]) -> str:
    return rng.choice(pool).format(org=house.name)


def around(house: H.House, rng: random.Random, body: str) -> str:
    """Commentary before and maybe after the quoted passage."""
    before = comment(house, rng, H.COMMENT_BEFORE)
    after = comment(house, rng, H.COMMENT_AFTER)
    if rng.random() < 0.35:
        body = f'"{body}"'
    sep = "\n\n" if rng.random() < 0.6 else " "
    return f"{before}{sep}{body}" + (f"{sep}{after}" if after else "")


def excerpt(memo: Memo, rng: random.Random, lo: int, hi: int, overlap: BankOverlap) -> str:
    """A window of the memo's body, mostly memo-specific and shared with no other memo."""
    starts = [a for a, _ in memo.specific]
    body_end = memo.body[1]
    for _ in range(400):
        length = rng.randint(lo, hi)
        start = rng.choice(starts)
        if rng.random() < 0.25:  # sometimes mid-sentence
            nudge = memo.text.find(" ", start + rng.randint(5, 40))
            start = nudge + 1 if 0 < nudge < body_end - lo else start
        end = start + length
        if end > body_end:
            continue
        while end < body_end and not memo.text[end].isspace():
            end += 1
        text = memo.text[start:end].strip()
        if len(text) < lo or memo.specific_share(start, end) < 0.6:
            continue
        if overlap.other_memos(text, memo.id):
            continue
        return text
    raise RuntimeError(f"no excerpt of {lo}-{hi} characters in {memo.id}")


def positive(kind: str, memo: Memo, rng: random.Random, overlap: BankOverlap, pid: str) -> Post:
    h = memo.house
    meta: dict[str, object] = {}
    if kind == "verbatim":
        return Post(pid, kind, memo.id, around(h, rng, excerpt(memo, rng, 100, 600, overlap)))
    if kind == "reflowed":
        return Post(
            pid, kind, memo.id, around(h, rng, reflow(excerpt(memo, rng, 100, 600, overlap), rng))
        )
    if kind == "ocr_noise":
        rate = rng.uniform(0.02, 0.05)
        body = ocr_noise(excerpt(memo, rng, 100, 600, overlap), rng, rate)
        return Post(pid, kind, memo.id, around(h, rng, body), meta={"rate": round(rate, 3)})
    if kind in ("redacted", "long_redacted"):
        lo, hi, r_lo, r_hi = (
            (100, 600, 0.10, 0.25) if kind == "redacted" else (400, 900, 0.10, 0.25)
        )
        body, share = redact(excerpt(memo, rng, lo, hi, overlap), rng, rng.uniform(r_lo, r_hi))
        text = around(h, rng, body) if rng.random() < 0.7 else body
        return Post(pid, kind, memo.id, text, meta={"redacted_share": round(share, 3)})
    if kind == "screenshot":
        passage = excerpt(memo, rng, 300, 900, overlap)
        name, media, data, meta = screenshot(passage, rng)
        return Post(pid, kind, memo.id, comment(h, rng, H.SHOT_COMMENTS), (name, media, data), meta)
    if kind == "scanned_pdf":
        passage = excerpt(memo, rng, 500, 1400, overlap)
        data, meta = scanned_pdf(passage, rng)
        text = comment(h, rng, H.SHOT_COMMENTS)
        return Post(pid, kind, memo.id, text, (f"scan_{pid}.pdf", "application/pdf", data), meta)
    raise ValueError(kind)


def negative(kind: str, house: H.House, rng: random.Random, pid: str) -> Post:
    writer = MemoWriter(house, rng)
    fill = writer.filler.fill
    if kind == "same_house":
        memo = writer.write(pid, rng.randint(300, 2000))
        text = memo.text[: rng.randint(300, 2000)] if len(memo.text) > 2000 else memo.text
        if rng.random() < 0.3:
            text = comment(house, rng, H.COMMENT_BEFORE) + "\n\n" + text
        return Post(pid, kind, None, text)
    if kind == "shared_header":
        subject = rng.choice(["Office notice", "Reminder", "Housekeeping", "Staff announcement"])
        notices = " ".join(fill(n) for n in rng.sample(H.NOTICES, rng.randint(1, 3)))
        text = writer.header(subject=subject, to="All staff") + notices + "\n\n" + writer.signoff()
        return Post(pid, kind, None, text)
    if kind == "public_quote":
        templates = rng.sample(H.PUBLIC_QUOTE, rng.randint(1, 2))
        quotes = [q.format_map(_with_statement(writer, house)) for q in templates]
        if rng.random() < 0.4:
            quotes.append(fill(rng.choice(H.NEWS)))
        return Post(pid, kind, None, " ".join(quotes))
    if kind == "same_topic":
        lines = [fill(n) for n in rng.sample(H.NEWS, rng.randint(2, 4))]
        lead = rng.choice(["", "", "BREAKING: ", "Update: ", "Reporting from the scene. "])
        tags = rng.choice(["", "", f" #{house.cities[0].replace(' ', '')}", " #politics"])
        return Post(pid, kind, None, lead + " ".join(lines) + tags)
    if kind == "screenshot_same_house":
        memo = writer.write(pid, rng.randint(1200, 2600))
        start = rng.choice([a for a, _ in memo.specific[:3]] or [memo.body[0]])
        end = start + rng.randint(300, 900)
        while end < len(memo.text) and not memo.text[end].isspace():
            end += 1
        passage = memo.text[start:end].strip()
        name, media, data, meta = screenshot(passage, rng)
        meta["rendered_text"] = passage
        return Post(
            pid, kind, None, comment(house, rng, H.SHOT_COMMENTS), (name, media, data), meta
        )
    raise ValueError(kind)


def _with_statement(writer: MemoWriter, house: H.House) -> Slots:
    slots = Slots(writer.filler)
    slots["statement"] = writer.rng.choice(house.statements)
    return slots


def checked_text(post: Post) -> str:
    """The text a negative shows a reader: the post, plus what its picture shows."""
    rendered = post.meta.get("rendered_text")
    return post.text + ("\n" + str(rendered) if rendered else "")


# --------------------------------------------------------------------------- corpus


def check_templates() -> None:
    """The house material itself must not carry 80 fixed characters."""
    for h in H.HOUSES:
        for frame in h.quote_frames:
            for st in h.statements:
                assert len(norm_alnum(frame.format(statement=st))) < 72, (h.key, frame, st)
        for closer in h.closers:
            assert len(closer) <= 44, closer
        assert all(len(f) < 72 for f in h.footer), h.key


def build(out: Path, seed: int = SEED) -> dict[str, Any]:
    check_templates()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    bank_dir = out / "bank"
    bank_dir.mkdir(exist_ok=True)
    for stale in bank_dir.glob("*.txt"):
        stale.unlink()

    memos: list[Memo] = []
    for house in H.HOUSES:
        writer = MemoWriter(house, random.Random(rng.random()))
        for i in range(MEMOS_PER_HOUSE):
            memo = writer.write(f"{house.key}-{i + 1:02d}", rng.randint(1600, 4800))
            memos.append(memo)
            (bank_dir / f"{memo.id}.txt").write_text(memo.text, encoding="utf-8")
    overlap = BankOverlap(memos)

    posts: list[Post] = []
    serial = 0
    for kind, count in POSITIVE_COUNTS.items():
        krng = random.Random(f"{seed}-{kind}")
        for _ in range(count):
            serial += 1
            memo = krng.choice(memos)
            posts.append(positive(kind, memo, krng, overlap, f"p{serial:04d}"))

    dropped: dict[str, int] = {}
    shared_runs: dict[str, list[int]] = {}
    generated: dict[str, int] = {}
    for kind, count in NEGATIVE_COUNTS.items():
        krng = random.Random(f"{seed}-{kind}")
        kept = 0
        while kept < count:
            serial += 1
            generated[kind] = generated.get(kind, 0) + 1
            if generated[kind] > 3 * count:
                raise RuntimeError(f"{kind}: too many negatives overlap the bank")
            post = negative(kind, krng.choice(H.HOUSES), krng, f"n{serial:04d}")
            run = overlap.longest(checked_text(post))
            if run >= FLOOR:
                dropped[kind] = dropped.get(kind, 0) + 1
                continue
            shared_runs.setdefault(kind, []).append(run)
            posts.append(post)
            kept += 1

    random.Random(f"{seed}-order").shuffle(posts)
    labels = []
    with (
        (out / "posts.jsonl").open("w") as every,
        (out / "positives.jsonl").open("w") as pos,
        (out / "negatives.jsonl").open("w") as neg,
    ):
        for post in posts:
            line = json.dumps(post.record()) + "\n"
            every.write(line)
            (pos if post.label else neg).write(line)
            labels.append(
                {
                    "id": post.id,
                    "kind": post.kind,
                    "label": post.label,
                    **{k: v for k, v in post.meta.items() if k != "rendered_text"},
                }
            )
    with (out / "labels.jsonl").open("w") as f:
        for row in labels:
            f.write(json.dumps(row) + "\n")

    kinds: dict[str, int] = {}
    for post in posts:
        kinds[post.kind] = kinds.get(post.kind, 0) + 1
    manifest = {
        "seed": seed,
        "memos": len(memos),
        "memo_chars": {
            "min": min(len(m.text) for m in memos),
            "max": max(len(m.text) for m in memos),
        },
        "houses": [h.name for h in H.HOUSES],
        "posts": kinds,
        "negatives_generated": generated,
        "negatives_dropped_for_80_char_overlap": dropped,
        "negatives_longest_shared_run": {
            k: {
                "median": statistics.median(v),
                "p90": sorted(v)[int(0.9 * (len(v) - 1))],
                "max": max(v),
            }
            for k, v in shared_runs.items()
        },
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.seed), indent=2))


if __name__ == "__main__":
    main()
