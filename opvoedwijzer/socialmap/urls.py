from django.urls import path

from . import views

app_name = "socialmap"
urlpatterns = [
    path("", views.search, name="search"),
    path("services/new/", views.service_form, name="service_new"),
    path("services/<int:pk>/", views.service_detail, name="service"),
    path("services/<int:pk>/edit/", views.service_form, name="service_edit"),
    path("services/<int:pk>/verify/", views.service_verify, name="service_verify"),
    path("services/<int:pk>/retire/", views.service_retire, name="service_retire"),
    path("unchecked/", views.unchecked, name="unchecked"),
    path("organisations/", views.organisations, name="organisations"),
    path("organisations/new/", views.organisation_form, name="organisation_new"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_form, name="organisation_edit"),
    path("locations/new/", views.location_form, name="location_new"),
    path("locations/<int:pk>/edit/", views.location_form, name="location_edit"),
    path("import/", views.import_map, name="import"),
    path("refer/<int:contact_pk>/", views.refer, name="refer"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<int:pk>/outcome/", views.referral_outcome, name="referral_outcome"),
]
