"""The sections of the reports, in the order every output shows them: the overview page, the yearly
report (the sections with a `pdf_template`), the XLSX export and the stats API all read this list.

Adding a section: write the domain's `report.py` with a `SECTION` (see `opvoedwijzer.core.reporting`)
and add it here.
"""

from opvoedwijzer.activities.report import SECTION as GROUP_OFFER
from opvoedwijzer.library.report import SECTION as HANDOUTS
from opvoedwijzer.policy.report import SECTION as PARTNER_WORK
from opvoedwijzer.socialmap.report import SECTION as REFERRALS
from opvoedwijzer.trajectories.report import SECTION as TRAJECTORIES
from opvoedwijzer.volunteers.report import SECTION as VOLUNTEERS

SECTIONS = [PARTNER_WORK, REFERRALS, GROUP_OFFER, HANDOUTS, TRAJECTORIES, VOLUNTEERS]


def pdf_sections():
    """The sections of the yearly report, in the list's order."""
    return [section for section in SECTIONS if section.pdf_template]


def build_sections(org, start, end, municipalities=None, *, outside=False):
    """[(section, figures)] for a period and a selection of municipalities (None for all)."""
    return [
        (section, section.build(org, start, end, municipalities, outside=outside)) for section in SECTIONS
    ]


def section_tables(built):
    """[(section, [Table])] of built sections: what the exports and the API write."""
    return [(section, section.tables(figures)) for section, figures in built]
