"""Every staff and public page on a 390 px phone (issue 15, item 2): no page scrolls sideways, and no
page repeats an id (a repeated id points a label at the wrong field).

The pages are the URL resolver's, filled with the demo data's objects (the same walk as
tests/core/test_bad_input_forms.py, so a new page is covered without a change here). Staff pages are
walked as the demo coordinator of Zuid-Limburg, public pages also as a parent without an account;
pages that are not HTML (exports, PDFs) or not a GET page (405, a redirect to elsewhere) are left out;
a page that answers 500 is a failure too, and so is anything axe finds (a violation, or a "needs review"
item not checked by hand: tests/browser/conftest.py).
Every failing page is listed at once, without JavaScript (the core flow works without it).
"""

import pytest

from opvoedwijzer.demo.management.commands.seed_demo import DEMO_PASSWORD
from tests.browser.conftest import check_a11y, log_in
from tests.core.test_bad_input_forms import demo_for_the_walk, every_url

PHONE = {"width": 390, "height": 844}

DUPLICATE_IDS = """() => {
    const seen = {}, twice = [];
    for (const el of document.querySelectorAll("[id]")) {
        if (seen[el.id] && !twice.includes(el.id)) twice.push(el.id);
        seen[el.id] = true;
    }
    return twice;
}"""


def walk(page, urls, too_wide, repeated_ids, seen, axe_failures, who):
    """Open every HTML page of `urls` on the phone; note its width, its repeated ids and what axe finds."""
    for url in urls:
        answer = page.request.get(url, max_redirects=0)
        if answer.status >= 500:
            too_wide.append(f"{url}: answers {answer.status}")
        if answer.status != 200 or "text/html" not in answer.headers.get("content-type", ""):
            continue
        page.goto(url)
        seen.append(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"{url}: {width} px")
        twice = page.evaluate(DUPLICATE_IDS)
        if twice:
            repeated_ids.append(f"{url}: {', '.join(twice)}")
        try:  # violations and "needs review" items not checked by hand (see conftest.py) fail
            check_a11y(page, f"phone-{who}-" + url.strip("/").replace("/", "-"))
        except pytest.fail.Exception as failure:
            axe_failures.append(str(failure))


def test_every_staff_and_public_page_fits_a_phone_and_repeats_no_id(new_page):
    demo = demo_for_the_walk()
    urls = every_url(demo)
    staff = log_in(new_page(js=False), demo["coordinator"], password=DEMO_PASSWORD)
    staff.set_viewport_size(PHONE)
    parent = new_page(js=False)
    parent.set_viewport_size(PHONE)
    too_wide, repeated_ids, axe_failures, seen_by_staff, seen_by_parent = [], [], [], [], []

    walk(staff, urls, too_wide, repeated_ids, seen_by_staff, axe_failures, "staff")
    public = [u for u in urls if not u.startswith("/o/")]
    walk(parent, public, too_wide, repeated_ids, seen_by_parent, axe_failures, "parent")

    assert len(seen_by_staff) >= 60, seen_by_staff  # the walk reached the pages, not only redirects
    assert "/o/zuid-limburg/map/referrals/" in seen_by_staff  # where `outcome-91` stood twice
    assert len(seen_by_parent) >= 10, seen_by_parent
    assert too_wide == [], "Pages wider than a 390 px phone:\n" + "\n".join(too_wide)
    assert repeated_ids == [], "Pages that repeat an id:\n" + "\n".join(repeated_ids)
    assert axe_failures == [], "\n".join(axe_failures)
