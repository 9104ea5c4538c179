"""Load every fixture in fixtures/ in dependency order, validated, all or nothing."""

from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from core.caching import one_change

FIXTURE_ORDER = [
    "categories",
    "councils",
    "contacts",
    "legal_duties",
    "route_types",
    "timescales",
    "levels_of_need",
    "services",
    "route_guides",
    "route_policies",
    "faqs",
    "pages",
    "glossary",
    "synonyms",
]


def fixture_files(directory):
    """Fixture files in load order: the known kinds first, then any others by name."""
    present = {path.stem: path for path in sorted(Path(directory).glob("*.yaml"))}
    ordered = [present.pop(name) for name in FIXTURE_ORDER if name in present]
    return ordered + list(present.values())


def describe(obj):
    """A fixture object as an officer would find it: model, natural key."""
    key = obj.natural_key() if hasattr(obj, "natural_key") else (obj.pk,)
    return f"{obj._meta.label_lower} {' / '.join(str(part) for part in key)}"


def first_problem(error):
    """The first field and message of a ValidationError, on one line."""
    if hasattr(error, "error_dict"):
        field, errors = next(iter(error.error_dict.items()))
        return f"{field}: {' '.join(errors[0].messages)}"
    return " ".join(error.messages)


def one_line(text):
    return " ".join(str(text).split())


def reset_id_sequences(models):
    """Fixtures with ids (synonyms) leave PostgreSQL's id sequences behind: move them on.

    Otherwise the next row added in the admin is given an id already taken (IntegrityError).
    SQLite needs nothing (no statements are returned).
    """
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), sorted(models, key=str)):
            cursor.execute(statement)


class Command(BaseCommand):
    help = "Load every fixture in fixtures/ (idempotent: natural keys update existing rows)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory", default=str(Path(settings.BASE_DIR) / "fixtures"),
            help="Folder of YAML fixtures (default: fixtures/).",
        )

    def handle(self, *args, directory, **options):
        files = fixture_files(directory)
        if not files:
            raise CommandError(f"no fixture files found in {directory}")
        with transaction.atomic(), one_change():
            deferred, models = [], set()
            count = 0
            for path in files:
                for loaded in self.read(path):
                    self.save(path, loaded)
                    models.add(type(loaded.object))
                    count += 1
                    if loaded.deferred_fields:
                        deferred.append((path, loaded))
            for path, loaded in deferred:
                try:
                    loaded.save_deferred_fields()
                except (ObjectDoesNotExist, DeserializationError) as error:
                    raise CommandError(
                        f"{path.name}: {describe(loaded.object)}: {one_line(error)}"
                    ) from None
            reset_id_sequences(models)
        self.stdout.write(f"Loaded {count} objects from {len(files)} fixture files.")

    def read(self, path):
        try:
            with open(path, encoding="utf-8") as stream:
                yield from serializers.deserialize(
                    "yaml", stream, handle_forward_references=True
                )
        except DeserializationError as error:
            raise CommandError(f"{path.name}: {one_line(error)}") from None

    def save(self, path, loaded):
        """Validate one object, then save it through its model's save() and set its M2M."""
        obj = loaded.object
        pending = {name for name in (loaded.deferred_fields or {})}
        if obj.pk is not None:
            # The natural key found an existing row: validate and save it as an update.
            obj._state.adding = not type(obj)._base_manager.filter(pk=obj.pk).exists()
        if not obj._state.adding:
            # History records the first load; a reload is the same content, not an edit.
            # (simple-history skips on the attribute's presence, whatever its value.)
            obj.skip_history_when_saving = True
        try:
            obj.full_clean(exclude={field.name for field in pending})
        except ValidationError as error:
            raise CommandError(f"{path.name}: {describe(obj)}: {first_problem(error)}") from None
        try:
            obj.save()
        except DatabaseError as error:
            raise CommandError(f"{path.name}: {describe(obj)}: {one_line(error)}") from None
        for name, values in (loaded.m2m_data or {}).items():
            getattr(obj, name).set(values)
