"""/healthz says the process is alive; /readyz says whether the database and cache answer."""

import pytest
from django.db import OperationalError, connection

from tests.localoffer.test_fail_soft import DEAD_REDIS

pytestmark = pytest.mark.django_db


def refuse(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_readyz_is_ok_when_the_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_is_503_when_the_database_does_not_answer(client):
    with connection.execute_wrapper(refuse):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_healthz_stays_ok_when_the_database_does_not_answer(client):
    with connection.execute_wrapper(refuse):
        assert client.get("/healthz").status_code == 200


def test_readyz_reports_a_cache_that_is_down_but_stays_ready(client, settings):
    settings.CACHES = DEAD_REDIS
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
