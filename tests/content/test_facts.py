"""Each council's site shows the facts its sources give, and nothing it must not.

The crawl (tests/support/content.py) starts at the council home page /<slug>/ and follows
same-site links under /<slug>/ and /rights/ to depth 2, as a parent would click. Reading-ease
target for the texts behind these pages: 50 (services.admin.readability.READING_EASE_TARGET; see
tests/content/test_fixtures.py).
"""

import html
import re

import pytest
from django.test import Client, override_settings

from core.glossary import ACRONYM, glossary_acronyms
from tests.support.content import crawl

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<[^>]+>")
ROMAN = re.compile(r"^[IVXLC]+$")  # "Part III" of an Act is a number, not an acronym
FORTY_FIVE_DAYS = re.compile(r"45 (calendar )?days", re.IGNORECASE)
MOBILE = re.compile(r"\b07\d{3}\s?\d{3}\s?\d{3}\b")
ELIGIBLE = re.compile(r"\b(not )?eligible\b", re.IGNORECASE)
# The seed's error (law.md X02): "general duty under Section 17 (10)". The duty is s17(1).
WRONG_GENERAL_DUTY = re.compile(
    r"general duty (under |in )?(the )?(Children Act 1989,? )?(s|section )\s?17\s?\(10\)",
    re.IGNORECASE,
)

FACTS = {
    "stoke-on-trent": [
        "Level 1",
        "Level 2",
        "Level 3",
        "Level 4a",
        "Level 4b",
        "Level 4c",
        "Universal needs",
        "Additional needs",
        "Intensive needs",
        "Children in need of safeguarding",
        "Children in care",
        # Children with Disabilities team: the four needs, no rigid criteria, nine stress factors.
        "severe learning difficulties",
        "multiple or severe disability",
        "a life limiting illness",
        "a complex physical disability",
        "does not set rigid criteria",
        "The family may break down",
        "more challenging than you would expect",
        "complex medical needs",
        "a single carer",
        "Poverty, poor housing",
        "A limited extended family network",
        "Social exclusion",
        "skills and experience for independence",
        "Discrimination because of disability",
        # Aiming High.
        "one activity a month",
        "one extra activity in the Half Term holidays and in the Easter holidays",
        "two extra activities in the Summer holidays",
        "contribution",
        "(iii) Enhanced offer",
        "(iv) Focused support offer",
        "Child in Need Plan or Child Protection Plan",
        "Action for Children",
        "risk assessment",
        # Contacts.
        "01782 235100",
        "01782 683129",
        "01782 232200",
        "0800 3287822",
        "01782 234234",
        "stokeontrent@actionforchildren.org.uk",
        "complaints@actionforchildren.org.uk",
        "customer.feedback@stoke.gov.uk",
        "make_a_complaint_about_a_childrens_social_care_service",
        "Designated Social Care Officer",
        "Duty Social Worker",
        "s17ZD",
        "R (L & P) v Warwickshire",
    ],
    "essex": [
        "0345 603 7627",
        "Child and Family Assessment",
        "Personal Budget",
        "direct payment",
        "direct provision",
        "16 or 17",
        # The 0 to 15 social care teams' services.
        "in their home",
        "local resources",
        "move into adulthood",
        "personal care and behavioural support",
        "complex care and behavioural needs",
        "Community-based short breaks",
        "Short breaks for parents and carers",
        "Shared care",
        "Child protection",
        # The continuum of need (seed 003).
        "Universal and community based services",
        "Additional support, early help and family help",
        "Intensive support and targeted help",
        "Specialist and statutory services",
    ],
    "bexley": [
        # CSDPA 1970 s2: the nine services.
        "practical help in the home",
        "recreational equipment",
        "a place at a day centre",
        "help with education",
        "travel and other help",
        "handrails or hoists",
        "holidays",
        "meals",
        "telephone equipment",
        # Children Act 1989 services.
        "residential short breaks",
        "work, social, cultural or leisure activities",
        "help in the home",
        "have a holiday",
        "advice, guidance or counselling",
        "help with travel",
        # Short break duties (Breaks for Carers of Disabled Children Regulations 2011).
        "day-time care",
        "overnight care",
        "learning or leisure activities",
        "in the evenings, at weekends and in the school holidays",
        "Breaks for Carers of Disabled Children Regulations 2011",
        "45 working days",
        "Care Act 2014 s58",
        "Year 9",
        "https://www.bexleyiass.co.uk/",
    ],
    "norfolk": [
        "2 weeks",
        "6 weeks",
        "local practice",
        "csehcp@norfolk.gov.uk",
        "SEN operational support team",
        "Norfolk Early Help Family Focus",
        "section H1",
        "section H2",
        "20 weeks",
        "Universal services",
        "Early help",
        "Targeted help",
        "Specialist and statutory help",
        "Working Together to Safeguard Children 2023",
    ],
}
EVERY_COUNCIL = [
    "SEND Local Offer",
    "0 to 25",
    "Local Government and Social Care Ombudsman",
    "Short Breaks Statement",
    "Get this information another way",
    "Accessibility statement",
    "Equality Advisory and Support Service",
]


def text_of(body):
    return " ".join(html.unescape(TAG.sub(" ", body)).split())


# Pages are about content, not the compiled static files: plain storage, no manifest.
PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture(scope="module")
def crawls(seeded_content, django_db_blocker):
    """{council: {path: (status, html)}}: each council's pages, crawled once for the module."""
    with django_db_blocker.unblock(), override_settings(STORAGES=PLAIN_STATIC):
        return {council: crawl(Client(), council) for council in FACTS}


@pytest.fixture(scope="module")
def glossary(seeded_content, django_db_blocker):
    """{acronym: (expansion, ...)} of the shipped glossary."""
    with django_db_blocker.unblock():
        return glossary_acronyms()


@pytest.mark.parametrize("council", list(FACTS))
def test_council_shows_its_facts(crawls, council):
    pages = crawls[council]
    everything = " ".join(text_of(body) + " " + body for _, body in pages.values()).lower()
    missing = [fact for fact in FACTS[council] + EVERY_COUNCIL if fact.lower() not in everything]
    assert missing == []


@pytest.mark.parametrize("council", list(FACTS))
def test_every_crawled_page_works_and_shows_its_review_date(crawls, council):
    pages = crawls[council]
    assert len(pages) > 30
    broken = [path for path, (status, _) in pages.items() if status != 200]
    undated = [path for path, (_, body) in pages.items() if "Page last reviewed" not in body]
    assert (broken, undated) == ([], [])


@pytest.mark.parametrize("council", list(FACTS))
def test_nothing_the_site_must_never_say(crawls, council):
    problems = []
    for path, (_, body) in crawls[council].items():
        text = text_of(body)
        for name, pattern in [
            ("45 days without working", FORTY_FIVE_DAYS),
            ("mobile number", MOBILE),
            ("eligible", ELIGIBLE),
            ("s17(10) as the general duty", WRONG_GENERAL_DUTY),
        ]:
            if pattern.search(text):
                problems.append(f"{path}: {name}: {pattern.search(text).group(0)}")
        if "wp-admin" in body:
            problems.append(f"{path}: wp-admin link")
        if "jenny" in body.lower() or "haines" in body.lower():
            problems.append(f"{path}: a named officer")
        for match in re.finditer(r"under 16", text):
            if "”" not in text[match.end() : match.end() + 20]:
                problems.append(f"{path}: 'under 16' not presented as the council's quoted words")
        if council == "essex" and re.search(r"Southend|Thurrock", text):
            problems.append(f"{path}: Southend or Thurrock shown for Essex")
    assert problems == []


def test_general_duty_page_cites_s17_1(crawls):
    status, body = crawls["stoke-on-trent"]["/rights/children-act-1989-s17-1/"]
    assert status == 200
    assert "Children Act 1989 s17(1)" in text_of(body)
    assert "https://www.legislation.gov.uk/ukpga/1989/41/section/17" in body


def unexplained(page, terms):
    """The acronyms in the page's <main> that are neither linked to the glossary nor spelled out."""
    main = page[page.find("<main"):page.find("</main>")]
    text = html.unescape(re.sub(r"<[^>]+>", " ", main))
    missing = []
    for acronym in sorted(set(ACRONYM.findall(text)) - {a for a in ACRONYM.findall(text)
                                                          if ROMAN.match(a)}):
        linked = f">{acronym}</abbr>" in main
        spelled = acronym in terms and terms[acronym][0].lower() in text.lower()
        if not (linked or spelled):
            missing.append(acronym)
    return missing


@pytest.mark.parametrize("council", list(FACTS))
def test_every_acronym_on_a_councils_pages_is_explained(crawls, glossary, council):
    pages = {path: body for path, (status, body) in crawls[council].items() if status == 200}
    assert len(pages) > 10
    problems = {path: miss for path, page in pages.items() if (miss := unexplained(page, glossary))}
    assert problems == {}


def test_the_check_finds_an_unexplained_acronym():
    assert unexplained("<main><p>Ask the XYZQ team.</p></main>", {}) == ["XYZQ"]
