"""Demo content of the public site (used by `manage.py seed_demo`): the profile and the life-stage
texts in `data/public_site.json`; an organisation named under "profiles" changes the default's fields."""

from opvoedwijzer.pages.services import update_public_site
from opvoedwijzer.taxonomy.models import LifeStage

from .files import read_json

_DATA = read_json("public_site.json")
PROFILES = _DATA["profiles"]
STAGES = _DATA["life_stages"]


def seed_public_site(org):
    stages = {s: STAGES[s.code] for s in LifeStage.objects.for_org(org).filter(code__in=STAGES)}
    profile = {**PROFILES["default"], **PROFILES.get(org.slug, {})}
    return update_public_site(org, profile, stages)
