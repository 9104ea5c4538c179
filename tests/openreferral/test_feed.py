"""The feed's behaviour: published services only, council scoping, paging, filters, errors."""

import uuid

import pytest

from services.models import ORUK_NAMESPACE, Category
from services.openreferral import serialise as openreferral
from tests.factories import make_full_council, make_service


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


def names(body):
    return sorted(item["name"] for item in body["contents"])


def test_council_feed_lists_only_that_councils_published_services(client, feed_data):
    body = get(client, "/testshire/open-referral/services")
    assert names(body) == ["Holiday club", "Service 1", "Service 2", "Service 3"]
    assert {item["organization"]["name"] for item in body["contents"]} == {
        feed_data["council"].name
    }


def test_whole_install_feed_lists_every_councils_published_services(client, feed_data):
    body = get(client, "/open-referral/services")
    assert body["total_items"] == 6
    assert "Draft service" not in names(body)


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/testshire/open-referral/services/{draft}", id="draft-in-council-feed"),
        pytest.param("/open-referral/services/{draft}", id="draft-in-whole-feed"),
        pytest.param("/otherton/open-referral/services/{paid}", id="other-councils-service"),
        pytest.param("/testshire/open-referral/services/{unknown}", id="unknown-service"),
        pytest.param("/testshire/open-referral/taxonomies/{unknown}", id="unknown-taxonomy"),
        pytest.param("/testshire/open-referral/taxonomy_terms/{unknown}", id="unknown-term"),
        pytest.param("/nowhere/open-referral/services", id="unknown-council"),
    ],
)
def test_unknown_draft_or_other_councils_ids_are_json_404(client, feed_data, url):
    url = url.format(
        draft=feed_data["draft"].oruk_id, paid=feed_data["paid"].oruk_id, unknown=uuid.uuid4()
    )
    body = get(client, url, status=404)
    assert set(body) == {"message"} and "\n" not in body["message"]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("services?page=abc", id="page-not-a-number"),
        pytest.param("services?page=0", id="page-zero"),
        pytest.param("services?page=-1", id="page-negative"),
        pytest.param("services?page=%C2%B2", id="page-superscript-two"),
        pytest.param("services?per_page=0", id="per-page-zero"),
        pytest.param("services?per_page=1.5", id="per-page-fraction"),
        pytest.param("services?minimum_age=five", id="minimum-age-word"),
        pytest.param("services?maximum_age=nan", id="maximum-age-nan"),
        pytest.param("services?maximum_age=-3", id="maximum-age-negative"),
        pytest.param("services?taxonomy_term_id=xyz", id="term-id-not-uuid"),
        pytest.param(f"services?taxonomy_term_id={uuid.uuid4()}", id="term-id-unknown"),
        pytest.param("services?taxonomy_id=xyz", id="taxonomy-id-not-uuid"),
        pytest.param("services/not-a-uuid", id="service-id-not-uuid"),
        pytest.param("taxonomies/%00", id="taxonomy-id-nul"),
        pytest.param("taxonomy_terms/123", id="term-id-number"),
        pytest.param("taxonomy_terms?page=9999999999999999999999", id="page-huge"),
    ],
)
def test_bad_query_values_are_json_400_with_one_line(client, feed_data, query):
    response = client.get("/testshire/open-referral/" + query)
    if query.endswith("9999"):
        # A huge page number is a valid whole number: an empty page, not an error.
        assert response.status_code == 200 and response.json()["empty"] is True
        return
    assert response.status_code == 400, response.content[:300]
    body = response.json()
    assert set(body) == {"message"} and "\n" not in body["message"]


def test_per_page_is_capped_at_100_not_refused(client, db):
    make_full_council("bigshire", services=120)
    body = get(client, "/bigshire/open-referral/services?per_page=100000")
    assert body["size"] == 100
    assert body["total_pages"] == 2


def test_default_page_is_50_services(client, db):
    make_full_council("bigshire", services=120)
    body = get(client, "/bigshire/open-referral/services")
    assert (body["size"], body["total_pages"]) == (50, 3)


def test_pages_walk_every_service_once(client, db):
    make_full_council("bigshire", services=23)
    seen = []
    for number in (1, 2, 3):
        body = get(client, f"/bigshire/open-referral/services?per_page=10&page={number}")
        assert body["page_number"] == number
        assert body["first_page"] is (number == 1)
        assert body["last_page"] is (number == 3)
        seen += [item["id"] for item in body["contents"]]
    assert len(seen) == len(set(seen)) == 23
    beyond = get(client, "/bigshire/open-referral/services?per_page=10&page=4")
    assert beyond["contents"] == [] and beyond["empty"] is True and beyond["total_items"] == 23


def test_empty_feed_is_an_empty_first_page(client, db):
    make_full_council("emptyshire", services=0)
    body = get(client, "/emptyshire/open-referral/services")
    assert body == {
        "total_items": 0, "total_pages": 0, "page_number": 1, "size": 0,
        "first_page": True, "last_page": True, "empty": True, "contents": [],
    }


def term_id(kind, slug):
    return str(uuid.uuid5(ORUK_NAMESPACE, f"taxonomy-term/{kind}/{slug}"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("search=holiday", ["Holiday club"], id="search-name"),
        pytest.param("search=HOLIDAY+club", ["Holiday club"], id="search-every-word"),
        pytest.param("search=nothing-matches", [], id="search-no-match"),
        pytest.param("search=holiday+clubs+for+my+son", ["Holiday club"], id="search-stems"),
        pytest.param("search=holdiay", ["Holiday club"], id="search-misspelt"),
        pytest.param(
            f"taxonomy_term_id={term_id('categories', 'health')}", ["Holiday club"],
            id="category-term",
        ),
        pytest.param(
            f"taxonomy_term_id={term_id('route-types', 'early-help')}", ["Holiday club"],
            id="route-term",
        ),
        pytest.param("minimum_age=5", ["Holiday club"], id="minimum-age-at-least"),
        pytest.param("maximum_age=17", ["Holiday club"], id="maximum-age-at-most"),
        pytest.param("maximum_age=16.5", [], id="maximum-age-below-every-service"),
        pytest.param(
            "minimum_age=0&maximum_age=25",
            ["Holiday club", "Service 1", "Service 2", "Service 3"], id="whole-age-range",
        ),
        pytest.param("search=&page=&per_page=", None, id="blank-values-ignored"),
    ],
)
def test_filters(client, feed_data, query, expected):
    body = get(client, f"/testshire/open-referral/services?{query}")
    if expected is None:
        expected = ["Holiday club", "Service 1", "Service 2", "Service 3"]
    assert names(body) == expected


def test_taxonomy_filter_keeps_services_with_any_term_of_it(client, feed_data):
    routes = openreferral.taxonomy_id(openreferral.ROUTE_TYPES)
    body = get(client, f"/testshire/open-referral/services?taxonomy_id={routes}")
    assert names(body) == ["Holiday club", "Service 1", "Service 2", "Service 3"]


def ids(data):
    """Every value of an `id` or `*_id` key, anywhere in a JSON document."""
    if isinstance(data, list):
        return [found for item in data for found in ids(item)]
    if isinstance(data, dict):
        own = [value for key, value in data.items() if key == "id" or key.endswith("_id")]
        return own + [found for value in data.values() for found in ids(value)]
    return []


def test_ids_stay_the_same_when_the_data_is_made_again(client, db):
    def snapshot():
        council = make_full_council("sameshire", services=2)
        service = council.services.first()
        detail = get(client, f"/sameshire/open-referral/services/{service.oruk_id}")
        terms = get(client, "/sameshire/open-referral/taxonomy_terms")
        council.delete()
        Category.objects.all().delete()
        return ids(detail) + ids(terms)

    assert snapshot() == snapshot()


def test_nested_service_carries_organization_contacts_ages_costs_and_terms(client, feed_data):
    paid = feed_data["paid"]
    body = get(client, f"/testshire/open-referral/services/{paid.oruk_id}")
    assert body["id"] == str(paid.oruk_id)
    assert body["url"] == "http://testserver/testshire/services/holiday-club/"
    assert body["email"] == "cwd@testshire.example.org"
    assert (body["minimum_age"], body["maximum_age"]) == (5, 17)
    assert body["organization"]["website"] == "https://testshire.example.org/"
    assert body["cost_options"][0]["option"] == "You may pay a contribution"
    assert body["cost_options"][0]["amount_description"] == "£5 a session"
    phones = [
        phone["number"] for contact in body["contacts"] for phone in contact.get("phones", [])
    ]
    assert phones == ["01234 567890"]
    terms = {item["taxonomy_term"]["term"]: item["link_type"] for item in body["attributes"]}
    assert terms == {"health": "category", "early-help": "route"}
    assert all(item["link_id"] == body["id"] for item in body["attributes"])



def test_empty_optional_arrays_are_left_out(client, feed_data):
    """ORUK guidance: omit an optional array rather than send it empty."""
    body = get(client, f"/testshire/open-referral/services/{feed_data['paid'].oruk_id}")
    for name in ["schedules", "service_areas", "service_at_locations", "languages", "funding"]:
        assert name not in body
    assert "organization_identifiers" not in body["organization"]
    team = next(item for item in body["contacts"] if item["name"].startswith("Children with"))
    assert "phones" not in team  # the team has no phone number
    assert [] not in walk(body)


def walk(data):
    """Every value nested in `data`."""
    if isinstance(data, dict):
        for value in data.values():
            yield value
            yield from walk(value)
    elif isinstance(data, list):
        for value in data:
            yield value
            yield from walk(value)


def test_eligibility_and_how_to_get_it_are_mapped(client, feed_data):
    paid = feed_data["paid"]
    paid.eligibility = "Disabled children aged 5 to 17 who live in Testshire."
    paid.how_to_get = "Fill in the form on the council's website."
    paid.save()
    body = get(client, f"/testshire/open-referral/services/{paid.oruk_id}")
    assert body["eligibility_description"] == paid.eligibility
    assert body["application_process"] == paid.how_to_get
    listed = get(client, "/testshire/open-referral/services?search=holiday")["contents"][0]
    assert listed["application_process"] == paid.how_to_get


def test_free_service_has_a_zero_cost_option(client, feed_data):
    service = feed_data["council"].services.get(slug="service-1")
    body = get(client, f"/testshire/open-referral/services/{service.oruk_id}")
    assert body["cost_options"][0]["amount"] == 0
    assert body["cost_options"][0]["option"] == "Free"


def test_feed_is_read_only(client, feed_data):
    response = client.post("/testshire/open-referral/services")
    assert response.status_code == 405


def test_feed_answers_with_and_without_trailing_slash(client, feed_data):
    with_slash = get(client, "/testshire/open-referral/services/")
    assert with_slash == get(client, "/testshire/open-referral/services")


def test_feed_may_be_cached_briefly_and_read_by_any_site(client, feed_data):
    response = client.get("/open-referral/services")
    assert "max-age=60" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_new_service_gets_a_different_stable_id(db):
    council = make_full_council("idshire", services=0)
    service = make_service(council, "new-thing")
    assert service.oruk_id == uuid.uuid5(ORUK_NAMESPACE, "idshire/new-thing")
