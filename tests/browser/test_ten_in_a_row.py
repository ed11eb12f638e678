"""A new staff member registers ten different contacts in a row, by keyboard only (issue 15's
"done when"): each confirmation names every value saved, so a wrong one cannot go unnoticed, and
the typical contacts take at most ten key presses."""

from playwright.sync_api import expect

from opvoedwijzer.contacts.models import Contact
from tests.browser.test_registration import MAX_KEY_PRESSES, REGISTER, TYPICAL_CONTACT_KEYS, CountingKeyboard

# From "who asked" back up to the channel at the top: the date (day, month, year and its calendar
# button), the kind of request, the time spent, the channel.
TO_CHANNEL = ["Shift+Tab"] * 7
BACK_FROM_CHANNEL = ["Tab"] * 7
TO_TIME_SPENT = ["Shift+Tab"] * 6
BACK_FROM_TIME_SPENT = ["Tab"] * 6

# (keys, the confirmation line, the stored values: channel, who, where, life stages, main theme, offers)
TEN_CONTACTS = [
    (
        TYPICAL_CONTACT_KEYS,
        "Telefoon · Moeder · Sint-Truiden · Lagere school (6–12 jaar) · Pesten · Informatie en kort advies",
        ("phone", "mother", "71053", ["primary"], "bullying", ["info"]),
    ),
    (
        ["v", "Tab", "h", "Tab", "s", "l", "Tab", "p", "Tab", "l", "Enter"],
        "Telefoon · Vader · Heers · Peuter (1–3 jaar) · Slapen · Luisterend oor",
        ("phone", "father", "73022", ["toddler"], "sleep", ["listening"]),
    ),
    (
        ["g", "Tab", "g", "Tab", "s", "c", "Tab", "k", "Tab", "f", "Enter"],
        "Telefoon · Grootouder · Gingelom · Kleuter (3–6 jaar) · Scheiding · Folder of brochure meegegeven",
        ("phone", "grandparent", "71017", ["preschool"], "divorce", ["material"]),
    ),
    # Two life stages and two offers: a letter ticks the first, an arrow and Space the next.
    (
        [
            "m",
            "Tab",
            "s",
            "Tab",
            "d",
            "r",
            "Tab",
            "k",
            "ArrowRight",
            "Space",
            "Tab",
            "i",
            "ArrowDown",
            "Space",
            "Enter",
        ],
        "Telefoon · Moeder · Sint-Truiden · Kleuter (3–6 jaar), Lagere school (6–12 jaar) · "
        "Driftbuien en koppigheid · Informatie en kort advies, Luisterend oor",
        ("phone", "mother", "71053", ["preschool", "primary"], "tantrums", ["info", "listening"]),
    ),
    # The mails of the morning: the channel changed once, at the top…
    (
        [
            *TO_CHANNEL,
            "e",
            *BACK_FROM_CHANNEL,
            "m",
            "Tab",
            "h",
            "Tab",
            "e",
            "e",
            "Tab",
            "b",
            "Tab",
            "i",
            "Enter",
        ],
        "E-mail · Moeder · Heers · Baby (0–1 jaar) · Eten en drinken · Informatie en kort advies",
        ("email", "mother", "73022", ["baby"], "eating", ["info"]),
    ),
    # …and offered again for the next one, in sight at the top: the typical keys, by e-mail.
    (
        TYPICAL_CONTACT_KEYS,
        "E-mail · Moeder · Sint-Truiden · Lagere school (6–12 jaar) · Pesten · Informatie en kort advies",
        ("email", "mother", "71053", ["primary"], "bullying", ["info"]),
    ),
    # The phone rings again: back to Telefoon.
    (
        [
            *TO_CHANNEL,
            "t",
            *BACK_FROM_CHANNEL,
            "l",
            "Tab",
            "s",
            "Tab",
            "s",
            "c",
            "h",
            "o",
            "Tab",
            "t",
            "Tab",
            "i",
            "Enter",
        ],
        "Telefoon · Leerkracht, school · Sint-Truiden · Tiener (12–18 jaar) · Schoolkeuze en overgang · "
        "Informatie en kort advies",
        ("phone", "teacher", "71053", ["teen"], "school_transition", ["info"]),
    ),
    # A longer call: the time spent changed as well.
    (
        [
            *TO_TIME_SPENT,
            "3",
            *BACK_FROM_TIME_SPENT,
            "b",
            "Tab",
            "g",
            "Tab",
            "p",
            "u",
            "Tab",
            "t",
            "Tab",
            "p",
            "Enter",
        ],
        "Telefoon · Beide ouders · Gingelom · Tiener (12–18 jaar) · Puberteit · Pedagogisch adviesgesprek",
        ("phone", "both_parents", "71017", ["teen"], "puberty", ["advice_conversation"]),
    ),
    (
        ["p", "Tab", "s", "Tab", "a", "n", "Tab", "p", "Tab", "i", "Enter"],
        "Telefoon · Pleegouder · Sint-Truiden · Peuter (1–3 jaar) · Angst · Informatie en kort advies",
        ("phone", "foster_parent", "71053", ["toddler"], "anxiety", ["info"]),
    ),
    (
        TYPICAL_CONTACT_KEYS,
        "Telefoon · Moeder · Sint-Truiden · Lagere school (6–12 jaar) · Pesten · Informatie en kort advies",
        ("phone", "mother", "71053", ["primary"], "bullying", ["info"]),
    ),
]


def stored(contact):
    return (
        contact.channel.code,
        contact.asker_role.code,
        contact.municipality.code,
        [s.code for s in contact.life_stages.all()],
        contact.themes_in_order()[0].code,
        [o.code for o in contact.offers.all()],
    )


def test_a_new_staff_member_registers_ten_contacts_in_a_row_by_keyboard(sam, logged_in, check_a11y):
    page = logged_in(sam)
    page.goto(REGISTER)
    for number, (keys, line, values) in enumerate(TEN_CONTACTS, start=1):
        expect(page.locator("#id_asker_role")).to_be_focused()
        keyboard = CountingKeyboard(page)
        with page.expect_navigation():
            keyboard.press(*keys)
        if keys == TYPICAL_CONTACT_KEYS:
            assert len(keyboard.presses) <= MAX_KEY_PRESSES
        # Every value saved is named, so a wrong one is seen at once…
        expect(page.locator(".message--success")).to_contain_text(f"Geregistreerd: {line} · ")
        # …and what is stored is what was meant.
        assert Contact.objects.count() == number, f"contact {number} was not registered"
        assert stored(Contact.objects.latest("pk")) == values, f"contact {number}"
    durations = list(Contact.objects.order_by("pk").values_list("duration", flat=True))
    assert durations == ["5to15"] * 7 + ["30to60"] + ["5to15"] * 2
    check_a11y(page, "register-tenth")
