"""Which letters and deadlines a meeting pack lists for the routes suggested to a family."""

from django.db.models import Q

from eligibility.models import Timescale
from toolkit.letters import LETTERS

# Route type -> the letter that asks for it (eligibility/letters.py).
LETTER_FOR_ROUTE = {
    "social-work-assessment": "child-in-need-assessment",
    "parent-carer-assessment": "parent-carer-needs-assessment",
    "transition-assessment": "transition-assessment",
}
# Route type -> the timescales that bind the council on it (fixtures/timescales.yaml).
TIMESCALES_FOR_ROUTE = {
    "social-work-assessment": ["referral-decision", "child-and-family-assessment"],
    "child-protection": ["referral-decision"],
    "ehc-social-care": [
        "ehc-assessment-decision", "social-care-advice-ehc", "draft-ehc-plan-comments",
        "final-ehc-plan",
    ],
}
COMPLAINT_LETTER = "missed-deadline-complaint"


def letters_for_routes(route_types):
    """The letters that apply, in route order, with the complaint letter last."""
    wanted = [LETTER_FOR_ROUTE[t] for t in route_types if t in LETTER_FOR_ROUTE]
    wanted.append(COMPLAINT_LETTER)
    by_slug = {letter.slug: letter for letter in LETTERS}
    return [by_slug[slug] for slug in wanted if slug in by_slug]


def timescales_for_routes(council, route_types):
    """National timescales for the suggested routes, plus the council's own for EHC advice."""
    slugs = [slug for t in route_types for slug in TIMESCALES_FOR_ROUTE.get(t, [])]
    if not slugs:
        return []
    local = Q(council=council) if "ehc-social-care" in route_types else Q(pk__in=[])
    found = Timescale.objects.filter(Q(slug__in=slugs, council__isnull=True) | local)
    return sorted(found, key=lambda t: (t.council_id is not None, t.length, t.name))
