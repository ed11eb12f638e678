"""Control characters never get past the front door (`core/text.py` says which).

- In the address — the path or a query-string parameter — they answer 400 with a clear message:
  JSON in the API's error shape under /api/, a short page elsewhere. A person does not type them into
  an address; a broken link or a probe does, and a view must never look them up in the database
  (PostgreSQL refuses NUL: a 500).
- In a form's body (urlencoded or multipart) they are removed before any view or form sees the data:
  a person cannot see them (they come with pasted text), so an error would only puzzle, and what was
  typed is kept. Every form — ours, allauth's, the admin's — and every `request.POST.get(...)` in a
  view is covered, also the ones added later.
- JSON bodies are the API's: its schemas refuse them field by field (`api/types.py`, 422).
- A cookie with one (Django unquotes "\\000" in a cookie to NUL) was not set by us: it is left out, and
  a session opened from it starts empty (PostgreSQL would refuse the lookup: a 500).

Install early in MIDDLEWARE, before SessionMiddleware (which reads the session cookie) and
CommonMiddleware (whose slash redirect would echo the path):
"opvoedwijzer.core.badinput.BadInputMiddleware".
"""

from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .text import control_character_message, first_control_character, without_control_characters

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def address_problem(request):
    """(where, name, message) for the first control character in the path or query string, or None."""
    message = control_character_message(request.path)
    if message:
        return "path", "path", _("The address contains an invisible control character; check the link.")
    for name, values in request.GET.lists():
        for text in (name, *values):
            if first_control_character(text):
                return "query", name, control_character_message(text)
    return None


def clean_form_body(request):
    """Replace request.POST by a copy without control characters, if it has any."""
    post = request.POST
    if not any(first_control_character(k) or any(map(first_control_character, v)) for k, v in post.lists()):
        return
    cleaned = post.copy()
    cleaned.clear()
    for name, values in post.lists():
        cleaned.setlist(without_control_characters(name), [without_control_characters(v) for v in values])
    cleaned._mutable = False
    request.POST = cleaned


def clean_cookies(request):
    """Leave out cookies with control characters; a session already opened from one starts empty."""
    for name, value in list(request.COOKIES.items()):
        if first_control_character(name) or first_control_character(value):
            del request.COOKIES[name]
    session = getattr(request, "session", None)
    if session is not None and first_control_character(session.session_key or ""):
        request.session = type(session)()


def refuse(request, where, name, message):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": [{"loc": [where, name], "msg": message}]}, status=400)
    html = render_to_string("400.html", {"message": message})
    return HttpResponseBadRequest(html)


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_request(request)
        with translation.override(language):
            problem = address_problem(request)
            if problem is not None:
                return refuse(request, *problem)
        clean_cookies(request)
        if request.method in ("POST", "PUT", "PATCH") and request.content_type in FORM_CONTENT_TYPES:
            clean_form_body(request)
        return self.get_response(request)


def as_id(value):
    """A row id from a form or query (`request.POST.get("loan")`) as a number, or None when it is not
    one: the view then answers 404 (`get_object_or_404(…, pk=None)`) instead of a 500 from the ORM."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
