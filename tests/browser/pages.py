"""Every page type a parent or an officer can land on, and the content that makes them real.

The browser tests (axe, keyboard, no JavaScript, zoom) and the HTML validity test all walk
PAGES. Adding a page type is one line: `page("id", "/path/", status)`, with whatever content it
needs added to `make_site()`.
"""

from dataclasses import dataclass

import pytest

from tests.factories import (
    make_contact,
    make_duty,
    make_full_council,
    make_guide,
    make_level,
    make_national_timescales,
    make_page,
    make_route_type,
    make_term,
)


@dataclass(frozen=True)
class PageType:
    path: str
    status: int = 200
    heading: str = "main h1"  # where the page's main heading is


def page(id_, path, status=200, heading="main h1"):
    return pytest.param(PageType(path, status, heading), id=id_)


# Council slugs made by make_site(): "testshire" publishes its own levels of need; "plainshire"
# publishes none and so shows the national continuum.
PAGES = [
    page("home", "/"),
    page("council-home", "/testshire/"),
    page("levels-own", "/testshire/levels-of-need/"),
    page("levels-national", "/plainshire/levels-of-need/"),
    page("directory", "/testshire/services/"),
    page("directory-results", "/testshire/services/?q=service"),
    page("directory-no-results", "/testshire/services/?q=trampoline"),
    page("service", "/testshire/services/service-1/"),
    page("route-with-guide", "/testshire/routes/short-breaks/"),
    page("route-front-door", "/plainshire/routes/early-help/"),
    page("route-about-harm", "/testshire/routes/child-protection/"),
    page("step-by-step", "/testshire/step-by-step/"),
    page("rights", "/rights/"),
    page("duty", "/rights/children-act-1989-s17zd/"),
    page("rights-from-council", "/rights/?council=testshire"),
    page("glossary", "/glossary/"),
    page("faq", "/testshire/faq/"),
    page("contact", "/testshire/contact/"),
    page("faq-empty", "/plainshire/faq/"),
    page("complaints", "/testshire/complaints/"),
    page("about", "/testshire/about/"),
    page("accessibility-site", "/accessibility/"),
    page("accessibility-council", "/testshire/accessibility/"),
    page("privacy", "/privacy/"),
    page("find-my-route-start", "/testshire/find-my-route/"),
    *[
        page(f"question-{slug}", f"/testshire/find-my-route/{slug}/")
        for slug in ("age", "risk-of-harm", "disability", "child-needs", "family-factors",
                     "ehc-plan", "current-support", "carer-support")
    ],
    page("check-answers", "/testshire/find-my-route/check/"),
    page("result", "/testshire/find-my-route/result/"),
    page("meeting-pack", "/testshire/find-my-route/meeting-pack/"),
    page("letters", "/testshire/letters/"),
    page("letter", "/testshire/letters/child-in-need-assessment/"),
    page("have-your-say", "/testshire/have-your-say/"),
    page("have-your-say-thanks", "/testshire/have-your-say/thanks/"),
    page("you-said-we-did", "/testshire/you-said-we-did/"),
    page("deadlines", "/tools/deadlines/"),
    page("deadlines-council", "/tools/deadlines/?council=testshire"),
    page("deadlines-error", "/tools/deadlines/?start=2026-13-01&timescale=none"),
    page("deadlines-answer",
         "/tools/deadlines/?council=testshire&timescale=child-and-family-assessment&start=2026-11-30"),
    page("letter-filled", "/testshire/letters/missed-deadline-complaint/"
         "?timescale=child-and-family-assessment&start=2026-11-30"),
    page("not-found", "/testshire/no-such-page/", 404),
    page("password-reset", "/accounts/password-reset/"),
    page("admin-login", "/admin/login/", heading="#site-name"),
]

# The pages GOV.UK templates draw; Django's own admin pages follow its own design.
PUBLIC_PAGES = [p for p in PAGES if not p.values[0].path.startswith("/admin/")]


def make_site():
    """Two councils with every kind of content the pages in PAGES show."""
    testshire = make_full_council("testshire", services=3)
    testshire.contacts.update(url="https://www.example.org/duty-team")
    make_page(
        testshire,
        "complaints",
        title="How to complain",
        summary="If something went wrong, tell us.",
        body="Write to the complaints team. If you are still unhappy, contact the "
        "[Local Government and Social Care Ombudsman](https://www.lgo.org.uk/).",
    )
    make_page(
        testshire,
        "accessibility",
        title="Accessibility statement",
        summary="How accessible this Local Offer is.",
        body="## Feedback\n\nCall us on 01234 567890 if you need this page in another format.",
    )
    make_level(testshire, code="2", order=2, name="Additional needs", summary="Some extra help.")
    make_level(testshire, code="4a", order=3, name="Specialist", summary="A social worker.",
               statutory=True)
    make_term("cin", term="CIN", expansion="Child in need", definition="A child who needs help.")
    make_term()

    plainshire = make_full_council("plainshire", services=1)
    plainshire.levels.all().delete()
    plainshire.faqs.all().delete()
    make_contact(plainshire, slug="advice", phone="")
    national = ["Universal", "Early help", "Targeted", "Specialist"]
    for order, name in enumerate(national, start=1):
        make_level(None, code=name.lower().replace(" ", "-"), order=order, name=name,
                   statutory=order == 4)
    early_help = make_route_type("early-help", order=4, title="Early help")
    early_help.legal_duties.add(make_duty())
    make_guide(testshire, early_help)
    make_route_type("child-protection", order=6, title="Keeping your child safe from harm")
    make_national_timescales()
