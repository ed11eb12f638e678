from django.urls import path

from . import views

# Under /r/<region>/ (see opvoedwijzer/urls.py).
urlpatterns = [
    path("", views.region, name="region"),
    path("export.csv", views.region_csv, name="region_csv"),
    path("export.xlsx", views.region_xlsx, name="region_xlsx"),
]
