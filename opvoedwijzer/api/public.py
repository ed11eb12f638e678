"""The public API (no account): anonymous web questions. /api/v1/public/…

POST /api/v1/public/<org>/questions   {"text", "life_stage"?, "language"?, "municipality"?}
     → 201 {"code", "secret"}; the text is stored with personal data replaced
GET  /api/v1/public/questions/<code>  header X-Question-Secret: <secret>
     → 200 {"status": "new"|"answered", "text", "answer"}; an unknown code or a wrong secret → 404
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from opvoedwijzer.core.models import Organisation
from opvoedwijzer.privacy.pii import find_pii, redact
from opvoedwijzer.questions import services
from opvoedwijzer.questions.abuse import over_limit
from opvoedwijzer.questions.forms import ANSWER_LANGUAGES, MAX_QUESTION_LENGTH
from opvoedwijzer.taxonomy.models import LifeStage

from .errors import ApiError, field_error

router = Router(tags=["public"], auth=None)


class QuestionIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_QUESTION_LENGTH)
    life_stage: str | None = Field(None, description="A life-stage code, e.g. 'teen'")
    language: str = Field("nl", description="ISO 639-1 code of the language the answer should be in")
    municipality: str | None = Field(None, description="NIS code of a municipality the organisation serves")
    email: str | None = Field(
        None,
        max_length=254,
        description="For one 'your answer is ready' mail; kept encrypted, deleted once sent",
    )


class Asked(Schema):
    code: str
    secret: str


class QuestionOut(Schema):
    status: str
    text: str
    answer: str | None


@router.post("/{org_slug}/questions", response={201: Asked}, summary="Ask a question (no account)")
def ask(request, org_slug: str, payload: QuestionIn):
    org = get_object_or_404(Organisation, slug=org_slug)
    if over_limit(request):
        raise ApiError(429, [field_error("text", "Too many questions from this address in the last hour.")])
    errors, life_stage, municipality = [], None, None
    text = payload.text.strip()
    if not text:
        errors.append(field_error("text", "The question is empty."))
    if payload.life_stage:
        life_stage = LifeStage.objects.for_org(org).filter(code=payload.life_stage).first()
        if life_stage is None:
            errors.append(field_error("life_stage", f"Unknown life stage {payload.life_stage!r}."))
    if payload.language not in dict(ANSWER_LANGUAGES):
        errors.append(field_error("language", f"Unknown language {payload.language!r}."))
    if payload.municipality:
        municipality = org.municipalities.filter(code=payload.municipality).first()
        if municipality is None:
            errors.append(field_error("municipality", f"{payload.municipality!r} is not served here."))
    email = (payload.email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(field_error("email", "This is not an e-mail address."))
    if errors:
        raise ApiError(422, errors)
    question, secret = services.ask_question(
        org,
        text=redact(text, find_pii(text)),
        life_stage=life_stage,
        municipality=municipality,
        language=payload.language,
        email=email,
    )
    return 201, {"code": question.code, "secret": secret}


@router.get("/questions/{code}", response=QuestionOut, summary="Read a question and its answer")
def read(request, code: str):
    if over_limit(request, "pick_up", limit=60):
        raise ApiError(
            429, [field_error("code", "Too many tries from this address in the last hour.", "path")]
        )
    question = services.find_question(code, request.headers.get("X-Question-Secret", ""))
    if question is None:
        raise ApiError(404, [field_error("code", "No question with this code and secret.", "path")])
    services.mark_answer_read(question)
    answered = question.public_status == "answered"
    return {
        "status": question.public_status,
        "text": question.text,
        "answer": question.answer if answered else None,
    }
