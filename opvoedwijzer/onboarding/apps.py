from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    name = "opvoedwijzer.onboarding"
    label = "onboarding"
    verbose_name = "Getting started"
