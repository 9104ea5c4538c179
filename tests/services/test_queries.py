"""Pages run a constant number of SQL queries whatever the number of services (10 or 40)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_full_council

pytestmark = pytest.mark.django_db

PAGES = [
    "/{slug}/",
    "/{slug}/services/",
    "/{slug}/services/?q=service",
    "/{slug}/services/{service}/",
    "/{slug}/levels-of-need/",
    "/{slug}/routes/short-breaks/",
    "/{slug}/faq/",
    "/{slug}/about/",
    "/{slug}/letters/",
    "/{slug}/letters/child-in-need-assessment/",
    "/{slug}/find-my-route/",
    "/{slug}/have-your-say/",
    "/{slug}/you-said-we-did/",
    "/{slug}/open-referral/services",
    "/tools/deadlines/?council={slug}",
    "/",
    "/rights/",
    "/glossary/",
]


def count_queries(client, url):
    cache.clear()  # count the work of rendering, not a cache hit
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("template", PAGES)
def test_page_queries_do_not_grow_with_services(client, template):
    small = make_full_council("small", services=10)
    large = make_full_council("large", services=40)
    small_url = template.format(slug="small", service=small.services.first().slug)
    large_url = template.format(slug="large", service=large.services.first().slug)
    assert count_queries(client, small_url) == count_queries(client, large_url)
