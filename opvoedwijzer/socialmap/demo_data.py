"""Demo social map for Zuid-Limburg: organisations, locations and services around Sint-Truiden.

Realistic but partly fictional demo data for the demo organisation "Opvoedingswinkel Zuid-Limburg".
National helplines carry their real public numbers and websites; local addresses, phone numbers
("011 .. .. ..") and Sociale Kaart identifiers are fictional. E-mail addresses are organisational
placeholders on example.org. Contacts are functions or teams, never persons.

Municipalities (NIS): 71053 Sint-Truiden, 71017 Gingelom, 71045 Nieuwerkerken, 73022 Heers,
73001 Alken, 73098 Wellen, 73111 Tongeren-Borgloon, 24130 Zoutleeuw, 24133 Linter.
A service's "municipalities" is "all" (these nine) or a list of NIS codes.
"""

NIS_CODES = ["71053", "71017", "71045", "73022", "73001", "73098", "73111", "24130", "24133"]
LIMBURG = ["71053", "71017", "71045", "73022", "73001", "73098", "73111"]

WEEKDAYS = "MO,TU,WE,TH,FR"

MAP = [
    # ------------------------------------------------------------------ CAW Limburg
    {
        "name": "CAW Limburg",
        "alternate_name": "Centrum Algemeen Welzijnswerk",
        "description": (
            "Het CAW helpt iedereen met vragen of problemen over welzijn: relaties, geld, wonen, "
            "geweld, scheiding of gewoon als je het even niet meer ziet zitten."
        ),
        "website": "https://www.caw.be",
        "email": "onthaal.sint-truiden@example.org",
        "partnership": "structural",
        "sociale_kaart_id": "104217",
        "locations": [
            {
                "key": "caw-sint-truiden",
                "name": "CAW Limburg – Sint-Truiden",
                "address": "Stapelstraat 5",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8172,
                "longitude": 5.1838,
                "transportation": "Op 5 minuten wandelen van de Grote Markt. Bushaltes van De Lijn vlakbij.",
                "accessibility": "Rolstoeltoegankelijk, gesprekslokaal op het gelijkvloers.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "09:00", "closes": "12:30"},
                    {"days": "MO,TU,TH", "opens": "13:30", "closes": "17:00"},
                ],
            },
            {
                "key": "jac-sint-truiden",
                "name": "JAC Sint-Truiden",
                "address": "Minderbroedersstraat 12",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8159,
                "longitude": 5.1879,
                "transportation": "Vlakbij het centrum, 10 minuten wandelen van het station.",
                "accessibility": "Gelijkvloers toegankelijk.",
                "schedules": [
                    {"days": "MO,WE,FR", "opens": "13:00", "closes": "18:00"},
                    {"days": "WE", "opens": "10:00", "closes": "12:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Onthaal",
                "description": (
                    "Je kan bij het onthaal terecht met elke vraag over welzijn: geldzorgen, problemen "
                    "thuis, wonen, relaties of papieren. Een hulpverlener luistert, zoekt samen met jou "
                    "naar een oplossing en verwijst door als dat nodig is."
                ),
                "themes": ["parent_wellbeing", "poverty", "where_to_go", "parent_conflict"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en"],
                "municipalities": "all",
                "locations": ["caw-sint-truiden"],
                "phone": "011 70 41 20",
                "email": "onthaal.sint-truiden@example.org",
                "url": "https://www.caw.be",
                "application_process": "Kom langs tijdens de openingsuren, bel of chat via de website.",
                "fees": "Gratis",
                "eligibility": "Iedereen, ook anoniem.",
                "schedules": [],
                "contact": "Onthaal",
            },
            {
                "name": "Relatie- en scheidingsbemiddeling",
                "description": (
                    "Begeleiding voor koppels met relatieproblemen en voor ouders die uit elkaar gaan. "
                    "Een bemiddelaar helpt jullie afspraken maken over de kinderen, het verblijf en geld, "
                    "met aandacht voor wat de kinderen nodig hebben."
                ),
                "themes": ["divorce", "co_parenting", "parent_conflict", "blended_family"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr"],
                "municipalities": "all",
                "locations": ["caw-sint-truiden"],
                "phone": "011 70 41 20",
                "email": "",
                "url": "https://www.caw.be",
                "application_process": "Aanmelden via het onthaal. Je krijgt een eerste gesprek op afspraak.",
                "fees": "Gratis",
                "eligibility": "Koppels en (ex-)partners met kinderen.",
                "schedules": [],
                "contact": "Team relatie en scheiding",
            },
            {
                "name": "Hulp bij geweld in het gezin",
                "description": (
                    "Ondersteuning bij partnergeweld en intrafamiliaal geweld, voor slachtoffers, "
                    "plegers en kinderen die het meemaken. Samen wordt gekeken hoe de situatie "
                    "veiliger kan worden."
                ),
                "themes": ["domestic_violence", "child_abuse", "parent_conflict"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en"],
                "municipalities": "all",
                "locations": ["caw-sint-truiden"],
                "phone": "011 70 41 20",
                "email": "",
                "url": "https://www.caw.be",
                "application_process": ("Bel het onthaal of kom langs. In noodsituaties: bel 112 of 1712."),
                "fees": "Gratis",
                "eligibility": "",
                "schedules": [],
                "contact": "Onthaal",
            },
            {
                "name": "Jongerenonthaal JAC",
                "description": (
                    "Het JAC is er voor jongeren tussen 12 en 25 jaar met vragen over thuis, school, "
                    "vrienden, liefde, geld of (cyber)pesten. Je kan anoniem langskomen, bellen of chatten."
                ),
                "themes": ["puberty", "relationships", "bullying", "social_media", "low_mood", "going_out"],
                "life_stages": ["teen", "young_adult"],
                "min_months": 144,
                "max_months": 300,
                "languages": ["nl", "en"],
                "municipalities": "all",
                "locations": ["jac-sint-truiden"],
                "phone": "011 70 41 30",
                "email": "jac.sint-truiden@example.org",
                "url": "https://www.caw.be/jac",
                "application_process": "Zonder afspraak tijdens de openingsuren, of via chat op de website.",
                "fees": "Gratis",
                "eligibility": "Jongeren van 12 tot 25 jaar.",
                "schedules": [],
                "contact": "JAC-onthaal",
            },
        ],
    },
    # ------------------------------------------------------------------ GO! CLB
    {
        "name": "GO! CLB Zuid-Limburg",
        "alternate_name": "Centrum voor Leerlingenbegeleiding",
        "description": (
            "Het CLB begeleidt leerlingen van scholen van het GO! bij leren, studiekeuze, gezondheid "
            "en welbevinden op school."
        ),
        "website": "https://example.org/go-clb-zuid-limburg",
        "email": "onthaal.goclb@example.org",
        "partnership": "structural",
        "sociale_kaart_id": "118603",
        "locations": [
            {
                "key": "goclb-sint-truiden",
                "name": "GO! CLB – vestiging Sint-Truiden",
                "address": "Tongersesteenweg 28",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8146,
                "longitude": 5.1948,
                "transportation": "Bus tot halte Tongersepoort.",
                "accessibility": "Rolstoeltoegankelijk, lift aanwezig.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "08:30", "closes": "12:00"},
                    {"days": WEEKDAYS, "opens": "13:00", "closes": "16:30"},
                ],
            },
        ],
        "services": [
            {
                "name": "Leerlingenbegeleiding",
                "description": (
                    "Ouders, leerlingen en leerkrachten kunnen bij het CLB terecht met vragen over "
                    "leren, gedrag, welbevinden en gezondheid. De CLB-medewerker denkt mee en werkt "
                    "samen met de school."
                ),
                "themes": ["learning_difficulties", "homework", "emotions", "restlessness", "health"],
                "life_stages": ["preschool", "primary", "teen"],
                "min_months": 30,
                "max_months": 216,
                "languages": ["nl", "fr"],
                "municipalities": LIMBURG,
                "locations": ["goclb-sint-truiden"],
                "phone": "011 68 23 40",
                "email": "onthaal.goclb@example.org",
                "url": "https://example.org/go-clb-zuid-limburg",
                "application_process": "Neem contact op met het CLB-onthaal of vraag het via de school.",
                "fees": "Gratis",
                "eligibility": "Leerlingen van GO!-scholen in de regio en hun ouders.",
                "schedules": [],
                "contact": "CLB-onthaal",
            },
            {
                "name": "Aanpak van pesten op school",
                "description": (
                    "Het CLB helpt kinderen en jongeren die gepest worden of zelf pesten, samen met hun "
                    "ouders en de school. Er wordt gewerkt met een gesprek met het kind, overleg met de "
                    "school en waar nodig een groepsaanpak in de klas (zoals de No Blame-methode)."
                ),
                "themes": ["bullying", "self_esteem", "emotions"],
                "life_stages": ["primary", "teen"],
                "min_months": 72,
                "max_months": 216,
                "languages": ["nl", "fr"],
                "municipalities": LIMBURG,
                "locations": ["goclb-sint-truiden"],
                "phone": "011 68 23 40",
                "email": "",
                "url": "https://example.org/go-clb-zuid-limburg/pesten",
                "application_process": "Bel of mail het CLB-onthaal, of vraag het aan de zorgcoördinator.",
                "fees": "Gratis",
                "eligibility": "Leerlingen van GO!-scholen, hun ouders en leerkrachten.",
                "schedules": [],
                "contact": "CLB-onthaal",
            },
            {
                "name": "Hulp bij school- en studiekeuze",
                "description": (
                    "Begeleiding bij de overstap van kleuter- naar lagere school, van lagere naar "
                    "secundaire school en bij de keuze van een studierichting."
                ),
                "themes": ["school_transition", "learning_difficulties"],
                "life_stages": ["preschool", "primary", "teen"],
                "min_months": 60,
                "max_months": 216,
                "languages": ["nl"],
                "municipalities": LIMBURG,
                "locations": ["goclb-sint-truiden"],
                "phone": "011 68 23 40",
                "email": "",
                "url": "https://www.onderwijskiezer.be",
                "application_process": "Maak een afspraak via het CLB-onthaal.",
                "fees": "Gratis",
                "eligibility": "",
                "schedules": [],
                "contact": "CLB-onthaal",
            },
        ],
    },
    # ------------------------------------------------------------------ Vrij CLB Limburg
    {
        "name": "Vrij CLB Limburg",
        "alternate_name": "VCLB Limburg",
        "description": (
            "Het Vrij CLB begeleidt leerlingen van het katholiek onderwijs in Limburg bij leren, "
            "welbevinden, gezondheid en studiekeuze."
        ),
        "website": "https://example.org/vrij-clb-limburg",
        "email": "sint-truiden.vclb@example.org",
        "partnership": "structural",
        "sociale_kaart_id": "118644",
        "locations": [
            {
                "key": "vclb-sint-truiden",
                "name": "Vrij CLB Limburg – Sint-Truiden",
                "address": "Naamsesteenweg 61",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8088,
                "longitude": 5.1841,
                "transportation": "Gratis parking achter het gebouw. Bushalte op 200 m.",
                "accessibility": "Rolstoeltoegankelijk.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "08:30", "closes": "12:00"},
                    {"days": "MO,TU,WE,TH", "opens": "13:00", "closes": "17:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Onderzoek en begeleiding bij leerproblemen",
                "description": (
                    "Als je kind moeilijk leert lezen, schrijven of rekenen, onderzoekt het CLB samen met "
                    "de school wat er aan de hand is, bijvoorbeeld dyslexie of dyscalculie. Je krijgt "
                    "advies over hulp op school en daarbuiten."
                ),
                "themes": ["learning_difficulties", "language", "homework"],
                "life_stages": ["preschool", "primary", "teen"],
                "min_months": 48,
                "max_months": 216,
                "languages": ["nl"],
                "municipalities": LIMBURG,
                "locations": ["vclb-sint-truiden"],
                "phone": "011 69 52 10",
                "email": "sint-truiden.vclb@example.org",
                "url": "https://example.org/vrij-clb-limburg",
                "application_process": "Aanmelden via de school of rechtstreeks bij het CLB-onthaal.",
                "fees": "Gratis",
                "eligibility": "Leerlingen van katholieke scholen en hun ouders.",
                "schedules": [],
                "contact": "CLB-onthaal",
            },
            {
                "name": "Luisterend oor bij pesten en welbevinden",
                "description": (
                    "Voelt je kind zich niet goed op school, wordt het gepest of buitengesloten? "
                    "De CLB-medewerker praat met je kind en met jou en zoekt samen met de school naar "
                    "een aanpak."
                ),
                "themes": ["bullying", "emotions", "anxiety", "self_esteem"],
                "life_stages": ["primary", "teen"],
                "min_months": 72,
                "max_months": 216,
                "languages": ["nl", "fr"],
                "municipalities": LIMBURG,
                "locations": ["vclb-sint-truiden"],
                "phone": "011 69 52 10",
                "email": "",
                "url": "https://example.org/vrij-clb-limburg",
                "application_process": "Bel of mail het CLB. Jongeren kunnen ook zelf chatten of langskomen.",
                "fees": "Gratis",
                "eligibility": "Leerlingen van katholieke scholen en hun ouders.",
                "schedules": [],
                "contact": "CLB-onthaal",
            },
            {
                "name": "Preventieve gezondheidszorg en vaccinaties",
                "description": (
                    "Het CLB doet op vaste momenten een medisch onderzoek op school en biedt gratis "
                    "vaccinaties aan volgens het Vlaamse vaccinatieschema."
                ),
                "themes": ["health"],
                "life_stages": ["preschool", "primary", "teen"],
                "min_months": 36,
                "max_months": 216,
                "languages": ["nl"],
                "municipalities": LIMBURG,
                "locations": ["vclb-sint-truiden"],
                "phone": "011 69 52 10",
                "email": "",
                "url": "https://example.org/vrij-clb-limburg",
                "application_process": "Je krijgt een uitnodiging via de school.",
                "fees": "Gratis",
                "eligibility": "",
                "schedules": [],
                "contact": "Team preventieve gezondheidszorg",
            },
        ],
    },
    # ------------------------------------------------------------------ Kind en Gezin
    {
        "name": "Kind en Gezin",
        "alternate_name": "Opgroeien",
        "description": (
            "Kind en Gezin (agentschap Opgroeien) volgt de gezondheid en ontwikkeling van jonge "
            "kinderen op en ondersteunt (aanstaande) ouders."
        ),
        "website": "https://www.kindengezin.be",
        "email": "",
        "partnership": "structural",
        "sociale_kaart_id": "100512",
        "locations": [
            {
                "key": "kg-consultatiebureau-sint-truiden",
                "name": "Consultatiebureau Sint-Truiden",
                "address": "Kazernestraat 9",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8191,
                "longitude": 5.1904,
                "transportation": "Parking aan de Kazernestraat. Bus tot het station.",
                "accessibility": "Rolstoeltoegankelijk, plaats voor kinderwagens.",
                "schedules": [
                    {"days": "TU,TH", "opens": "09:00", "closes": "12:00"},
                    {"days": "WE", "opens": "13:30", "closes": "17:30"},
                ],
            },
            {
                "key": "kg-consultatiebureau-gingelom",
                "name": "Consultatiebureau Gingelom",
                "address": "Kerkplein 3",
                "postal_code": "3890",
                "city": "Gingelom",
                "nis": "71017",
                "latitude": 50.7478,
                "longitude": 5.1339,
                "transportation": "",
                "accessibility": "Gelijkvloers, plaats voor kinderwagens.",
                "schedules": [
                    {"days": "MO", "opens": "13:30", "closes": "16:30"},
                ],
            },
            {
                "key": "kg-consultatiebureau-zoutleeuw",
                "name": "Consultatiebureau Zoutleeuw",
                "address": "Grote Markt 11",
                "postal_code": "3440",
                "city": "Zoutleeuw",
                "nis": "24130",
                "latitude": 50.8332,
                "longitude": 5.1042,
                "transportation": "",
                "accessibility": "Rolstoeltoegankelijk.",
                "schedules": [
                    {"days": "FR", "opens": "09:00", "closes": "12:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Consultatiebureau",
                "description": (
                    "Op het consultatiebureau volgen een arts en verpleegkundige de groei en "
                    "ontwikkeling van je kind op en krijgt je kind gratis vaccinaties. Je kan er ook "
                    "terecht met vragen over voeding, slapen, huilen en opvoeding."
                ),
                "themes": ["health", "eating", "sleep", "crying", "motor"],
                "life_stages": ["baby", "toddler"],
                "min_months": 0,
                "max_months": 36,
                "languages": ["nl", "fr", "en"],
                "municipalities": "all",
                "locations": [
                    "kg-consultatiebureau-sint-truiden",
                    "kg-consultatiebureau-gingelom",
                    "kg-consultatiebureau-zoutleeuw",
                ],
                "phone": "078 150 100",
                "email": "",
                "url": "https://www.kindengezin.be/nl/thema/gezondheid-en-vaccineren/consultatiebureau",
                "application_process": "Alleen op afspraak, via de Kind en Gezin-Lijn of je lokaal team.",
                "fees": "Gratis",
                "eligibility": "Gezinnen met kinderen tot 3 jaar.",
                "schedules": [],
                "contact": "Lokaal team Kind en Gezin",
            },
            {
                "name": "Startgesprek en ondersteuning tijdens de zwangerschap",
                "description": (
                    "Tijdens de zwangerschap kan je een gratis gesprek hebben met een medewerker van "
                    "Kind en Gezin over de geboorte, voeding, kinderopvang en het Groeipakket. "
                    "Gezinnen die het moeilijk hebben, krijgen extra ondersteuning."
                ),
                "themes": ["new_baby", "health", "childcare", "benefits"],
                "life_stages": ["expecting"],
                "min_months": -9,
                "max_months": 0,
                "languages": ["nl", "fr", "en"],
                "municipalities": "all",
                "locations": ["kg-consultatiebureau-sint-truiden"],
                "phone": "078 150 100",
                "email": "",
                "url": "https://www.kindengezin.be",
                "application_process": "Maak een afspraak via de Kind en Gezin-Lijn.",
                "fees": "Gratis",
                "eligibility": "Aanstaande ouders.",
                "schedules": [],
                "contact": "Lokaal team Kind en Gezin",
            },
            {
                "name": "Kind en Gezin-Lijn",
                "description": (
                    "Telefonische hulplijn en chat voor alle vragen over de verzorging, gezondheid en "
                    "opvoeding van jonge kinderen, en voor afspraken op het consultatiebureau."
                ),
                "themes": ["health", "sleep", "eating", "crying", "childcare", "where_to_go"],
                "life_stages": ["expecting", "baby", "toddler", "preschool"],
                "min_months": -9,
                "max_months": 72,
                "languages": ["nl", "fr", "en"],
                "municipalities": "all",
                "locations": [],
                "phone": "078 150 100",
                "email": "",
                "url": "https://www.kindengezin.be/nl/contact",
                "application_process": "Bel of chat via de website tijdens de openingsuren.",
                "fees": "Tarief van een gewoon telefoongesprek",
                "eligibility": "",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "08:00", "closes": "20:00"},
                ],
                "contact": "Kind en Gezin-Lijn",
            },
        ],
    },
    # ------------------------------------------------------------------ CGG
    {
        "name": "CGG LITP",
        "alternate_name": "Centrum voor Geestelijke Gezondheidszorg",
        "description": (
            "Het CGG biedt ambulante psychologische en psychiatrische hulp aan kinderen, jongeren en "
            "volwassenen met ernstige psychische problemen."
        ),
        "website": "https://example.org/cgg-litp",
        "email": "aanmelding.cgg@example.org",
        "partnership": "adhoc",
        "sociale_kaart_id": "102958",
        "locations": [
            {
                "key": "cgg-sint-truiden",
                "name": "CGG – vestiging Sint-Truiden",
                "address": "Diestersteenweg 40",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8232,
                "longitude": 5.1771,
                "transportation": "Bus tot halte Diestersteenweg.",
                "accessibility": "Rolstoeltoegankelijk.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "09:00", "closes": "17:00"},
                    {"days": "TU", "opens": "17:00", "closes": "19:30"},
                ],
            },
        ],
        "services": [
            {
                "name": "Kinder- en jeugdwerking",
                "description": (
                    "Hulp voor kinderen en jongeren met ernstige angst, somberheid, trauma of "
                    "gedragsproblemen. Na een intake volgt een onderzoek en begeleiding, samen met de "
                    "ouders."
                ),
                "themes": ["anxiety", "low_mood", "emotions", "aggression", "grief", "self_esteem"],
                "life_stages": ["preschool", "primary", "teen"],
                "min_months": 36,
                "max_months": 216,
                "languages": ["nl", "en"],
                "municipalities": LIMBURG,
                "locations": ["cgg-sint-truiden"],
                "phone": "011 69 80 30",
                "email": "aanmelding.cgg@example.org",
                "url": "https://example.org/cgg-litp/kinderen-en-jongeren",
                "application_process": (
                    "Aanmelden door de ouders, de huisarts of het CLB. Er is een wachtlijst."
                ),
                "fees": "Remgeld per gesprek, verminderd tarief mogelijk",
                "eligibility": "Kinderen en jongeren tot 18 jaar en hun gezin.",
                "schedules": [],
                "contact": "Aanmeldingsteam",
            },
            {
                "name": "Hulp voor volwassenen bij angst en depressie",
                "description": (
                    "Psychologische begeleiding voor ouders en andere volwassenen die kampen met angst, "
                    "depressie of een burn-out."
                ),
                "themes": ["parent_wellbeing", "anxiety", "low_mood"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en"],
                "municipalities": LIMBURG,
                "locations": ["cgg-sint-truiden"],
                "phone": "011 69 80 30",
                "email": "aanmelding.cgg@example.org",
                "url": "https://example.org/cgg-litp/volwassenen",
                "application_process": "Telefonisch aanmelden. Een doorverwijzing van de huisarts helpt.",
                "fees": "Remgeld per gesprek, verminderd tarief mogelijk",
                "eligibility": "Volwassenen vanaf 18 jaar.",
                "schedules": [],
                "contact": "Aanmeldingsteam",
            },
        ],
    },
    # ------------------------------------------------------------------ Huis van het Kind
    {
        "name": "Huis van het Kind Sint-Truiden",
        "alternate_name": "",
        "description": (
            "Het Huis van het Kind brengt het aanbod voor gezinnen met kinderen en jongeren samen: "
            "ontmoeting, opvoedingsondersteuning, kinderopvang en doorverwijzing."
        ),
        "website": "https://www.sint-truiden.be/huis-van-het-kind",
        "email": "huisvanhetkind@example.org",
        "partnership": "structural",
        "sociale_kaart_id": "131077",
        "locations": [
            {
                "key": "hvhk-sint-truiden",
                "name": "Huis van het Kind – Sint-Truiden",
                "address": "Speelhoflaan 3",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8124,
                "longitude": 5.1907,
                "transportation": "Bus tot halte Speelhof. Fietsenstalling aan de ingang.",
                "accessibility": "Rolstoeltoegankelijk, aangepast toilet, verzorgingstafel.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "09:00", "closes": "12:00"},
                    {"days": "MO,WE,TH", "opens": "13:00", "closes": "16:30"},
                ],
            },
            {
                "key": "hvhk-nieuwerkerken",
                "name": "Huis van het Kind – ontmoetingsplek Nieuwerkerken",
                "address": "Dorpsstraat 20",
                "postal_code": "3850",
                "city": "Nieuwerkerken",
                "nis": "71045",
                "latitude": 50.8633,
                "longitude": 5.1945,
                "transportation": "",
                "accessibility": "Gelijkvloers.",
                "schedules": [
                    {"days": "WE", "opens": "09:00", "closes": "11:30"},
                ],
            },
        ],
        "services": [
            {
                "name": "Opvoedingsondersteuning",
                "description": (
                    "Heb je een vraag over de opvoeding van je kind, zoals slapen, driftbuien, luisteren "
                    "of grenzen stellen? Een opvoedingsondersteuner luistert, geeft tips en kijkt samen "
                    "met jou wat werkt in jullie gezin. Als het nodig is, begeleidt de medewerker je "
                    "enkele keren, ook aan huis."
                ),
                "themes": ["tantrums", "listening", "boundaries", "sleep", "routines", "siblings"],
                "life_stages": ["baby", "toddler", "preschool", "primary", "teen"],
                "min_months": 0,
                "max_months": 216,
                "languages": ["nl", "fr", "en"],
                "municipalities": "all",
                "locations": ["hvhk-sint-truiden"],
                "phone": "011 70 15 60",
                "email": "huisvanhetkind@example.org",
                "url": "https://www.sint-truiden.be/huis-van-het-kind",
                "application_process": "Bel, mail of loop binnen tijdens de openingsuren.",
                "fees": "Gratis",
                "eligibility": "Alle ouders en opvoeders.",
                "schedules": [],
                "contact": "Onthaal Huis van het Kind",
            },
            {
                "name": "Spel-inloop voor ouders en jonge kinderen",
                "description": (
                    "Een gezellige speelruimte waar ouders met kinderen tot 3 jaar vrij kunnen "
                    "binnenlopen om te spelen, andere ouders te ontmoeten en vragen te stellen aan een "
                    "begeleider."
                ),
                "themes": ["parent_wellbeing", "language", "motor", "migration"],
                "life_stages": ["baby", "toddler"],
                "min_months": 0,
                "max_months": 36,
                "languages": ["nl", "fr", "en", "ar", "tr"],
                "municipalities": "all",
                "locations": ["hvhk-sint-truiden", "hvhk-nieuwerkerken"],
                "phone": "011 70 15 60",
                "email": "",
                "url": "https://www.sint-truiden.be/huis-van-het-kind",
                "application_process": "Vrij binnenlopen, zonder inschrijving.",
                "fees": "Gratis",
                "eligibility": "",
                "schedules": [
                    {"days": "WE", "opens": "09:00", "closes": "11:30"},
                    {"days": "FR", "opens": "09:30", "closes": "11:30"},
                ],
                "contact": "Onthaal Huis van het Kind",
            },
            {
                "name": "Ouderavonden en vormingen",
                "description": (
                    "Thema-avonden voor ouders over bijvoorbeeld schermtijd, pesten, puberteit en "
                    "zindelijkheid. Je krijgt uitleg van een deskundige en kan ervaringen uitwisselen "
                    "met andere ouders."
                ),
                "themes": ["screen_time", "bullying", "puberty", "toilet_training", "social_media"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": ["hvhk-sint-truiden"],
                "phone": "011 70 15 60",
                "email": "huisvanhetkind@example.org",
                "url": "https://www.sint-truiden.be/huis-van-het-kind",
                "application_process": "Inschrijven via de website of het onthaal.",
                "fees": "Gratis of kleine bijdrage, afhankelijk van de vorming",
                "eligibility": "",
                "schedules": [],
                "contact": "Onthaal Huis van het Kind",
            },
            {
                "name": "Lokaal loket kinderopvang",
                "description": (
                    "Het loket helpt ouders bij het zoeken van een plaats in de kinderopvang voor baby's, "
                    "peuters en schoolkinderen, ook bij dringende of flexibele opvangvragen."
                ),
                "themes": ["childcare", "where_to_go"],
                "life_stages": ["expecting", "baby", "toddler", "preschool", "primary"],
                "min_months": -9,
                "max_months": 144,
                "languages": ["nl", "fr", "en"],
                "municipalities": ["71053", "71017", "71045"],
                "locations": ["hvhk-sint-truiden"],
                "phone": "011 70 15 65",
                "email": "kinderopvang@example.org",
                "url": "https://www.kinderopvangzoeken.be",
                "application_process": "Registreer je opvangvraag online of maak een afspraak aan het loket.",
                "fees": "Gratis",
                "eligibility": "Inwoners van Sint-Truiden, Gingelom en Nieuwerkerken.",
                "schedules": [],
                "contact": "Lokaal loket kinderopvang",
            },
        ],
    },
    # ------------------------------------------------------------------ Sociaal Huis
    {
        "name": "Sociaal Huis Sint-Truiden",
        "alternate_name": "OCMW Sint-Truiden",
        "description": (
            "Het Sociaal Huis helpt inwoners van Sint-Truiden met financiële, sociale en "
            "administratieve vragen."
        ),
        "website": "https://www.sint-truiden.be",
        "email": "sociaalhuis@example.org",
        "partnership": "structural",
        "sociale_kaart_id": "100977",
        "locations": [
            {
                "key": "sociaalhuis-sint-truiden",
                "name": "Sociaal Huis Sint-Truiden",
                "address": "Groenplaats 20",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8153,
                "longitude": 5.1868,
                "transportation": "In het centrum, 10 minuten wandelen van het station.",
                "accessibility": "Rolstoeltoegankelijk, lift, aangepast toilet.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "08:30", "closes": "12:00"},
                    {"days": "TU,TH", "opens": "13:30", "closes": "16:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Sociale dienst",
                "description": (
                    "Een maatschappelijk werker bekijkt samen met jou je situatie en je rechten: "
                    "leefloon, huur, energie, medische kosten of een voedselpakket."
                ),
                "themes": ["poverty", "benefits", "where_to_go"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en"],
                "municipalities": ["71053"],
                "locations": ["sociaalhuis-sint-truiden"],
                "phone": "011 70 22 00",
                "email": "sociaalhuis@example.org",
                "url": "https://www.sint-truiden.be",
                "application_process": "Kom langs tijdens de vrije inloop of maak een afspraak.",
                "fees": "Gratis",
                "eligibility": "Inwoners van Sint-Truiden.",
                "schedules": [],
                "contact": "Onthaal Sociaal Huis",
            },
            {
                "name": "Budgetbegeleiding en schuldhulp",
                "description": (
                    "Hulp om je inkomsten en uitgaven op een rij te zetten, rekeningen op tijd te betalen "
                    "en afspraken te maken met schuldeisers."
                ),
                "themes": ["poverty", "pocket_money"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr"],
                "municipalities": ["71053"],
                "locations": ["sociaalhuis-sint-truiden"],
                "phone": "011 70 22 00",
                "email": "",
                "url": "https://www.sint-truiden.be",
                "application_process": "Eerst een gesprek met de sociale dienst, daarna op afspraak.",
                "fees": "Gratis",
                "eligibility": "Inwoners van Sint-Truiden.",
                "schedules": [],
                "contact": "Dienst budgetbegeleiding",
            },
            {
                "name": "Hulp bij Groeipakket en toeslagen",
                "description": (
                    "Een medewerker helpt je na te gaan of je alle toeslagen van het Groeipakket krijgt, "
                    "zoals de sociale toeslag of schooltoeslag, en helpt bij het aanvragen."
                ),
                "themes": ["benefits", "poverty"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en"],
                "municipalities": ["71053"],
                "locations": ["sociaalhuis-sint-truiden"],
                "phone": "011 70 22 00",
                "email": "",
                "url": "https://www.groeipakket.be",
                "application_process": "Neem je identiteitskaart en recente inkomensgegevens mee.",
                "fees": "Gratis",
                "eligibility": "",
                "schedules": [],
                "contact": "Onthaal Sociaal Huis",
            },
            {
                "name": "UiTPAS met kansentarief",
                "description": (
                    "Met de UiTPAS met kansentarief betalen gezinnen met een beperkt inkomen veel minder "
                    "voor sportclubs, jeugdbewegingen, speelpleinen, kampen en cultuur."
                ),
                "themes": ["leisure", "poverty"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en"],
                "municipalities": ["71053"],
                "locations": ["sociaalhuis-sint-truiden"],
                "phone": "011 70 22 10",
                "email": "uitpas@example.org",
                "url": "https://www.uitpas.be",
                "application_process": "Aanvragen aan het onthaal van het Sociaal Huis.",
                "fees": "Gratis voor wie recht heeft op kansentarief",
                "eligibility": "Gezinnen met een beperkt inkomen in Sint-Truiden.",
                "schedules": [],
                "contact": "Vrijetijdsloket",
            },
        ],
    },
    # ------------------------------------------------------------------ Kinderopvang
    {
        "name": "Kinderopvang Haspengouw",
        "alternate_name": "",
        "description": (
            "Kinderopvang voor baby's en peuters en buitenschoolse opvang voor schoolkinderen in "
            "Sint-Truiden."
        ),
        "website": "https://example.org/kinderopvang-haspengouw",
        "email": "inschrijvingen@example.org",
        "partnership": "adhoc",
        "sociale_kaart_id": "145530",
        "locations": [
            {
                "key": "kdv-speelvogel",
                "name": "Kinderdagverblijf De Speelvogel",
                "address": "Luikersteenweg 180",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8041,
                "longitude": 5.2168,
                "transportation": "Parking voor de deur.",
                "accessibility": "Gelijkvloers, rolstoeltoegankelijk.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "06:45", "closes": "18:30"},
                ],
            },
            {
                "key": "ibo-velm",
                "name": "Buitenschoolse opvang De Toverberg",
                "address": "Schoolstraat 4",
                "postal_code": "3806",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.7805,
                "longitude": 5.1338,
                "transportation": "Naast de basisschool.",
                "accessibility": "Gelijkvloers.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "07:00", "closes": "08:30"},
                    {"days": "MO,TU,TH,FR", "opens": "15:30", "closes": "18:30"},
                    {"days": "WE", "opens": "12:00", "closes": "18:30"},
                ],
            },
        ],
        "services": [
            {
                "name": "Kinderdagverblijf",
                "description": (
                    "Kinderopvang voor baby's en peuters van 0 tot 3 jaar met een inkomensgerelateerde "
                    "prijs. Er is aandacht voor een vast dagritme, buitenspelen en taalstimulering."
                ),
                "themes": ["childcare", "routines", "language"],
                "life_stages": ["baby", "toddler"],
                "min_months": 2,
                "max_months": 36,
                "languages": ["nl", "fr"],
                "municipalities": ["71053", "71045", "71017"],
                "locations": ["kdv-speelvogel"],
                "phone": "011 68 74 90",
                "email": "inschrijvingen@example.org",
                "url": "https://example.org/kinderopvang-haspengouw",
                "application_process": "Registreer je opvangvraag via het lokaal loket kinderopvang.",
                "fees": "Inkomensgerelateerd tarief",
                "eligibility": "",
                "schedules": [],
                "contact": "Verantwoordelijke kinderopvang",
            },
            {
                "name": "Buitenschoolse opvang",
                "description": (
                    "Opvang voor en na school, op woensdagnamiddag en in de schoolvakanties voor "
                    "kinderen van de kleuter- en lagere school."
                ),
                "themes": ["childcare", "leisure"],
                "life_stages": ["preschool", "primary"],
                "min_months": 30,
                "max_months": 144,
                "languages": ["nl"],
                "municipalities": ["71053"],
                "locations": ["ibo-velm"],
                "phone": "011 68 74 95",
                "email": "inschrijvingen@example.org",
                "url": "https://example.org/kinderopvang-haspengouw/buitenschoolse-opvang",
                "application_process": "Inschrijven via het online ouderportaal.",
                "fees": "Prijs per halfuur, sociaal tarief mogelijk",
                "eligibility": "Schoolgaande kinderen tot 12 jaar.",
                "schedules": [],
                "contact": "Onthaal buitenschoolse opvang",
            },
        ],
    },
    # ------------------------------------------------------------------ School
    {
        "name": "Basisschool De Regenboog",
        "alternate_name": "",
        "description": "Gemeentelijke basisschool met kleuter- en lager onderwijs in Sint-Truiden.",
        "website": "https://example.org/bs-de-regenboog",
        "email": "secretariaat@example.org",
        "partnership": "",
        "sociale_kaart_id": "",
        "locations": [
            {
                "key": "bs-regenboog",
                "name": "Basisschool De Regenboog",
                "address": "Clockemstraat 15",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8109,
                "longitude": 5.1772,
                "transportation": "Schoolstraat: autovrij bij het begin en einde van de schooldag.",
                "accessibility": "Rolstoeltoegankelijk.",
                "schedules": [
                    {"days": "MO,TU,TH,FR", "opens": "08:15", "closes": "15:30"},
                    {"days": "WE", "opens": "08:15", "closes": "12:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Zorgcoördinatie en leerlingenzorg",
                "description": (
                    "De zorgcoördinator volgt kinderen op die extra ondersteuning nodig hebben bij "
                    "leren, gedrag of welbevinden, ook bij pestproblemen in de klas. Ouders kunnen "
                    "altijd een gesprek aanvragen."
                ),
                "themes": ["learning_difficulties", "bullying", "homework", "restlessness"],
                "life_stages": ["preschool", "primary"],
                "min_months": 30,
                "max_months": 144,
                "languages": ["nl"],
                "municipalities": ["71053"],
                "locations": ["bs-regenboog"],
                "phone": "011 69 31 75",
                "email": "zorg.regenboog@example.org",
                "url": "https://example.org/bs-de-regenboog",
                "application_process": "Vraag een gesprek aan via het secretariaat of de klasleerkracht.",
                "fees": "Gratis",
                "eligibility": "Leerlingen van de school en hun ouders.",
                "schedules": [],
                "contact": "Zorgcoördinator",
            },
        ],
    },
    # ------------------------------------------------------------------ Awel
    {
        "name": "Awel",
        "alternate_name": "Hulplijn voor kinderen en jongeren",
        "description": (
            "Awel luistert naar kinderen en jongeren met een vraag, een verhaal of een probleem, "
            "via telefoon, chat en e-mail."
        ),
        "website": "https://www.awel.be",
        "email": "",
        "partnership": "",
        "sociale_kaart_id": "100143",
        "locations": [],
        "services": [
            {
                "name": "Awel – bellen en chatten (102)",
                "description": (
                    "Kinderen en jongeren kunnen anoniem en gratis bellen naar 102 of chatten over alles "
                    "wat hen bezighoudt: pesten, ruzie thuis, scheiding van de ouders, verliefdheid of "
                    "zich somber voelen."
                ),
                "themes": ["bullying", "divorce", "low_mood", "emotions", "relationships", "puberty"],
                "life_stages": ["primary", "teen"],
                "min_months": 72,
                "max_months": 216,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": [],
                "phone": "102",
                "email": "",
                "url": "https://www.awel.be",
                "application_process": "Bel gratis 102 of chat via awel.be. Je hoeft je naam niet te zeggen.",
                "fees": "Gratis",
                "eligibility": "Kinderen en jongeren.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "16:00", "closes": "22:00"},
                    {"days": "SA", "opens": "10:00", "closes": "16:00"},
                ],
                "contact": "",
            },
        ],
    },
    # ------------------------------------------------------------------ Tele-Onthaal
    {
        "name": "Tele-Onthaal",
        "alternate_name": "",
        "description": "Anonieme hulplijn voor iedereen die nood heeft aan een gesprek.",
        "website": "https://www.tele-onthaal.be",
        "email": "",
        "partnership": "",
        "sociale_kaart_id": "100156",
        "locations": [],
        "services": [
            {
                "name": "Tele-Onthaal (106)",
                "description": (
                    "Dag en nacht kan je anoniem praten met een getrainde vrijwilliger over wat je "
                    "bezighoudt: eenzaamheid, zorgen over je kinderen, relatieproblemen of gewoon "
                    "als je je hart wil luchten."
                ),
                "themes": ["parent_wellbeing", "low_mood", "grief", "parent_conflict"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": [],
                "phone": "106",
                "email": "",
                "url": "https://www.tele-onthaal.be",
                "application_process": "Bel gratis 106 of chat via de website.",
                "fees": "Gratis",
                "eligibility": "Iedereen.",
                "schedules": [
                    {"days": "MO,TU,WE,TH,FR,SA,SU", "opens": "00:00", "closes": "23:59"},
                ],
                "contact": "",
            },
        ],
    },
    # ------------------------------------------------------------------ 1712
    {
        "name": "1712",
        "alternate_name": "Hulplijn voor geweld, misbruik en kindermishandeling",
        "description": (
            "1712 is het gratis en anoniem hulpnummer voor vragen over geweld, misbruik en "
            "kindermishandeling."
        ),
        "website": "https://www.1712.be",
        "email": "",
        "partnership": "",
        "sociale_kaart_id": "100178",
        "locations": [],
        "services": [
            {
                "name": "Hulplijn 1712",
                "description": (
                    "Bij 1712 kan je terecht als je geweld meemaakt, je zorgen maakt over een kind of "
                    "twijfelt of iets wel oké is. Een hulpverlener luistert, geeft advies en zoekt mee "
                    "naar verdere hulp."
                ),
                "themes": ["child_abuse", "domestic_violence", "sexual_development"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": [],
                "phone": "1712",
                "email": "",
                "url": "https://www.1712.be",
                "application_process": "Bel gratis 1712 of mail/chat via de website. In nood: bel 112.",
                "fees": "Gratis",
                "eligibility": "Iedereen: slachtoffers, omstaanders, ouders en professionals.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "09:00", "closes": "17:00"},
                ],
                "contact": "",
            },
        ],
    },
    # ------------------------------------------------------------------ Nupraatikerover
    {
        "name": "Nupraatikerover.be",
        "alternate_name": "",
        "description": (
            "Chat voor kinderen en jongeren die thuis geweld, misbruik of mishandeling meemaken."
        ),
        "website": "https://www.nupraatikerover.be",
        "email": "",
        "partnership": "",
        "sociale_kaart_id": "",
        "locations": [],
        "services": [
            {
                "name": "Chat over geweld en misbruik",
                "description": (
                    "Kinderen en jongeren kunnen anoniem chatten met een hulpverlener als ze thuis of "
                    "ergens anders geweld, misbruik of mishandeling meemaken of er bang voor zijn."
                ),
                "themes": ["child_abuse", "domestic_violence"],
                "life_stages": ["primary", "teen"],
                "min_months": 72,
                "max_months": 216,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": [],
                "phone": "",
                "email": "",
                "url": "https://www.nupraatikerover.be",
                "application_process": "Chat via de website; de actuele chaturen staan op de site.",
                "fees": "Gratis",
                "eligibility": "Kinderen en jongeren.",
                "schedules": [],
                "contact": "",
            },
        ],
    },
    # ------------------------------------------------------------------ Druglijn
    {
        "name": "De DrugLijn",
        "alternate_name": "",
        "description": "Informatie en advies over alcohol, drugs, medicatie, gokken en gamen.",
        "website": "https://www.druglijn.be",
        "email": "",
        "partnership": "",
        "sociale_kaart_id": "100191",
        "locations": [],
        "services": [
            {
                "name": "DrugLijn – telefoon, chat en mail",
                "description": (
                    "Ouders en jongeren kunnen anoniem terecht met vragen over alcohol, drugs, gokken "
                    "of te veel gamen. Je krijgt eerlijke informatie en advies over waar je hulp vindt."
                ),
                "themes": ["going_out", "screen_time", "puberty"],
                "life_stages": ["teen", "young_adult"],
                "min_months": 144,
                "max_months": None,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": [],
                "phone": "078 15 10 20",
                "email": "",
                "url": "https://www.druglijn.be",
                "application_process": "Bel, chat of mail via de website. Anoniem.",
                "fees": "Tarief van een gewoon telefoongesprek",
                "eligibility": "Jongeren, ouders en iedereen met vragen.",
                "schedules": [
                    {"days": WEEKDAYS, "opens": "10:00", "closes": "20:00"},
                ],
                "contact": "",
            },
        ],
    },
    # ------------------------------------------------------------------ COS
    {
        "name": "Centrum voor Ontwikkelingsstoornissen Limburg",
        "alternate_name": "COS Limburg",
        "description": (
            "Multidisciplinair team dat ontwikkelingsproblemen bij jonge kinderen onderzoekt en "
            "ouders adviseert over verdere begeleiding."
        ),
        "website": "https://example.org/cos-limburg",
        "email": "aanmelding.cos@example.org",
        "partnership": "adhoc",
        "sociale_kaart_id": "109844",
        "locations": [
            {
                "key": "cos-sint-truiden",
                "name": "COS – consultatiepunt Sint-Truiden",
                "address": "Diestersteenweg 96",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8262,
                "longitude": 5.1740,
                "transportation": "Bus tot halte ziekenhuis. Betaalparking aanwezig.",
                "accessibility": "Rolstoeltoegankelijk, lift.",
                "schedules": [
                    {"days": "MO,TU,TH", "opens": "08:30", "closes": "16:30"},
                ],
            },
        ],
        "services": [
            {
                "name": "Diagnostiek van ontwikkelingsstoornissen",
                "description": (
                    "Onderzoek door een arts, psycholoog, logopedist en kinesitherapeut bij een "
                    "vermoeden van autisme, ADHD, een taal- of motorische achterstand. Na het onderzoek "
                    "bespreekt het team de resultaten en het advies met de ouders."
                ),
                "themes": ["disability", "language", "motor", "restlessness"],
                "life_stages": ["baby", "toddler", "preschool", "primary"],
                "min_months": 0,
                "max_months": 84,
                "languages": ["nl", "fr"],
                "municipalities": LIMBURG,
                "locations": ["cos-sint-truiden"],
                "phone": "011 69 44 80",
                "email": "aanmelding.cos@example.org",
                "url": "https://example.org/cos-limburg",
                "application_process": (
                    "Aanmelden met een verwijzing van de huisarts, kinderarts, Kind en Gezin of het CLB. "
                    "Er is een wachtlijst."
                ),
                "fees": "Terugbetaald door het ziekenfonds, beperkt remgeld",
                "eligibility": "Kinderen tot 7 jaar.",
                "schedules": [],
                "contact": "Aanmeldingsteam",
            },
        ],
    },
    # ------------------------------------------------------------------ Ligo
    {
        "name": "Ligo Centrum voor Basiseducatie Limburg",
        "alternate_name": "Ligo",
        "description": (
            "Ligo geeft lessen aan volwassenen die beter willen leren lezen, schrijven, rekenen, "
            "Nederlands spreken of met een computer werken."
        ),
        "website": "https://www.ligo.be",
        "email": "sint-truiden.ligo@example.org",
        "partnership": "adhoc",
        "sociale_kaart_id": "103360",
        "locations": [
            {
                "key": "ligo-sint-truiden",
                "name": "Ligo – leslocatie Sint-Truiden",
                "address": "Stationsstraat 21",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8196,
                "longitude": 5.1896,
                "transportation": "Op 3 minuten wandelen van het station.",
                "accessibility": "Lift aanwezig.",
                "schedules": [
                    {"days": "MO,TU,WE,TH", "opens": "09:00", "closes": "12:00"},
                    {"days": "MO,TH", "opens": "18:30", "closes": "21:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Nederlands leren (NT2)",
                "description": (
                    "Lessen Nederlands als tweede taal voor anderstalige volwassenen die weinig of niet "
                    "naar school zijn geweest. Zo kan je beter praten met de school, de dokter "
                    "of de kinderopvang van je kinderen."
                ),
                "themes": ["migration", "language"],
                "life_stages": [],
                "min_months": None,
                "max_months": None,
                "languages": ["nl", "fr", "en", "ar"],
                "municipalities": "all",
                "locations": ["ligo-sint-truiden"],
                "phone": "011 70 58 20",
                "email": "sint-truiden.ligo@example.org",
                "url": "https://www.ligo.be",
                "application_process": "Inschrijven via het Huis van het Nederlands of bij Ligo zelf.",
                "fees": "Gratis of beperkte bijdrage voor cursusmateriaal",
                "eligibility": "Volwassenen vanaf 18 jaar.",
                "schedules": [],
                "contact": "Onthaal Ligo",
            },
            {
                "name": "Ouders en school: samen leren",
                "description": (
                    "Korte cursus voor ouders die hun kinderen beter willen helpen met school: "
                    "brieven van school lezen, Smartschool gebruiken en helpen bij huiswerk."
                ),
                "themes": ["homework", "migration", "school_transition"],
                "life_stages": ["preschool", "primary"],
                "min_months": 36,
                "max_months": 144,
                "languages": ["nl"],
                "municipalities": "all",
                "locations": ["ligo-sint-truiden"],
                "phone": "011 70 58 20",
                "email": "",
                "url": "https://www.ligo.be",
                "application_process": "Inschrijven bij het onthaal van Ligo.",
                "fees": "Gratis",
                "eligibility": "Ouders met kinderen in de basisschool.",
                "schedules": [],
                "contact": "Onthaal Ligo",
            },
        ],
    },
    # ------------------------------------------------------------------ Gezinsbond
    {
        "name": "Gezinsbond",
        "alternate_name": "Gezinsbond afdeling Zuid-Limburg",
        "description": (
            "De Gezinsbond is een vereniging voor alle gezinnen, met voordelen, kinderoppas en "
            "activiteiten door vrijwilligers in de buurt."
        ),
        "website": "https://www.gezinsbond.be",
        "email": "afdeling.zuid-limburg@example.org",
        "partnership": "adhoc",
        "sociale_kaart_id": "100420",
        "locations": [
            {
                "key": "gezinsbond-alken",
                "name": "Gezinsbond – ontmoetingscentrum Alken",
                "address": "Stationsstraat 10",
                "postal_code": "3570",
                "city": "Alken",
                "nis": "73001",
                "latitude": 50.8751,
                "longitude": 5.3062,
                "transportation": "Vlakbij het station van Alken.",
                "accessibility": "Gelijkvloers.",
                "schedules": [
                    {"days": "TU", "opens": "19:00", "closes": "21:30"},
                ],
            },
        ],
        "services": [
            {
                "name": "Kinderoppasdienst",
                "description": (
                    "Vrijwillige oppassers passen bij jou thuis op je kinderen, bijvoorbeeld als je 's "
                    "avonds weg moet. De oppasdienst zoekt een oppasser in je buurt."
                ),
                "themes": ["childcare"],
                "life_stages": ["baby", "toddler", "preschool", "primary"],
                "min_months": 0,
                "max_months": 144,
                "languages": ["nl"],
                "municipalities": ["73001", "73098", "73022", "73111"],
                "locations": [],
                "phone": "011 59 12 40",
                "email": "oppasdienst@example.org",
                "url": "https://www.gezinsbond.be/kinderoppas",
                "application_process": "Vraag een oppasser aan via de website of de oppasdienst.",
                "fees": "Vaste vergoeding per uur voor de oppasser, lidmaatschap Gezinsbond nodig",
                "eligibility": "Leden van de Gezinsbond.",
                "schedules": [],
                "contact": "Coördinator oppasdienst",
            },
            {
                "name": "Praatavonden voor ouders",
                "description": (
                    "Avonden waarop ouders onder begeleiding ervaringen delen over opvoeden, zoals "
                    "zakgeld, schermtijd, broers en zussen of de eerste schooldag."
                ),
                "themes": ["pocket_money", "screen_time", "siblings", "school_transition", "values"],
                "life_stages": ["preschool", "primary", "teen"],
                "min_months": 36,
                "max_months": 216,
                "languages": ["nl"],
                "municipalities": ["73001", "73098", "73022", "73111"],
                "locations": ["gezinsbond-alken"],
                "phone": "",
                "email": "afdeling.zuid-limburg@example.org",
                "url": "https://www.gezinsbond.be",
                "application_process": "Inschrijven via e-mail of de activiteitenkalender op de website.",
                "fees": "Gratis voor leden, kleine bijdrage voor niet-leden",
                "eligibility": "",
                "schedules": [],
                "contact": "Afdelingsbestuur",
            },
        ],
    },
    # ------------------------------------------------------------------ Weerbaarheid / pesten
    {
        "name": "Stevig vzw",
        "alternate_name": "Weerbaarheidstrainingen Haspengouw",
        "description": (
            "Lokale partner die weerbaarheidstrainingen geeft aan kinderen en jongeren die gepest "
            "worden of onzeker zijn in een groep."
        ),
        "website": "https://example.org/stevig",
        "email": "info.stevig@example.org",
        "partnership": "adhoc",
        "sociale_kaart_id": "152206",
        "locations": [
            {
                "key": "stevig-sint-truiden",
                "name": "Stevig – trainingszaal Sint-Truiden",
                "address": "Luikerstraat 60",
                "postal_code": "3800",
                "city": "Sint-Truiden",
                "nis": "71053",
                "latitude": 50.8122,
                "longitude": 5.1899,
                "transportation": "Bus tot halte Luikerpoort.",
                "accessibility": "Gelijkvloers, rolstoeltoegankelijk.",
                "schedules": [
                    {"days": "WE", "opens": "13:30", "closes": "17:00"},
                    {"days": "SA", "opens": "09:30", "closes": "12:30"},
                ],
            },
            {
                "key": "stevig-wellen",
                "name": "Stevig – jeugdlokaal Wellen",
                "address": "Dorpsstraat 15",
                "postal_code": "3830",
                "city": "Wellen",
                "nis": "73098",
                "latitude": 50.8412,
                "longitude": 5.3385,
                "transportation": "",
                "accessibility": "",
                "schedules": [
                    {"days": "WE", "opens": "14:00", "closes": "17:00"},
                ],
            },
        ],
        "services": [
            {
                "name": "Weerbaarheidstraining 'Sterk in je schoenen' tegen pesten",
                "description": (
                    "Groepstraining van acht woensdagnamiddagen voor kinderen van 6 tot 12 jaar die "
                    "gepest worden of het moeilijk hebben in de groep. Met spel en rollenspel leren ze "
                    "grenzen aangeven, voor zichzelf opkomen en hulp vragen. Ouders krijgen een "
                    "info- en een slotmoment met tips voor thuis."
                ),
                "themes": ["bullying", "self_esteem", "emotions", "anxiety"],
                "life_stages": ["primary"],
                "min_months": 72,
                "max_months": 144,
                "languages": ["nl"],
                "municipalities": ["71053", "71017", "71045", "24130"],
                "locations": ["stevig-sint-truiden"],
                "phone": "011 69 07 25",
                "email": "info.stevig@example.org",
                "url": "https://example.org/stevig/sterk-in-je-schoenen",
                "application_process": (
                    "Inschrijven via de website of telefonisch. Eerst een kort kennismakingsgesprek "
                    "met ouder en kind."
                ),
                "fees": "€ 40 voor de hele reeks, € 8 met UiTPAS-kansentarief",
                "eligibility": "Kinderen van de lagere school (6–12 jaar).",
                "schedules": [
                    {"days": "WE", "opens": "14:00", "closes": "16:00"},
                ],
                "contact": "Trainersteam",
            },
            {
                "name": "Weerbaarheidstraining voor tieners: (cyber)pesten",
                "description": (
                    "Training voor jongeren van 12 tot 15 jaar rond pesten op school en online. "
                    "Ze oefenen hoe ze reageren op kwetsende berichten, hoe ze hun privacy beschermen "
                    "en bij wie ze terechtkunnen."
                ),
                "themes": ["bullying", "online_safety", "social_media", "self_esteem"],
                "life_stages": ["teen"],
                "min_months": 144,
                "max_months": 180,
                "languages": ["nl"],
                "municipalities": ["73098", "73001", "73022", "73111"],
                "locations": ["stevig-wellen"],
                "phone": "011 69 07 25",
                "email": "info.stevig@example.org",
                "url": "https://example.org/stevig/tieners",
                "application_process": "Inschrijven via de website; ook via het CLB of de school.",
                "fees": "€ 40 voor de hele reeks, € 8 met UiTPAS-kansentarief",
                "eligibility": "Jongeren van 12 tot 15 jaar.",
                "schedules": [
                    {"days": "WE", "opens": "14:30", "closes": "16:30"},
                ],
                "contact": "Trainersteam",
            },
        ],
    },
]


# --------------------------------------------------------------------------- self-check

THEME_CODES = set(
    (
        "language motor toilet_training sexual_development giftedness sleep eating crying "
        "routines health tantrums aggression listening restlessness anxiety low_mood self_esteem "
        "emotions boundaries rewards pocket_money values co_parenting divorce blended_family "
        "siblings new_baby grief parent_wellbeing parent_conflict school_transition homework "
        "learning_difficulties bullying childcare screen_time social_media online_safety puberty "
        "going_out relationships radicalisation domestic_violence child_abuse disability "
        "foster_adoption migration poverty benefits where_to_go leisure other"
    ).split()
)
LIFE_STAGE_CODES = {"expecting", "baby", "toddler", "preschool", "primary", "teen", "young_adult"}
DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
ORG_KEYS = set(
    ("name alternate_name description website email partnership sociale_kaart_id locations services").split()
)
LOCATION_KEYS = set(
    (
        "key name address postal_code city nis latitude longitude transportation accessibility schedules"
    ).split()
)
SERVICE_KEYS = set(
    (
        "name description themes life_stages min_months max_months languages municipalities "
        "locations phone email url application_process fees eligibility schedules contact"
    ).split()
)


def _minutes(value):
    assert isinstance(value, str) and len(value) == 5 and value[2] == ":", value
    hours, minutes = value[:2], value[3:]
    assert hours.isdigit() and minutes.isdigit(), value
    assert int(hours) < 24 and int(minutes) < 60, value
    return int(hours) * 60 + int(minutes)


def _check_schedules(schedules):
    for schedule in schedules:
        assert set(schedule) == {"days", "opens", "closes"}, schedule
        days = schedule["days"].split(",")
        assert days and set(days) <= DAY_CODES and len(days) == len(set(days)), schedule
        assert _minutes(schedule["opens"]) < _minutes(schedule["closes"]), schedule


def _serves(service, nis):
    return service["municipalities"] == "all" or nis in service["municipalities"]


def check():
    """Assert the constraints the demo loader relies on."""
    location_keys = set()
    services = []
    for org in MAP:
        assert set(org) == ORG_KEYS, org["name"]
        assert org["partnership"] in ("structural", "adhoc", ""), org["name"]
        assert org["sociale_kaart_id"] == "" or org["sociale_kaart_id"].isdigit(), org["name"]
        assert org["website"].startswith("https://"), org["name"]
        own_keys = set()
        for location in org["locations"]:
            assert set(location) == LOCATION_KEYS, location["key"]
            assert location["key"] not in location_keys, location["key"]
            location_keys.add(location["key"])
            own_keys.add(location["key"])
            assert location["nis"] in NIS_CODES, location["key"]
            assert location["postal_code"].isdigit() and len(location["postal_code"]) == 4
            assert 50.6 < location["latitude"] < 51.0, location["key"]
            assert 4.9 < location["longitude"] < 5.6, location["key"]
            _check_schedules(location["schedules"])
        names = [service["name"] for service in org["services"]]
        assert len(names) == len(set(names)), org["name"]
        for service in org["services"]:
            label = f"{org['name']}: {service['name']}"
            assert set(service) == SERVICE_KEYS, label
            assert set(service["themes"]) <= THEME_CODES and service["themes"], label
            assert set(service["life_stages"]) <= LIFE_STAGE_CODES, label
            low, high = service["min_months"], service["max_months"]
            assert low is None or isinstance(low, int), label
            assert high is None or isinstance(high, int), label
            assert low is None or high is None or low <= high, label
            assert all(len(code) == 2 and code.islower() for code in service["languages"]), label
            municipalities = service["municipalities"]
            assert municipalities == "all" or (municipalities and set(municipalities) <= set(NIS_CODES)), (
                label
            )
            assert set(service["locations"]) <= own_keys, label
            phone = service["phone"].replace(" ", "")
            assert phone == "" or (phone.isdigit() and not phone.startswith("04")), label
            for address in (service["email"], org["email"]):
                assert address == "" or address.endswith("@example.org"), label
            assert service["url"] == "" or service["url"].startswith("https://"), label
            _check_schedules(service["schedules"])
            services.append(service)
    assert len(services) >= 30, len(services)
    primary_bullying = [
        service
        for service in services
        if "bullying" in service["themes"]
        and "primary" in service["life_stages"]
        and (service["min_months"] or 0) <= 72
        and (service["max_months"] or 999) >= 144
        and _serves(service, "71053")
    ]
    assert primary_bullying, "no bullying service for primary-school children in Sint-Truiden"
    assert len([service for service in services if "bullying" in service["themes"]]) >= 3
