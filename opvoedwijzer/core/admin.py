"""The Django admin, for installation superusers only: organisations, people, memberships.
Contacts are deliberately not in the admin."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError

from .models import Invitation, Membership, Municipality, Organisation, User
from .services import check_new_slug, give_organisation_defaults


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "municipalities"]

    def clean_slug(self):
        """A new or changed address is checked as everywhere else: format, reserved words, taken."""
        slug = self.cleaned_data["slug"]
        if self.instance.pk is None or slug != self.instance.slug:
            try:
                check_new_slug(slug)
            except ValidationError as error:
                raise ValidationError(error.message_dict["slug"]) from None
        return slug


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipalities"]
    fields = ["user", "role", "is_active", "municipalities"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ["name", "slug", "created"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["municipalities"]
    inlines = [MembershipInline]

    def save_related(self, request, form, formsets, change):
        """An organisation made or changed here gets its defaults (idempotent), as one made by the
        command or the site administration screen does: without terms nothing can be registered."""
        super().save_related(request, form, formsets, change)
        give_organisation_defaults(form.instance)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active", "is_superuser"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Personal", {"fields": ["first_name", "last_name"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created", "expires_at", "accepted_at"]
    exclude = ["token_hash"]
    readonly_fields = ["accepted_at"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name_nl", "code", "valid_from", "valid_to"]
    search_fields = ["name_nl", "name_fr", "code", "postal_codes__code"]
