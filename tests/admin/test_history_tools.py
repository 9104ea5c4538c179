"""Issue 19, the rest of the workflow through the admin as a browser uses it: route policies
wait for a publisher, council settings are a publisher's, any two versions can be compared, and
deleted items can be restored."""

from django.urls import reverse

from eligibility.models import RoutePolicy
from services.models import Council, Role
from tests.admin.test_approvals import approve_latest, edit_as
from tests.admin.test_publishing import form_data, snapshot
from tests.factories import make_staff

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
    from services.models import StaffMembership

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
