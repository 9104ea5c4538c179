"""Against the real PostgreSQL: a lost database gives a 503, and the site recovers by itself."""

import os
import time

import pytest

from tests.support.servers import TcpProxy, fetch, gunicorn, throwaway_postgres_database

DATABASE_URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="needs PostgreSQL: set DATABASE_URL=postgres://... (CI's second pass does)",
)


def until(predicate, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.3)
    return predicate()


def test_lost_database_gives_503_then_recovers_without_a_restart(postgres_template):
    with throwaway_postgres_database(DATABASE_URL, template=postgres_template) as url:
        proxy = TcpProxy("127.0.0.1", 5432)
        proxy.start()
        proxied = url.replace(":5432/", f":{proxy.port}/")
        with gunicorn(DATABASE_URL=proxied, PAGE_CACHE_SECONDS=0) as base:
            assert fetch(base + "/stoke-on-trent/")[0] == 200

            proxy.cut()
            status, headers, body = fetch(base + "/stoke-on-trent/")
            assert status == 503
            assert headers["Retry-After"] == "30"
            assert "Sorry, the service is unavailable" in body
            assert "Traceback" not in body

            proxy.start()
            assert until(lambda: fetch(base + "/stoke-on-trent/")[0] == 200)


def test_unreachable_database_at_start_gives_503_not_a_traceback():
    dead = "postgres://postgres@127.0.0.1:1/localoffer"
    with gunicorn(DATABASE_URL=dead, PAGE_CACHE_SECONDS=0) as base:
        for path in ("/", "/stoke-on-trent/", "/rights/"):
            status, headers, body = fetch(base + path)
            assert status == 503, path
            assert "Traceback" not in body
