"""CSV export and import of a council's services in the admin, as a mixin for ServiceAdmin.

Staff see only the councils they belong to (superusers see all). Exports include drafts, with
their status, because they are for staff; the public feed never shows drafts.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from core.models import Status
from services import changes
from services.admin import csv_io
from services.admin.permissions import can_publish, councils_for
from services.models import Council, Service

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class CouncilChoiceForm(forms.Form):
    council = forms.ModelChoiceField(queryset=Council.objects.none(), empty_label=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils_for(user)


class ImportForm(CouncilChoiceForm):
    file = forms.FileField(
        label="CSV file",
        help_text="A file exported from here and edited. Rows are matched by slug; "
        "services not in the file are left as they are.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("Save the file as CSV UTF-8 and upload it again.") from None


class ServiceCsvMixin:
    """Adds csv/export/ and csv/import/ to the Service admin, and links on its list page."""

    change_list_template = "admin/services/service/csv_change_list.html"

    def get_urls(self):
        own = [
            path(
                "csv/export/",
                self.admin_site.admin_view(self.csv_export_view),
                name="services_service_csv_export",
            ),
            path(
                "csv/import/",
                self.admin_site.admin_view(self.csv_import_view),
                name="services_service_csv_import",
            ),
        ]
        return own + super().get_urls()

    def csv_context(self, request, title, form):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "form": form,
        }

    def apply_or_hold(self, request, council, plan):
        """Write the plan; an editor's changes to published services wait as pending changes
        (services/changes.py). Returns how many wait."""
        held = []
        if not can_publish(request.user, council.pk):
            live = set(
                Service.objects.filter(council=council, status=Status.PUBLISHED)
                .values_list("pk", flat=True)
            )
            held = [(service, links) for service, links in plan.changes if service.pk in live]
            plan.changes = [item for item in plan.changes if item[0].pk not in live]
        with transaction.atomic():
            csv_io.apply_import(plan)
            for service, links in held:
                changes.propose(
                    service, changes.values_of(service, links), request.user, note="CSV import"
                )
        return len(held)

    def csv_export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = CouncilChoiceForm(request.GET or None, user=request.user)
        if form.is_valid():
            council = form.cleaned_data["council"]
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            day = timezone.localdate().isoformat()
            response["Content-Disposition"] = (
                f'attachment; filename="{council.slug}-services-{day}.csv"'
            )
            response.write("\ufeff")  # Excel reads UTF-8 only with a byte order mark.
            csv_io.export_services(council, response)
            return response
        context = self.csv_context(request, "Export services as CSV", form)
        return TemplateResponse(request, "admin/services/service/csv_export.html", context)

    def csv_import_view(self, request):
        if not (self.has_change_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
        plan = None
        if request.method == "POST" and form.is_valid():
            council = form.cleaned_data["council"]
            plan = csv_io.plan_import(
                council, form.cleaned_data["file"], can_publish(request.user, council.pk)
            )
            if not plan.errors:
                held = self.apply_or_hold(request, council, plan)
                message = (
                    f"{council}: {plan.created} services added, {plan.updated - held} changed, "
                    f"{plan.unchanged} unchanged."
                )
                if held:
                    message += (
                        f" {held} changes to published services wait for a publisher: "
                        "parents see the live versions until then."
                    )
                self.message_user(request, message, messages.SUCCESS)
                return redirect(reverse("admin:services_service_changelist"))
        context = self.csv_context(request, "Import services from CSV", form)
        context["errors"] = plan.errors if plan else []
        return TemplateResponse(request, "admin/services/service/csv_import.html", context)
