"""National reference data (route types, legal duties, timescales) and levels of need."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.models import Publishable, Reviewed
from core.querysets import PublishableQuerySet


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class LegalDuty(Reviewed):
    """A statute, regulation, statutory guidance or judgment, explained for parents."""

    class Kind(models.TextChoices):
        ACT = "act", "Act of Parliament"
        REGULATIONS = "regulations", "Regulations"
        GUIDANCE = "guidance", "Statutory guidance"
        CASE_LAW = "case-law", "Court judgment"

    slug = models.SlugField(unique=True, help_text="Used in the address /rights/<slug>/.")
    citation = models.CharField(
        max_length=200, help_text="Exact short citation, e.g. Children Act 1989 s17(1)."
    )
    title = models.CharField(max_length=300, help_text="The official title of the law.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACT)
    year = models.PositiveSmallIntegerField()
    section = models.CharField(max_length=100, blank=True, help_text="e.g. s17(1), reg 13.")
    plain_title = models.CharField(
        max_length=200, help_text="What it is about in everyday words, used as the page heading."
    )
    owed_by = models.CharField("who owes the duty", max_length=300)
    summary = models.TextField(help_text="What it means for a family (Markdown).")
    what_you_can_ask = models.TextField("what you can ask for", help_text="Markdown.")
    timescale = models.CharField(max_length=300, blank=True)
    if_not_met = models.TextField("what to do if it is not met", help_text="Markdown.")
    official_url = models.URLField(
        "official text", help_text="legislation.gov.uk, GOV.UK guidance or the judgment."
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["order", "citation"]
        verbose_name_plural = "legal duties"

    def __str__(self):
        return self.citation

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("duty-detail", args=[self.slug])


class RouteType(Reviewed):
    """One of the twelve national routes of the route finder (PRODUCT.md, Settled details)."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200, help_text="The plain-English name parents see.")
    summary = models.CharField(max_length=300)
    what_it_is = models.TextField(help_text="Markdown.")
    who_for = models.TextField("who it is for", help_text="Markdown.")
    how_to_get = models.TextField("how to get it", help_text="Markdown.")
    what_next = models.TextField("what happens next", help_text="Markdown.")
    how_long = models.CharField("how long it takes", max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    legal_duties = models.ManyToManyField(LegalDuty, blank=True, related_name="route_types")
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)


class RouteGuideManager(models.Manager.from_queryset(PublishableQuerySet)):
    def get_queryset(self):
        # Every label of a guide names its council and route: fetch them with it.
        return super().get_queryset().select_related("council", "route_type")

    def get_by_natural_key(self, route_slug, council_slug):
        return self.get(route_type__slug=route_slug, council__slug=council_slug)


class RouteGuide(Publishable):
    """What one council says about one route: its own criteria, contact and practice."""

    council = models.ForeignKey(
        "services.Council", on_delete=models.CASCADE, related_name="route_guides"
    )
    route_type = models.ForeignKey(RouteType, on_delete=models.CASCADE, related_name="guides")
    body = models.TextField(
        "what the council says", help_text="The council's own criteria and practice (Markdown)."
    )
    contact = models.ForeignKey(
        "services.Contact", on_delete=models.SET_NULL, null=True, blank=True,
        help_text="Who to call about this route. Blank means the council's front door.",
    )
    history = HistoricalRecords()

    objects = RouteGuideManager()

    class Meta:
        ordering = ["council", "route_type__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "route_type"], name="one_guide_per_route",
                violation_error_message="This council already has a guide for this route type. "
                "Change that guide instead.",
            )
        ]

    def __str__(self):
        return f"{self.council}: {self.route_type}"

    def natural_key(self):
        return (self.route_type.slug, self.council.slug)

    natural_key.dependencies = ["services.council", "eligibility.routetype"]


class RoutePolicyManager(models.Manager.from_queryset(PublishableQuerySet)):
    def get_queryset(self):
        return super().get_queryset().select_related("council", "route_type", "service")

    def get_by_natural_key(self, route_slug, council_slug):
        return self.get(route_type__slug=route_slug, council__slug=council_slug)


class RoutePolicy(Publishable):
    """How a family reaches one route in one council, in the council's own terms.

    The route finder's engine reads these (eligibility/finder/council_data.py); no council's
    policy is written in code. `source` and `notes` are for staff and are never shown to parents.
    """

    class Access(models.TextChoices):
        ASK = "ask", "Ask: any family that fits the route can ask"
        CRITERIA = "criteria", "Criteria: the council's own criteria point to it"
        NOT_DESCRIBED = "not-described", "Not described: the council's sources do not describe it"

    council = models.ForeignKey(
        "services.Council", on_delete=models.CASCADE, related_name="route_policies"
    )
    route_type = models.ForeignKey(
        RouteType, on_delete=models.CASCADE, related_name="policies"
    )
    access = models.CharField(
        max_length=20, choices=Access.choices,
        help_text="How a family reaches this route in this council.",
    )
    how_to_reach = models.CharField(
        "how a family reaches it", max_length=400, blank=True,
        help_text="One or two plain sentences for parents, in the council's terms. Shown as a "
        "reason on the result page.",
    )
    criteria = models.TextField(
        "the council's criteria", blank=True,
        help_text="The council's own words for parents, when it has criteria (Markdown).",
    )
    needs = models.JSONField(
        "needs that count", default=list, blank=True,
        help_text="Answer values of the child's needs that point to this route, e.g. "
        '["severe-learning-difficulties"].',
    )
    factors = models.JSONField(
        "family factors that count", default=list, blank=True,
        help_text="Answer values of the family factors that point to this route. With needs "
        "as well, the council's criteria are met by a listed need together with a listed factor.",
    )
    enough_alone = models.JSONField(
        "factors enough on their own", default=list, blank=True,
        help_text="Family factors that meet the council's criteria without a listed need, "
        'e.g. ["family-breakdown-risk"] for Stoke-on-Trent\'s Level 4a.',
    )
    criteria_owner = models.CharField(
        "whose criteria", max_length=200, blank=True,
        help_text="The team whose criteria these are, as parents would name it, e.g. the "
        "Children with Disabilities team.",
    )
    main_route = models.BooleanField(
        "the council's main way in", default=False,
        help_text="The council's sources name this as the usual first step for families.",
    )
    min_age = models.PositiveSmallIntegerField(
        "youngest age", null=True, blank=True,
        help_text="Only when the council's source sets one, e.g. 5 for Norfolk's short breaks.",
    )
    max_age = models.PositiveSmallIntegerField(
        "oldest age", null=True, blank=True,
        help_text="Only when the council's source sets one, e.g. 17.",
    )
    service = models.ForeignKey(
        "services.Service", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="route_policies",
        help_text="The council's service that answers this route. Blank: the result page "
        "points to the council's front door.",
    )
    notes = models.TextField(
        "notes for editors", blank=True, help_text="Never shown on the public site."
    )
    history = HistoricalRecords()

    objects = RoutePolicyManager()

    class Meta:
        ordering = ["council", "route_type__order"]
        verbose_name = "route policy"
        verbose_name_plural = "route policies"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "route_type"], name="one_policy_per_route"
            )
        ]

    def __str__(self):
        return f"{self.council}: {self.route_type} ({self.access})"

    def natural_key(self):
        return (self.route_type.slug, self.council.slug)

    natural_key.dependencies = [
        "services.council", "services.service", "eligibility.routetype"
    ]

    def clean(self):
        from eligibility.finder.rules import CHILD_NEEDS, FAMILY_FACTORS

        errors = {}
        for name, allowed in (
            ("needs", CHILD_NEEDS),
            ("factors", FAMILY_FACTORS),
            ("enough_alone", FAMILY_FACTORS),
        ):
            value = getattr(self, name)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors[name] = "Give a list of answer values, like [\"single-carer\"]."
                continue
            unknown = sorted(set(value) - set(allowed))
            if unknown:
                errors[name] = f"Unknown values: {', '.join(unknown)}. Choose from: " + ", ".join(
                    allowed
                )
        if self.access == self.Access.CRITERIA and not (
            self.needs or self.factors or self.enough_alone
        ):
            errors["access"] = "Criteria need at least one need or family factor that counts."
        if self.access == self.Access.NOT_DESCRIBED and self.service_id:
            errors["service"] = "A route the council does not describe has no service."
        if self.service_id and self.council_id and self.service.council_id != self.council_id:
            errors["service"] = "This service belongs to another council."
        if (
            self.min_age is not None
            and self.max_age is not None
            and self.min_age > self.max_age
        ):
            errors["max_age"] = "The oldest age must not be below the youngest."
        if errors:
            raise ValidationError(errors)


class LevelManager(models.Manager.from_queryset(PublishableQuerySet)):
    def get_queryset(self):
        # Every label of a level names its council (choice lists, filters): fetch it with it.
        return super().get_queryset().select_related("council")

    def get_by_natural_key(self, code, council_slug=None):
        if council_slug is None:
            return self.get(code=code, council__isnull=True)
        return self.get(code=code, council__slug=council_slug)


class LevelOfNeed(Publishable):
    """A step on a council's levels-of-need ladder, or on the national continuum (no council)."""

    council = models.ForeignKey(
        "services.Council", on_delete=models.CASCADE, null=True, blank=True,
        related_name="levels",
        help_text="Blank for the national continuum used by councils that publish no levels.",
    )
    code = models.CharField(max_length=20, help_text="As the council writes it, e.g. 4a.")
    name = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    description = models.TextField(help_text="What this level means for a family (Markdown).")
    statutory = models.BooleanField(
        default=False, help_text="Statutory social work (child in need, protection, care)."
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    objects = LevelManager()

    class Meta:
        ordering = ["council", "order"]
        verbose_name = "level of need"
        verbose_name_plural = "levels of need"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "code"], name="level_code_unique_per_council",
                violation_error_message="This council already has a level with this code. "
                "Choose another code.",
            ),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(council__isnull=True),
                name="national_level_code_unique",
                violation_error_message="A national level already has this code. Choose another "
                "code.",
            ),
        ]

    def __str__(self):
        owner = self.council.name if self.council_id else "National continuum"
        return f"{owner}: {self.code} {self.name}"

    def natural_key(self):
        return (self.code, self.council.slug if self.council_id else None)

    natural_key.dependencies = ["services.council"]


class Timescale(Reviewed):
    """A deadline families can hold the council to, national or one council's own."""

    class Unit(models.TextChoices):
        WORKING_DAYS = "working-days", "working days"
        WEEKS = "weeks", "weeks"
        DAYS = "days", "days"
        # "15 days beginning with the day on which ..." (SEND Regulations 2014 reg 13(1)):
        # the start day is day 1.
        DAYS_BEGINNING_WITH = "days-beginning-with", "days, the start day counts as day 1"

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200, help_text="e.g. Child and family assessment.")
    council = models.ForeignKey(
        "services.Council", on_delete=models.CASCADE, null=True, blank=True,
        related_name="timescales", help_text="Blank for a national timescale.",
    )
    length = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=20, choices=Unit.choices)
    starts_from = models.CharField(max_length=200, help_text="e.g. the referral.")
    statutory = models.BooleanField(
        help_text="Set in law or statutory guidance. Untick for local practice."
    )
    legal_duty = models.ForeignKey(
        LegalDuty, on_delete=models.PROTECT, null=True, blank=True, related_name="timescales"
    )
    description = models.TextField(help_text="What must happen by then (Markdown).")
    history = HistoricalRecords()

    objects = SlugManager()

    class Meta:
        ordering = ["council", "name"]

    def __str__(self):
        return f"{self.name}: {self.length} {self.get_unit_display()}"

    def natural_key(self):
        return (self.slug,)
