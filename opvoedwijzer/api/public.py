"""The public API (no account): anonymous web questions. /api/v1/public/…

POST /api/v1/public/<org>/questions   {"text", "life_stage"?, "language"?, "municipality"?, "email"?}
     → 201 {"code", "secret"}; the text is stored with personal data replaced; without "language" the
     answer is in the request's language (Accept-Language or the language cookie) if it can be, else Dutch
GET  /api/v1/public/questions/<code>  header X-Question-Secret: <secret>
     → 200 {"status": "new"|"answered", "text", "answer"}; an unknown code or a wrong secret → 404

The question is checked by the web form itself (`questions.forms.AskForm`): the same length limit,
codes, honeypot, rate limit and PII guard, whichever way it comes in.
"""

from typing import Annotated, Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Header, Router, Schema

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.core.ratelimit import HONEYPOT, over_limit
from opvoedwijzer.questions import services
from opvoedwijzer.questions.forms import ANSWER_LANGUAGES, MAX_QUESTION_LENGTH, AskForm
from opvoedwijzer.questions.models import default_answer_language

from .errors import ApiError, errors, field_error, rate_limited
from .types import Code, Slug, Text, Token

router = Router(tags=["public"], auth=None)

AnswerLanguage = Literal[tuple(code for code, _label in ANSWER_LANGUAGES)]
MunicipalityCode = Field(
    None,
    max_length=20,
    pattern=r"^[-A-Za-z0-9._]+$",
    description="Code of a municipality the organisation serves (NIS such as 71053, CBS such as GM0363, "
    "or the organisation's own area code)",
)
HONEYPOT_HELP = "Leave out or empty: a field people do not see (filled in, nothing is stored)"


SecretHeader = Annotated[
    Token, Header(alias="X-Question-Secret", description="The secret given with the code")
]


class QuestionIn(Schema):
    text: Text(MAX_QUESTION_LENGTH, filled=True) = Field(
        description="The question; names, phone numbers, addresses … are replaced before it is stored"
    )
    life_stage: Code | None = Field(None, description="A visible life-stage code, e.g. 'teen'")
    language: AnswerLanguage | None = Field(
        None,
        description="The language the answer should be in; by default the request's language "
        "(Accept-Language or the language cookie) when an answer can be in it, else Dutch",
    )
    municipality: str | None = MunicipalityCode
    email: Text(254) | None = Field(
        None, description="For one 'your answer is ready' mail; kept encrypted, deleted once sent"
    )
    website: Text(200) | None = Field(None, description=HONEYPOT_HELP)


class Asked(Schema):
    code: str
    secret: str


class QuestionOut(Schema):
    status: Literal["new", "answered"]
    text: str
    answer: str | None


def form_errors(form, names=None):
    """A form's errors as the API's field errors (`names` renames form fields)."""
    names = names or {}
    return [
        field_error(names.get(name, "body" if name == "__all__" else name), str(msg))
        for name, msgs in form.errors.items()
        for msg in msgs
    ]


def _organisation(org_slug):
    return get_object_or_404(Organisation, slug=org_slug)


@router.post(
    "/{org_slug}/questions",
    response={201: Asked, **errors(404, 429)},
    summary="Ask a question (no account)",
)
def ask(request, org_slug: Slug, payload: QuestionIn):
    org = _organisation(org_slug)
    if over_limit(request, "ask"):
        raise rate_limited("text", "Too many questions from this address in the last hour.")
    form = AskForm(
        org,
        {
            "text": payload.text,
            "life_stage": payload.life_stage or "",
            "municipality": payload.municipality or "",
            "language": payload.language or default_answer_language(),
            "email": payload.email or "",
            HONEYPOT: payload.website or "",
        },
    )
    if not form.is_valid():
        raise ApiError(422, form_errors(form))
    if form.cleaned_data[HONEYPOT]:  # a bot: say nothing, keep nothing (as the web form)
        letters = services.new_code().replace("-", "")
        return 201, {"code": services.new_code(), "secret": f"{letters[:4]}-{letters[4:8]}"}
    d = form.cleaned_data
    question, secret = services.ask_question(
        org,
        text=d["text"],  # redacted by the form
        life_stage=d["life_stage"],
        municipality=d["municipality"],
        language=d["language"],
        email=d["email"],
    )
    return 201, {"code": question.code, "secret": secret}


@router.get(
    "/questions/{code}",
    response={200: QuestionOut, **errors(404, 429)},
    summary="Read a question and its answer",
)
def read(request, code: Token, secret: SecretHeader = ""):
    if over_limit(request, "pick_up_by_api"):
        raise rate_limited("code", "Too many tries from this address in the last hour.", "path")
    question = services.find_question(code, secret)
    if question is None:
        raise ApiError(404, [field_error("code", "No question with this code and secret.", "path")])
    services.mark_answer_read(question)
    answered = question.public_status == "answered"
    return {
        "status": question.public_status,
        "text": question.text,
        "answer": question.answer if answered else None,
    }
