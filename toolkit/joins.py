"""Which letters and deadlines belong on which page: route pages, council pages, FAQs, duties.

Plain data, read by the `toolkit_links` template tag. A page links only to tools that apply to
it; the complaint letter comes with any deadline, since a missed deadline is what it is for.
"""

from toolkit.letters import BY_SLUG, COMPLAINT_LETTER, LETTERS
from toolkit.meeting_pack import LETTER_FOR_ROUTE, TIMESCALES_FOR_ROUTE

# Route type -> (letters, timescales). The letter that asks for the route, and the deadlines that
# bind the council on it (fixtures/timescales.yaml).
ROUTE_TOOLS = {
    route: ([LETTER_FOR_ROUTE[route]] if route in LETTER_FOR_ROUTE else [], [])
    for route in LETTER_FOR_ROUTE
}
for _route, _timescales in TIMESCALES_FOR_ROUTE.items():
    ROUTE_TOOLS[_route] = (ROUTE_TOOLS.get(_route, ([], []))[0], list(_timescales))

# Council page slug -> (letters, timescales).
PAGE_TOOLS = {
    "complaints": ([COMPLAINT_LETTER], ["child-and-family-assessment", "final-ehc-plan"]),
    "preparing-for-adulthood": (["transition-assessment"], []),
}

# FAQ slug -> (letters, timescales): the questions whose answers a letter or a deadline acts on.
FAQ_TOOLS = {
    "how-do-i-ask-for-an-assessment": (
        ["child-in-need-assessment"], ["child-and-family-assessment"],
    ),
    "who-do-i-speak-to-about-my-assessment": ([], ["child-and-family-assessment"]),
    "what-if-i-disagree": ([COMPLAINT_LETTER], []),
    "what-is-a-parent-carer-needs-assessment": (["parent-carer-needs-assessment"], []),
    "what-happens-at-18": (["transition-assessment"], []),
    "how-long-does-social-care-advice-take": ([], ["social-care-advice-ehc"]),
}


def duty_tools(duty_slug, timescale_slugs=()):
    """(letters, timescales) for a legal duty: the letters that cite it, its own deadlines."""
    letters = [letter.slug for letter in LETTERS if duty_slug in letter.duty_slugs]
    return letters, list(timescale_slugs)


def tools(letters, timescales):
    """(Letter objects, timescale slugs), the complaint letter added after any deadline."""
    wanted = list(dict.fromkeys(letters))
    if timescales and COMPLAINT_LETTER not in wanted:
        wanted.append(COMPLAINT_LETTER)
    return [BY_SLUG[slug] for slug in wanted if slug in BY_SLUG], list(timescales)
