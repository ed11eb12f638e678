from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.csv", views.overview_csv, name="overview_csv"),
    path("export.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("export.pdf", views.overview_pdf, name="overview_pdf"),
]
