from django.apps import AppConfig


class TrajectoriesConfig(AppConfig):
    """Short trajectories, bridging trajectories, series of advice conversations (seed 004), and the
    offer to professionals: case consultations and observation visits."""

    name = "opvoedwijzer.trajectories"
    label = "trajectories"
