from django.urls import path

from . import views

app_name = "activities"
urlpatterns = [
    path("", views.activities, name="activities"),
    path("new/", views.activity_new, name="activity_new"),
    path("<int:pk>/", views.activity, name="activity"),
    path("<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/publish/", views.activity_publish, name="activity_publish"),
    path("<int:pk>/cancel/", views.activity_cancel, name="activity_cancel"),
    path("<int:pk>/copy/", views.activity_copy, name="activity_copy"),
    path("signups/<int:pk>/cancel/", views.signup_cancel, name="signup_cancel"),
    path("sessions/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("sessions/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("sessions/<int:pk>/evaluation/", views.evaluation_link, name="evaluation_link"),
]
