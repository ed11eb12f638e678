from django.urls import path

from . import views

app_name = "contacts"
urlpatterns = [
    path("", views.recent, name="recent"),
    path("new/", views.register, name="register"),
    path("tally/", views.tally, name="tally"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/undo/", views.undo, name="undo"),
]
