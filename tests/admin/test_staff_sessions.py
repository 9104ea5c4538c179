"""A staff session ends after STAFF_IDLE_MINUTES without a request and 12 hours after sign-in."""

import time

import pytest

from localoffer.middleware import LAST_SEEN, SIGNED_IN_AT
from tests.factories import make_staff


@pytest.fixture
def signed_in(client, db):
    client.force_login(make_staff("officer"))
    return client


def age_session(client, signed_in_ago, seen_ago):
    session = client.session
    now = time.time()
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[LAST_SEEN] = now - seen_ago
    session.save()


def is_signed_in(client):
    return client.get("/admin/").status_code == 200


def test_a_fresh_staff_session_opens_the_admin(signed_in):
    assert is_signed_in(signed_in)


def test_a_session_idle_for_longer_than_the_setting_ends(signed_in, settings):
    settings.STAFF_IDLE_MINUTES = 30
    age_session(signed_in, signed_in_ago=40 * 60, seen_ago=31 * 60)
    assert not is_signed_in(signed_in)


def test_a_session_idle_for_less_than_the_setting_goes_on(signed_in, settings):
    settings.STAFF_IDLE_MINUTES = 30
    age_session(signed_in, signed_in_ago=40 * 60, seen_ago=29 * 60)
    assert is_signed_in(signed_in)


def test_the_idle_time_is_configurable(signed_in, settings):
    settings.STAFF_IDLE_MINUTES = 5
    age_session(signed_in, signed_in_ago=10 * 60, seen_ago=6 * 60)
    assert not is_signed_in(signed_in)


def test_a_busy_session_still_ends_twelve_hours_after_sign_in(signed_in):
    age_session(signed_in, signed_in_ago=12 * 3600 + 60, seen_ago=10)
    assert not is_signed_in(signed_in)


def test_a_busy_session_goes_on_just_under_twelve_hours(signed_in):
    age_session(signed_in, signed_in_ago=12 * 3600 - 60, seen_ago=10)
    assert is_signed_in(signed_in)


def test_each_request_keeps_an_idle_session_alive(signed_in, settings):
    settings.STAFF_IDLE_MINUTES = 30
    age_session(signed_in, signed_in_ago=40 * 60, seen_ago=20 * 60)
    assert is_signed_in(signed_in)
    assert time.time() - signed_in.session[LAST_SEEN] < 5


def test_the_session_cookie_lasts_only_the_idle_time(signed_in, settings):
    settings.STAFF_IDLE_MINUTES = 30
    response = signed_in.get("/admin/")
    age_session(signed_in, signed_in_ago=120, seen_ago=120)
    response = signed_in.get("/admin/")
    assert response.cookies["sessionid"]["max-age"] == 30 * 60


def test_a_staff_session_without_a_sign_in_time_ends(signed_in):
    session = signed_in.session
    del session[SIGNED_IN_AT]
    session.save()
    assert not is_signed_in(signed_in)


def test_a_visitor_without_a_session_cookie_is_not_made_to_load_one(client, db):
    assert "Vary" not in client.get("/healthz")
