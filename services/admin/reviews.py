"""What a council must check again soon (CFA 2014 s30(5): the Local Offer is kept under review)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import ngettext

from services import changes
from services.admin.permissions import can_publish, in_scope

# The "Needs review" list shows what is overdue and what falls due within this many days.
DUE_SOON_DAYS = 30

# Council content with review dates, in the order the list shows their kinds.
REVIEWED_MODELS = [
    "services.Council",
    "services.Contact",
    "services.Service",
    "services.Page",
    "services.FAQ",
    "eligibility.RouteGuide",
    "eligibility.LevelOfNeed",
    "eligibility.Timescale",
]


@dataclass
class ReviewItem:
    obj: object
    kind: str
    review_due: date
    days_left: int
    url: str = ""

    @property
    def overdue(self):
        return self.days_left < 0

    @property
    def when(self):
        """The due date in words: "Overdue by 3 days", "Due today", "Due in 12 days"."""
        if self.days_left < 0:
            days = -self.days_left
            return f"Overdue by {days} day{'s' if days != 1 else ''}"
        if self.days_left == 0:
            return "Due today"
        return f"Due in {self.days_left} day{'s' if self.days_left != 1 else ''}"


def needs_review(council, on=None, days=DUE_SOON_DAYS):
    """The council's content that is overdue for review or due within `days` days, soonest first."""
    on = on or timezone.localdate()
    horizon = on + timedelta(days=days)
    items = []
    for label in REVIEWED_MODELS:
        model = apps.get_model(label)
        if model._meta.model_name == "council":
            rows = model._default_manager.filter(pk=council.pk)
        else:
            rows = model._default_manager.filter(council=council)
        for obj in rows.filter(review_due__lte=horizon):
            items.append(
                ReviewItem(
                    obj=obj,
                    kind=str(model._meta.verbose_name).capitalize(),
                    review_due=obj.review_due,
                    days_left=(obj.review_due - on).days,
                )
            )
    return sorted(items, key=lambda item: (item.review_due, item.kind, str(item.obj)))


def reviewed_model_labels():
    """The `app_label.model_name` of every model with review dates, lower case."""
    return {label.lower() for label in REVIEWED_MODELS}


def mark_reviewed(obj, user, on=None):
    """Record that `user` checked `obj` on `on` (today): review due moves by the review period.

    Only the two dates are saved: the status, the text and everything else stay as they are.
    """
    obj.mark_reviewed(on or timezone.localdate())
    obj._history_user = user
    obj._change_reason = "Marked as reviewed"
    obj.save(update_fields=["last_reviewed", "review_due"])


def may_mark_reviewed(user, obj):
    """Publishers mark their own councils' content reviewed; superusers any content."""
    council_id = obj.pk if obj._meta.model_name == "council" else getattr(obj, "council_id", None)
    if council_id is None:
        return user.is_superuser
    return can_publish(user, council_id)


def may_ask_to_mark_reviewed(user, obj):
    """An editor asks a publisher: any of their councils' content but the council's settings."""
    return obj._meta.model_name != "council" and getattr(obj, "council_id", None) is not None \
        and in_scope(user, obj)


def ask_to_mark_reviewed(obj, user, on=None):
    """An editor's "mark as reviewed": a pending change of the two dates, submitted at once.

    An open change of theirs to the same item keeps its other edits and stays with them to submit.
    """
    open_change = changes.open_change(obj, user)
    proposed = changes.values_of(obj)
    if open_change:
        proposed.update(open_change.data)
    obj.mark_reviewed(on or timezone.localdate())
    proposed.update(
        last_reviewed=obj.last_reviewed.isoformat(), review_due=obj.review_due.isoformat()
    )
    change = changes.propose(obj, proposed, user)
    if open_change is None:
        changes.submit(change, "Checked and still right: please mark it as reviewed.")
    return change


def mark_many_reviewed(request, queryset):
    """Mark every row the user may mark, or ask a publisher to; say how many, and why."""
    done, asked, refused = 0, 0, 0
    for obj in queryset:
        if may_mark_reviewed(request.user, obj):
            mark_reviewed(obj, request.user)
            done += 1
        elif may_ask_to_mark_reviewed(request.user, obj):
            ask_to_mark_reviewed(obj, request.user)
            asked += 1
        else:
            refused += 1
    if asked:
        messages.success(
            request,
            ngettext(
                "Sent %(count)d item to a publisher to mark as reviewed. Until they approve, "
                "it keeps its old review dates.",
                "Sent %(count)d items to a publisher to mark as reviewed. Until they approve, "
                "they keep their old review dates.",
                asked,
            ) % {"count": asked},
        )
    today = timezone.localdate()
    if done:
        messages.success(
            request,
            ngettext(
                "Marked %(count)d item as reviewed on %(day)s.",
                "Marked %(count)d items as reviewed on %(day)s.",
                done,
            ) % {"count": done, "day": f"{today:%-d %B %Y}"},
        )
    if refused:
        messages.warning(
            request,
            ngettext(
                "%(count)d item was not marked: a publisher in its council marks it as reviewed.",
                "%(count)d items were not marked: a publisher in their council marks them as "
                "reviewed.",
                refused,
            ) % {"count": refused},
        )
    return done


class MarkReviewedAdmin:
    """ModelAdmin mixin: "Mark as reviewed" for one item (a button) and in bulk (an action)."""

    def _reviews_model(self):
        return self.model._meta.label_lower in reviewed_model_labels()

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self._reviews_model() and self.has_change_permission(request):
            action = self.get_action(mark_selected_reviewed)
            actions[action[1]] = action
        return actions

    def get_urls(self):
        urls = super().get_urls()
        if not self._reviews_model():
            return urls
        opts = self.model._meta
        view = self.admin_site.admin_view(self.mark_reviewed_view)
        return [
            path(
                "<path:object_id>/mark-reviewed/",
                view,
                name=f"{opts.app_label}_{opts.model_name}_mark_reviewed",
            ),
        ] + urls

    def mark_reviewed_view(self, request, object_id):
        """POST: mark one item reviewed today, then back to its change form."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        mark_many_reviewed(request, [obj])
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if self._reviews_model() and object_id:
            opts = self.model._meta
            extra_context["mark_reviewed_url"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_mark_reviewed", args=[quote(object_id)]
            )
        return super().change_view(request, object_id, form_url, extra_context)


def mark_selected_reviewed(modeladmin, request, queryset):
    """Bulk action: checked today, review due moves by the council's review period."""
    mark_many_reviewed(request, queryset)


mark_selected_reviewed.short_description = "Mark selected %(verbose_name_plural)s as reviewed today"
