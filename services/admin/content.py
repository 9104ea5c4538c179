"""Admin for councils and their content, each staff account scoped to its own councils."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from services.admin import reviews
from services.admin.councils import CouncilGuardRailsAdmin
from services.admin.csv_views import ServiceCsvMixin
from services.admin.deleted import RecentlyDeletedView
from services.admin.mixins import CouncilScopedAdmin
from services.admin.staff import StaffManagementAdmin
from services.models import (
    FAQ,
    Category,
    Contact,
    Council,
    GlossaryTerm,
    Page,
    Service,
    StaffMembership,
    Synonym,
)

PUBLISHABLE_LIST = ["status", "last_reviewed", "review_due"]


@admin.register(Council)
class CouncilAdmin(CouncilGuardRailsAdmin, CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "live", "ons_code", "last_reviewed", "review_due"]
    search_fields = ["name", "slug", "ons_code"]
    parent_text_fields = markdown_fields = ("introduction",)

    def has_add_permission(self, request):
        # A new council is set up by a superuser; its staff are then added to it.
        return request.user.is_superuser and super().has_add_permission(request)

    def get_urls(self):
        needs_review = self.admin_site.admin_view(self.needs_review_view)
        deleted = self.admin_site.admin_view(RecentlyDeletedView(self.admin_site))
        return [
            path("deleted/", deleted, name="services_recently_deleted"),
            path("<path:object_id>/needs-review/", needs_review,
                 name="services_council_needs_review"),
        ] + super().get_urls()

    def needs_review_view(self, request, object_id):
        """What this council must check again: overdue, or due within 30 days."""
        council = self.get_object(request, object_id)
        if council is None:
            raise Http404
        if not self.has_view_permission(request, council):
            raise PermissionDenied
        items = reviews.needs_review(council)
        for item in items:
            opts = item.obj._meta
            item.url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.obj.pk]
            )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Needs review: {council}",
            "council": council,
            "items": items,
            "today": timezone.localdate(),
            "days": reviews.DUE_SOON_DAYS,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/needs_review.html", context)


@admin.register(Contact)
class ContactAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "council", "phone", "email"]
    list_filter = ["council"]
    search_fields = ["name", "phone", "email"]
    autocomplete_fields = ["council"]
    parent_text_fields = ("notes",)


@admin.register(Category)
class CategoryAdmin(CouncilScopedAdmin, admin.ModelAdmin):
    national = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Service)
class ServiceAdmin(ServiceCsvMixin, CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["name", "council", *PUBLISHABLE_LIST]
    list_filter = ["council", "status", "categories", "levels", "access", "cost"]
    search_fields = ["name", "summary"]
    autocomplete_fields = ["council", "contacts"]
    filter_horizontal = ["categories", "route_types", "levels", "legal_duties"]
    actions = ["publish_selected"]
    parent_text_fields = ("summary", "description", "who_for", "eligibility", "how_to_get")
    markdown_fields = ("description", "who_for", "eligibility", "how_to_get")


@admin.register(FAQ)
class FAQAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["question", "council", *PUBLISHABLE_LIST]
    list_filter = ["council", "status"]
    search_fields = ["question", "answer"]
    autocomplete_fields = ["council"]
    actions = ["publish_selected"]
    parent_text_fields = ("question", "answer")
    markdown_fields = ("answer",)


@admin.register(Page)
class PageAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    list_display = ["title", "council", "slug", *PUBLISHABLE_LIST]
    list_filter = ["council", "status"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["council"]
    actions = ["publish_selected"]
    parent_text_fields = ("summary", "body")
    markdown_fields = ("body",)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(CouncilScopedAdmin, SimpleHistoryAdmin):
    national = True
    list_display = ["term", "expansion", "review_due"]
    search_fields = ["term", "expansion", "definition"]
    parent_text_fields = ("definition",)


@admin.register(StaffMembership)
class StaffMembershipAdmin(StaffManagementAdmin, CouncilScopedAdmin, admin.ModelAdmin):
    list_display = ["user", "council", "role"]
    list_filter = ["council", "role"]
    search_fields = ["user__username", "council__name"]


@admin.register(Synonym)
class SynonymAdmin(CouncilScopedAdmin, admin.ModelAdmin):
    list_display = ["term", "means", "council", "source"]
    list_filter = ["council"]
    search_fields = ["term", "means"]
    autocomplete_fields = ["council"]
