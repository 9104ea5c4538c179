"""Public pages come from the cache, are never stale, and tell browsers how long to keep them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_service

pytestmark = pytest.mark.django_db


def test_public_page_is_served_from_the_cache_without_queries(client, council):
    client.get("/testshire/services/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/testshire/services/").status_code == 200
    assert len(queries) == 0


@pytest.mark.parametrize(
    "template",
    ["/testshire/", "/testshire/services/", "/testshire/services/{slug}/",
     "/testshire/routes/short-breaks/", "/testshire/levels-of-need/"],
)
def test_publishing_a_change_invalidates_every_cached_page_that_shows_it(client, council, template):
    service = council.services.order_by("name").first()
    url = template.format(slug=service.slug)
    client.get(url)
    service.name = "Renamed by a publisher"
    service.save()
    council.name = "Renamed Council"
    council.save()
    html = client.get(url).content.decode()
    assert "Renamed Council" in html
    if "{slug}" in template or "services" in template or "routes" in template:
        assert "Renamed by a publisher" in html


def test_a_newly_published_service_appears_at_once(client, council):
    client.get("/testshire/services/")
    draft = make_service(council, status="draft", name="Freshly published")
    assert "Freshly published" not in client.get("/testshire/services/").content.decode()
    draft.status = "published"
    draft.save()
    assert "Freshly published" in client.get("/testshire/services/").content.decode()


def test_public_page_may_be_kept_for_sixty_seconds_or_less(client, council):
    response = client.get("/testshire/")
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]


def test_public_page_sets_no_cookie(client, council):
    assert not client.get("/testshire/").cookies


def test_repeat_request_with_the_etag_gets_304(client, council):
    first = client.get("/testshire/")
    again = client.get("/testshire/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_admin_is_never_publicly_cacheable(client, council):
    response = client.get("/admin/login/")
    assert "public" not in response.get("Cache-Control", "")


def test_not_found_page_is_not_cached_as_a_success(client, council):
    assert client.get("/testshire/services/not-yet/").status_code == 404
    make_service(council, slug="not-yet")
    assert client.get("/testshire/services/not-yet/").status_code == 200


def test_content_version_moves_again_when_the_change_commits(
    council, django_capture_on_commit_callbacks
):
    from localoffer.caching import content_version

    before = content_version()
    service = council.services.first()
    with django_capture_on_commit_callbacks(execute=True):
        service.name = "Changed in a transaction"
        service.save()
        during = content_version()
    assert before < during < content_version()


def test_a_page_cached_under_an_older_content_version_is_not_served(client, council):
    from django.core.cache import cache

    from localoffer.caching import VERSION_KEY

    client.get("/testshire/services/")
    service = council.services.order_by("name").first()
    type(service).objects.filter(pk=service.pk).update(name="Changed without a signal")
    assert "Changed without a signal" not in client.get("/testshire/services/").content.decode()
    cache.incr(VERSION_KEY)
    assert "Changed without a signal" in client.get("/testshire/services/").content.decode()
