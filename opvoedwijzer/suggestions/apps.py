from django.apps import AppConfig


class SuggestionsConfig(AppConfig):
    name = "opvoedwijzer.suggestions"
    verbose_name = "Suggestions"
