"""Admin change lists run a constant number of SQL queries whatever the number of services."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_full_council

pytestmark = pytest.mark.django_db


def changelists():
    return sorted(
        (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
    )


def count(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("app_label, model_name", changelists())
def test_changelist_queries_do_not_grow_with_services(client, app_label, model_name):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x-Pass-1234")
    client.force_login(root)
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    make_full_council("small", services=10)
    small = count(client, url)
    make_full_council("large", services=40)
    assert count(client, url) == small
