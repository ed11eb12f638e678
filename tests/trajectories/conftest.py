"""Trajectories made through the services, from codes (as tests/factories.contact_data makes contacts)."""

import pytest
from django.utils import timezone

from opvoedwijzer.core.areas import Area
from opvoedwijzer.taxonomy.models import AskerRole, LifeStage, Theme
from opvoedwijzer.trajectories import services


def trajectory_data(org, **overrides):
    """What the opening form gives, from codes: a mother in Sint-Truiden worried about bullying."""
    codes = {
        "kind": "short",
        "municipality": "71053",
        "asker_role": "mother",
        "life_stages": ["primary"],
        "themes": ["bullying"],
        "request": "Onze zoon wordt gepest op school en wil niet meer gaan.",
        "started_on": timezone.localdate(),
    }
    codes.update(overrides)
    term = lambda model, code: model.objects.get(organisation=org, code=code)  # noqa: E731
    municipality = codes["municipality"]
    return {
        **codes,
        "municipality": municipality
        if municipality in (Area.OUTSIDE, Area.UNKNOWN)
        else org.municipalities.get(code=municipality),
        "asker_role": term(AskerRole, codes["asker_role"]),
        "life_stages": [term(LifeStage, c) for c in codes["life_stages"]],
        "themes": [term(Theme, c) for c in codes["themes"]],
    }


@pytest.fixture
def open_trajectory_for():
    """`open_trajectory_for(sam, themes=["sleep"], started_on=…)`: a trajectory sam counsels."""

    def make(membership, pii_confirmations=(), **overrides):
        data = trajectory_data(membership.organisation, **overrides)
        return services.open_trajectory(membership, data, pii_confirmations=pii_confirmations)

    return make
