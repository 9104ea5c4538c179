"""Comments on the Local Offer and the council's published responses (SEND Regs 2014 reg 56)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.models import months_after
from feedback import moderation
from services.models import Council

# Reg 56(3): comments and the council's response are published at least once a year.
PUBLISH_EVERY_MONTHS = 12


class CommentGroupQuerySet(models.QuerySet):
    def published(self):
        """Groups the public can read, newest first."""
        return self.filter(status=CommentGroup.Status.PUBLISHED).order_by("-published_on", "-pk")

    def for_council(self, council):
        return self.filter(council=council)


PUBLISH_NEEDS_A_DATE = (
    "Enter the date to show to the public before you publish this group, or save it as a draft."
)


class CommentGroup(models.Model):
    """Comments grouped and anonymised by staff, with the council's response and actions."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="comment_groups")
    title = models.CharField(
        max_length=200, help_text="A short heading for what people told you, e.g. Short breaks "
        "in the school holidays."
    )
    summary = models.TextField(
        "what people said",
        help_text="Your anonymised summary of the comments in this group. No names, ages, "
        "schools or other details that could identify a family (Markdown).",
    )
    response = models.TextField("our response", help_text="The council's response (Markdown).")
    actions = models.TextField(
        "what we will do", help_text="The actions the council will take, with dates if known "
        "(Markdown)."
    )
    published_on = models.DateField(
        null=True, blank=True, help_text="The date shown to the public. Needed to publish."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    objects = CommentGroupQuerySet.as_manager()

    class Meta:
        ordering = ["council", "-published_on"]
        verbose_name = "“You said, we did” group"
        verbose_name_plural = "“You said, we did” groups"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_on__isnull=False),
                name="published_group_has_a_date",
                violation_error_message=PUBLISH_NEEDS_A_DATE,
            )
        ]

    def __str__(self):
        return f"{self.council}: {self.title}"

    def get_absolute_url(self):
        return reverse("you-said-we-did", args=[self.council.slug])

    def clean(self):
        super().clean()
        if self.status == self.Status.PUBLISHED and self.published_on is None:
            raise ValidationError({"published_on": PUBLISH_NEEDS_A_DATE})


def last_publication(council):
    """The date of the council's newest published group, or None."""
    return (
        CommentGroup.objects.published().for_council(council)
        .aggregate(latest=models.Max("published_on"))["latest"]
    )


def publication_overdue(council, today=None, latest=...):
    """True when nothing was published in the last 12 months (SEND Regs 2014 reg 56(3))."""
    if latest is ...:
        latest = last_publication(council)
    return latest is None or months_after(latest, PUBLISH_EVERY_MONTHS) < (today or date.today())


class CommentQuerySet(models.QuerySet):
    def flagged(self):
        return self.exclude(flag_reasons="")


class Comment(models.Model):
    """What a parent wrote, exactly as written; no name, email or address is asked for."""

    class Topic(models.TextChoices):
        CONTENT = "content", "What the Local Offer says, the quality of the services in it, or gaps"
        ACCESSIBILITY = "accessibility", "How easy it is to find, read and use (accessibility)"
        DEVELOPMENT = "development", "How the Local Offer was developed or reviewed"

    class State(models.TextChoices):
        NEW = "new", "New: not yet read"
        GROUPED = "grouped-for-publication", "Grouped for publication"
        VEXATIOUS = "excluded-vexatious", "Left out: vexatious"
        INDIVIDUAL = (
            "excluded-individual-service",
            "Left out: about a service to one person (pointed to complaints)",
        )

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="comments")
    topic = models.CharField(max_length=20, choices=Topic.choices)
    text = models.TextField("comment", help_text="What the parent wrote. It is never published "
                            "as it is: publish an anonymised summary in a group.")
    received_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(
        "moderation", max_length=30, choices=State.choices, default=State.NEW,
        help_text="Reg 56(4) lets you leave out vexatious comments and comments about a service "
        "to one person; point those to the complaints procedure.",
    )
    group = models.ForeignKey(
        CommentGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments",
        help_text="The published group this comment is summarised in.",
    )
    flag_reasons = models.CharField(
        "personal data", max_length=200, blank=True, editable=False,
        help_text="Set automatically when the comment seems to contain a name, email address or "
        "phone number.",
    )
    staff_note = models.TextField(blank=True, help_text="For staff only. Never published.")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["council", "state"], name="comment_council_state")]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.flag_reasons = moderation.describe(moderation.personal_data(self.text))
        super().save(*args, **kwargs)

    @property
    def flagged(self):
        return bool(self.flag_reasons)
