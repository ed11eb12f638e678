"""Form fields that choose taxonomy terms by code from a list of terms already in memory (see
cache.py), so that validating a registration costs no query."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TermField(forms.ChoiceField):
    """One term, by its code; cleans to the term (or None when not required and empty)."""

    def __init__(self, *, empty_label=None, **kwargs):
        self.empty_label = empty_label
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Unknown code. Choose one of the organisation's terms.")}
        )
        super().__init__(**kwargs)
        self.by_code = {}

    def set_terms(self, terms, grouped=None):
        """The terms to choose from; `grouped` ([(group label, [(code, label)])]) shows them in groups."""
        self.by_code = {t.code: t for t in terms}
        options = grouped if grouped is not None else [(t.code, t.label) for t in terms]
        self.choices = ([("", self.empty_label)] if self.empty_label is not None else []) + list(options)

    def clean(self, value):
        return self.by_code.get(super().clean(value))


class TermsField(forms.MultipleChoiceField):
    """Several terms, by their codes; cleans to a list of terms in the order given."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": _("Unknown code: %(value)s.")})
        super().__init__(**kwargs)
        self.by_code = {}

    def set_terms(self, terms, grouped=None):
        self.by_code = {t.code: t for t in terms}
        self.choices = grouped if grouped is not None else [(t.code, t.label) for t in terms]

    def clean(self, value):
        return [self.by_code[code] for code in dict.fromkeys(super().clean(value))]
