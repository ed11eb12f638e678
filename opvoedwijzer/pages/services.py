"""Writes on the public site: each in one transaction."""

from django.db import transaction

from .models import LifeStageInfo, PublicProfile

PROFILE_FIELDS = ["intro", "phone", "email", "address", "opening_hours", "how_to_reach"]


@transaction.atomic
def update_public_site(org, profile_data, stage_texts):
    """The organisation's one public site (its profile is made on the first change);
    `stage_texts`: {LifeStage: text}."""
    profile, _created = PublicProfile.objects.get_or_create(organisation=org)
    for name in PROFILE_FIELDS:
        setattr(profile, name, profile_data.get(name) or "")
    profile.save(update_fields=PROFILE_FIELDS)
    for stage, text in stage_texts.items():
        LifeStageInfo.objects.update_or_create(organisation=org, life_stage=stage, defaults={"text": text})
    return profile
