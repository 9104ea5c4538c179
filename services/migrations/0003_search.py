"""Full-text search for services.

On PostgreSQL a trigger keeps `search_vector` right on every INSERT and UPDATE, so rows written
by bulk_create, loaddata, QuerySet.update() or raw SQL are searchable as soon as they are
written, with no Python code to remember. Weights: name A, summary B, description and who it is
for C. A GIN index serves the full-text match and a trigram GIN index (pg_trgm) serves fuzzy name
matches. On other databases the column exists but stays empty and search uses a fallback.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARDS = [
    """
    CREATE OR REPLACE FUNCTION services_service_search_vector_update() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.name, '')), 'A')
            || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector('pg_catalog.english',
                   coalesce(NEW.description, '') || ' ' || coalesce(NEW.who_for, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    # Every UPDATE, not only UPDATE OF the text columns: Django's save() writes the column
    # (as NULL) along with the others, and the trigger must put it back.
    """
    CREATE TRIGGER services_service_search_vector
    BEFORE INSERT OR UPDATE ON services_service
    FOR EACH ROW EXECUTE FUNCTION services_service_search_vector_update()
    """,
    # Rows that existed before this migration: the UPDATE fires the trigger.
    "UPDATE services_service SET search_vector = NULL",
    # With the council's own index, the planner ANDs these bitmaps, so a rare word reads a few
    # rows, not every row of a big council. (A btree_gin (council_id, ...) index was tried: the
    # planner never used its council column, so it is not worth the extension.)
    "CREATE INDEX services_service_search_vector_gin ON services_service USING gin (search_vector)",
    "CREATE INDEX services_service_name_trgm ON services_service USING gin (name gin_trgm_ops)",
]

BACKWARDS = [
    "DROP INDEX IF EXISTS services_service_name_trgm",
    "DROP INDEX IF EXISTS services_service_search_vector_gin",
    "DROP TRIGGER IF EXISTS services_service_search_vector ON services_service",
    "DROP FUNCTION IF EXISTS services_service_search_vector_update()",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0002_page_slug_validator"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="service",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="Kept by a database trigger on PostgreSQL (services migration 0002).",
                null=True,
            ),
        ),
        migrations.RunPython(run_on_postgresql(FORWARDS), run_on_postgresql(BACKWARDS)),
    ]
