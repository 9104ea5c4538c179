"""Two app servers, one PostgreSQL, one Redis: a change published through one shows on the other."""

import os
import re
import secrets
import subprocess
import sys

import pytest

from tests.support.browserless import Browserless
from tests.support.servers import ROOT, fetch, gunicorn, server_env, throwaway_postgres_database

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not REDIS_URL,
    reason="needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL (CI's second pass does)",
)


def make_superuser(url, password):
    code = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('lead', 'lead@example.org', '{password}')"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, check=True,
        env=server_env(DATABASE_URL=url), capture_output=True,
    )


def service_pk(url, council, slug):
    code = (
        "from services.models import Service; "
        f"print(Service.objects.get(council__slug='{council}', slug='{slug}').pk)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code], cwd=ROOT, check=True,
        env=server_env(DATABASE_URL=url), capture_output=True, text=True,
    )
    return int(result.stdout.strip())


def test_a_change_published_through_one_instance_shows_on_the_other_at_once(postgres_template):
    password = secrets.token_urlsafe(16)
    shared = {"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": f"two-{secrets.token_hex(4)}"}
    with throwaway_postgres_database(DATABASE_URL, template=postgres_template) as url:
        make_superuser(url, password)
        pk = service_pk(url, "stoke-on-trent", "aiming-high")
        with (
            gunicorn(DATABASE_URL=url, **shared) as first,
            gunicorn(DATABASE_URL=url, **shared) as second,
        ):
            page = "/stoke-on-trent/services/aiming-high/"
            assert fetch(second + page)[0] == 200  # now cached by the second instance
            assert "Changed through the first instance" not in fetch(second + page)[2]

            staff = Browserless(first)
            where, _ = staff.submit("/admin/login/", {"username": "lead", "password": password})
            assert "/admin/login/" not in where, "could not sign in"
            where, html = staff.submit(
                f"/admin/services/service/{pk}/change/",
                {"summary": "Changed through the first instance.", "_save": "Save"},
            )
            errors = re.findall(r"errorlist[^>]*>(.*?)</ul>", html, re.S)
            assert where.endswith("/admin/services/service/"), errors

            status, headers, body = fetch(second + page)
            assert status == 200
            assert "Changed through the first instance." in body
