from django import forms
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.translations import TranslationsFormMixin
from opvoedwijzer.taxonomy.models import LifeStage

from .models import LifeStageInfo, PublicProfile


class PublicSiteForm(TranslationsFormMixin, forms.ModelForm):
    """The profile, and one text per visible life stage (fields `stage_<code>`); each text with its
    versions in the parents' languages beside it (`intro__fr`, `stage_teen__pl`, …)."""

    translated_fields = ("intro", "opening_hours", "how_to_reach")

    class Meta:
        model = PublicProfile
        fields = ["intro", "phone", "email", "address", "opening_hours", "how_to_reach"]
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 4}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "how_to_reach": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, org, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages = list(LifeStage.objects.for_org(org).visible())
        infos = {
            stage_id: (text, versions)
            for stage_id, text, versions in LifeStageInfo.objects.filter(organisation=org).values_list(
                "life_stage_id", "text", "translations"
            )
        }
        for stage in self.stages:
            text, versions = infos.get(stage.pk, ("", {}))
            name = f"stage_{stage.code}"
            self.fields[name] = forms.CharField(
                label=_("Basic information: %(stage)s") % {"stage": stage.label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=text,
            )
            self.add_versions(name, {lang: (v or {}).get("text", "") for lang, v in (versions or {}).items()})

    def stage_texts(self):
        return {stage: self.cleaned_data.get(f"stage_{stage.code}", "") for stage in self.stages}

    def stage_translations(self):
        """{LifeStage: {lang: {"text": …}}}: the versions of each life stage's text."""
        return {
            stage: {lang: {"text": text} for lang, text in self.versions_of(f"stage_{stage.code}").items()}
            for stage in self.stages
        }
