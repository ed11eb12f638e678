"""Staff screens speak Dutch or English only, whatever language the public site was read in."""

from django.conf import settings


def test_sam_who_read_the_public_site_in_arabic_gets_his_staff_home_in_dutch(sam, client_for):
    client = client_for(sam)
    client.get("/zuid-limburg/?lang=ar")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"

    home = client.get("/o/zuid-limburg/").content.decode()

    assert '<html lang="nl">' in home and 'dir="rtl"' not in home.split("<body")[0]


def test_sam_who_chose_english_keeps_his_staff_screens_in_english(sam, client_for):
    client = client_for(sam)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    home = client.get("/o/zuid-limburg/").content.decode()

    assert '<html lang="en">' in home


def test_a_parent_on_the_public_site_keeps_her_arabic(client, zuid):
    client.get("/zuid-limburg/?lang=ar")

    page = client.get("/zuid-limburg/").content.decode()

    assert '<html lang="ar" dir="rtl">' in page
