"""The organisation's themes, life stages and municipalities, as an import finds them by code or name."""

from opvoedwijzer.core.models import Municipality
from opvoedwijzer.taxonomy import defaults
from opvoedwijzer.taxonomy.models import LifeStage, Theme

from .values import as_text


class OrganisationTerms:
    """Themes and life stages by code (themes also by any of their labels), municipalities by NIS code,
    name or postal code (read on first use)."""

    def __init__(self, org):
        self.org = org
        self.themes = {t.code: t for t in Theme.objects.for_org(org)}
        self.stages = {s.code: s for s in LifeStage.objects.for_org(org)}
        self.theme_names = {}
        for theme in self.themes.values():
            for label in [theme.custom_label, *defaults.LABELS["theme"].get(theme.code, {}).values()]:
                if label:
                    self.theme_names[label.lower()] = theme
        self.municipalities = None

    def municipality(self, text, postal_code=""):
        if self.municipalities is None:
            self.municipalities = {}
            for m in Municipality.objects.visible_to(self.org).prefetch_related("postal_codes"):
                self.municipalities.setdefault(m.code, m)
                for name in (m.name_nl, m.name_fr):
                    if name:
                        self.municipalities.setdefault(name.lower(), m)
                for pc in m.postal_codes.all():
                    self.municipalities.setdefault(f"pc:{pc.code}", m)
        text = as_text(text).lower()
        return self.municipalities.get(text) or self.municipalities.get(f"pc:{as_text(postal_code)}")
