"""A council's services as CSV, out and back in, without losing or changing anything.

Export then import changes nothing. Cells that a spreadsheet would run as a formula (starting
with =, +, -, @, their full-width forms, a space, tab, newline or carriage return) are written
with a leading apostrophe, and so is a cell that already starts with one; import takes exactly
one apostrophe off again.
Import checks every row before it writes any, and writes nothing if one row is wrong.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from core.caching import one_change
from core.models import Status
from services.models import Category, Contact, Service, linked_model

# What a spreadsheet may read as the start of a formula: the ASCII signs, their full-width
# forms, and the white space some spreadsheets skip before one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", " ", "＝", "＋", "－", "＠")
ESCAPE = "'"
LIST_SEPARATOR = ";"
NATIONAL_PREFIX = "national:"
TRUE_WORDS, FALSE_WORDS = {"yes", "true", "1"}, {"no", "false", "0", ""}

TEXT_FIELDS = [
    "slug", "name", "status", "summary", "description", "who_for", "eligibility",
    "how_to_get", "access", "cost", "cost_detail", "provider", "min_age", "max_age",
    "out_of_area", "last_reviewed", "review_due", "source",
]
M2M_FIELDS = ["categories", "route_types", "levels", "legal_duties", "contacts"]
COLUMNS = TEXT_FIELDS + M2M_FIELDS


def escape_cell(value):
    """The cell as written: a leading apostrophe stops a spreadsheet running it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + text
    return text


def unescape_cell(text):
    """The value as stored: one leading apostrophe, added by escape_cell, removed."""
    return text[1:] if text.startswith(ESCAPE) else text


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str

    def __str__(self):
        return f"Line {self.line}, {self.field}: {self.message}"


@dataclass
class ImportPlan:
    """What an import would do; `errors` empty means it may be applied."""

    council: object
    changes: list = field(default_factory=list)  # (service, {m2m field: objects}) to write
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)


# Natural keys for each many-to-many column, resolved within one council.


def level_key(level, own_codes):
    if level.council_id is None and level.code in own_codes:
        return NATIONAL_PREFIX + level.code
    return level.code


def lookups(council):
    """For each many-to-many column: {cell value: object} for this council."""
    level_model = linked_model("levels")
    own_levels = {level.code: level for level in level_model.objects.filter(council=council)}
    levels = {
        level_key(level, own_levels): level
        for level in level_model.objects.filter(council__isnull=True)
    }
    levels |= {NATIONAL_PREFIX + level.code: level for level in levels.values()}
    levels |= own_levels
    return {
        "categories": {item.slug: item for item in Category.objects.all()},
        "route_types": {item.slug: item for item in linked_model("route_types").objects.all()},
        "levels": levels,
        "legal_duties": {item.slug: item for item in linked_model("legal_duties").objects.all()},
        "contacts": {item.slug: item for item in Contact.objects.filter(council=council)},
    }


def m2m_cell(name, objects, own_level_codes):
    if name == "levels":
        keys = [level_key(level, own_level_codes) for level in objects]
    else:
        keys = [item.slug for item in objects]
    return f"{LIST_SEPARATOR} ".join(sorted(keys))


def field_cell(service, name):
    value = getattr(service, name)
    if name == "out_of_area":
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def export_services(council, out):
    """Write every service of `council`, drafts included, as CSV to the text stream `out`."""
    own_level_codes = set(council.levels.values_list("code", flat=True))
    services = (
        Service.objects.for_council(council)
        .prefetch_related(*M2M_FIELDS)
        .order_by("slug")
    )
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for service in services:
        row = [field_cell(service, name) for name in TEXT_FIELDS]
        row += [
            m2m_cell(name, getattr(service, name).all(), own_level_codes) for name in M2M_FIELDS
        ]
        writer.writerow([escape_cell(value) for value in row])


def export_text(council):
    out = io.StringIO()
    export_services(council, out)
    return out.getvalue()


def split_list(text):
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def parse_bool(text):
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError("Enter yes or no.")


def read_rows(text):
    """(line number, {column: value}) for each data row; the header is line 1."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header = next(reader, None)
    if header is None:
        raise ValidationError("The file is empty. Export the services first and edit that file.")
    header = [name.strip() for name in header]
    missing = [name for name in COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append("missing columns: " + ", ".join(missing))
        if unknown:
            parts.append("unknown columns: " + ", ".join(unknown))
        raise ValidationError("The first line must name the exported columns; " + "; ".join(parts))
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            yield number, None
            continue
        yield number, {name: unescape_cell(cell) for name, cell in zip(header, cells, strict=True)}


def current_m2m(service):
    if service.pk is None:
        return {name: set() for name in M2M_FIELDS}
    return {name: set(getattr(service, name).all()) for name in M2M_FIELDS}


def field_values(service):
    return {name: getattr(service, name) for name in TEXT_FIELDS}


def plan_row(council, existing, tables, line, row, can_publish):
    """The service this row describes, its links, and any errors: nothing is saved."""
    errors = []
    service = existing.get(row["slug"].strip()) or Service(council=council)
    before = field_values(service) if service.pk else None
    was_published = service.pk is not None and service.status == Status.PUBLISHED
    links_before = current_m2m(service)
    for name in TEXT_FIELDS:
        value = row[name]
        if "\x00" in value:
            errors.append(RowError(line, name, "Take out the NUL character: text cannot hold it."))
            continue
        if name == "out_of_area":
            try:
                value = parse_bool(value)
            except ValidationError as error:
                errors.append(RowError(line, name, error.messages[0]))
                continue
        elif name in {"min_age", "max_age"}:
            value = value.strip()
            if not value:
                value = None  # not stated
            elif not (value.isascii() and value.isdigit()):  # "²" is a digit to Python
                errors.append(RowError(line, name, "Enter an age as a whole number of years."))
                continue
            else:
                value = int(value)
        elif name in {"last_reviewed", "review_due"} and not value.strip():
            value = None
        setattr(service, name, value)
    links = {}
    for name in M2M_FIELDS:
        keys = split_list(row[name])
        unknown = [key for key in keys if key not in tables[name]]
        for key in unknown:
            errors.append(RowError(line, name, f"“{key}” is not known for this council."))
        links[name] = {tables[name][key] for key in keys if key in tables[name]}
    bad_fields = {error.field for error in errors}
    try:
        service.full_clean(exclude=sorted(bad_fields | {"oruk_id"}), validate_unique=True)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                errors.append(RowError(line, name if name != "__all__" else "row", message))
    if service.status == Status.PUBLISHED and not was_published and not can_publish:
        errors.append(RowError(line, "status", "Only a publisher can publish a service."))
    changed = before != field_values(service) or links != links_before
    return service, links, changed, errors


def plan_import(council, text, can_publish=True):
    """Check every row of `text` against `council`; nothing is written."""
    plan = ImportPlan(council)
    services = Service.objects.for_council(council).prefetch_related(*M2M_FIELDS)
    existing = {service.slug: service for service in services}
    tables = lookups(council)
    seen = {}
    try:
        rows = list(read_rows(text))
    except ValidationError as error:
        plan.errors.append(RowError(1, "header", error.messages[0]))
        return plan
    except csv.Error as error:
        plan.errors.append(RowError(1, "file", f"This is not a CSV file we can read ({error})."))
        return plan
    for line, row in rows:
        if row is None:
            plan.errors.append(
                RowError(line, "row", f"This line must have {len(COLUMNS)} cells.")
            )
            continue
        slug = row["slug"].strip()
        if slug in seen:
            plan.errors.append(
                RowError(line, "slug", f"“{slug}” is already on line {seen[slug]}.")
            )
            continue
        seen[slug] = line
        service, links, changed, errors = plan_row(
            council, existing, tables, line, row, can_publish
        )
        plan.errors.extend(errors)
        if not changed:
            plan.unchanged += 1
            continue
        plan.changes.append((service, links))
        if service.pk is None:
            plan.created += 1
        else:
            plan.updated += 1
    return plan


def apply_import(plan):
    """Write a plan that has no errors, all at once."""
    if plan.errors:
        raise ValueError("an import with errors must not be applied")
    with transaction.atomic(), one_change():
        for service, links in plan.changes:
            service.save()
            for name, objects in links.items():
                getattr(service, name).set(objects)
