"""Regions in the Django admin (installation superusers): the region, its users and their roles. The
agreements are shown, not edited: only an organisation's coordinator agrees or withdraws (audited)."""

from django.contrib import admin

from .models import Region, RegionMember, RegionShare


class RegionMemberInline(admin.TabularInline):
    model = RegionMember
    extra = 0
    fields = ["user", "role", "is_active"]
    raw_id_fields = ["user"]


class RegionShareInline(admin.TabularInline):
    model = RegionShare
    extra = 0
    fields = ["organisation", "agreed_at", "agreed_by", "withdrawn_at", "withdrawn_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RegionMemberInline, RegionShareInline]
