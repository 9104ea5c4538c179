"""The real councils' content (fixtures/) has no axe violations and reflows, on every page a
parent can reach (issue 17): each council's crawl (tests/support/content.py, crawl_public) at
320 px and at 1280 px, in one browser against the session's live server.

Each page loads once: axe runs at 1280 px, then again at 320 px on the same document (axe stays
injected), where the page must also not scroll sideways. Site-wide pages (/rights/...) are
checked once, with the first council.
"""

import pytest
from django.test import Client

from tests.browser.conftest import DESKTOP, PHONE, axe_results
from tests.support.content import crawl_public

pytestmark = pytest.mark.usefixtures("seeded_content", "db")

COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
_checked = set()


def problems_on(page, url):
    """axe's violations at both widths, and sideways scrolling at 320 px, as short lines."""
    found = []
    page.set_viewport_size(DESKTOP)
    response = page.goto(url)
    if response.status != 200:
        return [f"answered {response.status}"]
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        for violation in axe_results(page).response["violations"]:
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
            found.append(f"{size['width']} px {violation['id']}: {targets}")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if widths[0] > widths[1]:
        found.append(f"320 px: scrolls sideways ({widths[0]} px in {widths[1]} px)")
    return found


@pytest.mark.runs_long
@pytest.mark.parametrize("council", COUNCILS)
def test_every_reachable_page_has_no_axe_violations_at_320_and_1280_px(page, server, council):
    paths = [path for path in crawl_public(Client(), council) if path not in _checked]
    _checked.update(paths)
    report = {}
    for path in paths:
        if found := problems_on(page, server.url + path):
            report[path] = found
    assert report == {}
