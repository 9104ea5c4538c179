"""The content fixtures load, are sourced, and read plainly.

They are valid: load_content runs full_clean on every object before it saves it, and loads
nothing when one fails (tests/test_shipped_fixtures.py), so the seeded content has passed it.

Reading-ease target: 50 (services.admin.readability.READING_EASE_TARGET), the floor of "fairly
difficult" on the Flesch scale, because legal names and words such as "assessment" keep some
parent-facing text above GOV.UK's reading age of 9, while short plain sentences keep all of it
at 50 or above.
"""

import re

import pytest
from django.apps import apps
from django.core.management import call_command

from eligibility.models import LegalDuty, LevelOfNeed, RouteType, Timescale
from services.admin.readability import READING_EASE_TARGET, reading_ease
from services.models import Contact, Council, Page, Service, Synonym
from tests.support.contract import DUTY_SLUGS, ROUTE_TYPES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
PARENT_FACING_FIELDS = [
    "summary",
    "description",
    "who_for",
    "how_to_get",
    "what_it_is",
    "what_next",
    "answer",
    "body",
    "definition",
    "what_you_can_ask",
    "if_not_met",
    "eligibility",
    "introduction",
]
REQUIRED_DUTIES = DUTY_SLUGS
REQUIRED_PAGES = [
    "about",
    "another-way",
    "complaints",
    "short-breaks-statement",
    "information-advice",
    "preparing-for-adulthood",
    "accessibility",
]
MOBILE = re.compile(r"\b07\d{3}\s?\d{3}\s?\d{3}\b")


def content_models():
    """Every concrete model of the two content apps, history tables left out."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in {"services", "eligibility"}
        and not model.__name__.startswith("Historical")
    ]


def history_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in {"services", "eligibility"}
        and model.__name__.startswith("Historical")
    ]


def all_objects():
    for model in content_models():
        yield from model.objects.all()


def test_every_sourced_object_names_its_source():
    sourced = [m for m in content_models() if any(f.name == "source" for f in m._meta.fields)]
    assert sourced, "no model has a source field"
    missing = [
        f"{obj._meta.label} {obj}"
        for model in sourced
        for obj in model.objects.all()
        if not obj.source.strip()
    ]
    assert missing == []


def rows():
    """{model: set of primary keys} for every content model, and {model: count} of history."""
    content = {m._meta.label: set(m.objects.values_list("pk", flat=True)) for m in content_models()}
    history = {m._meta.label: m.objects.count() for m in history_models()}
    return content, history


def test_loading_twice_changes_nothing_and_writes_no_history():
    before = rows()
    call_command("load_content", verbosity=0)
    assert rows() == before


def test_fixture_services_get_their_open_referral_id():
    assert Service.objects.exists()
    assert not Service.objects.filter(oruk_id__isnull=True).exists()


def test_parent_facing_text_reads_plainly():
    hard = []
    for obj in all_objects():
        names = {f.name for f in obj._meta.fields}
        for field in PARENT_FACING_FIELDS:
            text = getattr(obj, field, "") if field in names else ""
            if text and reading_ease(text) < READING_EASE_TARGET:
                hard.append(f"{obj._meta.label} {obj} {field}: {reading_ease(text):.0f}")
    assert hard == [], f"below reading ease {READING_EASE_TARGET}: {hard}"


def test_reading_ease_strips_markdown():
    plain = "You can ask for help. Call us today."
    marked = "- You can ask for [help](https://example.org/a-long-address).\n- **Call** us today"
    assert reading_ease(marked) == pytest.approx(reading_ease(plain))


def test_the_twelve_route_types_in_order():
    assert tuple(RouteType.objects.order_by("order").values_list("slug", flat=True)) == ROUTE_TYPES
    assert list(RouteType.objects.order_by("order").values_list("order", flat=True)) == list(
        range(1, 13)
    )
    assert RouteType.objects.get(slug="parent-carer-assessment").title == (
        "An assessment of your own needs as a parent carer"
    )
    assert RouteType.objects.get(slug="social-work-assessment").how_long == (
        "No more than 45 working days from the referral."
    )


def test_required_duties_and_their_official_text():
    slugs = set(LegalDuty.objects.values_list("slug", flat=True))
    assert set(REQUIRED_DUTIES) <= slugs
    for duty in LegalDuty.objects.all():
        if duty.kind in {"act", "regulations"}:
            assert duty.official_url.startswith("https://www.legislation.gov.uk/"), duty.slug
        assert duty.plain_title and duty.summary and duty.what_you_can_ask and duty.if_not_met
        assert "Ombudsman" in duty.if_not_met, duty.slug
    assert LegalDuty.objects.get(slug="working-together-2023").official_url.startswith(
        "https://www.gov.uk/"
    )
    assert LegalDuty.objects.get(slug="send-code-of-practice-2015").official_url.startswith(
        "https://www.gov.uk/"
    )
    assert "bailii.org" in LegalDuty.objects.get(slug="l-and-p-v-warwickshire-2015").official_url


def test_general_duty_is_cited_as_s17_1():
    assert (
        LegalDuty.objects.get(slug="children-act-1989-s17-1").citation == "Children Act 1989 s17(1)"
    )
    definition = LegalDuty.objects.get(slug="children-act-1989-s17-10")
    assert "definition" in definition.owed_by


@pytest.mark.parametrize(
    "slug, length, unit, statutory, council",
    [
        ("child-and-family-assessment", 45, "working-days", True, None),
        ("referral-decision", 1, "working-days", True, None),
        ("ehc-assessment-decision", 6, "weeks", True, None),
        ("social-care-advice-ehc", 6, "weeks", True, None),
        ("draft-ehc-plan-comments", 15, "days-beginning-with", True, None),
        ("final-ehc-plan", 20, "weeks", True, None),
        ("norfolk-existing-social-care-advice", 2, "weeks", False, "norfolk"),
        ("norfolk-new-social-care-advice", 6, "weeks", False, "norfolk"),
    ],
)
def test_timescales(slug, length, unit, statutory, council):
    timescale = Timescale.objects.get(slug=slug)
    assert (timescale.length, timescale.unit, timescale.statutory) == (length, unit, statutory)
    assert (timescale.council.slug if timescale.council else None) == council


def test_levels_of_need():
    def codes(council):
        return list(
            LevelOfNeed.objects.published()
            .filter(council__slug=council)
            .values_list("code", flat=True)
        )

    assert codes("stoke-on-trent") == ["1", "2", "3", "4a", "4b", "4c"]
    assert codes("essex") == ["universal", "additional", "intensive", "specialist"]
    assert codes("bexley") == [] and codes("norfolk") == []
    national = LevelOfNeed.objects.filter(council__isnull=True)
    assert list(national.values_list("code", flat=True)) == [
        "universal",
        "early-help",
        "targeted",
        "specialist",
    ]
    assert all("working-together" in level.source for level in national)


@pytest.mark.parametrize("council", COUNCILS)
def test_each_council_has_its_pages_and_route_services(council):
    pages = set(
        Page.objects.published().filter(council__slug=council).values_list("slug", flat=True)
    )
    assert set(REQUIRED_PAGES) <= pages
    services = Service.objects.published().filter(council__slug=council)
    for route in ["social-work-assessment", "parent-carer-assessment"]:
        assert services.answering(route).exists(), route


def test_route_finder_service_slugs():
    expected = {
        "stoke-on-trent": {
            "aiming-high": "short-breaks",
            "early-help": "early-help",
            "children-with-disabilities-team": "social-work-assessment",
            "parent-carer-assessment": "parent-carer-assessment",
        },
        "essex": {
            "child-and-family-assessment": "social-work-assessment",
            "personal-budgets": "direct-payments",
            "community-based-short-breaks": "short-breaks",
        },
        "bexley": {
            "childrens-social-care-assessment": "social-work-assessment",
            "short-breaks": "short-breaks",
            "preparing-for-adulthood": "transition-assessment",
            "bexley-iass": "information-advice",
        },
        "norfolk": {
            "social-care-advice-for-ehc-assessments": "ehc-social-care",
            "norfolk-early-help-family-focus": "early-help",
        },
    }
    for council, services in expected.items():
        for slug, route in services.items():
            service = Service.objects.get(council__slug=council, slug=slug)
            assert service.route_types.filter(slug=route).exists(), (council, slug, route)


def test_contacts_are_roles_not_people():
    for contact in Contact.objects.all():
        assert not MOBILE.search(contact.phone), contact
        assert "haines" not in f"{contact.name} {contact.email} {contact.notes}".lower()
        assert "wp-admin" not in contact.url
    dsco = Contact.objects.get(
        council__slug="stoke-on-trent", slug="designated-social-care-officer"
    )
    assert (dsco.phone, dsco.email) == ("", "")
    norfolk = Contact.objects.get(council__slug="norfolk", slug="sen-operational-support-team")
    assert norfolk.email == "csehcp@norfolk.gov.uk" and "professionals" in norfolk.notes.lower()


@pytest.mark.parametrize(
    "council, phone",
    [
        # PRODUCT.md settled details: "children's social care 0345 603 7627 (seed 000)".
        ("essex", "0345 603 7627"),
        # PRODUCT.md settled details: "CHAD 01782 235100 (seed 004)".
        ("stoke-on-trent", "01782 235100"),
        # bexley.gov.uk (read 30 November 2026): "Telephone 020 8303 7777"; Bexley Safeguarding
        # Children Board: "Phone 0208 303 7777 at any time if you are worried ...".
        ("bexley", "020 8303 7777"),
        # norfolk.gov.uk report-concerns (read 30 November 2026): "If you are worried about the
        # safety or welfare of a child please call us on 0344 800 8020."
        ("norfolk", "0344 800 8020"),
    ],
)
def test_front_doors_are_as_settled_or_confirmed(council, phone):
    assert Council.objects.get(slug=council).front_door_phone == phone


def test_every_contact_from_a_public_page_records_the_date_it_was_read():
    undated = [
        f"{contact.council.slug}/{contact.slug}"
        for contact in Contact.objects.all()
        if "http" in contact.source and " read 20" not in contact.source
    ]
    assert undated == []


def test_synonyms():
    pairs = dict(Synonym.objects.filter(council__isnull=True).values_list("term", "means"))
    assert len(pairs) >= 15
    assert pairs["respite"] == "short breaks"
    assert pairs["cwd"] == "Children with Disabilities"
    assert pairs["autism"] == "ASD, autistic"


# Issue 20: the thesaurus of parents' words ships with the site.
THESAURUS = [
    ("respite", "short breaks"),
    ("autism", "ASD"),
    ("asd", "autism"),
    ("money", "personal budget"),
    ("money", "direct payments"),
    ("turning 18", "adulthood"),
    ("turning 18", "transition"),
    ("complain", "complaint"),
    ("someone to talk to", "advice"),
    ("someone to talk to", "IASS"),
    ("help at home", "personal care"),
    ("carer's break", "short breaks"),
    ("holiday club", "short breaks"),
    ("camhs", "Child and Adolescent Mental Health Services"),
]


@pytest.mark.parametrize(("term", "meaning"), THESAURUS)
def test_the_thesaurus_has_the_parents_word(term, meaning):
    means = Synonym.objects.get(term=term, council__isnull=True).means
    assert meaning in [alternative.strip() for alternative in means.split(",")]


def test_every_synonym_names_its_source():
    assert not Synonym.objects.filter(source="").exists()
