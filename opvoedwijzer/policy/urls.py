from django.urls import path

from . import views

app_name = "policy"
urlpatterns = [
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/new/", views.meeting_form, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_form, name="meeting_edit"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("signals/", views.signals, name="signals"),
    path("signals/new/", views.signal_new, name="signal_new"),
    path("signals/detect/", views.signals_detect, name="signals_detect"),
    path("signals/<int:pk>/", views.signal, name="signal"),
    path("signals/<int:pk>/theme-meeting/", views.signal_theme_meeting, name="signal_theme_meeting"),
]
