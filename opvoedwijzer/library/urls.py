from django.urls import path

from . import views

app_name = "library"
urlpatterns = [
    path("", views.resources, name="resources"),
    path("new/", views.resource_form, name="resource_new"),
    path("<int:pk>/", views.desk, name="desk"),
    path("<int:pk>/copies/", views.add_copy, name="add_copy"),
    path("<int:pk>/lend/", views.lend, name="lend"),
    path("<int:pk>/hand-out/", views.hand_out, name="hand_out"),
    path("<int:pk>/restock/", views.restock, name="restock"),
    path("<int:pk>/loans/<int:loan_pk>/renew/", views.renew_loan, name="renew_loan"),
    path("<int:pk>/loans/<int:loan_pk>/return/", views.return_copy, name="return_copy"),
    path("<int:pk>/edit/", views.resource_form, name="resource_edit"),
    path("reservations/<int:pk>/done/", views.reservation_done, name="reservation_done"),
]
