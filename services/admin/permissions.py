"""Which councils a staff account may see, edit and publish in: one rule, written once.

A staff account belongs to councils through StaffMembership, as an editor (writes drafts) or a
publisher (publishes). National data (legal duties, route types, timescales and levels with no
council, the glossary, categories) is read-only to council staff. Superusers see everything.
Every admin page, the CSV import and export, and "Have your say" moderation ask these functions.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from services.models import Council, Role, StaffMembership


def council_ids(user):
    """The ids of the councils a staff account belongs to (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_council_ids"):
        user._council_ids = frozenset(
            StaffMembership.objects.filter(user=user).values_list("council_id", flat=True)
        )
    return user._council_ids


def publisher_council_ids(user):
    """The ids of the councils in which a staff account may publish."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_publisher_council_ids"):
        user._publisher_council_ids = frozenset(
            StaffMembership.objects.filter(user=user, role=Role.PUBLISHER).values_list(
                "council_id", flat=True
            )
        )
    return user._publisher_council_ids


def can_publish(user, council_id):
    """Superusers publish anywhere; publishers publish in their own councils."""
    return user.is_superuser or council_id in publisher_council_ids(user)


def councils_for(user):
    """The councils a staff account works for; every council for a superuser."""
    if user.is_superuser:
        return Council.objects.all()
    return Council.objects.filter(pk__in=council_ids(user))


def council_field(model):
    """The model's `council` foreign key, or None for national data."""
    try:
        field = model._meta.get_field("council")
    except FieldDoesNotExist:
        return None
    return field if field.is_relation and field.related_model is Council else None


def is_national(obj):
    """National rows belong to no council: a model without a council, or a blank council."""
    if isinstance(obj, Council):
        return False
    field = council_field(type(obj))
    return field is None or getattr(obj, field.attname) is None


def in_scope(user, obj):
    """The object belongs to one of the user's councils (national rows belong to none)."""
    if user.is_superuser:
        return True
    if isinstance(obj, Council):
        return obj.pk in council_ids(user)
    field = council_field(type(obj))
    return field is not None and getattr(obj, field.attname) in council_ids(user)


def scoped_queryset(user, model, queryset=None):
    """The rows of `model` a user may see: their councils' rows and national rows."""
    queryset = model._default_manager.all() if queryset is None else queryset
    if user.is_superuser:
        return queryset
    ids = council_ids(user)
    if model is Council:
        return queryset.filter(pk__in=ids)
    if model is get_user_model():
        return queryset.filter(memberships__council__in=ids).distinct()
    field = council_field(model)
    if field is None:
        return queryset
    visible = models.Q(council__in=ids)
    if field.null:
        visible |= models.Q(council__isnull=True)
    return queryset.filter(visible)
