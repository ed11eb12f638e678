from django.urls import path

from . import log, views

app_name = "contacts"
urlpatterns = [
    path("", views.recent, name="recent"),
    path("new/", views.register, name="register"),
    path("tally/", views.tally, name="tally"),
    path("log/", log.log, name="log"),
    path("log/manifest.webmanifest", log.manifest, name="log_manifest"),
    path("log/sw.js", log.service_worker, name="log_sw"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/undo/", views.undo, name="undo"),
]
