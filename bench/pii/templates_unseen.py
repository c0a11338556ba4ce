"""The *unseen* template family: a second, independent set of PII benchmark templates.

Why a second family: the standard templates (``templates.py``) are in the repository and the
detectors were tuned against them; a held-out *seed* over the same templates only tests new
values, not new wording. These templates were written afterwards, blind to the detectors' code
and tests, from the entity specification alone (issue 2, "Entities", and README.md's gold
conventions), as a reader of posts would label them: chat logs, quoted replies, markdown,
JSON/YAML/CSV fragments, e-mail headers and signatures, forum posts, OCR line breaks,
non-native and mixed-language text, shouting, emoji, URLs near numbers, self-disclosure,
doxxing threats, news copy, classified ads, government and medical forms, receipts.

Slot syntax is the same as in ``templates.py``: ``{UPPER}`` slots are gold (``generate.
GOLD_SLOTS``), ``{lower}`` slots are fillers that are never gold (``generate.FILLERS``). Bare
9- and 10-digit slots only follow explicit context. Change a template only when its gold is
wrong (a value that is not that entity, a negative that really holds private data), never to
make a detector pass, and say so in the commit.
"""

from __future__ import annotations

# Records that contain private data.
POSITIVE: list[str] = [
    # --- chat logs with timestamps
    "[{time}] <{user}> whats his cell\n[{time}] <{user}> {PHONE} but he screens calls",
    "{user} — Today at {time}\nsend it to {EMAIL} not my work one\n{user} — Today at {time}\n"
    "ok done {emoji}",
    "[{date} {time}] {user}: acct number for the refund is {ACCT}\n[{date} {time}] support: "
    "thanks, processing",
    "{time} <{user}> lmao his real ip is {IP}\n{time} <{user}> gg",
    # --- quoted replies
    "> where does she even live\n{ADDR_PART}. drove past it twice {emoji}",
    "> you don't know anything about me\n{name}, {ADDR}. want me to keep going?",
    "> post proof or it didn't happen\nfine: passport {PASSPORT}. happy now?",
    ">> what's the card\n> {CARD}\nwhy would you post that in a public thread",
    # --- markdown
    "**Found him** 🔎\n- real name: {name}\n- mobile: {PHONE}\n- home: {ADDR}\n- email: {EMAIL}",
    "## Contact\n* Phone — {PHONE_US}\n* Mail — {EMAIL}\n* Office hours: {weekday} {time}",
    "1. SSN: {SSN}\n2. DOB: {DOB}\n3. Mother's maiden name: {last}\nthat's all you need to open "
    "a card in her name",
    # --- JSON / YAML / CSV fragments
    '{"user": "{user}", "email": "{EMAIL}", "last_ip": "{IP}", "created": "{date}"}',
    '{"name": "{name}", "dob": "{DOB}", "ssn": "{SSN}"}',
    "applicant:\n  full_name: {name}\n  date_of_birth: {DOB}\n  passport_number: {PASSPORT}\n",
    "driver:\n  license_no: {DL}\n  state: {state}\n  phone: {PHONE}",
    '"{last}, {first}","{PHONE}","{EMAIL}","{city}"',
    "src_ip,dst_port,packets\n{IP},443,{n}\n{IP},22,{n}",
    "iban;holder;amount\n{IBAN};{name};{price}",
    # --- e-mail headers and signatures
    "From: {name} <{EMAIL}>\nSent: {weekday}, {date} {time}\nSubject: RE: payroll\n\nhere is my "
    "account no. {ACCT} for the direct deposit",
    "Thanks,\n{name}\n{company} | Senior Buyer\nM {PHONE}\nE {EMAIL}",
    "--\n{first} {last}\n{ADDR_ML}\ntel {PHONE}",
    "-----Original Message-----\nFrom: {EMAIL}\nTo: {EMAIL}\nSubject: wire instructions\n\n"
    "IBAN {IBAN}, reference {invoice}",
    # --- forum posts
    "Re: Scam callers (page {n})\nGot another one today from {PHONE}, said he was from the IRS. "
    "Don't pick up!!",
    "Posted by {user} on {date}:\nfor the record this is the guy who hit my car, his driver's "
    "lic. # is {DL}",
    "Thread: found a wallet on {street}\nUpdate: the ID inside says {name}, born {DOB}. mods pls "
    "help me find her",
    # --- OCR-like line breaks
    "DATE OF\nBIRTH: {DOB}\nSEX: {gender}\nEYES: BRN",
    "SOCIAL SECU-\nRITY NO. {SSN}",
    "Name {name}\nAddr\n{ADDR_ML}\nPh. {PHONE}",
    # --- non-native English
    "Hello sir, I am send you my bank account {ACCT} for receive the payment, please confirm",
    "my birth date is {DOB}, please you can correct in the system? thank you very much",
    "I am living now in {ADDR}, please to update my adress in your records",
    # --- mixed language
    "Mi número es {PHONE}, llámame después de las {time} 😊",
    "Fecha de nacimiento: {DOB} · Correo: {EMAIL}",
    "Il habite au {ADDR_PART}, je l'ai vu ce matin 👀",
    "Adresse de livraison : {ADDR_CA}",
    "Nombre: {name} / número de seguro social {SSN_BARE} / tel. {PHONE}",
    "Kontoinhaber: {name}\nIBAN: {IBAN}\nVerwendungszweck: {invoice}",
    # --- shouting and emoji
    "THIS SCAMMER {name} TOOK MY MONEY!!! HIS NUMBER {PHONE} HIS EMAIL {EMAIL} SHARE SHARE SHARE",
    "🏠 {ADDR} 📞 {PHONE} 😈😈 u know what to do",
    "📍{GEO} 👀👀 she posts from here every morning",
    # --- URLs near numbers
    "reposting from https://pastebin.example/{n}{n} — SSN {SSN}, DOB {DOB}",
    "his profile https://social.example.com/u/{user}?id={digits9} lists {EMAIL} as contact",
    # --- people describing their own data
    "PSA: my old number {PHONE} got reassigned, text me on the new one instead",
    "The DMV printed my license wrong, it should be {DL}, not what's on the card",
    "got my passport renewed!! new passport number {PASSPORT}, now I just need a vacation 🌴",
    "bank keeps rejecting transfers to my account {ACCT}, anyone else having issues?",
    # --- doxxing threats
    "We know you live at {ADDR_PART}. Delete the post or we show up.",
    "nice VPN fail. your real IP is {IP}, and your mom's cell is {PHONE}. sleep well",
    "last four of your social: {SSN4}. we have the rest too. pay up",
    # --- news copy
    "{city} (AP) — Prosecutors say the defendant posted a rival's Social Security number, {SSN}, "
    "and home address, {ADDR}, on a message board.",
    "The breach notice, dated {date}, says some customers' card numbers, such as {CARD}, were "
    "exposed.",
    "According to the indictment, the accounts were opened with stolen SSNs, including one "
    "ending in {SSN4}.",
    # --- classified ads
    "FOR SALE: {year} Honda Civic, {bignum} mi, {price} OBO. Text {PHONE_US} or email {EMAIL}. "
    "No lowballers.",
    "ROOM FOR RENT — {price}/mo — {ADDR} — ask for {first}",
    "Lost dog 🐶 answers to Biscuit. Reward {price}. Call {PHONE_BARE} anytime",
    # --- government forms
    "SECTION 2 – APPLICANT\n2a. Social Security Number: {SSN_BARE}\n2b. Date of Birth: {DOB}\n"
    "2c. Daytime phone: {PHONE}",
    "Item 7. U.S. passport book number: {PASSPORT}   Item 8. Place of birth: {city}",
    "W-2 Box a (Employee's social security number): {SSN_MASK}",
    # --- medical intake
    "PATIENT INTAKE\nName: {last}, {first}\nD.O.B.: {DOB}\nPreferred phone: {PHONE}\n"
    "Allergies: none",
    "Pt. {first} {last}, b. {DOB}, seen today for follow-up; callback number {PHONE}",
    # --- receipts
    "*** CUSTOMER COPY ***\n{company}\nVISA {CARD}\nAPPROVED  AUTH {n}\nTOTAL {price}",
    "Rewards member phone: {PHONE_US}\nPoints this visit: {n}\nThank you!",
    # --- location, logs, travel, misc
    "EXIF data from her photo → GPS latitude {GEO_LATITUDE}",
    "geotag says lat {GEO_LATLON} (that's his street)",
    "sshd[{n}]: Failed password for {user} from {IP} port {n} ssh2",
    "WhatsApp me on {PHONE_INTL}, I'm in Europe until {date}",
    "Parcel for {name}, {ADDR_UK} — pls leave with the neighbour",
    "can u order it for me? card {CARD} exp {expiry} cvv {cvv} ty ily",
    "SSN on file: {SSN_MASK}. If that's not yours, contact us.",
    "ss# ends in {SSN4} fyi",
]

# Records with no private data: hard negatives only.
NEGATIVE: list[str] = [
    "[{time}] <{user}> anyone else's order stuck? mine is {ssnlike}\n[{time}] <{user}> same, "
    "placed {date}",
    "> did the refund go through?\nyes, ref {phonelike}, {price} back on the card ending {last4}",
    "- [x] renew passport photos\n- [ ] pay invoice {invoice} ({price})\n- [ ] dentist {date} "
    "at {time}",
    '{"order_id": "{ssnlike}", "status": "shipped", "total": "{price}", "eta": "{date}"}',
    "build:\n  version: {version4}\n  job_id: {digits9}\n  finished: {date}",
    "sku,qty,unit_price\n{sku},{n},{price}\n{sku},{n},{price}",
    "From: Customer Care\nSubject: Your ticket {phonelike} has been closed\n\nWe hope we "
    "resolved your issue.",
    "Applications close {date} at {time} ET. Late forms will not be reviewed.",
    "Happy {ordinal} anniversary to us!! married {date} and he still puts up with me ❤️",
    "My grandpa was born in {year} and still drives to the lake every {weekday}",
    "🎂🎉 happy birthday {first}!!! 🎈 party moved to {date}, {time} 🥳",
    "Delivery available in ZIP codes {zip}, {zip} and {zip} only.",
    "FINAL: {team} {score} {team} 🔥🔥🔥",
    "mean {decimal}, sd {decimal} (n = {n})",
    "USPS says {tracking} has been 'in transit' for {n} days smh",
    "RECEIPT  Store #{n}\nTXN {digits10}\nVISA ************{last4}\nTOTAL {price}\nAPPROVED",
    "W-9 instructions: enter your 9-digit SSN in box 3 (format XXX-XX-XXXX). Do not write in "
    "the shaded area.",
    "Appointment confirmed: {date} at {time}, room {n}. Confirmation {ssnlike}. Reply C to "
    "confirm.",
    "Pedido {ssnlike} enviado el {date}, total {price}. ¡Gracias por su compra!",
    "Please kindly check my order number {digits9}, it is not arrive since {date}",
    "track it here: https://shop.example.com/orders/{digits10}?step={n}",
    "I know where you live, {first}. Think about that.",
    "Road closed on {street} between {street} and {street} until {date}",
    "WHERE IS MY PACKAGE {ssnlike}??? ORDERED {date}, STILL NOTHING",
    "The bill passed the House {score} on {date} and heads to the Senate",
    "Patch {version4} is live, servers back up at {time} UTC",
    "FOR SALE: {year} Trek bike, barely used, {price} firm. Pickup near {street}, DM me here",
    "Catalog #{phonelike}: back in stock {date}, limit {n} per customer",
    "Lab result: glucose {n} mg/dL, collected {date} {time}",
    "Zoom meeting ID {phonelike} · passcode {n}{n}",
    "Born in {city}, raised on {street}, now living the dream 🌊",
    "Deadline for the {year} tax return: {date}. Extension requests by {date}.",
    "Claim #{ssnlike} was denied on {date}; you may appeal within {n} days.",
]
