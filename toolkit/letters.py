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
        duty_slugs=("children-act-1989-s17", "working-together-2023"),
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
