from functools import wraps

from django.core.exceptions import PermissionDenied


def member_may(permission):
    """Allow the view only when `request.membership.<permission>` is true (403 otherwise).

    Tenancy itself (404 for other organisations) is the middleware's job; this checks the role.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not getattr(request.membership, permission, False):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_htmx(request):
    """True for a request made by htmx (which then wants only a fragment of the page)."""
    return request.headers.get("HX-Request") == "true"
