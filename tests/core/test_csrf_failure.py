"""A form sent from a page open too long (its CSRF token gone) is told so in the visitor's language,
with the way back to the form — not Django's English technical page."""

import pytest
from django.test import Client

ASK = "/zuid-limburg/ask/"


@pytest.fixture
def browser_without_the_token(zuid):
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("nl", "Dit formulier is verlopen"),
        ("fr", "Ce formulaire a expiré"),
        ("ar", "انتهت صلاحية هذه الاستمارة"),
        ("tr", "Bu formun süresi doldu"),
        ("pl", "Ten formularz wygasł"),
        ("en", "This form has expired"),
    ],
)
def test_a_parent_sending_a_stale_form_reads_why_in_her_language(browser_without_the_token, language, title):
    response = browser_without_the_token.post(
        ASK,
        {"text": "Mijn zoon wil niet naar school."},
        headers={"accept-language": language, "referer": f"http://testserver{ASK}"},
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert f'lang="{language}"' in html
    assert f'href="http://testserver{ASK}"' in html  # back to the form
    assert "CSRF" not in html
    assert response["Cache-Control"] == "no-store"


def test_the_way_back_never_leads_to_another_site(browser_without_the_token):
    response = browser_without_the_token.post(ASK, {}, headers={"referer": "https://evil.example/ask/"})
    assert response.status_code == 403
    assert "evil.example" not in response.content.decode()
    assert 'href="/"' in response.content.decode()
