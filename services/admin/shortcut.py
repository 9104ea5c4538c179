"""The admin's "View on site" redirect (/admin/r/<type>/<id>/), scoped like every admin view.

Django's own shortcut redirects to any object's public address, so an officer could learn
another council's draft addresses from it. Here the object must be one the officer's admin list
would show (services.admin.permissions), otherwise the answer is 404.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404

from services.admin.permissions import scoped_queryset


def scoped_shortcut(request, content_type_id, object_id):
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None or (model not in admin.site._registry and not request.user.is_superuser):
        raise Http404
    try:
        visible = scoped_queryset(request.user, model).filter(pk=object_id).exists()
    except (ValueError, ValidationError):
        visible = False
    if not visible:
        raise Http404
    return shortcut(request, content_type_id, object_id)


view_on_site = admin.site.admin_view(scoped_shortcut)
