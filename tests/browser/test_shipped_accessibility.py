"""The real councils' content (fixtures/) has no axe violations on a phone, and reflows."""

import pytest

from services.models import Council, Service
from tests.browser.conftest import PHONE, axe_check, no_horizontal_scroll

pytestmark = pytest.mark.usefixtures("seeded_content", "db")


def test_shipped_content_has_no_axe_violations_on_a_phone(page, server):
    """Each council's main pages, the shipped content loaded once."""
    page.set_viewport_size(PHONE)
    for council in Council.objects.all():
        paths = [f"/{council.slug}/", f"/{council.slug}/levels-of-need/",
                 f"/{council.slug}/services/", f"/{council.slug}/faq/",
                 f"/{council.slug}/step-by-step/", f"/{council.slug}/routes/child-protection/"]
        service = Service.objects.published().for_council(council).first()
        if service:
            paths.append(f"/{council.slug}/services/{service.slug}/")
        for path in paths:
            assert page.goto(server.url + path).status == 200, path
            axe_check(page)
            no_horizontal_scroll(page)
