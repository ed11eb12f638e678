"""The organisation's own texts in the parents' languages.

A model with parent-facing text keeps its original fields in the service's own language
(`settings.LANGUAGE_CODE`, Dutch) and a `translations` JSONField: `{"fr": {"intro": "…"}, "en": {…}}`.
`translated(obj, "intro")` picks the text to show in the current language; `TranslationsFormMixin` lets
staff write the versions beside the original; the template tag `{% translated obj "intro" as t %}`
(`core/templatetags/translated.py`) gives `t.text`, `t.language` and `t.is_fallback` to a template.

Which version a page shows: the one in the page's language when it is not empty; else the one in
`settings.PUBLIC_FALLBACK_LANGUAGE` (English unless configured: a language a parent is more likely to
read than Dutch), when the page is in a language other than the original; else the original. Whenever
the text is not in the page's language, `is_fallback` is true and the page says so.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language, get_language_info

from .language import language_name as named_in_itself


@dataclass(frozen=True)
class Translated:
    text: str
    language: str  # the language `text` is in
    requested: str  # the language asked for (the page's)

    @property
    def is_fallback(self):
        return self.language != self.requested

    @property
    def dir(self):
        """The direction of the text's own language, for its element on a page in another one."""
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"

    @property
    def requested_name(self):
        """The name of the page's language, in that language's own words where the catalogue has it
        ("Français" on a French page): for the note "not available in … yet"."""
        return get_language_info(self.requested)["name_translated"]

    def __str__(self):
        return self.text


def original_language():
    return settings.LANGUAGE_CODE


def version_languages():
    """The languages a text can have a version in: the public languages but the original."""
    return [code for code, _name in settings.LANGUAGES if code != original_language()]


def language_name(code):
    """A language named in itself, as the public pages' language links name it: Français, Polski."""
    return named_in_itself(code)


def _base(language):
    return (language or "").split("-")[0].lower()


def translated(obj, field, language=None):
    """The text of `obj.<field>` to show in `language` (default: the active language)."""
    requested = _base(language or get_language()) or original_language()
    original = getattr(obj, field, "") or ""
    if requested == original_language():
        return Translated(original, requested, requested)
    versions = getattr(obj, "translations", None) or {}
    fallback = settings.PUBLIC_FALLBACK_LANGUAGE
    for code in (requested, fallback):
        if not code or code == original_language():
            continue
        text = ((versions.get(code) or {}).get(field) or "").strip()
        if text:
            return Translated(text, code, requested)
    return Translated(original, original_language(), requested)


def version_field_name(field, language):
    return f"{field}__{language}"


def clean_versions(versions):
    """`{lang: {field: text}}` without empty texts and empty languages."""
    cleaned = {}
    for language, fields in (versions or {}).items():
        kept = {name: text.strip() for name, text in (fields or {}).items() if text and text.strip()}
        if kept:
            cleaned[language] = kept
    return cleaned


@dataclass
class Version:
    """One language's version of one field in a form: for the template's `<details>`."""

    language: str
    name: str
    field: forms.BoundField

    @property
    def open(self):
        return bool(self.field.errors or (self.field.value() or "").strip())

    @property
    def dir(self):
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"


class TranslationsFormMixin:
    """Adds a field per language of `version_languages()` after each field of `translated_fields`
    (named `<field>__<lang>`, labelled with the original's label and the language named in itself, with
    the same kind of widget), filled from `instance.translations`. `translations_data()` is what to
    store. A version of a field the PII guard reads is read by the guard too: put this mixin after
    `PIIGuardMixin` (`class F(PIIGuardMixin, TranslationsFormMixin, forms.ModelForm)`), so that the
    guard sees the version fields when it sets itself up.

    A form can add versions of fields it makes itself with `add_versions(name, initial={lang: text})`.
    The template renders the fields with `form.fields_with_versions` (core/translated_fields.html).
    """

    translated_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.version_fields = {}  # original field name → [(language, version field name)]
        instance = getattr(self, "instance", None)
        stored = (getattr(instance, "translations", None) or {}) if instance is not None else {}
        for name in self.translated_fields:
            self.add_versions(name, {lang: (stored.get(lang) or {}).get(name, "") for lang in stored})

    def add_versions(self, name, initial=None):
        original = self.fields[name]
        guarded = name in getattr(self, "pii_guarded_fields", ())
        added = []
        for language in version_languages():
            widget = type(original.widget)(attrs={**original.widget.attrs})
            direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
            widget.attrs.update({"lang": language, "dir": direction})
            field = forms.CharField(
                label=format_lazy("{} · {}", original.label, language_name(language)),
                required=False,
                max_length=getattr(original, "max_length", None),
                widget=widget,
                initial=(initial or {}).get(language, ""),
            )
            version = version_field_name(name, language)
            self.fields[version] = field
            added.append((language, version))
        self.version_fields[name] = added
        if guarded:
            self.pii_guarded_fields = (*self.pii_guarded_fields, *(v for _lang, v in added))
        return added

    def versions_of(self, name):
        """{lang: text} of one field, as typed (cleaned), empty ones left out."""
        texts = {}
        for language, version in self.version_fields.get(name, ()):
            text = (self.cleaned_data.get(version) or "").strip()
            if text:
                texts[language] = text
        return texts

    def translations_data(self, names=None):
        """{lang: {field: text}} of the fields of `translated_fields` (or `names`), empty ones dropped."""
        data = {}
        for name in self.translated_fields if names is None else names:
            for language, text in self.versions_of(name).items():
                data.setdefault(language, {})[name] = text
        return data

    def fields_with_versions(self):
        """(bound field, [Version]) for each field but the versions, in order."""
        versions = {v for added in self.version_fields.values() for _lang, v in added}
        rows = []
        for bound in self:
            if bound.name in versions:
                continue
            rows.append(
                (
                    bound,
                    [
                        Version(language, language_name(language), self[version])
                        for language, version in self.version_fields.get(bound.name, ())
                    ],
                )
            )
        return rows
