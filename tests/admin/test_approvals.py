"""Changes wait beside the live version: an editor's edit changes nothing parents see until a
publisher approves it, through the admin as a browser uses it (issue 19)."""

import pytest
from django.test import Client
from django.urls import reverse

from eligibility.models import RouteType
from services.models import PendingChange, Service
from tests.admin.test_publishing import form_data, snapshot

NEW_NAME = "Ayshire weekend clubs"


@pytest.fixture
def service_a(council_a):
    service = Service.objects.get(slug="ayshire-breaks")
    service.route_types.add(RouteType.objects.get(slug="short-breaks"))
    return service


def public_view():
    """What a parent sees of the service: its page, search, the route page and the feed."""
    parent = Client()
    pages = [
        "/ayshire/services/ayshire-breaks/",
        "/ayshire/services/?q=weekend",
        "/ayshire/routes/short-breaks/",
        "/ayshire/open-referral/services",
    ]
    texts = []
    for page in pages:
        response = parent.get(page, follow=True)
        assert response.status_code == 200, page
        texts.append(response.content.decode())
    return texts


def change_url(change, view="change"):
    return reverse(f"admin:services_pendingchange_{view}", args=[change.pk])


def edit_as(client, user, obj, admin_name, **changes):
    client.force_login(user)
    url = reverse(f"admin:{admin_name}_change", args=[obj.pk])
    data = {**form_data(client.get(url)), **changes}
    return client.post(url, data)


def submit(client, editor, change, note="Renamed to match the leaflet."):
    client.force_login(editor)
    return client.post(change_url(change), {"action": "submit", "note": note})


def decide(client, publisher, change, action, note=""):
    client.force_login(publisher)
    return client.post(change_url(change), {"action": action, "note": note})


def waiting_change(author):
    return PendingChange.objects.filter(author=author).latest("updated")


def test_editor_edit_leaves_every_public_view_unchanged(client, editor_a, service_a):
    before_pages, before_row = public_view(), snapshot(service_a)
    history = service_a.history.count()
    response = edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    assert response.status_code == 302
    submit(client, editor_a, waiting_change(editor_a))
    assert public_view() == before_pages
    assert snapshot(service_a) == before_row
    assert service_a.history.count() == history


def test_publisher_approval_shows_the_change_everywhere_with_one_history_entry(
    client, editor_a, publisher_a, service_a
):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    history = service_a.history.count()
    assert decide(client, publisher_a, change, "approve").status_code == 302
    assert all(NEW_NAME in text for text in public_view())
    assert service_a.history.count() == history + 1
    latest = service_a.history.latest()
    assert latest.history_user == publisher_a
    assert "editor-a" in latest.history_change_reason
    service_a.refresh_from_db()
    assert (service_a.name, service_a.status) == (NEW_NAME, "published")


def test_the_public_check_can_fail_when_a_publisher_saves_directly(
    client, publisher_a, service_a
):
    """The same edit by a publisher goes live at once, with one history entry."""
    history = service_a.history.count()
    edit_as(client, publisher_a, service_a, "services_service", name=NEW_NAME)
    assert all(NEW_NAME in text for text in public_view())
    assert service_a.history.count() == history + 1


def test_publisher_sees_the_whole_values_of_changed_fields_only(
    client, editor_a, publisher_a, service_a
):
    long_text = "Aiming High short breaks for disabled children. " * 5
    browser_text = service_a.description.replace("\n", "\r\n")
    edit_as(client, editor_a, service_a, "services_service", summary=long_text[:290],
            description=browser_text)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    client.force_login(publisher_a)
    page = client.get(change_url(change))
    labels = [row["label"] for row in page.context["rows"]]
    assert labels == ["Summary"]
    assert long_text[:290].strip() in page.content.decode()


@pytest.mark.parametrize(
    ("live_edit", "warned_about"),
    [
        pytest.param({"name": "Ayshire Saturday clubs"}, ["Name"], id="same-field-warns"),
        pytest.param({"summary": "A new summary."}, [], id="other-field-does-not"),
    ],
)
def test_publisher_is_warned_only_when_the_changed_field_changed_on_the_live_version_since(
    client, editor_a, publisher_a, service_a, live_edit, warned_about
):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    edit_as(client, publisher_a, service_a, "services_service", **live_edit)
    page = client.get(change_url(change))
    assert page.context["changed_since"] == warned_about
    warning = "The live version has changed since this change was made"
    assert (warning in page.content.decode()) == bool(warned_about)


def test_diff_includes_many_to_many_links(client, editor_a, publisher_a, service_a):
    edit_as(client, editor_a, service_a, "services_service", route_types=[])
    change = waiting_change(editor_a)
    client.force_login(publisher_a)
    rows = client.get(change_url(change)).context["rows"]
    assert [(row["label"], row["before"], row["after"]) for row in rows] == [
        ("Route types", "Route short-breaks", "(none)")
    ]


def test_send_back_carries_the_publishers_note_to_the_editor(
    client, editor_a, publisher_a, service_a
):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    decide(client, publisher_a, change, "send_back", "Use the name on the council's leaflet.")
    change.refresh_from_db()
    assert change.state == PendingChange.State.SENT_BACK
    client.force_login(editor_a)
    editor_page = client.get(reverse("admin:services_service_change", args=[service_a.pk]))
    assert "Use the name on the council&#x27;s leaflet." in editor_page.content.decode()
    assert Service.objects.get(pk=service_a.pk).name != NEW_NAME


def test_send_back_without_a_note_is_refused_with_a_sentence(
    client, editor_a, publisher_a, service_a
):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    response = decide(client, publisher_a, change, "send_back", "  ")
    assert response.status_code == 400
    assert "Say what the editor should change." in response.content.decode()


def test_an_editor_cannot_approve(client, editor_a, service_a):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    assert decide(client, editor_a, change, "approve").status_code == 403
    assert Service.objects.get(pk=service_a.pk).name != NEW_NAME


def test_preview_renders_the_proposed_page_and_saves_nothing(
    client, editor_a, publisher_a, service_a
):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    client.force_login(publisher_a)
    preview = client.get(change_url(change, "preview"))
    assert preview.status_code == 200
    assert NEW_NAME in preview.content.decode()
    assert "Parents do not see it yet" in preview.content.decode()
    assert Service.objects.get(pk=service_a.pk).name != NEW_NAME
    assert all(NEW_NAME not in text for text in public_view())


def test_editor_asks_to_publish_a_draft_and_approval_publishes_it(
    client, editor_a, publisher_a, council_a
):
    draft = Service.objects.get(slug="ayshire-draft")
    client.force_login(editor_a)
    url = reverse("admin:services_service_ask_to_publish", args=[draft.pk])
    assert client.post(url).status_code == 302
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    client.force_login(publisher_a)
    assert "This publishes a draft" in client.get(change_url(change)).content.decode()
    assert Client().get("/ayshire/services/ayshire-draft/").status_code == 404
    decide(client, publisher_a, change, "approve")
    assert Client().get("/ayshire/services/ayshire-draft/").status_code == 200


# Contacts, timescales, synonyms, FAQs and pages follow the same loop ---------------------


def approve_latest(client, editor, publisher):
    change = waiting_change(editor)
    submit(client, editor, change)
    assert decide(client, publisher, change, "approve").status_code == 302


def test_contact_edit_waits_then_shows_on_the_service_page(
    client, editor_a, publisher_a, service_a
):
    contact = service_a.contacts.get()
    edit_as(client, editor_a, contact, "services_contact", phone="01999 000111")
    page = "/ayshire/services/ayshire-breaks/"
    assert "01999 000111" not in Client().get(page).content.decode()
    history = contact.history.count()
    approve_latest(client, editor_a, publisher_a)
    assert "01999 000111" in Client().get(page).content.decode()
    assert contact.history.count() == history + 1


def test_new_contact_by_an_editor_is_created_only_on_approval(
    client, editor_a, publisher_a, council_a
):
    from services.models import Contact

    client.force_login(editor_a)
    data = {"council": council_a.pk, "slug": "new-team", "name": "New team",
            "phone": "01000 111222", "source": "test",
            "last_reviewed": "2026-11-30"}
    response = client.post(reverse("admin:services_contact_add"), data)
    assert response.status_code == 302
    assert not Contact.objects.filter(slug="new-team").exists()
    approve_latest(client, editor_a, publisher_a)
    assert Contact.objects.get(slug="new-team").name == "New team"


def test_timescale_edit_waits_then_shows_in_the_deadline_calculator(
    client, editor_a, publisher_a, council_a
):
    from eligibility.models import Timescale

    timescale = Timescale.objects.get(slug="ayshire-local")
    edit_as(client, editor_a, timescale, "eligibility_timescale", name="Ayshire quick check")
    page = "/tools/deadlines/?council=ayshire"
    assert "Ayshire quick check" not in Client().get(page).content.decode()
    approve_latest(client, editor_a, publisher_a)
    assert "Ayshire quick check" in Client().get(page).content.decode()
    timescale.refresh_from_db()
    assert timescale.statutory is False


def test_synonym_by_an_editor_changes_search_only_on_approval(
    client, editor_a, publisher_a, service_a
):
    client.force_login(editor_a)
    data = {"council": service_a.council_id, "term": "playscheme", "means": "short breaks"}
    assert client.post(reverse("admin:services_synonym_add"), data).status_code == 302
    search = "/ayshire/services/?q=playscheme"
    assert service_a.name not in Client().get(search).content.decode()
    approve_latest(client, editor_a, publisher_a)
    assert service_a.name in Client().get(search).content.decode()


@pytest.mark.parametrize(
    "admin_name, slug, field, public_page",
    [
        ("services_faq", "ayshire-faq", "question", "/ayshire/faq/"),
        ("services_page", "ayshire-about", "title", "/ayshire/ayshire-about/"),
    ],
)
def test_faq_and_page_edits_wait_for_approval(
    client, editor_a, publisher_a, council_a, admin_name, slug, field, public_page
):
    from django.apps import apps

    model = apps.get_model("services", admin_name.split("_")[1])
    obj = model.objects.get(slug=slug)
    edit_as(client, editor_a, obj, admin_name, **{field: "Changed words here"})
    assert "Changed words here" not in Client().get(public_page).content.decode()
    approve_latest(client, editor_a, publisher_a)
    assert "Changed words here" in Client().get(public_page).content.decode()


# Revert ---------------------------------------------------------------------------------


def revert_url(service, version):
    return reverse("admin:services_service_simple_history", args=[service.pk,
                                                                   version.history_id])


def test_revert_restores_many_to_many_links(client, publisher_a, service_a):
    first = service_a.history.latest()
    edit_as(client, publisher_a, service_a, "services_service", route_types=[], levels=[])
    assert not service_a.route_types.exists()
    page = client.get(revert_url(service_a, first))
    assert client.post(revert_url(service_a, first), form_data(page)).status_code == 302
    assert list(service_a.route_types.values_list("slug", flat=True)) == ["short-breaks"]
    assert service_a.levels.count() == 1


def test_editor_revert_is_a_pending_change(client, editor_a, publisher_a, service_a):
    first = service_a.history.latest()
    edit_as(client, publisher_a, service_a, "services_service", route_types=[],
            name="A worse name")
    client.force_login(editor_a)
    page = client.get(revert_url(service_a, first))
    assert client.post(revert_url(service_a, first), form_data(page)).status_code == 302
    service_a.refresh_from_db()
    assert service_a.name == "A worse name"
    approve_latest(client, editor_a, publisher_a)
    service_a.refresh_from_db()
    assert service_a.name == "Ayshire short breaks"
    assert list(service_a.route_types.values_list("slug", flat=True)) == ["short-breaks"]


# Dashboard ------------------------------------------------------------------------------


def dashboard(client, user):
    client.force_login(user)
    rows = client.get(reverse("admin:index")).context["approvals"]
    return {row["label"]: row["count"] for row in rows}


def test_dashboard_counts_what_waits_for_each_officer(client, editor_a, publisher_a,
                                                      service_a, council_b):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    submit(client, editor_a, waiting_change(editor_a))
    # One more submitted change waits in each council (tests/admin/conftest.py): council B's
    # is not counted for council A's publisher.
    assert dashboard(client, publisher_a)["Waiting for me"] == 2
    assert dashboard(client, editor_a)["My changes"] == 1
    decide(client, publisher_a, waiting_change(editor_a), "send_back", "Check the name.")
    counts = dashboard(client, editor_a)
    assert (counts["My changes"], counts["Sent back to me"]) == (0, 1)
    assert "Overdue for review" in counts


def test_dashboard_box_lists_only_that_officers_changes(client, publisher_a, council_b):
    client.force_login(publisher_a)
    listed = client.get(reverse("admin:services_pendingchange_changelist") + "?box=waiting")
    names = [change.object_repr for change in listed.context["cl"].queryset]
    assert names == ["Ayshire waiting change"]


# CSV import -----------------------------------------------------------------------------


def import_renamed(client, user, council, name):
    import csv
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    from services.admin import csv_io

    rows = list(csv.DictReader(io.StringIO(csv_io.export_text(council))))
    for row in rows:
        if row["slug"] == "ayshire-breaks":
            row["name"] = name
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_io.COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    upload = SimpleUploadedFile("s.csv", out.getvalue().encode("utf-8-sig"), "text/csv")
    client.force_login(user)
    return client.post(reverse("admin:services_service_csv_import"),
                       {"council": council.pk, "file": upload})


def test_editor_csv_import_of_a_published_service_waits_for_approval(
    client, editor_a, publisher_a, service_a
):
    before = public_view()
    response = import_renamed(client, editor_a, service_a.council, NEW_NAME)
    assert response.status_code == 302
    assert public_view() == before
    change = waiting_change(editor_a)
    assert change.data == {"name": NEW_NAME}
    history = service_a.history.count()
    approve_latest(client, editor_a, publisher_a)
    assert all(NEW_NAME in text for text in public_view())
    assert service_a.history.count() == history + 1


def test_publisher_csv_import_goes_live_at_once(client, publisher_a, service_a):
    import_renamed(client, publisher_a, service_a.council, NEW_NAME)
    assert all(NEW_NAME in text for text in public_view())


def test_revert_restores_contacts(client, publisher_a, service_a):
    first = service_a.history.latest()
    edit_as(client, publisher_a, service_a, "services_service", contacts=[])
    assert not service_a.contacts.exists()
    page = client.get(revert_url(service_a, first))
    client.post(revert_url(service_a, first), form_data(page))
    assert service_a.contacts.count() == 1


def test_editor_who_comes_back_starts_from_their_waiting_change(client, editor_a, service_a):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    page = client.get(reverse("admin:services_service_change", args=[service_a.pk]))
    assert page.context["adminform"].form["name"].value() == NEW_NAME
    edit_as(client, editor_a, service_a, "services_service", summary="Clubs at weekends.")
    assert waiting_change(editor_a).data == {"name": NEW_NAME, "summary": "Clubs at weekends."}


def test_approving_a_change_to_a_deleted_item_says_so(client, editor_a, publisher_a, service_a):
    edit_as(client, editor_a, service_a, "services_service", name=NEW_NAME)
    change = waiting_change(editor_a)
    submit(client, editor_a, change)
    Service.objects.filter(pk=service_a.pk).delete()
    response = decide(client, publisher_a, change, "approve")
    assert response.status_code == 400
    assert "deleted since the change was made" in response.content.decode()


def test_a_save_that_changes_links_makes_one_history_entry(client, publisher_a, service_a):
    history = service_a.history.count()
    edit_as(client, publisher_a, service_a, "services_service", name=NEW_NAME, route_types=[])
    assert service_a.history.count() == history + 1
    latest = service_a.history.latest()
    assert latest.history_change_reason == "Changed name, route_types"
    assert list(latest.route_types.all()) == []


def test_an_editor_cannot_delete_what_parents_see(client, editor_a, service_a):
    client.force_login(editor_a)
    url = reverse("admin:services_service_delete", args=[service_a.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    listing = client.get(reverse("admin:services_service_changelist"))
    action_form = listing.context["action_form"]
    choices = [name for name, _ in action_form.fields["action"].choices] if action_form else []
    assert "delete_selected" not in choices
    assert Service.objects.filter(pk=service_a.pk).exists()
