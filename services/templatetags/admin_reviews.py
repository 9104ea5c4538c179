"""The admin index lists a "Needs review" link for each council the user may see."""

from django import template

from services.admin.mixins import scoped_queryset
from services.models import Council

register = template.Library()


@register.simple_tag
def staff_councils(user):
    """The councils whose "Needs review" lists this user may open."""
    if not getattr(user, "is_staff", False):
        return Council.objects.none()
    return scoped_queryset(user, Council).order_by("name")


@register.simple_tag
def approvals_dashboard(user):
    """Counts for the admin home: waiting for me, my changes, sent back, overdue."""
    if not getattr(user, "is_staff", False):
        return []
    from services.admin.approvals import dashboard

    return dashboard(user)
