"""`{% translated obj "field" as t %}`: the version of an organisation's text to show in the page's
language (core/translations.py): `t.text`, `t.language`, `t.is_fallback`, `t.dir`."""

from django import template

from opvoedwijzer.core.translations import translated as pick

register = template.Library()


@register.simple_tag
def translated(obj, field, language=None):
    return pick(obj, field, language)
