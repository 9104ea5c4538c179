"""Every public page a parent can reach shows nothing internal and a number to call (issue 17).

The crawl (tests/support/content.py, crawl_public) starts at each council's home page and the
site-wide pages and follows every link under /<council>/ and to the site-wide pages, to any depth,
over the SHIPPED content (fixtures/).
"""

import html
import re

import pytest
from django.conf import settings
from django.test import Client, override_settings

from core.phones import UK_NUMBER
from services.models import Contact, Service
from tests.support.content import crawl_public

pytestmark = pytest.mark.django_db

COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
# The seed files' names (../shared/seeds, listed here: the project never reads ../shared).
SEED_FILES = [
    "000_b475154ef6914a5b.txt",
    "001_640f07d4c963c54b.txt",
    "002_8696adcbaaeb5dc9.txt",
    "003_9a0876264a6deb32.txt",
    "004_b93c0aa4de5fdaa3.txt",
    "README.md",
]
# Issue 17: "a parent never sees an editor's note, a seed file name or 'our source says'".
INTERNAL_PHRASES = [
    "our source", "the seed", "staff will add", "we call it", "sources we hold",
    "the source page", "the source does", "stored copy", "in the admin", "seed file",
]
INTERNAL = re.compile(
    "|".join([re.escape(name) for name in SEED_FILES] + [re.escape(p) for p in INTERNAL_PHRASES]
             + [r"\b\d{3}_[0-9a-f]{16}\.txt\b"]),
    re.IGNORECASE,
)
TAG = re.compile(r"<[^>]+>")
HEADER = re.compile(r"<header\b.*?</header>", re.DOTALL)


@pytest.fixture(scope="module")
def pages(seeded_content, django_db_blocker):
    """{council: {path: (status, html)}}, crawled once for the module."""
    plain = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with django_db_blocker.unblock(), override_settings(STORAGES=plain):
        return {council: crawl_public(Client(), council) for council in COUNCILS}


def visible_text(body):
    """What a parent reads: the text and the attributes screen readers announce."""
    titles = " ".join(re.findall(r'(?:title|aria-label|alt)="([^"]*)"', body))
    return TAG.sub(" ", body) + " " + titles


@pytest.mark.parametrize("council", COUNCILS)
def test_every_reachable_page_answers_200(pages, council):
    assert {path: status for path, (status, _) in pages[council].items() if status != 200} == {}


@pytest.mark.parametrize("council", COUNCILS)
def test_no_reachable_page_shows_internal_text_or_a_seed_file_name(pages, council):
    found = {
        path: sorted({m.group(0) for m in INTERNAL.finditer(visible_text(body))})
        for path, (_, body) in pages[council].items()
    }
    assert {path: words for path, words in found.items() if words} == {}


@pytest.mark.parametrize("council", COUNCILS)
def test_every_council_page_has_a_tel_link_in_its_header(pages, council):
    missing = [
        path for path, (_, body) in pages[council].items()
        if path.startswith(f"/{council}/") and 'href="tel:' not in "".join(HEADER.findall(body))
    ]
    assert missing == []


@pytest.mark.parametrize("council", COUNCILS)
def test_every_council_page_header_links_to_the_contact_page(pages, council):
    link = f'href="/{council}/contact/"'
    missing = [
        path for path, (_, body) in pages[council].items()
        if path.startswith(f"/{council}/") and link not in "".join(HEADER.findall(body))
    ]
    assert missing == []


def test_the_check_finds_a_seed_file_name():
    assert INTERNAL.search(visible_text("<p>Source: 004_b93c0aa4de5fdaa3.txt</p>"))


def test_the_check_finds_an_editors_note_in_an_attribute():
    assert INTERNAL.search(visible_text('<abbr title="Staff will add this">X</abbr>'))


def test_the_check_passes_a_proper_citation():
    body = '<p>Source: <a href="https://www.norfolk.gov.uk/">Report concerns</a>, read 2026.</p>'
    assert not INTERNAL.search(visible_text(body))


# Each council's three main contacts as its contact page lists them, in this order, with the
# public page each was checked on (fixtures/contacts.yaml; sources read 30 November 2026).
CONTACT_PAGE = {
    # 000: "Alternatively please call: 0345 603 7627"; no out-of-hours number on essex.gov.uk.
    "essex": ["tel:03456037627", "We could not confirm an out-of-hours number",
              "Essex SEND Information, Advice and Support Service"],
    # bexleylscb.org.uk: "Phone 0208 303 7777 at any time ... Out of hours you will be connected
    # to the Bexley Emergency Duty Service."
    "bexley": ["tel:02083037777", "tel:02083037777", "Bexley IASS"],
    # norfolk.gov.uk: "please call us on 0344 800 8020" and "If you call out of hours ... your
    # call will be taken by our out of hours staff."
    "norfolk": ["tel:03448008020", "tel:03448008020",
                "Norfolk SEND Information, Advice and Support Service"],
    # 004: "CHAD Referral ... 01782-235100"; Emergency Duty Team 01782 234234.
    "stoke-on-trent": ["tel:01782235100", "tel:01782234234",
                       "Stoke-on-Trent SEND Information, Advice and Support Service"],
}
KIND_HEADINGS = ["Children's social care", "Emergency and out of office hours",
                 "Free, impartial advice"]


def main_of(body):
    return body[body.find("<main"):body.find("</main>")]


@pytest.mark.parametrize("council", COUNCILS)
def test_contact_page_lists_front_door_out_of_hours_and_iass_in_that_order(pages, council):
    main = main_of(pages[council][f"/{council}/contact/"][1]).replace("&#x27;", "'")
    sections = re.split(r"<h2[^>]*>", main)[1:4]
    headings = [section.split("<")[0] for section in sections]
    assert [h.startswith(k) for h, k in zip(headings, KIND_HEADINGS, strict=True)] == [True] * 3
    for section, expected in zip(sections, CONTACT_PAGE[council], strict=True):
        assert expected in section or expected in TAG.sub("", section)


@pytest.mark.parametrize("council", COUNCILS)
def test_contact_page_cites_a_public_source_for_each_main_contact(pages, council):
    main = main_of(pages[council][f"/{council}/contact/"][1])
    sections = re.split(r"<h2[^>]*>", main)[1:4]
    assert ["Source: " in section for section in sections] == [True] * 3


@pytest.mark.parametrize("council", COUNCILS)
def test_council_home_shows_the_front_door_near_the_top(pages, council):
    main = main_of(pages[council][f"/{council}/"][1])
    front_door = CONTACT_PAGE[council][0]
    assert main.find(f'href="{front_door}"') < main.find("Find my route")


def test_no_page_shows_a_note_for_editors(pages):
    notes = [
        " ".join(note.split()[:6])
        for model in (Contact, Service)
        for note in model.objects.exclude(notes_for_editors="").values_list(
            "notes_for_editors", flat=True
        )
    ]
    assert notes  # the shipped content has some
    shown = {
        note for council in COUNCILS for _, body in pages[council].values()
        for note in notes if note in " ".join(TAG.sub(" ", body).split())
    }
    assert shown == set()


TEL_LINK = re.compile(r'<a [^>]*href="tel:[^"]*"[^>]*>.*?</a>', re.DOTALL)
FORM_FIELD = re.compile(r"<(textarea|title|script)\b.*?</\1>", re.DOTALL)
# A letter is a document to print and send: a tel: link there would print as "(tel:...)".
LETTER = re.compile(r'<div class="lo-letter">.*?</div>', re.DOTALL)


def numbers_not_linked(body):
    """Phone numbers in the page's text that are not inside a tel: link."""
    text = TAG.sub(" ", FORM_FIELD.sub(" ", TEL_LINK.sub(" ", LETTER.sub(" ", body))))
    return [n for n in UK_NUMBER.findall(html.unescape(text)) if len(re.sub(r"\D", "", n)) > 3]


@pytest.mark.parametrize("council", COUNCILS)
def test_every_phone_number_on_every_page_is_a_tel_link(pages, council):
    found = {path: numbers_not_linked(body) for path, (_, body) in pages[council].items()}
    assert {path: numbers for path, numbers in found.items() if numbers} == {}


def test_the_phone_check_finds_a_number_that_is_not_a_link():
    assert numbers_not_linked("<p>Call 01782 235100.</p>") == ["01782 235100"]
