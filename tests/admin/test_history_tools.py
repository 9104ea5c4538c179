"""Issue 19, the rest of the workflow through the admin as a browser uses it: route policies
wait for a publisher, council settings are a publisher's, any two versions can be compared, and
deleted items can be restored."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from eligibility.models import RouteGuide, RoutePolicy, RouteType
from services.models import Council, Role, Service, StaffMembership
from tests.admin.test_approvals import approve_latest, decide, edit_as, waiting_change
from tests.admin.test_publishing import form_data, snapshot
from tests.factories import make_service, make_staff


@pytest.fixture
def service_a(council_a):
    service = Service.objects.get(slug="ayshire-breaks")
    service.route_types.add(RouteType.objects.get(slug="short-breaks"))
    return service


# Route policies and council settings ---------------------------------------------------------


def policy_of(council):
    return RoutePolicy.objects.get(council=council)


def test_editor_edit_of_a_published_route_policy_waits_for_a_publisher(
    client, editor_a, publisher_a, council_a
):
    policy = policy_of(council_a)
    before = snapshot(policy)
    response = edit_as(client, editor_a, policy, "eligibility_routepolicy",
                       how_to_reach="Ask the duty team by phone.")
    assert response.status_code == 302
    assert snapshot(policy) == before
    approve_latest(client, editor_a, publisher_a)
    policy.refresh_from_db()
    assert policy.how_to_reach == "Ask the duty team by phone."


def test_publisher_edit_of_a_route_policy_goes_live_at_once(client, publisher_a, council_a):
    policy = policy_of(council_a)
    edit_as(client, publisher_a, policy, "eligibility_routepolicy", how_to_reach="Phone us.")
    policy.refresh_from_db()
    assert policy.how_to_reach == "Phone us."


def council_url(council):
    return reverse("admin:services_council_change", args=[council.pk])


def test_an_editor_sees_council_settings_read_only(client, editor_a, council_a):
    client.force_login(editor_a)
    response = client.get(council_url(council_a))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    client.post(council_url(council_a), {"name": "Renamed", "slug": "ayshire"})
    assert Council.objects.get(pk=council_a.pk).name == "Ayshire"


def test_a_publisher_of_one_council_cannot_change_another_it_edits_for(
    client, council_a, council_b
):
    officer = make_staff("two-hats", council_a, Role.PUBLISHER)
    StaffMembership.objects.create(user=officer, council=council_b, role=Role.EDITOR)
    client.force_login(officer)
    assert client.get(council_url(council_a)).context["has_change_permission"]
    assert not client.get(council_url(council_b)).context["has_change_permission"]


def test_a_publisher_changes_their_council_settings(client, publisher_a, council_a):
    client.force_login(publisher_a)
    data = {**form_data(client.get(council_url(council_a))), "introduction": "Hello families."}
    assert client.post(council_url(council_a), data).status_code == 302
    assert Council.objects.get(pk=council_a.pk).introduction == "Hello families."


# Compare any two versions ----------------------------------------------------------------------


def compare_url(obj, admin_name="services_service"):
    return reverse(f"admin:{admin_name}_history_compare", args=[obj.pk])


def renamed_twice(client, publisher, service):
    """Two saves through the admin: the history rows of the first and the second."""
    edit_as(client, publisher, service, "services_service", name="First new name", route_types=[])
    first = service.history.latest()
    edit_as(client, publisher, service, "services_service", name="Second new name")
    return first, service.history.latest()


def diff_of(response):
    return {row["label"]: (row["before"], row["after"]) for row in response.context["rows"]}


def test_history_page_offers_to_compare_versions(client, publisher_a, service_a):
    renamed_twice(client, publisher_a, service_a)
    response = client.get(reverse("admin:services_service_history", args=[service_a.pk]))
    page = response.content.decode()
    assert 'id="compare-versions"' in page
    assert compare_url(service_a) in page


def test_two_versions_differ_by_whole_values_and_links(client, publisher_a, service_a):
    original = service_a.history.latest()
    route = service_a.route_types.get()
    first, second = renamed_twice(client, publisher_a, service_a)
    response = client.get(compare_url(service_a), {"a": original.pk, "b": second.pk})
    diff = diff_of(response)
    assert diff["Name"] == ("Ayshire short breaks", "Second new name")
    assert diff["Route types"] == (str(route), "(none)")


def test_a_version_compares_with_the_live_version(client, publisher_a, service_a):
    first, _ = renamed_twice(client, publisher_a, service_a)
    response = client.get(compare_url(service_a), {"a": first.pk, "b": "live"})
    assert diff_of(response) == {"Name": ("First new name", "Second new name")}


def test_line_endings_alone_are_no_difference(client, publisher_a, service_a):
    service_a.description = "One line.\r\nAnother line."
    service_a.save()
    crlf = service_a.history.latest()
    service_a.description = "One line.\nAnother line."
    service_a.save()
    client.force_login(publisher_a)
    response = client.get(compare_url(service_a), {"a": crlf.pk, "b": "live"})
    assert response.context["rows"] == []


def test_another_councils_history_cannot_be_compared(client, editor_b, service_a):
    version = service_a.history.latest()
    client.force_login(editor_b)
    response = client.get(compare_url(service_a), {"a": version.pk, "b": "live"})
    assert response.status_code == 404


def test_a_version_of_another_item_is_not_found(client, publisher_a, service_a, council_a):
    other = council_a.services.exclude(pk=service_a.pk).first()
    client.force_login(publisher_a)
    response = client.get(compare_url(service_a), {"a": other.history.latest().pk})
    assert response.status_code == 404


def test_a_version_that_is_not_a_number_is_a_bad_request(client, publisher_a, service_a):
    client.force_login(publisher_a)
    response = client.get(compare_url(service_a), {"a": "1 OR 1=1", "b": "live"})
    assert response.status_code == 400


def test_an_item_id_that_is_not_a_number_is_not_found(client, publisher_a, service_a):
    client.force_login(publisher_a)
    url = compare_url(service_a).replace(f"/{service_a.pk}/", "/x1/")
    assert client.get(url, {"a": "1"}).status_code == 404


# Recently deleted --------------------------------------------------------------------------------

DELETED_URL = "/admin/services/council/deleted/"


def delete_through_admin(client, publisher, service):
    client.force_login(publisher)
    url = reverse("admin:services_service_delete", args=[service.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Service.objects.filter(pk=service.pk).exists()
    return service.history.filter(history_type="-").latest()


def restore_post(client, user, row):
    client.force_login(user)
    return client.post(DELETED_URL, {"kind": "services.service", "version": row.history_id})


def test_a_deleted_service_is_listed_for_its_council(client, publisher_a, service_a):
    delete_through_admin(client, publisher_a, service_a)
    items = client.get(DELETED_URL).context["items"]
    assert [str(item["row"].instance) for item in items] == ["Ayshire short breaks"]
    assert reverse("admin:services_recently_deleted") == DELETED_URL


def test_another_councils_deletions_are_not_listed(client, publisher_a, editor_b, service_a):
    delete_through_admin(client, publisher_a, service_a)
    client.force_login(editor_b)
    assert client.get(DELETED_URL).context["items"] == []


def test_a_publisher_restores_every_field_and_link(client, publisher_a, service_a):
    route, levels = service_a.route_types.get(), set(service_a.levels.all())
    before = snapshot(service_a)[0]
    row = delete_through_admin(client, publisher_a, service_a)
    assert restore_post(client, publisher_a, row).status_code == 302
    restored = Service.objects.get(pk=service_a.pk)
    assert snapshot(restored)[0] == before
    assert list(restored.route_types.all()) == [route]
    assert set(restored.levels.all()) == levels
    assert restored.history.latest().history_change_reason == "Restored after deletion"


def test_an_editors_restore_is_refused_with_a_sentence(client, publisher_a, editor_a, service_a):
    row = delete_through_admin(client, publisher_a, service_a)
    response = restore_post(client, editor_a, row)
    assert not Service.objects.filter(pk=service_a.pk).exists()
    page = client.get(response.url).content.decode()
    assert "Ask a publisher of Ayshire to restore" in page


def test_another_councils_deletion_cannot_be_restored(client, publisher_a, editor_b, service_a):
    row = delete_through_admin(client, publisher_a, service_a)
    assert restore_post(client, editor_b, row).status_code == 404


def test_a_restore_of_nonsense_is_a_bad_request(client, publisher_a, service_a):
    client.force_login(publisher_a)
    assert client.post(DELETED_URL, {"kind": "auth.user", "version": "1"}).status_code == 400
    response = client.post(DELETED_URL, {"kind": "services.service", "version": "x"})
    assert response.status_code == 400


# An editor's "Mark as reviewed" -------------------------------------------------------------------


def mark_reviewed_as(client, user, service):
    client.force_login(user)
    return client.post(reverse("admin:services_service_mark_reviewed", args=[service.pk]))


def test_an_editors_mark_as_reviewed_moves_the_dates_on_approval(
    client, editor_a, publisher_a, service_a
):
    mark_reviewed_as(client, editor_a, service_a)
    history = service_a.history.count()
    assert decide(client, publisher_a, waiting_change(editor_a), "approve").status_code == 302
    service_a.refresh_from_db()
    assert service_a.last_reviewed == timezone.localdate()
    assert service_a.review_due > timezone.localdate()
    assert service_a.status == "published"
    assert service_a.history.count() == history + 1


def test_an_editors_mark_as_reviewed_keeps_their_waiting_edit(client, editor_a, service_a):
    edit_as(client, editor_a, service_a, "services_service", name="A waiting name")
    mark_reviewed_as(client, editor_a, service_a)
    data = waiting_change(editor_a).data
    assert data["name"] == "A waiting name"
    assert "last_reviewed" in data


def test_a_restore_whose_address_is_taken_says_so(client, publisher_a, service_a, council_a):
    row = delete_through_admin(client, publisher_a, service_a)
    make_service(council_a, slug="ayshire-breaks", name="A newer service")
    response = restore_post(client, publisher_a, row)
    assert response.status_code == 302
    assert "cannot be restored" in client.get(response.url).content.decode()
    assert not Service.objects.filter(pk=service_a.pk).exists()


def preview_of_latest(client, editor, publisher):
    client.force_login(publisher)
    change = waiting_change(editor)
    return client.get(reverse("admin:services_pendingchange_preview", args=[change.pk]))


def test_a_route_policy_change_has_no_page_to_preview_and_says_so(
    client, editor_a, publisher_a, council_a
):
    edit_as(client, editor_a, policy_of(council_a), "eligibility_routepolicy",
            how_to_reach="Phone the duty team.")
    response = preview_of_latest(client, editor_a, publisher_a)
    assert response.status_code == 400
    assert "results of the route finder" in response.content.decode()


def test_an_editors_review_of_a_route_guide_previews_the_route_page(
    client, editor_a, publisher_a, council_a
):
    guide = RouteGuide.objects.get(council=council_a)
    client.force_login(editor_a)
    client.post(reverse("admin:eligibility_routeguide_mark_reviewed", args=[guide.pk]))
    response = preview_of_latest(client, editor_a, publisher_a)
    assert response.status_code == 200
    assert "Parents do not see it yet" in response.content.decode()


def test_every_kind_with_history_compares_a_version_with_the_live_one(
    client, superuser, council_a
):
    client.force_login(superuser)
    checked = 0
    for model in admin.site._registry:
        if not hasattr(model, "history") or not model.history.exists():
            continue
        record = model.history.latest()
        if not model._default_manager.filter(pk=record.instance.pk).exists():
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history_compare",
                      args=[record.instance.pk])
        response = client.get(url, {"a": record.history_id, "b": "live"})
        assert response.status_code == 200, url
        checked += 1
    assert checked >= 8
