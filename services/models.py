"""Councils and their content: contacts, services, FAQs, pages, and who edits them."""

import re
import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from core.formatting import tel_href
from core.models import Publishable, Reviewed, Status
from core.querysets import PublishableQuerySet
from services.querysets import OLDEST, YOUNGEST, ServiceQuerySet

# First URL segments that belong to the whole site, so no council may take them as a slug.
RESERVED_SLUGS = frozenset(
    {
        "rights", "glossary", "privacy", "accessibility", "tools", "open-referral",
        "admin", "static", "media", "api", "healthz", "readyz", "accounts",
    }
)
ORUK_NAMESPACE = uuid.UUID("7f1c6f52-5b0e-4c55-9a0f-5d3c2f3e9b11")
HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour like #00487a.")


# Addresses under /<council>/ that belong to features, so no council page may take them.
RESERVED_PAGE_SLUGS = frozenset(
    {
        "levels-of-need", "services", "routes", "faq", "find-my-route", "letters",
        "have-your-say", "you-said-we-did", "open-referral", "theme.css", "search",
        "step-by-step", "contact",
    }
)


def validate_page_slug(value):
    if value in RESERVED_PAGE_SLUGS:
        raise ValidationError(f"“{value}” is used by another page of the council; choose another.")


def validate_header_contrast(value):
    """White header text must reach 7:1 contrast on the council's colour (WCAG 2.2 AAA)."""
    ratio = contrast_with_white(value)
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value or "") and ratio < 7:
        raise ValidationError(
            f"White text on {value} has a contrast of only {ratio:.1f} to 1. The header needs "
            "at least 7 to 1: choose a darker colour, like #00487a."
        )


def validate_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(f"“{value}” is used by a site-wide page; choose another slug.")


class CouncilManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Council(Reviewed):
    slug = models.SlugField(
        unique=True,
        validators=[validate_not_reserved],
        help_text="The first part of the council's web addresses, e.g. stoke-on-trent.",
    )
    name = models.CharField(max_length=200, unique=True)
    ons_code = models.CharField(
        "ONS code",
        max_length=9,
        unique=True,
        validators=[RegexValidator(r"^E\d{8}$", "Enter an ONS code like E10000012.")],
    )
    colour = models.CharField(
        max_length=7,
        validators=[HEX_COLOUR, validate_header_contrast],
        help_text="Header colour. White text sits on it, so it must be dark (7:1 contrast).",
    )
    live = models.BooleanField(
        default=False,
        help_text="Shown to the public. A new council stays hidden (its pages answer “not "
        "found”) until a superuser switches it live.",
    )
    website_url = models.URLField(help_text="The council's own website.")
    introduction = models.TextField(
        help_text="Two or three plain-English sentences shown at the top of the council's home "
        "page (Markdown)."
    )
    front_door_name = models.CharField(
        max_length=200,
        help_text="The service a family contacts first about children's social care.",
    )
    front_door_phone = models.CharField(max_length=40, blank=True)
    front_door_email = models.EmailField(blank=True)
    front_door_url = models.URLField(
        blank=True, help_text="The council's own page for that service, if no phone is published."
    )
    review_months = models.PositiveSmallIntegerField(
        default=6,
        validators=[MaxValueValidator(24)],
        help_text="How many months after a review content falls due for review again.",
    )
    history = HistoricalRecords()

    objects = CouncilManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        old_slug = getattr(self, "_loaded_slug", None)
        super().save(*args, **kwargs)
        # The old address keeps working: it redirects to the new one for good.
        CouncilSlugRedirect.objects.filter(old_slug=self.slug).delete()
        if old_slug and old_slug != self.slug:
            CouncilSlugRedirect.objects.update_or_create(
                old_slug=old_slug, defaults={"council": self}
            )
        self._loaded_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values):
        council = super().from_db(db, field_names, values)
        council._loaded_slug = council.__dict__.get("slug")
        return council

    def get_absolute_url(self):
        return reverse("council-home", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @cached_property
    def published_page_slugs(self):
        """The slugs of the council's own published pages (the footer links only these)."""
        return frozenset(
            self.pages.filter(status=Status.PUBLISHED).values_list("slug", flat=True)
        )

    def contact_of_kind(self, kind):
        """The council's contact of one ContactKind, or None (fetched once per council object)."""
        if not hasattr(self, "_contacts_by_kind"):
            self._contacts_by_kind = {c.kind: c for c in self.contacts.exclude(kind="")}
        return self._contacts_by_kind.get(kind)

    @property
    def out_of_hours_contact(self):
        return self.contact_of_kind("out-of-hours")

    @property
    def iass_contact(self):
        return self.contact_of_kind("send-iass")

    @property
    def phone_to_call(self):
        """The number the header offers: the front door, else the out-of-hours line."""
        if self.front_door_phone:
            return self.front_door_phone
        out_of_hours = self.out_of_hours_contact
        return out_of_hours.phone if out_of_hours else ""

    @property
    def colour_luminance_ok(self):
        """White text on the header colour reaches 7:1 (WCAG AAA) contrast."""
        return contrast_with_white(self.colour) >= 7


def contrast_with_white(hex_colour):
    """WCAG contrast ratio between white and `hex_colour`."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", hex_colour or ""):
        return 0.0
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


class CouncilSlugRedirect(models.Model):
    """A council's old slug: addresses under it redirect permanently to the council's new slug."""

    old_slug = models.SlugField(unique=True)
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="old_slugs")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"/{self.old_slug}/ → /{self.council.slug}/"


class CouncilContentManager(models.Manager):
    def get_by_natural_key(self, slug, council_slug):
        return self.get(slug=slug, council__slug=council_slug)


class PublishableManager(CouncilContentManager.from_queryset(PublishableQuerySet)):
    pass


class ContactKind(models.TextChoices):
    """The three contacts every council's contact page leads with (issue 17)."""

    FRONT_DOOR = "front-door", "Children's social care (the front door)"
    OUT_OF_HOURS = "out-of-hours", "Emergency and out of office hours"
    SEND_IASS = "send-iass", "Free, impartial advice (SEND IASS)"


class Contact(Reviewed):
    """A team or role a family can contact: never a named officer's personal number."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="contacts")
    slug = models.SlugField()
    name = models.CharField(max_length=200, help_text="A team or role, not a person's name.")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    url = models.URLField("web address", blank=True)
    notes = models.CharField(
        max_length=300, blank=True, help_text="When to call, or what the service is for."
    )
    kind = models.CharField(
        max_length=20, choices=ContactKind.choices, blank=True,
        help_text="Set for the council's front door, its out-of-hours line and its SEND IASS: "
        "the contact page lists these first.",
    )
    citation_title = models.CharField(
        "public source: title", max_length=300, blank=True,
        help_text="Shown to parents: the page or document and who publishes it, e.g. "
        "“Report concerns about a child, Norfolk County Council”. Never a file name.",
    )
    citation_url = models.URLField("public source: web address", blank=True)
    citation_read = models.DateField("public source: date read", null=True, blank=True)
    notes_for_editors = models.TextField(
        blank=True,
        help_text="For staff only, never shown on the site: what is not yet confirmed, what to "
        "check next. Parents read only the public fields.",
    )
    history = HistoricalRecords()

    objects = CouncilContentManager()

    class Meta:
        ordering = ["council", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "slug"], name="contact_unique_per_council",
                violation_error_message="This council already has a contact with this slug. "
                "Choose another slug.",
            ),
            models.UniqueConstraint(
                fields=["council", "kind"], condition=~models.Q(kind=""),
                name="contact_one_of_each_kind_per_council",
                violation_error_message="This council already has a contact of this kind.",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug, self.council.slug)

    natural_key.dependencies = ["services.council"]

    @property
    def tel_href(self):
        return tel_href(self.phone)


class CategoryManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Category(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)

    objects = CategoryManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Access(models.TextChoices):
    SELF_REFERRAL = "self-referral", "You can contact them yourself"
    PROFESSIONAL = "professional", "A professional refers you"
    ASSESSMENT = "assessment", "After an assessment"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    CONTRIBUTION = "contribution", "You may pay a contribution"


class ServiceManager(CouncilContentManager.from_queryset(ServiceQuerySet)):
    pass


class Service(Publishable):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="services")
    slug = models.SlugField(help_text="The last part of the service's web address.")
    name = models.CharField(max_length=200)
    summary = models.CharField(
        max_length=300,
        help_text="One or two plain-English sentences. Parents see this in search results.",
    )
    description = models.TextField("what it is", help_text="Markdown.")
    who_for = models.TextField("who it is for", help_text="Markdown.")
    eligibility = models.TextField(
        "criteria", blank=True, help_text="The council's own criteria, if any (Markdown)."
    )
    how_to_get = models.TextField("how to get it", help_text="Step by step (Markdown).")
    access = models.CharField("how to get it (short)", max_length=20, choices=Access.choices)
    cost = models.CharField(
        max_length=20, choices=Cost.choices, blank=True,
        help_text="Only what a source says. Blank shows parents “Cost: ask the service”.",
    )
    cost_detail = models.CharField(max_length=300, blank=True)
    provider = models.CharField(
        max_length=200, blank=True, help_text="Who runs it, if not the council."
    )
    min_age = models.PositiveSmallIntegerField(
        "youngest age", null=True, blank=True, validators=[MaxValueValidator(25)],
        help_text="Only what a source says. Blank shows parents “Ages: not stated”.",
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age", null=True, blank=True, validators=[MaxValueValidator(25)],
        help_text="Only what a source says. Blank shows parents “Ages: not stated”.",
    )
    out_of_area = models.BooleanField(
        "outside the area", default=False, help_text="Provision outside the council's area "
        "that local families use (CFA 2014 s30(1)(b))."
    )
    categories = models.ManyToManyField(Category, blank=True, related_name="services")
    route_types = models.ManyToManyField(
        "eligibility.RouteType",
        blank=True,
        related_name="services",
        help_text="Which route-finder routes this service answers for this council.",
    )
    levels = models.ManyToManyField(
        "eligibility.LevelOfNeed", blank=True, related_name="services",
        verbose_name="levels of need",
    )
    legal_duties = models.ManyToManyField(
        "eligibility.LegalDuty", blank=True, related_name="services"
    )
    contacts = models.ManyToManyField(Contact, blank=True, related_name="services")
    notes_for_editors = models.TextField(
        blank=True,
        help_text="For staff only, never shown on the site: what is not yet confirmed, what to "
        "check next. Parents read only the public fields.",
    )
    oruk_id = models.UUIDField(
        "Open Referral id", editable=False, unique=True, null=True,
        help_text="Stable identifier in the Open Referral UK feed.",
    )
    search_vector = SearchVectorField(
        null=True, editable=False,
        help_text="Kept by a database trigger on PostgreSQL (services/migrations/0003_search.py).",
    )
    history = HistoricalRecords(
        m2m_fields=[categories, route_types, levels, legal_duties, contacts],
        excluded_fields=["search_vector"],
    )

    objects = ServiceManager()

    class Meta:
        ordering = ["council", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "slug"], name="service_unique_per_council",
                violation_error_message="This council already has a service with this slug. "
                "Choose another slug.",
            ),
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="service_min_age_not_above_max_age",
                violation_error_message="The oldest age must not be below the youngest.",
            ),
        ]
        indexes = [
            # The directory's age filter: a council's published services open to one age,
            # found in the index instead of reading every row of a big council.
            models.Index(
                "council",
                YOUNGEST,  # the very expressions ServiceQuerySet.for_age filters on
                OLDEST,
                condition=models.Q(status=Status.PUBLISHED),
                name="service_published_ages",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.oruk_id is None and self.council_id:
            self.oruk_id = uuid.uuid5(ORUK_NAMESPACE, f"{self.council.slug}/{self.slug}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("service-detail", args=[self.council.slug, self.slug])

    @property
    def cost_text(self):
        """What parents read about cost: the source's words, or that it is not known."""
        if not self.cost:
            return self.cost_detail or "Ask the service"
        label = self.get_cost_display()
        return f"{label}. {self.cost_detail}" if self.cost_detail else label

    @property
    def ages_text(self):
        """What parents read about ages: only what a source says."""
        if self.min_age is None and self.max_age is None:
            return "Not stated"
        if self.max_age is None:
            return f"{self.min_age} and over"
        if self.min_age is None:
            return f"Up to {self.max_age}"
        return f"{self.min_age} to {self.max_age}"

    def natural_key(self):
        return (self.slug, self.council.slug)

    natural_key.dependencies = ["services.council"]

    def clean(self):
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError({"max_age": "The oldest age must not be below the youngest."})


def linked_model(field_name):
    """The model a Service links to through `field_name` (route types, levels of need, legal
    duties): they belong to eligibility, which sits above this app, so code here asks the
    relation for them instead of importing them."""
    return Service._meta.get_field(field_name).related_model


class FAQ(Publishable):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="faqs")
    slug = models.SlugField()
    question = models.CharField(max_length=300)
    answer = models.TextField(help_text="Markdown.")
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    objects = PublishableManager()

    class Meta:
        ordering = ["council", "order", "question"]
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "slug"], name="faq_unique_per_council",
                violation_error_message="This council already has a question with this slug. "
                "Choose another slug.",
            )
        ]

    def __str__(self):
        return self.question

    def natural_key(self):
        return (self.slug, self.council.slug)

    natural_key.dependencies = ["services.council"]


class Page(Publishable):
    """A council page in the Local Offer: about, complaints, short breaks statement and others."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="pages")
    slug = models.SlugField(
        validators=[validate_page_slug],
        help_text="The page's address under the council, e.g. complaints.",
    )
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, help_text="One plain-English sentence.")
    body = models.TextField(help_text="Markdown.")
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    objects = PublishableManager()

    class Meta:
        ordering = ["council", "order", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "slug"], name="page_unique_per_council",
                violation_error_message="This council already has a page with this slug. "
                "Choose another slug.",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("council-page", args=[self.council.slug, self.slug])

    def natural_key(self):
        return (self.slug, self.council.slug)

    natural_key.dependencies = ["services.council"]


class GlossaryTermManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class GlossaryTerm(Reviewed):
    slug = models.SlugField(unique=True)
    term = models.CharField(max_length=100, help_text="As families meet it, e.g. CWD.")
    expansion = models.CharField(
        max_length=200, blank=True, help_text="What the letters stand for, if an acronym."
    )
    definition = models.TextField(help_text="One or two plain-English sentences.")
    history = HistoricalRecords()

    objects = GlossaryTermManager()

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("glossary") + f"#{self.slug}"

    def natural_key(self):
        return (self.slug,)


class Role(models.TextChoices):
    EDITOR = "editor", "Editor (writes drafts)"
    PUBLISHER = "publisher", "Publisher (publishes)"


class StaffMembership(models.Model):
    """A staff account's place in one council, with a role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.EDITOR)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "council"], name="one_membership_per_council",
                violation_error_message="This account already has a role in this council. "
                "Change that role instead.",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.council} ({self.get_role_display()})"


class SynonymManager(models.Manager):
    def get_by_natural_key(self, term, council_slug=None):
        if council_slug is None:
            return self.get(term=term, council__isnull=True)
        return self.get(term=term, council__slug=council_slug)


class Synonym(models.Model):
    """A word parents use, and what the directory calls it (e.g. respite -> short breaks)."""

    term = models.CharField(max_length=100, help_text="What a parent might type, e.g. respite.")
    means = models.CharField(
        max_length=200,
        help_text="The words to search for as well, e.g. short breaks. Separate several with "
        "commas: personal budget, direct payments.",
    )
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, null=True, blank=True, related_name="synonyms",
        help_text="Leave blank for a synonym every council uses.",
    )
    source = models.CharField(
        max_length=500, blank=True,
        help_text="Where the words come from (for staff): a seed, a web address and the date "
        "read, or the zero-results report.",
    )

    objects = SynonymManager()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "council"], name="synonym_unique_per_council",
                violation_error_message="This word already has a synonym here. "
                "Change that one instead.",
            )
        ]

    def __str__(self):
        return f"{self.term} → {self.means}"

    def natural_key(self):
        return (self.term, self.council.slug if self.council_id else None)

    natural_key.dependencies = ["services.council"]


class PendingChange(models.Model):
    """A change to live content that waits for a publisher: the live row stays as it is.

    `data` holds the proposed values of the fields that differ from the live row (every field
    for a new object), as JSON: foreign keys and many-to-many links as ids. Approving writes
    them in one transaction with one history entry (services/changes.py).
    """

    class State(models.TextChoices):
        DRAFT = "draft", "Not yet submitted"
        SUBMITTED = "submitted", "Waiting for a publisher"
        SENT_BACK = "sent_back", "Sent back"
        APPROVED = "approved", "Approved and live"

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, null=True, blank=True, related_name="pending_changes"
    )
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="Blank for something new."
    )
    object_repr = models.CharField("what", max_length=300)
    data = models.JSONField(encoder=DjangoJSONEncoder, default=dict)
    base = models.JSONField(
        "live values when proposed", encoder=DjangoJSONEncoder, default=dict, blank=True,
        help_text="The live values of the changed fields when the change was last saved, to "
        "warn the publisher if someone has changed them since.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pending_changes"
    )
    note = models.TextField("note for the publisher", blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="reviewed_changes",
    )
    reviewer_note = models.TextField("publisher's note", blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]
        verbose_name = "change waiting for approval"
        verbose_name_plural = "changes waiting for approval"

    def __str__(self):
        return f"{self.object_repr} ({self.get_state_display().lower()})"

    @property
    def is_open(self):
        return self.state != self.State.APPROVED


class SearchGapQuerySet(models.QuerySet):
    def shown(self):
        """Words staff may see: asked for in at least 3 different weeks, or at least 5 times.

        One row per council and words, with `weeks` and `searches`, most asked first.
        """
        return (
            self.values("council", "council__name", "words")
            .annotate(weeks=models.Count("week", distinct=True), searches=models.Sum("count"))
            .filter(models.Q(weeks__gte=SearchGap.MIN_WEEKS)
                    | models.Q(searches__gte=SearchGap.MIN_SEARCHES))
            .order_by("-searches", "words")
        )


class SearchGap(models.Model):
    """How many searches for some words found nothing, per council and week.

    Only the words, normalised (lower case, common words and long numbers left out), the
    council and the Monday of the week are kept: no address, no cookie, no time of day. Rows
    older than 12 months are deleted whenever a row is written (and by `prune_search_gaps`).
    """

    MIN_WEEKS = 3
    MIN_SEARCHES = 5
    KEEP_DAYS = 365

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="search_gaps")
    words = models.CharField(max_length=100)
    week = models.DateField(help_text="The Monday of the week the searches were made.")
    count = models.PositiveIntegerField(default=0)

    objects = SearchGapQuerySet.as_manager()

    class Meta:
        verbose_name = "search that found nothing"
        verbose_name_plural = "searches that found nothing"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "words", "week"], name="search_gap_unique_per_week"
            )
        ]

    def __str__(self):
        return f"{self.words} ({self.week:%Y-%m-%d}: {self.count})"
