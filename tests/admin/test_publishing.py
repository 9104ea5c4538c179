"""Forged posts are refused, editors save drafts, publishers publish, and history reverts."""

import pytest
from django.urls import reverse

from eligibility.models import RouteGuide
from services.admin.mixins import council_field
from services.models import Contact, Council, PendingChange, Service


def form_data(response):
    """The POST a browser would send for the admin form as shown."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif value is True:
            data[name] = "on"
        else:
            data[name] = getattr(value, "pk", value)
    return data


def snapshot(obj):
    obj = type(obj)._default_manager.get(pk=obj.pk)
    row = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    links = {f.name: sorted(getattr(obj, f.name).values_list("pk", flat=True))
             for f in obj._meta.many_to_many}
    return row, links


def service_url(service, view="change"):
    return reverse(f"admin:services_service_{view}", args=[service.pk])


@pytest.fixture
def service_a(council_a):
    return Service.objects.get(slug="ayshire-breaks")


@pytest.mark.parametrize(
    "field, forged",
    [
        pytest.param("council", lambda b: b.pk, id="council-b"),
        pytest.param("contacts", lambda b: [Contact.objects.get(council=b).pk], id="contact-b"),
        pytest.param("levels", lambda b: [b.levels.get().pk], id="level-b"),
    ],
)
def test_forged_change_naming_another_council_is_refused(
    client, editor_a, service_a, council_b, field, forged
):
    client.force_login(editor_a)
    page = client.get(service_url(service_a))
    before = snapshot(service_a)
    data = {**form_data(page), field: forged(council_b), "name": "Forged name"}
    response = client.post(service_url(service_a), data)
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert snapshot(service_a) == before


def test_the_forged_post_test_can_pass_a_fair_edit(client, editor_a, service_a):
    client.force_login(editor_a)
    data = {**form_data(client.get(service_url(service_a))), "name": "Fair name"}
    assert client.post(service_url(service_a), data).status_code == 302
    waiting = PendingChange.objects.get(object_id=service_a.pk, author=editor_a)
    assert waiting.data["name"] == "Fair name"


def test_forged_add_in_another_council_writes_nothing(client, editor_a, council_a, council_b):
    client.force_login(editor_a)
    count = Service.objects.count()
    data = {
        "council": council_b.pk, "slug": "forged", "name": "Forged", "summary": "x",
        "description": "x", "who_for": "x", "how_to_get": "x", "access": "self-referral",
        "cost": "free", "min_age": 0, "max_age": 25, "last_reviewed": "2026-11-01",
        "source": "test",
    }
    response = client.post(reverse("admin:services_service_add"), data)
    assert response.status_code == 200
    assert "council" in response.context["adminform"].form.errors
    assert Service.objects.count() == count


def test_superuser_may_not_link_a_contact_of_another_council(client, superuser, service_a,
                                                            council_b):
    client.force_login(superuser)
    page = client.get(service_url(service_a))
    data = {**form_data(page), "contacts": [Contact.objects.get(council=council_b).pk]}
    response = client.post(service_url(service_a), data)
    assert "contacts" in response.context["adminform"].form.errors


def test_forged_route_guide_contact_of_another_council_is_refused(client, editor_a, council_a,
                                                                  council_b):
    guide = RouteGuide.objects.get(council=council_a)
    url = reverse("admin:eligibility_routeguide_change", args=[guide.pk])
    client.force_login(editor_a)
    data = {**form_data(client.get(url)), "contact": Contact.objects.get(council=council_b).pk}
    response = client.post(url, data)
    assert "contact" in response.context["adminform"].form.errors
    assert RouteGuide.objects.get(pk=guide.pk).contact.council == council_a


def test_editor_cannot_publish_even_with_a_forged_status(client, editor_a, council_a):
    draft = Service.objects.get(slug="ayshire-draft")
    client.force_login(editor_a)
    page = client.get(service_url(draft))
    assert "status" not in page.context["adminform"].form.fields
    data = {**form_data(page), "status": "published", "name": "Edited draft"}
    assert client.post(service_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert (draft.name, draft.status) == ("Edited draft", "draft")


def test_editor_edit_of_published_service_leaves_it_published_and_unchanged(
    client, editor_a, service_a
):
    """Issue 19: the edit used to return the service to draft (offline); now it waits."""
    client.force_login(editor_a)
    before = snapshot(service_a)
    data = {**form_data(client.get(service_url(service_a))), "name": "Changed"}
    client.post(service_url(service_a), data)
    assert snapshot(service_a) == before
    assert before[0]["status"] == "published"


def test_editor_has_no_publish_action(client, editor_a, council_a):
    client.force_login(editor_a)
    draft = Service.objects.get(slug="ayshire-draft")
    response = client.get(reverse("admin:services_service_changelist"))
    action_form = response.context["action_form"]
    choices = [name for name, _ in action_form.fields["action"].choices] if action_form else []
    assert "publish_selected" not in choices
    client.post(reverse("admin:services_service_changelist"),
                {"action": "publish_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_publisher_publishes_with_the_action_and_history_records_who(
    client, publisher_a, council_a
):
    draft = Service.objects.get(slug="ayshire-draft")
    client.force_login(publisher_a)
    response = client.post(
        reverse("admin:services_service_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"
    latest = draft.history.latest()
    assert (latest.history_user, latest.status) == (publisher_a, "published")


def test_publisher_publishes_with_the_status_field(client, publisher_a, council_a):
    draft = Service.objects.get(slug="ayshire-draft")
    client.force_login(publisher_a)
    data = {**form_data(client.get(service_url(draft))), "status": "published"}
    assert client.post(service_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"


def test_publisher_of_one_council_cannot_publish_in_another_it_edits(
    client, publisher_a, council_a, council_b
):
    from services.models import Role, StaffMembership

    StaffMembership.objects.create(user=publisher_a, council=council_b, role=Role.EDITOR)
    draft = Service.objects.get(slug="beeshire-draft")
    client.force_login(publisher_a)
    data = {**form_data(client.get(service_url(draft))), "status": "published"}
    client.post(service_url(draft), data)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_revert_restores_and_is_recorded(client, publisher_a, service_a):
    client.force_login(publisher_a)
    original_name = service_a.name
    data = {**form_data(client.get(service_url(service_a))), "name": "A worse name"}
    client.post(service_url(service_a), data)
    assert Service.objects.get(pk=service_a.pk).name == "A worse name"
    first = service_a.history.earliest()
    revert_url = reverse("admin:services_service_simple_history", args=[service_a.pk,
                                                                         first.history_id])
    page = client.get(revert_url)
    assert page.status_code == 200
    versions = service_a.history.count()
    assert client.post(revert_url, form_data(page)).status_code == 302
    service_a.refresh_from_db()
    assert service_a.name == original_name
    latest = service_a.history.latest()
    assert latest.history_user == publisher_a
    assert latest.history_change_reason == f"Reverted to version {first.history_id}"
    assert service_a.history.count() == versions + 1
    history_page = client.get(service_url(service_a, "history"))
    assert "Reverted to version" in history_page.content.decode()


def test_every_council_model_is_scoped_by_its_council_field():
    """Scoping relies on a `council` foreign key: every council model has one."""
    from django.apps import apps

    for model in apps.get_app_config("services").get_models():
        if model.__name__ in {"Service", "FAQ", "Page", "Contact", "Synonym"}:
            assert council_field(model).related_model is Council
