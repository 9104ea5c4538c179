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


def test_browsers_revalidate_a_public_page_on_every_view(client, council):
    directives = cache_directives(client.get("/testshire/"))
    assert {"public", "max-age=0", "must-revalidate"} <= directives


def test_shared_caches_may_keep_a_public_page_for_sixty_seconds_or_less(client, council):
    assert "s-maxage=60" in cache_directives(client.get("/testshire/"))


def test_a_publish_shows_on_the_next_view_of_a_page_the_browser_holds(client, council):
    service = make_service(council, status="draft", name="Was a draft")
    first = client.get("/testshire/services/")
    service.status = "published"
    service.save()
    again = client.get("/testshire/services/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "Was a draft" in again.content.decode()


def cache_directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


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


@pytest.mark.django_db(transaction=True)
def test_content_version_moves_again_when_the_change_commits():
    from django.db import transaction

    from core.caching import content_version, council_scope
    from tests.factories import make_full_council

    council = make_full_council("committed")
    scope = council_scope(council.slug)
    before = content_version(scope)
    with transaction.atomic():
        for service in council.services.all():
            service.name = f"{service.name}, changed in a transaction"
            service.save()
        during = content_version(scope)
    assert before < during
    assert content_version(scope) == during + 1  # once on commit, for the three changes


def test_a_page_cached_under_an_older_content_version_is_not_served(client, council):
    from django.core.cache import cache

    from core.caching import council_scope, version_key

    client.get("/testshire/services/")
    service = council.services.order_by("name").first()
    type(service).objects.filter(pk=service.pk).update(name="Changed without a signal")
    assert "Changed without a signal" not in client.get("/testshire/services/").content.decode()
    cache.incr(version_key(council_scope(council.slug)))
    assert "Changed without a signal" in client.get("/testshire/services/").content.decode()


def test_a_public_comment_does_not_retire_any_cached_page(client, council):
    from feedback.models import Comment

    client.get("/testshire/")
    client.get("/glossary/")
    Comment.objects.create(council=council, topic="content", text="The short breaks page helps.")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/testshire/").status_code == 200
        assert client.get("/glossary/").status_code == 200
    assert len(queries) == 0


def test_editing_one_councils_service_keeps_another_councils_pages_cached(client, council):
    from tests.factories import make_full_council

    other = make_full_council("otherton")
    client.get("/otherton/")
    client.get("/otherton/services/")
    service = council.services.first()
    service.name = "Renamed in Testshire"
    service.save()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/otherton/").status_code == 200
        assert client.get("/otherton/services/").status_code == 200
    assert len(queries) == 0
    assert "Renamed in Testshire" in client.get("/testshire/services/").content.decode()
    assert "Renamed in Testshire" not in client.get(other.get_absolute_url()).content.decode()


def test_editing_national_content_retires_every_councils_pages(client, council):
    from eligibility.models import RouteType

    client.get("/testshire/")
    route = RouteType.objects.first()
    route.title = "A route renamed nationally"
    route.save()
    assert "A route renamed nationally" in client.get("/testshire/").content.decode()


def test_a_history_row_moves_no_content_version(council):
    from django.core.cache import cache

    from core.caching import ANY_COUNCIL, NATIONAL, council_scope, version_key

    keys = [version_key(scope) for scope in (NATIONAL, ANY_COUNCIL, council_scope("testshire"))]
    service = council.services.first()
    before = cache.get_many(keys)
    service.history.model.objects.create(
        id=service.pk, council=council, slug="history-only", name="History row", summary="",
        description="", who_for="", how_to_get="", access="self-referral", last_reviewed=
        service.last_reviewed, review_due=service.review_due, source="test", status="draft",
        history_date=service.last_reviewed.isoformat() + "T00:00:00Z", history_type="~",
    )
    assert cache.get_many(keys) == before
