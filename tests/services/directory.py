"""A small directory for search and filter tests: one service per thing a parent looks for."""

from eligibility.models import LevelOfNeed, RouteType
from services.models import Category, Synonym
from tests.factories import make_category, make_council, make_level, make_route_type, make_service

# slug: (name, summary, description, access, cost, min_age, max_age, category, level, route)
SERVICES = {
    "cwd-team": (
        "Children with Disabilities Team",
        "Social workers for disabled children and their families.",
        "The CWD team assesses children and supports their families.",
        "assessment", "free", 0, 17, "social-care", "4", "social-work-assessment",
    ),
    "aiming-high": (
        "Aiming High",
        "Short breaks for disabled children: clubs and activities.",
        "Clubs after school and in the holidays.",
        "self-referral", "contribution", 5, 18, "short-breaks", "2", "short-breaks",
    ),
    "overnight": (
        "Overnight stays",
        "Short breaks away from home, at a residential home.",
        "Nights away so that families can rest.",
        "assessment", "free", 8, 17, "short-breaks", "4", "short-breaks",
    ),
    "salt": (
        "Speech and language therapy",
        "Help with talking, understanding and eating.",
        "Therapists see children at home, at school or in clinics.",
        "professional", "free", 0, 18, "health", "3", "",
    ),
    "forum": (
        "Parent carer forum",
        "Parents who meet to share advice.",
        "We work alongside the CWD team, the CWD duty desk and every service for children "
        "with disabilities. Children with disabilities and their brothers and sisters are "
        "welcome. Ask us about children with disabilities.",
        "self-referral", "free", 0, 25, "information-advice", "1", "",
    ),
}
DRAFT = "holiday-breaks-draft"


def make_directory(slug="shire"):
    """A council with the services above, one draft short break, and national synonyms."""
    council = make_council(slug)
    for order, code in enumerate(["1", "2", "3", "4"], start=1):
        make_level(council, code=code, order=order, name=f"Level {code}")
    for slug_, name in [
        ("social-care", "Social care"), ("short-breaks", "Short breaks and leisure"),
        ("health", "Health"), ("information-advice", "Information, advice and support"),
    ]:
        make_category(slug_, name)
    for order, route in enumerate(["short-breaks", "social-work-assessment"], start=3):
        make_route_type(route, order=order)
    for service_slug, row in SERVICES.items():
        name, summary, description, access, cost, low, high, category, level, route = row
        service = make_service(
            council, slug=service_slug, name=name, summary=summary, description=description,
            access=access, cost=cost, min_age=low, max_age=high,
        )
        service.categories.add(Category.objects.get(slug=category))
        service.levels.add(LevelOfNeed.objects.get(council=council, code=level))
        if route:
            service.route_types.add(RouteType.objects.get(slug=route))
    draft = make_service(
        council, slug=DRAFT, status="draft", name="Holiday short breaks",
        summary="Short breaks in the school holidays.", min_age=5, max_age=18,
    )
    draft.categories.add(Category.objects.get(slug="short-breaks"))
    Synonym.objects.create(term="respite", means="short breaks")
    Synonym.objects.create(term="CWD", means="Children with Disabilities")
    Synonym.objects.create(term="SALT", means="speech and language therapy")
    return council


def names(response):
    """The names of the services on a results page, in order."""
    return [service.name for service in response.context["page"].object_list]
