"""Small form helpers every app's forms share: the date widget, a date check, a phone-or-e-mail check."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# <input type=date> takes only ISO dates; without a format a DateInput writes the active language's.
ISO_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def not_in_future(day):
    if day > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))


def phone_or_email(value):
    value = value.strip()
    digits = re.sub(r"[\s./()-]", "", value)
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError as error:
            raise ValidationError(_("This is not an e-mail address.")) from error
    elif not re.fullmatch(r"\+?\d{8,15}", digits):
        raise ValidationError(_("Write a phone number (e.g. 0470 12 34 56) or an e-mail address."))
    return value
