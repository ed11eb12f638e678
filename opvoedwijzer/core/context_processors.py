from django.conf import settings


def organisation(request):
    return {
        "organisation": getattr(request, "organisation", None),
        "membership": getattr(request, "membership", None),
        "mfa_deadline": getattr(request, "mfa_deadline", None),
        "STAFF_LANGUAGES": settings.STAFF_LANGUAGES,
    }
