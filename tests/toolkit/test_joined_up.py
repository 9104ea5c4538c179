"""Pages link to the letters and the deadline calculator where they apply (shipped content)."""

import re

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

LINKS = [
    # Route pages: the letter that asks for the route, and the deadlines that bind the council.
    pytest.param("/essex/routes/social-work-assessment/",
                 ['href="/essex/letters/child-in-need-assessment/"',
                  'href="/tools/deadlines/?council=essex&amp;timescale=child-and-family-assessment"',
                  'href="/essex/letters/missed-deadline-complaint/"'],
                 id="route-social-work-assessment"),
    pytest.param("/bexley/routes/parent-carer-assessment/",
                 ['href="/bexley/letters/parent-carer-needs-assessment/"'],
                 id="route-parent-carer-assessment"),
    pytest.param("/norfolk/routes/ehc-social-care/",
                 ['href="/tools/deadlines/?council=norfolk&amp;timescale=draft-ehc-plan-comments"',
                  'href="/tools/deadlines/?council=norfolk&amp;timescale=final-ehc-plan"'],
                 id="route-ehc-social-care"),
    pytest.param("/stoke-on-trent/routes/transition-assessment/",
                 ['href="/stoke-on-trent/letters/transition-assessment/"'],
                 id="route-transition-assessment"),
    # Complaints pages: the complaint letter and the calculator.
    pytest.param("/essex/complaints/",
                 ['href="/essex/letters/missed-deadline-complaint/"',
                  'href="/tools/deadlines/?council=essex&amp;timescale=child-and-family-assessment"'],
                 id="complaints-page"),
    # FAQs whose answer a letter acts on.
    pytest.param("/bexley/faq/",
                 ['href="/bexley/letters/child-in-need-assessment/"',
                  'href="/bexley/letters/parent-carer-needs-assessment/"',
                  'href="/bexley/letters/transition-assessment/"'],
                 id="faq"),
    # Duty pages, reached from a council: that council's letters; its deadlines.
    pytest.param("/rights/children-act-1989-s17zd/?council=essex",
                 ['href="/essex/letters/parent-carer-needs-assessment/"'], id="duty-s17zd"),
    pytest.param("/rights/send-regulations-2014-reg-13/",
                 ['href="/tools/deadlines/?timescale=draft-ehc-plan-comments"'],
                 id="duty-reg-13-without-council"),
    pytest.param("/rights/children-act-1989-s26/?council=norfolk",
                 ['href="/norfolk/letters/missed-deadline-complaint/"'], id="duty-s26"),
]


@pytest.mark.parametrize(("url", "links"), LINKS)
def test_page_links_to_the_letters_and_deadlines_that_apply(client, url, links):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    for link in links:
        assert link in html


def test_a_route_without_letters_or_deadlines_shows_no_toolkit_box(client):
    html = client.get("/essex/routes/universal/").content.decode()
    assert "Letters and deadlines" not in html


def test_a_link_to_one_deadline_chooses_it_without_an_error(client):
    response = client.get("/tools/deadlines/", {"council": "essex", "timescale": "final-ehc-plan"})
    html = response.content.decode()
    assert "There is a problem" not in html
    assert re.search(r'value="final-ehc-plan"\s+checked', html)


SITE_WIDE = ["/rights/", "/rights/children-act-1989-s17zd/", "/glossary/", "/tools/deadlines/"]


@pytest.mark.parametrize("path", SITE_WIDE)
def test_site_wide_page_reached_from_a_council_keeps_its_name_colour_and_way_back(client, path):
    html = client.get(path, {"council": "stoke-on-trent"}).content.decode()
    assert "Stoke-on-Trent City Council" in html
    assert 'href="/stoke-on-trent/theme.css' in html
    assert 'class="govuk-header__homepage-link"' in html
    assert 'href="/stoke-on-trent/" class="govuk-header__homepage-link"' in html


@pytest.mark.parametrize("path", SITE_WIDE)
@pytest.mark.parametrize("slug", ["no-such-council", "", "ESSEX", "<script>", "x" * 500, "../"])
def test_unknown_council_gives_the_plain_site_wide_page(client, path, slug):
    response = client.get(path, {"council": slug})
    html = response.content.decode()
    assert response.status_code == 200
    assert "theme.css" not in html
    assert "Local Offer councils" in html


def test_rights_reached_from_a_council_carries_it_to_each_duty(client):
    html = client.get("/rights/", {"council": "bexley"}).content.decode()
    assert 'href="/rights/children-act-1989-s17zd/?council=bexley"' in html


def test_council_pages_carry_the_council_to_the_rights_and_glossary(client):
    html = client.get("/norfolk/").content.decode()
    assert 'href="/rights/?council=norfolk"' in html
    assert 'href="/glossary/?council=norfolk"' in html
