from django.urls import path

from . import views

app_name = "onboarding"
urlpatterns = [
    path("", views.first_run, name="setup"),
    path("name/", views.rename, name="rename"),
    path("steps/done/", views.mark_step, name="mark_step"),
    path("steps/not-done/", views.unmark_step, name="unmark_step"),
]
