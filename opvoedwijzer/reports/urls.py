from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.csv", views.overview_csv, name="overview_csv"),
    path("export.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path("export.pdf", views.overview_pdf, name="overview_pdf"),
    path("yearly/", views.yearly_reports, name="yearly_reports"),
    path("yearly/<int:pk>/", views.yearly_report, name="yearly_report"),
    path("yearly/<int:pk>/report.pdf", views.yearly_report_pdf, name="yearly_report_pdf"),
]
