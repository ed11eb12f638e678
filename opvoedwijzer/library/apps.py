from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "opvoedwijzer.library"
    # The label keeps the app's first name, so its tables (infotheek_resource, …), its migration history
    # and its model labels ("infotheek.Loan") stay as they are; the code, URLs and templates say "library".
    label = "infotheek"
    verbose_name = "Information library"
