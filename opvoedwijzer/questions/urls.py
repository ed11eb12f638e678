from django.urls import path

from . import views

app_name = "questions"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/accept-theme/", views.accept_theme, name="accept_theme"),
    path("<int:pk>/accept-life-stage/", views.accept_life_stage, name="accept_life_stage"),
    path("<int:pk>/insert-template/", views.insert_template, name="insert_template"),
    path("<int:pk>/find-service/", views.find_service, name="find_service"),
    path("<int:pk>/insert-service/", views.insert_service, name="insert_service"),
    path("<int:pk>/find-resource/", views.find_resource, name="find_resource"),
    path("<int:pk>/insert-resource/", views.insert_resource, name="insert_resource"),
    path("templates/", views.templates, name="templates"),
    path("templates/<int:pk>/", views.templates, name="template_edit"),
]
