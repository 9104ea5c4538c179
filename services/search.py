"""Search in parents' own words. The one place that knows how search works, for the service
directory, the Open Referral feed and a council's site-wide search.

A parent's words go through four steps (`understand`):

1. `clean_query`: NUL bytes and extra spaces go, the length is capped.
2. `correct`: a word the site never uses is replaced by the closest word it does use
   ("respitte" -> "respite", "asesment" -> "assessment"), by difflib against the council's own
   vocabulary (its services, pages, questions, the glossary, route types and synonyms), kept in
   the shared cache per content version. On PostgreSQL a service name also matches by pg_trgm
   when nothing else does.
3. `parse`: the words are split into parts, the longest synonym first ("someone to talk to"),
   and a part that is a synonym also searches for what it means (alternatives separated by
   commas: "money" -> "personal budget, direct payments"). Council synonyms override national
   ones with the same term. Common words ("my", "for", "help with") are dropped unless they
   belong to a synonym.
4. `rank`: a result needs one part to match; results matching more parts come first, then the
   weightier matches (a title above a summary above the text). Words match by their stem, so
   "breaks" finds "break" and "assessed" finds "assessment": on PostgreSQL by full-text search
   over the stored `search_vector` (the english configuration; trigger of migration
   0003_search); elsewhere, and for every page that is not a service, by the Snowball English
   stemmer (the same algorithm) in Python.

Filters narrow the published services of one council before any ranking.
"""

import datetime
import difflib
import math
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, reduce
from operator import or_

import snowballstemmer
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
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

from core.caching import current_versions, page_scopes
from services.models import (
    FAQ,
    GlossaryTerm,
    Page,
    SearchGap,
    Service,
    Synonym,
    linked_model,
)

MAX_QUERY_LENGTH = 200
# The longest synonym term matched, in words ("someone to talk to" is four).
MAX_SYNONYM_WORDS = 4
SEARCH_CONFIG = "english"
WORD = re.compile(r"\w+")
APOSTROPHE = re.compile(r"['\u2019]")
# Words that say little about what a parent is looking for. They need not match; inside a
# synonym ("help at home", "someone to talk to") they still count.
STOPWORDS = frozenset(
    """a about after all also am an and any anyone are as at be been before being but by can
    could did do does doing for from get gets getting go going got had has have having he help
    helps her here him his how i i'm if im in into is it its just know like looking may me
    might more most much must my need needed needs no not of on or our out please should so
    some something than that the their them then there these they this those to too up us
    very want wants was we were what when where which who why will with would you your""".split()
    # Who the help is for: on nearly every page, so they would rank pages that say nothing
    # else the parent asked for above the page that does.
    + "child children childs son sons daughter daughters kid kids".split()
)
# A misspelt word is corrected only when it is this long and this close to a word of the site.
MIN_CORRECTED_LENGTH = 4
CORRECTION_CUTOFF = 0.8
# Weights of where a word is found: a title, a summary, the rest of the text.
TITLE, SUMMARY, BODY = 3, 2, 1
_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def stem(word):
    return _stemmer.stemWord(word)


def words_of(text):
    """Lower-case words, punctuation dropped: "CWD?" -> ["cwd"], "carer's" -> ["carers"]."""
    return WORD.findall(APOSTROPHE.sub("", (text or "").lower()))


def stems_of(text):
    """Stems of the words that are not common words: "my autistic son" -> autist, son."""
    return tuple(stem(word) for word in words_of(text) if word not in STOPWORDS)


def key_words(text):
    """The words of `text` that are not common words, or all of them if all are common."""
    words = words_of(text)
    return [word for word in words if word not in STOPWORDS] or words


def clean_query(text):
    """The query as searched: NUL bytes and extra spaces removed, length capped."""
    return " ".join((text or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class Part:
    """Some words a parent typed, and what they mean when they are a synonym."""

    words: str
    means: str = ""

    # Worked out once per part: a search scores a few hundred pages against the same parts.
    @cached_property
    def alternatives(self):
        """The texts any of which matches this part: its words, then each meaning."""
        texts = [self.words] + [text.strip() for text in self.means.split(",") if text.strip()]
        return [text for text in texts if words_of(text)]

    @cached_property
    def stem_sets(self):
        return [tuple(stem(word) for word in key_words(text)) for text in self.alternatives]


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
class Understood:
    """What a parent's words were taken to mean."""

    query: str = ""
    parts: list = field(default_factory=list)
    corrections: dict = field(default_factory=dict)  # typed word -> the site's word

    @property
    def synonyms_used(self):
        """The parts that were synonyms, to tell the parent what else was searched for."""
        return [part for part in self.parts if part.means]


@dataclass
class Results(Understood):
    services: object = None  # an ordered QuerySet of Service


def understand(council, text):
    """Clean, correct and parse what a parent typed, with the synonyms of `council`."""
    query = clean_query(text)
    if not words_of(query):
        return Understood(query=query)
    corrected, corrections = correct(query, vocabulary(council))
    parts = parse(corrected, synonyms_for(council, corrected))
    return Understood(query=query, parts=parts, corrections=corrections)


def find_services(council, text, filters=None):
    """Published services of `council` that match `text` and `filters`, best first."""
    understood = understand(council, text)
    services = filter_services(
        Service.objects.published().for_council(council).for_listing(), filters or Filters()
    )
    return Results(
        query=understood.query,
        parts=understood.parts,
        corrections=understood.corrections,
        services=rank(services, understood.parts, understood.query),
    )


def search(services, text, council=None):
    """Rank any queryset of services by `text`, with the synonyms of `council` (or national ones).

    The Open Referral feed uses this for its `search` parameter, across one council or all.
    """
    understood = understand(council, text)
    return rank(services, understood.parts, understood.query)


# Vocabulary and corrections ------------------------------------------------------------------


def vocabulary(council):
    """The words the site uses for `council` (national words when None), per content version.

    Kept in the shared cache under the content versions it was built from, so an edit that adds
    a word makes it correctable at once.
    """
    scopes = page_scopes(council.slug) if council else page_scopes()
    versions = current_versions(scopes)
    key = f"search-vocabulary:{scopes[1]}:{'-'.join(map(str, versions))}"
    found = cache.get(key)
    if found is None:
        found = tuple(sorted(_site_words(council)))
        cache.set(key, found, timeout=24 * 3600)
    return found


def _site_words(council):
    texts = []
    synonyms = Synonym.objects.filter(Q(council=council) | Q(council__isnull=True))
    texts += [f"{term} {means}" for term, means in synonyms.values_list("term", "means")]
    texts += [f"{t} {e}" for t, e in GlossaryTerm.objects.values_list("term", "expansion")]
    texts += [f"{t} {s}" for t, s in linked_model("route_types").objects.values_list(
        "title", "summary")]
    if council is not None:
        services = Service.objects.published().for_council(council)
        texts += [f"{n} {s}" for n, s in services.values_list("name", "summary")]
        pages = Page.objects.published().for_council(council)
        texts += [f"{t} {s}" for t, s in pages.values_list("title", "summary")]
        texts += list(FAQ.objects.published().for_council(council).values_list(
            "question", flat=True))
    return {word for text in texts for word in words_of(text) if len(word) > 2}


def correct(text, vocabulary):
    """`text` with each word the site never uses replaced by the closest one it does use."""
    known = set(vocabulary)
    known_stems = {stem(word) for word in vocabulary}
    words, corrections = [], {}
    for word in words_of(text):
        if (
            len(word) >= MIN_CORRECTED_LENGTH
            and not word.isdigit()
            and word not in STOPWORDS
            and word not in known
            and stem(word) not in known_stems
        ):
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=CORRECTION_CUTOFF)
            if close:
                corrections[word] = close[0]
                word = close[0]
        words.append(word)
    return " ".join(words), corrections


# Synonyms and parts --------------------------------------------------------------------------


def phrase_key(text):
    """Words compared by their stems: "Carer's breaks" and "carers break" are one phrase."""
    return " ".join(stem(word) for word in words_of(text))


def synonyms_for(council, text):
    """{phrase key: means} for the synonyms that occur in `text`: national, then the council's.

    Terms are compared by the stems of their words, so a term matches its plurals and its
    punctuation does not matter. One query, whatever the text.
    """
    keys = [stem(word) for word in words_of(text)]
    phrases = {
        " ".join(keys[start : start + size])
        for start in range(len(keys))
        for size in range(1, MAX_SYNONYM_WORDS + 1)
        if start + size <= len(keys)
    }
    if not phrases:
        return {}
    rows = (
        Synonym.objects.filter(
            Q(council=council) | Q(council__isnull=True) if council else Q(council__isnull=True)
        )
        .order_by(F("council").asc(nulls_first=True))
        .values_list("term", "means")
    )
    found = {}
    for term, means in rows:
        key = phrase_key(term)
        if key in phrases:
            found[key] = means
    return found


def parse(text, synonyms):
    """Split `text` into parts, longest synonym first: "respite club" -> respite, club.

    A common word that is not part of a synonym is left out: "help with my son" -> son.
    """
    words = words_of(text)
    keys = [stem(word) for word in words]
    parts, start = [], 0
    while start < len(words):
        for size in range(min(MAX_SYNONYM_WORDS, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size])
            key = " ".join(keys[start : start + size])
            if key in synonyms:
                parts.append(Part(phrase, synonyms[key]))
                break
        else:
            size = 1
            if phrase not in STOPWORDS and Part(phrase) not in parts:
                parts.append(Part(phrase))
        start += size
    if not parts:  # only common words ("help"): search for them after all
        parts = [Part(word) for word in dict.fromkeys(words)]
    return parts


# Ranking any text ----------------------------------------------------------------------------


def index_text(weighted_texts):
    """{stem: the highest weight it appears with} for [(text, weight), ...]."""
    index = {}
    for text, weight in weighted_texts:
        for word in words_of(text):
            key = stem(word)
            if index.get(key, 0) < weight:
                index[key] = weight
    return index


def score(index, parts, rarity=None):
    """(how many parts match, how weighty the matches are) for an `index_text` index.

    A part matches when every stem of one of its alternatives is in the index. An alternative
    weighs the mean of what its words weigh where they are found (title, summary, text), each
    word times its `rarity` (a word on every page says little): the mean, so that a longer
    alternative ("social care" for "social services") does not outweigh a shorter one
    ("complaint") by its length alone. A part weighs what its matching alternatives weigh
    together: a page that says both "overnight" and "short breaks" answers "overnight stay"
    better than one that says only "short breaks".
    """
    rarity = rarity or {}
    matched = weight = 0
    for part in parts:
        best = 0
        for stems in part.stem_sets:
            if all(key in index for key in stems):
                best += sum(index[key] * rarity.get(key, 1) for key in stems) / len(stems)
        if best:
            matched += 1
            weight += best
    return matched, weight


def rarities(indexes, parts):
    """{stem: log(1 + how many pages / how many pages have it)} for the stems of `parts`."""
    keys = {key for part in parts for stems in part.stem_sets for key in stems}
    total = len(indexes) or 1
    counts = dict.fromkeys(keys, 0)
    for index in indexes:
        for key in keys:
            if key in index:
                counts[key] += 1
    return {key: math.log(1 + total / count) for key, count in counts.items() if count}


@dataclass
class Document:
    """Something a parent can read, as the site-wide search shows and ranks it."""

    kind: str  # "Service", "Guide", "Your rights"...
    title: str
    summary: str
    url: str
    index: dict = field(default_factory=dict, repr=False)
    order: int = 5  # among equal matches, lower kinds first
    found: bool = False  # already found by the database (a name matched by trigrams)
    boost: float = 1.0  # below 1 for pages that explain a word rather than answer a need

    @classmethod
    def of(cls, kind, title, summary, url, body="", order=5, boost=1.0):
        index = index_text([(title, TITLE), (summary, SUMMARY), (body, BODY)])
        return cls(kind, title, summary, url, index, order, boost=boost)


def rank_documents(documents, parts):
    """The documents matching at least one part, best first, as (document, matched) pairs."""
    scored = []
    rarity = rarities([document.index for document in documents], parts)
    for position, document in enumerate(documents):
        matched, weight = score(document.index, parts, rarity)
        if document.found:
            matched = max(matched, 1)
        if matched:
            key = (-matched, -weight * document.boost, document.order, position)
            scored.append((key, document, matched))
    scored.sort(key=lambda row: row[0])
    return [(document, matched) for _key, document, matched in scored]


# Ranking services ----------------------------------------------------------------------------


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


def rank(services, parts, query):
    """Order `services` by relevance to `parts`; with no words, alphabetically."""
    if not parts:
        return services.order_by("name")
    if connection.vendor == "postgresql":
        return _rank_postgresql(services, parts, query)
    return _rank_fallback(services, parts)


def _part_tsquery(part):
    """A part matches by any of its alternatives; an alternative by all of its words."""
    queries = [
        SearchQuery(" ".join(key_words(text)), config=SEARCH_CONFIG, search_type="plain")
        for text in part.alternatives
    ]
    return reduce(or_, queries)


class WordSimilar(Func):
    """`text <% name`: pg_trgm word similarity at or above its threshold (0.6), indexable."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _rank_postgresql(services, parts, query):
    """Full-text matches, most parts first, then by weighted rank; else names by trigrams."""
    part_queries = [_part_tsquery(part) for part in parts if part.alternatives]
    if part_queries:
        any_part = reduce(or_, part_queries)
        text_matches = services.filter(search_vector=any_part)
        # Trigrams only when no service matches a word: a trigram index scan costs more than
        # the whole full-text search at national scale, and a misspelling is what it is for.
        if text_matches.exists():
            matched = reduce(
                lambda total, one: total + one,
                [
                    Case(When(search_vector=q, then=Value(1)), default=Value(0),
                         output_field=IntegerField())
                    for q in part_queries
                ],
            )
            return (
                text_matches.defer("search_vector")
                .annotate(matched=matched, score=SearchRank(F("search_vector"), any_part))
                .order_by("-matched", "-score", "name")
            )
    return (
        services.filter(WordSimilar(Value(query), F("name")))
        .annotate(score=TrigramWordSimilarity(query, "name"))
        .order_by("-score", "name")
    )


SERVICE_FIELDS = ("name", "summary", "description", "who_for")


def service_index(name, summary, description, who_for):
    return index_text([(name, TITLE), (summary, SUMMARY), (f"{description} {who_for}", BODY)])


def _rank_fallback(services, parts):
    """Score each service in Python, with the same stems as every other page."""
    scored = []
    for pk, *texts in services.values_list("pk", *SERVICE_FIELDS):
        matched, weight = score(service_index(*texts), parts)
        if matched:
            scored.append((-matched, -weight, texts[0], pk))
    ids = [row[-1] for row in sorted(scored)]
    if not ids:
        return services.none()
    order = Case(
        *[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return services.filter(pk__in=ids).annotate(position=order).order_by("position")


# Searches that found nothing -------------------------------------------------------------------

# At most this many words of a search are counted, and no number longer than 2 digits (a
# phone number, a date of birth or a reference number says who someone is; "18" does not).
MAX_GAP_WORDS = 6
GAP_WORD = re.compile(r"^(?:[^\W\d_]{2,30}|\d{1,2})$")


def gap_words(text):
    """What a search that found nothing is counted as: "My son's ASD!" -> "sons asd"."""
    words = [word for word in key_words(clean_query(text)) if GAP_WORD.match(word)]
    return " ".join(dict.fromkeys(words[:MAX_GAP_WORDS]))[:100]


def monday(day):
    return day - datetime.timedelta(days=day.weekday())


def record_nothing_found(council, text, today=None):
    """Count one search of `council` that found nothing, as its words and its week only.

    Counts older than 12 months are deleted at the same time.
    """
    words = gap_words(text)
    if not words:
        return
    week = monday(today or datetime.date.today())
    gaps = SearchGap.objects.filter(council=council, words=words, week=week)
    if not gaps.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                SearchGap.objects.create(council=council, words=words, week=week, count=1)
        except IntegrityError:  # another request created it first
            gaps.update(count=F("count") + 1)
    prune_search_gaps(today)


def prune_search_gaps(today=None):
    """Delete counts older than 12 months; returns how many rows went."""
    oldest = (today or datetime.date.today()) - datetime.timedelta(days=SearchGap.KEEP_DAYS)
    return SearchGap.objects.filter(week__lt=oldest).delete()[0]
