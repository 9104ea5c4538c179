"""Helpers for the parent toolkit's tests: timescales and "You said, we did" groups."""

from datetime import date

from eligibility.models import Timescale
from feedback.models import CommentGroup
from tests.factories import REVIEWED, make_duty


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
    """The statutory timescales of the issue, tied to a duty as the fixtures will be."""
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
    defaults = {
        "summary": "Parents said holiday short breaks were hard to find.",
        "response": "We agree and thank you.",
        "actions": "We will add a holiday page by March 2027.",
    }
    return CommentGroup.objects.create(
        council=council, title=title, status=status, published_on=published_on,
        **{**defaults, **fields},
    )
