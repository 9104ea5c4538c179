"""Recently deleted: services, FAQs, pages and contacts of the officer's councils that were
deleted in the last 90 days, restored by a publisher from their history (issue 19).

A deleted item is a history row of type "-" whose object no longer exists. Restoring writes it
back with its old id and every field of its last version, with the many-to-many links of its
last saved version (the deletion row records none: the links go before the row does). Only a
publisher of the item's council (or a superuser) restores; an editor is told to ask one,
because a restored item may be live at once.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from services import changes
from services.admin.permissions import can_publish, council_ids
from services.models import FAQ, Contact, Page, Service

MODELS = {model._meta.label_lower: model for model in (Service, FAQ, Page, Contact)}
DAYS = 90


def deletions(user, model):
    """The latest deletion row of each deleted object of `model` in the user's councils."""
    since = timezone.now() - datetime.timedelta(days=DAYS)
    rows = model.history.filter(history_type="-", history_date__gte=since).exclude(
        id__in=model._default_manager.values("pk")
    )
    if not user.is_superuser:
        rows = rows.filter(council_id__in=council_ids(user))
    latest = {}
    for row in rows.select_related("history_user").order_by("history_date"):
        latest[row.id] = row
    return list(latest.values())


def last_links(model, object_id):
    """The links of the object's last saved version, where history records them."""
    saved = model.history.filter(id=object_id).exclude(history_type="-").order_by(
        "-history_date", "-history_id"
    ).first()
    if saved is None:
        return {}
    from services.admin.mixins import version_links

    links = version_links(model, saved.history_id)
    for name, ids in links.items():
        related = model._meta.get_field(name).related_model
        links[name] = list(related._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
    return links


def restore(row, user):
    """Write the deleted object back from its deletion row, as a publisher."""
    model = row.instance_type
    obj = row.instance
    links = last_links(model, obj.pk)
    values = changes.values_of(obj, links)
    values = {name: value for name, value in values.items()
              if not model._meta.get_field(name).many_to_many or name in links}
    return changes.write(obj, values, user, "Restored after deletion")


class RecentlyDeletedView:
    """The page and its one action; hung on the council admin's URLs (services/admin/content)."""

    def __init__(self, admin_site):
        self.admin_site = admin_site

    def __call__(self, request):
        if not request.user.is_superuser and not council_ids(request.user):
            raise PermissionDenied
        if request.method == "POST":
            return self.post(request)
        items = []
        for label, model in MODELS.items():
            for row in deletions(request.user, model):
                opts = model._meta
                items.append({
                    "row": row,
                    "label": label,
                    "kind": opts.verbose_name.capitalize(),
                    "may_restore": can_publish(request.user, row.council_id),
                    "history_url": reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_history", args=[row.id]
                    ),
                })
        items.sort(key=lambda item: item["row"].history_date, reverse=True)
        context = {
            **self.admin_site.each_context(request),
            "title": "Recently deleted",
            "items": items,
            "days": DAYS,
        }
        return TemplateResponse(request, "admin/recently_deleted.html", context)

    def post(self, request):
        model = MODELS.get(request.POST.get("kind", ""))
        history_id = request.POST.get("version", "")
        if model is None or not history_id.isdigit():
            return HttpResponseBadRequest("Choose an item from the list to restore it.")
        rows = {row.history_id: row for row in deletions(request.user, model)}
        row = rows.get(int(history_id))
        if row is None:
            raise Http404("That item is not in the list: it may be restored already.")
        if not can_publish(request.user, row.council_id):
            messages.error(
                request,
                f"Ask a publisher of {row.council} to restore “{row.instance}”: a restored "
                "item can be live for parents at once.",
            )
            return redirect("admin:services_recently_deleted")
        try:
            obj = restore(row, request.user)
        except ValidationError as problem:
            messages.error(request, f"“{row.instance}” cannot be restored: "
                           + " ".join(problem.messages))
            return redirect("admin:services_recently_deleted")
        opts = model._meta
        messages.success(request, f"Restored “{obj}”. Check it before parents rely on it.")
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change",
                                args=[obj.pk]))
