"""Against gunicorn, PostgreSQL and Redis: 30 comments posted at once, exactly 5 accepted."""

import http.client
import os
import re
import secrets
import threading
import urllib.parse

import psycopg2
import pytest

from feedback.ratelimit import LIMIT
from tests.support.servers import gunicorn, throwaway_postgres_database

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not REDIS_URL,
    reason="needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL (CI's second pass does)",
)
FORM = "/stoke-on-trent/have-your-say/"
TEXT = "Thirty at once: the short breaks page does not list holiday clubs."


def form_session(port):
    """(cookie header, CSRF token) from one visit to the form."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    conn.request("GET", FORM)
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    conn.close()
    return cookie, token


def statuses_of_thirty_posts(port):
    cookie, token = form_session(port)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "topic": "content", "text": TEXT}
    )
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    start = threading.Barrier(30)
    statuses = []

    def post():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.connect()
        start.wait()
        conn.request("POST", FORM, body=body, headers=headers)
        statuses.append(conn.getresponse().status)
        conn.close()

    threads = [threading.Thread(target=post) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def comments_stored(url):
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM feedback_comment WHERE text = %s", [TEXT])
        return cursor.fetchone()[0]


def test_thirty_posts_at_once_accept_exactly_the_limit(postgres_template):
    shared = {"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": f"limit-{secrets.token_hex(4)}"}
    with throwaway_postgres_database(DATABASE_URL, template=postgres_template) as url:
        with gunicorn(DATABASE_URL=url, WEB_CONCURRENCY=4, **shared) as base:
            statuses = statuses_of_thirty_posts(int(base.rsplit(":", 1)[1]))
        assert sorted(statuses) == [302] * LIMIT + [429] * (30 - LIMIT)
        assert comments_stored(url) == LIMIT
