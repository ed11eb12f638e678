from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    path("<int:pk>/", views.batch, name="batch"),
    path("<int:pk>/abandon/", views.abandon, name="abandon"),
]
