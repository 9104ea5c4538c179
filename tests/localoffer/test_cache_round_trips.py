"""Against the real Redis: a page served from the cache costs one round trip to Redis."""

import os

import pytest
import redis

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not REDIS_URL, reason="needs Redis: set REDIS_URL=redis://... (CI's second pass does)"
    ),
]


def commands_run(server):
    stats = server.info("commandstats")
    return {name.removeprefix("cmdstat_"): row["calls"] for name, row in stats.items()}


def commands_for_second_visit(client, path):
    """{command: calls} that Redis ran while `client` fetched `path` a second time."""
    server = redis.Redis.from_url(REDIS_URL)
    client.get(path)
    before = commands_run(server)
    assert client.get(path).status_code == 200
    after = commands_run(server)
    spent = {name: calls - before.get(name, 0) for name, calls in after.items()}
    # `info` itself is counted once between the two snapshots.
    return {name: calls for name, calls in spent.items() if calls and name != "info"}


def test_a_cached_page_costs_one_round_trip_to_redis(client, council):
    assert commands_for_second_visit(client, "/testshire/") == {"mget": 1}


def test_a_cached_page_builds_no_new_redis_client(client, council, monkeypatch):
    client.get("/testshire/")
    built = []
    build = redis.Redis.__init__

    def counted(self, *args, **kwargs):
        built.append(self)
        build(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counted)
    assert client.get("/testshire/").status_code == 200
    assert built == []


def test_with_page_caching_off_a_page_asks_redis_only_for_the_glossary_once(
    client, council, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    # The national content version (read with the same MGET the page cache uses), then the
    # glossary's acronyms for that version: once per page, however many fields explain acronyms.
    assert commands_for_second_visit(client, "/testshire/") == {"mget": 1, "get": 1}
