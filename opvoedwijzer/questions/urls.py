from django.urls import path

from . import views

app_name = "questions"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("templates/", views.templates, name="templates"),
    path("templates/<int:pk>/", views.templates, name="template_edit"),
]
