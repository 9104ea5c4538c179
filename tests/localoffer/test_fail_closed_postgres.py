"""Against the real PostgreSQL: a database that stops answering gives a 503 within seconds."""

import os
import time

import pytest

from tests.support.servers import TcpProxy, fetch, gunicorn, throwaway_postgres_database

DATABASE_URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="needs PostgreSQL: set DATABASE_URL=postgres://... (CI's second pass does)",
)


def until(predicate, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return predicate()


def timed_fetch(url):
    start = time.monotonic()
    status, headers, body = fetch(url)
    return status, time.monotonic() - start


@pytest.fixture(scope="module")
def proxied_site(postgres_template):
    with throwaway_postgres_database(DATABASE_URL, template=postgres_template) as url:
        proxy = TcpProxy("127.0.0.1", 5432)
        proxy.start()
        proxied = url.replace(":5432/", f":{proxy.port}/")
        with gunicorn(DATABASE_URL=proxied, PAGE_CACHE_SECONDS=0) as base:
            yield proxy, base


def test_a_silent_database_gives_503_within_5_seconds_and_the_site_recovers(proxied_site):
    proxy, base = proxied_site
    assert fetch(base + "/stoke-on-trent/")[0] == 200
    proxy.stall()
    try:
        assert timed_fetch(base + "/stoke-on-trent/") == (503, pytest.approx(2.5, abs=2.5))
        assert timed_fetch(base + "/rights/")[0] == 503
    finally:
        proxy.resume()
    assert until(lambda: fetch(base + "/stoke-on-trent/")[0] == 200)


def test_readyz_says_503_while_the_database_is_silent_and_healthz_stays_ok(proxied_site):
    proxy, base = proxied_site
    assert until(lambda: fetch(base + "/readyz")[0] == 200)
    proxy.stall()
    try:
        status, _, body = fetch(base + "/readyz")
        assert (status, '"database": "unavailable"' in body) == (503, True)
        assert fetch(base + "/healthz")[0] == 200
    finally:
        proxy.resume()
    assert until(lambda: fetch(base + "/readyz")[0] == 200)
