"""Admin for national reference data (read-only to council staff), levels of need and guides."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from eligibility.models import (
    LegalDuty,
    LevelOfNeed,
    RouteGuide,
    RoutePolicy,
    RouteType,
    Timescale,
)
from services.admin.mixins import CouncilScopedAdmin


@admin.register(LegalDuty)
class LegalDutyAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    national = True
    list_display = ["citation", "plain_title", "kind", "review_due"]
    list_filter = ["kind"]
    search_fields = ["citation", "title", "plain_title"]
    parent_text_fields = markdown_fields = ("summary", "what_you_can_ask", "if_not_met")


@admin.register(RouteType)
class RouteTypeAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    national = True
    list_display = ["title", "slug", "order"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["legal_duties"]
    parent_text_fields = ("summary", "what_it_is", "who_for", "how_to_get", "what_next")
    markdown_fields = ("what_it_is", "who_for", "how_to_get", "what_next")


@admin.register(RouteGuide)
class RouteGuideAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["route_type", "council", "status", "last_reviewed", "review_due"]
    list_filter = ["council", "status", "route_type"]
    search_fields = ["body", "route_type__title"]
    autocomplete_fields = ["council", "contact"]
    actions = ["publish_selected"]
    parent_text_fields = markdown_fields = ("body",)


@admin.register(RoutePolicy)
class RoutePolicyAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["route_type", "council", "access", "service", "status", "review_due"]
    list_filter = ["council", "access", "status", "route_type"]
    search_fields = ["how_to_reach", "criteria", "route_type__title"]
    autocomplete_fields = ["council", "service"]
    actions = ["publish_selected"]
    parent_text_fields = ("how_to_reach", "criteria")
    markdown_fields = ("criteria",)


@admin.register(LevelOfNeed)
class LevelOfNeedAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["code", "name", "council", "status", "review_due"]
    list_filter = ["council", "status"]
    search_fields = ["code", "name", "summary"]
    autocomplete_fields = ["council"]
    actions = ["publish_selected"]
    parent_text_fields = ("summary", "description")
    markdown_fields = ("description",)


@admin.register(Timescale)
class TimescaleAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "length", "unit", "statutory", "council"]
    list_filter = ["statutory", "council"]
    search_fields = ["name", "starts_from"]
    autocomplete_fields = ["council"]
    parent_text_fields = markdown_fields = ("description",)
