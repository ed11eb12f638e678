from opvoedwijzer.core.models import Membership

from .errors import ApiError, field_error


def membership_for(request, slug=None, where="body", permission=None):
    """The caller's membership: the only one, or the one named by `organisation`."""
    memberships = getattr(request.auth, "api_memberships", None)  # read with the token (api.TokenAuth)
    if memberships is None:
        memberships = list(
            Membership.objects.active().select_related("organisation", "user").filter(user=request.auth)
        )
    if slug:
        memberships = [m for m in memberships if m.organisation.slug == slug]
        if not memberships:
            raise ApiError(404, [field_error("organisation", "No such organisation.", where)])
    if not memberships:
        raise ApiError(403, [field_error("organisation", "You are not a member of any organisation.", where)])
    if len(memberships) > 1:
        raise ApiError(
            400,
            [
                field_error(
                    "organisation",
                    "You are a member of several organisations: name one with 'organisation': "
                    + ", ".join(sorted(m.organisation.slug for m in memberships)),
                    where,
                )
            ],
        )
    membership = memberships[0]
    if permission and not getattr(membership, permission):
        raise ApiError(403, [field_error("organisation", "Your role does not allow this.", where)])
    return membership
