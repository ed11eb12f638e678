"""Every 4xx of the API has ninja's validation-error shape: {"detail": [{"loc": [...], "msg": ...}]}."""

from ninja.errors import HttpError


class ApiError(HttpError):
    """A 4xx with field errors."""

    def __init__(self, status, errors):
        super().__init__(status, "invalid")
        self.errors = errors


def field_error(field, msg, where="body"):
    return {"loc": [where, field], "msg": msg}
