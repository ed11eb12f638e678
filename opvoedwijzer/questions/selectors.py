"""Named reads on web questions for other apps."""

from itertools import groupby
from operator import itemgetter

from opvoedwijzer.contacts.models import ContactTheme

from .models import Status


def suggestion_examples(organisation):
    """(question text, [main theme code, other theme codes…]) for each of the organisation's answered web
    questions registered with themes (issue 20: the theme suggestions learn from them). One query, read
    as an iterator; the texts are not kept by the reader."""
    rows = (
        ContactTheme.objects.filter(
            contact__web_question__organisation=organisation, contact__web_question__status=Status.ANSWERED
        )
        .exclude(contact__web_question__text="")
        .order_by("contact_id", "-is_main", "theme__code")
        .values_list("contact_id", "contact__web_question__text", "theme__code")
    )
    for _pk, group in groupby(rows.iterator(), key=itemgetter(0)):
        group = list(group)
        yield group[0][1], [code for *_rest, code in group]
