"""Council settings have guard rails: a dark enough colour, redirects from an old slug after a
warning, and new councils hidden until a superuser switches them live."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from services.models import Council, CouncilSlugRedirect, Role
from tests.admin.test_publishing import form_data
from tests.factories import make_council, make_page, make_staff

pytestmark = pytest.mark.django_db


# Colour: "Header colour. White text sits on it, so it must be dark (7:1 contrast)."
@pytest.mark.parametrize(
    "colour, accepted",
    [
        pytest.param("#ffee00", False, id="yellow-1.2-to-1"),
        pytest.param("#1d70b8", False, id="govuk-blue-5.2-to-1"),
        pytest.param("#00487a", True, id="essex-blue-9.5-to-1"),
        pytest.param("#005a36", True, id="norfolk-green-8.4-to-1"),
    ],
)
def test_header_colour_must_reach_7_to_1_with_white_text(council, colour, accepted):
    council.colour = colour
    if accepted:
        council.full_clean()
    else:
        with pytest.raises(ValidationError) as refused:
            council.full_clean()
        assert "colour" in refused.value.message_dict


def test_pale_colour_is_refused_with_a_sentence_in_the_admin(client, council):
    superuser = make_superuser()
    client.force_login(superuser)
    url = reverse("admin:services_council_change", args=[council.pk])
    data = {**form_data(client.get(url)), "colour": "#ffee00"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["colour"] == [
        "White text on #ffee00 has a contrast of only 1.2 to 1. The header needs at least 7 to "
        "1: choose a darker colour, like #00487a."
    ]


# Slugs -------------------------------------------------------------------------------------


def test_old_council_address_redirects_permanently_to_the_new_one(client, council):
    council.slug = "newshire"
    council.save()
    response = client.get("/testshire/services/?age=5")
    assert response.status_code == 301
    assert response["Location"] == "/newshire/services/?age=5"


def test_old_council_home_redirects_to_the_new_home(client, council):
    council.slug = "newshire"
    council.save()
    response = client.get("/testshire/")
    assert response.status_code == 301
    assert response["Location"] == "/newshire/"


def test_a_slug_changed_twice_redirects_both_old_slugs(client, council):
    council.slug = "second"
    council.save()
    council.slug = "third"
    council.save()
    assert client.get("/testshire/")["Location"] == "/third/"
    assert client.get("/second/")["Location"] == "/third/"


def test_a_new_council_may_take_an_old_slug(client, council):
    council.slug = "newshire"
    council.save()
    make_council("testshire", name="Another Testshire")
    assert client.get("/testshire/").status_code == 200
    assert not CouncilSlugRedirect.objects.filter(old_slug="testshire").exists()


def test_unknown_first_segment_is_still_not_found(client, council):
    assert client.get("/nowhere/").status_code == 404


def test_admin_warns_before_changing_a_slug(client, council):
    client.force_login(make_superuser())
    url = reverse("admin:services_council_change", args=[council.pk])
    data = {**form_data(client.get(url)), "slug": "newshire"}
    response = client.post(url, data)
    assert response.status_code == 200
    error = response.context["adminform"].form.errors["slug"][0]
    assert "from /testshire/ to /newshire/" in error
    assert "The old addresses will redirect" in error
    council.refresh_from_db()
    assert council.slug == "testshire"


def test_admin_changes_the_slug_once_confirmed(client, council):
    client.force_login(make_superuser())
    url = reverse("admin:services_council_change", args=[council.pk])
    data = {**form_data(client.get(url)), "slug": "newshire", "confirm_slug_change": "on"}
    assert client.post(url, data).status_code == 302
    council.refresh_from_db()
    assert council.slug == "newshire"
    assert client.get("/testshire/about/")["Location"] == "/newshire/about/"


# Live --------------------------------------------------------------------------------------


def test_a_new_council_starts_hidden(db):
    council = Council(slug="x", name="X", ons_code="E10000099", colour="#00487a")
    assert council.live is False


@pytest.fixture
def hidden(council):
    Council.objects.filter(pk=council.pk).update(live=False)
    return council


@pytest.mark.parametrize(
    "url",
    ["/testshire/", "/testshire/services/", "/testshire/about/", "/testshire/find-my-route/",
     "/testshire/open-referral/services", "/testshire/letters/"],
)
def test_a_hidden_council_is_not_found(client, hidden, url):
    assert client.get(url).status_code == 404


def test_a_hidden_council_is_absent_from_the_home_page(client, hidden):
    assert hidden.name not in client.get("/").content.decode()


def test_a_hidden_councils_services_are_absent_from_the_whole_feed(client, hidden):
    body = client.get("/open-referral/services").json()
    assert body["total_items"] == 0


def test_a_hidden_council_is_absent_from_the_deadline_calculator(client, hidden):
    assert hidden.name not in client.get("/tools/deadlines/").content.decode()


def test_only_a_superuser_may_switch_a_council_live(client, hidden):
    publisher = make_staff("pub", hidden, Role.PUBLISHER)
    client.force_login(publisher)
    url = reverse("admin:services_council_change", args=[hidden.pk])
    form = client.get(url).context["adminform"].form
    assert "live" not in form.fields


def test_a_superuser_switches_a_council_live(client, hidden):
    client.force_login(make_superuser())
    url = reverse("admin:services_council_change", args=[hidden.pk])
    data = {**form_data(client.get(url)), "live": "on"}
    assert client.post(url, data).status_code == 302
    assert client.get("/testshire/").status_code == 200


# Footer ------------------------------------------------------------------------------------


def test_footer_links_only_the_pages_the_council_has(client, db):
    council = make_council("footshire")
    make_page(council, slug="about", title="About")
    html = client.get("/footshire/").content.decode()
    assert 'href="/footshire/about/"' in html
    assert 'href="/footshire/complaints/"' not in html
    assert 'href="/footshire/accessibility/"' not in html
    assert 'href="/accessibility/"' in html


def make_superuser():
    return get_user_model().objects.create_superuser("root", "root@example.org", "x-Pass-123456")
