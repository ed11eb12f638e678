import pytest
from django.db import OperationalError, connection


def test_health_answers_ok_with_the_database(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_answers_503_when_the_database_is_down(client, db, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("database is down")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", broken_cursor)
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


@pytest.mark.parametrize("url", ["/health/"])
def test_health_needs_no_login(client, db, url):
    assert client.get(url).status_code == 200
