"""With the cache down pages are served uncached; with the database down a friendly 503."""

import pytest
from django.db import OperationalError

from localoffer.middleware import DatabaseUnavailableMiddleware

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "localoffer.cache_backend.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.mark.parametrize("url", ["/", "/testshire/", "/testshire/services/", "/rights/"])
def test_pages_are_served_uncached_when_redis_is_unreachable(client, council, settings, url):
    settings.CACHES = DEAD_REDIS
    response = client.get(url)
    assert response.status_code == 200
    assert "Page last reviewed" in response.content.decode()


def test_saving_content_works_when_redis_is_unreachable(council, settings):
    settings.CACHES = DEAD_REDIS
    council.name = "Still saves"
    council.save()
    council.refresh_from_db()
    assert council.name == "Still saves"


def failing_view(request):
    raise OperationalError("could not connect to server: Connection refused")


def test_database_error_becomes_a_friendly_503_with_retry_after(rf):
    middleware = DatabaseUnavailableMiddleware(failing_view)
    request = rf.get("/testshire/")
    response = middleware(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in response.content.decode()
    assert "Traceback" not in response.content.decode()
