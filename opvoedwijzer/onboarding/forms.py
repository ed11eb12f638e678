from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.services import check_new_slug

from .places import MAX_TEXT, resolve_entries


class OrganisationNameForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name"]
        labels = {"name": _("Name of the organisation")}
        help_texts = {"name": _("As parents and partners know it, e.g. “Opvoedingswinkel Hasselt”.")}


class NewOrganisationForm(forms.Form):
    """The site administrator's form. The municipalities are typed (name, postal code or code), one per
    line or separated by commas, and looked up on the server: no JavaScript needed."""

    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    slug = forms.CharField(
        label=_("Address"),
        max_length=50,
        required=False,
        help_text=_(
            "Lowercase letters, digits and hyphens: the public site is /address/, the staff pages "
            "/o/address/. Leave empty to make one from the name."
        ),
    )
    municipalities = forms.CharField(
        label=_("Municipalities served"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One per line or separated by commas: a name (Hasselt), a postal code (3500) or a "
            "municipality code (71022, GM0363)."
        ),
    )
    coordinator_email = forms.EmailField(
        label=_("Coordinator's e-mail address"),
        help_text=_("The coordinator gets an e-mail with a link to choose a password."),
    )

    def clean_slug(self):
        return self.cleaned_data["slug"].strip().lower()

    def clean(self):
        data = super().clean()
        if not data.get("slug") and data.get("name"):
            data["slug"] = slugify(data["name"])[:50].strip("-")
            # Shown in the field, so that the suggestion can be read and changed.
            self.data = self.data.copy()
            self.data["slug"] = data["slug"]
        if data.get("slug"):
            try:  # shown with the other errors at once; the service checks again when it writes
                check_new_slug(data.get("slug", ""))
            except ValidationError as error:
                self.add_error("slug", error.message_dict["slug"])
        return data

    def clean_municipalities(self):
        self.entries = resolve_entries(self.cleaned_data["municipalities"])
        problems = [e for e in self.entries if len(e.matches) != 1]
        if not self.entries:
            raise ValidationError(_("Give at least one municipality."))
        if problems:
            raise ValidationError([e.problem for e in problems])
        return list(dict.fromkeys(e.matches[0] for e in self.entries))
