"""Only published content is public: drafts appear on no page, list, search or route page."""

import pytest

from eligibility.models import LevelOfNeed, RouteGuide
from services.models import FAQ, Page, Service
from tests.factories import make_faq, make_level, make_page, make_service

DRAFT_NAME = "Secret draft respite"


@pytest.fixture
def drafts(council):
    service = make_service(council, slug="secret-draft", name=DRAFT_NAME, status="draft",
                           summary="Draft summary of respite.")
    published = Service.objects.get(council=council, slug="service-1")
    service.route_types.set(published.route_types.all())
    service.levels.set(LevelOfNeed.objects.filter(council=council))
    make_page(council, slug="secret-page", title="Secret draft page", status="draft")
    make_faq(council, slug="secret-faq", question="Secret draft question?", status="draft")
    make_level(council, code="9", order=9, name="Secret draft level", status="draft")
    RouteGuide.objects.filter(council=council).update(body="Secret draft guide", status="draft")
    return service


PUBLIC_PAGES = [
    "/testshire/",
    "/testshire/services/",
    "/testshire/services/?q=secret",
    "/testshire/services/?q=respite",
    "/testshire/routes/short-breaks/",
    "/testshire/levels-of-need/",
    "/testshire/faq/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_drafts_are_on_no_public_page(client, drafts, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Secret draft" not in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/testshire/services/secret-draft/", "/testshire/secret-page/"]
)
def test_draft_pages_are_not_found(client, drafts, path):
    assert client.get(path).status_code == 404


def test_publishing_makes_the_draft_public(client, drafts):
    """The checks above can fail: the same content shows once published."""
    Service.objects.filter(slug="secret-draft").update(status="published")
    Page.objects.filter(slug="secret-page").update(status="published")
    FAQ.objects.filter(slug="secret-faq").update(status="published")
    assert DRAFT_NAME in client.get("/testshire/services/?q=secret").content.decode()
    assert DRAFT_NAME in client.get("/testshire/routes/short-breaks/").content.decode()
    assert client.get("/testshire/services/secret-draft/").status_code == 200
    assert client.get("/testshire/secret-page/").status_code == 200
    assert "Secret draft question?" in client.get("/testshire/faq/").content.decode()
