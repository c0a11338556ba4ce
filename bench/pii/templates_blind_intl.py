"""The international blind template family (``--templates blind_intl``), for issue 13.

Written blind to the detectors: their code (``src/redline/detect/``) and tests
(``tests/detect/``) were not opened while writing, generating and running it. Sources were the
issue's list of what goes unfound, README.md's gold conventions, the earlier families (to avoid
their wording), Faker's locale providers and public descriptions of each country's numbering
plan, address form and identifier checksums. No data set or test file of another PII tool was
read. It is run once and reported as it came out; a template may only change to fix its gold,
and the commit must say so.

Each entry is ``(locale, template)``: the text is in that locale's language and every ``L_``
slot (and ``l_`` filler) draws in that locale (``values_intl.IntlValues``). Carrier texts are
doxxing posts, forum posts, classified ads, e-mail signatures, chat messages, KYC and payroll
leaks and pasted spreadsheet rows without a header. Phone numbers come in national formats
(trunk 0, pairs, dots, slashes, full-width digits, extensions) and glued to words or
punctuation; addresses in each country's own order; cards of the international networks;
national identifiers with their local cue words, and a few (the ones whose shape names them)
without any cue in a headerless row.

Judgement calls: a date in a headerless row of a person's name, date and identifier or phone is
a DATE_OF_BIRTH (it is how leaked sheets carry birth dates); Japanese and Chinese addresses run
big to small, so their span runs from the postcode mark (〒) or prefecture/province through the
room number; an Indian address starts at its house label ("H.No.", "Flat No."), as a UK one at
"Flat N,".
"""

from __future__ import annotations

# Records that contain private data: (locale, template).
POSITIVE: list[tuple[str, str]] = [
    # ----------------------------------------------------------------- en_US
    ("en_US", "{name}\t{DOB}\t{SSN}\t{PHONE_US}\n{name}\t{DOB}\t{SSN}\t{PHONE_US}"),
    ("en_US", "{name}, {DOB}, {SSN}, {PHONE_US}"),
    ("en_US", "he moved to {L_ADDR} last spring, still drives the grey civic"),
    ("en_US", "found where she works now: {L_ADDR}. walk-ins welcome apparently {emoji}"),
    ("en_US", "dont share pls but my diners club {CARD_DINERS} got charged twice this week"),
    ("en_US", "Best,\n{name}\nRegional Claims\no: {L_PHONE_EXT} | {L_EMAIL}"),
    ("en_US", "tenant screening - {name}\nssn {SSN}\nprevious residence:\n{L_ADDR_ML}"),
    ("en_US", "KYC ok: DL {DL}, passport {PASSPORT}, SSN on file {SSN_MASK}"),
    ("en_US", "corporate UATP account {CARD_UATP} is for team flights only, not hotels"),
    ("en_US", "my brazilian coworker left her CPF ({CPF}) in the shared drive, who do I tell"),
    # ----------------------------------------------------------------- en_GB
    (
        "en_GB",
        "his NI number {NINO} and DOB {L_DOB}, that's all they needed to claim in his name",
    ),
    ("en_GB", "Room to let in a friendly flat share, {L_ADDR}. Bills incl. Text {L_MOBILE}"),
    ("en_GB", "for everyone asking where the bloke lives:\n{L_ADDR_ML}\nmob: {L_PHONE}"),
    ("en_GB", "{l_name} | {NINO} | {L_IBAN} | {l_date}"),
    ("en_GB", "Please ring the surgery on {L_PHONE_EXT} and ask for {l_first}."),
    ("en_GB", "new starter form\nSurname: {l_last}\nNI No: {NINO}\nStart date: {l_date}"),
    ("en_GB", "Finally sorted my move to Valencia - NIE came through: {NIE}. Four months!"),
    # ----------------------------------------------------------------- en_CA
    ("en_CA", "My SIN is {SIN}, do I actually have to give it to the landlord??"),
    ("en_CA", "Veuillez poster le chèque au {L_ADDR}, merci!"),
    ("en_CA", "new # is {L_PHONE}. the old one's dead, don't bother texting it"),
    ("en_CA", "Onboarding: {l_name}, S.I.N. {SIN}, start {l_date}, deposit to acct {L_ACCT}"),
    ("en_CA", "Mon NAS est {SIN}, est-ce que l'employeur peut vraiment le demander?"),
    ("en_CA", "RETURN TO SENDER\n{L_ADDR_ML}"),
    # ----------------------------------------------------------------- en_AU
    ("en_AU", "TFN {TFN} and the ATO still bounces the form, anyone know why?"),
    ("en_AU", "Dining table, free to a good home, pick up from {L_ADDR}. Call {L_MOBILE}"),
    ("en_AU", "pay the bond into BSB 063-019 acct {L_ACCT} before fri pls"),
    ("en_AU", "if anything happens ring my sister {l_name} on {L_PHONE}, she's at\n{L_ADDR_ML}"),
    ("en_AU", "lol my housemate left his tax file number ({TFN}) on the fridge"),
    ("en_AU", "PAYSLIP  Employee: {l_name}  Tax file no: {TFN}  DOB: {L_DOB}"),
    # ----------------------------------------------------------------- en_IN
    ("en_IN", "Aadhaar: {AADHAAR}\nPAN: {PAN}\nMobile: {L_MOBILE}"),
    ("en_IN", "sir my pan card no is {PAN} and aadhar {AADHAAR} kindly update kyc asap"),
    ("en_IN", "Address: {L_ADDR}. Contact {L_PHONE} after 6 pm only."),
    ("en_IN", "Leave and licence agreement, licensee {l_name}, permanent address:\n{L_ADDR_ML}"),
    ("en_IN", "my rupay card {CARD_RUPAY} is blocked since morning, pls help"),
    ("en_IN", "PAN - {PAN}, name as per PAN {l_name}, mob {L_PHONE}"),
    ("en_IN", "D.O.B {L_DOB} | Aadhaar no. {AADHAAR} | father's name {l_name}"),
    # ----------------------------------------------------------------- fr_FR
    ("fr_FR", "Il habite au {L_ADDR}, je l'ai vu rentrer hier soir vers {time}"),
    ("fr_FR", "Numéro de sécu : {NIR}\nNé le {L_DOB} à {l_city}"),
    ("fr_FR", "{l_name};{NIR};{L_DOB};{L_ADDR}"),
    ("fr_FR", "voilà sa carte Vitale en photo, n° {NIR}, faites-vous plaisir"),
    ("fr_FR", "Appelez-moi au {L_MOBILE} ou sur le fixe {L_LANDLINE}"),
    ("fr_FR", "Vends vélo de ville, à récupérer chez moi :\n{L_ADDR_ML}\ntél.{L_MOBILE}"),
    ("fr_FR", "Cordialement,\n{l_name}\nService client\nStandard : {L_PHONE_EXT}\n{L_EMAIL}"),
    ("fr_FR", "RIB pour le loyer de {l_first} : {L_IBAN}"),
    ("fr_FR", "ma carte maestro {CARD_MAESTRO} a été débitée deux fois, exp {expiry}"),
    ("fr_FR", "son IP c'est {IP} mdr, il habite pas loin de {l_city}"),
    # ----------------------------------------------------------------- de_DE
    ("de_DE", "Steuer-ID: {STEUER_ID}\ngeb. {L_DOB}"),
    ("de_DE", "Der Typ wohnt in der {L_ADDR_PART}, 2. OG links, einfach klingeln"),
    ("de_DE", "Mit freundlichen Grüßen\n{l_name}\nTel. {L_PHONE_EXT}\nMobil {L_MOBILE}"),
    ("de_DE", "{l_name}\t{STEUER_ID}\t{L_IBAN}"),
    ("de_DE", "Kaution bitte bis Freitag auf mein Konto: {L_IBAN} (Sparkasse)"),
    ("de_DE", "ruf mich an: {L_MOBILE}!"),
    ("de_DE", "Lieferadresse: {L_ADDR}, bitte beim Nachbarn abgeben"),
    ("de_DE", "Standort laut Foto-Metadaten: {GEO}, das ist ihr Garten"),
    ("de_DE", "meine Mir-Karte {CARD_MIR} geht hier an keinem Automaten, weiß wer warum?"),
    ("de_DE", "Meine Steueridentifikationsnummer lautet {STEUER_ID}, Finanzamt {l_city}"),
    # ----------------------------------------------------------------- nl_NL
    ("nl_NL", "Hij woont op {L_ADDR}, drie hoog"),
    ("nl_NL", "bel me even op {L_MOBILE}, ben de hele middag thuis"),
    ("nl_NL", "geboortedatum: {L_DOB}\nadres:\n{L_ADDR_ML}"),
    ("nl_NL", "Graag overmaken op {L_IBAN} t.n.v. {l_name}"),
    ("nl_NL", "Met vriendelijke groet,\n{l_name}\nT {L_PHONE_EXT}\nE {L_EMAIL}"),
    # ----------------------------------------------------------------- es_ES
    ("es_ES", "DNI {DNI}, fecha de nacimiento {L_DOB}"),
    ("es_ES", "soy extranjero, mi NIE es {NIE} y el banco no me deja abrir cuenta"),
    ("es_ES", "Os paso el NIF de la casera: {DNI}, a ver si alguien la conoce"),
    ("es_ES", "trabajador: {l_name}; NIE {NIE}; alta {l_date}"),
    ("es_ES", "Vive en {L_ADDR}, el portal verde al lado del bar"),
    ("es_ES", "Llámame al {L_MOBILE} a partir de las {time}"),
    ("es_ES", "{l_name} — {DNI} — {L_PHONE} — {L_IBAN}"),
    ("es_ES", "Dirección de envío:\n{L_ADDR_ML}"),
    # ----------------------------------------------------------------- it_IT
    ("it_IT", "Eccolo: {l_name}, nato il {L_DOB}, codice fiscale {CF}"),
    ("it_IT", "{l_last};{l_first};{CF};{L_PHONE}"),
    ("it_IT", "Abita in {L_ADDR}, citofono {l_last}"),
    ("it_IT", "per info chiamate il {L_PHONE} (ore pasti)"),
    ("it_IT", "ecco il mio C.F. {CF}, mi serve la ricetta entro domani"),
    ("it_IT", "IBAN per la caparra: {L_IBAN}"),
    ("it_IT", "Cordiali saluti\n{l_name}\nTel. {L_PHONE_EXT}"),
    # ----------------------------------------------------------------- pt_PT
    ("pt_PT", "Mora na {L_ADDR}, ao pé do café"),
    ("pt_PT", "liga-me para o {L_MOBILE} quando chegares"),
    ("pt_PT", "Dados para a transferência: {L_IBAN}"),
    ("pt_PT", "Morada de entrega:\n{L_ADDR_ML}\nTelefone: {L_PHONE}"),
    ("pt_PT", "data de nascimento {L_DOB} — email {L_EMAIL}"),
    # ----------------------------------------------------------------- pt_BR
    ("pt_BR", "CPF: {CPF}\nNascimento: {L_DOB}"),
    ("pt_BR", "manda o pix pro meu cpf {CPF} que eu te passo o endereço"),
    ("pt_BR", "ele mora na {L_ADDR}, pode ir lá cobrar"),
    ("pt_BR", "me chama no zap {L_MOBILE}"),
    ("pt_BR", "Vendo geladeira, retirar em:\n{L_ADDR_ML}\nTratar {L_PHONE}"),
    ("pt_BR", "{l_name};{CPF};{L_DOB};{L_PHONE}"),
    ("pt_BR", "cartão {I_CARD} validade {expiry}, usa pra pagar a conta"),
    # ----------------------------------------------------------------- pl_PL
    ("pl_PL", "Mieszka na {L_ADDR_PART}, drugie piętro, domofon nie działa"),
    ("pl_PL", "Zadzwoń: {L_MOBILE}"),
    ("pl_PL", "Numer konta do przelewu: {L_IBAN}"),
    ("pl_PL", "data urodzenia: {L_DOB}, adres zamieszkania: {L_ADDR}"),
    ("pl_PL", "Pozdrawiam\n{l_name}\ntel. {L_PHONE_EXT}"),
    ("pl_PL", "płaciłem kartą {I_CARD} i pobrali dwa razy, co robić"),
    # ----------------------------------------------------------------- cs_CZ
    ("cs_CZ", "Bydlí na adrese {L_ADDR}"),
    ("cs_CZ", "volejte na {L_PHONE}, jsem tam od {time}"),
    ("cs_CZ", "datum narození: {L_DOB}\ntrvalé bydliště:\n{L_ADDR_ML}"),
    ("cs_CZ", "Číslo účtu (IBAN): {L_IBAN}"),
    ("cs_CZ", "S pozdravem\n{l_name}\nTel.: {L_PHONE_EXT}\n{L_EMAIL}"),
    # ----------------------------------------------------------------- sv_SE
    ("sv_SE", "Han bor på {L_ADDR}, det gula huset"),
    ("sv_SE", "ring mig på {L_MOBILE} efter jobbet"),
    ("sv_SE", "född {L_DOB}, adress:\n{L_ADDR_ML}"),
    ("sv_SE", "Med vänliga hälsningar\n{l_name}\nTel {L_PHONE_EXT}"),
    ("sv_SE", "Betala hyran till IBAN {L_IBAN} senast den 25:e"),
    # ----------------------------------------------------------------- ja_JP
    ("ja_JP", "住所：{L_ADDR}\n電話：{L_PHONE}"),
    ("ja_JP", "こいつの住所{L_ADDR}だってさ。晒しとくわ"),
    ("ja_JP", "氏名 {l_name}　生年月日 {L_DOB}　携帯 {L_MOBILE}"),
    ("ja_JP", "JCBカード番号 {CARD_JCB} 有効期限 {expiry}"),
    ("ja_JP", "お問い合わせは{L_PHONE_EXT}まで"),
    ("ja_JP", "連絡先メール：{L_EMAIL}（平日のみ）"),
    # ----------------------------------------------------------------- zh_CN
    ("zh_CN", "他家住在{L_ADDR}，每天晚上七点回家"),
    ("zh_CN", "手机：{L_MOBILE}"),
    ("zh_CN", "姓名：{l_name}，出生日期：{L_DOB}"),
    ("zh_CN", "银联卡号 {CARD_UNIONPAY}，密码另发"),
    ("zh_CN", "收货人：{l_name}\n电话：{L_PHONE}\n地址：{L_ADDR}"),
    ("zh_CN", "办公电话{L_PHONE_EXT}，邮箱{L_EMAIL}"),
    # ----------------------------------------------------------------- es_MX
    ("es_MX", "Mi CURP es {CURP} por si la necesitas para el trámite"),
    ("es_MX", "{l_name} | {CURP} | {L_PHONE}"),
    ("es_MX", "CURP {CURP}\nFecha de nacimiento {L_DOB}\nCelular {L_MOBILE}"),
    ("es_MX", "Vive en {L_ADDR}, enfrente de la tiendita"),
    ("es_MX", "márcame al {L_MOBILE}"),
    ("es_MX", "fecha de nacimiento {L_DOB}, domicilio:\n{L_ADDR_ML}"),
    # ----------------------------------------------------------------- he_IL
    ("he_IL", "הוא גר ב{L_ADDR}"),
    ("he_IL", "תתקשרו אליו: {L_MOBILE}"),
    ("he_IL", "טלפון במשרד {L_PHONE_EXT}"),
]

# Records with no private data, only hard negatives: (locale, template).
NEGATIVE: list[tuple[str, str]] = [
    # ----------------------------------------------------------------- en_US
    ("en_US", "Release notes: build {l_ssnbuild} fixes the login loop; sha1 {hex}"),
    ("en_US", "rolled back to {l_ssnbuild} after the canary failed at {time}"),
    (
        "en_US",
        "your parcel for order {l_order} left the warehouse {l_date} (carrier ref {tracking})",
    ),
    ("en_US", "ISBN {l_isbn}, paperback, {l_price}, ships in {l_n} days"),
    ("en_US", "the trailhead is at roughly {l_lat} latitude, {l_km} past the lodge"),
    # ----------------------------------------------------------------- en_GB
    ("en_GB", "Invoice {l_idlike} - VAT included, payment due {l_date}"),
    ("en_GB", "Royal Mail: parcel {l_parcel} is out for delivery today"),
    # ----------------------------------------------------------------- en_CA
    ("en_CA", "Booking ref {l_idlike}, check-in {l_date}, total {l_price}"),
    ("en_CA", "Interac e-Transfer of {l_price} deposited, reference CA{digits8}"),
    # ----------------------------------------------------------------- en_AU
    ("en_AU", "ABN {l_abn} - {company} Pty Ltd, registered for GST since {l_year}"),
    ("en_AU", "Parcel {l_parcel} is being held at the post office until {l_date}"),
    # ----------------------------------------------------------------- en_IN
    ("en_IN", "UPI Ref No. {l_upi} - {l_price} paid to {company}"),
    ("en_IN", "PNR {digits10}, train departs {l_date} at {time}, coach B{l_n}"),
    ("en_IN", "Invoice no {l_grouped12} dated {l_date}, GST extra"),
    # ----------------------------------------------------------------- fr_FR
    ("fr_FR", "Commande n° {l_order} expédiée le {l_date}, suivi {l_parcel}"),
    ("fr_FR", "Facture {l_idlike} — montant {l_price}, échéance le {l_date}"),
    ("fr_FR", "Lyon se trouve vers {l_lat} de latitude nord, à {l_km} de Paris"),
    # ----------------------------------------------------------------- de_DE
    ("de_DE", "Rechnungsnummer {l_idlike}, fällig am {l_date}, Betrag {l_price}"),
    ("de_DE", "Bestellnummer {l_order} – Sendungsverfolgung {l_parcel}"),
    ("de_DE", "Version {version4} behebt den Absturz beim Start (Build {l_ssnbuild})"),
    # ----------------------------------------------------------------- nl_NL
    ("nl_NL", "Bestelnummer {l_order}, bezorging op {l_date} tussen {time} en {time}"),
    ("nl_NL", "Postcode {l_postcode} valt onder de gemeente {l_city}, zie {l_street}"),
    # ----------------------------------------------------------------- es_ES
    ("es_ES", "Pedido {l_order} entregado el {l_date}; importe {l_price}"),
    ("es_ES", "Factura n.º {l_idlike} con vencimiento {l_date}"),
    # ----------------------------------------------------------------- it_IT
    ("it_IT", "Ordine n. {l_order} spedito il {l_date}, tracking {l_parcel}"),
    ("it_IT", "Fattura n. {l_idlike} del {l_date}, totale {l_price}"),
    # ----------------------------------------------------------------- pt_PT
    ("pt_PT", "Encomenda {l_order} enviada a {l_date}, portes {l_price}"),
    ("pt_PT", "ISBN {l_isbn}, edição de {l_year}, {l_price}"),
    # ----------------------------------------------------------------- pt_BR
    ("pt_BR", "Pedido nº {l_order}, nota fiscal {l_idlike}, entrega até {l_date}"),
    ("pt_BR", "Código de rastreio {l_parcel}, objeto postado em {l_date}"),
    # ----------------------------------------------------------------- pl_PL
    ("pl_PL", "Zamówienie nr {l_order} zostało wysłane {l_date}"),
    ("pl_PL", "Faktura VAT nr {l_idlike}, termin płatności {l_date}, kwota {l_price}"),
    # ----------------------------------------------------------------- cs_CZ
    ("cs_CZ", "Objednávka č. {l_order} byla odeslána {l_date}, cena {l_price}"),
    ("cs_CZ", "Verze {version4}, sestavení {l_ssnbuild}, vydáno {l_date}"),
    # ----------------------------------------------------------------- sv_SE
    ("sv_SE", "Ordernummer {l_order}, leverans {l_date}, totalt {l_price}"),
    ("sv_SE", "Umeå ligger ungefär på {l_lat} nordlig bredd, {l_km} från kusten"),
    # ----------------------------------------------------------------- ja_JP
    ("ja_JP", "注文番号 {l_order}　お届け予定日 {l_date}"),
    ("ja_JP", "お問い合わせ伝票番号 {l_grouped12}"),
    ("ja_JP", "価格 {l_price}（税込）、ISBN {l_isbn}"),
    # ----------------------------------------------------------------- zh_CN
    ("zh_CN", "订单号 {l_order}，预计{l_date}送达，运单号 {l_parcel}"),
    ("zh_CN", "版本 {version4}，构建号 {l_ssnbuild}"),
    # ----------------------------------------------------------------- es_MX
    ("es_MX", "Folio {l_order}, pago de {l_price} recibido el {l_date}"),
    ("es_MX", "Factura {l_idlike}, vence el {l_date}"),
    # ----------------------------------------------------------------- he_IL
    ("he_IL", "מספר הזמנה {l_order}, משלוח עד {l_date}"),
]
