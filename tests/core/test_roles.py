"""What each role may do, capability by capability (core/models.py, ROLES_THAT_…): the views, the menu
and the API ask these, so a change here is a change for every screen."""

import pytest

from opvoedwijzer.core.models import Membership, Role

CAPABILITIES = [
    "can_register",
    "can_edit_content",
    "can_answer_questions",
    "can_read_reports",
    "reads_outside_numbers",
    "is_coordinator",
]

WHAT_EACH_ROLE_MAY = {
    Role.COORDINATOR: {
        "can_register",
        "can_edit_content",
        "can_answer_questions",
        "can_read_reports",
        "is_coordinator",
    },
    Role.STAFF: {"can_register", "can_edit_content", "can_answer_questions", "can_read_reports"},
    Role.VOLUNTEER: {"can_register"},
    Role.FUNDER: {"can_read_reports", "reads_outside_numbers"},
}


def test_every_role_is_described():
    assert set(WHAT_EACH_ROLE_MAY) == set(Role)


@pytest.mark.parametrize("role", list(Role))
def test_a_role_has_exactly_its_capabilities(role):
    membership = Membership(role=role)
    assert {name for name in CAPABILITIES if getattr(membership, name)} == WHAT_EACH_ROLE_MAY[role]


@pytest.mark.parametrize("role", list(Role))
def test_editing_the_shared_content_is_for_staff_and_coordinators_only(role):
    """can_edit_content guards what the old "see numbers" capability guarded (library items, activities,
    the social map, networking meetings, signal steps): the same two roles, no one more, no one less."""
    assert Membership(role=role).can_edit_content == (role in {Role.STAFF, Role.COORDINATOR})
