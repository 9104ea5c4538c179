"""Search quality over the shipped content: parents' queries find the page that answers them.

The queries and the page each should find are in tests/search/queries.py. Run on SQLite and on
PostgreSQL (services are ranked by each database's own engine, then merged with every other
page by the same rule).
"""

import pytest

from localoffer.site_search import find
from services.models import Council
from tests.search.queries import QUERIES

pytestmark = pytest.mark.django_db

TOP = 5
REQUIRED_HIT_RATE = 0.9
ANSWER_KINDS = {"Guide", "Your rights"}


@pytest.fixture(scope="module")
def found(seeded_content, django_db_blocker):
    """{query: (the addresses found, best first), the kinds of the first five}."""
    with django_db_blocker.unblock():
        councils = {council.slug: council for council in Council.objects.all()}
        answers = {}
        for query in QUERIES:
            _understood, results = find(councils[query.council], query.text)
            urls = [document.url for document, _matched in results]
            answers[query] = (urls, {document.kind for document, _matched in results[:TOP]})
        return answers


def test_there_are_at_least_40_queries_across_the_four_councils():
    assert len(QUERIES) >= 40
    assert {query.council for query in QUERIES} == {"essex", "bexley", "norfolk", "stoke-on-trent"}
    assert len({(query.council, query.text) for query in QUERIES}) == len(QUERIES)


def test_at_least_90_percent_find_their_page_in_the_top_5(found):
    misses = [
        f"{query.council}: {query.text!r} wants {query.expected}, got {urls[:TOP]}"
        for query, (urls, _kinds) in found.items()
        if not set(query.addresses) & set(urls[:TOP])
    ]
    rate = 1 - len(misses) / len(QUERIES)
    hits = len(QUERIES) - len(misses)
    print(f"search quality: {rate:.0%} in the top {TOP} ({hits}/{len(QUERIES)})")
    assert rate >= REQUIRED_HIT_RATE, "\n".join(misses)


@pytest.mark.parametrize(
    "query", [query for query in QUERIES if query.process], ids=lambda query: query.text
)
def test_a_question_about_a_process_finds_a_guide_or_rights_page(found, query):
    _urls, kinds = found[query]
    assert kinds & ANSWER_KINDS


def test_every_expected_page_exists(client, found):
    for query in QUERIES:
        statuses = [client.get(address.split("#")[0]).status_code for address in query.addresses]
        assert 200 in statuses, query.expected
