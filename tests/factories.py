"""Plain helpers that make valid objects with as little as a test needs to say."""

import uuid
from datetime import date
from itertools import count

from django.contrib.auth import get_user_model

from eligibility.models import (
    LegalDuty,
    LevelOfNeed,
    RouteGuide,
    RoutePolicy,
    RouteType,
    Timescale,
)
from feedback.models import CommentGroup
from services.management.commands.add_council_staff import role_group
from services.models import (
    FAQ,
    ORUK_NAMESPACE,
    Category,
    Contact,
    Council,
    GlossaryTerm,
    Page,
    Role,
    Service,
    StaffMembership,
)

REVIEWED = date(2026, 11, 1)
PASSWORD = "a-long-Passphrase-42"
_numbers = count(1)


def make_council(slug=None, **fields):
    number = next(_numbers)
    slug = slug or f"council-{number}"
    defaults = {
        "name": f"Council {number} ({slug})",
        "ons_code": f"E{number:08d}",
        "colour": "#00487a",
        "live": True,
        "website_url": f"https://{slug}.example.org/",
        "introduction": "Help for disabled children.",
        "front_door_name": "Children's social care",
        "front_door_phone": "0300 000 0000",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return Council.objects.create(slug=slug, **{**defaults, **fields})


def make_contact(council, slug="front-door", **fields):
    defaults = {
        "name": "Duty team", "phone": "01234 567890", "source": "test", "last_reviewed": REVIEWED
    }
    return Contact.objects.create(council=council, slug=slug, **{**defaults, **fields})


def make_category(slug="short-breaks", name="Short breaks"):
    return Category.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def make_duty(slug="children-act-1989-s17zd", **fields):
    defaults = {
        "citation": "Children Act 1989 s17ZD",
        "title": "Children Act 1989",
        "year": 1989,
        "section": "s17ZD",
        "plain_title": "An assessment of a parent carer's own needs",
        "owed_by": "The council",
        "summary": "The council must assess you if you ask.",
        "what_you_can_ask": "An assessment.",
        "if_not_met": "Complain to the council.",
        "official_url": "https://www.legislation.gov.uk/ukpga/1989/41/section/17ZD",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return LegalDuty.objects.get_or_create(slug=slug, defaults={**defaults, **fields})[0]


def make_route_type(slug="short-breaks", order=3, **fields):
    defaults = {
        "title": f"Route {slug}",
        "summary": "A way to get help.",
        "what_it_is": "Help.",
        "who_for": "Families.",
        "how_to_get": "Ask.",
        "what_next": "They call you back.",
        "order": order,
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return RouteType.objects.get_or_create(slug=slug, defaults={**defaults, **fields})[0]


def make_service(council, slug=None, status="published", **fields):
    number = next(_numbers)
    defaults = {
        "name": f"Service {number}",
        "summary": "A service for disabled children.",
        "description": "What it is.",
        "who_for": "Disabled children.",
        "how_to_get": "1. Call us.",
        "access": "self-referral",
        # Test data states a cost and ages; the model leaves both blank when no source says.
        "cost": "free",
        "min_age": 0,
        "max_age": 25,
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return Service.objects.create(
        council=council, slug=slug or f"service-{number}", status=status, **{**defaults, **fields}
    )


def make_level(council, code="1", order=1, **fields):
    defaults = {
        "name": "Universal needs",
        "summary": "Everyday help.",
        "description": "Services open to all.",
        "status": "published",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    fields = {**defaults, **fields}
    return LevelOfNeed.objects.create(council=council, code=code, order=order, **fields)


def make_page(council, slug="about", **fields):
    defaults = {
        "title": "About this Local Offer",
        "summary": "How it was made.",
        "body": "We asked parents.",
        "status": "published",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return Page.objects.create(council=council, slug=slug, **{**defaults, **fields})


def make_faq(council, slug="why", **fields):
    defaults = {
        "question": "Why?",
        "answer": "Because.",
        "status": "published",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return FAQ.objects.create(council=council, slug=slug, **{**defaults, **fields})


def make_guide(council, route_type, **fields):
    defaults = {
        "body": "What the council says.",
        "status": "published",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    fields = {**defaults, **fields}
    return RouteGuide.objects.create(council=council, route_type=route_type, **fields)


def make_policy(council, route_type, access="ask", **fields):
    defaults = {"status": "published", "last_reviewed": REVIEWED, "source": "test"}
    fields = {**defaults, **fields}
    return RoutePolicy.objects.create(
        council=council, route_type=route_type, access=access, **fields
    )


def make_term(slug="cwd", **fields):
    defaults = {
        "term": "CWD",
        "expansion": "Children with Disabilities",
        "definition": "The specialist social work team.",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return GlossaryTerm.objects.create(slug=slug, **{**defaults, **fields})


def make_full_council(slug=None, services=3):
    """A council with one of everything a page can show, and `services` published services."""
    council = make_council(slug)
    contact = make_contact(council)
    route = make_route_type()
    duty = make_duty()
    route.legal_duties.add(duty)
    level = make_level(council)
    category = make_category()
    make_guide(council, route, contact=contact)
    make_page(council, "about")
    make_faq(council)
    made = Service.objects.bulk_create(
        Service(
            council=council,
            slug=f"service-{number}",
            name=f"Service {number}",
            summary="A service for disabled children.",
            description="What it is.",
            who_for="Disabled children.",
            how_to_get="1. Call us.",
            access="self-referral",
            cost="free",
            min_age=0,
            max_age=25,
            status="published",
            last_reviewed=REVIEWED,
            review_due=REVIEWED,
            source="test",
            oruk_id=uuid.uuid5(ORUK_NAMESPACE, f"{council.slug}/service-{number}"),
        )
        for number in range(1, services + 1)
    )
    links = {
        Service.categories.through: ("category", category),
        Service.route_types.through: ("routetype", route),
        Service.levels.through: ("levelofneed", level),
        Service.legal_duties.through: ("legalduty", duty),
        Service.contacts.through: ("contact", contact),
    }
    for through, (field, target) in links.items():
        through.objects.bulk_create(through(service=s, **{field: target}) for s in made)
    make_policy(council, route, service=made[0] if made else None)
    return council


def make_timescale(slug="child-and-family-assessment", council=None, **fields):
    defaults = {
        "name": "Child and family assessment",
        "length": 45,
        "unit": "working-days",
        "starts_from": "the referral",
        "statutory": True,
        "description": "The assessment must be finished by then.",
        "last_reviewed": REVIEWED,
        "source": "test",
    }
    return Timescale.objects.create(slug=slug, council=council, **{**defaults, **fields})


def make_national_timescales():
    """The statutory timescales of the parent toolkit, tied to a duty as the fixtures are."""
    duty = make_duty(
        "working-together-2023", citation="Working Together to Safeguard Children 2023",
        plain_title="How quickly the council must assess your child",
    )
    return [
        make_timescale(legal_duty=duty),
        make_timescale("ehc-assessment-decision", name="Decision on an EHC needs assessment",
                       length=6, unit="weeks", starts_from="the request"),
        make_timescale("social-care-advice", name="Social care advice for an EHC assessment",
                       length=6, unit="weeks", starts_from="the request for advice"),
        make_timescale("final-ehc-plan", name="Final EHC plan", length=20, unit="weeks",
                       starts_from="the request for an assessment"),
    ]


def make_group(council, title="Holiday short breaks", status="published",
               published_on=date(2026, 10, 1), **fields):
    """A "You said, we did" group of comments."""
    defaults = {
        "summary": "Parents said holiday short breaks were hard to find.",
        "response": "We agree and thank you.",
        "actions": "We will add a holiday page by March 2027.",
    }
    return CommentGroup.objects.create(
        council=council, title=title, status=status, published_on=published_on,
        **{**defaults, **fields},
    )


def make_staff(username, council=None, role=Role.EDITOR, permissions=None, password=PASSWORD):
    """A staff user of `council` in `role`, with the role's group of permissions.

    Pass `permissions` (Permission rows) to give exactly those instead of the role's group.
    """
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    if council is not None:
        StaffMembership.objects.create(user=user, council=council, role=role)
    if permissions is None:
        user.groups.add(role_group(role))
    else:
        user.user_permissions.set(permissions)
    return user
