"""Every endpoint of the council feed and the whole-install feed matches the ORUK 3.0 schemas."""

import pytest

from services.models import Service
from tests.support.content import load_shipped_content

FEEDS = [
    pytest.param("/testshire/open-referral/", id="council-feed"),
    pytest.param("/open-referral/", id="whole-install-feed"),
]
PAGE_FIELDS = {
    "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty",
    "contents",
}


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize("base", FEEDS)
def test_meta_endpoint_matches_schema_and_names_version_profile_and_openapi(
    client, feed_data, validate_response, base
):
    body = get_json(client, base)
    validate_response("/", body)
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://")
    assert body["openapi_url"] == f"http://testserver{base}openapi.json"


@pytest.mark.parametrize("base", FEEDS)
def test_services_list_matches_schema(client, feed_data, validate_response, base):
    body = get_json(client, base + "services")
    validate_response("/services", body)
    assert PAGE_FIELDS <= set(body)
    assert body["total_items"] == len(body["contents"]) > 0


@pytest.mark.parametrize("base", FEEDS)
def test_every_service_detail_matches_schema(client, feed_data, validate_response,
                                             validate_object, base):
    listing = get_json(client, base + "services?per_page=100")
    for item in listing["contents"]:
        body = get_json(client, f"{base}services/{item['id']}")
        validate_response("/services/{id}", body)
        for contact in body.get("contacts", []):
            validate_object("contact.json", contact)
            for phone in contact.get("phones", []):
                validate_object("phone.json", phone)


@pytest.mark.parametrize("base", FEEDS)
def test_taxonomy_endpoints_match_schema(client, feed_data, validate_response, base):
    taxonomies = get_json(client, base + "taxonomies")
    validate_response("/taxonomies", taxonomies)
    assert taxonomies["total_items"] == 2
    for taxonomy in taxonomies["contents"]:
        detail = get_json(client, f"{base}taxonomies/{taxonomy['id']}")
        validate_response("/taxonomies/{id}", detail)
        assert detail["taxonomy_terms"]
    terms = get_json(client, base + "taxonomy_terms")
    validate_response("/taxonomy_terms", terms)
    assert terms["total_items"] == len(terms["contents"]) > 0
    for term in terms["contents"]:
        detail = get_json(client, f"{base}taxonomy_terms/{term['id']}")
        validate_response("/taxonomy_terms/{id}", detail)


@pytest.mark.parametrize("base", FEEDS)
def test_openapi_description_lists_what_the_feed_implements(client, feed_data, base):
    body = get_json(client, base + "openapi.json")
    assert body["openapi"].startswith("3.")
    assert body["servers"] == [{"url": f"http://testserver{base}".rstrip("/")}]
    assert set(body["paths"]) == {
        "/", "/services", "/services/{id}", "/taxonomies", "/taxonomies/{id}",
        "/taxonomy_terms", "/taxonomy_terms/{id}",
    }


def test_shipped_fixtures_give_valid_feeds(client, db, validate_response):
    load_shipped_content()
    for service in Service.objects.published().select_related("council"):
        base = f"/{service.council.slug}/open-referral/"
        validate_response("/services/{id}", get_json(client, f"{base}services/{service.oruk_id}"))
    validate_response("/services", get_json(client, "/open-referral/services"))


def test_schema_check_refuses_a_service_that_breaks_the_standard(validate_response):
    broken = {"id": "not-a-uuid", "name": "Club", "status": "open", "contacts": [{"name": 1}]}
    with pytest.raises(AssertionError, match="status"):
        validate_response("/services/{id}", broken)
