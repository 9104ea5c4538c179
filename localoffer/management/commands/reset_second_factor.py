"""Remove a staff member's authenticator app and recovery codes, when they have lost them.

    python manage.py reset_second_factor <username>

At their next sign-in they set up a new authenticator app. Run it only after checking who is
asking (SECURITY.md, "Staff sign-in").
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Remove a staff member's second factor so they set up a new one at next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account with the username {username!r}.")
        removed = sum(
            model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
            for model in (TOTPDevice, StaticDevice)
        )
        self.stdout.write(
            f"Removed {removed} second-factor device(s) of {username}. They will set up a new "
            "authenticator app at their next sign-in."
        )
