"""URLs of the volunteers' guidance (in the "volunteers:" namespace, under /o/<org>/volunteers/)."""

from django.urls import path

from . import guidance_views as views

urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/notes/new/", views.new_note, name="note_new"),
    path("me/questions/new/", views.new_question, name="question_new"),
    path("reflection/", views.meetings, name="meetings"),
    path("reflection/new/", views.new_meeting, name="meeting_new"),
    path("reflection/<int:pk>/", views.meeting, name="meeting"),
    path("reflection/<int:pk>/edit/", views.edit_meeting, name="meeting_edit"),
    path("reflection/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("reflection/<int:pk>/cases/new/", views.new_case, name="case_new"),
    path("reflection/cases/<int:pk>/edit/", views.edit_case, name="case_edit"),
    path("<int:pk>/check-ins/", views.check_ins, name="checkins"),
    path("<int:pk>/check-ins/new/", views.new_check_in, name="checkin_new"),
    path("questions/", views.questions, name="questions"),
    path("questions/<int:pk>/answer/", views.answer, name="answer"),
]
