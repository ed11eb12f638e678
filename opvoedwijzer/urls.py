from django.contrib import admin
from django.urls import include, path

from opvoedwijzer.activities import public as activities_public
from opvoedwijzer.api.api import api
from opvoedwijzer.api.hsds import api as hsds_api
from opvoedwijzer.core import area_views as core_areas
from opvoedwijzer.core import views as core
from opvoedwijzer.home import views as home
from opvoedwijzer.library import public as library_public
from opvoedwijzer.pages import public as pages_public
from opvoedwijzer.pages import views as pages
from opvoedwijzer.privacy import views as privacy
from opvoedwijzer.questions import public as questions_public
from opvoedwijzer.regions import views as regions
from opvoedwijzer.socialmap import public as socialmap_public

# Staff URLs carry the organisation: /o/<org>/… (resolved by core.middleware).
staff = [
    path("", home.org_home, name="org_home"),
    path("members/", core.members, name="members"),
    path("members/<int:pk>/", core.member_edit, name="member_edit"),
    path("members/<int:pk>/reopen-mfa/", core.reopen_mfa, name="reopen_mfa"),
    path("municipalities/", core.municipalities, name="municipalities"),
    path("municipalities/add/", core.add_municipality, name="add_municipality"),
    path("municipalities/remove/", core.remove_municipality, name="remove_municipality"),
    path("municipalities/areas/", core_areas.own_areas, name="own_areas"),
    path("contacts/import/", include("opvoedwijzer.imports.urls")),
    path("contacts/", include("opvoedwijzer.contacts.urls")),
    path("taxonomy/", include("opvoedwijzer.taxonomy.urls")),
    path("suggestions/", include("opvoedwijzer.suggestions.urls")),
    path("overview/", include("opvoedwijzer.reports.urls")),
    path("audit/", include("opvoedwijzer.privacy.urls")),
    path("policy/", include("opvoedwijzer.policy.urls")),
    path("map/", include("opvoedwijzer.socialmap.urls")),
    path("questions/", include("opvoedwijzer.questions.urls")),
    path("trajectories/", include("opvoedwijzer.trajectories.urls")),
    path("volunteers/", include("opvoedwijzer.volunteers.urls")),
    path("public-site/", pages.edit, name="public_site_edit"),
    path("setup/", include("opvoedwijzer.onboarding.urls")),
    path("library/", include("opvoedwijzer.library.urls")),
    path("activities/", include("opvoedwijzer.activities.urls")),
    path("regions/", regions.organisation_regions, name="organisation_regions"),
]

urlpatterns = [
    path("", core.home, name="home"),
    path("health/", core.health, name="health"),
    path("accounts/2fa/required/", core.mfa_required, name="mfa_required"),
    path("accounts/login/", core.login_page, name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("invite/<str:token>/", core.accept_invitation, name="accept_invitation"),
    path("profile/", core.profile, name="profile"),
    path("privacy/check/", privacy.pii_check, name="pii_check"),
    path("profile/tokens/<int:pk>/revoke/", core.revoke_token, name="revoke_token"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("site-admin/", include("opvoedwijzer.onboarding.site_urls")),
    path("api/v1/", api.urls),
    path("api/hsds/", hsds_api.urls),
    path("o/<slug:org>/", include(staff)),
    # A region's numbers, for its regional coordinators and funders (regions app).
    path("r/<slug:region>/", include("opvoedwijzer.regions.urls")),
    # Public pages of an organisation: /<org>/… (no login; the organisation is looked up by the view).
    path("<slug:slug>/map/", socialmap_public.social_map, name="public_map"),
    path("<slug:slug>/map/<uuid:service>/", socialmap_public.service, name="public_service"),
    path("<slug:slug>/ask/", questions_public.ask, name="public_ask"),
    path("<slug:slug>/ask/suggestions/", questions_public.ask_suggestions, name="public_ask_suggestions"),
    path("<slug:slug>/answer/", questions_public.pick_up, name="public_pick_up"),
    path("<slug:slug>/life-stages/<slug:code>/", pages_public.life_stage, name="public_life_stage"),
    path("<slug:slug>/library/", library_public.library, name="public_library"),
    path("<slug:slug>/library/<int:pk>/", library_public.resource, name="public_resource"),
    path(
        "<slug:slug>/library/reservation/<str:token>/",
        library_public.reservation,
        name="public_reservation",
    ),
    path("<slug:slug>/agenda/", activities_public.agenda, name="public_agenda"),
    path("<slug:slug>/agenda.ics", activities_public.agenda_ics, name="public_agenda_ics"),
    path("<slug:slug>/agenda/<int:pk>/", activities_public.activity, name="public_activity"),
    path("<slug:slug>/agenda/<int:pk>.ics", activities_public.activity_ics, name="public_activity_ics"),
    path("<slug:slug>/signup/<str:token>/", activities_public.signup, name="public_signup"),
    path("<slug:slug>/evaluate/<str:code>/", activities_public.evaluate, name="public_evaluate"),
    # Last: /<org>/ must not hide the fixed paths above (profile/, admin/ …).
    path("<slug:slug>/", pages_public.home, name="public_home"),
]

# A database outage answers 503 with Retry-After (JSON under /api/), anything else 500: see core.views.
handler500 = "opvoedwijzer.core.views.server_error"
# A parent's 404 in the public layout of the organisation in the address: see core.views.page_not_found.
handler404 = "opvoedwijzer.core.views.page_not_found"
