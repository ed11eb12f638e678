"""Writes on the public site: each in one transaction."""

from django.db import transaction

from opvoedwijzer.core.translations import clean_versions

from .models import LifeStageInfo, PublicProfile

PROFILE_FIELDS = ["intro", "phone", "email", "address", "opening_hours", "how_to_reach"]


@transaction.atomic
def update_public_site(org, profile_data, stage_texts, stage_translations=None):
    """The organisation's one public site (its profile is made on the first change);
    `stage_texts`: {LifeStage: text}. The versions in other languages: `profile_data["translations"]`
    ({lang: {field: text}}) and `stage_translations` ({LifeStage: {lang: {"text": text}}}); left as
    they are when not given."""
    profile, _created = PublicProfile.objects.get_or_create(organisation=org)
    fields = list(PROFILE_FIELDS)
    for name in PROFILE_FIELDS:
        setattr(profile, name, profile_data.get(name) or "")
    if "translations" in profile_data:
        profile.translations = clean_versions(profile_data["translations"])
        fields.append("translations")
    profile.save(update_fields=fields)
    for stage, text in stage_texts.items():
        defaults = {"text": text}
        if stage_translations is not None and stage in stage_translations:
            defaults["translations"] = clean_versions(stage_translations[stage])
        LifeStageInfo.objects.update_or_create(organisation=org, life_stage=stage, defaults=defaults)
    return profile
