from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "opvoedwijzer.questions"
    label = "questions"
    verbose_name = "Anonymous web questions"
