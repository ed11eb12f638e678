"""API v1 (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Authentication: a personal token in `Authorization: Bearer <token>` (made on the profile page or
with `manage.py create_api_token EMAIL`); `POST /contacts` and `POST /suggestions` also take the
browser's login session with the `X-CSRFToken` header (the conversation log sends its queue so, and
staff pages ask for suggestions while someone types). Errors are 4xx with
`{"detail": [{"loc": [...], "msg": "..."}]}`, the same shape as ninja's own validation errors; every
operation lists the ones it can answer. A database outage answers 503 with `Retry-After`, in the same shape.
"""

from . import activities, contacts, public, reference, reports, suggestions, trajectories  # noqa: F401 (activities adds routes to public)
from .auth import TokenAuth
from .errors import DocumentedAPI, install_error_handlers

api = DocumentedAPI(
    title="Opvoedwijzer API",
    version="1",
    auth=TokenAuth(),
    urls_namespace="api-v1",
    description=__doc__,
)
api.add_router("/", reference.router)
api.add_router("/contacts", contacts.router)
api.add_router("/reports", reports.router)
api.add_router("/trajectories", trajectories.router)
api.add_router("/suggestions", suggestions.router)
api.add_router("/public", public.router)
install_error_handlers(api)
