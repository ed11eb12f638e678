"""The lend form tells the borrower's contact is deleted after RETENTION_DAYS["library_contact"] days: the
number the nightly purge uses, not one written beside it."""

from opvoedwijzer.library import services


def lend_form_on_the_desk(client, zuid):
    book = services.create_resource(zuid, {"kind": "book", "title": "Slapen zonder zorgen"})
    services.add_copy(book, "INF-0001")
    return client.get(f"/o/zuid-limburg/library/{book.pk}/").content.decode()


def test_the_lend_form_says_how_long_the_contact_is_kept(sam, zuid, client_for):
    page = lend_form_on_the_desk(client_for(sam), zuid)
    assert "Alleen voor een herinnering; gewist 30 dagen na het terugbrengen." in page


def test_the_lend_form_follows_the_retention_setting(sam, zuid, client_for, settings):
    settings.RETENTION_DAYS = {**settings.RETENTION_DAYS, "library_contact": 1}
    page = lend_form_on_the_desk(client_for(sam), zuid)
    assert "Alleen voor een herinnering; gewist 1 dag na het terugbrengen." in page
    assert "30 dagen" not in page
