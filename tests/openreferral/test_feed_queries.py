"""The feed runs a constant number of SQL queries whatever the number of services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_full_council

pytestmark = pytest.mark.django_db

URLS = [
    "/{slug}/open-referral/services",
    "/{slug}/open-referral/services?search=service&taxonomy_term_id={term}",
    "/{slug}/open-referral/services/{service}",
    "/{slug}/open-referral/taxonomy_terms",
    "/open-referral/services",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), response.json()


@pytest.mark.parametrize("template", URLS)
def test_feed_queries_do_not_grow_with_services(client, template):
    small = make_full_council("small", services=10)
    term = client.get("/small/open-referral/taxonomy_terms").json()["contents"][0]["id"]

    def url(council):
        return template.format(slug=council.slug, service=council.services.first().oruk_id,
                               term=term)

    small_count, _ = count_queries(client, url(small))
    large = make_full_council("large", services=60)  # more than a full page of 50
    large_count, body = count_queries(client, url(large))
    assert small_count == large_count
    if "contents" in body and "taxonomy" not in template:
        assert body["size"] == 50  # a full default page from the large council
