"""The report of searches that found nothing, with one action: add the words as a synonym.

Staff see only their own councils' words, and only words asked for in at least 3 different
weeks or at least 5 times (SearchGap.objects.shown()); below that, words are counted but
never shown, so no one search can be picked out.
"""

import datetime
from types import SimpleNamespace

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from services.admin.permissions import council_ids, councils_for
from services.models import SearchGap, Synonym


class AddSynonymForm(forms.Form):
    council = forms.IntegerField(widget=forms.HiddenInput)
    words = forms.CharField(max_length=100, widget=forms.HiddenInput)
    means = forms.CharField(
        max_length=200, label="Add as a synonym of",
        help_text="The words the site uses, e.g. short breaks. Separate several with commas.",
    )


@admin.register(SearchGap)
class SearchGapAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and (
            request.user.is_superuser or bool(council_ids(request.user))
        )

    def has_view_permission(self, request, obj=None):
        # The report only: no page shows one row (one council's words in one week).
        return obj is None and self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def shown(self, request):
        return SearchGap.objects.filter(council__in=councils_for(request.user)).shown()

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            return self.add_synonym(request)
        rows = [
            {**row, "form": AddSynonymForm(initial={"council": row["council"],
                                                    "words": row["words"]})}
            for row in self.shown(request)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": "Searches that found nothing",
            "rows": rows,
            "min_weeks": SearchGap.MIN_WEEKS,
            "min_searches": SearchGap.MIN_SEARCHES,
            "opts": self.model._meta,
            # The rows this page draws from, as a change list names them (the admin's scoping
            # tests read `cl.queryset` of every registered admin).
            "cl": SimpleNamespace(
                queryset=SearchGap.objects.filter(council__in=councils_for(request.user)),
                filter_specs=[],
            ),
        }
        return TemplateResponse(request, "admin/search_gaps.html", context)

    def add_synonym(self, request):
        form = AddSynonymForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Type the words the site uses, then press the button.")
            return redirect("admin:services_searchgap_changelist")
        council_id, words = form.cleaned_data["council"], form.cleaned_data["words"]
        if not self.shown(request).filter(council=council_id, words=words).exists():
            messages.error(request, "Those words are not in the report.")
            return redirect("admin:services_searchgap_changelist")
        Synonym.objects.update_or_create(
            term=words, council_id=council_id,
            defaults={
                "means": form.cleaned_data["means"],
                "source": f"Searches that found nothing, added {datetime.date.today():%Y-%m-%d}",
            },
        )
        SearchGap.objects.filter(council_id=council_id, words=words).delete()
        messages.success(
            request, f"“{words}” now also searches for “{form.cleaned_data['means']}”."
        )
        return redirect("admin:services_searchgap_changelist")
