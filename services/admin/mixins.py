"""ModelAdmin mixins: every admin page scoped to the staff account's councils (permissions.py).

Set `national = True` on admins of national data (read-only to council staff).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import ngettext

from core.formatting import render_markdown_with_report
from core.glossary import glossary_acronyms
from core.models import Status
from services.admin.permissions import (
    can_publish,
    council_field,
    in_scope,
    is_national,
    publisher_council_ids,
    scoped_queryset,
)
from services.admin.readability import READING_EASE_TARGET, reading_ease
from services.admin.reviews import MarkReviewedAdmin
from services.models import Council


class CouncilScopedForm(forms.ModelForm):
    """Refuses related objects that belong to another council than the object's own."""

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        if model is Council or council_field(model) is None:
            return cleaned
        owner = cleaned.get("council", getattr(self.instance, "council", None))
        owner_id = owner.pk if owner is not None else None
        for name, value in list(cleaned.items()):
            if name == "council" or value is None:
                continue
            related = value if isinstance(value, models.QuerySet | list) else [value]
            for item in related:
                if not isinstance(item, models.Model):
                    break
                if isinstance(item, Council) or council_field(type(item)) is None:
                    continue
                item_council = getattr(item, council_field(type(item)).attname)
                if item_council is not None and item_council != owner_id:
                    self.add_error(name, f"“{item}” belongs to another council.")
                    break
        return cleaned


class CouncilScopedAdmin(MarkReviewedAdmin):
    """Mixin for ModelAdmins: rows, choices, filters, search, history and actions per council.

    Set `national = True` on admins of national data (read-only to council staff).
    `parent_text_fields` lists the parent-facing text whose reading ease the change form
    shows; `markdown_fields` lists the fields previewed as the public site renders them.
    """

    national = False
    form = CouncilScopedForm
    parent_text_fields = ()
    markdown_fields = ()
    change_form_template = "admin/scoped_change_form.html"

    # Rows -----------------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if council_field(self.model) == "council":
            queryset = queryset.select_related("council")  # change lists show it on every row
        return scoped_queryset(request.user, self.model, queryset)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        return scoped_queryset(request.user, self.model, queryset), may_have_duplicates

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django redirects to the index; another council's object is plainly "not found".
        raise Http404

    # Permissions ----------------------------------------------------------------------------

    def _editable_by(self, request, obj):
        user = request.user
        if user.is_superuser:
            return True
        if self.national:
            return False
        return obj is None or in_scope(user, obj)

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        return in_scope(request.user, obj) or is_national(obj)

    def has_add_permission(self, request, *args):
        if self.national and not request.user.is_superuser:
            return False
        return super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable_by(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable_by(request, obj)

    # Choices --------------------------------------------------------------------------------

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs["queryset"] = scoped_queryset(
            request.user, db_field.related_model, kwargs.get("queryset")
        )
        if db_field.name == "council" and not request.user.is_superuser:
            # Staff put content in a council; only superusers write national rows.
            kwargs["required"] = True
            kwargs["queryset"] = scoped_queryset(request.user, Council)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = scoped_queryset(
            request.user, db_field.related_model, kwargs.get("queryset")
        )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_list_filter(self, request):
        # Related filters list only values present in the rows this user may see.
        scoped = []
        for item in super().get_list_filter(request):
            if isinstance(item, str) and self._is_relation(item):
                item = (item, admin.RelatedOnlyFieldListFilter)
            scoped.append(item)
        return scoped

    def _is_relation(self, name):
        try:
            return self.model._meta.get_field(name).is_relation
        except FieldDoesNotExist:
            return False

    # Saving ---------------------------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._has_status() and not self._may_choose_status(request, obj):
            readonly.append("status")
        return readonly

    def _has_status(self):
        return any(f.name == "status" for f in self.model._meta.fields)

    def _may_choose_status(self, request, obj):
        user = request.user
        if user.is_superuser:
            return True
        if obj is not None and council_field(type(obj)) is not None:
            return can_publish(user, getattr(obj, council_field(type(obj)).attname))
        return bool(publisher_council_ids(user))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class PublishingForm(form):
            def clean(self):
                cleaned = super().clean()
                council = cleaned.get("council", getattr(self.instance, "council", None))
                council_id = council.pk if isinstance(council, Council) else None
                if cleaned.get("status") == Status.PUBLISHED and not can_publish(
                    user, council_id
                ):
                    self.add_error(
                        "status", "Save this as a draft. A publisher in your council publishes it."
                    )
                return cleaned

        return PublishingForm

    def save_model(self, request, obj, form, change):
        user = request.user
        if not user.is_superuser:
            if self.national or not in_scope(user, obj):
                raise PermissionDenied
            if self._has_status() and not can_publish(user, obj.council_id):
                obj.status = Status.DRAFT
        version = getattr(request, "_reverting_to_version", None)
        if version is not None:
            obj._change_reason = f"Reverted to version {version}"
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        if not self._editable_by(request, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    # Actions --------------------------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "publish_selected" in actions and not (
            request.user.is_superuser or publisher_council_ids(request.user)
        ):
            del actions["publish_selected"]
        return actions

    @admin.action(description="Publish selected %(verbose_name_plural)s")
    def publish_selected(self, request, queryset):
        user = request.user
        if not user.is_superuser:
            queryset = queryset.filter(council__in=publisher_council_ids(user))
        published = 0
        for obj in queryset.exclude(status=Status.PUBLISHED):
            obj.status = Status.PUBLISHED
            obj._history_user = user
            obj._change_reason = "Published"
            obj.save()
            published += 1
        self.message_user(
            request,
            ngettext("Published %d item.", "Published %d items.", published) % published,
            messages.SUCCESS,
        )

    # History --------------------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        self._check_live_object_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_live_object_in_scope(request, object_id)
        if request.method == "POST" and not self.has_change_permission(
            request, self.get_object(request, object_id)
        ):
            raise PermissionDenied
        if request.method == "POST":
            request._reverting_to_version = version_id
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _check_live_object_in_scope(self, request, object_id):
        """Another council's object, live or deleted, is not found; own deleted rows are."""
        try:
            self.model._meta.pk.to_python(object_id)
        except ValidationError:
            raise Http404 from None  # not an id at all (issue 18: was a 500)
        live = self.model._default_manager.filter(pk=object_id).first()
        if live is not None:
            if self.get_object(request, object_id) is None:
                raise Http404
            return
        if not hasattr(self.model, "history"):
            raise Http404  # a model without history has nothing to show for a deleted row
        history = self.model.history.filter(pk=object_id).order_by("-history_date").first()
        if history is None or not (
            request.user.is_superuser or in_scope(request.user, history.instance)
            or is_national(history.instance)
        ):
            raise Http404

    # Preview and plain-English help ---------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        obj = self.get_object(request, object_id)
        if obj is not None:
            extra_context.update(self.writing_help(obj))
        return super().change_view(request, object_id, form_url, extra_context)

    def writing_help(self, obj):
        """Reading-ease scores and a Markdown preview of the saved object's parent text."""
        scores, previews = [], []
        for name in self.parent_text_fields:
            text = getattr(obj, name, "") or ""
            if not text.strip():
                continue
            label = self.model._meta.get_field(name).verbose_name
            score = round(reading_ease(text), 1)
            scores.append({"label": label, "score": score, "hard": score < READING_EASE_TARGET})
        for name in self.markdown_fields:
            text = getattr(obj, name, "") or ""
            if text.strip():
                label = self.model._meta.get_field(name).verbose_name
                html, removed = render_markdown_with_report(text, glossary_acronyms())
                previews.append({"label": label, "html": html, "removed": removed})
        return {
            "reading_scores": scores,
            "reading_target": READING_EASE_TARGET,
            "hard_to_read": any(row["hard"] for row in scores),
            "previews": previews,
        }
