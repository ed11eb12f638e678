from django.urls import include, path

from . import views

app_name = "volunteers"

urlpatterns = [
    # Profiles, the overview, training (views.py); reflection meetings, intervision, learning notes,
    # check-ins and questions (guidance_views.py).
    path("", views.overview, name="overview"),
    path("new/", views.volunteer_new, name="new"),
    path("<int:pk>/", views.volunteer, name="volunteer"),
    path("<int:pk>/edit/", views.volunteer_edit, name="edit"),
    path("<int:pk>/status/", views.volunteer_status, name="status"),
    path("<int:pk>/completions/new/", views.completion_new, name="completion_new"),
    path("training/", views.training, name="training"),
    path("training/new/", views.module_new, name="module_new"),
    path("training/<int:pk>/", views.module, name="module"),
    path("training/<int:pk>/edit/", views.module_edit, name="module_edit"),
    path("training/<int:pk>/sessions/new/", views.session_new, name="session_new"),
    path("training/sessions/<int:pk>/", views.session, name="session"),
    path("", include("opvoedwijzer.volunteers.guidance_urls")),
]
