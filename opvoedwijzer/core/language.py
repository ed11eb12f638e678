"""The languages of the public pages: the choice a parent makes, and the fallback for what is not translated.

- `with_lang(url, language)`: a link that leaves the page flow and comes back (a mail's pick-up link, a
  cancel link, the evaluation QR code) carries the parent's language as `?lang=xx`.
- `PublicLanguageMiddleware` (after LocaleMiddleware): on a public page, `?lang=xx` activates that language
  and remembers it in the language cookie; afterwards, when part of the page fell back to another language,
  it says so under the header (the `<!--language-notice-->` marker in public_base.html).
- `PublicTranslation`: for the public languages that staff do not use (fr, ar, tr, pl), a string without a
  translation falls back to `settings.PUBLIC_FALLBACK_LANGUAGE` (English by default) instead of Django's
  fallback to `LANGUAGE_CODE` (Dutch), and every such miss is recorded for the request. `install()` (called
  once from CoreConfig.ready) makes Django build these objects; tests/i18n/test_fallback.py fails if Django
  changes the hooks this relies on (`trans_real.DjangoTranslation`, its `_add_fallback`, `translation()`).
"""

import contextvars
import gettext as gettext_module
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import trans_real

LANG_PARAM = "lang"
NOTICE_MARKER = b"<!--language-notice-->"
# Pages that are not public: their language is the staff's (nl/en), `?lang=` does nothing there.
NOT_PUBLIC_PREFIXES = (
    "/o/",
    "/api/",
    "/accounts/",
    "/profile/",
    "/admin/",
    "/site-admin/",
    "/i18n/",
    "/invite/",
    "/r/",
)

# Each language named in itself, as a parent looks for it (Django's own names are lower case, some voweled).
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "fr": "Français",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
}

# The msgids that fell back during the current request (None outside a request: nothing is recorded).
_misses: contextvars.ContextVar[set | None] = contextvars.ContextVar("language_misses", default=None)


def language_name(code):
    return LANGUAGE_NAMES.get(code) or translation.get_language_info(code)["name_local"]


def public_languages():
    return [code for code, _name in settings.LANGUAGES]


def fallback_languages():
    """The public languages that fall back to PUBLIC_FALLBACK_LANGUAGE (all but the staff languages)."""
    return [code for code in public_languages() if code not in settings.STAFF_LANGUAGES]


def with_lang(url, language):
    """`url` with `?lang=<language>` (replacing a `lang` it had; other parameters and the fragment kept).
    A language that is not public leaves the URL as it is."""
    if not language or language not in public_languages():
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != LANG_PARAM]
    query.append((LANG_PARAM, language))
    return urlunsplit(parts._replace(query=urlencode(query)))


class _MissRecorder(gettext_module.NullTranslations):
    """The end of a public language's catalogue: records the msgid, then asks the fallback language."""

    def _record(self, message):
        misses = _misses.get()
        if misses is not None:
            misses.add(message.rpartition("\x04")[2])  # pgettext passes "context\x04message"

    def gettext(self, message):
        self._record(message)
        return super().gettext(message)

    def ngettext(self, msgid1, msgid2, n):
        self._record(msgid1 if n == 1 else msgid2)
        return super().ngettext(msgid1, msgid2, n)

    def pgettext(self, context, message):
        self._record(message)
        return super().pgettext(context, message)

    def npgettext(self, context, msgid1, msgid2, n):
        self._record(msgid1 if n == 1 else msgid2)
        return super().npgettext(context, msgid1, msgid2, n)


_DjangoTranslation = trans_real.DjangoTranslation


class PublicTranslation(_DjangoTranslation):
    """Django's translation object, but fr/ar/tr/pl fall back to PUBLIC_FALLBACK_LANGUAGE, recording misses.

    Django itself falls back to LANGUAGE_CODE (Dutch), a language a French-speaking parent is less likely
    to read than English. Staff languages (nl, en) and other domains (djangojs) keep Django's behaviour.
    """

    def _add_fallback(self, localedirs=None):
        language = self.language()
        if self.domain != "django" or language not in fallback_languages():
            return super()._add_fallback(localedirs)
        recorder = _MissRecorder()
        fallback = settings.PUBLIC_FALLBACK_LANGUAGE
        if fallback and fallback != language:
            recorder.add_fallback(trans_real.translation(fallback))
        self.add_fallback(recorder)


def install():
    """Make Django build PublicTranslation objects (once, at start-up; idempotent). Translations of the
    fallback languages built before are dropped from Django's cache so they are built again."""
    if trans_real.DjangoTranslation is not PublicTranslation:
        trans_real.DjangoTranslation = PublicTranslation
    for code in fallback_languages():
        cached = trans_real._translations.get(code)
        if cached is not None and not isinstance(cached, PublicTranslation):
            del trans_real._translations[code]


def is_public_path(path):
    return not path.startswith(NOT_PUBLIC_PREFIXES)


_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def _shown(msgid, content):
    """Whether (the longest literal part of) a fallen-back msgid is visible in the page's HTML."""
    part = max(_PLACEHOLDER.split(msgid), key=len).strip()
    if len(part) < 3:
        return False
    return part.encode() in content or escape(part).encode() in content


def _direction(code):
    return "rtl" if translation.get_language_info(code)["bidi"] else "ltr"


def fallback_notice(language):
    """The notice's HTML: one line in the parent's language, one in the fallback language. The language
    names sit in <bdi>, so that a Latin name keeps its place in an Arabic sentence."""
    fallback = settings.PUBLIC_FALLBACK_LANGUAGE or settings.LANGUAGE_CODE
    names = {
        "language": format_html('<bdi lang="{}">{}</bdi>', language, language_name(language)),
        "fallback": format_html('<bdi lang="{}">{}</bdi>', fallback, language_name(fallback)),
    }
    lines = {}
    for code in (language, fallback):
        with translation.override(code):
            text = _(
                "Part of this page is not translated into %(language)s yet; it is shown in %(fallback)s."
            )
        # the translated text escaped, the names built safe above
        lines.setdefault(mark_safe(conditional_escape(text) % names), code)
    items = format_html_join(
        "", '<p lang="{}" dir="{}">{}</p>', ((code, _direction(code), text) for text, code in lines.items())
    )
    return format_html('<div class="language-notice" role="note">{}</div>', items)


class PublicLanguageMiddleware:
    """On a public page: `?lang=xx` activates xx and remembers it in the language cookie; a page part of
    which fell back to another language says so (see the module's docstring). Staff pages speak a staff
    language only (`STAFF_LANGUAGES`): a colleague whose cookie says Arabic, because they looked at the
    public site in Arabic, gets their staff screens in Dutch, not in Arabic partly fallen back to English."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = None
        public = is_public_path(request.path_info)
        if public:
            asked = request.GET.get(LANG_PARAM, "")
            if asked in public_languages():
                chosen = asked
                translation.activate(chosen)
                request.LANGUAGE_CODE = chosen
        elif (
            not request.path_info.startswith("/api/")
            and translation.get_language() not in settings.STAFF_LANGUAGES
        ):
            # (The API keeps the request's language: the public ask endpoint answers in it by default.)
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        token = _misses.set(set())
        try:
            response = self.get_response(request)
            misses = _misses.get()
        finally:
            _misses.reset(token)
        if public:  # the language may come from the cookie: a cache must not mix them
            patch_vary_headers(response, ("Cookie",))
        if chosen is not None:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        self._fill_notice(request, response, misses)
        return response

    def _fill_notice(self, request, response, misses):
        if response.streaming or "text/html" not in response.get("Content-Type", ""):
            return
        content = response.content
        if NOTICE_MARKER not in content:
            return
        language = translation.get_language()
        notice = b""
        if language in fallback_languages() and misses and any(_shown(m, content) for m in misses):
            notice = fallback_notice(language).encode()
        response.content = content.replace(NOTICE_MARKER, notice, 1)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
