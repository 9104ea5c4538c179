"""Moderating comments and publishing "You said, we did", each council seeing only its own."""

from django.contrib import admin, messages
from django.db.models import Max, Q
from django.utils.html import format_html

from core.formatting import govuk_date
from feedback.models import Comment, CommentGroup, publication_overdue
from services.admin.mixins import CouncilScopedAdmin
from services.admin.permissions import councils_for


class FeedbackAdmin(CouncilScopedAdmin, admin.ModelAdmin):
    """Council scoping (comment groups in choices too), and the yearly publication warning."""

    def changelist_view(self, request, extra_context=None):
        warn_if_publication_overdue(request)
        return super().changelist_view(request, extra_context)


def warn_if_publication_overdue(request):
    """A warning for each of the user's councils with nothing published in 12 months."""
    councils = councils_for(request.user).annotate(
        latest=Max("comment_groups__published_on", filter=Q(comment_groups__status="published"))
    )
    for council in councils:
        if not publication_overdue(council, latest=council.latest):
            continue
        when = (
            f"last published “You said, we did” on {govuk_date(council.latest)}"
            if council.latest else "has not published “You said, we did” yet"
        )
        messages.warning(
            request,
            f"{council.name} {when}. The SEND Regulations 2014 (regulation 56(3)) require "
            "comments and the council's response to be published at least once a year.",
        )


@admin.register(Comment)
class CommentAdmin(FeedbackAdmin):
    list_display = ["received_at", "council", "topic", "state", "personal_data", "excerpt"]
    list_filter = ["state", "topic", "council"]
    search_fields = ["text"]
    readonly_fields = ["council", "topic", "text", "received_at", "flag_reasons"]
    fields = ["council", "topic", "received_at", "text", "flag_reasons", "state", "group",
              "staff_note"]
    actions = ["mark_grouped", "mark_vexatious", "mark_individual_service"]
    date_hierarchy = "received_at"

    def has_add_permission(self, request):
        return False  # comments come only from the public form

    @admin.display(description="Personal data")
    def personal_data(self, comment):
        if not comment.flagged:
            return "—"
        return format_html("<strong>Check: {}</strong>", comment.flag_reasons)

    @admin.display(description="Comment")
    def excerpt(self, comment):
        return comment.text if len(comment.text) <= 80 else comment.text[:80] + "…"

    def _set_state(self, request, queryset, state):
        count = queryset.update(state=state)
        self.message_user(request, f"{count} comment(s) marked “{Comment.State(state).label}”.")

    @admin.action(description="Mark as grouped for publication")
    def mark_grouped(self, request, queryset):
        self._set_state(request, queryset, Comment.State.GROUPED)

    @admin.action(description="Leave out: vexatious")
    def mark_vexatious(self, request, queryset):
        self._set_state(request, queryset, Comment.State.VEXATIOUS)

    @admin.action(description="Leave out: about a service to one person (point to complaints)")
    def mark_individual_service(self, request, queryset):
        self._set_state(request, queryset, Comment.State.INDIVIDUAL)


@admin.register(CommentGroup)
class CommentGroupAdmin(FeedbackAdmin):
    list_display = ["title", "council", "status", "published_on"]
    list_filter = ["status", "council"]
    search_fields = ["title", "summary", "response", "actions"]
    fields = ["council", "title", "summary", "response", "actions", "status", "published_on"]
