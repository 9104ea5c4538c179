"""Benchmark: how long the service search takes as the directory grows.

Run on an empty PostgreSQL database of its own (see bench/README.md, "Search"):

    createdb -h 127.0.0.1 -U postgres lo_search_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lo_search_bench .venv/bin/python bench/search.py
    dropdb -h 127.0.0.1 -U postgres lo_search_bench

For 1k, 10k, 50k and 150k synthetic services over 150 synthetic councils
(`bench/generate_synthetic.py`: council sizes fall off as 1/sqrt(rank), so the biggest council
holds about 4% of everything),
it times a fixed mix of searches in the biggest council, each exactly as the directory page runs
it (the count, then the first page of 20 with what a list shows) or as the
site-wide search finds its results, and prints the median and 95th percentile, and
time(150k)/time(1k).
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localoffer.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from bench.generate_synthetic import generate  # noqa: E402
from localoffer import site_search  # noqa: E402
from services import search  # noqa: E402
from services.models import Category, Council  # noqa: E402

SIZES = [1_000, 10_000, 50_000, 150_000]
COUNCILS = 150
WARM_UP = 3
RUNS = 25
PAGE_SIZE = 20
SITE = "site-wide"
# name, query, filters (category slug, age): what parents type, from commonest to rarest.
MIX = [
    ("common term", "support", None),
    ("rare term", "hydrotherapy", None),
    ("two terms", "autism swimming", None),
    ("misspelt", "trampolinning", None),
    ("filtered by age and category", "", ("short-breaks", 7)),
    ("term, age and category", "club", ("short-breaks", 7)),
    # The site-wide search (/<council>/search/): services ranked by the database, merged with
    # every other page of the council.
    ("site-wide: one word", "support", SITE),
    ("site-wide: a sentence", "someone to talk to about my autistic son", SITE),
    ("site-wide: misspelt", "respitte", SITE),
]
TARGETS_MS = {
    "common term": 150, "rare term": 50, "filtered by age and category": 50,
    "site-wide: one word": 100, "site-wide: a sentence": 100, "site-wide: misspelt": 100,
}


def run_search(council, query, filters):
    """What the directory page does with the database: count, then one page of results."""
    if filters == SITE:
        _understood, results = site_search.find(council, query)
        return len(results), results
    if filters:
        slug, age = filters
        filters = search.Filters(category_ids=(Category.objects.get(slug=slug).pk,), age=age)
    results = search.find_services(council, query, filters)
    page = Paginator(results.services, PAGE_SIZE).get_page(1)
    return page.paginator.count, list(page.object_list)


def time_ms(council, query, filters):
    samples = []
    for run in range(WARM_UP + RUNS):
        started = time.perf_counter()
        count, _ = run_search(council, query, filters)
        if run >= WARM_UP:
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return statistics.median(samples), p95, samples[0], count


def main():
    if connection.vendor != "postgresql":
        sys.exit("bench/search.py needs PostgreSQL: set DATABASE_URL (see bench/README.md)")
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)
    print(f"database {connection.settings_dict['NAME']}, PostgreSQL "
          f"{connection.cursor().connection.server_version}, {os.cpu_count()} CPUs")
    medians = {}
    for size in SIZES:
        started = time.perf_counter()
        generate(services=size, councils=COUNCILS, seed=1)
        generated = time.perf_counter() - started
        council = (
            Council.objects.filter(source="synthetic")
            .annotate(n=Count("services"))
            .order_by("-n")
            .first()
        )
        print(f"\n{size:,} services ({generated:.0f} s to generate); "
              f"biggest council {council.slug} has {council.n:,}; "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"  {'query':32} {'results':>8} {'median ms':>10} {'p95 ms':>8} {'min ms':>7}"
              "  target p95")
        for name, query, filters in MIX:
            median, p95, fastest, count = time_ms(council, query, filters)
            medians[(name, size)] = median
            target = TARGETS_MS.get(name)
            verdict = ""
            if target and size == SIZES[-1]:
                verdict = f"< {target} ms: {'met' if p95 < target else 'NOT MET'}"
            print(f"  {name:32} {count:>8,} {median:>10.1f} {p95:>8.1f} {fastest:>7.1f}  {verdict}")
    print(f"\nratio median time({SIZES[-1]:,}) / time({SIZES[0]:,}), target < 10:")
    for name, _query, _filters in MIX:
        ratio = medians[(name, SIZES[-1])] / medians[(name, SIZES[0])]
        print(f"  {name:32} {ratio:5.1f}  {'met' if ratio < 10 else 'NOT MET'}")


if __name__ == "__main__":
    main()
