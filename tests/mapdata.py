"""A small social map for Zuid-Limburg (Sint-Truiden, Gingelom, Heers) made through the services.

- CLB "Aanpak van pesten op school": bullying, primary school (6–12), serves Sint-Truiden, a location
  there open on weekdays; a structural partner.
- Stevig "Weerbaarheid voor tieners": bullying, teens, serves Heers only, location in Heers.
- Awel: a helpline for everyone (no area), open every evening from 16:00 to 22:00, Dutch and French.
- Kind en Gezin "Consultatiebureau": sleep, babies, serves all three, location in Gingelom.
"""

import datetime

from opvoedwijzer.socialmap import services
from opvoedwijzer.taxonomy.models import LifeStage, Theme

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR"]
EVERY_DAY = [*WEEKDAYS, "SA", "SU"]


def _terms(org, model, codes):
    return list(model.objects.filter(organisation=org, code__in=codes))


def _service(org, partner, name, **data):
    data.setdefault("themes", [])
    data["themes"] = _terms(org, Theme, data["themes"])
    data["life_stages"] = _terms(org, LifeStage, data.get("life_stages", []))
    return services.create_service(org, {"map_organisation": partner, "name": name, **data})


def make_social_map(zuid):
    m = {mu.code: mu for mu in zuid.municipalities.all()}
    clb = services.create_map_organisation(zuid, {"name": "Vrij CLB Limburg", "partnership": "structural"})
    clb_st = services.create_location(
        zuid,
        {
            "map_organisation": clb,
            "name": "CLB Sint-Truiden",
            "address_1": "Tongersesteenweg 1",
            "postal_code": "3800",
            "city": "Sint-Truiden",
            "municipality": m["71053"],
            "opening_hours": [(WEEKDAYS, datetime.time(8, 30), datetime.time(17, 0))],
        },
    )
    stevig = services.create_map_organisation(zuid, {"name": "Stevig vzw", "partnership": "adhoc"})
    stevig_heers = services.create_location(
        zuid,
        {"map_organisation": stevig, "name": "Stevig Heers", "city": "Heers", "municipality": m["73022"]},
    )
    awel = services.create_map_organisation(zuid, {"name": "Awel"})
    kg = services.create_map_organisation(zuid, {"name": "Kind en Gezin"})
    kg_gingelom = services.create_location(
        zuid,
        {
            "map_organisation": kg,
            "name": "Consultatiebureau Gingelom",
            "city": "Gingelom",
            "municipality": m["71017"],
        },
    )
    return {
        "clb": _service(
            zuid,
            clb,
            "Aanpak van pesten op school",
            description="Samen met de school zoeken we wat een kind nodig heeft dat gepest wordt.",
            themes=["bullying", "school_transition"],
            life_stages=["primary"],
            municipalities=[m["71053"]],
            locations=[clb_st],
            languages="nl",
            phone="011 70 12 34",
        ),
        "stevig": _service(
            zuid,
            stevig,
            "Weerbaarheid voor tieners",
            description="Een training voor jongeren die gepest worden.",
            themes=["bullying", "self_esteem"],
            life_stages=["teen"],
            municipalities=[m["73022"]],
            locations=[stevig_heers],
            languages="nl",
        ),
        "awel": _service(
            zuid,
            awel,
            "Awel – bellen en chatten",
            description="Kinderen en jongeren kunnen bij Awel terecht met al hun vragen, ook over pesten.",
            themes=["bullying", "emotions"],
            languages="nl,fr",
            phone="102",
            opening_hours=[(EVERY_DAY, datetime.time(16, 0), datetime.time(22, 0))],
        ),
        "kg": _service(
            zuid,
            kg,
            "Consultatiebureau",
            description="Gratis consultaties voor baby's en peuters: groei, voeding en slapen.",
            themes=["sleep", "eating"],
            life_stages=["baby", "toddler"],
            municipalities=list(m.values()),
            locations=[kg_gingelom],
            languages="nl",
        ),
    }
