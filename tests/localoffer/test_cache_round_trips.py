"""Against the real Redis: a page served from the cache costs one round trip to Redis."""

import os
from collections import Counter

import pytest
import redis
import redis.connection

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not REDIS_URL, reason="needs Redis: set REDIS_URL=redis://... (CI's second pass does)"
    ),
]


def commands_for_second_visit(client, path, monkeypatch):
    """{command: calls} that this process sent to Redis while `client` fetched `path` a second
    time.

    Counted where the client writes each command to its connection (not with the server's
    INFO commandstats, which counts every process's commands: tests run in two processes).
    """
    client.get(path)
    sent = Counter()
    send = redis.connection.AbstractConnection.send_command

    def counted(connection, *args, **kwargs):
        sent[str(args[0]).lower()] += 1
        return send(connection, *args, **kwargs)

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_command", counted)
    assert client.get(path).status_code == 200
    return dict(sent)


def test_a_cached_page_costs_one_round_trip_to_redis(client, council, monkeypatch):
    assert commands_for_second_visit(client, "/testshire/", monkeypatch) == {"mget": 1}


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
    client, council, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 0
    # The national content version (read with the same MGET the page cache uses), then the
    # glossary's acronyms for that version: once per page, however many fields explain acronyms.
    assert commands_for_second_visit(client, "/testshire/", monkeypatch) == {"mget": 1, "get": 1}
