"""The letter templates a parent can print or download: what each is for and the law behind it."""

from dataclasses import dataclass
from datetime import date

# When the wording of the letters (templates/letters/*.txt) was last checked against the law.
LETTERS_REVIEWED = date(2026, 11, 24)


@dataclass(frozen=True)
class Letter:
    slug: str
    title: str
    summary: str
    duty_slugs: tuple  # /rights/<slug>/ pages, linked when they exist
    official: tuple  # (citation, legislation.gov.uk or GOV.UK address)

    @property
    def template(self):
        return f"letters/{self.slug}.txt"


LETTERS = (
    Letter(
        slug="child-in-need-assessment",
        title="Ask for an assessment of your disabled child's needs",
        summary="Ask the council to assess your child as a child in need (Children Act 1989 "
        "section 17). The child and family assessment should be finished within 45 working "
        "days of the referral.",
        duty_slugs=("children-act-1989-s17-1", "children-act-1989-s17-10", "working-together-2023"),
        official=(
            ("Children Act 1989 s17", "https://www.legislation.gov.uk/ukpga/1989/41/section/17"),
            (
                "Working Together to Safeguard Children 2023",
                "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
            ),
        ),
    ),
    Letter(
        slug="parent-carer-needs-assessment",
        title="Ask for an assessment of your own needs as a parent carer",
        summary="Ask the council to assess what support you need as the parent carer of a "
        "disabled child (Children Act 1989 section 17ZD). The council must assess you if you "
        "ask.",
        duty_slugs=("children-act-1989-s17zd",),
        official=(
            (
                "Children Act 1989 s17ZD",
                "https://www.legislation.gov.uk/ukpga/1989/41/section/17ZD",
            ),
        ),
    ),
    Letter(
        slug="transition-assessment",
        title="Ask for a transition assessment before your child turns 18",
        summary="Ask the council to assess the care and support your child is likely to need "
        "as an adult (Care Act 2014 section 58). If it says no, it must tell you why in "
        "writing.",
        duty_slugs=("care-act-2014-s58",),
        official=(
            ("Care Act 2014 s58", "https://www.legislation.gov.uk/ukpga/2014/23/section/58"),
        ),
    ),
    Letter(
        slug="missed-deadline-complaint",
        title="Complain that a deadline was missed",
        summary="Make a formal complaint when the council has not done something by the date "
        "it should have. Work out the date first with the deadline calculator.",
        duty_slugs=("children-act-1989-s26",),
        official=(
            ("Children Act 1989 s26", "https://www.legislation.gov.uk/ukpga/1989/41/section/26"),
        ),
    ),
)
BY_SLUG = {letter.slug: letter for letter in LETTERS}
COMPLAINT_LETTER = "missed-deadline-complaint"


@dataclass(frozen=True)
class ComplaintRoute:
    """The complaints procedure a missed deadline goes to, and the law that sets it up."""

    slug: str
    name: str
    duty_slugs: tuple  # /rights/<slug>/ pages the complaint letter links to
    official: tuple  # (citation, address) of the procedure's own law, when it has no duty page


# Children Act 1989 s26(3): a procedure for "representations (including any complaint) made to
# them by ... any parent of his [a child in need]" about "the discharge by the authority of any
# of their qualifying functions in relation to the child" (Part 3 functions).
CHILDREN_ACT = ComplaintRoute(
    "children-act", "children's social care complaints (Children Act 1989 section 26(3))",
    ("children-act-1989-s26",), (),
)
# EHC needs assessments and plans are Children and Families Act 2014 Part 3 functions, with time
# limits in the SEND Regulations 2014: not Children Act Part 3, so not s26(3). The council's own
# complaints procedure, then the Ombudsman (or the SEND Tribunal for appealable decisions).
SEND = ComplaintRoute("send", "the council's complaints procedure for EHC needs assessments "
                      "and plans", (), ())
# Care Act 2014 functions (s58 transition assessments, adult care and support) go to the Local
# Authority Social Services and National Health Service Complaints (England) Regulations 2009.
CARE_ACT = ComplaintRoute(
    "care-act", "adult social care complaints (Care Act 2014)", (),
    (
        (
            "Local Authority Social Services and National Health Service Complaints (England) "
            "Regulations 2009",
            "https://www.legislation.gov.uk/uksi/2009/309/contents",
        ),
    ),
)
COMPLAINT_ROUTES = {route.slug: route for route in (CHILDREN_ACT, SEND, CARE_ACT)}

# The legal duty a timescale rests on -> the complaint route for missing it. A timescale with no
# duty (a council's local practice) is matched by its slug in TIMESCALE_ROUTES below.
DUTY_PREFIX_ROUTES = (
    ("working-together-2023", CHILDREN_ACT),  # s17 child and family assessments, referrals
    ("children-act-1989-", CHILDREN_ACT),
    ("send-regulations-2014-", SEND),
    ("children-and-families-act-2014-", SEND),
    ("care-act-2014-", CARE_ACT),
)
TIMESCALE_ROUTES = {
    # Norfolk's local 2-week practice for social care advice to an EHC needs assessment.
    "norfolk-existing-social-care-advice": SEND,
}


# Deadlines that bind the family, not the council: nobody complains that they were missed.
# SEND Regulations 2014 reg 13(1)(a): the parent has "at least 15 days, beginning with the day on
# which the draft plan was served", to make representations about its content.
PARENTS_OWN_DEADLINES = frozenset({"draft-ehc-plan-comments"})


def is_parents_own(timescale):
    return timescale.slug in PARENTS_OWN_DEADLINES


def complaint_route(timescale):
    """The complaint route for missing `timescale`, or None when it is not known or is the
    family's own deadline."""
    if is_parents_own(timescale):
        return None
    if timescale.slug in TIMESCALE_ROUTES:
        return TIMESCALE_ROUTES[timescale.slug]
    duty = timescale.legal_duty
    if duty is None:
        return None
    for prefix, route in DUTY_PREFIX_ROUTES:
        if duty.slug.startswith(prefix):
            return route
    return None
