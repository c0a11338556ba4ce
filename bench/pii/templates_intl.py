"""Templates of the multilingual PII corpus: posts in twelve languages for eighteen locales.

A locale draws from its language's templates and from its own extras. ``{UPPER}`` slots are
gold (``generate_intl.GOLD_SLOTS``), ``{lower}`` slots fillers. ``{NATID}`` is the locale's
national identifier (a template holding it is used only by locales that have one); digit-only
identifiers are always written after their name or a label, as people write them, while
``{PHONE}`` is the locale's number in its national writing (trunk 0, local groups) and
``{PHONE_INTL}`` the same with its country code.

Written from the entity list of issue 13 and the gold conventions of README.md, not from any
detector. Negatives hold only look-alikes: order and tracking numbers shaped like national ids
and phones, dates that are no birth dates, prices, ISBNs, statistics shaped like coordinates.
"""

from __future__ import annotations

POSITIVE: dict[str, list[str]] = {
    "en": [
        "Found him: {name}, {ADDR}. Phone {PHONE}.",
        "call {first} on {PHONE} or {PHONE_INTL} after 6",
        "His {NATID_LABEL} is {NATID} and he lives at {ADDR}",
        "Name: {name}\nDOB: {DOB}\n{NATID_LABEL}: {NATID}\nAddress:\n{ADDR_ML}",
        "paid with my card {CARD} and now there are charges everywhere",
        "Wire it to {IBAN}, ref {order}",
        "Contact: {EMAIL} / mob {PHONE}",
        "born {DOB} in {city}, {NATID_LABEL} {NATID}",
        "leaked db row: {name};{EMAIL};{PHONE};{IP}",
        "tel:{PHONE}",
        "She moved to {ADDR} last month lol",
        "({PHONE}) is her new number, spam away",
    ],
    "fr": [
        "Il habite au {ADDR}, son portable : {PHONE}",
        "Appelez-moi au {PHONE} ou au {PHONE_INTL}.",
        "Nom : {name}\nNé le {DOB}\nN° de sécurité sociale : {NATID}\nAdresse :\n{ADDR_ML}",
        "Voici son numéro de sécu {NATID}, faites-en ce que vous voulez",
        "Ma carte {CARD} a été débitée deux fois !",
        "RIB / IBAN : {IBAN}",
        "Écrivez à {EMAIL} ou tél. {PHONE}",
        "{first} est née le {DOB} à {city}.",
        "Livraison chez {name}, {ADDR}",
    ],
    "de": [
        "Er wohnt in der {ADDR}, Handy: {PHONE}",
        "Ruf mich an unter {PHONE} oder {PHONE_INTL}",
        "Name: {name}\nGeburtsdatum: {DOB}\nSteuer-ID: {NATID}\nAnschrift:\n{ADDR_ML}",
        "Seine Steueridentifikationsnummer lautet {NATID}.",
        "Kreditkarte {CARD} wurde gestohlen",
        "Bitte überweisen an IBAN {IBAN}",
        "Kontakt: {EMAIL}, Tel. {PHONE}",
        "{first} ist am {DOB} in {city} geboren.",
        "Lieferadresse: {ADDR}",
    ],
    "nl": [
        "Hij woont op {ADDR}, bel hem op {PHONE}",
        "Mijn nummer is {PHONE} (of {PHONE_INTL})",
        "Naam: {name}\nGeboortedatum: {DOB}\nAdres:\n{ADDR_ML}",
        "Betaald met kaart {CARD}",
        "Maak het over naar {IBAN} t.n.v. {name}",
        "Mail naar {EMAIL} of bel {PHONE}",
        "{first} is geboren op {DOB} in {city}",
        "Afleveradres: {ADDR}",
    ],
    "es": [
        "Vive en {ADDR}, su móvil es {PHONE}",
        "Llámame al {PHONE} o al {PHONE_INTL}",
        "Nombre: {name}\nFecha de nacimiento: {DOB}\n{NATID_LABEL}: {NATID}\nDirección:\n{ADDR_ML}",
        "Su {NATID_LABEL} es {NATID}, lo pone en la foto",
        "Pagué con la tarjeta {CARD} y me han clonado",
        "Transferencia a la cuenta {IBAN}",
        "Contacto: {EMAIL}, tel. {PHONE}",
        "{first} nació el {DOB} en {city}.",
        "Enviar a: {name}, {ADDR}",
    ],
    "it": [
        "Abita in {ADDR}, cell. {PHONE}",
        "Chiamami al {PHONE} oppure al {PHONE_INTL}",
        "Nome: {name}\nData di nascita: {DOB}\nCodice fiscale: {NATID}\nIndirizzo:\n{ADDR_ML}",
        "il suo codice fiscale è {NATID}",
        "Ho pagato con la carta {CARD}",
        "Bonifico su IBAN {IBAN}",
        "Scrivimi a {EMAIL} o chiama il {PHONE}",
        "{first} è nato il {DOB} a {city}.",
        "Consegna: {ADDR}",
    ],
    "pt": [
        "Ele mora na {ADDR}, celular {PHONE}",
        "Liga para {PHONE} ou {PHONE_INTL}",
        "Nome: {name}\nData de nascimento: {DOB}\n{NATID_LABEL}: {NATID}\nEndereço:\n{ADDR_ML}",
        "o {NATID_LABEL} dele é {NATID}",
        "Paguei com o cartão {CARD}",
        "Transferência para {IBAN}",
        "Contato: {EMAIL} / tel. {PHONE}",
        "{first} nasceu em {DOB} em {city}.",
        "Morada: {ADDR}",
    ],
    "pl": [
        "Mieszka przy {ADDR}, tel. {PHONE}",
        "Zadzwoń pod numer {PHONE} albo {PHONE_INTL}",
        "Imię i nazwisko: {name}\nData urodzenia: {DOB}\nAdres:\n{ADDR_ML}",
        "Zapłaciłem kartą {CARD}",
        "Przelew na konto {IBAN}",
        "Kontakt: {EMAIL}, tel. {PHONE}",
        "{first} urodził się {DOB} w {city}.",
        "Adres dostawy: {ADDR}",
    ],
    "cs": [
        "Bydlí na adrese {ADDR}, mobil {PHONE}",
        "Zavolej mi na {PHONE} nebo {PHONE_INTL}",
        "Jméno: {name}\nDatum narození: {DOB}\nAdresa:\n{ADDR_ML}",
        "Platil jsem kartou {CARD}",
        "Pošli to na účet {IBAN}",
        "Kontakt: {EMAIL}, tel. {PHONE}",
        "{first} se narodila {DOB} v {city}.",
        "Doručovací adresa: {ADDR}",
    ],
    "sv": [
        "Han bor på {ADDR}, mobil {PHONE}",
        "Ring mig på {PHONE} eller {PHONE_INTL}",
        "Namn: {name}\nFödelsedatum: {DOB}\nAdress:\n{ADDR_ML}",
        "Betalade med kortet {CARD}",
        "Sätt in pengarna på {IBAN}",
        "Kontakt: {EMAIL}, tel {PHONE}",
        "{first} är född {DOB} i {city}.",
        "Leveransadress: {ADDR}",
    ],
    "ja": [
        "住所：{ADDR} 電話：{PHONE}",
        "彼の携帯は{PHONE}です。海外からは{PHONE_INTL}",
        "氏名：{name}\n生年月日：{DOB}\n住所：{ADDR}",
        "カード番号 {CARD} が不正利用されました",
        "メール {EMAIL} に連絡して、電話は{PHONE}",
        "{name}さんは{DOB}生まれです",
        "配送先：{ADDR}",
    ],
    "zh": [
        "他住在{ADDR}，手机{PHONE}",
        "请拨打{PHONE}或者{PHONE_INTL}",
        "姓名：{name}\n出生日期：{DOB}\n地址：{ADDR}",
        "银行卡号 {CARD} 被盗刷了",
        "联系邮箱 {EMAIL}，电话 {PHONE}",
        "{name}，{DOB}出生",
        "收货地址：{ADDR}",
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "en": [
        "Order {order} shipped, tracking {tracking}",
        "Meeting moved to {date}; the deposit of {price} is due then",
        "ISBN {isbn}, {n} pages, {price}",
        "Readings were {stat} on average across the {n} samples",
        "Invoice {order} for {price} paid on {date}",
        "Reference {order} - please quote it when you call",
    ],
    "fr": [
        "Commande n° {order} expédiée, suivi {tracking}",
        "Réunion reportée au {date}, acompte de {price}",
        "ISBN {isbn}, {n} pages, {price}",
        "Les moyennes mesurées étaient {stat} sur {n} échantillons",
        "Facture {order} réglée le {date}",
    ],
    "de": [
        "Bestellung {order} versandt, Sendungsnummer {tracking}",
        "Termin verschoben auf den {date}, Anzahlung {price}",
        "ISBN {isbn}, {n} Seiten, {price}",
        "Messwerte im Mittel {stat} bei {n} Proben",
        "Rechnung Nr. {order} vom {date} über {price}",
    ],
    "nl": [
        "Bestelling {order} is verzonden, track & trace {tracking}",
        "Afspraak verplaatst naar {date}, aanbetaling {price}",
        "ISBN {isbn}, {n} pagina's, {price}",
        "Factuur {order} betaald op {date}",
    ],
    "es": [
        "Pedido {order} enviado, seguimiento {tracking}",
        "La reunión pasa al {date}; la señal es de {price}",
        "ISBN {isbn}, {n} páginas, {price}",
        "Las medias medidas fueron {stat} en {n} muestras",
        "Factura {order} pagada el {date}",
    ],
    "it": [
        "Ordine {order} spedito, tracking {tracking}",
        "Riunione spostata al {date}, acconto {price}",
        "ISBN {isbn}, {n} pagine, {price}",
        "Fattura n. {order} del {date}",
    ],
    "pt": [
        "Pedido {order} enviado, rastreio {tracking}",
        "Reunião adiada para {date}, sinal de {price}",
        "ISBN {isbn}, {n} páginas, {price}",
        "Fatura {order} paga em {date}",
    ],
    "pl": [
        "Zamówienie {order} wysłane, numer przesyłki {tracking}",
        "Spotkanie przełożone na {date}, zaliczka {price}",
        "Faktura {order} z dnia {date}",
    ],
    "cs": [
        "Objednávka {order} odeslána, sledování {tracking}",
        "Schůzka přesunuta na {date}, záloha {price}",
        "Faktura {order} ze dne {date}",
    ],
    "sv": [
        "Order {order} skickad, spårning {tracking}",
        "Mötet flyttat till {date}, handpenning {price}",
        "Faktura {order} betald {date}",
    ],
    "ja": [
        "注文番号 {order} を発送しました。追跡番号 {tracking}",
        "会議は{date}に変更、料金{price}",
        "ISBN {isbn}、{price}",
    ],
    "zh": [
        "订单号 {order} 已发货，快递单号 {tracking}",
        "会议改到{date}，价格{price}",
        "ISBN {isbn}，定价{price}",
    ],
}

# Extra templates of one locale: the American cases of issue 13 (shorthand addresses with no
# cue or casing, table rows with no header, SSN-shaped build numbers).
EXTRA_POSITIVE: dict[str, list[str]] = {
    "en_US": [
        "meet me at {US_SHORT} tmrw",
        "{US_SHORT}",
        "{name}\t{DOB}\t{NATID}\t{PHONE}\n{name}\t{DOB}\t{NATID}\t{PHONE}",
        "{name} | {DOB} | {NATID} | {PHONE}",
    ],
}
EXTRA_NEGATIVE: dict[str, list[str]] = {
    "en_US": [
        "build {build} failed on commit {hex}",
        "upgraded to firmware {build}, checksum {hex}",
        "release {build} is out, see the changelog",
    ],
}

# How each national id is named in the locale's posts.
NATID_LABELS: dict[str, list[str]] = {
    "US_SSN": ["SSN", "social security number"],
    "UK_NINO": ["NI number", "National Insurance number", "NINO"],
    "CA_SIN": ["SIN", "social insurance number"],
    "AU_TFN": ["TFN", "tax file number"],
    "IN_AADHAAR": ["Aadhaar", "Aadhaar no.", "UID"],
    "IN_PAN": ["PAN", "PAN card no."],
    "ES_NIF": ["DNI", "NIF"],
    "ES_NIE": ["NIE"],
    "BR_CPF": ["CPF"],
    "MX_CURP": ["CURP"],
}
