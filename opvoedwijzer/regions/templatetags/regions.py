from django import template

from ..models import RegionMember

register = template.Library()


@register.simple_tag
def regions_of(user):
    """The regions in which `user` has an active role (for the start page), one query."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        RegionMember.objects.active().filter(user=user).select_related("region").order_by("region__name")
    )
