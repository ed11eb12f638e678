"""Demo content of the public site (used by `manage.py seed_demo`): the profile and the life-stage
texts in `data/public_site.json`; an organisation named under "profiles" changes the default's fields.

The versions in the parents' languages come from every `data/public_site.<lang>.json` present
(`{"profile": {"intro": …, "opening_hours": …, "how_to_reach": …}, "life_stages": {code: text}}`):
they translate the default profile, so an organisation that changes a field of it keeps that field in
Dutch only. Seeding again writes the same texts: nothing is duplicated."""

from django.conf import settings

from opvoedwijzer.pages.services import update_public_site
from opvoedwijzer.taxonomy.models import LifeStage

from .files import DATA, read_json

_DATA = read_json("public_site.json")
PROFILES = _DATA["profiles"]
STAGES = _DATA["life_stages"]
TRANSLATED_PROFILE_FIELDS = ("intro", "opening_hours", "how_to_reach")


def versions():
    """{lang: {"profile": {…}, "life_stages": {…}}} of the language files present."""
    found = {}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (DATA / f"public_site.{code}.json").exists():
            found[code] = read_json(f"public_site.{code}.json")
    return found


def seed_public_site(org):
    stages = {s: STAGES[s.code] for s in LifeStage.objects.for_org(org).filter(code__in=STAGES)}
    own = PROFILES.get(org.slug, {})
    profile = {**PROFILES["default"], **own}
    translations, stage_translations = {}, {stage: {} for stage in stages}
    for code, texts in versions().items():
        fields = {
            name: text
            for name, text in (texts.get("profile") or {}).items()
            if name in TRANSLATED_PROFILE_FIELDS and name not in own
        }
        if fields:
            translations[code] = fields
        for stage in stages:
            text = (texts.get("life_stages") or {}).get(stage.code)
            if text:
                stage_translations[stage][code] = {"text": text}
    return update_public_site(org, {**profile, "translations": translations}, stages, stage_translations)
