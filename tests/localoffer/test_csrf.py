"""Every address refuses a POST without a CSRF token, and no GET writes to the database."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

SAMPLES = {
    "council": "stoke-on-trent",
    "route_type": "short-breaks",
    "letter": "child-in-need-assessment",
    "question": "age",
    "key": "age",
    "id": "00000000-0000-0000-0000-000000000000",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "object_id": "1",
    "pk": "1",
}
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.I)


def sample_for(name):
    return SAMPLES.get(name, "aiming-high" if name == "slug" else "1")


def concrete(route):
    """A pattern's route with every converter replaced by a sample value."""
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: sample_for(m.group(1)), route)
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: sample_for(m.group(1)), route)
    return route.replace("^", "").replace("$", "").replace("/?", "/").replace("\\", "")


def public_urls(patterns=None, prefix=""):
    """Every non-admin address the site answers, with sample values."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(entry, URLResolver):
            yield from public_urls(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + concrete(prefix + route)


ADMIN_URLS = ["/admin/login/", "/admin/logout/", "/admin/services/service/1/change/",
              "/admin/services/service/1/delete/", "/admin/services/service/add/"]


@pytest.fixture(scope="module")
def urls():
    return sorted(set(public_urls())) + ADMIN_URLS


def test_the_url_list_covers_the_main_features(urls):
    for expected in ("/stoke-on-trent/find-my-route/", "/stoke-on-trent/have-your-say/",
                     "/tools/deadlines/", "/stoke-on-trent/services/aiming-high/"):
        assert any(url.startswith(expected) for url in urls), expected


def test_every_address_refuses_a_post_without_a_csrf_token(urls):
    client = Client(enforce_csrf_checks=True)
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, {"comment": "hello", "age": "9", "topic": "content"})
        assert response.status_code in (403, 405), f"{url} answered {response.status_code}"
        assert not [q for q in queries if WRITES.match(q["sql"])], url


def test_no_get_writes_to_the_database(urls):
    client = Client()
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        writes = [q["sql"] for q in queries if WRITES.match(q["sql"])]
        assert not writes, f"{url} wrote: {writes}"
