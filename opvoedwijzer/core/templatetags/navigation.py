from django import template

from opvoedwijzer.core.navigation import groups_for

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_groups(context):
    """`{% nav_groups as groups %}`: the menu groups of the current member (core/navigation.py)."""
    request = context.get("request")
    return groups_for(context.get("membership"), getattr(request, "resolver_match", None))
