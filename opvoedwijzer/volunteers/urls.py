from django.urls import include, path

from . import views  # noqa: F401

app_name = "volunteers"

urlpatterns = [
    # Profiles, the overview, training (views.py); reflection meetings, intervision, learning notes,
    # check-ins and questions (guidance_views.py).
    path("", include("opvoedwijzer.volunteers.guidance_urls")),
]
