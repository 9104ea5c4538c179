"""Search the service directory. The one place that knows how search works.

A parent's words go through three steps:

1. `clean_query`: NUL bytes and extra spaces go, the length is capped.
2. `parse`: the words are split into parts, and a part that is a synonym a council keeps in the
   admin ("respite", "CWD") also searches for what it means ("short breaks", "Children with
   Disabilities"). Council synonyms override national ones with the same term.
3. `rank`: on PostgreSQL, full-text search over the stored `search_vector` (weights: name A,
   summary B, description and who it is for C; kept by the trigger of migration 0003_search),
   ranked with `SearchRank`; when no service matches every word, trigram word similarity on the
   name instead, so that "aiming hi" and small misspellings still find "Aiming High".
   Elsewhere (SQLite), every part must appear in the name, summary, description or who it is
   for, and name matches come first.

Every part must match (parents see fewer, better results); a misspelt name still matches by
trigrams. The number of queries is the same whatever the results: one for synonyms, one to see
whether any service matches every word (PostgreSQL), then the page's count and rows. Filters
narrow the published services of one council before any ranking.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Lower

from services.models import Service, Synonym

MAX_QUERY_LENGTH = 200
# The longest synonym term matched, in words ("someone to talk to" is four).
MAX_SYNONYM_WORDS = 4
SEARCH_CONFIG = "english"
# A name matches when pg_trgm's word similarity reaches pg_trgm.word_similarity_threshold, by
# default 0.6: "aiming hi" scores 0.9 against "Aiming High", "aimng high" 0.64.
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Part:
    """Some words a parent typed, and what they mean when they are a synonym."""

    words: str
    means: str = ""


@dataclass(frozen=True)
class Filters:
    """Filters already checked against the choices on offer (see services/forms.py)."""

    category_ids: tuple = ()
    age: int | None = None
    level_ids: tuple = ()
    access: tuple = ()
    cost: tuple = ()
    route_type_ids: tuple = ()


@dataclass
class Results:
    services: object  # an ordered QuerySet of Service
    query: str = ""
    parts: list = field(default_factory=list)

    @property
    def synonyms_used(self):
        """The parts that were synonyms, to tell the parent what else was searched for."""
        return [part for part in self.parts if part.means]


def clean_query(text):
    """The query as searched: NUL bytes and extra spaces removed, length capped."""
    return " ".join((text or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH].strip()


def words_of(text):
    """Lower-case words, punctuation dropped: "CWD?" -> ["cwd"]."""
    return WORD.findall(text.lower())


def find_services(council, text, filters=None):
    """Published services of `council` that match `text` and `filters`, best first."""
    query = clean_query(text)
    services = filter_services(
        Service.objects.published().for_council(council).for_listing(), filters or Filters()
    )
    parts = parse(query, synonyms_for(council, query)) if words_of(query) else []
    return Results(services=rank(services, parts, query), query=query, parts=parts)



def search(services, text, council=None):
    """Rank any queryset of services by `text`, with the synonyms of `council` (or national ones).

    The Open Referral feed uses this for its `search` parameter, across one council or all.
    """
    query = clean_query(text)
    parts = parse(query, synonyms_for(council, query)) if words_of(query) else []
    return rank(services, parts, query)


def filter_services(services, filters):
    """Narrow services by every filter given; values within one filter are alternatives."""
    if filters.age is not None:
        services = services.for_age(filters.age)
    if filters.access:
        services = services.filter(access__in=filters.access)
    if filters.cost:
        services = services.filter(cost__in=filters.cost)
    # EXISTS on the link tables: no joins to multiply rows when several values are chosen.
    links = [
        (Service.categories.through, "category_id__in", filters.category_ids),
        (Service.levels.through, "levelofneed_id__in", filters.level_ids),
        (Service.route_types.through, "routetype_id__in", filters.route_type_ids),
    ]
    for through, lookup, ids in links:
        if ids:
            linked = through.objects.filter(service_id=OuterRef("pk"), **{lookup: ids})
            services = services.filter(LinkedTo(linked))
    return services


class LinkedTo(Exists):
    """EXISTS checked row by row, for the rows one council already has.

    OFFSET 0 stops PostgreSQL turning it into a join that reads the link rows of every council
    in the country (41,000 rows for one category at 150,000 services): that way the cost grows
    with the council, not with the country. Harmless elsewhere.
    """

    template = "EXISTS(%(subquery)s OFFSET 0)"


def synonyms_for(council, text):
    """{term: means} for the synonyms that occur in `text`: national, then the council's own."""
    words = words_of(text)
    phrases = {
        " ".join(words[start : start + size])
        for start in range(len(words))
        for size in range(1, MAX_SYNONYM_WORDS + 1)
        if start + size <= len(words)
    }
    if not phrases:
        return {}
    rows = (
        Synonym.objects.filter(
            Q(council=council) | Q(council__isnull=True) if council else Q(council__isnull=True)
        )
        .annotate(lower_term=Lower("term"))
        .filter(lower_term__in=phrases)
        .order_by(F("council").asc(nulls_first=True))
        .values_list("lower_term", "means")
    )
    return dict(rows)


def parse(text, synonyms):
    """Split `text` into parts, longest synonym first: "respite club" -> respite, club."""
    words = words_of(text)
    parts, start = [], 0
    while start < len(words):
        for size in range(min(MAX_SYNONYM_WORDS, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size])
            if phrase in synonyms:
                parts.append(Part(phrase, synonyms[phrase]))
                break
        else:
            size = 1
            parts.append(Part(phrase))
        start += size
    return parts


def rank(services, parts, query):
    """Order `services` by relevance to `parts`; with no words, alphabetically."""
    if not parts:
        return services.order_by("name")
    if connection.vendor == "postgresql":
        return _rank_postgresql(services, parts, query)
    return _rank_fallback(services, parts)


def _tsquery(parts):
    """Every part must match; a synonym matches by its own words or, as a phrase, its meaning."""
    plain = " ".join(part.words for part in parts if not part.means)
    tsquery = SearchQuery(plain, config=SEARCH_CONFIG, search_type="plain")
    for part in parts:
        if part.means:
            tsquery &= SearchQuery(
                part.words, config=SEARCH_CONFIG, search_type="plain"
            ) | SearchQuery(part.means, config=SEARCH_CONFIG, search_type="phrase")
    return tsquery


class WordSimilar(Func):
    """`text <% name`: pg_trgm word similarity at or above its threshold (0.6), indexable."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _rank_postgresql(services, parts, query):
    """Full-text matches by weighted rank; if there are none, names similar by trigrams."""
    tsquery = _tsquery(parts)
    text_matches = services.filter(search_vector=tsquery)
    # Trigrams only when no service matches every word: a trigram index scan costs more than
    # the whole full-text search at national scale, and a misspelling is what it is for.
    if text_matches.exists():
        return (
            text_matches.defer("search_vector")
            .annotate(score=SearchRank(F("search_vector"), tsquery))
            .order_by("-score", "name")
        )
    return (
        services.filter(WordSimilar(Value(query), F("name")))
        .annotate(score=TrigramWordSimilarity(query, "name"))
        .order_by("-score", "name")
    )


def _part_matches(part, fields):
    """Q: the part's words, or its meaning, appear in one of `fields`."""
    alternatives = [part.words] + ([part.means] if part.means else [])
    condition = Q()
    for text in alternatives:
        for name in fields:
            condition |= Q(**{f"{name}__icontains": text})
    return condition


def _rank_fallback(services, parts):
    text_fields = ["name", "summary", "description", "who_for"]
    name_hit = Q()
    for part in parts:
        services = services.filter(_part_matches(part, text_fields))
        name_hit &= _part_matches(part, ["name"])
    order = Case(When(name_hit, then=Value(0)), default=Value(1), output_field=IntegerField())
    return services.annotate(name_rank=order).order_by("name_rank", "name")
