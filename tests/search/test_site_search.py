"""The site-wide search of a council, over the shipped content: what it shows and where."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _content(seeded_content):
    pass


def results(client, council, query):
    response = client.get(f"/{council}/search/", {"q": query})
    assert response.status_code == 200
    return response.context["results"]


def test_results_are_labelled_by_kind_with_a_one_line_summary(client):
    html = client.get("/essex/search/?q=turning+18").content.decode()
    assert '<strong class="govuk-tag govuk-tag--grey">Your rights</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--grey">Letter</strong>' in html
    for result in results(client, "essex", "turning 18"):
        assert result.summary and "\n" not in result.summary and len(result.summary) <= 200


def test_a_sentence_finds_the_pages_that_match_its_key_words(client):
    found = results(client, "essex", "how do I complain about social care")
    assert found[0].kind in {"Guide", "Your rights"}
    assert "complain" in found[0].title.lower()


def test_every_kind_of_page_can_be_found(client):
    kinds = {
        result.kind
        for query in ["autism", "complain", "phone number", "direct payment", "find my route"]
        for result in results(client, "stoke-on-trent", query)
    }
    assert {"Service", "Guide", "Your rights", "Letter", "Question", "Word explained",
            "Contact", "Tool"} <= kinds


def test_only_this_councils_services_and_pages_are_found(client):
    urls = [result.url for result in results(client, "bexley", "short breaks")]
    assert urls
    assert all(url.startswith(("/bexley/", "/rights/", "/glossary/", "/tools/")) for url in urls)


def test_site_wide_pages_found_keep_the_council(client):
    urls = [
        result.url
        for query in ["turning 18", "IASS", "deadline"]
        for result in results(client, "bexley", query)
        if not result.url.startswith("/bexley/")
    ]
    assert {url.split("/")[1] for url in urls} == {"rights", "glossary", "tools"}
    assert all("?council=bexley" in url for url in urls)


def test_nothing_found_suggests_what_to_try_and_who_to_call(client):
    response = client.get("/norfolk/search/?q=zebra+xylophone")
    html = response.content.decode()
    assert response.context["results"] == []
    assert "Nothing found" in html
    assert "check the spelling" in html


def test_a_misspelt_word_is_corrected_and_the_page_says_so(client):
    response = client.get("/essex/search/?q=asesment")
    assert response.context["results"]
    assert "you typed “asesment”" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/essex/", "/bexley/services/", "/norfolk/faq/", "/stoke-on-trent/letters/"]
)
def test_every_council_page_has_a_search_box_that_works_without_javascript(client, path):
    html = client.get(path).content.decode()
    slug = path.split("/")[1]
    start = html.index(f'<form class="lo-no-print govuk-!-margin-top-3" action="/{slug}/search/"')
    form = html[start: html.index("</form>", start)]
    assert 'method="get"' in form and 'name="q"' in form and "<button" in form
    assert '<label class="govuk-visually-hidden" for="site-q">' in form


def test_the_header_search_box_is_not_filled_with_the_directorys_words(client):
    html = client.get("/bexley/services/", {"q": "short breaks"}).content.decode()
    header_box = html[html.index('id="site-q"'):]
    assert header_box[: header_box.index(">")].count("short breaks") == 0


def test_site_wide_pages_have_no_council_search_box(client):
    assert 'id="site-q"' not in client.get("/glossary/").content.decode()


@pytest.mark.parametrize(
    "query", ["", "%00", "a" * 5000, "' OR 1=1 --", "<script>", "!!!", "😀", "the and of"]
)
def test_odd_input_gives_a_normal_page(client, query):
    response = client.get("/essex/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>")[1]
