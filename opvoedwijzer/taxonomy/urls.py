from django.urls import path

from . import views

app_name = "taxonomy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("<str:dimension>/add/", views.add_term, name="add"),
    path("<str:dimension>/<int:pk>/", views.edit_term, name="edit"),
    path("<str:dimension>/<int:pk>/move/", views.move_term, name="move"),
]
