"""Marking content reviewed moves "review due" by the council's period; dates stay in order."""

from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import months_after
from services.admin.reviews import needs_review
from services.models import Contact, PendingChange, Service
from tests.admin.test_publishing import form_data


@pytest.fixture
def service_a(council_a):
    return Service.objects.get(slug="ayshire-breaks")


def changelist(model):
    return reverse(f"admin:services_{model}_changelist")


def test_marking_one_item_reviewed_sets_today_and_moves_review_due(
    client, publisher_a, service_a
):
    client.force_login(publisher_a)
    url = reverse("admin:services_service_mark_reviewed", args=[service_a.pk])
    response = client.post(url)
    assert response.status_code == 302
    service_a.refresh_from_db()
    today = timezone.localdate()
    assert service_a.last_reviewed == today
    assert service_a.review_due == months_after(today, 6)


def test_change_form_offers_mark_as_reviewed(client, publisher_a, service_a):
    client.force_login(publisher_a)
    page = client.get(reverse("admin:services_service_change", args=[service_a.pk]))
    assert "Mark as reviewed today" in page.content.decode()


def test_marking_reviewed_keeps_a_published_item_published(client, publisher_a, service_a):
    client.force_login(publisher_a)
    client.post(reverse("admin:services_service_mark_reviewed", args=[service_a.pk]))
    service_a.refresh_from_db()
    assert service_a.status == "published"


def test_marking_reviewed_uses_the_councils_review_period(client, publisher_a, council_a,
                                                          service_a):
    council_a.review_months = 12
    council_a.save()
    client.force_login(publisher_a)
    client.post(reverse("admin:services_service_mark_reviewed", args=[service_a.pk]))
    service_a.refresh_from_db()
    assert service_a.review_due == months_after(timezone.localdate(), 12)


def test_mark_reviewed_needs_a_post(client, publisher_a, service_a):
    client.force_login(publisher_a)
    url = reverse("admin:services_service_mark_reviewed", args=[service_a.pk])
    assert client.get(url).status_code == 405


def test_another_councils_item_cannot_be_marked_reviewed(client, publisher_a, council_b):
    other = Service.objects.get(slug="beeshire-breaks")
    client.force_login(publisher_a)
    url = reverse("admin:services_service_mark_reviewed", args=[other.pk])
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.last_reviewed != timezone.localdate()


def test_an_editors_mark_as_reviewed_waits_for_a_publisher(client, editor_a, service_a):
    client.force_login(editor_a)
    url = reverse("admin:services_service_mark_reviewed", args=[service_a.pk])
    response = client.post(url, follow=True)
    assert "Sent 1 item to a publisher to mark as reviewed" in response.content.decode()
    service_a.refresh_from_db()
    assert service_a.last_reviewed != timezone.localdate()
    change = PendingChange.objects.get(author=editor_a)
    assert change.state == PendingChange.State.SUBMITTED
    assert change.data["last_reviewed"] == timezone.localdate().isoformat()


def test_an_editor_cannot_mark_council_settings_reviewed(client, editor_a, council_a):
    client.force_login(editor_a)
    url = reverse("admin:services_council_mark_reviewed", args=[council_a.pk])
    assert client.post(url).status_code == 403
    assert not PendingChange.objects.filter(author=editor_a).exists()


@pytest.mark.parametrize("model", ["service", "faq", "page", "contact", "council"])
def test_bulk_action_marks_every_selected_item_reviewed(client, publisher_a, council_a, model):
    model_class = apps.get_model("services", model)
    rows = model_class.objects.filter(pk=council_a.pk) if model == "council" else (
        model_class.objects.filter(council=council_a)
    )
    pks = list(rows.values_list("pk", flat=True))
    client.force_login(publisher_a)
    response = client.post(
        changelist(model), {"action": "mark_selected_reviewed", "_selected_action": pks},
        follow=True,
    )
    assert "as reviewed on" in response.content.decode()
    today = timezone.localdate()
    assert set(rows.values_list("last_reviewed", flat=True)) == {today}
    assert set(rows.values_list("review_due", flat=True)) == {months_after(today, 6)}


def test_setting_last_reviewed_in_the_form_moves_review_due(client, publisher_a, service_a):
    client.force_login(publisher_a)
    url = reverse("admin:services_service_change", args=[service_a.pk])
    data = form_data(client.get(url))
    today = timezone.localdate()
    data["last_reviewed"] = today.isoformat()
    response = client.post(url, data)
    assert response.status_code == 302
    service_a.refresh_from_db()
    assert service_a.review_due == months_after(today, 6)


def test_review_due_before_last_reviewed_is_refused_with_a_sentence(
    client, publisher_a, service_a
):
    client.force_login(publisher_a)
    url = reverse("admin:services_service_change", args=[service_a.pk])
    data = form_data(client.get(url))
    data["review_due"] = (service_a.last_reviewed - timedelta(days=1)).isoformat()
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["review_due"] == [
        "The review due date must be on or after the last reviewed date. Leave it blank to set "
        "it from the council's review period."
    ]


def test_review_due_before_last_reviewed_is_refused_by_the_model(council_a):
    contact = Contact.objects.filter(council=council_a).first()
    contact.review_due = date(2020, 1, 1)
    with pytest.raises(ValidationError):
        contact.full_clean()


def test_contacts_have_review_dates_and_appear_in_needs_review(council_a):
    contact = Contact.objects.filter(council=council_a).first()
    today = timezone.localdate()
    Contact.objects.filter(pk=contact.pk).update(review_due=today - timedelta(days=2))
    assert contact in [item.obj for item in needs_review(council_a, on=today)]
