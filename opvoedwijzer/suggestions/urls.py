from django.urls import path

from . import views

app_name = "suggestions"
urlpatterns = [
    path("words/", views.words, name="words"),
    path("words/add/", views.add_word, name="add_word"),
    path("words/<int:pk>/remove/", views.remove_word, name="remove_word"),
    path("train/", views.train, name="train"),
]
