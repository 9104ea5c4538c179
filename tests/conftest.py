"""The cast every test can call on, and settings that make tests independent of one another."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import make_full_council
from tests.support.content import seeded

# Playwright's sync API keeps an event loop in the main thread (TESTING.md).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
# Redis's default number of databases (0 to 15).
REDIS_DATABASES = 16
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
ONE_PASS = pytest.mark.skip(
    reason="runs in the SQLite pass only: browser tests and the rule sweep do not depend on "
    "the database engine (tests/conftest.py)"
)


def pytest_configure(config):
    """With several test processes (pytest-xdist: `make test` runs two), each gets a Redis
    database of its own: every test empties the cache (FLUSHDB), which must not empty another
    process's cache in the middle of its test. Servers the tests start inherit it (REDIS_URL)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not (worker.startswith("gw") and settings.REDIS_URL):
        return
    url = urlsplit(settings.REDIS_URL)
    database = (int(url.path.strip("/") or 0) + int(worker[2:])) % REDIS_DATABASES
    own = urlunsplit(url._replace(path=f"/{database}"))
    os.environ["REDIS_URL"] = settings.REDIS_URL = own
    settings.CACHES["default"]["LOCATION"] = own


def pytest_collection_modifyitems(config, items):
    """The longest tests (marked `runs_long`) first: while one test process runs them, the other
    takes the rest (`--dist worksteal` moves waiting tests from a busy process to an idle one).

    CI runs every test twice, on SQLite and on PostgreSQL: some need only one of them.
    """
    items.sort(key=lambda item: item.get_closest_marker("runs_long") is None)
    if not ON_POSTGRESQL:
        return
    for item in items:
        in_browser_folder = item.path.resolve().is_relative_to(BROWSER_TESTS)
        if in_browser_folder or item.get_closest_marker("engine_independent"):
            item.add_marker(ONE_PASS)


@pytest.fixture(scope="module")
def seeded_content(django_db_setup, django_db_blocker):
    """The shipped fixtures, loaded once for the module inside a transaction rolled back at the end.

    For tests that only read the shipped content. Each test's own transaction nests inside this
    one, so tests still cannot see each other's writes, and no other module sees the content.
    Once one test of a module asks for it, every later test of that module sees it too: keep
    the tests that need an empty database in another module. No history rows are written for
    the content (tests/support/content.py); tests still record history for their own writes.
    """
    with seeded(django_db_blocker):
        yield


@pytest.fixture(scope="module")
def seeded_content_with_history(django_db_setup, django_db_blocker):
    """seeded_content with the history rows the first load writes, for tests about history."""
    with seeded(django_db_blocker, history=True):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Hashed static names need collectstatic; tests use the plain storage instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def council(db):
    """A council with one of everything and three published services."""
    return make_full_council("testshire")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
