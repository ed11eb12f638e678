"""An organisation's own words per theme, and what it learned from its answered questions.

Neither keeps a text: a ThemeWord is a word a coordinator typed; LearnedWeights keeps per stem (a word's
root, seen in at least three different texts and never a first name) how much it points to each theme.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.core.models import Organisation


class ThemeWordQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)


class ThemeWord(models.Model):
    """A word or short phrase that points to a theme, added by the organisation to the shipped lists."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    theme_code = models.SlugField(_("theme"), max_length=40)
    word = models.CharField(_("word"), max_length=60)
    language = models.CharField(_("language"), max_length=2, default="nl")
    added_on = models.DateTimeField(auto_now_add=True)

    objects = ThemeWordQuerySet.as_manager()

    class Meta:
        ordering = ["theme_code", "word"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "theme_code", "word", "language"], name="unique_theme_word"
            )
        ]
        verbose_name = _("theme word")

    def __str__(self):
        return f"{self.theme_code}: {self.word} ({self.language})"


class LearnedWeights(models.Model):
    """Per organisation: which stems go with which themes, learned from its own examples. `version` rises
    with every change of the organisation's words or weights: each process reads them again then."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="suggestion_weights"
    )
    version = models.PositiveIntegerField(default=1)
    trained_at = models.DateTimeField(null=True, blank=True)
    examples = models.PositiveIntegerField(default=0)
    # {"stems": {stem: {theme code: weight}}, "themes": {theme code: examples}}
    weights = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("learned weights")

    def __str__(self):
        return f"{self.organisation_id}: {self.examples} examples"
