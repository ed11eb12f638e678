from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES
from opvoedwijzer.core.fields import ISO_DATE, phone_or_email
from opvoedwijzer.core.translations import TranslationsFormMixin
from opvoedwijzer.taxonomy.fields import themes_by_group
from opvoedwijzer.taxonomy.models import LifeStage, Theme

from .models import Copy, Resource


class ResourceForm(TranslationsFormMixin, forms.ModelForm):
    translated_fields = ("title", "description")

    class Meta:
        model = Resource
        fields = [
            "kind",
            "title",
            "author",
            "description",
            "url",
            "themes",
            "life_stages",
            "language",
            "audience",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "life_stages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["themes"].queryset = themes
        self.fields["themes"].to_field_name = "code"
        self.fields["themes"].widget.choices = themes_by_group(themes)
        self.fields["themes"].widget.attrs["size"] = 8
        self.fields["life_stages"].queryset = LifeStage.objects.for_org(org).visible()


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    theme = forms.ModelChoiceField(queryset=None, required=False, to_field_name="code", label=_("Theme"))
    life_stage = forms.ModelChoiceField(queryset=None, required=False, to_field_name="code", label=_("Age"))
    language = forms.ChoiceField(required=False, label=_("Language"))

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = Theme.objects.for_org(org).visible().select_related("group")
        self.fields["theme"].queryset = themes
        self.fields["theme"].widget.choices = [("", _("all themes")), *themes_by_group(themes)]
        self.fields["life_stage"].queryset = LifeStage.objects.for_org(org).visible()
        self.fields["life_stage"].empty_label = _("all ages")
        self.fields["language"].choices = [("", _("all languages")), *CONTACT_LANGUAGES[:-1]]

    def filter(self, resources):
        if not self.is_valid():
            return resources
        d = self.cleaned_data
        if d["theme"]:
            resources = resources.filter(themes=d["theme"])
        if d["life_stage"]:
            resources = resources.filter(life_stages=d["life_stage"])
        if d["language"]:
            resources = resources.filter(language=d["language"])
        return resources.search(d["q"])


class CountForm(forms.Form):
    count = forms.IntegerField(label=_("How many"), min_value=1, max_value=10_000, initial=1)


class CopyForm(forms.Form):
    barcode = forms.CharField(label=_("Barcode"), max_length=40)


class LendForm(forms.Form):
    copy = forms.ModelChoiceField(queryset=None, label=_("Copy"))
    contact = forms.CharField(
        label=_("Phone number or e-mail address of the borrower"),
        max_length=254,
    )
    due_on = forms.DateField(label=_("Back by"), required=False, widget=ISO_DATE)

    def __init__(self, free_copies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["copy"].queryset = Copy.objects.filter(pk__in=[c.pk for c in free_copies])
        days = settings.RETENTION_DAYS["library_contact"]
        self.fields["contact"].help_text = ngettext(
            "Only for a reminder; deleted %(days)s day after the return.",
            "Only for a reminder; deleted %(days)s days after the return.",
            days,
        ) % {"days": days}

    def clean_contact(self):
        return phone_or_email(self.cleaned_data["contact"])


class ReserveForm(forms.Form):
    contact = forms.CharField(
        label=_("Your phone number or e-mail address"),
        max_length=254,
        help_text=_("Only to tell you the book is ready. We delete it when you have picked it up."),
    )

    def clean_contact(self):
        return phone_or_email(self.cleaned_data["contact"])
