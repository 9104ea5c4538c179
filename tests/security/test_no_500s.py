"""The last 500s of issue 18 are a 400 or 404, and nothing about the server is given away."""

import csv
import io

import pytest
from django.core.management import call_command
from django.db import connection

from services.admin.csv_io import escape_cell, export_text, plan_import, unescape_cell
from services.models import Synonym
from tests.conftest import ON_POSTGRESQL
from tests.factories import make_full_council
from tests.support.servers import fetch, gunicorn


def test_a_nul_in_the_deadline_calculators_council_is_a_400(client, db):
    assert client.get("/tools/deadlines/", {"council": "\x00"}).status_code == 400


@pytest.mark.parametrize("params", [{"timescale": "\x00"}, {"start": "\x00"},
                                    {"timescale": "x", "start_0": "\x00"}])
def test_a_nul_in_the_deadline_calculators_other_answers_is_not_a_500(client, db, params):
    assert client.get("/tools/deadlines/", params).status_code < 500


def test_a_nul_in_the_path_is_a_400(client, db):
    assert client.get("/rights/a%00b/").status_code == 400


def test_the_static_files_manifest_is_not_served(client, db):
    assert client.get("/static/staticfiles.json").status_code == 404


def with_cell(text, column, value):
    """The exported CSV with one cell of its first service row replaced."""
    rows = list(csv.reader(io.StringIO(text)))
    rows[1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize(
    "column, value",
    [
        pytest.param("name", "Short\x00breaks", id="nul-in-text"),
        pytest.param("categories", "short-breaks\x00", id="nul-in-list"),
        pytest.param("min_age", "²", id="superscript-two-as-age"),
        pytest.param("max_age", "\x00", id="nul-as-age"),
    ],
)
def test_an_unusable_csv_cell_is_a_line_error_not_a_crash(db, column, value):
    council = make_full_council("testshire", services=1)
    plan = plan_import(council, with_cell(export_text(council), column, value))
    assert [error.field for error in plan.errors] == [column]


@pytest.mark.parametrize(
    "text",
    ["=1+1", " =1+1", "\n=1+1", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "+1", "@x"],
)
def test_cells_a_spreadsheet_could_run_as_a_formula_get_an_apostrophe(text):
    assert escape_cell(text) == "'" + text
    assert unescape_cell(escape_cell(text)) == text


@pytest.mark.skipif(not ON_POSTGRESQL, reason="id sequences are PostgreSQL's (SQLite has none)")
@pytest.mark.django_db(transaction=True)
def test_a_synonym_can_be_added_after_loading_the_content():
    call_command("load_content", verbosity=0)
    highest = Synonym.objects.order_by("-pk").values_list("pk", flat=True).first()
    added = Synonym.objects.create(term="a new word", means="short breaks")
    assert added.pk > highest
    assert connection.vendor == "postgresql"


@pytest.mark.engine_independent
def test_gunicorn_sends_no_server_header_and_no_manifest():
    with gunicorn() as base:
        status, headers, _ = fetch(base + "/healthz")
        manifest_status, _, _ = fetch(base + "/static/staticfiles.json")
    assert status == 200
    assert "Server" not in headers
    assert manifest_status == 404
