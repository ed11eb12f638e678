"""Demo content of the public site (used by `manage.py seed_demo`)."""

from opvoedwijzer.pages.services import save_public_site
from opvoedwijzer.taxonomy.models import LifeStage

PROFILE = {
    "intro": "Heb je een vraag over opvoeden? Groot of klein, je kunt bij ons terecht. Het is gratis, en je "
    "hoeft je naam niet te geven.",
    "phone": "011 70 00 00",
    "email": "info@example.org",
    "address": "Stationsstraat 1, 3800 Sint-Truiden",
    "opening_hours": "maandag tot vrijdag 9:00–12:30\nwoensdag ook 13:30–17:00",
    "how_to_reach": "Op afspraak kan je ook 's avonds of bij je thuis terecht.",
}
STAGES = {
    "baby": "Een baby huilt, slaapt en drinkt op zijn eigen ritme. Dat vraagt veel van jou. Rust nemen mag.",
    "toddler": "Peuters willen alles zelf doen. Koppigheid hoort erbij: zo leren ze wie ze zijn.",
    "primary": "Op school leert je kind veel nieuwe kinderen kennen. Soms loopt dat moeilijk, bijvoorbeeld "
    "bij pesten.",
    "teen": "Pubers zoeken hun eigen weg. Blijf praten, ook als het moeilijk gaat.",
}


# Noord-Limburg's own address and hours (made up, like Zuid-Limburg's).
PROFILES = {
    "noord-limburg": {
        **PROFILE,
        "phone": "011 70 52 00",
        "email": "info.noord@example.org",
        "address": "Marktplein 2, 3900 Pelt",
        "opening_hours": "maandag, dinsdag en donderdag 9:00–12:30\nwoensdag 13:30–17:00",
    }
}


def seed_public_site(org):
    stages = {s: STAGES[s.code] for s in LifeStage.objects.for_org(org).filter(code__in=STAGES)}
    return save_public_site(org, PROFILES.get(org.slug, PROFILE), stages)
