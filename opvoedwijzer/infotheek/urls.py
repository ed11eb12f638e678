from django.urls import path

from . import views

app_name = "infotheek"
urlpatterns = [
    path("", views.resources, name="resources"),
    path("new/", views.resource_form, name="resource_new"),
    path("<int:pk>/", views.desk, name="desk"),
    path("<int:pk>/edit/", views.resource_form, name="resource_edit"),
    path("reservations/<int:pk>/done/", views.reservation_done, name="reservation_done"),
]
