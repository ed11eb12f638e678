from django import forms
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.taxonomy.models import LifeStage

from .models import LifeStageInfo, PublicProfile


class PublicSiteForm(forms.ModelForm):
    """The profile, and one text per visible life stage (fields `stage_<code>`)."""

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
        texts = dict(LifeStageInfo.objects.filter(organisation=org).values_list("life_stage_id", "text"))
        for stage in self.stages:
            self.fields[f"stage_{stage.code}"] = forms.CharField(
                label=_("Basic information: %(stage)s") % {"stage": stage.label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=texts.get(stage.pk, ""),
            )

    def stage_texts(self):
        return {stage: self.cleaned_data.get(f"stage_{stage.code}", "") for stage in self.stages}
