from django import template
from django.conf import settings
from django.utils import translation

from opvoedwijzer.core.language import language_name, with_lang

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as links %}`: each public language named in itself, linking to the current page
    with `?lang=xx` (core/language.py), the current one marked."""
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": language_name(code),
                "url": with_lang(path, code),
                "current": code == current,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return links
