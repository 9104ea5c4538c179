"""Searches that found nothing: what is kept, when staff see it, when it goes (privacy page)."""

import datetime
import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory

from core.caching import page_key
from services import search
from services.models import SearchGap, Synonym
from tests.factories import make_council, make_staff

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)


@pytest.fixture
def shire(db):
    return make_council("shire")


def record(council, text, day=MONDAY):
    search.record_nothing_found(council, text, today=day)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        pytest.param("Wheelchair", "wheelchair", id="lower-case"),
        pytest.param("help with my wheelchair for my son", "wheelchair", id="common-words-out"),
        pytest.param("turning 18 wheelchair", "turning 18 wheelchair", id="short-number-kept"),
        pytest.param("call me 07700 900123", "call", id="phone-number-out"),
        pytest.param("born 12/03/2015 xyzzy", "born 12 03 xyzzy", id="year-out"),
        pytest.param("ann@example.org", "ann example org", id="email-as-words"),
        pytest.param("a b c d e f g h i j k", "", id="single-letters-out"),
        pytest.param("one two three four five six seven", "one two three four five six",
                     id="six-words-at-most"),
    ],
)
def test_only_normalised_words_are_kept(typed, kept):
    assert search.gap_words(typed) == kept


def test_a_search_is_kept_as_words_council_week_and_count_only(client, shire):
    client.get("/shire/search/?q=Wheelchair+ramps", REMOTE_ADDR="203.0.113.9",
               HTTP_COOKIE="sessionid=abc")
    gap = SearchGap.objects.get()
    fields = {field.name for field in SearchGap._meta.concrete_fields}
    assert fields == {"id", "council", "words", "week", "count"}
    assert (gap.council, gap.words, gap.count) == (shire, "wheelchair ramps", 1)
    assert gap.week.weekday() == 0  # a Monday: no day, no time


def test_searches_in_one_week_add_to_one_count(shire):
    for day in range(7):
        record(shire, "wheelchair", MONDAY + datetime.timedelta(days=day))
    assert SearchGap.objects.get().count == 7


def test_a_search_that_found_something_is_not_counted(client, shire):
    Synonym.objects.create(term="zzz", means="x")
    client.get("/shire/search/?q=contact")  # the contact page is always there
    assert not SearchGap.objects.exists()


def test_the_directory_counts_a_search_that_found_nothing_without_filters(client, shire):
    client.get("/shire/services/?q=wheelchair")
    client.get("/shire/services/?q=wheelchair&cost=free")  # the filters may be why
    assert SearchGap.objects.get().count == 1


def shown():
    return [(row["words"], row["weeks"], row["searches"]) for row in SearchGap.objects.shown()]


def test_a_word_is_shown_only_after_5_searches(shire):
    for _ in range(4):
        record(shire, "wheelchair")
    assert shown() == []
    record(shire, "wheelchair")
    assert shown() == [("wheelchair", 1, 5)]


def test_a_word_is_shown_only_after_3_different_weeks(shire):
    record(shire, "hoist", MONDAY)
    record(shire, "hoist", MONDAY + datetime.timedelta(weeks=1))
    assert shown() == []
    record(shire, "hoist", MONDAY + datetime.timedelta(weeks=2))
    assert shown() == [("hoist", 3, 3)]


def test_counts_are_per_council(shire):
    other = make_council("other")
    for council in [shire, other, shire, other, shire]:
        record(council, "wheelchair")
    assert shown() == []


def test_counts_older_than_12_months_are_deleted_when_a_count_is_written(shire):
    record(shire, "old", MONDAY - datetime.timedelta(days=371))
    record(shire, "recent", MONDAY - datetime.timedelta(days=360))
    record(shire, "new", MONDAY)
    assert set(SearchGap.objects.values_list("words", flat=True)) == {"recent", "new"}


def test_the_prune_command_deletes_counts_older_than_12_months(shire):
    SearchGap.objects.create(council=shire, words="old", week=datetime.date(2020, 1, 6), count=9)
    call_command("prune_search_gaps", stdout=open("/dev/null", "w"))
    assert not SearchGap.objects.exists()


def test_no_search_words_reach_a_log(client, shire, caplog):
    with caplog.at_level(logging.DEBUG):
        client.get("/shire/search/?q=wheelchairsecret")
        client.get("/shire/services/?q=wheelchairsecret")
    assert "wheelchairsecret" not in caplog.text


@pytest.mark.parametrize(
    "path",
    ["/shire/search/?q=wheelchair", "/shire/services/?q=respite",
     "/shire/services/?q=respite&cost=free", "/shire/services/?cost=nonsense",
     "/shire/services/?utm_source=x", "/shire/services/?page=999"],
)
def test_a_page_with_words_or_unknown_parameters_is_not_kept_in_the_shared_cache(
    client, shire, path
):
    cache.clear()
    client.get(path)
    assert cache.get(page_key(RequestFactory().get(path))) is None
    assert "public" not in client.get(path).get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/shire/services/", "/shire/services/?cost=free&age=7"])
def test_a_page_of_known_choices_is_kept_in_the_shared_cache(client, shire, path):
    cache.clear()
    client.get(path)
    assert cache.get(page_key(RequestFactory().get(path))) is not None


# The report in the admin ---------------------------------------------------------------------


def test_staff_see_only_shown_words_of_their_own_council(client, shire):
    other = make_council("other")
    for _ in range(5):
        record(shire, "wheelchair")
        record(other, "hoist")
    record(shire, "rare")
    client.force_login(make_staff("ed", council=shire))
    html = client.get("/admin/services/searchgap/").content.decode()
    assert "wheelchair" in html
    assert "hoist" not in html and "rare" not in html


def test_add_as_a_synonym_creates_it_and_clears_the_counts(client, shire):
    for _ in range(5):
        record(shire, "wheelchair")
    client.force_login(make_staff("ed", council=shire))
    response = client.post(
        "/admin/services/searchgap/",
        {"council": shire.pk, "words": "wheelchair", "means": "equipment, adaptations"},
    )
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="wheelchair")
    assert (synonym.council, synonym.means) == (shire, "equipment, adaptations")
    assert synonym.source.startswith("Searches that found nothing")
    assert not SearchGap.objects.exists()


@pytest.mark.parametrize("words", ["rare", "hoist"])
def test_words_not_shown_to_this_user_cannot_be_added(client, shire, words):
    other = make_council("other")
    record(shire, "rare")
    for _ in range(5):
        record(other, "hoist")
    client.force_login(make_staff("ed", council=shire))
    client.post("/admin/services/searchgap/", {"council": shire.pk, "words": words, "means": "x"})
    client.post("/admin/services/searchgap/", {"council": other.pk, "words": words, "means": "x"})
    assert not Synonym.objects.exists()


def test_the_privacy_notice_says_what_is_kept(client):
    html = client.get("/privacy/").content.decode()
    for promise in ["we keep only", "the words, in small letters", "the week, not the day",
                    "at least 3 different weeks", "at least 5 times",
                    "delete counts after 12 months",
                    "IP address", "never written to a log"]:
        assert promise in html.replace("&#x27;", "'")
