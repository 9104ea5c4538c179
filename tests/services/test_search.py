"""Search in the service directory: synonyms, ranking, drafts, paging, odd input, query counts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate_synthetic import generate
from services import search
from services.models import Council, Service, Synonym
from tests.factories import make_council, make_full_council, make_service
from tests.services.directory import DRAFT, make_directory, names

pytestmark = pytest.mark.django_db

on_postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="trigram similarity and the search-vector trigger exist only on PostgreSQL",
)


@pytest.fixture
def shire(db):
    return make_directory("shire")


def get(client, query_string):
    cache.clear()  # these tests read the rendered context, not a cached page
    return client.get(f"/shire/services/?{query_string}")


def test_respite_finds_the_short_breaks_services(client, shire):
    response = get(client, "q=respite")
    assert set(names(response)) == {"Aiming High", "Overnight stays"}
    assert "We also searched for “short breaks” (for “respite”)" in response.content.decode()


def test_cwd_finds_the_children_with_disabilities_team_first(client, shire):
    found = names(get(client, "q=CWD"))
    assert found[0] == "Children with Disabilities Team"
    # The forum says "CWD" and "children with disabilities" often, but only in its description.
    assert "Parent carer forum" in found


@pytest.mark.parametrize("query", ["SALT", "salt", "speech"])
def test_speech_therapy_is_found_by_its_acronym_and_its_words(client, shire, query):
    assert names(get(client, f"q={query}"))[0] == "Speech and language therapy"


@on_postgresql_only
@pytest.mark.parametrize(
    "query",
    [
        pytest.param("aiming hi", id="half-typed"),
        pytest.param("aimng high", id="letter-missing"),
        pytest.param("Aiming Hihg", id="letters-swapped"),
    ],
)
def test_small_misspellings_find_aiming_high_on_postgresql(client, shire, query):
    assert names(get(client, f"q={query}"))[0] == "Aiming High"


def test_a_name_match_ranks_above_a_description_match(client, shire):
    council = shire
    make_service(council, slug="swim-a", name="Swimming club", summary="In the pool.")
    make_service(
        council, slug="swim-b", name="Alpha leisure", summary="Sport.",
        description="Swimming, swimming lessons and more swimming in every swimming session.",
    )
    assert names(get(client, "q=swimming")) == ["Swimming club", "Alpha leisure"]


def test_a_service_matching_more_words_comes_first(client, shire):
    # Both are short breaks; only Overnight stays is residential.
    assert names(get(client, "q=short+breaks+residential")) == ["Overnight stays", "Aiming High"]


def test_common_words_need_not_match(client, shire):
    assert names(get(client, "q=help+with+speech+for+my+son"))[0] == "Speech and language therapy"


def test_a_query_of_common_words_only_still_searches_for_them(client, shire):
    assert search.parse("help", {}) == [search.Part("help")]


def test_a_councils_own_synonym_overrides_the_national_one(client, shire):
    Synonym.objects.create(term="respite", means="overnight", council=shire)
    assert names(get(client, "q=respite")) == ["Overnight stays"]


def test_another_councils_synonym_is_not_used(client, shire):
    Synonym.objects.create(term="sleepover", means="overnight", council=make_council("other"))
    assert names(get(client, "q=sleepover")) == []


def test_a_draft_never_appears_in_results_or_counts(client, shire):
    for query_string in ["", "q=holiday", "q=respite", "category=short-breaks", "age=10"]:
        response = get(client, query_string)
        assert "Holiday short breaks" not in response.content.decode()
        assert not response.context["page"].paginator.object_list.filter(slug=DRAFT).exists()
    assert get(client, "q=respite").context["page"].paginator.count == 2


def test_another_councils_services_never_appear(client, shire):
    other = make_council("elsewhere")
    make_service(other, slug="aiming-high", name="Aiming High elsewhere")
    assert names(get(client, "q=aiming")) == ["Aiming High"]


def test_page_two_exists_when_results_exceed_a_page(client):
    make_full_council("shire", services=25)
    first = client.get("/shire/services/?q=service&age=4")
    assert first.context["page"].paginator.num_pages == 2
    assert 'href="?q=service&amp;age=4&amp;page=2"' in first.content.decode()
    second = client.get("/shire/services/?q=service&age=4&page=2")
    assert len(second.context["page"].object_list) == 5
    assert "(page 2 of 2)" in second.content.decode()


def test_no_results_suggests_what_to_try_and_the_councils_contact(client, shire):
    html = get(client, "q=zebra+crossing").content.decode()
    assert "No services found" in html
    assert "checking the spelling" in html
    assert "0300 000 0000" in html  # the council's front door


LONG = "respite " * 1250  # 10,000 characters


@pytest.mark.parametrize(
    "query_string",
    [
        pytest.param("q=", id="empty-q"),
        pytest.param(f"q={LONG}", id="10000-characters"),
        pytest.param("q=%27%3B+DROP+TABLE+services_service%3B--", id="sql-metacharacters"),
        pytest.param("q=%22+OR+1%3D1+%7C+%21+%26+%3A*+%3C-%3E", id="tsquery-operators"),
        pytest.param("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", id="html"),
        pytest.param("q=res%00pite", id="nul-in-q"),
        pytest.param("age=%00&category=%00&page=%00", id="nul-in-filters"),
        pytest.param("q=%E2%80%AE%F0%9F%98%80%C3%A9", id="unicode"),
        pytest.param("category=nonsense&cost=priceless&access=x&level=9z&route=x", id="unknown"),
        pytest.param("age=abc", id="age-abc"),
        pytest.param("age=-3", id="age-negative"),
        pytest.param("age=999999999999999999999", id="age-huge"),
        pytest.param("page=-1", id="page-negative"),
        pytest.param("page=abc", id="page-abc"),
        pytest.param("page=99999999999999999999", id="page-huge"),
        pytest.param("q=a&q=b&age=1&age=2", id="repeated"),
        pytest.param("q=%25%5F%5C", id="like-wildcards"),
    ],
)
def test_odd_input_gives_a_normal_page_never_a_500(client, shire, query_string):
    response = get(client, query_string)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "\x00" not in html


def test_a_bad_age_is_explained_and_the_other_filters_still_apply(client, shire):
    response = get(client, "age=abc&category=short-breaks")
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "Enter your child&#x27;s age in years" in html
    assert set(names(response)) == {"Aiming High", "Overnight stays"}


def test_a_long_query_is_shortened_and_the_page_says_so(client, shire):
    response = get(client, f"q={LONG}")
    assert 190 < len(response.context["query"]) <= search.MAX_QUERY_LENGTH
    assert "only its first 200 characters" in response.content.decode()


FULL = (
    "/{slug}/services/?q=service&age=5&category=short-breaks&access=self-referral"
    "&cost=free&level=1&route=short-breaks"
)


@pytest.mark.parametrize(
    "template",
    [
        pytest.param("/{slug}/services/?q=service", id="search"),
        pytest.param("/{slug}/services/?q=respite", id="synonym"),
        pytest.param(FULL, id="search-and-every-filter"),
        pytest.param("/{slug}/services/?category=short-breaks&page=2", id="filter-page-2"),
    ],
)
def test_search_queries_do_not_grow_with_results(client, template):
    Synonym.objects.create(term="respite", means="service")
    make_full_council("small", services=10)
    make_full_council("large", services=40)
    counts = []
    for slug in ("small", "large"):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(template.format(slug=slug))
        assert response.status_code == 200
        assert response.context["page"].object_list
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_search_page_runs_a_known_number_of_queries(client, django_assert_num_queries):
    make_full_council("shire", services=40)
    # council, categories, route types, levels (the filters' choices), synonyms, count, the
    # page with its councils (a list shows nothing else of a service), last reviewed, glossary
    # acronyms and the site's vocabulary (6: synonyms, glossary, route types, services, pages,
    # questions; once per content change), the council's pages the footer links; and on
    # PostgreSQL whether any service matches a word, elsewhere the services' words to score them
    with django_assert_num_queries(17):
        client.get(FULL.format(slug="shire"))


@pytest.mark.parametrize(
    ("text", "synonyms", "expected"),
    [
        pytest.param("autism club", {}, [("autism", ""), ("club", "")], id="plain-words"),
        pytest.param(
            "help with my autistic son", {}, [("autistic", "")], id="common-words-left-out",
        ),
        pytest.param(
            "Carers breaks", {"carer's break": "short breaks"},
            [("carers breaks", "short breaks")], id="by-stems-without-punctuation",
        ),
        pytest.param(
            "Respite club", {"respite": "short breaks"},
            [("respite", "short breaks"), ("club", "")], id="synonym-any-case",
        ),
        pytest.param(
            "CWD?", {"cwd": "Children with Disabilities"},
            [("cwd", "Children with Disabilities")], id="punctuation",
        ),
        pytest.param(
            "someone to talk to", {"someone to talk to": "advice", "talk": "chat"},
            [("someone to talk to", "advice")], id="longest-first",
        ),
    ],
)
def test_parse_finds_synonyms(text, synonyms, expected):
    keyed = {search.phrase_key(term): means for term, means in synonyms.items()}
    parts = search.parse(text, keyed)
    assert [(part.words, part.means) for part in parts] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(None, "", id="none"),
        pytest.param("  short \t breaks \n", "short breaks", id="spaces"),
        pytest.param("res\x00pite", "res pite", id="nul"),
        pytest.param("x" * 300, "x" * 200, id="long"),
    ],
)
def test_clean_query(text, expected):
    assert search.clean_query(text) == expected


@on_postgresql_only
def test_search_vectors_are_right_after_bulk_create_and_update(client):
    council = make_full_council("bulk", services=3)  # bulk_create: no save() runs
    assert not Service.objects.filter(search_vector__isnull=True).exists()
    Service.objects.filter(slug="service-2").update(name="Hydrotherapy pool")
    assert names(client.get("/bulk/services/?q=hydrotherapy")) == ["Hydrotherapy pool"]
    service = council.services.get(slug="service-3")
    service.summary = "Makaton signing lessons."
    service.save()
    assert names(client.get("/bulk/services/?q=makaton")) == ["Service 3"]


def test_generated_services_are_synthetic_deterministic_and_searchable(client):
    generate(services=40, councils=3, seed=7)
    first = list(Service.objects.order_by("slug").values_list("slug", "name", "council__slug"))
    generate(services=40, councils=3, seed=7, replace=True)
    again = list(Service.objects.order_by("slug").values_list("slug", "name", "council__slug"))
    assert first == again
    generate(services=60, councils=3, seed=7)  # tops up
    assert Service.objects.count() == 60
    assert set(Service.objects.values_list("source", flat=True)) == {"synthetic"}
    assert all(name.endswith("(synthetic)") for name in
               Service.objects.values_list("council__name", flat=True))
    generate(services=0, replace=True)
    assert not Service.objects.exists()
    assert not Council.objects.exists()
    generate(services=60, councils=3, seed=7)
    service = Service.objects.published().first()
    word = service.name.split()[0]
    response = client.get(f"/{service.council.slug}/services/?q={word}")
    assert service.name in names(response)
