"""The "Needs review" list holds what is overdue or due within 30 days, and nothing later."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from services.admin.reviews import needs_review
from services.models import Service
from tests.factories import make_service

TODAY = date(2027, 3, 10)


@pytest.mark.parametrize(
    "days_from_today, listed, when",
    [
        pytest.param(-1, True, "Overdue by 1 day", id="due-yesterday"),
        pytest.param(0, True, "Due today", id="due-today"),
        pytest.param(30, True, "Due in 30 days", id="due-in-30-days"),
        pytest.param(31, False, None, id="due-in-31-days"),
    ],
)
def test_needs_review_boundaries(council_a, days_from_today, listed, when):
    Service.objects.filter(council=council_a).update(review_due=TODAY + timedelta(days=400))
    council_a.review_due = TODAY + timedelta(days=400)
    council_a.save()
    for model_name in ("faqs", "pages", "route_guides", "levels", "timescales"):
        getattr(council_a, model_name).update(review_due=TODAY + timedelta(days=400))
    service = make_service(council_a, review_due=TODAY + timedelta(days=days_from_today))
    items = needs_review(council_a, on=TODAY)
    assert [item.obj for item in items] == ([service] if listed else [])
    if listed:
        assert items[0].when == when
        assert items[0].overdue == (days_from_today < 0)


def test_needs_review_page_is_linked_from_the_index_and_scoped(client, editor_a, council_a,
                                                               council_b):
    overdue = timezone.localdate() - timedelta(days=1)
    Service.objects.filter(slug="ayshire-breaks").update(review_due=overdue)
    client.force_login(editor_a)
    index = client.get("/admin/").content.decode()
    own = reverse("admin:services_council_needs_review", args=[council_a.pk])
    assert own in index
    assert reverse("admin:services_council_needs_review", args=[council_b.pk]) not in index
    page = client.get(own)
    assert page.status_code == 200
    assert "Ayshire short breaks" in page.content.decode()
    assert "Overdue by 1 day" in page.content.decode()
    other = reverse("admin:services_council_needs_review", args=[council_b.pk])
    assert client.get(other).status_code == 404
