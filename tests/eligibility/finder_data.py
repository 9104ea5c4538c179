"""A council with what the route finder shows: every route type, duties, services and guides."""

from eligibility.finder.rules import CHILD_NEEDS, FAMILY_FACTORS, ROUTE_TYPES
from services.models import Service
from tests.factories import (
    REVIEWED,
    make_contact,
    make_council,
    make_duty,
    make_guide,
    make_policy,
    make_route_type,
    make_service,
)

# Route type -> the test council's services that answer it (slug, name), in no particular order.
SERVICES = {
    "short-breaks": [("zebra-club", "Zebra Club"), ("aiming-high", "Aiming High")],
    "early-help": [("early-help-hub", "Early Help Hub")],
    "social-work-assessment": [("cwd-team", "Children with Disabilities team")],
    "parent-carer-assessment": [("carers-hub", "Carers Hub")],
    "information-advice": [("sendiass", "SEND information, advice and support service")],
}
# Route type -> the service its policy names: chosen, not the first by name.
POLICY_SERVICES = {
    "short-breaks": "aiming-high",
    "early-help": "early-help-hub",
    "social-work-assessment": "cwd-team",
    "parent-carer-assessment": "carers-hub",
    "information-advice": "sendiass",
}
DRAFT_SERVICE = ("draft-breaks", "A draft short breaks service")  # named first, but not published


def make_finder_council(slug="finderton", extra_services=0, **fields):
    """A council whose data covers the route finder; `extra_services` more answer short breaks."""
    council = make_council(slug, **fields)
    contact = make_contact(council, "cwd-duty", name="CWD duty desk", phone="01632 960123")
    service_contact = make_contact(council, "aiming-high-line", name="Aiming High line",
                                   phone="01632 960456")
    routes = {}
    for order, route_type in enumerate(ROUTE_TYPES):
        routes[route_type] = make_route_type(
            route_type, order=order, title=f"National {route_type}",
            what_next=f"What happens next for {route_type}.",
            how_long=f"How long {route_type} takes.",
        )
        routes[route_type].legal_duties.add(
            make_duty(f"duty-of-{route_type}", citation=f"Citation for {route_type}")
        )
    for route_type, services in SERVICES.items():
        for service_slug, name in services:
            service = make_service(council, service_slug, name=name)
            service.route_types.add(routes[route_type])
            service.contacts.add(service_contact)
    chosen = {service.slug: service for service in Service.objects.filter(council=council)}
    for route_type, service_slug in POLICY_SERVICES.items():
        fields = {}
        if route_type == "social-work-assessment":  # criteria like a CWD team's
            fields = {"access": "criteria", "needs": list(CHILD_NEEDS),
                      "factors": list(FAMILY_FACTORS), "criteria_owner": "The CWD team",
                      "how_to_reach": "Our CWD team works with children with complex needs."}
        make_policy(council, routes[route_type], service=chosen[service_slug], **fields)
    draft = make_service(council, DRAFT_SERVICE[0], name=DRAFT_SERVICE[1], status="draft")
    draft.route_types.add(routes["short-breaks"])
    extra = Service.objects.bulk_create(
        _service(council, f"extra-{number}", f"Extra {number:04d}")
        for number in range(extra_services)
    )
    Service.route_types.through.objects.bulk_create(
        Service.route_types.through(service=service, routetype=routes["short-breaks"])
        for service in extra
    )
    make_guide(council, routes["social-work-assessment"], contact=contact,
               body="Our CWD team works with children at Level 4.")
    make_guide(council, routes["short-breaks"], body="Draft words.", status="draft")
    return council


def _service(council, slug, name, status="published"):
    return Service(
        council=council, slug=slug, name=name, status=status,
        summary=f"{name} helps disabled children.", description="What it is.",
        who_for="Disabled children.", how_to_get="1. Call us.", access="self-referral",
        last_reviewed=REVIEWED, review_due=REVIEWED, source="test",
    )
