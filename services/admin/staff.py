"""Staff management in one place: add council staff (account, staff status, role, council) in
one form, keep role groups in step, unlock staff locked out after wrong passwords, and warn at
sign-in before the last try."""

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import ngettext

from services.admin.permissions import can_publish, publisher_council_ids
from services.management.commands.add_council_staff import role_group
from services.models import Council, Role, StaffMembership


def sync_role_groups(user):
    """The account is in the group of each role it holds in any council, and in no other."""
    roles = set(StaffMembership.objects.filter(user=user).values_list("role", flat=True))
    for role in Role:
        group = role_group(role)
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)


class AddCouncilStaffForm(forms.Form):
    username = forms.CharField(
        max_length=150, help_text="Letters, digits and @ . + - _ only, e.g. jo.smith."
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We email a link to set a password. Use their council email address.",
    )
    council = forms.ModelChoiceField(queryset=Council.objects.none(), empty_label=None)
    role = forms.ChoiceField(choices=Role.choices)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        councils = Council.objects.all()
        if not user.is_superuser:
            councils = councils.filter(pk__in=publisher_council_ids(user))
        self.fields["council"].queryset = councils

    def clean_username(self):
        username = self.cleaned_data["username"]
        try:
            get_user_model().username_validator(username)
        except ValidationError:
            raise ValidationError(
                "Enter a username of letters, digits and @ . + - _ only."
            ) from None
        existing = get_user_model().objects.filter(username=username).first()
        if existing is not None and not self.user.is_superuser:
            raise ValidationError(
                "That username is already taken. Choose another, or ask a superuser to add the "
                "existing account to your council."
            )
        return username


class StaffManagementAdmin:
    """Mixin for the staff membership ModelAdmin: one "add council staff" form, role groups
    kept in step, and unlocking of locked-out staff by their councils' publishers."""

    actions = ["unlock_selected"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "is_locked_out"]

    @admin.display(description="Locked out", boolean=True)
    def is_locked_out(self, obj):
        return is_locked_out(obj.user)

    def has_add_permission(self, request):
        return request.user.is_superuser or bool(publisher_council_ids(request.user))

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = AddCouncilStaffForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            user = add_council_staff(request, **form.cleaned_data)
            self.message_user(
                request,
                f"Added {user.username} as {form.cleaned_data['role']} for "
                f"{form.cleaned_data['council']}. We emailed {user.email} a link to set a "
                "password.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:services_staffmembership_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Add council staff",
            "form": form,
            "adminform": helpers.AdminForm(form, [(None, {"fields": list(form.fields)})], {}),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/add_council_staff.html", context)

    def save_model(self, request, obj, form, change):
        if not (request.user.is_superuser or can_publish(request.user, obj.council_id)):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        sync_role_groups(obj.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        sync_role_groups(obj.user)

    def delete_queryset(self, request, queryset):
        users = [membership.user for membership in queryset.select_related("user")]
        super().delete_queryset(request, queryset)
        for user in users:
            sync_role_groups(user)

    @admin.action(description="Unlock selected staff (after too many wrong passwords)")
    def unlock_selected(self, request, queryset):
        unlocked = 0
        for membership in queryset.select_related("user"):
            if request.user.is_superuser or can_publish(request.user, membership.council_id):
                axes_reset(username=membership.user.username)
                unlocked += 1
        self.message_user(
            request,
            ngettext(
                "Unlocked %d account: they can sign in again now.",
                "Unlocked %d accounts: they can sign in again now.",
                unlocked,
            ) % unlocked,
            messages.SUCCESS,
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not (request.user.is_superuser or publisher_council_ids(request.user)):
            actions.pop("unlock_selected", None)
        return actions


def is_locked_out(user):
    return AccessAttempt.objects.filter(
        username=user.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).exists()


def add_council_staff(request, username, email, council, role):
    """Create or update the account, make it staff, give it the role in the council, keep its
    groups in step, and email it a link to set its password."""
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model(username=username)
            user.set_unusable_password()
        user.email = email
        user.is_staff = True
        user.is_active = True
        user.save()
        StaffMembership.objects.update_or_create(
            user=user, council=council, defaults={"role": role}
        )
        sync_role_groups(user)
    send_set_password_email(request, user)
    return user


def send_set_password_email(request, user):
    """Django's password reset email, sent to this one account."""
    form = PasswordResetForm({"email": user.email})
    form.is_valid()
    form.get_users = lambda email: [user]
    form.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.txt",
    )


class StaffLoginForm(AdminAuthenticationForm):
    """The admin sign-in form: after a wrong password, says when only one try is left."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            username = self.cleaned_data.get("username")
            if username and self.request is not None:
                failures = AxesProxyHandler.get_failures(
                    self.request, {"username": username}
                )
                if settings.AXES_FAILURE_LIMIT - failures == 1:
                    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
                    raise ValidationError(
                        [
                            *self.get_invalid_login_error().error_list,
                            ValidationError(
                                "You have one more try. After another wrong password, signing "
                                f"in is locked for {minutes} minutes. Choose “Forgotten your "
                                "password?” to set a new one."
                            ),
                        ]
                    ) from None
            raise
