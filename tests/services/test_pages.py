"""Every public page type answers 200 with its last-reviewed date; bad addresses answer 404."""

import pytest

from tests.factories import make_council, make_service

pytestmark = pytest.mark.django_db

COUNCIL_PAGES = [
    "/testshire/",
    "/testshire/levels-of-need/",
    "/testshire/services/",
    "/testshire/services/?q=service",
    "/testshire/routes/short-breaks/",
    "/testshire/faq/",
    "/testshire/contact/",
    "/testshire/about/",
]
SITE_PAGES = ["/", "/rights/", "/rights/children-act-1989-s17zd/", "/glossary/", "/privacy/",
              "/accessibility/"]


@pytest.mark.parametrize("url", COUNCIL_PAGES + SITE_PAGES)
def test_page_answers_200_and_shows_when_it_was_reviewed(client, council, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Page last reviewed" in response.content.decode()


def test_service_page_answers_200(client, council):
    service = council.services.first()
    response = client.get(f"/testshire/services/{service.slug}/")
    assert response.status_code == 200
    assert service.name in response.content.decode()


def test_council_home_shows_the_council_name_and_links_its_colours(client, council):
    html = client.get("/testshire/").content.decode()
    assert council.name in html
    assert 'href="/testshire/theme.css?v=00487a"' in html


def test_council_theme_sets_the_council_colour(client, council):
    response = client.get("/testshire/theme.css")
    assert response["Content-Type"] == "text/css"
    assert "--lo-council-colour: #00487a;" in response.content.decode()


def test_council_home_has_a_tap_to_call_front_door(client, council):
    assert 'href="tel:03000000000"' in client.get("/testshire/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-council/",
        "/no-such-council/services/",
        "/testshire/services/no-such-service/",
        "/testshire/routes/no-such-route/",
        "/testshire/no-such-page/",
        "/rights/no-such-duty/",
        "/testshire/services/x/y/z/",
    ],
)
def test_wrong_address_gives_the_404_page(client, council, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_draft_service_is_not_public(client, council):
    draft = make_service(council, slug="secret-draft", status="draft", name="Hidden draft")
    assert client.get(f"/testshire/services/{draft.slug}/").status_code == 404
    assert "Hidden draft" not in client.get("/testshire/services/").content.decode()


def test_another_councils_service_is_not_found_under_this_council(client, council):
    other = make_council("otherton")
    service = make_service(other, slug="only-in-otherton")
    assert client.get(f"/testshire/services/{service.slug}/").status_code == 404


@pytest.mark.parametrize("query", ["", "x" * 10_000, "'; DROP TABLE services_service; --",
                                   "<script>alert(1)</script>", "\x00", "%00"])
def test_odd_search_query_gives_a_normal_page(client, council, query):
    response = client.get("/testshire/services/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["-1", "abc", "99999", ""])
def test_odd_page_number_gives_a_normal_page(client, council, page):
    assert client.get("/testshire/services/", {"page": page}).status_code == 200


def test_levels_page_falls_back_to_the_national_continuum(client):
    from tests.factories import make_level

    bare = make_council("bareshire")
    make_level(None, code="universal", name="Universal services")
    html = client.get("/bareshire/levels-of-need/").content.decode()
    assert bare.name in html
    # Audit C3: the generic levels are shown as such, never as the council's own.
    assert f"They are not {bare.name}'s own levels." in html
    assert "Universal services" in html
