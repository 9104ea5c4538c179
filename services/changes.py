"""Changes that wait beside the live version until a publisher approves them.

An editor's edit of live content is kept as a PendingChange: the proposed values of the fields
that differ, as JSON (links as ids). A publisher sees the difference field by field, previews the
page as a parent would see it, and approves (written in one transaction, one history entry) or
sends it back with a note. Text is compared with line endings normalised, so a browser's \\r\\n
never counts as a change.
"""

from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction

from services.models import Council, PendingChange

State = PendingChange.State


class Rollback(Exception):
    """Raised to undo a preview's writes."""


def normalise(value):
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def editable_fields(model):
    """The concrete fields and many-to-many links staff edit (not ids or computed columns)."""
    concrete = [
        f for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and not f.auto_created
    ]
    return concrete, [f for f in model._meta.many_to_many if f.editable]


def values_of(obj, links=None):
    """{field name: JSON value} of `obj`; many-to-many from `links` (name -> objects) or the
    database. Foreign keys and links are ids; links are sorted."""
    concrete, m2m = editable_fields(type(obj))
    values = {f.name: normalise(getattr(obj, f.attname)) for f in concrete}
    for f in m2m:
        if links is not None and f.name in links:
            items = links[f.name]
        elif obj.pk is not None:
            items = getattr(obj, f.name).all()
        else:
            items = []
        values[f.name] = sorted(getattr(item, "pk", item) for item in items)
    return values


def difference(model, live, proposed):
    """The proposed values that differ from the live ones (all of them for a new object)."""
    if live is None:
        return dict(proposed)
    return {name: value for name, value in proposed.items() if live.get(name) != value}


def council_id_of(obj):
    if isinstance(obj, Council):
        return obj.pk
    return getattr(obj, "council_id", None)


def open_change(obj, author):
    """The author's change of `obj` that is not yet approved, if any."""
    if obj.pk is None:
        return None
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk,
        author=author,
    ).exclude(state=State.APPROVED).first()


def propose(obj, proposed, author, note=""):
    """Keep `proposed` (values_of) as the author's pending change of `obj`; nothing live moves.

    A second edit by the same author updates their open change and returns it to draft.
    """
    live, name = None, str(obj)
    if obj.pk is not None:
        current = type(obj)._default_manager.get(pk=obj.pk)
        live, name = values_of(current), str(current)  # named as parents know it now
    data = difference(type(obj), live, proposed)
    change = open_change(obj, author) or PendingChange(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk,
        author=author,
    )
    change.council_id = council_id_of(obj)
    change.object_repr = name[:300]
    change.data = data
    change.base = {name: live[name] for name in data} if live is not None else {}
    change.state = State.DRAFT
    if note:
        change.note = note
    change.save()
    return change


def target(change):
    """The live object a change is about (a new, unsaved one for something new)."""
    model = change.content_type.model_class()
    if change.object_id is None:
        return model()
    obj = model._default_manager.filter(pk=change.object_id).first()
    if obj is None:
        raise ValidationError("This item has been deleted since the change was made.")
    return obj


def set_values(obj, data):
    """Put `data` on `obj` (concrete fields); returns {link name: ids} to set after saving."""
    links = {}
    for name, value in data.items():
        field = obj._meta.get_field(name)
        if field.many_to_many:
            links[name] = value
        else:
            setattr(obj, field.attname, field.to_python(value))
    return links


def write(obj, data, user, reason):
    """Write `data` to `obj` with its links and exactly one history entry (who, why)."""
    links = set_values(obj, data)
    obj.full_clean(exclude=[f.name for f in obj._meta.fields if not f.editable])
    with transaction.atomic():
        obj.skip_history_when_saving = True
        try:
            obj.save()
            for name, ids in links.items():
                getattr(obj, name).set(ids)
        finally:
            del obj.skip_history_when_saving
        if hasattr(type(obj), "history"):
            obj._history_user = user
            obj._change_reason = reason[:100]
            obj.save()  # the one history entry, with the links as they now are
    return obj


def approve(change, publisher, note=""):
    """Make the change live in one transaction; the history entry names both people."""
    with transaction.atomic():
        obj = target(change)
        reason = f"Approved by {publisher}: change by {change.author}"
        if change.note:
            reason += f" ({change.note})"
        write(obj, change.data, publisher, reason)
        change.object_id = obj.pk
        change.object_repr = str(obj)[:300]
        change.state = State.APPROVED
        change.reviewer = publisher
        change.reviewer_note = note
        change.save()
    return obj


def send_back(change, publisher, note):
    if not note.strip():
        raise ValidationError("Say what the editor should change.")
    change.state = State.SENT_BACK
    change.reviewer = publisher
    change.reviewer_note = note.strip()
    change.save()


def submit(change, note=""):
    change.state = State.SUBMITTED
    if note.strip():
        change.note = note.strip()
    change.save()


@contextmanager
def applied(change):
    """The change written inside a transaction that is rolled back afterwards (for a preview)."""
    obj = None
    try:
        with transaction.atomic():
            obj = write(target(change), change.data, change.author, "preview")
            yield obj
            raise Rollback
    except Rollback:
        pass


def display(model, name, value):
    """A field's value as staff read it: labels for choices, names for links, whole text."""
    field = model._meta.get_field(name)
    if field.many_to_many or field.many_to_one:
        ids = value if isinstance(value, list) else [value]
        ids = [i for i in ids if i is not None]
        names = {
            item.pk: str(item) for item in field.related_model._default_manager.filter(pk__in=ids)
        }
        return "\n".join(names.get(i, f"(removed: {i})") for i in ids) or "(none)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if value in (None, ""):
        return "(blank)"
    return str(value)


def rows(change):
    """Field-by-field difference: label, live value, proposed value (whole values), and whether
    the live value has changed since the change was made (someone else's edit that approving
    would replace)."""
    model = change.content_type.model_class()
    live = None
    if change.object_id is not None:
        obj = model._default_manager.filter(pk=change.object_id).first()
        live = values_of(obj) if obj is not None else None
    result = []
    for name, value in change.data.items():
        field = model._meta.get_field(name)
        before = live.get(name) if live is not None else None
        result.append({
            "label": str(field.verbose_name).capitalize(),
            "before": display(model, name, before) if live is not None else "(new)",
            "after": display(model, name, value),
            "changed": live is None or before != value,
            "changed_since": live is not None and name in change.base
            and change.base[name] != before,
        })
    return result


def version_values(model, record, recorded_links):
    """{field name: JSON value} of one history row (links as the row recorded them)."""
    values = values_of(record.instance, recorded_links)
    return {name: value for name, value in values.items()
            if not model._meta.get_field(name).many_to_many or name in recorded_links}


def compare(model, before, after):
    """Field-by-field difference of two versions' values_of: label, both whole values."""
    result = []
    for name in after:
        if name not in before or before[name] == after[name]:
            continue
        field = model._meta.get_field(name)
        result.append({
            "label": str(field.verbose_name).capitalize(),
            "before": display(model, name, before[name]),
            "after": display(model, name, after[name]),
            "changed": True,
        })
    return result
