"""/<council>/contact/ and the header's number to call (issue 17), on test data."""

import re

import pytest
from django.db import IntegrityError

from tests.factories import make_contact, make_council

pytestmark = pytest.mark.django_db

HEADER = re.compile(r"<header\b.*?</header>", re.DOTALL)


def header(client, path):
    return HEADER.search(client.get(path).content.decode()).group(0)


def test_header_offers_the_front_door_number_and_the_contact_page(client):
    make_council("testshire", front_door_phone="0300 000 0000")
    html = header(client, "/testshire/")
    assert 'href="tel:03000000000"' in html and 'href="/testshire/contact/"' in html


def test_header_offers_the_out_of_hours_number_when_there_is_no_front_door_number(client):
    council = make_council("testshire", front_door_phone="")
    make_contact(council, "out-of-hours", kind="out-of-hours", phone="01234 567890")
    assert 'href="tel:01234567890"' in header(client, "/testshire/")


def test_a_site_wide_page_header_offers_999(client):
    assert 'href="tel:999"' in header(client, "/glossary/")


def test_contact_page_lists_the_three_kinds_before_other_contacts(client):
    council = make_council("testshire")
    make_contact(council, "other", name="Other team")
    make_contact(council, "iass", kind="send-iass", name="Advice service")
    make_contact(council, "ooh", kind="out-of-hours", name="Night team")
    make_contact(council, "door", kind="front-door", name="Day team")
    page = client.get("/testshire/contact/").content.decode()
    order = [page.find(name) for name in ("Day team", "Night team", "Advice service", "Other team")]
    assert order == sorted(order) and -1 not in order


def test_contact_page_shows_a_citation_with_its_link_and_date_read(client):
    council = make_council("testshire")
    make_contact(council, "door", kind="front-door", citation_title="Contact us, Testshire",
                 citation_url="https://testshire.example.org/contact", citation_read="2026-11-30")
    page = client.get("/testshire/contact/").content.decode()
    assert ('Source: <a class="govuk-link" href="https://testshire.example.org/contact">'
            "Contact us, Testshire</a> (read 30 November 2026).") in page


def test_contact_page_without_kinds_shows_the_front_door(client):
    make_council("testshire", front_door_phone="0300 000 0000")
    page = client.get("/testshire/contact/").content.decode()
    assert page.count('href="tel:03000000000"') >= 2  # the header and the page


def test_a_council_has_at_most_one_contact_of_each_kind():
    council = make_council("testshire")
    make_contact(council, "a", kind="front-door")
    with pytest.raises(IntegrityError):
        make_contact(council, "b", kind="front-door")
