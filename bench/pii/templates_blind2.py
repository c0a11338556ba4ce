"""A second blind template family for the PII benchmark (``--templates blind2``).

Why a second one: the first blind family (``templates_unseen.py``) was run once, and the
detectors were then improved in answer to its errors, so its figures are *seen* figures. This
family was written afterwards by someone who had read neither the detectors, their tests, nor
the first blind family, only the entity specification (issue 2, "Entities"), the gold
conventions in README.md and ``templates.py`` (to avoid repeating its wording). It is run once
and reported as it came out; a template may only change to fix its gold, and the commit must
say so.

The styles are those a trust & safety engine meets and the other families lack: Telegram and
Discord exports, pastebin dumps of leaked databases (SQL ``INSERT`` rows, CSV with odd column
names, ``key=value`` logs, JSON), reddit threads, doxxing posts in their own slang, bios,
listings, court filings, phone-book and voter-roll rows, OCR of screenshots (letter/digit
confusions only in labels, never in a gold value) and numbers that are private only because of
the words around them. Negatives are numbers shaped like SSNs, phones, cards, passports or IPs
that are something else (docket, patent, CAS, IMEI, UPC, hull and train numbers, lottery draws,
OIDs, MAC addresses), and dates that are not birth dates, some next to the word "birth".

Deliberately left out, because the specification does not say the entities cover them:
obfuscated values ("5 5 5 - 1 2 3 4", "name at gmail dot com"), business or public-figure
addresses as negatives, and coordinates of famous places as negatives.

Slots are those of ``generate.GOLD_SLOTS`` (gold) and ``generate.FILLERS`` (never gold).
"""

from __future__ import annotations

# Records that contain private data.
POSITIVE: list[str] = [
    # --- Telegram / Discord exports
    "{chatstamp} {first} {emoji}:\nforwarding from the other chat — her addy is {ADDR} and she "
    "picks up on {PHONE_US} after 6",
    "{user}#{last4} — Today at {time}\n@everyone drop: {name}, IP {IP}, lives {ADDR_PART}, "
    "mail {EMAIL}",
    "{chatstamp} {user}: pinned msg >> ppl keep asking, the organiser's personal mail is {EMAIL} "
    "and his mobile {PHONE_INTL}",
    "{chatstamp} {first}: bro's ip leaked in the voice server {IP} lmao\n{chatstamp} {first}: "
    "dont do anything dumb",
    # --- pastebin dumps of leaked databases
    "INSERT INTO `customers` (`id`,`full_name`,`email`,`phone`,`dob`,`ssn`) VALUES "
    "({n},'{name}','{EMAIL}','{PHONE}','{DOB}','{SSN}');",
    "INSERT INTO payouts (user_id, iban, acct_no, created) VALUES ({n}, '{IBAN}', '{ACCT}', "
    "'{date}');",
    "uid;nm;mail_addr;tel_mob;bday\n{n};{name};{EMAIL};{PHONE};{DOB}",
    '"cust_name","ship_to","ph"\n"{name}","{ADDR}","{PHONE_US}"',
    '{isostamp} INFO auth.login ok user={user} email={EMAIL} remote_addr={IP} geo="{GEO}"',
    "fullname={name}|ssn={SSN_BARE}|dob={DOB}|addr={ADDR}",
    '{"name": "{name}", "dl_number": "{DL}", "dl_state": "{state}", "passport_no": "{PASSPORT}"}',
    "ssn_last4: {SSN4}\ncc_last4: {last4}\nzip: {zip}\nupdated: {date}",
    "-- dump of users_old (partial)\n{n}\t{user}\t{EMAIL}\t{IP}\t{CARD}\t{expiry}",
    # --- reddit threads
    "r/{city}\nu/{user} · {n}h\nthe guy who runs the food truck? his place is {ADDR_PART}, "
    "found it on the county site\n    u/{user} · {n}h\n    that's doxxing, reported",
    "u/{user} replied: my ex's new number is {PHONE} if anyone wants to tell her what she did lol",
    "u/{user} · {n}d\nPSA the seller {user} is a scammer, his payout account is {ACCT} at "
    "{company} — report it to your bank",
    # --- doxxing posts
    "DOX // {user}\nREAL NAME: {name}\nADDY: {ADDR}\nCELL: {PHONE}\nSSN: {SSN}\nDOB: {DOB}\n"
    "IP: {IP}\nMOMS EMAIL: {EMAIL}",
    "found him. {first} {last}, born {DOB}, drives a grey civic, parks outside {ADDR_PART} "
    "every night. plates {plate}.",
    "{user} thinks he's anonymous lmao. his social: {SSN_MASK}, he uses {EMAIL} for "
    "everything and his house is {ADDR_UK}",
    "I know you live at {ADDR_PART} and your daughter's email is {EMAIL}. Delete the video.",
    # --- bios and profiles
    "{first} ✨ {gender} | {city} | bday {DOB} 🎂 | business inquiries: {EMAIL}",
    "About me: {n}, love hiking. Not on here much — text me {PHONE_US} or find me at "
    "{ADDR_PART} most weekends (my place lol)",
    "{first} {last} · Nurse · {city}\nborn {DOB} · reach me: {PHONE}",
    # --- listings and small ads
    "JUST LISTED ✦ {ADDR_US} ✦ 3 bd | 2 ba | {n}00 sq ft | offered at {price}. Showings: call "
    "{PHONE_US}.",
    "For sale: charming two-bed terrace at {ADDR_UK}. Viewings strictly by appointment, ring "
    "{PHONE_INTL}.",
    "selling my couch, pick up at {ADDR_PART}, cash only, {price}, text {PHONE_US}",
    "moving sale this sat at {ADDR_CA}, everything must go, e-transfer to {EMAIL}",
    # --- court filings and official records
    "IN THE CIRCUIT COURT OF {city} COUNTY\nCase No. {caseno}\nRespondent: {name}, residing at "
    "{ADDR}, date of birth {DOB}",
    "Petitioner asks that Respondent remain 500 feet from her residence at {ADDR_PART}. "
    "Hearing set for {date}.",
    "CREDIT REPORT — {name}\nSSN: {SSN_MASK}   Also known as: {first}\nPrevious address: {ADDR}",
    "{name} (born {DOB}) of {ADDR_PART} has been reported missing; anyone with information "
    "should call {PHONE}.",
    # --- phone books and voter rolls
    "{last} {first} .... {ADDR_PART} .......... {PHONE_US}\n{last} {first} .... {ADDR_PART} "
    ".......... {PHONE_US}",
    "VOTER_ID|LAST|FIRST|BIRTH_DATE|RES_ADDRESS|PARTY|REG_DATE\n{digits9}|{last}|{first}|{DOB}|"
    "{ADDR_US}|UNA|{date}",
    # --- OCR of screenshots and scans (confusions only in labels)
    "[screenshot] Narne: {name}   Date 0f Birth: {DOB}   Sociai Security No: {SSN}",
    "OCR: DRlVER LlCENSE  {state}  DL {DL}  EXP {date}  DOB {DOB}",
    "Account Nurnber: {ACCT}   Staternent Period: {date} - {date}   Page 1 of {n}",
    "lmage text: RETURN TO\n{name}\n{ADDR_ML}",
    # --- private only because of the words around them
    "the number on the back of mom's card is {CARD}, she said use it for the tickets",
    "my dad's social is {SSN_BARE} can someone check if it's been used",
    "the last 4 on my social are {SSN4}, so why does the IRS letter say otherwise",
    "I photographed his passport — the number is {PASSPORT} — before he left",
    "the DL on her profile screenshot: {DL}",
    "send the deposit to my savings, account {ACCT}, not the old one",
    "voicemail transcript: hey it's {first}, call me back at {PHONE_BARE}, bye",
    "ran a grabber link and got his IP: {IP} — VPN? idk",
    "EXIF says GPS {GEO} which is literally her mom's house",
    "lat {GEO_LATLON} (from the Strava heatmap, that's where he starts his run every morning)",
    "Photo metadata — Latitude {GEO_LATITUDE}",
    # --- forms, support chats, bookings
    "Agent: can you confirm the card on file?\nCustomer: {CARD} exp {expiry}\nAgent: and the "
    "billing zip?\nCustomer: {zip}",
    "Guest: {name} / Passport {PASSPORT} / Nationality: US / Arrival {date}",
    "booking {sku} // PAX 1 {last}/{first} // travel doc: passport {PASSPORT}, born {DOB}",
    "Direct deposit updated -> acct {ACCT}; W-4 SSN {SSN}",
    "Current residence: {ADDR}\nTime at address: {n} months\nLandlord phone: {PHONE}\n"
    "Applicant SSN: {SSN}",
    "Claimant DOB: {DOB} | Policyholder SSN: {SSN} | Claim #{ssnlike}",
    "your identity was verified using SSN {SSN_MASK} and DOB {DOB}",
    "Renter check-in: {name}, Drivers Lic # {DL} issued in {state}, deposit {price} held",
    "pt {name} dob {DOB} mrn {digits9} ph {PHONE_US}",
    # --- mail headers, whois, server logs
    "From: {name} <{EMAIL}>\nX-Originating-IP: [{IP}]\nSubject: re: rent",
    "Registrant Email: {EMAIL}\nRegistrant Phone: {PHONE_INTL}\nRegistrant Street: {ADDR}",
    '{IP} - - [{logstamp}] "GET /u/{user}/settings HTTP/1.1" 200 {n}',
    "Tel.: {PHONE_INTL} · E-Mail: {EMAIL}",
    # --- payments in other languages and scams
    "Überweisung bitte an {name}, IBAN {IBAN}, Verwendungszweck Miete",
    "pay the 'release fee' by wire only: IBAN {IBAN} BIC NWBKGB2L, then email {EMAIL}",
    "Airbnb msg: door code is on the lockbox, the place is {ADDR}, my cell {PHONE} if lost",
]

# Records with no private data: hard negatives only.
NEGATIVE: list[str] = [
    # --- SSN-, phone-, card- and passport-shaped numbers that are other things
    "USS {city} (SSN-{hull}) returned to port on {date} after {n} months at sea",
    "Docket No. {ssnlike} — hearing continued to {date}",
    "Patent {patent} was granted on {date} to {company}",
    "CAS No. {cas} — store below {n}°C, keep away from light",
    "Powerball, draw of {date}: {lotto}",
    "{train} to {city} is running {n} min late, platform {n}",
    "{flight} diverted to {city}; passengers rebooked on {flight} tomorrow",
    "iPhone {n} Pro, IMEI {imei}, unlocked, {price} obo",
    "Replacement phone battery, part no. {phonelike}, fits models from {year}",
    "Your one-time code was sent to the phone number ending in {last4}.",
    "Paid with Visa ending in {last4} on {date}, auth code {n}{n}",
    "S/N {serial9} — warranty registered {date}, coverage ends {date}",
    "ISBN-10 {digits10} / ISBN-13 {isbn}",
    "UPC {upc} — coffee filters, {n}-pack, {price}",
    "DRE #{digits8} | {company} Realty | listing agent {name}",
    "TOTAL {price}\nVISA ****{last4}\nAUTH {n}{n}{n}\n{date} {time}",
    # --- IP- and coordinate-shaped numbers that are other things
    "Build {version4} (x64) rolled out to the {pct} ring",
    "OID {oid} identifies the printer's toner MIB",
    "MAC {mac} seen on VLAN {n}, port {n}",
    "Absorbance at 450 nm, plate well {n}: duplicate reads {decimal}, {decimal}",
    "Exit {n} off I-{n}, mile marker {decimal}",
    # --- dates that are not birth dates
    "{name} died on {date} at age {n}, survived by {n} grandchildren",
    "Birth certificate copies issued after {date} carry a new seal",
    "{city}-born singer {name} announced a farewell tour starting {date}",
    "Married {date} and still arguing about the thermostat {emoji}",
    "Age check: users must be {n}+; accounts created before {date} are grandfathered",
    # --- the same styles as the positives, with nothing private in them
    "u/{user} · {n}h\nwhy does every apartment on {street} cost {price} now",
    "{chatstamp} {first}: meet at the fountain at {time}, bring the charger",
    "INSERT INTO orders (id, sku, qty, placed_at) VALUES ({digits9}, '{sku}', {n}, '{date}');",
    "store_id,region,opened,phone_ext\n{n},{city},{date},{n}",
    "{isostamp} WARN db.pool size={n} wait_ms={n} build={version4} trace={hex}",
    "Market report: median price on {street} rose {pct}; {n} homes sold since {date}",
    "Precinct {n}: {bignum} registered voters, turnout {pct}, certified {date}",
    "Lot {sku}, expiry {date}, made in {city}",
]
