"""Sentence templates for the PII benchmark corpus.

``{UPPER}`` slots become gold spans (see ``generate.GOLD_SLOTS``); ``{lower}`` slots are fillers
that are never gold (names, cities, and look-alikes such as order numbers shaped like SSNs).
A template's literal text carries the context (``SSN:``, ``born on``); bare 9- or 10-digit
slots (``SSN_BARE``, ``PHONE_BARE``) only ever follow explicit context.

The templates are written from the entity specification in README.md, not from any detector,
so the benchmark measures what a reader of the post would call private data.
"""

from __future__ import annotations

# Records that contain private data.
POSITIVE: list[str] = [
    # --- casual posts
    "lol {name} really posted his own address?? {ADDR_PART} {emoji} someone tell him",
    "Found her: {name}, {ADDR}. Phone {PHONE}. Go say hi {emoji}",
    "if anyone wants to ‘talk’ to {first}, his cell is {PHONE_US} and he lives at {ADDR_PART}",
    "Email me at {EMAIL} or text {PHONE} – thanks!",
    "my new card came!! {CARD} lol jk dont steal it {emoji}",
    "ok so my ssn is {SSN} and the bank keeps saying it doesn’t match??",
    "DM’d {first} the details: {EMAIL}, born {DOB}, lives in {city}",
    "This is {name}’s home:\n{ADDR_ML}\nsend pizzas {emoji}",
    "he’s been posting from {IP} all night, same guy as before",
    "pic was taken at {GEO} — that’s literally her backyard",
    "I’m at {GEO} if anyone’s nearby ☕",
    "Moving to Canada! New place: {ADDR_CA} 🇨🇦 call me on {PHONE}",
    "“{first} lives at {ADDR_PART}, go look,” the post said. {emoji}",
    "gave them the last 4 of social: {SSN4} and they still wouldn’t help",
    "so yes my birthday is {DOB}, send gifts {emoji}",
    # --- news sentences
    "Police said the suspect, {name}, {n}, of {ADDR_PART}, was arrested on {date}.",
    "According to the filing, {name} listed a home address of {ADDR} and a phone number of "
    "{PHONE}.",
    "The leaked spreadsheet included Social Security numbers such as {SSN} alongside names and "
    "cities like {city}.",
    "{company} confirmed that {pct} of customers were affected; one record shows the card {CARD} "
    "and billing ZIP {zip}.",
    "Investigators traced the login to IP address {IP} in {city} on {date}.",
    "The documents list the candidate’s date of birth as {DOB} and his passport number as "
    "{PASSPORT}.",
    "Court records show {name} (born on {DOB}) moved to {ADDR} in {year}.",
    "The dossier – obtained by hackers – lists his SSN ending in {SSN4} and a home at {ADDR}.",
    "Reporters were given the candidate’s home address, {ADDR}, and his cell, {PHONE}, but "
    "chose not to publish.",
    # --- leaked-dossier lines
    "Name: {name}\nHome address: {ADDR}\nSSN: {SSN}\nDOB: {DOB}",
    "SUBJECT: {name}\nSSN (last four): {SSN4}\nCell: {PHONE}\nEmail: {EMAIL}",
    "== DOSSIER ==\nFull name: {name}\nSocial: {SSN_MASK}\nResidence:\n{ADDR_ML}\nPassport no. "
    "{PASSPORT}",
    "Target lives at {ADDR}; wife’s email {EMAIL}; IBAN {IBAN}",
    "Bank: {company} checking acct {ACCT}, routing on file. DL# {DL}",
    "Driver’s license: {DL} (exp. {date})",
    "SSN {SSN_BARE} / D.O.B. {DOB} / tel {PHONE}",
    "{name} — last four of his SSN: {SSN4} — DOB {DOB}",
    "Coordinates of the house: lat {GEO_LATLON}",
    "GPS: {GEO}\nAddress: {ADDR_US}",
    "They even had his SSN: {SSN_MASK}. Redacted my foot.",
    "SSN ending in {SSN4}, verified by the bank rep on {date}",
    "Home: {ADDR} | Mobile: {PHONE} | SSN: {SSN} | {order}",
    "social security number: {SSN_BARE}\ndate of birth: {DOB}",
    "[{n}] {name} / {EMAIL} / last IP {IP} / {PHONE}",
    # --- forms
    "First name: {first}\nLast name: {last}\nDate of birth: {DOB}\nPhone: {PHONE}\nEmail: {EMAIL}",
    "Applicant: {name}; Passport No.: {PASSPORT}; Date of Birth: {DOB}",
    "Account holder: {name}\nAccount number: {ACCT}\nIBAN: {IBAN}",
    "Payment: card {CARD}, exp {expiry}, billing address {ADDR}",
    "Phone: {PHONE_BARE}\nAlt phone: {PHONE}",
    "Emergency contact: {name}, tel. {PHONE}, {ADDR_CA}",
    "DL#: {DL}   State: {state}   Class: C",
    "Birthdate: {DOB}   Gender: {gender}   Member since {year}",
    "Ship to:\n{name}\n{ADDR_ML}\nTracking: {tracking}",
    "Driver license no. {DL} issued {date}; SSN {SSN}",
    "Checking account no. {ACCT} at {company}, balance {price}",
    # --- flattened tables
    "Name | Phone | Address\n{name} | {PHONE} | {ADDR}\n{name} | {PHONE} | {ADDR}",
    "name,email,dob\n{name},{EMAIL},{DOB}",
    "ID\tName\tSSN\tPhone\n{n}\t{name}\t{SSN}\t{PHONE}",
    "| user | last_ip | email |\n| {user} | {IP} | {EMAIL} |",
    "Name | DOB | SSN\n{name} | {DOB} | {SSN}",
    "card_number;expiry;holder\n{CARD};{expiry};{name}",
    # --- UK / Canada
    "Flat share sorted: {name} is at {ADDR_UK}, mobile {PHONE_INTL}",
    "Pls send the parcel to {ADDR_UK} by {date} {emoji}",
    "Our office moved to {ADDR_CA}. Reach {first} at {EMAIL}.",
    # --- other mixes
    "Server logs show {IP} and {IP} hitting /admin since {date}",
    "Wire to IBAN {IBAN} ({name}), ref {invoice}",
    "Pay me back via checking account {ACCT} please",
    "US passport {PASSPORT} was reported stolen on {date}",
    "Her driver’s license number is {DL} and her plate is {plate}",
    "Router admin panel at {IP}, login {EMAIL}, firmware {version}",
    "{order} ships to {ADDR_US}. Questions? {PHONE}",
    "Remember {name}? He lives at {ADDR_PART} now, near {street}.",
    "Location pinged at {GEO} at {time}",
    "CC: {CARD} CVV {cvv}",
    "Reach {name} at {EMAIL} / {PHONE} / {ADDR}",
    "Scammer’s account: {company} acct #{ACCT}, phone {PHONE}, email {EMAIL}",
    "Last known position latitude {GEO_LATITUDE} ({city})",
    "call me at {PHONE_BARE} after {time}",
    "{first}’s passport no. is {PASSPORT}, DOB {DOB}, she flies {flight}",
    "connection from {IP} user={user} email={EMAIL} status=OK",
]

# Records with no private data: hard negatives only.
NEGATIVE: list[str] = [
    "{order} has shipped! Tracking: {tracking}",
    "Your ticket has been logged ({refphone}). We’ll be in touch within {n} days.",
    "The meeting on {date} was postponed to {date}.",
    "{product} {version} released {date} with {n} bug fixes",
    "Final score: the {team} won {score} over the {team} in {year}",
    "Protest planned on {street} this {weekday}, starting at {time}",
    "Prices: {price} for the small, {price} for the large ({pct} off)",
    "Firmware version {version4} fixes the crash seen on {date}",
    "Shipping to ZIP {zip} takes {n}–{n} days",
    "The {city} population grew {pct} to {bignum} in {year}",
    "ISBN {isbn}, {n} pages, published {date}",
    "Case No. {caseno} was filed in {city} on {date}",
    "Gift card {giftcard} balance: {price}",
    "Invoice {invoice} for {order}, total {price}",
    "Flight {flight} departs gate B{n} at {time}",
    "I’ve lived on {street} since {year} and still love it ❤️",
    "Board measures {measure}; ships from {city} in {n} days",
    "Q3 revenue rose {pct} to {price}; EPS {price}",
    "Birthday party for {first} on {date}! bring snacks {emoji}",
    "{first} {last} was elected mayor of {city} in {year}",
    "Patch notes {version}: fixed {n} issues, see {order}",
    "UPS {tracking} – out for delivery {emoji}",
    "Call 911 in an emergency; the {n} bus runs every {n} minutes on {street}",
    "Temperature hit {n}.{n}°F at {time} — highest since {year}",
    "Kickoff {time}, {team} vs {team}, tickets from {price}",
    "{company} stock closed at {price}, up {pct}, volume {bignum}",
    "RE: {order} – refund of {price} processed on {date}",
    "“{first} is the best,” said {name} at the {year} gala in {city}.",
    "Back in stock at {company}: {refphone}",
    "Lottery numbers: {n} {n} {n} {n} {n}, jackpot {price}",
]

# Fillers drawn from names of ``values.Values`` methods (see generate.FILLERS).
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PRODUCTS = ["Firefox", "Redis", "Postgres", "the app", "iOS", "Android", "Node", "Chrome"]
GENDERS = ["F", "M", "X", "female", "male"]
