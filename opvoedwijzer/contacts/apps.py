from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "opvoedwijzer.contacts"
    label = "contacts"
