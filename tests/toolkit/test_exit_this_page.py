"""GOV.UK Frontend's "Exit this page" on the route finder and on pages about harm (shipped content).

Issue 17: "GOV.UK Frontend's "Exit this page" component on the route finder and on pages about
harm, working without JavaScript as a plain link."
"""

import re

import pytest

from services.models import Service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

# Without JavaScript the component is an ordinary link to a neutral site, not a form or a script.
EXIT_LINK = re.compile(
    r'<div class="govuk-exit-this-page[^"]*" data-module="govuk-exit-this-page">\s*'
    r'<a href="https://www\.bbc\.co\.uk/weather" role="button"[^>]*>'
    r'<span class="govuk-visually-hidden">Emergency</span> Exit this page</a>'
)

SHOWN = [
    pytest.param("/essex/find-my-route/", id="route-finder-start"),
    pytest.param("/bexley/find-my-route/risk-of-harm/", id="route-finder-question"),
    pytest.param("/stoke-on-trent/routes/child-protection/", id="child-protection-route"),
    pytest.param("/rights/children-act-1989-s47/", id="section-47-duty"),
]
NOT_SHOWN = [
    pytest.param("/essex/", id="council-home"),
    pytest.param("/essex/routes/short-breaks/", id="short-breaks-route"),
    pytest.param("/rights/children-act-1989-s17zd/", id="parent-carer-duty"),
    pytest.param("/glossary/", id="glossary"),
]


@pytest.mark.parametrize("url", SHOWN)
def test_pages_about_harm_have_exit_this_page_as_a_plain_link(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert EXIT_LINK.search(response.content.decode())


@pytest.mark.parametrize("url", NOT_SHOWN)
def test_other_pages_have_no_exit_this_page(client, url):
    assert "govuk-exit-this-page" not in client.get(url).content.decode()


def test_a_service_answering_child_protection_has_exit_this_page(client):
    service = Service.objects.filter(route_types__slug="child-protection").select_related(
        "council").first()
    html = client.get(f"/{service.council.slug}/services/{service.slug}/").content.decode()
    assert EXIT_LINK.search(html)


def test_exit_this_page_is_not_printed(client):
    html = client.get("/stoke-on-trent/routes/child-protection/").content.decode()
    assert 'class="govuk-exit-this-page lo-no-print"' in html
