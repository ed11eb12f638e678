"""The staff navigation: one list of groups (Registering / The work / Numbers / Settings) with ONE name
per page, used by both the menu in base.html and the organisation's home, so the two never drift apart.
Each item is shown only to the roles its view lets in (the same `member_may` permission)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (group label, [(label, description, url name, permission, (match kind, match value))])
# match: ("url", url_name), ("view", "namespace:url_name") or ("app", app_name) — what marks the item
# aria-current in the menu.
GROUPS = [
    (
        _("Registering"),
        [
            (
                _("Register a contact"),
                _("A call, a visit, an e-mail: registered in seconds, anonymously."),
                "contacts:register",
                "can_register",
                ("url", "register"),
            ),
            (
                _("Outreach tally"),
                _("At the school gate or the market: one tap per question."),
                "contacts:tally",
                "can_register",
                ("url", "tally"),
            ),
            (
                _("Conversation log"),
                _(
                    "On your phone, also without a connection: conversations and tally, sent when you are "
                    "back online."
                ),
                "contacts:log",
                "can_register",
                ("url", "log"),
            ),
            (
                _("Registrations"),
                _("Look back, correct or delete."),
                "contacts:recent",
                "can_register",
                ("url", "recent"),
            ),
            (
                _("Import"),
                _("Contacts kept elsewhere, from an Excel or CSV file."),
                "imports:start",
                "is_coordinator",
                ("app", "imports"),
            ),
        ],
    ),
    (
        _("The work"),
        [
            (
                _("Web questions"),
                _("Questions parents asked online, to answer within three working days."),
                "questions:inbox",
                "can_answer_questions",
                ("app", "questions"),
            ),
            (
                _("Trajectories"),
                _("Short and bridging trajectories, advice series; consultations for professionals."),
                "trajectories:trajectories",
                "can_counsel",
                ("app", "trajectories"),
            ),
            (
                _("Volunteers"),
                _("Opvoedambassadeurs: who is active where, in which languages; training."),
                "volunteers:overview",
                "can_see_volunteers",
                ("app", "volunteers"),
            ),
            (
                _("My referrals"),
                _("Referrals to follow up."),
                "socialmap:referrals",
                "can_register",
                ("url", "referrals"),
            ),
            (
                _("Social map"),
                _("Find the right service for a family, and refer."),
                "socialmap:search",
                "can_register",
                ("app", "socialmap"),
            ),
            (
                _("Group offer"),
                _("Evenings, workshops and courses: sign-ups, check-in, head counts, evaluations."),
                "activities:activities",
                "can_register",
                ("app", "activities"),
            ),
            (
                _("Library"),
                _("Books, folders and more: lend, reserve, hand out."),
                "library:resources",
                "can_register",
                ("app", "library"),
            ),
            (
                _("Signals"),
                _("Needs you notice, brought to policy makers."),
                "policy:signals",
                "can_register",
                ("url", "signals"),
            ),
            (
                _("Networking"),
                _("Meetings with partners, decisions and actions."),
                "policy:meetings",
                "can_edit_content",
                ("view", "policy:meetings"),
            ),
            (
                _("My volunteer work"),
                _("Your training, reflection meetings, check-ins and questions."),
                "volunteers:me",
                "is_volunteer",
                ("view", "volunteers:me"),
            ),
            (
                _("Reflection meetings"),
                _("Monthly meetings of the volunteers, anonymous intervision."),
                "volunteers:meetings",
                "is_coordinator",
                ("view", "volunteers:meetings"),
            ),
        ],
    ),
    (
        _("Numbers"),
        [
            (
                _("Overview"),
                _("Contacts per municipality and theme, channel, life stage…"),
                "reports:overview",
                "can_read_reports",
                ("app", "reports"),
            ),
        ],
    ),
    (
        _("Settings"),
        [
            (
                _("Getting started"),
                _(
                    "The first steps of a new service: contact details, municipalities, taxonomy, texts, "
                    "colleagues."
                ),
                "onboarding:setup",
                "is_coordinator",
                ("app", "onboarding"),
            ),
            (
                _("Public site"),
                _("What parents read about your service, per life stage."),
                "public_site_edit",
                "is_coordinator",
                ("url", "public_site_edit"),
            ),
            (
                _("Taxonomy"),
                _("Rename, hide, reorder or add themes and other terms."),
                "taxonomy:overview",
                "is_coordinator",
                ("app", "taxonomy"),
            ),
            (
                _("Words per theme"),
                _("The words that suggest a theme when someone types a question; add your own."),
                "suggestions:words",
                "can_edit_content",
                ("app", "suggestions"),
            ),
            (
                _("Team"),
                _("Invite colleagues, volunteers and funders."),
                "members",
                "is_coordinator",
                ("url", "members"),
            ),
            (
                _("Municipalities"),
                _("The municipalities this service works for."),
                "municipalities",
                "is_coordinator",
                ("url", "municipalities"),
            ),
            (
                _("Own areas"),
                _("Neighbourhoods or areas of your own, beside the municipalities."),
                "own_areas",
                "is_coordinator",
                ("url", "own_areas"),
            ),
            (
                _("Regions"),
                _("Share your numbers with a region, or stop sharing."),
                "organisation_regions",
                "is_coordinator",
                ("url", "organisation_regions"),
            ),
            (
                _("Audit log"),
                _("Logins, invitations, exports and confirmed notes."),
                "privacy:audit_log",
                "is_coordinator",
                ("app", "privacy"),
            ),
        ],
    ),
]


def groups_for(membership, resolver_match=None):
    """The groups this member may see, each {"label", "items": [{label, description, url, current}]};
    groups left empty for the role are dropped."""
    if membership is None:
        return []
    slug = membership.organisation.slug
    groups, by_app = [], []
    for label, items in GROUPS:
        shown = []
        for item_label, description, url_name, permission, (kind, value) in items:
            if not getattr(membership, permission):
                continue
            current = False
            if resolver_match is not None:
                current = {
                    "url": resolver_match.url_name,
                    "view": resolver_match.view_name,
                    "app": resolver_match.app_name,
                }[kind] == value
            shown.append(
                {
                    "label": item_label,
                    "description": description,
                    "url": reverse(url_name, kwargs={"org": slug}),
                    "current": current,
                }
            )
            if current and kind == "app":
                by_app.append(shown[-1])
        if shown:
            groups.append({"label": label, "items": shown, "current": any(i["current"] for i in shown)})
    # One item is the current page: one matched by its own page ("url", "view") wins over one matched
    # by its app (the coordinator's "Reflection meetings" lies in the "Volunteers" app).
    if sum(i["current"] for g in groups for i in g["items"]) > len(by_app) > 0:
        for item in by_app:
            item["current"] = False
        for group in groups:
            group["current"] = any(i["current"] for i in group["items"])
    return groups
