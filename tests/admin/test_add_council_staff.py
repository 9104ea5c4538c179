"""`add_council_staff` creates or updates a staff account; bad arguments exit 2 in one line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from services.models import StaffMembership
from tests.factories import make_council
from tests.support.servers import subprocess_database_url

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-Passphrase-42"


@pytest.fixture
def essex(db):
    return make_council("essex")


def test_creates_an_editor_who_can_sign_in_and_edit_services(essex, monkeypatch, client):
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD)
    call_command("add_council_staff", "jo", "--council", "essex", "--role", "editor")
    user = get_user_model().objects.get(username="jo")
    assert user.is_staff and not user.is_superuser
    assert user.check_password(PASSWORD)
    assert StaffMembership.objects.get(user=user).role == "editor"
    assert user.has_perm("services.change_service")
    assert not user.has_perm("services.delete_service")
    client.force_login(user)
    assert client.get("/admin/services/service/").status_code == 200


def test_updates_an_existing_account_to_publisher(essex, monkeypatch):
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD)
    call_command("add_council_staff", "jo", "--council", "essex", "--role", "editor")
    monkeypatch.setenv("STAFF_PASSWORD", PASSWORD + "-new")
    call_command("add_council_staff", "jo", "--council", "essex", "--role", "publisher")
    user = get_user_model().objects.get(username="jo")
    assert StaffMembership.objects.get(user=user).role == "publisher"
    assert [g.name for g in user.groups.all()] == ["Council publishers"]
    assert user.check_password(PASSWORD + "-new")
    assert user.has_perm("services.delete_service")


@pytest.mark.parametrize(
    "arguments, env, message",
    [
        pytest.param(["jo", "--council", "nowhere", "--role", "editor"], PASSWORD,
                     "No council with the slug", id="unknown-council"),
        pytest.param(["jo", "--council", "essex", "--role", "boss"], PASSWORD,
                     "Unknown role", id="bad-role"),
        pytest.param(["jo smith!", "--council", "essex", "--role", "editor"], PASSWORD,
                     "not a valid username", id="bad-username"),
        pytest.param(["jo", "--council", "essex", "--role", "editor"], None,
                     "Set STAFF_PASSWORD", id="no-password-no-terminal"),
        pytest.param(["jo", "--council", "essex", "--role", "editor"], "password",
                     "Password refused", id="weak-password"),
    ],
)
def test_bad_arguments_are_refused_with_exit_status_2(essex, monkeypatch, arguments, env,
                                                     message):
    if env is None:
        monkeypatch.delenv("STAFF_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("STAFF_PASSWORD", env)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(CommandError, match=message) as error:
        call_command("add_council_staff", *arguments)
    assert error.value.returncode == 2
    assert not get_user_model().objects.exists()


def test_command_line_error_is_one_line_on_stderr_with_exit_2(db, tmp_path):
    env = {**os.environ, "DATABASE_URL": subprocess_database_url(tmp_path)}
    env.pop("STAFF_PASSWORD", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "add_council_staff", "jo", "--council", "nowhere",
         "--role", "editor"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "No council with the slug" in result.stderr
