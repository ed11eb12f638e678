"""`{% translated obj "field" as t %}`: the version of an organisation's text to show in the page's
language (core/translations.py): `t.text`, `t.language`, `t.is_fallback`, `t.dir`."""

from django import template

from opvoedwijzer.core.translations import language_name
from opvoedwijzer.core.translations import translated as pick
from opvoedwijzer.core.translations import version_languages as version_languages_of_settings

register = template.Library()


@register.simple_tag
def translated(obj, field, language=None):
    return pick(obj, field, language)


@register.simple_tag
def version_languages(obj):
    """`{% version_languages obj as versions %}`: (code, name in itself) of the languages `obj` has a
    version in, in the order of settings.LANGUAGES (for staff: which versions exist)."""
    stored = getattr(obj, "translations", None) or {}
    return [(code, language_name(code)) for code in version_languages_of_settings() if stored.get(code)]
