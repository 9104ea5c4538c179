"""Two councils with one of everything, and their staff: the cast of the admin tests."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from eligibility.models import LevelOfNeed
from feedback.models import Comment
from services.models import PendingChange, Role, SearchGap, Service, Synonym
from tests.factories import (
    REVIEWED,
    make_category,
    make_contact,
    make_council,
    make_duty,
    make_faq,
    make_group,
    make_guide,
    make_level,
    make_page,
    make_policy,
    make_route_type,
    make_service,
    make_staff,
    make_term,
    make_timescale,
)


def fill_council(slug, name):
    """A council with a row of every kind of council content, named so tests can find it."""
    council = make_council(slug, name=name)
    contact = make_contact(council, slug=f"{slug}-duty", name=f"{name} duty team")
    level = make_level(council, code=f"{slug[:3]}1", name=f"{name} level one")
    route = make_route_type()
    service = make_service(council, slug=f"{slug}-breaks", name=f"{name} short breaks")
    service.contacts.add(contact)
    service.levels.add(level)
    make_service(council, slug=f"{slug}-draft", name=f"{name} draft service", status="draft")
    make_faq(council, slug=f"{slug}-faq", question=f"{name} question?")
    make_page(council, slug=f"{slug}-about", title=f"{name} about page")
    make_guide(council, route, contact=contact)
    make_policy(council, route, service=service, how_to_reach=f"{name} way in")
    make_timescale(f"{slug}-local", council, name=f"{name} timescale", statutory=False)
    Synonym.objects.create(term=f"{slug}-word", means="short breaks", council=council)
    SearchGap.objects.create(council=council, words=f"{slug} gap", week=REVIEWED, count=5)
    group = make_group(council, title=f"{name} said")
    Comment.objects.create(council=council, topic="content", text=f"{name} comment", group=group)
    writer = get_user_model().objects.create_user(f"{slug}-writer")
    PendingChange.objects.create(
        council=council, content_type=ContentType.objects.get_for_model(Service),
        object_id=service.pk, object_repr=f"{name} waiting change", data={"name": "Renamed"},
        author=writer, state=PendingChange.State.SUBMITTED,
    )
    return council


@pytest.fixture
def national(db):
    """National data every council shares."""
    make_category()
    make_duty()
    make_route_type()
    make_term()
    LevelOfNeed.objects.create(
        council=None, code="universal", name="Universal", summary="For everyone.",
        description="Open to all.", status="published", last_reviewed=REVIEWED,
        source="test",
    )
    make_timescale("national-assessment", name="National assessment")
    Synonym.objects.create(term="respite", means="short breaks", council=None)


@pytest.fixture
def council_a(db, national):
    return fill_council("ayshire", "Ayshire")


@pytest.fixture
def council_b(db, national):
    return fill_council("beeshire", "Beeshire")


@pytest.fixture
def editor_a(council_a):
    return make_staff("editor-a", council_a, Role.EDITOR)


@pytest.fixture
def publisher_a(council_a):
    return make_staff("publisher-a", council_a, Role.PUBLISHER)


@pytest.fixture
def editor_b(council_b):
    return make_staff("editor-b", council_b, Role.EDITOR)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "x-Pass-123456")
