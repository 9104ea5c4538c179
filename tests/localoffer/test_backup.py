"""Nothing lost: a council exports and loads back unchanged; PostgreSQL backs up and restores."""

import datetime
import json
import os
import shutil
import subprocess

import psycopg2
import pytest
from django.apps import apps
from django.core.management import call_command

from eligibility.models import RoutePolicy
from localoffer.management.commands.export_council import NOT_EXPORTED, council_querysets
from services.models import Council, Service
from tests.factories import make_full_council
from tests.support.servers import ROOT, throwaway_postgres_database

DATABASE_URL = os.environ.get("DATABASE_URL", "")


def snapshot(text):
    return sorted(json.dumps(row, sort_keys=True) for row in json.loads(text))


def forget_history(text):
    """Delete the history rows of exported objects, deletion markers included."""
    from django.apps import apps

    for row in json.loads(text):
        if ".historical" in row["model"]:
            model = apps.get_model(row["model"])
            model.objects.filter(id=row["fields"]["id"]).delete()


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_content_with_history")
def test_a_council_exports_and_loads_back_with_the_same_content_and_history(tmp_path):
    service = Service.objects.get(council__slug="stoke-on-trent", slug="aiming-high")
    service.summary = "Edited once so that history has a change in it."
    service.save()
    first = tmp_path / "stoke.json"
    call_command("export_council", "stoke-on-trent", output=str(first))

    Council.objects.get(slug="stoke-on-trent").delete()
    forget_history(first.read_text())
    assert not Service.objects.filter(council__slug="stoke-on-trent").exists()
    call_command("import_council", str(first))

    second = tmp_path / "again.json"
    call_command("export_council", "stoke-on-trent", output=str(second))
    assert snapshot(second.read_text()) == snapshot(first.read_text())
    assert "Edited once" in second.read_text()


def test_every_model_that_belongs_to_a_council_is_exported_or_left_out_on_purpose(db):
    council = make_full_council("shire")
    exported = {queryset.model._meta.label for queryset in council_querysets(council)}
    owned = {
        model._meta.label for model in apps.get_models()
        if not model._meta.label.split(".")[1].startswith("Historical")
        and any(field.is_relation and field.related_model is Council
                for field in model._meta.concrete_fields)
    }
    assert owned - NOT_EXPORTED <= exported
    assert not NOT_EXPORTED & exported


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_content_with_history")
def test_a_councils_route_policies_come_back_after_export_and_import(tmp_path):
    policies = sorted(RoutePolicy.objects.filter(council__slug="stoke-on-trent")
                      .values_list("route_type__slug", "access", "criteria"))
    assert policies
    exported = tmp_path / "stoke.json"
    call_command("export_council", "stoke-on-trent", output=str(exported))
    Council.objects.get(slug="stoke-on-trent").delete()
    forget_history(exported.read_text())
    call_command("import_council", str(exported))
    assert sorted(RoutePolicy.objects.filter(council__slug="stoke-on-trent")
                  .values_list("route_type__slug", "access", "criteria")) == policies


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_content_with_history")
def test_history_times_load_back_to_the_microsecond(tmp_path):
    service = Service.objects.get(council__slug="stoke-on-trent", slug="aiming-high")
    record = service.history.earliest()
    instant = datetime.datetime(2026, 3, 2, 10, 0, 0, 456, tzinfo=datetime.UTC)
    service.history.filter(pk=record.pk).update(history_date=instant)
    exported = tmp_path / "stoke.json"
    call_command("export_council", "stoke-on-trent", output=str(exported))

    Council.objects.get(slug="stoke-on-trent").delete()
    forget_history(exported.read_text())
    call_command("import_council", str(exported))

    assert Service.history.get(pk=record.pk).history_date == instant


@pytest.mark.django_db
def test_exporting_an_unknown_council_is_a_one_line_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="unknown council 'atlantis'"):
        call_command("export_council", "atlantis")


def table_counts(url):
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        )
        tables = sorted(row[0] for row in cursor.fetchall())
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from catalogue
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")) or not shutil.which("pg_dump"),
    reason="needs PostgreSQL and pg_dump: set DATABASE_URL=postgres://... (CI's second pass does)",
)
def test_postgres_backup_restores_every_row(tmp_path, postgres_template):
    dump = tmp_path / "backup.dump"
    with throwaway_postgres_database(DATABASE_URL, template=postgres_template) as source:
        run = {"cwd": ROOT, "check": True, "capture_output": True}
        subprocess.run(["scripts/backup.sh", str(dump)], env={**os.environ, "DATABASE_URL": source},
                       **run)
        expected = table_counts(source)
        with throwaway_postgres_database(DATABASE_URL, template=postgres_template) as target:
            # The target differs from the backup, so only a working restore makes them equal.
            with psycopg2.connect(target) as connection, connection.cursor() as cursor:
                cursor.execute("TRUNCATE services_service, services_historicalservice CASCADE")
            assert table_counts(target) != expected
            subprocess.run(["scripts/restore.sh", str(dump)],
                           env={**os.environ, "DATABASE_URL": target}, **run)
            assert table_counts(target) == expected
    assert expected["services_service"] > 0
    assert expected["services_historicalservice"] > 0
