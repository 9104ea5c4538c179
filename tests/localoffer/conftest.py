"""Throwaway PostgreSQL databases for the tests that run real servers against them."""

import os

import pytest

from tests.support.servers import loaded_postgres_template

DATABASE_URL = os.environ.get("DATABASE_URL", "")


@pytest.fixture(scope="session")
def postgres_template():
    """The name of one database migrated and loaded once per run; tests copy it.

    Pass it to throwaway_postgres_database(DATABASE_URL, template=...). Only set up when a
    PostgreSQL test runs (they skip on SQLite).
    """
    with loaded_postgres_template(DATABASE_URL) as name:
        yield name
