"""Word lists for street addresses: street types, units, states, provinces, postcodes.

Street types are the USPS Publication 28 (C1) suffixes with their standard abbreviations, plus the
British and Canadian ones. Common types ("Street", "Ave") are scored higher than rare ones
("Mission", "Union") because the rare ones are also ordinary words.
"""

from __future__ import annotations

COMMON_TYPES = frozenset(
    """
    street st str avenue ave av road rd drive dr lane ln boulevard blvd court ct place pl way
    terrace ter terr circle cir parkway pkwy highway hwy trail trl square sq crescent cres
    close gardens gdns grove gr mews row walk plaza plz loop path pike alley aly
    expressway expy freeway fwy turnpike tpke causeway cswy route rte
    """.split()
)
RARE_TYPES = (
    frozenset(
        """
    annex anx arcade arc bayou byu beach bch bend bnd bluff blf bluffs blfs bottom btm branch br
    bridge brg brook brk brooks brks burg bg burgs bgs bypass byp camp cp canyon cyn cape cpe
    center ctr centre centers ctrs circles cirs cliff clf cliffs clfs club clb common cmn commons
    corner cor corners cors course crse courts cts cove cv coves cvs creek crk crest crst
    crossing xing crossroad xrd curve curv dale dl dam dm divide dv drives drs estate est
    estates ests extension ext extensions exts fall falls fls ferry fry field fld fields flds
    flat flt flats flts ford frd fords frds forest frst forge frg forges frgs fork frk forks
    frks fort ft garden gdn gateway gtwy glen gln glens glns green grn greens grns groves grvs
    harbor hbr harbors hbrs haven hvn heights hts hill hl hills hls hollow holw inlet inlt
    island islands isle junction jct junctions jcts key ky keys kys knoll knl knolls
    knls lake lk lakes lks land landing lndg light lgt lights lgts loaf lf lock lck locks lcks
    lodge ldg mall manor mnr manors mnrs meadow mdw meadows mdws mill ml mills mls mission msn
    motorway mtwy mount mt mountain mtn mountains mtns neck nck orchard orch oval overpass opas
    park prk parks parkways pass passage psge pine pne pines pnes plain pln plains plns point
    pt points pts port prt ports prts prairie pr radial radl ramp ranch rnch rapid rpd rapids
    rpds rest rst ridge rdg ridges rdgs river riv roads rds rue run shoal shl shoals shls shore
    shr shores shrs skyway skwy spring spg springs spgs spur spurs squares sqs station sta
    stravenue stra stream strm streets sts summit smt throughway trwy trace trce track trak
    trafficway trfy tunnel tunl underpass upas union unions valley vly valleys vlys via
    viaduct vdct view vw views vws village vlg villages vlgs ville vl vista vis walks wall ways
    well wl wells wls hill rise vale wharf yard quay gate parade embankment esplanade broadway
    circuit cct tce pde marg nagar
    """.split()
    )
    - COMMON_TYPES
)
STREET_TYPES = COMMON_TYPES | RARE_TYPES
# Left out on purpose: USPS's "IS"/"ISS" (Island, Islands) and "UN"/"UNS" (Union, Unions). As
# words they are "is" and "un", in nearly every English and French sentence, so "1 social is"
# would read as a street; the spelled-out types stay.
# Street types that are whole words: a full stop after them ends the sentence ("lives at 12
# Sunset Lane."), while after an abbreviation ("Oak Ridge Dr.") it belongs to the address.
WHOLE_WORD_TYPES = frozenset(t for t in STREET_TYPES if len(t) > 4) | frozenset(
    """
    bend burg camp cape club cove dale dam fall flat ford fork fort gate glen hill isle key keys
    lake land lane loaf lock loop mall mews mill neck oval park pass path pike pine port quay
    ramp rest rise road row rue run spur vale via view walk wall way ways well yard
    """.split()
)

DIRECTIONS = frozenset(
    "n s e w ne nw se sw north south east west northeast northwest southeast southwest".split()
)
UNIT_WORDS = (
    "apartment",
    "apt",
    "suite",
    "ste",
    "unit",
    "room",
    "rm",
    "floor",
    "fl",
    "building",
    "bldg",
    "lot",
    "trailer",
    "trlr",
    "flat",
    "studio",
    "department",
    "dept",
    "space",
    "spc",
    "#",
)

US_STATES = frozenset(
    """
    AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS FM GU MH MP PW PR VI AA AE AP
    """.split()
)
US_STATE_NAMES = (
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "district of columbia",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "puerto rico",
    "guam",
)
CA_PROVINCES = frozenset("AB BC MB NB NL NS NT NU ON PE QC SK YT".split())
CA_PROVINCE_NAMES = (
    "alberta",
    "british columbia",
    "manitoba",
    "new brunswick",
    "newfoundland and labrador",
    "newfoundland",
    "nova scotia",
    "northwest territories",
    "nunavut",
    "ontario",
    "prince edward island",
    "quebec",
    "québec",
    "saskatchewan",
    "yukon",
)

# Words that never belong to a street name: they mark prose ("3 of the Lakes").
NOT_NAME_WORDS = (
    frozenset(
        """
    a an and or the of in on at to for from with by is was are were be been my his her our
    their your its this that these those it he she we they i you me us them than then but if
    as so not no yes per about over under into out up down off all any some more most less
    people years year times time days day hours minutes percent points point dollars miles
    votes goals games wins runs kids dogs cats cars men women
    """.split()
    )
    - STREET_TYPES
)
