"""Every 4xx (and the 503 of a database outage) has one shape: {"detail": [{"loc": [...], "msg": ...}]}.

ninja's own validation errors (422) have it; `install_error_handlers` gives it to its other answers
too (404, a body that is not JSON, …), and `DocumentedAPI` writes the error responses of every
operation into the OpenAPI schema: 400, 422 and 503 wherever they can happen, 401 on operations that
need a token, and what an operation declares itself (`errors(403, 404, 429)`).
"""

import datetime

from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI, Router, Schema
from ninja.errors import AuthenticationError, HttpError
from pydantic import ConfigDict, Field


class ApiError(HttpError):
    """A 4xx with field errors; `retry_after` (seconds) for a 429."""

    def __init__(self, status, errors, retry_after=None):
        super().__init__(status, "invalid")
        self.errors = errors
        self.retry_after = retry_after


def field_error(field, msg, where="body"):
    return {"loc": [where, field], "msg": msg}


def rate_limited(field, msg, where="body"):
    """429 for a limit per address and hour: retry when the next hour starts."""
    now = timezone.now()
    next_hour = now.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
    return ApiError(
        429, [field_error(field, msg, where)], retry_after=int((next_hour - now).total_seconds()) + 1
    )


class ErrorItem(Schema):
    model_config = ConfigDict(extra="allow")

    loc: list[str | int] = Field(description="Where: 'body', 'query', 'path' or 'header', then the field")
    msg: str = Field(description="What is wrong, in words a person can act on")


class ErrorOut(Schema):
    detail: list[ErrorItem]


def errors(*codes):
    """Error responses an operation declares beyond the ones every operation has: `response={200:
    Out, **errors(404, 429)}`."""
    return dict.fromkeys(codes, ErrorOut)


DESCRIPTIONS = {
    400: "Bad input: a control character in the path or query string, or a body that is not JSON",
    401: "No valid token: send `Authorization: Bearer <token>`",
    403: "Not a member of this organisation, or your role does not allow this",
    404: "Not found (an unknown organisation, id or code)",
    409: "Not possible in this state (e.g. signing up is closed)",
    422: "A field is missing or invalid: `loc` names it, `msg` says why",
    429: "Too many requests from this address this hour: try again after `Retry-After` seconds",
    503: "The database is unavailable for a moment: try again after `Retry-After` seconds",
}
RETRY_AFTER = {
    "description": "Seconds to wait before trying again",
    "schema": {"type": "integer", "minimum": 0},
}


def _error_response(code, ref):
    response = {"description": DESCRIPTIONS[code], "content": {"application/json": {"schema": ref}}}
    if code in (429, 503):
        response["headers"] = {"Retry-After": RETRY_AFTER}
    return response


class DocumentedAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI lists the error responses of every operation, with their schema."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in (
            ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs").items()
        ):
            components.setdefault(name, definition)
        components.setdefault(
            "ErrorOut", ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        ref = {"$ref": "#/components/schemas/ErrorOut"}
        for path in schema["paths"].values():
            for operation in path.values():
                responses = operation["responses"]
                codes = {400, 503} | {int(c) for c in responses if int(c) >= 400}
                if operation.get("parameters") or operation.get("requestBody"):
                    codes.add(422)
                if operation.get("security"):
                    codes.add(401)
                for code in codes:
                    responses[code] = _error_response(code, ref)
                operation["responses"] = dict(sorted(responses.items(), key=lambda item: int(item[0])))
        return schema


def install_error_handlers(api):
    """Give every error answer of `api` the one shape, also for a path it does not know (added last,
    after every router, so that it only catches what nothing else matched: "/contacts/abc")."""
    unknown = Router(auth=None)

    @unknown.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False)
    def unknown_path(request, rest: str):
        raise ApiError(404, [field_error("path", "No such path in this API.", "path")])

    api.add_router("", unknown)

    def respond(request, errors, status, retry_after=None):
        response = api.create_response(request, {"detail": errors}, status=status)
        if retry_after is not None:
            response["Retry-After"] = str(retry_after)
        return response

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(request, exc.errors, exc.status_code, exc.retry_after)

    @api.exception_handler(AuthenticationError)
    def unauthorised(request, exc):
        msg = "A valid token is required: Authorization: Bearer <token>."
        return respond(request, [field_error("Authorization", msg, "header")], 401)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, [field_error("path", "Not found.", "path")], 404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):  # ninja's 400 for a body that is not JSON; HttpError(404, …)
        where = "body" if exc.status_code == 400 else "path"
        return respond(request, [{"loc": [where], "msg": str(exc)}], exc.status_code)
