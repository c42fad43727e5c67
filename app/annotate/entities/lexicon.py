"""Word lists the entity steps consult: evidence for a kind, never a decision by itself."""

from __future__ import annotations

from app.annotate.names import words

ORG_HEADS = words(
    """gmbh ag sa nv bv spa srl llp lp limited brewery winery
    agency ministry department university institute institution command council committee
    commission corporation corp company co inc ltd llc plc group bank association party
    court forum foundation authority office service services board academy college school
    hospital police force forces army navy bureau union federation organisation organization
    industries technologies systems airlines airways motors holdings partners society centre
    center league club network trust fund laboratory laboratories lab labs studios
    enterprises parliament congress senate assembly diet cabinet secretariat directorate
    administration commissariat tribunal inquiry coalition alliance movement front church
    mission clinic institutes universities ministries guild
    energy petroleum mining pharmaceuticals pharma telecom telecoms communications
    entertainment foods capital securities insurance investments properties logistics
    electronics collective cooperative co-operative consortium unit units division railway
    railways railroad transit health records pictures films"""
)
# Head nouns that end a newspaper's name ("The Chronicle Herald"), not other names (unlike
# "Times", "Star", "Mail"); a name alone ("the Herald") stays one, unlike "the Council".
PAPER_HEADS = words(
    """herald gazette tribune chronicle journal telegraph inquirer enquirer sentinel
    dispatch advertiser courant gleaner shimbun"""
)


# "St.", "Ste.", "Saint" before a name: a place's, a church's or a school's, no one's.
SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste.", "sainte"})


# The legal form that ends a company's registered name ("Norland Foods Inc.").
LEGAL_SUFFIXES = words("inc corp ltd co llc plc limited gmbh")


# Head nouns that end a company's own name ("Cairn Energy" is Cairn), unlike those that name
# an institution of its own after something ("the Ford Foundation" is not Ford).
COMPANY_SUFFIXES = words(
    """gmbh ag sa nv bv spa srl llp lp limited inc ltd llc plc corp corporation co company
    group holdings industries technologies systems airlines airways motors enterprises
    bank energy petroleum mining pharmaceuticals pharma telecom telecoms communications
    entertainment foods capital securities insurance investments properties logistics
    electronics partners"""
)


NON_ORG_HEADS = words(
    """strategy act law bill treaty agreement accord constitution charter declaration report
    plan doctrine protocol resolution code summit games olympics cup trophy open
    document documents championship
    championships talks war election elections festival award awards prize missile missiles
    system region area island islands sea ocean river street road avenue square station
    airport bridge park day week month year budget index initiative program programme
    project scheme framework policy show exhibition expo tournament marathon marathons prix
    ave ave. st. rd rd. blvd blvd. hwy"""
)


PRODUCT_NOUNS = words(
    """missile missiles system systems rocket rockets jet jets fighter fighters aircraft plane
    planes helicopter helicopters tank tanks drone drones rifle rifles gun guns launcher
    launchers interceptor interceptors battery batteries vehicle vehicles car cars phone
    phones smartphone device devices app software console vaccine vaccines drug drugs pill
    tablet laptop chip chips engine engines handset handsets camera cameras browser
    whisky whiskey vodka rum gin brandy beer lager wine champagne cider cola"""
)


PLACE_METONYMS = words(
    """washington tokyo beijing moscow london paris brussels pyongyang seoul taipei ottawa
    canberra delhi berlin kyiv kiev tehran jerusalem ankara manila rome madrid hanoi bangkok
    jakarta islamabad kabul baghdad damascus cairo riyadh doha beirut havana caracas
    brasilia nairobi pretoria prc dprk rok usa us uk west"""
)


# Family nouns before a name ("her sister X", "widow X"): family are people.
KIN_NOUNS = words(
    """wife husband son daughter sister brother mother father widow widower cousin uncle aunt
    nephew niece grandson granddaughter grandmother grandfather girlfriend boyfriend fiance
    fiancee stepson stepdaughter"""
)
CHILD_NOUNS = words("girl boy child kid twin baby")  # whose names are people's, as kin's are
ORG_DESCRIPTORS = words(
    """company companies firm firms contractor contractors maker makers manufacturer
    bookmaker bookmakers
    manufacturers giant giants group groups retailer retailers bank banks carrier carriers
    airline airlines broadcaster broadcasters publisher publishers insurer insurers brand
    brands startup start-up developer developers supplier suppliers operator operators
    agency agencies newspaper newspapers network networks chain chains club clubs team teams
    lender lenders automaker automakers outlet outlets organization organisation band bands
    duo trio quartet orchestra choir label labels brewer brewers distiller carmaker
    carmakers winemaker drugmaker chipmaker wholesaler distributor conglomerate"""
)


GIVEN_NAMES_M = words(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas doug zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip phil louis bill jim tom mike
    dave steve chris dan matt tony ben sam rob bob ted ian neil craig graham colin malcolm
    nigel trevor stuart derek barry gordon murray hamish ross liam connor owen luke lucas
    leo max oliver harry charlie jake alex justin pierre jean francois jacques michel andre
    luc marc mohammed mohammad muhammad ahmed ali omar hassan hussein ibrahim yusuf abdul
    rahm hiroshi takeshi kenji satoru akira xi li wang vladimir sergei dmitri ivan boris
    emmanuel"""
)
# Given names that both sexes bear in English-language news: a person, but no gender.
UNISEX_NAMES = words("jordan alex sam terry casey robin jamie taylor morgan")


GIVEN_NAMES_F = words(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
    betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
    ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise
    amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
    marie kayla alexis lori jody jodie chrystia kathleen caroline claire fiona alison alyson
    allison jane jenny kate katie kathy cathy sue liz beth meg molly nadia yuni yoko theresa
    hillary melania nancy elena olga natasha tatiana svetlana anne sophie isabelle chloe zoe
    lucy ellie mia ava leah erin cindy wendy tina tanya sheila moyra dorie fouzia megan
    darian"""
)


ROLE_AFTER_ORG = words(
    """manager coach boss chief chairman chairwoman president ceo spokesman spokeswoman
    spokesperson striker captain owner director executive head founder analyst economist
    goalkeeper midfielder defender forward winger frontman frontwoman guitarist drummer
    bassist keyboardist"""
)


NOT_PERSON_LAST = words(
    """square station bay street avenue road boulevard lane bridge harbour harbor island
    islands mountain lake river valley county township district centre center mall arena
    stadium field plaza hat falls heights invitational open classic championship tournament
    trophy series marathon foto photo photos images pictures story ave ave. st. rd rd. blvd
    blvd. hwy place crescent drive terrace parkway highway house plains springs rapids
    narrows"""
)


LEGISLATURES = words("diet parliament congress senate assembly cabinet knesset duma bundestag")


ROLE_LIKE = words("press relations affairs media news staff")


PARTY_WORDS = words(
    """liberal liberals conservative conservatives tory tories democrat democrats democratic
    republican republicans labour green greens ndp socialist independent lib dem dems"""
)


# Titles that make a person of the name after them (a peer's too: "Lord Browne").
HONORIFICS = words("""mr mrs ms miss mx mister dr sir dame madam lord lady baroness baron""")
# A peer's title takes a place's name as often as a surname ("Lord Liverpool"): a person in
# its article, but no evidence about what the same word names elsewhere.
PEER_TITLES = words("""lord lady baroness baron""")


CONNECT = frozenset({"of", "and", "for", "on", "the", "&", "de", "du", "des", "in"})


INNER_TITLES = words(
    "ceo cfo coo cto chairman chairwoman founder president minister secretary spokesman "
    "spokeswoman spokesperson"
)


AGENCIES = ("Canadian Press", "Associated Press", "Getty Images", "Press Association")


# Political families: the words party names are made of ("Liberal Democrats", "Tories").
PARTY_FAMILIES = words(
    """liberal conservative tory democrat republican labour green socialist communist
    nationalist unionist ndp"""
)
# Other forms of a family word.
PARTY_FORMS = {
    "tories": "tory",
    "democratic": "democrat",
    "democrats": "democrat",
    "republicans": "republican",
    "liberals": "liberal",
    "conservatives": "conservative",
    "greens": "green",
    "socialists": "socialist",
    "communists": "communist",
    "nationalists": "nationalist",
    "unionists": "unionist",
}
# The plural that names a family's party ("the Tories", "the Liberal Democrats").
PARTY_MEMBERS = {
    "tory": "Tories",
    "democrat": "Democrats",
    "republican": "Republicans",
    "liberal": "Liberals",
    "conservative": "Conservatives",
    "green": "Greens",
    "socialist": "Socialists",
    "communist": "Communists",
    "nationalist": "Nationalists",
    "unionist": "Unionists",
    "ndp": "NDP",
}

# Nouns after a name that make the name a work ("the X films", "X author Y", "X star Y").
WORK_NOUNS = words(
    """film films movie movies book books novel novels series sequel sequels franchise
    musical soundtrack trilogy saga episode episodes author star stars director creator
    actor actress cast premiere game games"""
)
# Nouns after a name that make the name a product ("the X console", "X sales").
PRODUCT_AFTER = words(
    """console consoles player players handset handsets sales users owners version
    versions model models"""
)
# Nouns after a name for the place it names: "the new Ashgrove stadium" (a venue, not the
# company that builds it).
VENUE_AFTER = words("stadium stadiums arena airport racecourse ballpark velodrome ground")
# Seats and posts a party's member holds, between the party's name and theirs ("Bloc
# Québécois MP Jo Roe"): the name before them is a party, never a person.
LEGISLATOR_AFTER = words("mp mps mpp mpps mla mlas mna mnas mep meps msp msps candidate critic")
# Last words of sports clubs named after their town ("Manchester United", "Bristol Rovers"),
# and of those, the ones that are no one's surname: a club's even after a given name
# ("Florence Athletic").
CLUB_ONLY_HEADS = words("united rovers athletic wanderers albion hotspur fc afc argyle olympique")
CLUB_HEADS = CLUB_ONLY_HEADS | words("city rangers county town orient")
# First words of clubs' names abroad ("FC Porto", "Deportivo X", "Olympique X").
CLUB_FIRST_WORDS = words(
    """fc afc ac as sc sv vfb vfl real deportivo sporting atletico atlético dynamo dinamo
    olympique racing borussia lokomotiv spartak sparta"""
)
# Nouns before a name that make it a work ("the film X", "drama X").
WORK_DESCRIPTORS = words(
    """film movie drama comedy thriller documentary novel book cookbook memoir album
    single song show series play musical sitcom soap"""
)
# Works named in lists ("films like X", "games such as Y"), by lemma.
WORK_PLURALS = words("film movie book novel game show series album blockbuster hit")
# Lower-case words inside names ("Erik ten Hag", "Ursula von der Leyen").
NAME_PARTICLES = words("ten ter van von der den de da di do le la bin ibn al del della dos das du")
# Number words that begin names of groups and titles, never a person's name.
NUMBER_WORDS = words("two three four five six seven eight nine ten twelve hundred thousand")
# Nouns after a name that make the name a place or a market index, never someone's name
# ("the X volcano", "X district", "the X index").
PLACE_AFTER = words(
    """volcano volcanoes island islands peninsula mountain mountains river lake bay beach
    coast district province region county valley desert strait canal reef glacier
    village town city suburb neighbourhood neighborhood highway motorway index"""
)
# Nouns compounded with a name that make it an organisation ("the X cybersecurity unit").
ORG_AFTER = words(
    """unit division subsidiary firm company brand label band group agency studio network
    chain bank carrier airline retailer publisher broadcaster shares stock shareholders"""
)
# What is held in a company: "shares in X", "a stake in X", "shareholders of X".
HOLDING_NOUNS = words("""share stake stock shareholder stockholder""")
# People's nouns that take an employer after "at" ("a researcher at X").
STAFF_NOUNS = words(
    """researcher analyst economist scientist professor lecturer student teacher engineer
    lawyer partner employee worker staffer reporter correspondent editor producer
    strategist fellow investigator expert specialist consultant"""
)
# Verbs of a market figure moving ("X rose 0.3 per cent to 26,902"), by lemma.
MARKET_VERBS = words(
    """rise fall gain add lose drop climb slip jump edge pick dip decline advance tumble
    surge slide sink close ease shed"""
)
# Letters after a person's name ("Philippe Sands QC"): no part of it, and a sign of a person.
POST_NOMINALS = frozenset({"QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS", "PHD"})
