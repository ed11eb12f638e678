"""The import screen's forms: the upload, and the confirmation with the mapping step."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES, Area
from opvoedwijzer.taxonomy import defaults as taxonomy_defaults
from opvoedwijzer.taxonomy.cache import terms_of

from .checking import DEFAULTABLE, FIELD_LABELS, REQUIRED
from .reading import MAX_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A spreadsheet (.xlsx) or a CSV file (.csv), one row per contact or a tally with a count column."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than 50 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise ValidationError(_("Choose a .xlsx or .csv file."))
        return upload


def options(org, field):
    """[(code, label)] a value of `field` can be mapped onto, in the organisation's order."""
    terms = terms_of(org)
    if field == "municipality":
        return [(m.code, m.name) for m in terms.municipalities] + [
            (Area.OUTSIDE.value, _("Outside the region")),
            (Area.UNKNOWN.value, _("Unknown")),
        ]
    if field in ("request_kind", "duration"):
        return [(code, taxonomy_defaults.label(field, code)) for code in taxonomy_defaults.LABELS[field]]
    if field == "language":
        return list(CONTACT_LANGUAGES)
    return [(t.code, t.label) for t in terms.visible(field)]


class ConfirmForm(forms.Form):
    """One select per unknown value ("'Telefonisch' → Telefoon", remembered), one per field the file
    lacks or leaves empty (a value for the whole file), and whether to import the good rows anyway."""

    accept_good_rows = forms.BooleanField(
        label=_("Import the good rows and leave the refused ones out"),
        required=False,
        help_text=_("Without this, nothing is imported as long as one row is refused."),
    )

    def __init__(self, batch, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.batch = batch
        org = batch.organisation
        preview = batch.preview or {}
        self.unknown = preview.get("unknown", [])
        for i, entry in enumerate(self.unknown):
            label = _("%(field)s “%(value)s” (%(rows)s rows)") % {
                "field": FIELD_LABELS[entry["field"]],
                "value": entry["value"],
                "rows": entry["rows"],
            }
            self.fields[f"map_{i}"] = forms.ChoiceField(
                label=label,
                required=False,
                choices=[("", _("— not known: leave these rows out —")), *options(org, entry["field"])],
                initial=entry.get("suggest") or "",
            )
        present = {c["field"] for c in preview.get("columns", []) if c.get("field")}
        empty = preview.get("empty", {})
        self.default_fields = [f for f in DEFAULTABLE if f not in present or empty.get(f)]
        for name in self.default_fields:
            required = name in REQUIRED and name not in present
            self.fields[f"default_{name}"] = forms.ChoiceField(
                label=FIELD_LABELS[name],
                required=required,
                choices=[("", _("— choose —")), *options(org, name)],
                initial=(batch.defaults or {}).get(name, ""),
                help_text=_("The file has no column for this: the value of every row.")
                if name not in present
                else _("For the rows where it is empty."),
            )
        self.order_fields(
            [*(f"map_{i}" for i in range(len(self.unknown))), *(f"default_{n}" for n in self.default_fields)]
        )
        self.accept_good_rows_initial = batch.accept_good_rows

    @property
    def mapping_fields(self):
        return [self[f"map_{i}"] for i in range(len(self.unknown))]

    @property
    def defaults_fields(self):
        return [self[f"default_{n}"] for n in self.default_fields]

    def mappings(self):
        """{(field, normed value): target} for the values mapped here."""
        return {
            (entry["field"], entry["norm"]): self.cleaned_data[f"map_{i}"]
            for i, entry in enumerate(self.unknown)
            if self.cleaned_data.get(f"map_{i}")
        }

    def defaults(self):
        return {name: self.cleaned_data.get(f"default_{name}") or "" for name in self.default_fields}
