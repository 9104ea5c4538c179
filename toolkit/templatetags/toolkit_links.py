"""`{% toolkit_links council route=... %}`: the letters and deadlines that apply to a page."""

from django import template

from eligibility.models import Timescale
from toolkit import joins, step_by_step

register = template.Library()


@register.inclusion_tag("toolkit/_links.html")
def toolkit_links(council=None, route=None, page=None, faq=None, duty=None):
    """A short "Letters and deadlines" box, or nothing when no tool applies to this page."""
    if route is not None:
        letters, timescales = joins.ROUTE_TOOLS.get(route, ([], []))
    elif page is not None:
        letters, timescales = joins.PAGE_TOOLS.get(page, ([], []))
    elif faq is not None:
        letters, timescales = joins.FAQ_TOOLS.get(faq, ([], []))
    elif duty is not None:
        own = Timescale.objects.filter(legal_duty__slug=duty, council__isnull=True)
        letters, timescales = joins.duty_tools(duty, own.values_list("slug", flat=True))
    else:
        letters, timescales = [], []
    letters, slugs = joins.tools(letters, timescales)
    found = {t.slug: t for t in Timescale.objects.filter(slug__in=slugs)} if slugs else {}
    return {
        "council": council,
        "letters": letters if council is not None else [],
        "timescales": [found[slug] for slug in slugs if slug in found],
        "any": bool(slugs or (letters and council is not None)),
    }


@register.inclusion_tag("toolkit/_step_part.html")
def step_part(council, route_slug):
    """"Part of: Get social care help ... Step 2: Ask for an assessment" on a route page."""
    return {
        "council": council,
        "title": step_by_step.TITLE,
        "step": step_by_step.STEP_FOR_ROUTE.get(route_slug),
    }
