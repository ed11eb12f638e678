from django.urls import path  # noqa: F401

from . import guidance_views  # noqa: F401

urlpatterns = []
