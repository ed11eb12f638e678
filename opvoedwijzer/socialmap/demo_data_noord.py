"""Demo social map for Noord-Limburg: a few partners around Pelt and Lommel, plus the national
helplines of the Zuid-Limburg map (they have no building).

Fictional like `demo_data.py`: local addresses and phone numbers ("011 .. .. ..") are made up, e-mail
addresses are organisational placeholders on example.org, contacts are functions or teams, never
persons. A service's "municipalities" is "all" (the eight Noord-Limburg municipalities) or a list.
"""

from .demo_data import MAP, WEEKDAYS

NIS_CODES = ["72043", "72020", "72037", "72030", "72003", "72004", "71034", "72038"]

LOCAL = [
    {
        "name": "CAW Limburg",
        "alternate_name": "Centrum Algemeen Welzijnswerk",
        "description": (
            "Het CAW helpt iedereen met vragen of problemen over welzijn: relaties, geld, wonen, "
            "geweld, scheiding of gewoon als je het even niet meer ziet zitten."
        ),
        "website": "https://www.caw.be",
        "email": "onthaal.lommel@example.org",
        "partnership": "structural",
        "locations": [
            {
                "key": "caw-lommel",
                "name": "CAW Limburg – Lommel",
                "address": "Stationsstraat 20",
                "postal_code": "3920",
                "city": "Lommel",
                "latitude": 51.2307,
                "longitude": 5.3131,
                "transportation": "Vijf minuten wandelen van de bushalte aan het stadhuis.",
                "accessibility": "Rolstoeltoegankelijk.",
                "schedules": [{"days": WEEKDAYS, "opens": "09:00", "closes": "12:30"}],
            }
        ],
        "services": [
            {
                "name": "Onthaal",
                "description": (
                    "Met elke vraag over welzijn: geldzorgen, problemen thuis, wonen of relaties. Een "
                    "hulpverlener luistert, zoekt samen met jou een oplossing en verwijst door als dat "
                    "nodig is."
                ),
                "themes": ["parent_wellbeing", "poverty", "where_to_go", "parent_conflict"],
                "languages": ["nl", "fr", "en"],
                "locations": ["caw-lommel"],
                "phone": "011 70 52 10",
                "application_process": "Loop binnen tijdens de openingsuren of bel voor een afspraak.",
                "fees": "Gratis",
                "schedules": [{"days": WEEKDAYS, "opens": "09:00", "closes": "12:30"}],
                "contact": "Onthaalteam",
            },
            {
                "name": "Relatie- en scheidingsbemiddeling",
                "description": "Begeleiding voor ouders die uit elkaar gaan: afspraken over de kinderen.",
                "themes": ["divorce", "parent_conflict", "co_parenting"],
                "languages": ["nl"],
                "locations": ["caw-lommel"],
                "application_process": "Maak een afspraak via het onthaal.",
                "fees": "Gratis",
            },
        ],
    },
    {
        "name": "Kind en Gezin",
        "description": "Preventieve ondersteuning voor aanstaande ouders en gezinnen met jonge kinderen.",
        "website": "https://www.kindengezin.be",
        "partnership": "structural",
        "locations": [
            {
                "key": "cb-pelt",
                "name": "Consultatiebureau Pelt",
                "address": "Kerkplein 3",
                "postal_code": "3900",
                "city": "Pelt",
                "latitude": 51.2197,
                "longitude": 5.4225,
                "accessibility": "Gelijkvloers, plaats voor kinderwagens.",
                "schedules": [{"days": "TU,TH", "opens": "13:30", "closes": "17:00"}],
            }
        ],
        "services": [
            {
                "name": "Consultatiebureau",
                "description": "Gratis consultaties: groei, voeding, slapen en vaccinaties van je kindje.",
                "themes": ["health", "eating", "sleep", "crying"],
                "life_stages": ["baby", "toddler", "preschool"],
                "min_months": 0,
                "max_months": 72,
                "languages": ["nl", "fr", "ar"],
                "locations": ["cb-pelt"],
                "application_process": "Op afspraak; je krijgt een uitnodiging na de geboorte.",
                "fees": "Gratis",
            },
        ],
    },
    {
        "name": "Huis van het Kind Pelt",
        "description": "De partners in Pelt die samen gezinnen met kinderen en jongeren ondersteunen.",
        "email": "huisvanhetkind.pelt@example.org",
        "partnership": "structural",
        "locations": [
            {
                "key": "hvhk-pelt",
                "name": "Huis van het Kind – Pelt",
                "address": "Dorpsstraat 15",
                "postal_code": "3910",
                "city": "Pelt",
                "latitude": 51.2401,
                "longitude": 5.4312,
                "transportation": "Bus tot halte Neerpelt Markt.",
                "accessibility": "Rolstoeltoegankelijk, verzorgingstafel.",
                "schedules": [{"days": "MO,WE,FR", "opens": "09:00", "closes": "12:00"}],
            }
        ],
        "services": [
            {
                "name": "Opvoedingsondersteuning",
                "description": "Met vragen over opvoeden kan je hier terecht voor een gesprek, ook thuis.",
                "themes": ["boundaries", "tantrums", "sleep", "listening", "siblings"],
                "life_stages": ["baby", "toddler", "preschool", "primary", "teen"],
                "languages": ["nl"],
                "locations": ["hvhk-pelt"],
                "phone": "011 70 52 30",
                "fees": "Gratis",
            },
            {
                "name": "Spel-inloop voor ouders en jonge kinderen",
                "description": "Elke woensdagvoormiddag samen spelen en andere ouders ontmoeten.",
                "themes": ["language", "motor", "parent_wellbeing"],
                "life_stages": ["baby", "toddler"],
                "max_months": 36,
                "languages": ["nl"],
                "locations": ["hvhk-pelt"],
                "fees": "Gratis",
                "schedules": [{"days": "WE", "opens": "09:30", "closes": "11:30"}],
            },
        ],
    },
    {
        "name": "Vrij CLB Limburg",
        "description": "Het centrum voor leerlingenbegeleiding voor scholen van het vrij onderwijs.",
        "website": "https://www.vrijclblimburg.be",
        "partnership": "",
        "locations": [
            {
                "key": "vclb-lommel",
                "name": "Vrij CLB Limburg – Lommel",
                "address": "Kerkstraat 40",
                "postal_code": "3920",
                "city": "Lommel",
                "schedules": [{"days": WEEKDAYS, "opens": "08:30", "closes": "16:30"}],
            }
        ],
        "services": [
            {
                "name": "Leerlingenbegeleiding",
                "description": "Bij vragen over leren, studiekeuze, welbevinden en gezondheid op school.",
                "themes": ["learning_difficulties", "bullying", "homework", "school_transition"],
                "life_stages": ["preschool", "primary", "teen"],
                "languages": ["nl"],
                "locations": ["vclb-lommel"],
                "fees": "Gratis",
            },
        ],
    },
]

# The national helplines (no building) of the Zuid-Limburg demo map, for every municipality here too.
MAP_NOORD = LOCAL + [spec for spec in MAP if not spec.get("locations")]
