"""Guard rails on a council's settings: the address changes only when confirmed, and only a
superuser switches a council live (colour contrast is the model's own validator)."""

from django import forms

from services.admin.mixins import CouncilScopedForm
from services.admin.permissions import can_publish


class CouncilSettingsForm(CouncilScopedForm):
    confirm_slug_change = forms.BooleanField(
        label="Yes, change the address",
        required=False,
        help_text="Only needed when you change the slug. Old addresses will redirect to the new "
        "ones, but printed leaflets and bookmarks will show the old address.",
    )

    def clean(self):
        cleaned = super().clean()
        old, new = self.instance.slug if self.instance.pk else None, cleaned.get("slug")
        if old and new and new != old and not cleaned.get("confirm_slug_change"):
            self.add_error(
                "slug",
                f"Changing the slug moves every page of {self.instance.name} from /{old}/ to "
                f"/{new}/. The old addresses will redirect to the new ones. To go ahead, tick "
                "“Yes, change the address” and save again.",
            )
        return cleaned


class CouncilGuardRailsAdmin:
    """Mixin for the council ModelAdmin: the settings form, and `live` for superusers only."""

    form = CouncilSettingsForm

    def has_change_permission(self, request, obj=None):
        # Settings are a publisher's: an editor, or a publisher of another council, reads them.
        if obj is not None and not can_publish(request.user, obj.pk):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser and "live" not in readonly:
            readonly.append("live")
        return readonly
