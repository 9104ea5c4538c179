"""`send_review_reminders` emails publishers what is overdue or due within 30 days."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from services.models import Contact, Council, Role, Service
from tests.factories import make_staff

FAR = timedelta(days=400)


def nothing_due(council):
    """Move every review date of the council a year ahead, so a test controls what is due."""
    later = timezone.localdate() + FAR
    Council.objects.filter(pk=council.pk).update(review_due=later)
    for name in ("services", "faqs", "pages", "route_guides", "levels", "timescales", "contacts"):
        getattr(council, name).update(review_due=later)


@pytest.fixture
def publisher_with_email(council_a):
    user = make_staff("pub-mail", council_a, Role.PUBLISHER)
    user.email = "pub@ayshire.example.org"
    user.save()
    return user


@pytest.fixture
def due(council_a, council_b, publisher_with_email):
    nothing_due(council_a)
    nothing_due(council_b)
    today = timezone.localdate()
    Service.objects.filter(slug="ayshire-breaks").update(review_due=today - timedelta(days=3))
    Contact.objects.filter(council=council_a).update(review_due=today + timedelta(days=10))


def send():
    call_command("send_review_reminders", stdout=StringIO())


def test_publishers_get_one_email_for_their_council(due):
    send()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pub@ayshire.example.org"]


def test_email_lists_what_is_overdue(due):
    send()
    body = mail.outbox[0].body
    assert "Overdue (1):" in body
    assert "Ayshire short breaks" in body
    assert "overdue by 3 days" in body


def test_email_lists_what_falls_due_within_30_days(due):
    send()
    body = mail.outbox[0].body
    assert "Due in the next 30 days (1):" in body
    assert "Ayshire duty team" in body


def test_subject_counts_overdue_and_due_soon(due):
    send()
    assert mail.outbox[0].subject == "Ayshire Local Offer: 1 overdue, 1 due soon for review"


def test_editors_are_not_emailed(due, council_a):
    editor = make_staff("ed-mail", council_a, Role.EDITOR)
    editor.email = "editor@ayshire.example.org"
    editor.save()
    send()
    assert "editor@ayshire.example.org" not in mail.outbox[0].to


def test_inactive_publishers_are_not_emailed(due, publisher_with_email):
    publisher_with_email.is_active = False
    publisher_with_email.save()
    send()
    assert mail.outbox == []


def test_council_with_nothing_due_gets_no_email(council_a, council_b, publisher_with_email):
    nothing_due(council_a)
    nothing_due(council_b)
    send()
    assert mail.outbox == []


def test_due_in_31_days_is_not_mentioned(due):
    Contact.objects.update(review_due=timezone.localdate() + timedelta(days=31))
    send()
    assert "Ayshire duty team" not in mail.outbox[0].body
