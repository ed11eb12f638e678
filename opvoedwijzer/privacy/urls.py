from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("", views.audit_log, name="audit_log"),
]
