"""The information library (M4): folders, brochures, books, articles, videos, websites and games, by
theme, life stage, language and audience; books have copies that are lent and reserved.

Someone who reserves leaves only what telling them "it is ready" needs — a phone number or an e-mail
address — encrypted, and deleted as soon as the reservation ends. (Loans come next.)
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opvoedwijzer.contacts.models import CONTACT_LANGUAGES
from opvoedwijzer.core import fulltext
from opvoedwijzer.core.models import Organisation
from opvoedwijzer.taxonomy.models import LifeStage, Theme


class Kind(models.TextChoices):
    FOLDER = "folder", _("folder")
    BROCHURE = "brochure", _("brochure")
    BOOK = "book", _("book")
    ARTICLE = "article", _("article")
    VIDEO = "video", _("video")
    WEBSITE = "website", _("website")
    GAME = "game", _("game")


class Audience(models.TextChoices):
    PARENTS = "parents", _("parents")
    PROFESSIONALS = "professionals", _("professionals")
    BOTH = "both", _("parents and professionals")


class ResourceQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(organisation=org)

    def published(self):
        return self.filter(published=True)

    def search(self, text):
        """Every word of `text` as a prefix of a Dutch stem, best matches first."""
        words = fulltext.words_of(text)
        qs = fulltext.matching(self, words, self.model._meta.db_table)
        return qs.order_by("-rank", "title", "id") if words else qs


class Resource(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    author = models.CharField(_("author or publisher"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web address"), max_length=300, blank=True)
    body = models.TextField(
        _("text of the article"),
        blank=True,
        help_text=_(
            "For an article written here: **bold**, *italic*, lines starting with - for a list, "
            "## for a heading, [words](https://…) for a link."
        ),
    )
    themes = models.ManyToManyField(Theme, related_name="+", blank=True, verbose_name=_("themes"))
    life_stages = models.ManyToManyField(
        LifeStage, related_name="+", blank=True, verbose_name=_("life stages")
    )
    # Versions in the parents' languages: {"fr": {"title": "…"}, …} (core/translations.py).
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=CONTACT_LANGUAGES, default="nl")
    audience = models.CharField(_("for"), max_length=14, choices=Audience.choices, default=Audience.PARENTS)
    published = models.BooleanField(_("on the public site"), default=True)
    stock = models.PositiveIntegerField(
        _("in stock"), null=True, blank=True, help_text=_("For folders and brochures.")
    )
    # Title, author, description, article, theme and life-stage labels: what Dutch full-text search reads
    # (core/fulltext.py; written by services.create_resource and update_resource).
    search_text = models.TextField(blank=True, editable=False)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self):
        return self.title

    @property
    def body_html(self):
        """The article as HTML: Markdown, then cleaned to a few safe tags (no scripts, styles or
        javascript: links, whatever was typed)."""
        return rich_text(self.body)

    @property
    def lendable(self):
        return self.kind in (Kind.BOOK, Kind.GAME, Kind.VIDEO)


class Copy(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="copies")
    barcode = models.CharField(_("barcode"), max_length=40)

    class Meta:
        ordering = ["barcode"]
        constraints = [models.UniqueConstraint(fields=["resource", "barcode"], name="unique_copy_barcode")]

    def __str__(self):
        return self.barcode


class LoanQuerySet(models.QuerySet):
    def for_org(self, org):
        return self.filter(copy__resource__organisation=org)

    def out(self):
        return self.filter(returned_on__isnull=True)

    def overdue(self, day=None):
        return self.out().filter(due_on__lt=day or timezone.localdate())


class Loan(models.Model):
    """A copy lent out. The borrower leaves only what a reminder needs — a phone number or an e-mail
    address, encrypted — purged `RETENTION_DAYS["library_contact"]` days after the return
    (`contact_purge_on`, set when the copy comes back)."""

    copy = models.ForeignKey(Copy, on_delete=models.CASCADE, related_name="loans")
    contact = models.TextField(editable=False, blank=True)  # encrypted
    lent_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField(_("due on"))
    renewals = models.PositiveSmallIntegerField(default=0)
    returned_on = models.DateField(null=True, blank=True)
    contact_purge_on = models.DateField(null=True, blank=True, editable=False)

    objects = LoanQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["copy"], condition=Q(returned_on__isnull=True), name="one_open_loan_per_copy"
            )
        ]

    def __str__(self):
        return f"{self.copy} · {self.due_on}"


class Handout(models.Model):
    """Folders or brochures handed out on a day: the offer "material" of the numbers, per title."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="handouts")
    given_on = models.DateField(default=timezone.localdate)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self):
        return f"{self.resource_id} × {self.count}"


class ReservationEnd(models.TextChoices):
    PICKED_UP = "picked_up", _("picked up")
    CANCELLED = "cancelled", _("cancelled")


class Reservation(models.Model):
    """ "Reserve this book", without an account: a phone number or an e-mail address (encrypted) to say
    it is ready, nothing else."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="reservations")
    contact = models.TextField(editable=False)  # encrypted phone number or e-mail address
    reserved_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    ended_as = models.CharField(max_length=10, choices=ReservationEnd.choices, blank=True)

    class Meta:
        ordering = ["reserved_on", "id"]

    def __str__(self):
        return f"{self.resource_id} · {self.reserved_on}"


ARTICLE_TAGS = {"p", "br", "h2", "h3", "ul", "ol", "li", "strong", "em", "a", "blockquote"}


def rich_text(text):
    import markdown
    import nh3
    from django.utils.safestring import mark_safe

    html = markdown.markdown(text or "", output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ARTICLE_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )
    return mark_safe(cleaned)  # cleaned by nh3 to the tags above
