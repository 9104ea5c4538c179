"""Email each council's publishers what is overdue for review and what falls due within 30 days.

Run it once a day (cron or a systemd timer: see README "Review reminders"). A council with
nothing to review, or with no publisher who has an email address, gets no email.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import timezone

from services.admin.reviews import DUE_SOON_DAYS, needs_review
from services.models import Council, Role, StaffMembership


def publisher_emails(council):
    """The email addresses of the council's active publishers, in a stable order."""
    return sorted(
        {
            email
            for email in StaffMembership.objects.filter(
                council=council, role=Role.PUBLISHER, user__is_active=True
            ).values_list("user__email", flat=True)
            if email
        }
    )


def reminder_text(council, items, today):
    """The email's body: overdue items first, then what falls due soon, each with its date."""
    overdue = [item for item in items if item.overdue]
    soon = [item for item in items if not item.overdue]
    lines = [
        f"Local Offer content for {council.name} needs checking.",
        "The law says the Local Offer must be kept under review (Children and Families Act 2014 "
        "section 30).",
        "",
    ]
    for heading, group in (
        (f"Overdue ({len(overdue)})", overdue),
        (f"Due in the next {DUE_SOON_DAYS} days ({len(soon)})", soon),
    ):
        if not group:
            continue
        lines.append(heading + ":")
        for item in group:
            lines.append(
                f"- {item.kind}: {item.obj} (review due {item.review_due:%-d %B %Y}; "
                f"{item.when.lower()})"
            )
        lines.append("")
    site = settings.SITE_URL.rstrip("/")
    where = f"{site}/admin/" if site else "the admin"
    lines += [
        f"Open {where}, check each item is still right, then choose \"Mark as reviewed\".",
        f"Sent on {today:%-d %B %Y}.",
    ]
    return "\n".join(lines) + "\n"


class Command(BaseCommand):
    help = (
        "Email each council's publishers what is overdue for review and what falls due "
        f"within {DUE_SOON_DAYS} days. Run it once a day."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        sent = 0
        for council in Council.objects.order_by("name"):
            items = needs_review(council, on=today)
            if not items:
                continue
            recipients = publisher_emails(council)
            if not recipients:
                self.stderr.write(
                    f"{council.name}: {len(items)} to review, but no publisher has an email "
                    "address"
                )
                continue
            overdue = sum(item.overdue for item in items)
            subject = (
                f"{council.name} Local Offer: {overdue} overdue, "
                f"{len(items) - overdue} due soon for review"
            )
            send_mail(
                subject,
                reminder_text(council, items, today),
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
            sent += 1
            self.stdout.write(f"{council.name}: sent to {len(recipients)} publisher(s)")
        self.stdout.write(f"Sent {sent} reminder email(s)")
