"""Settings helpers refuse bad values with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from localoffer.env import env_bool, env_int, env_list, env_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "helper, value, message",
    [
        pytest.param(lambda: env_bool("X"), "maybe", "X must be true or false", id="bool-word"),
        pytest.param(lambda: env_int("X", 1), "ten", "X must be a whole number", id="int-word"),
        pytest.param(lambda: env_int("X", 1, 0, 10), "11", "between 0 and 10", id="int-range"),
        pytest.param(lambda: env_list("X"), "a,,b", "X has an empty item", id="list-empty"),
        pytest.param(
            lambda: env_url("X", ("postgres",)), "mysql://h/db", "must start with", id="url-scheme"
        ),
    ],
)
def test_helper_refuses_bad_value(monkeypatch, helper, value, message):
    monkeypatch.setenv("X", value)
    with pytest.raises(ImproperlyConfigured, match=message):
        helper()


@pytest.mark.parametrize(
    "helper, value, expected",
    [
        pytest.param(lambda: env_bool("X"), "yes", True, id="bool-yes"),
        pytest.param(lambda: env_bool("X"), "off", False, id="bool-off"),
        pytest.param(lambda: env_int("X", 1), "42", 42, id="int"),
        pytest.param(lambda: env_list("X"), "a.org, b.org", ["a.org", "b.org"], id="list"),
        pytest.param(lambda: env_url("X", ("redis",)), "redis://h:6379/0", "redis://h:6379/0",
                     id="url"),
    ],
)
def test_helper_reads_good_value(monkeypatch, helper, value, expected):
    monkeypatch.setenv("X", value)
    assert helper() == expected


def test_unset_variable_gives_the_default(monkeypatch):
    monkeypatch.delenv("X", raising=False)
    assert env_int("X", 7) == 7


def run_settings(**environment):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "PRODUCTION"}}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "localoffer.settings"},
        capture_output=True,
        text=True,
    )


def test_production_refuses_the_development_secret():
    result = run_settings(PRODUCTION="true")
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a real secret" in result.stderr


def test_production_refuses_debug():
    result = run_settings(PRODUCTION="true", DEBUG="true", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "DEBUG must be false" in result.stderr


def test_production_starts_with_a_real_secret():
    result = run_settings(PRODUCTION="true", SECRET_KEY="k" * 60)
    assert result.returncode == 0, result.stderr
