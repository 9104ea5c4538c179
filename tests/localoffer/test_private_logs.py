"""No answer in any log: the route finder's lines carry no address and no question page."""

import logging
import time
import urllib.request

from django.conf import settings

from localoffer.private_logs import HideFinderPages
from tests.support.servers import fetch, gunicorn

QUESTION = "/essex/find-my-route/disabled/"


def lines_logged(tmp_path, paths):
    """gunicorn's access log after fetching `paths` (the database is empty: any status will do)."""
    log = tmp_path / "access.log"
    database = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    with gunicorn(ACCESS_LOG=log, DATABASE_URL=database, PAGE_CACHE_SECONDS=0) as base:
        for path in paths:
            request = urllib.request.Request(
                base + path, headers={"User-Agent": "FamilyPhone/1.0", "Referer": base + QUESTION}
            )
            try:
                urllib.request.urlopen(request, timeout=10).close()
            except OSError:
                pass
        fetch(base + "/healthz")
        time.sleep(0.5)
    return log.read_text().splitlines()


def test_finder_lines_carry_no_address_and_no_question_page(tmp_path):
    lines = lines_logged(tmp_path, [QUESTION, "/essex/find-my-route/age/?x=1", "/rights/"])
    finder = [line for line in lines if "find-my-route" in line]
    assert len(finder) == 2
    for line in finder:
        assert line.startswith('- "GET /essex/find-my-route/…" ')
        assert "127.0.0.1" not in line
        assert "disabled" not in line and "age" not in line and "FamilyPhone" not in line


def test_other_lines_keep_the_address_and_path(tmp_path):
    lines = lines_logged(tmp_path, ["/rights/"])
    assert any(line.startswith('127.0.0.1 "GET /rights/" ') for line in lines)


def test_djangos_own_lines_are_cut_the_same_way():
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "%s: %s", ("Not Found", QUESTION), None
    )
    HideFinderPages().filter(record)
    assert record.getMessage() == "Not Found: /essex/find-my-route/…"


def test_the_console_log_uses_the_filter():
    assert "hide_finder_pages" in settings.LOGGING["handlers"]["console"]["filters"]
