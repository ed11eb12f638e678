import pytest

from tests.mapdata import make_social_map


@pytest.fixture
def social_map(zuid):
    """Four services of four organisations in Zuid-Limburg (see tests/mapdata.py)."""
    return make_social_map(zuid)
