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

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings

LANG_PARAM = "lang"


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
