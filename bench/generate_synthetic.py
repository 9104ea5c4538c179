"""Generate synthetic councils and services for benchmarks and scale tests.

    .venv/bin/python bench/generate_synthetic.py --services N --councils M [--seed S] [--replace]

(bench/search.py and the scale tests call `generate()` directly.)

Everything it makes is marked synthetic: council slugs start `synthetic-`, names end
"(synthetic)", ONS codes start E99 (no real area uses it) and every row's source is
"synthetic". `make run` never calls it; `load_content` never loads it.

The same arguments always give the same data (each service draws from its own seeded random
generator), and a larger --services tops up what is there, so a benchmark can grow the data
from 1,000 to 150,000 services without starting again.
"""

import argparse
import functools
import itertools
import os
import random
import sys
import uuid
from datetime import date
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localoffer.settings")
    import django

    django.setup()

from django.db import connection, transaction  # noqa: E402

from core.models import months_after  # noqa: E402
from eligibility.models import LevelOfNeed, RouteType  # noqa: E402
from services.models import ORUK_NAMESPACE, Category, Council, Service  # noqa: E402

SOURCE = "synthetic"
SLUG_PREFIX = "synthetic-"
REVIEWED = date(2026, 11, 1)
BATCH = 5000

# Words from social care directories: what services are called and what they say they do.
PLACES = [
    "Riverside", "Northfield", "Oakwood", "Meadow", "Hillside", "Brookside", "Castle",
    "Westgate", "Eastbrook", "Southmead", "Kingsway", "Millbrook", "Parkside", "Greenacre",
    "Ashford", "Beacon", "Harbour", "Orchard", "Willow", "Elmtree", "Rainbow", "Sunflower",
]
ACTIVITIES = [
    ("sensory play", "short-breaks"), ("youth club", "short-breaks"),
    ("holiday club", "short-breaks"), ("overnight short breaks", "short-breaks"),
    ("after-school club", "childcare"), ("sitting service", "short-breaks"),
    ("swimming sessions", "short-breaks"), ("trampolining", "short-breaks"),
    ("drama group", "short-breaks"), ("music group", "short-breaks"),
    ("football club", "short-breaks"), ("cookery club", "preparing-for-adulthood"),
    ("parent carer forum", "information-advice"), ("autism parent support", "carers"),
    ("ADHD parent workshops", "carers"), ("family support", "early-help"),
    ("early help", "early-help"), ("befriending", "short-breaks"),
    ("speech and language therapy", "health"), ("occupational therapy", "health"),
    ("physiotherapy", "health"), ("wheelchair service", "health"),
    ("continence service", "health"), ("portage", "education"),
    ("SEND information advice and support", "information-advice"),
    ("independent travel training", "preparing-for-adulthood"),
    ("supported internships", "preparing-for-adulthood"),
    ("transition to adult services", "preparing-for-adulthood"),
    ("direct payments advice", "social-care"), ("personal budgets", "social-care"),
    ("carers support", "carers"), ("young carers group", "carers"),
    ("children's social work", "social-care"), ("disabled children's team", "social-care"),
    ("childminding", "childcare"), ("nursery inclusion", "childcare"),
    ("safeguarding advice", "safeguarding"), ("sleep support", "health"),
    ("wellbeing counselling", "health"), ("housing advice", "preparing-for-adulthood"),
]
KINDS = ["group", "club", "service", "sessions", "team", "drop-in", "project", "scheme"]
NEEDS = [
    "autism", "ADHD", "learning disabilities", "Down syndrome", "cerebral palsy",
    "epilepsy", "visual impairment", "hearing impairment", "complex medical needs",
    "physical disabilities", "speech and language needs", "social, emotional and mental health "
    "needs", "sensory processing difficulties", "life-limiting conditions",
]
OFFERS = [
    "activities in the evenings and at weekends", "a break for parents and carers",
    "support to make friends", "one-to-one support from trained staff",
    "help to build confidence and independence", "advice about benefits and money",
    "support with sleep and behaviour", "a safe place to try new things",
    "group sessions led by specialist staff", "help to plan for the future",
    "practical support at home", "time with other families who understand",
]
WHERE = [
    "at the local leisure centre", "in a community centre", "at home", "at school",
    "in a specialist setting", "online and by phone", "across the county", "in the town centre",
]
# A rare word, so the benchmark has a term that few services use.
RARE = ["hydrotherapy", "makaton signing", "rebound therapy", "equine therapy"]
AGE_RANGES = [(0, 5), (0, 18), (5, 18), (8, 18), (11, 25), (14, 25), (16, 25), (0, 25)]


@functools.cache
def council_weights(count):
    """Cumulative weights: some councils are much bigger than others (weight 1/sqrt(rank))."""
    return list(itertools.accumulate(1 / (rank + 1) ** 0.5 for rank in range(count)))


def council_for(number, seed, councils):
    """Which council (by rank) synthetic service `number` belongs to."""
    rng = random.Random(f"{seed}:{number}:council")
    return rng.choices(range(councils), cum_weights=council_weights(councils))[0]


def service_fields(number, seed):
    """The text and settings of synthetic service `number`, the same for the same seed."""
    rng = random.Random(f"{seed}:{number}")
    place, (activity, category), kind = (
        rng.choice(PLACES), rng.choice(ACTIVITIES), rng.choice(KINDS)
    )
    need, other_need = rng.sample(NEEDS, 2)
    offers = rng.sample(OFFERS, 3)
    min_age, max_age = rng.choice(AGE_RANGES)
    rare = rng.choice(RARE) if rng.random() < 0.01 else ""
    description = (
        f"{place} {activity} offers {offers[0]}, {offers[1]} and {offers[2]}. "
        f"Sessions run {rng.choice(WHERE)}. Staff are trained to support children and young "
        f"people with {need} or {other_need}. "
        + (f"Sessions include {rare}. " if rare else "")
        + "Parents and carers can stay, or have a break while their child takes part. "
        "We work with schools, health visitors and the council's social care teams."
    )
    return {
        "slug": f"synthetic-service-{number:06d}",
        "name": f"{place} {activity} {kind}"[:200],
        "summary": f"{activity[0].upper()}{activity[1:]} for children and young people "
        f"with {need}.",
        "description": description,
        "who_for": f"Children and young people aged {min_age} to {max_age} with {need}, "
        "and their families.",
        "how_to_get": "1. Call or email us.\n2. We talk to you about your child's needs.",
        "access": rng.choice(["self-referral", "self-referral", "professional", "assessment"]),
        "cost": rng.choice(["free", "free", "contribution"]),
        "min_age": min_age,
        "max_age": max_age,
        "status": "draft" if rng.random() < 0.05 else "published",
        "category": category,
        "rng": rng,
    }


class SyntheticError(ValueError):
    """Arguments that cannot be met; the message is one line."""


def generate(services, councils=150, seed=1, replace=False):
    """Make `services` synthetic services over `councils` councils; returns a one-line summary."""
    return Generator().handle(services=services, councils=councils, seed=seed, replace=replace)


class Generator:
    def handle(self, *, services, councils, seed, replace):
        if services < 0 or not 1 <= councils <= 999_999:
            raise SyntheticError("--services must be 0 or more and --councils 1 to 999999")
        synthetic = Council.objects.filter(slug__startswith=SLUG_PREFIX, source=SOURCE)
        with transaction.atomic():
            if replace:
                synthetic.delete()
            if services == 0:
                return "No synthetic services."
            made = self.ensure_councils(councils)
            existing = Service.objects.filter(council__in=made, source=SOURCE).count()
            if existing > services:
                raise SyntheticError(
                    f"{existing} synthetic services exist; use --replace to have fewer"
                )
            self.add_services(made, range(existing + 1, services + 1), seed)
        self.refresh_statistics()
        return f"{services} synthetic services over {councils} synthetic councils."

    def refresh_statistics(self):
        """Give PostgreSQL's planner the new row counts, as autovacuum would a little later."""
        if connection.vendor != "postgresql":
            return
        # VACUUM cannot run inside a transaction (tests run in one); ANALYZE can.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        models = [Service, LevelOfNeed] + [
            link.through for link in (Service.categories, Service.route_types, Service.levels)
        ]
        tables = [model._meta.db_table for model in models]
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"{command} {connection.ops.quote_name(table)}")

    def ensure_councils(self, count):
        existing = {c.slug: c for c in Council.objects.filter(slug__startswith=SLUG_PREFIX)}
        if existing and len(existing) != count:
            raise SyntheticError(
                f"{len(existing)} synthetic councils exist; use --replace to have {count}"
            )
        if existing:
            return sorted(existing.values(), key=lambda c: c.slug)
        Council.objects.bulk_create(
            Council(
                slug=f"{SLUG_PREFIX}{n:06d}",
                name=f"Synthetic Council {n:06d} (synthetic)",
                ons_code=f"E99{n:06d}",
                colour="#00487a",
                live=True,
                website_url="https://example.org/",
                introduction="Synthetic test data for benchmarks.",
                front_door_name="Children's social care (synthetic)",
                last_reviewed=REVIEWED,
                review_due=months_after(REVIEWED, 6),
                source=SOURCE,
            )
            for n in range(1, count + 1)
        )
        made = list(Council.objects.filter(slug__startswith=SLUG_PREFIX).order_by("slug"))
        LevelOfNeed.objects.bulk_create(
            LevelOfNeed(
                council=council, code=str(order), name=name, summary=name,
                description=name, status="published", order=order,
                last_reviewed=REVIEWED, review_due=months_after(REVIEWED, 6), source=SOURCE,
            )
            for council in made
            for order, name in enumerate(
                ["Universal", "Early help", "Targeted", "Specialist"], start=1
            )
        )
        return made

    def add_services(self, councils, numbers, seed):
        categories = {c.slug: c.pk for c in Category.objects.all()}
        route_ids = list(RouteType.objects.values_list("pk", flat=True))
        levels = {}
        for level in LevelOfNeed.objects.filter(council__in=councils):
            levels.setdefault(level.council_id, []).append(level.pk)
        # Written council by council, as councils load their directories, so that one
        # council's rows sit together on disk rather than one row in every page.
        placed = sorted(
            (council_for(number, seed, len(councils)), number) for number in numbers
        )
        for start in range(0, len(placed), BATCH):
            rows, links = [], []
            for council_index, number in placed[start : start + BATCH]:
                council = councils[council_index]
                fields = service_fields(number, seed)
                rng = fields.pop("rng")
                category = fields.pop("category")
                rows.append(
                    Service(
                        council=council, **fields, last_reviewed=REVIEWED,
                        review_due=months_after(REVIEWED, 6), source=SOURCE,
                        oruk_id=uuid.uuid5(ORUK_NAMESPACE, f"{council.slug}/{fields['slug']}"),
                    )
                )
                links.append((
                    categories.get(category),
                    rng.sample(route_ids, min(len(route_ids), rng.randint(0, 2))),
                    rng.sample(levels[council.pk], rng.randint(1, 2)),
                ))
            made = Service.objects.bulk_create(rows)
            self.link(made, links)

    def link(self, services, links):
        category_rows, route_rows, level_rows = [], [], []
        for service, (category_id, route_ids, level_ids) in zip(services, links, strict=True):
            if category_id:
                category_rows.append(
                    Service.categories.through(service_id=service.pk, category_id=category_id)
                )
            route_rows += [
                Service.route_types.through(service_id=service.pk, routetype_id=pk)
                for pk in route_ids
            ]
            level_rows += [
                Service.levels.through(service_id=service.pk, levelofneed_id=pk)
                for pk in level_ids
            ]
        for rows in (category_rows, route_rows, level_rows):
            if rows:
                type(rows[0]).objects.bulk_create(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000, help="How many in total.")
    parser.add_argument("--councils", type=int, default=150, help="How many councils.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replace", action="store_true", help="Delete all synthetic data first.")
    args = parser.parse_args(argv)
    try:
        print(generate(args.services, args.councils, args.seed, args.replace))
    except SyntheticError as error:
        sys.exit(f"generate_synthetic: {error}")


if __name__ == "__main__":
    main()
