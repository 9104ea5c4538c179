"""ModelAdmin mixins: every admin page scoped to the staff account's councils (permissions.py).

Set `national = True` on admins of national data (read-only to council staff).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import ngettext

from core.formatting import render_markdown_with_report
from core.glossary import glossary_acronyms
from core.models import Status
from services import changes
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

# Content whose changes by an editor wait for a publisher (services/changes.py).
MODERATED = {
    "services.Service", "services.FAQ", "services.Page", "services.Contact",
    "services.Synonym", "eligibility.Timescale", "eligibility.RoutePolicy",
}


def version_links(model, version_id):
    """The many-to-many links a history version recorded: {field name: ids}."""
    version = model.history.get(history_id=version_id)
    links = {}
    for field in getattr(model.history.model, "_history_m2m_fields", []):
        rows = getattr(version, field.name).all()
        target = field.m2m_reverse_field_name()
        links[field.name] = [getattr(row, f"{target}_id") for row in rows]
    return links


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
        if not (super().has_delete_permission(request, obj) and self._editable_by(request, obj)):
            return False
        if self.moderated and obj is not None and self._is_live(obj):
            # Removing what parents see is a publisher's decision.
            return can_publish(request.user, changes.council_id_of(obj))
        return True

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
        waiting = None
        if getattr(request, "_editing_live_object", False) and obj is not None:
            # An editor who comes back to their change starts from it, not the live version.
            open_change = changes.open_change(obj, user)
            waiting = open_change.data if open_change else None

        class PublishingForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if waiting and not self.is_bound:
                    self.initial.update(
                        {name: value for name, value in waiting.items() if name in self.fields}
                    )

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
        if not user.is_superuser and (self.national or not in_scope(user, obj)):
            raise PermissionDenied
        if self.moderated:
            self._save_moderated(request, obj, form)
            return
        if not user.is_superuser and self._has_status() and not can_publish(
            user, obj.council_id
        ):
            obj.status = Status.DRAFT
        version = getattr(request, "_reverting_to_version", None)
        if version is not None:
            obj._change_reason = f"Reverted to version {version}"
        super().save_model(request, obj, form, change)

    # Changes wait beside the live version (services/changes.py) ---------------------------

    @property
    def moderated(self):
        return self.model._meta.label in MODERATED

    def _is_live(self, obj):
        """Parents can see it: a saved row, and published if it has a status."""
        if obj.pk is None:
            return False
        if not self._has_status():
            return True
        live = self.model._default_manager.filter(pk=obj.pk).values_list("status", flat=True)
        return live.first() == Status.PUBLISHED

    def _must_wait(self, request, obj):
        """An editor's change to what parents see (or a new contact, timescale or synonym)."""
        if can_publish(request.user, changes.council_id_of(obj)):
            return False
        return not self._has_status() or self._is_live(obj)

    def _save_moderated(self, request, obj, form):
        """Write at once with one history entry, or keep the change for a publisher."""
        user = request.user
        form.save_m2m = lambda: None  # links are written below, with the row
        links = {
            f.name: form.cleaned_data[f.name]
            for f in self.model._meta.many_to_many if f.name in form.cleaned_data
        }
        version = getattr(request, "_reverting_to_version", None)
        if version is not None:
            links.update(version_links(self.model, version))
        if self._must_wait(request, obj):
            request._pending_change = changes.propose(obj, changes.values_of(obj, links), user)
            return
        if self._has_status() and not can_publish(user, obj.council_id):
            obj.status = Status.DRAFT
        proposed = changes.values_of(obj, links)
        if obj.pk is None:
            reason = "Added"
        else:
            live = changes.values_of(self.model._default_manager.get(pk=obj.pk))
            names = changes.difference(self.model, live, proposed)
            reason = "Changed " + ", ".join(names) if names else "Saved with no change"
        if version is not None:
            reason = f"Reverted to version {version}"
        changes.write(obj, proposed, user, reason)

    def _pending_redirect(self, request):
        change = request._pending_change
        self.message_user(
            request,
            "Your change is saved beside the live version. Parents still see the live version "
            "until a publisher approves it. Add a note and submit it for review.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:services_pendingchange_change", args=[change.pk]))

    def response_change(self, request, obj):
        if getattr(request, "_pending_change", None):
            return self._pending_redirect(request)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_pending_change", None):
            return self._pending_redirect(request)
        return super().response_add(request, obj, post_url_continue)

    def log_change(self, request, obj, message):
        if getattr(request, "_pending_change", None):
            return None
        return super().log_change(request, obj, message)

    def log_addition(self, request, obj, message):
        if getattr(request, "_pending_change", None):
            return None
        return super().log_addition(request, obj, message)

    def get_urls(self):
        opts = self.model._meta
        ask = self.admin_site.admin_view(self.ask_to_publish_view)
        compare = self.admin_site.admin_view(self.history_compare_view)
        return [
            path("<path:object_id>/ask-to-publish/", ask,
                 name=f"{opts.app_label}_{opts.model_name}_ask_to_publish"),
            # Before simple-history's <object_id>/history/<version_id>/, which would take it.
            path("<path:object_id>/history/compare/", compare,
                 name=f"{opts.app_label}_{opts.model_name}_history_compare"),
        ] + super().get_urls()

    def ask_to_publish_view(self, request, object_id):
        """An editor asks a publisher to publish a draft: a pending change of its status."""
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if request.method != "POST" or not self._has_status() or not self.moderated:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        proposed = {**changes.values_of(obj), "status": Status.PUBLISHED}
        request._pending_change = changes.propose(obj, proposed, request.user)
        return self._pending_redirect(request)

    def render_change_form(self, request, context, add=False, change=False, form_url="",
                           obj=None):
        if self.moderated and not can_publish(
            request.user, changes.council_id_of(obj) if obj else None
        ):
            context["moderated"] = True
            context["has_status"] = self._has_status()
            context["is_live"] = obj is not None and self._is_live(obj)
            context["open_change"] = obj and changes.open_change(obj, request.user)
            opts = self.model._meta
            if obj is not None and self._has_status() and not context["is_live"]:
                context["ask_to_publish_url"] = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_ask_to_publish", args=[obj.pk]
                )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def delete_model(self, request, obj):
        if not self._editable_by(request, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    # Actions --------------------------------------------------------------------------------

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.moderated and "delete_selected" in actions and not (
            request.user.is_superuser or publisher_council_ids(request.user)
        ):
            del actions["delete_selected"]
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

    object_history_list_template = "admin/history_list_compare.html"

    def history_compare_view(self, request, object_id):
        """Two versions side by side, field by field: ?a=<history id>&b=<history id or live>."""
        if not hasattr(self.model, "history"):
            raise Http404
        self._check_live_object_in_scope(request, object_id)
        records = self.model.history.filter(**{self.model._meta.pk.attname: object_id})
        live = self.get_object(request, object_id)
        latest = records.order_by("-history_date", "-history_id").first()
        if not self.has_view_permission(request, live or latest.instance):
            raise PermissionDenied
        recorded = [f.name for f in getattr(self.model.history.model, "_history_m2m_fields", [])]
        versions = []
        for key in ("a", "b"):
            wanted = request.GET.get(key, "live" if key == "b" else "")
            if wanted == "live":
                if live is None:
                    return HttpResponseBadRequest("This item is deleted: it has no live version.")
                values = changes.values_of(live)
                values = {name: value for name, value in values.items()
                          if name in recorded or not self.model._meta.get_field(name).many_to_many}
                versions.append(("The live version", values))
                continue
            if not wanted.isdigit():
                return HttpResponseBadRequest(
                    "Choose two versions from the history list to compare them."
                )
            record = records.filter(history_id=int(wanted)).first()
            if record is None:
                raise Http404
            values = changes.version_values(
                self.model, record, version_links(self.model, record.history_id)
            )
            label = f"Version of {record.history_date:%-d %B %Y, %H:%M}"
            if record.history_user:
                label += f" by {record.history_user}"
            versions.append((label, values))
        (label_a, values_a), (label_b, values_b) = versions
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare versions: {live or latest.instance}",
            "opts": opts,
            "object_id": object_id,
            "history_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id]
            ),
            "label_a": label_a,
            "label_b": label_b,
            "rows": changes.compare(self.model, values_a, values_b),
        }
        return TemplateResponse(request, "admin/history_compare.html", context)

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
        request._editing_live_object = self.moderated
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
