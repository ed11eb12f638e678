from django.urls import path

from . import site_admin

app_name = "site_admin"
urlpatterns = [
    path("", site_admin.organisations, name="organisations"),
    path("new/", site_admin.new_organisation, name="new_organisation"),
    path("new/look-up/", site_admin.look_up_municipalities, name="look_up_municipalities"),
]
