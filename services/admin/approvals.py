"""Changes waiting for approval: the review page (diff, preview, approve, send back, submit)
and the counts on the admin home. Scoped to the officer's councils (permissions.py)."""

import copy

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone
from django.utils.html import escape

from services import changes
from services.admin import reviews
from services.admin.permissions import can_publish, council_ids, publisher_council_ids
from services.models import Council, PendingChange

State = PendingChange.State
OPEN = [State.DRAFT, State.SUBMITTED, State.SENT_BACK]


def visible_changes(user):
    rows = PendingChange.objects.select_related("council", "author", "content_type")
    if user.is_superuser:
        return rows
    return rows.filter(council__in=council_ids(user))


def waiting_for(user):
    """Submitted changes this officer may approve."""
    rows = visible_changes(user).filter(state=State.SUBMITTED).exclude(author=user)
    if user.is_superuser:
        return rows
    return rows.filter(council__in=publisher_council_ids(user))


BOXES = {
    "waiting": ("Waiting for me", waiting_for),
    "mine": ("My changes", lambda user: visible_changes(user).filter(
        author=user, state__in=[State.DRAFT, State.SUBMITTED])),
    "sent_back": ("Sent back to me", lambda user: visible_changes(user).filter(
        author=user, state=State.SENT_BACK)),
}


def dashboard(user):
    """The approvals dashboard's rows: label, count, address."""
    base = reverse("admin:services_pendingchange_changelist")
    rows = [
        {"label": label, "count": query(user).count(), "url": f"{base}?box={key}"}
        for key, (label, query) in BOXES.items()
    ]
    councils = Council.objects.all() if user.is_superuser else Council.objects.filter(
        pk__in=council_ids(user))
    today = timezone.localdate()
    overdue = 0
    first = None
    for council in councils:
        count = sum(1 for item in reviews.needs_review(council, on=today, days=0)
                    if item.overdue)
        overdue += count
        if count and first is None:
            first = council
    rows.append({
        "label": "Overdue for review",
        "count": overdue,
        "url": reverse("admin:services_council_needs_review", args=[first.pk]) if first else "",
    })
    return rows


class BoxFilter(admin.SimpleListFilter):
    title = "whose turn"
    parameter_name = "box"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in BOXES.items()]

    def queryset(self, request, queryset):
        if self.value() in BOXES:
            return queryset & BOXES[self.value()][1](request.user)
        return queryset


def preview_path(obj):
    """Where a parent sees this object."""
    label = obj._meta.label
    council = getattr(obj, "council", None)
    if label == "services.FAQ":
        return reverse("faq", args=[council.slug])
    if label == "services.Contact":
        return reverse("council-home", args=[council.slug])
    if label == "services.Synonym":
        slug = council.slug if council else Council.objects.first().slug
        return reverse("service-list", args=[slug]) + "?" + QueryDict.fromkeys(
            ["q"], obj.term).urlencode()
    if label == "eligibility.Timescale":
        query = f"?council={council.slug}" if council else ""
        return reverse("deadline-calculator") + query
    if label == "eligibility.RouteGuide":
        return reverse("route-page", args=[council.slug, obj.route_type.slug])
    if label == "eligibility.LevelOfNeed" and council:
        return reverse("levels-of-need", args=[council.slug])
    if not hasattr(obj, "get_absolute_url"):
        raise ValidationError(
            "it shows in the results of the route finder, not on a page of its own. Read the "
            "difference field by field."
        )
    return obj.get_absolute_url()


PREVIEW_BANNER = (
    '<div class="govuk-width-container"><div class="govuk-notification-banner" role="region" '
    'aria-labelledby="preview-banner-title"><div class="govuk-notification-banner__header">'
    '<h2 class="govuk-notification-banner__title" id="preview-banner-title">Preview</h2></div>'
    '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">'
    'This is a change waiting for approval. Parents do not see it yet. '
    '<a class="govuk-notification-banner__link" href="{back}">Back to the change</a></p>'
    '</div></div></div>'
)


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    list_display = ["object_repr", "kind", "council", "author", "state", "updated"]
    list_filter = [BoxFilter, "state"]
    search_fields = ["object_repr", "note"]
    list_select_related = ["council", "author", "content_type"]

    @admin.display(description="kind")
    def kind(self, change):
        return str(change.content_type.model_class()._meta.verbose_name).capitalize()

    def get_queryset(self, request):
        return visible_changes(request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and (
            request.user.is_superuser or bool(council_ids(request.user))
        )

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or request.user.is_superuser or obj.council_id in council_ids(
            request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<int:object_id>/preview/", preview, name="services_pendingchange_preview"),
        ] + super().get_urls()

    def _change(self, request, object_id):
        change = self.get_queryset(request).filter(pk=object_id).first()
        if change is None or not self.has_view_permission(request, change):
            raise Http404
        return change

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self._change(request, object_id)
        user = request.user
        may_decide = (change.state == State.SUBMITTED and change.author_id != user.pk
                      and can_publish(user, change.council_id))
        may_submit = change.author_id == user.pk and change.state in (State.DRAFT,
                                                                      State.SENT_BACK)
        error = ""
        if request.method == "POST":
            action = request.POST.get("action")
            note = request.POST.get("note", "")
            try:
                if action == "submit" and may_submit:
                    changes.submit(change, note)
                    self.message_user(request, "Submitted. A publisher will review it.",
                                      messages.SUCCESS)
                elif action == "approve" and may_decide:
                    changes.approve(change, user, note)
                    self.message_user(request, "Approved. Parents now see the change.",
                                      messages.SUCCESS)
                elif action == "send_back" and may_decide:
                    changes.send_back(change, user, note)
                    self.message_user(request, "Sent back to the editor with your note.",
                                      messages.SUCCESS)
                else:
                    raise PermissionDenied
                return redirect(reverse("admin:services_pendingchange_change",
                                        args=[change.pk]))
            except ValidationError as problem:
                error = " ".join(problem.messages)
        rows = changes.rows(change)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Change to {change.object_repr}",
            "change": change,
            "rows": rows,
            "changed_since": [row["label"] for row in rows if row["changed_since"]],
            "may_decide": may_decide,
            "may_submit": may_submit,
            "error": error,
            "preview_url": reverse("admin:services_pendingchange_preview", args=[change.pk]),
            "live_url": self._live_admin_url(change),
            "kind": change.content_type.model_class()._meta.verbose_name,
            "publishes_draft": change.data.get("status") == "published",
        }
        return TemplateResponse(request, "admin/pending_change.html", context,
                                status=400 if error else 200)

    def _live_admin_url(self, change):
        if change.object_id is None:
            return ""
        model = change.content_type.model_class()
        opts = model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change",
                       args=[change.object_id])

    def preview_view(self, request, object_id):
        """The public page rendered with the proposed values, inside a rolled-back
        transaction: nothing is saved and the page cache is not used (the officer is signed
        in, and public_page never caches a signed-in request)."""
        change = self._change(request, object_id)
        if change.state == State.APPROVED:
            raise Http404
        try:
            with changes.applied(change) as obj:
                target = preview_path(obj)
                address, _, query = target.partition("?")
                match = resolve(address)
                fake = copy.copy(request)
                fake.method = "GET"
                fake.path = fake.path_info = address
                fake.GET = QueryDict(query)
                fake.META = {**request.META, "QUERY_STRING": query, "REQUEST_METHOD": "GET"}
                response = match.func(fake, *match.args, **match.kwargs)
                if hasattr(response, "render"):
                    response.render()
                html = response.content.decode()
                status = response.status_code
        except ValidationError as problem:
            return HttpResponse(
                "This change cannot be previewed: " + escape(" ".join(problem.messages)),
                status=400, content_type="text/plain; charset=utf-8",
            )
        back = escape(reverse("admin:services_pendingchange_change", args=[change.pk]))
        html = html.replace("<body", "<body data-preview", 1)
        start = html.find(">", html.find("<body")) + 1
        html = html[:start] + PREVIEW_BANNER.format(back=back) + html[start:]
        answer = HttpResponse(html, status=status)
        answer["Cache-Control"] = "no-store"
        return answer
