"""CSV export and import of a council's services: round trip, all or nothing, no formulas."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile

from eligibility.models import LevelOfNeed
from services.admin import csv_io
from services.models import Service
from tests.factories import (
    make_category,
    make_contact,
    make_duty,
    make_full_council,
    make_level,
    make_route_type,
    make_service,
    make_staff,
)

pytestmark = pytest.mark.django_db
TRICKY = {
    "name": "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "summary": "+44 help line, then @mention and a “curly” quote",
    "description": "- Trips\n- Games, with, commas\r\nand \"quotes\"",
    "who_for": "'Tis for everyone",
    "provider": "@SUM(1+1)",
    "cost_detail": "\tstarts with a tab",
    "eligibility": "\rstarts with a carriage return",
}


def snapshot(council):
    """Every field and every link (by natural key) of every service of the council."""
    result = {}
    for service in Service.objects.for_council(council).order_by("slug"):
        fields = {f.attname: getattr(service, f.attname) for f in Service._meta.concrete_fields}
        for name in csv_io.M2M_FIELDS:
            fields[name] = sorted(str(item.natural_key()) for item in getattr(service, name).all())
        result[service.slug] = fields
    history = Service.history.filter(council=council).count()
    return result, history


def add_tricky_services(council):
    """Services that use every column, including drafts, levels and formula-like text."""
    contact = make_contact(council, "csv-contact", name="CSV team")
    national = LevelOfNeed.objects.filter(council__isnull=True, code="universal").first() or (
        make_level(None, code="universal", name="Universal")
    )
    own = make_level(council, code="csv-1", order=99)
    tricky = make_service(council, "csv-tricky", status="draft", out_of_area=True, min_age=3,
                          max_age=19, cost="contribution", **TRICKY)
    tricky.categories.add(make_category("csv-cat", "CSV category"))
    tricky.route_types.add(make_route_type("short-breaks"))
    tricky.levels.add(national, own)
    tricky.legal_duties.add(make_duty())
    tricky.contacts.add(contact)
    make_service(council, "csv-plain")


def import_text(council, text, can_publish=True):
    plan = csv_io.plan_import(council, text, can_publish)
    if not plan.errors:
        csv_io.apply_import(plan)
    return plan


def test_import_applies_edits_and_adds_new_services(council):
    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    rows[0]["name"] = "Renamed service"
    rows[0]["categories"] = ""
    new = dict(rows[1], slug="brand-new", name="Brand new service", status="draft")
    text = write_csv(rows + [new])

    plan = import_text(council, text)

    assert plan.errors == [] and (plan.created, plan.updated) == (1, 1)
    renamed = council.services.get(slug=rows[0]["slug"])
    assert renamed.name == "Renamed service" and not renamed.categories.exists()
    added = council.services.get(slug="brand-new")
    assert added.oruk_id is not None and added.contacts.count() == 1


def write_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_io.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_import_with_bad_rows_writes_nothing_and_reports_every_bad_row(council):
    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    good, *_ = rows
    good = dict(good, name="This change must not be saved")
    bad = [
        dict(rows[1], categories="short-breaks; no-such-category"),
        dict(rows[2], min_age="ten"),
        dict(rows[2], slug="new-one", min_age="12", max_age="4"),
        dict(rows[2], slug="new-two", status="live", contacts="nobody"),
        dict(rows[2], slug="new-three", name="", levels="99z", route_types="flying"),
        dict(rows[2], slug="new-four", last_reviewed="yesterday", out_of_area="maybe"),
    ]
    before = snapshot(council)

    plan = import_text(council, write_csv([good, *bad]))

    assert snapshot(council) == before
    reported = {(error.line, error.field) for error in plan.errors}
    assert {
        (3, "categories"), (4, "min_age"), (5, "max_age"), (6, "status"), (6, "contacts"),
        (7, "name"), (7, "levels"), (7, "route_types"), (8, "last_reviewed"),
        (8, "out_of_area"),
    } <= reported
    assert 2 not in {error.line for error in plan.errors}
    assert all(str(error).startswith(f"Line {error.line}, ") for error in plan.errors)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        pytest.param("", "header", id="empty-file"),
        pytest.param("slug,name\nx,y\n", "header", id="missing-columns"),
        pytest.param(",".join([*csv_io.COLUMNS, "extra"]) + "\n", "header", id="unknown-column"),
        pytest.param(",".join(csv_io.COLUMNS) + "\nonly,three,cells\n", "row", id="short-row"),
    ],
)
def test_malformed_files_are_refused_with_a_line_number(council, text, field):
    plan = csv_io.plan_import(council, text)
    assert [error.field for error in plan.errors] == [field]
    with pytest.raises(ValueError, match="errors"):
        csv_io.apply_import(plan)


def test_duplicate_slugs_in_one_file_are_reported(council):
    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    plan = csv_io.plan_import(council, write_csv([rows[0], rows[0]]))
    assert [(error.line, error.field) for error in plan.errors] == [(3, "slug")]


def test_cells_that_start_like_a_formula_are_escaped_and_restored(council):
    service = make_service(council, "formula", **TRICKY)
    exported = csv_io.export_text(council)
    row = next(r for r in csv.DictReader(io.StringIO(exported)) if r["slug"] == "formula")
    for name, value in TRICKY.items():
        assert row[name] == "'" + value, name
    risky = {"=", "+", "-", "@", "\t", "\r"}
    for cells in csv.reader(io.StringIO(exported)):
        assert not any(cell[:1] in risky for cell in cells), cells
    service.name = "changed"
    service.save()
    import_text(council, exported)
    service.refresh_from_db()
    assert {name: getattr(service, name) for name in TRICKY} == TRICKY


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        pytest.param("=1+1", "'=1+1", id="equals"),
        pytest.param("-5", "'-5", id="minus"),
        pytest.param("'quoted", "''quoted", id="apostrophe"),
        pytest.param("plain", "plain", id="plain"),
        pytest.param("a=b", "a=b", id="equals-inside"),
    ],
)
def test_escape_cell_round_trips(value, cell):
    assert csv_io.escape_cell(value) == cell
    assert csv_io.unescape_cell(cell) == value


def test_an_editor_cannot_publish_through_import(council):
    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    new = dict(rows[0], slug="sneaky", status="published")
    plan = csv_io.plan_import(council, write_csv([new]), can_publish=False)
    assert [(e.line, e.field) for e in plan.errors] == [(2, "status")]


# The admin pages.


def staff(username, council=None, role="editor"):
    """A staff user of `council` with the service permissions, and no other."""
    permissions = Permission.objects.filter(codename__endswith="_service")
    return make_staff(username, council, role, permissions=permissions)


def test_admin_export_downloads_the_chosen_councils_services_with_drafts(client, council):
    make_service(council, "a-draft", status="draft")
    client.force_login(User.objects.create_superuser("root", password="x"))
    response = client.get(f"/admin/services/service/csv/export/?council={council.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    assert text == csv_io.export_text(council)
    assert "a-draft" in text


def test_service_list_links_to_export_and_import(client, council):
    client.force_login(User.objects.create_superuser("root", password="x"))
    page = client.get("/admin/services/service/").content.decode()
    assert "/admin/services/service/csv/export/" in page
    assert "/admin/services/service/csv/import/" in page


def test_admin_import_applies_a_good_file(client, council):
    client.force_login(staff("ed", council, role="publisher"))
    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    rows[0]["name"] = "Renamed in a spreadsheet"
    upload = SimpleUploadedFile("s.csv", write_csv(rows).encode("utf-8-sig"), "text/csv")
    response = client.post(
        "/admin/services/service/csv/import/", {"council": council.pk, "file": upload}
    )
    assert response.status_code == 302
    assert council.services.filter(name="Renamed in a spreadsheet").exists()


def test_admin_import_shows_every_error_and_saves_nothing(client, council):
    client.force_login(staff("ed", council, role="publisher"))
    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    rows[0]["name"] = "Not saved"
    rows[1]["min_age"] = "old"
    rows[2]["categories"] = "nonsense"
    upload = SimpleUploadedFile("s.csv", write_csv(rows).encode(), "text/csv")
    response = client.post(
        "/admin/services/service/csv/import/", {"council": council.pk, "file": upload}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "Line 3, min_age" in page and "Line 4, categories" in page
    assert not council.services.filter(name="Not saved").exists()


def test_staff_cannot_export_or_import_another_councils_services(client, council):
    other = make_full_council("otherton")
    client.force_login(staff("ed", other))
    response = client.get(f"/admin/services/service/csv/export/?council={council.pk}")
    assert response["Content-Type"].startswith("text/html")
    upload = SimpleUploadedFile("s.csv", csv_io.export_text(council).encode(), "text/csv")
    response = client.post(
        "/admin/services/service/csv/import/", {"council": council.pk, "file": upload}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_staff_without_permission_cannot_open_the_csv_pages(client, council):
    user = User.objects.create_user("nobody", password="x", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/services/service/csv/export/").status_code == 403
    assert client.get("/admin/services/service/csv/import/").status_code == 403
