"""Create or update a council staff account: `add_council_staff USERNAME --council SLUG --role R`.

The password comes from the STAFF_PASSWORD environment variable or, at a terminal, a prompt.
Bad arguments get a one-line error on stderr and exit status 2.
"""

import os
import sys
from getpass import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from services.models import Council, Role, StaffMembership

# Model permissions each role needs; which councils' rows it reaches is services.admin.mixins's job.
COUNCIL_CONTENT = [
    "services.service", "services.faq", "services.page", "services.contact",
    "services.synonym", "eligibility.routeguide", "eligibility.levelofneed",
    "eligibility.timescale", "eligibility.routepolicy", "feedback.comment",
    "feedback.commentgroup",
]
NATIONAL = [
    "services.category", "services.glossaryterm", "eligibility.legalduty",
    "eligibility.routetype",
]
ROLE_PERMISSIONS = {
    Role.EDITOR: (
        [f"{model}.{action}" for model in COUNCIL_CONTENT for action in ("add", "change", "view")]
        + [f"{model}.view" for model in NATIONAL]
        + ["services.council.view"]
    ),
    Role.PUBLISHER: (
        [
            f"{model}.{action}"
            for model in COUNCIL_CONTENT
            for action in ("add", "change", "delete", "view")
        ]
        + [f"{model}.view" for model in NATIONAL]
        + ["services.council.view", "services.council.change"]
        # Their own councils' staff: add, change role, remove, unlock (services.admin.staff).
        + [f"services.staffmembership.{action}" for action in ("add", "change", "delete", "view")]
    ),
}
GROUP_NAMES = {Role.EDITOR: "Council editors", Role.PUBLISHER: "Council publishers"}


def role_group(role):
    """The Group holding a role's model permissions, created or brought up to date."""
    group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
    permissions = []
    for name in ROLE_PERMISSIONS[role]:
        app_label, model, action = name.split(".")
        permissions.append(
            Permission.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            )
        )
    group.permissions.set(permissions)
    return group


def usage_error(message):
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Create or update a council staff account as an editor or a publisher."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--council", required=True, help="The council's slug, e.g. essex.")
        parser.add_argument("--role", required=True, help="editor or publisher.")
        parser.add_argument("--email", default="", help="The account's email address.")

    def handle(self, *args, username, council, role, email, **options):
        user_model = get_user_model()
        try:
            user_model.username_validator(username)
        except ValidationError:
            raise usage_error(
                f"“{username}” is not a valid username: use letters, digits and @ . + - _ only"
            ) from None
        if role not in Role.values:
            raise usage_error(f"Unknown role “{role}”: use editor or publisher")
        found = Council.objects.filter(slug=council).first()
        if found is None:
            raise usage_error(f"No council with the slug “{council}”")
        password = self.read_password()
        user = user_model.objects.filter(username=username).first() or user_model(
            username=username
        )
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise usage_error("Password refused: " + " ".join(error.messages)) from None

        with transaction.atomic():
            created = user.pk is None
            user.is_staff = True
            user.is_active = True
            if email:
                user.email = email
            user.set_password(password)
            user.save()
            StaffMembership.objects.update_or_create(
                user=user, council=found, defaults={"role": role}
            )
            roles = set(user.memberships.values_list("role", flat=True))
            for each in Role:
                group = role_group(each)
                if each in roles:
                    user.groups.add(group)
                else:
                    user.groups.remove(group)
        action = "Created" if created else "Updated"
        self.stdout.write(f"{action} {username}: {role} for {found.name}")

    def read_password(self):
        password = os.environ.get("STAFF_PASSWORD")
        if password:
            return password
        if not sys.stdin.isatty():
            raise usage_error("Set STAFF_PASSWORD: there is no terminal to ask for a password")
        password = getpass("Password: ")
        if password != getpass("Password (again): "):
            raise usage_error("The passwords did not match")
        if not password:
            raise usage_error("Enter a password")
        return password
