from django.urls import path

from . import views

app_name = "trajectories"
urlpatterns = [
    path("", views.trajectories, name="trajectories"),
    path("new/", views.new_trajectory, name="new"),
    path("<int:pk>/", views.trajectory, name="trajectory"),
    path("<int:pk>/sessions/", views.add_session, name="add_session"),
    path("<int:pk>/goals/", views.add_goal, name="add_goal"),
    path("<int:pk>/goals/<int:goal_pk>/", views.update_goal, name="update_goal"),
    path("<int:pk>/sessions/<int:session_pk>/", views.update_session, name="update_session"),
    path("<int:pk>/sessions/<int:session_pk>/delete/", views.delete_session, name="delete_session"),
    path("<int:pk>/hypotheses/", views.add_hypothesis, name="add_hypothesis"),
    path("<int:pk>/hypotheses/<int:hypothesis_pk>/", views.update_hypothesis, name="update_hypothesis"),
    path("<int:pk>/plan/", views.update_plan, name="update_plan"),
    path("<int:pk>/network/", views.add_network_member, name="add_network_member"),
    path(
        "<int:pk>/network/<int:member_pk>/remove/", views.remove_network_member, name="remove_network_member"
    ),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/counsellors/", views.set_counsellors, name="set_counsellors"),
    path("consultations/", views.consultations, name="consultations"),
    path("consultations/new/", views.new_consultation, name="new_consultation"),
    path("consultations/<int:pk>/", views.consultation, name="consultation"),
    path("consultations/<int:pk>/goals/", views.add_consultation_goal, name="add_consultation_goal"),
    path(
        "consultations/<int:pk>/hypotheses/",
        views.add_consultation_hypothesis,
        name="add_consultation_hypothesis",
    ),
    path(
        "consultations/<int:pk>/hypotheses/<int:hypothesis_pk>/",
        views.update_consultation_hypothesis,
        name="update_consultation_hypothesis",
    ),
    path("consultations/<int:pk>/follow-up/", views.record_follow_up, name="record_consultation_follow_up"),
]
