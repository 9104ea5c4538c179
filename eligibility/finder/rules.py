"""Which routes to social care support are likely to fit a family, and why.

This module is the route finder's decision engine. It imports nothing from Django: answers come
in as a frozen dataclass, council data as plain values, and the result is plain data that the
web flow and the ``suggest_routes`` command both render.

The engine never decides what a family is entitled to. It says which routes are likely to fit
and why, and every result reminds the family that they can ask for an assessment whatever it
suggests (Stoke-on-Trent sets no rigid criteria for its Children with Disabilities team, and
Children Act 1989 s17 covers every disabled child).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# --------------------------------------------------------------------------------------------
# Allowed answer values (the contract in PRODUCT.md). Forms and questions import these.
# --------------------------------------------------------------------------------------------

ANSWER_KEYS = (
    "age",
    "disability",
    "child_needs",
    "family_factors",
    "risk_of_harm",
    "ehc_plan",
    "current_support",
    "carer_needs_support",
)
DISABILITY = ("yes", "no", "not-sure")
CHILD_NEEDS = (
    "severe-learning-difficulties",
    "multiple-or-severe-disability",
    "life-limiting-illness",
    "complex-physical-disability",
)
FAMILY_FACTORS = (
    "family-breakdown-risk",
    "challenging-behaviour",
    "complex-medical-needs",
    "single-carer",
    "poverty-or-housing",
    "limited-network",
    "social-exclusion",
    "no-independence-opportunities",
    "discrimination",
)
EHC_PLAN = ("yes", "being-assessed", "no")
CURRENT_SUPPORT = ("none", "early-help", "social-worker", "looked-after")

ROUTE_TYPES = (
    "universal",
    "information-advice",
    "short-breaks",
    "early-help",
    "social-work-assessment",
    "child-protection",
    "children-in-care",
    "parent-carer-assessment",
    "transition-assessment",
    "adult-social-care",
    "ehc-social-care",
    "direct-payments",
)

# Children's routes are for under-18s; adult-social-care is for 18 and over.
CHILDRENS_ROUTES = (
    "short-breaks",
    "early-help",
    "social-work-assessment",
    "child-protection",
    "children-in-care",
    "parent-carer-assessment",
)
ADULT_ROUTES = ("adult-social-care",)

MIN_AGE = 0
MAX_AGE = 25  # the Local Offer covers 0 to 25 (Children and Families Act 2014 s30)
ADULT_AGE = 18
TRANSITION_FROM_AGE = 13  # Year 9 starts at 13; Care Act 2014 s58 sets no lower age

ALWAYS_ASK = (
    "Whatever this suggests, you can ask the council for an assessment of your child's needs."
)
NOT_A_DECISION = "This is guidance, not a decision."

# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------


class AnswersError(ValueError):
    """A family's answers that the engine cannot read; the message is one line naming why."""


def _show(value: Any) -> str:
    """Show a bad value the way the answers file spells it, on one short line."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif value is None:
        text = "null"
    else:
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_age(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_AGE <= value <= MAX_AGE:
        raise AnswersError(
            f"'age' must be a whole number from {MIN_AGE} to {MAX_AGE}, got {_show(value)}"
        )
    return value


def _check_choice(key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise AnswersError(f"'{key}' must be one of: {', '.join(allowed)}, got {_show(value)}")
    if value not in allowed:
        raise AnswersError(
            f"unknown value {_show(value)} for '{key}' (choose from: {', '.join(allowed)})"
        )
    return value


def _check_flag(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise AnswersError(f"'{key}' must be true or false, got {_show(value)}")
    return value


def _check_list(key: str, value: Any, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Check a list answer and return it as a tuple in the canonical order of `allowed`."""
    if not isinstance(value, list | tuple):
        raise AnswersError(f"'{key}' must be a list")
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str):
            raise AnswersError(f"'{key}' must be a list of text values, got {_show(item)}")
        if item not in allowed:
            raise AnswersError(
                f"unknown value {_show(item)} in '{key}' (choose from: {', '.join(allowed)})"
            )
        if item in seen:
            raise AnswersError(f"'{key}' lists {_show(item)} more than once")
        seen.add(item)
    return tuple(item for item in allowed if item in seen)


@dataclass(frozen=True)
class Answers:
    """One family's answers to the route finder (the contract's answers file).

    Only ``age`` is required. A missing list is empty and a missing flag is false. Missing
    single-choice answers take the value that assumes least: ``disability`` "not-sure" (no
    diagnosis is needed, so an unanswered question never closes a route), ``ehc_plan`` "no" and
    ``current_support`` "none".
    """

    age: int
    disability: str = "not-sure"
    child_needs: tuple[str, ...] = ()
    family_factors: tuple[str, ...] = ()
    risk_of_harm: bool = False
    ehc_plan: str = "no"
    current_support: str = "none"
    carer_needs_support: bool = False

    def __post_init__(self) -> None:
        # Validate here too, so Answers built in code are as safe as those read from a file.
        checked = {
            "age": _check_age(self.age),
            "disability": _check_choice("disability", self.disability, DISABILITY),
            "child_needs": _check_list("child_needs", self.child_needs, CHILD_NEEDS),
            "family_factors": _check_list("family_factors", self.family_factors, FAMILY_FACTORS),
            "risk_of_harm": _check_flag("risk_of_harm", self.risk_of_harm),
            "ehc_plan": _check_choice("ehc_plan", self.ehc_plan, EHC_PLAN),
            "current_support": _check_choice(
                "current_support", self.current_support, CURRENT_SUPPORT
            ),
            "carer_needs_support": _check_flag("carer_needs_support", self.carer_needs_support),
        }
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Answers:
        """Read answers as parsed from the contract's JSON file, or raise AnswersError."""
        if not isinstance(data, Mapping):
            raise AnswersError(f"answers must be a JSON object, got {_show(data)}")
        for key in data:
            if key not in ANSWER_KEYS:
                raise AnswersError(f"unknown answer key {_show(key)}")
        if "age" not in data:
            raise AnswersError("missing answer 'age' (the child's age in whole years, 0 to 25)")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """These answers in the contract's JSON shape (lists as lists)."""
        return {
            "age": self.age,
            "disability": self.disability,
            "child_needs": list(self.child_needs),
            "family_factors": list(self.family_factors),
            "risk_of_harm": self.risk_of_harm,
            "ehc_plan": self.ehc_plan,
            "current_support": self.current_support,
            "carer_needs_support": self.carer_needs_support,
        }


# --------------------------------------------------------------------------------------------
# Conditions the rule table uses. Each takes a family's Answers and says yes or no.
# --------------------------------------------------------------------------------------------

Condition = Callable[[Answers], bool]


def always(a: Answers) -> bool:
    """Every family: the Local Offer is for everyone (Children and Families Act 2014 s30)."""
    return True


def is_child(a: Answers) -> bool:
    """Under 18: children's social care (Children Act 1989 s105, a child is under 18)."""
    return a.age < ADULT_AGE


def is_adult(a: Answers) -> bool:
    """18 or over: adult care and support (Care Act 2014 Part 1)."""
    return a.age >= ADULT_AGE


def may_be_disabled(a: Answers) -> bool:
    """Disabled, or perhaps: no diagnosis is needed (Children Act 1989 s17(10) and (11))."""
    return a.disability != "no"


def disabled_child(a: Answers) -> bool:
    """A disabled child, or perhaps disabled, is a child in need (Children Act 1989 s17(10))."""
    return is_child(a) and may_be_disabled(a)


def disabled_adult(a: Answers) -> bool:
    """A young adult with a disability, or perhaps one (Care Act 2014 Part 1)."""
    return is_adult(a) and may_be_disabled(a)


def child_said_disabled(a: Answers) -> bool:
    """A child the parent says is disabled (Breaks for Carers Regulations 2011)."""
    return is_child(a) and a.disability == "yes"


def child_maybe_disabled(a: Answers) -> bool:
    """A child the parent is not sure is disabled: no diagnosis is needed (Children Act s17(11))."""
    return is_child(a) and a.disability == "not-sure"


def has_family_pressures(a: Answers) -> bool:
    """Any of the pressures on the family the parent told us about."""
    return bool(a.family_factors)


def disabled_child_with_listed_needs(a: Answers) -> bool:
    """A disabled child with one of the needs the parent ticked: an assessment is likely to
    find needs the council must meet (Children Act 1989 s17, s17A)."""
    return disabled_child(a) and bool(a.child_needs)


def pressures_on_child(a: Answers) -> bool:
    """A child whose family is under pressure: Early Help (Working Together 2023)."""
    return is_child(a) and has_family_pressures(a)


def carer_of_child_wants_support(a: Answers) -> bool:
    """The carer of a child wants support: Early Help looks at the whole family (Working
    Together 2023)."""
    return is_child(a) and a.carer_needs_support


def parent_carer_wants_support(a: Answers) -> bool:
    """A disabled child's parent carer asks for support: must be assessed (Children Act 1989
    s17ZD)."""
    return disabled_child(a) and a.carer_needs_support


def parent_carer_under_strain(a: Answers) -> bool:
    """A disabled child's parent carer may need support: the family may break down, or one
    carer copes alone with heavy care (Children Act 1989 s17ZD(2)(a): "it appears ... that a
    parent carer may have needs for support")."""
    factors = set(a.family_factors)
    return disabled_child(a) and (
        "family-breakdown-risk" in factors
        or {"single-carer", "complex-medical-needs"} <= factors
    )


def carer_of_adult_wants_support(a: Answers) -> bool:
    """The carer of a disabled young adult asks for support: a carer's assessment (Care Act 2014
    Part 1)."""
    return disabled_adult(a) and a.carer_needs_support


def child_at_risk(a: Answers) -> bool:
    """A child may be at risk of significant harm: enquiries (Children Act 1989 s47)."""
    return is_child(a) and a.risk_of_harm


def adult_at_risk(a: Answers) -> bool:
    """A young adult may be at risk of serious harm: safeguarding adults (Care Act 2014 Part 1)."""
    return is_adult(a) and a.risk_of_harm


def has_early_help_worker(a: Answers) -> bool:
    """The family already has an Early Help worker or plan (Working Together 2023)."""
    return is_child(a) and a.current_support == "early-help"


def has_social_worker(a: Answers) -> bool:
    """The family already has a social worker, who is the first person to ask."""
    return a.current_support == "social-worker"


def disabled_child_with_social_worker(a: Answers) -> bool:
    """A disabled child already known to a social worker (Children Act 1989 s17(1))."""
    return disabled_child(a) and has_social_worker(a)


def in_care(a: Answers) -> bool:
    """A child looked after by the council (Children Act 1989 Part 3; Children and Social Work
    Act 2017 s1)."""
    return is_child(a) and a.current_support == "looked-after"


def transition_age(a: Answers) -> bool:
    """Aged 13 to 17, Year 9 onwards: assess before 18 (Care Act 2014 s58)."""
    return TRANSITION_FROM_AGE <= a.age < ADULT_AGE


def disabled_at_transition_age(a: Answers) -> bool:
    """A disabled young person of 13 to 17 likely to need care after 18 (Care Act 2014 s58)."""
    return transition_age(a) and may_be_disabled(a)


def plan_at_transition_age(a: Answers) -> bool:
    """An EHC plan from Year 9: reviews plan for adult life (SEND Code of Practice 2015)."""
    return transition_age(a) and a.ehc_plan == "yes"


def has_ehc_plan(a: Answers) -> bool:
    """An EHC plan, whose sections D, H1 and H2 are social care (SEND Regulations 2014 reg 12)."""
    return a.ehc_plan == "yes"


def adult_with_ehc_plan(a: Answers) -> bool:
    """An EHC plan at 18 or over: section H2 can include adult care (SEND Regulations 2014
    reg 12)."""
    return is_adult(a) and has_ehc_plan(a)


def ehc_being_assessed(a: Answers) -> bool:
    """An EHC needs assessment under way: advice in 6 weeks, plan in 20 (SEND Regulations 2014
    reg 13)."""
    return a.ehc_plan == "being-assessed"


def aged_16_or_17(a: Answers) -> bool:
    """16- and 17-year-olds can receive direct payments themselves (Children Act 1989 s17A)."""
    return 16 <= a.age < ADULT_AGE


# --------------------------------------------------------------------------------------------
# The rule table
# --------------------------------------------------------------------------------------------

URGENT = "urgent"
SPECIFIC = "specific"
GENERAL = "general"
NOTE = "note"  # adds its reason only to a route that another row has already suggested
TIERS = (URGENT, SPECIFIC, GENERAL)


@dataclass(frozen=True)
class Rule:
    """One row of the table: when `when` holds, suggest `route` in `tier` and give `reason`.

    A row whose tier is NOTE suggests nothing by itself: it adds its reason to the route only
    when another row has suggested that route.
    """

    route: str
    tier: str
    when: Condition
    reason: str
    weight: int = 1  # how strongly this answer points to the route (the rank within a tier)


TALK_TO_SOCIAL_WORKER = "You already have a social worker: talk to them first about this."
TALK_TO_CHILDS_SOCIAL_WORKER = (
    "Your child's social worker is the person to talk to first about this."
)
TALK_TO_EARLY_HELP_WORKER = "Your Early Help worker can help you ask for this."

# Read it route by route. Within a route, reasons appear in the order of the rows.
# fmt: off
RULES: tuple[Rule, ...] = (
    # Everyday services and advice: always suggested, so that no family gets nothing.
    Rule("universal", GENERAL, always,
         "Every family can use everyday services, such as GPs, schools, colleges, libraries "
         "and leisure centres."),
    Rule("universal", GENERAL, may_be_disabled,
         "Public services must think about what disabled people need, so that they can use "
         "them too."),
    Rule("information-advice", GENERAL, always,
         "Your area's free, impartial SEND information, advice and support service can talk "
         "your options through with you."),
    Rule("information-advice", GENERAL, always, ALWAYS_ASK),

    # Short breaks: open to any disabled child, many without an assessment.
    Rule("short-breaks", SPECIFIC, child_said_disabled,
         "You said your child has a disability. Many short breaks need no assessment."),
    Rule("short-breaks", SPECIFIC, child_maybe_disabled,
         "You are not sure if your child has a disability. You do not need a diagnosis to ask "
         "about short breaks."),
    Rule("short-breaks", SPECIFIC, parent_carer_wants_support,
         "You said you would like support for yourself. Short breaks give you time off from "
         "caring."),
    Rule("short-breaks", NOTE, has_social_worker, TALK_TO_SOCIAL_WORKER),
    Rule("short-breaks", NOTE, in_care, TALK_TO_CHILDS_SOCIAL_WORKER),
    Rule("short-breaks", NOTE, has_early_help_worker, TALK_TO_EARLY_HELP_WORKER),

    # Early Help: for most families, the first step beyond everyday services.
    Rule("early-help", SPECIFIC, has_early_help_worker,
         "You already have an Early Help worker: talk to them first about what else could "
         "help.", weight=3),
    Rule("early-help", SPECIFIC, pressures_on_child,
         "You told us about pressures on your family. Early Help brings the right people "
         "together to help, early on."),
    Rule("early-help", SPECIFIC, carer_of_child_wants_support,
         "You said you would like support for yourself. Early Help looks at what the whole "
         "family needs."),
    Rule("early-help", NOTE, has_social_worker, TALK_TO_SOCIAL_WORKER),
    Rule("early-help", NOTE, in_care, TALK_TO_CHILDS_SOCIAL_WORKER),

    # A social work assessment: how a family reaches it is each council's policy (RoutePolicy),
    # applied in suggest(); these rows hold in every council.
    Rule("social-work-assessment", SPECIFIC, disabled_child_with_social_worker,
         TALK_TO_SOCIAL_WORKER, weight=3),

    # Child protection: urgent, always first.
    Rule("child-protection", URGENT, child_at_risk,
         "You said you fear your child is at risk of serious harm now."),
    Rule("child-protection", URGENT, child_at_risk,
         "If your child is in danger right now, call 999."),
    Rule("child-protection", URGENT, child_at_risk,
         "The council must find out what is happening and act to keep your child safe."),
    Rule("child-protection", NOTE, has_social_worker,
         "You already have a social worker: tell them today too, but do not wait if you "
         "cannot reach them."),
    Rule("child-protection", NOTE, in_care,
         "Tell your child's social worker today too, but do not wait if you cannot reach "
         "them."),

    # Children in care.
    Rule("children-in-care", SPECIFIC, in_care,
         "You said your child is in the council's care."),
    Rule("children-in-care", SPECIFIC, in_care,
         # Children and Social Work Act 2017 s1(1): the council "must have regard to the need"
         # to act in the child's best interests (audit B6: not a duty to act as a parent).
         "The council must keep in mind the need to act in your child's best interests and "
         "to support their health and well-being."),
    Rule("children-in-care", SPECIFIC, in_care, TALK_TO_CHILDS_SOCIAL_WORKER),

    # The parent carer's own needs: the council must assess if you ask.
    Rule("parent-carer-assessment", SPECIFIC, parent_carer_wants_support,
         "You said you would like support for yourself.", weight=3),
    Rule("parent-carer-assessment", SPECIFIC, parent_carer_under_strain,
         "From what you told us, you may need support yourself. When it looks as if a parent "
         "carer may need support, the council must assess their needs, and it must if you "
         "ask."),
    Rule("parent-carer-assessment", NOTE, has_social_worker, TALK_TO_SOCIAL_WORKER),
    Rule("parent-carer-assessment", NOTE, in_care, TALK_TO_CHILDS_SOCIAL_WORKER),
    Rule("parent-carer-assessment", NOTE, has_early_help_worker, TALK_TO_EARLY_HELP_WORKER),

    # Preparing for adulthood: from 13 (Year 9) to 17.
    Rule("transition-assessment", SPECIFIC, disabled_at_transition_age,
         "Your child is 13 or older. You can ask the council to assess now what care and "
         "support they may need after 18."),
    Rule("transition-assessment", SPECIFIC, plan_at_transition_age,
         "With an EHC plan, planning for adult life is part of every annual review from "
         "Year 9."),
    Rule("transition-assessment", NOTE, has_social_worker, TALK_TO_SOCIAL_WORKER),
    Rule("transition-assessment", NOTE, in_care, TALK_TO_CHILDS_SOCIAL_WORKER),

    # Adult care and support: from 18, including safeguarding and the carer's own needs.
    Rule("adult-social-care", URGENT, adult_at_risk,
         "You said you fear your young person is at risk of serious harm now. Tell adult "
         "social care today: they must look into it."),
    Rule("adult-social-care", URGENT, adult_at_risk,
         "If they are in danger right now, call 999."),
    Rule("adult-social-care", SPECIFIC, disabled_adult,
         "Your young person is 18 or over. Adult social care can assess what care and support "
         "they need."),
    Rule("adult-social-care", SPECIFIC, carer_of_adult_wants_support,
         "You said you would like support for yourself. As their carer, you can ask for a "
         "carer's assessment of your own needs."),
    Rule("adult-social-care", NOTE, has_social_worker, TALK_TO_SOCIAL_WORKER),

    # Social care in an EHC plan: 0 to 25.
    Rule("ehc-social-care", SPECIFIC, has_ehc_plan,
         # Audit B16: only section H1 (CSDPA 1970 s2) is a duty to provide.
         "You said your child has an EHC plan. Section D describes their social care needs. "
         "The council must provide the care in section H1. Section H2 lists other care they "
         "may get."),
    Rule("ehc-social-care", SPECIFIC, adult_with_ehc_plan,
         "From 18, section H2 of the plan can include adult care and support."),
    Rule("ehc-social-care", SPECIFIC, ehc_being_assessed,
         "You said your child is being assessed for an EHC plan. Advice about their social "
         "care needs is due within 6 weeks, and the final plan within 20 weeks of the "
         "request."),

    # Personal budgets and direct payments: where an assessed route is likely.
    Rule("direct-payments", SPECIFIC, disabled_child_with_listed_needs,
         "If an assessment finds your child needs support, you can ask for it as money to "
         "arrange it yourself (a direct payment)."),
    # Not for a looked-after child: direct payments are for services under Children Act 1989
    # s17 (s17A), and the council meets a looked-after child's needs as their corporate parent.
    Rule("direct-payments", SPECIFIC, disabled_child_with_social_worker,
         "Ask your child's social worker whether some of their support could be a direct "
         "payment."),
    Rule("direct-payments", SPECIFIC, has_ehc_plan,
         # Audit B16: direct payments from an SEN personal budget are conditional (the SEN
         # Personal Budgets Regulations 2014).
         "With an EHC plan, you can ask for a personal budget. The council may agree to pay "
         "some of it to you as a direct payment, if certain conditions are met."),
    Rule("direct-payments", SPECIFIC, disabled_adult,
         "Adult care and support can be paid as a direct payment, so your young person can "
         "choose who helps them."),
    Rule("direct-payments", NOTE, aged_16_or_17,
         "At 16 or 17, your young person can receive direct payments themselves."),
)
# fmt: on


# --------------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteText:
    """What the national route type says of itself (its RouteType row): name and duties."""

    title: str
    legal_duties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    """One suggested route: the council's service for it (or None), and why it fits."""

    type: str
    service: str | None
    title: str
    reasons: tuple[str, ...]
    legal_duties: tuple[str, ...]
    tier: str
    fit: int = 0  # how strongly the answers point here (the rank within the specific tier)
    access: str = "ask"  # the council's way in: ask, criteria or not-described

    def to_dict(self) -> dict[str, Any]:
        """This route in the contract's JSON shape."""
        return {
            "type": self.type,
            "service": self.service,
            "title": self.title,
            "reasons": list(self.reasons),
            "legal_duties": list(self.legal_duties),
        }


@dataclass(frozen=True)
class Suggestion:
    """The routes likely to fit one family, in rank order; urgent if any route is urgent."""

    urgent: bool
    routes: tuple[Route, ...]

    def to_dict(self, council_slug: str) -> dict[str, Any]:
        """This suggestion in the contract's JSON shape for the given council."""
        return {
            "council": council_slug,
            "urgent": self.urgent,
            "routes": [route.to_dict() for route in self.routes],
        }


# --------------------------------------------------------------------------------------------
# Each council's own way into a route (its RoutePolicy rows, read by council_data.py)
# --------------------------------------------------------------------------------------------

ASK = "ask"
CRITERIA = "criteria"
NOT_DESCRIBED = "not-described"
ACCESS = (ASK, CRITERIA, NOT_DESCRIBED)

# What a parent's answer says, for the reasons of a route whose criteria count it.
ANSWER_REASONS = {
    "severe-learning-difficulties": "You said your child has severe learning difficulties.",
    "multiple-or-severe-disability": "You said your child has several disabilities, or a severe "
    "disability.",
    "life-limiting-illness": "You said your child has an illness that will shorten their life.",
    "complex-physical-disability": "You said your child has a complex physical disability.",
    "family-breakdown-risk": "You said the strain could break up your family.",
    "challenging-behaviour": "You said your child's behaviour is much harder to manage than "
    "most children's.",
    "complex-medical-needs": "You said your child needs a lot of medical care.",
    "single-carer": "You said you are the only carer.",
    "poverty-or-housing": "You said money, housing or where you live makes things harder.",
    "limited-network": "You said you get little help from family or friends.",
    "social-exclusion": "You said your child has few chances to try new things or make friends.",
    "no-independence-opportunities": "You said your child has few chances to learn skills to "
    "be more independent.",
    "discrimination": "You said your child is treated unfairly because of their disability.",
}

# Who a route is for in law, when a council's policy invites every such family to ask.
def disabled_child_at_home(a: Answers) -> bool:
    """A disabled child not in the council's care: a child in care has a social worker, who is
    the person to ask (Children Act 1989 s17(10), Part 3)."""
    return disabled_child(a) and a.current_support != "looked-after"


POLICY_FITS: dict[str, Condition] = {
    "social-work-assessment": disabled_child_at_home,  # Children Act 1989 s17(10)(c)
    "early-help": disabled_child_at_home,
    "short-breaks": disabled_child_at_home,
}

# Every disabled child is a child in need (Children Act 1989 s17(10)(c)).
ANY_DISABLED_CHILD_CAN_ASK = (
    "The law says every disabled child is a 'child in need', so you can ask the council to "
    "assess your child's needs."
)
PARTLY_MEETS = (
    "Your child has needs this team usually works with. The team also looks at the pressures "
    "on your family. You can still ask."
)
NOT_DESCRIBED_REASON = (
    "{council}'s own information does not describe how to get this. The law still applies: "
    "ask the council who does it."
)


@dataclass(frozen=True)
class Policy:
    """One council's way into one route: the engine's copy of a RoutePolicy row.

    `access` is ask, criteria or not-described. With criteria, a family meets them with a
    listed need together with a listed factor (or a listed need alone, or a listed factor
    alone, when the council lists only one kind), or with any factor in `enough_alone`.
    """

    access: str = ASK
    how_to_reach: str = ""
    needs: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    enough_alone: tuple[str, ...] = ()
    main_route: bool = False
    council: str = "The council"
    min_age: int | None = None
    max_age: int | None = None

    def for_age(self, age: int) -> bool:
        """Within the council's own age limits for this route, if it sets any."""
        return (self.min_age is None or age >= self.min_age) and (
            self.max_age is None or age <= self.max_age
        )

    def __post_init__(self) -> None:
        if self.access not in ACCESS:
            raise ValueError(f"unknown access {self.access!r}")
        for name, allowed in (
            ("needs", CHILD_NEEDS),
            ("factors", FAMILY_FACTORS),
            ("enough_alone", FAMILY_FACTORS),
        ):
            values = tuple(getattr(self, name))
            unknown = set(values) - set(allowed)
            if unknown:
                raise ValueError(f"unknown {name} {sorted(unknown)!r}")
            object.__setattr__(self, name, values)

    def matched(self, a: Answers) -> tuple[str, ...]:
        """The family's answers that this policy lists, needs first."""
        return tuple(n for n in a.child_needs if n in self.needs) + tuple(
            f for f in a.family_factors if f in self.factors or f in self.enough_alone
        )

    def met(self, a: Answers) -> bool:
        """The council's criteria are met by these answers."""
        needs = any(n in self.needs for n in a.child_needs)
        factors = any(f in self.factors for f in a.family_factors)
        if any(f in self.enough_alone for f in a.family_factors):
            return True
        if self.needs and self.factors:
            return needs and factors
        return needs or factors

    def partly_met(self, a: Answers) -> bool:
        """A listed need, where the council also looks for a family factor that is not there."""
        return bool(self.needs and self.factors) and not self.met(a) and any(
            n in self.needs for n in a.child_needs
        )


DEFAULT_POLICY = Policy()

# How strongly answers point to a route: each row that held counts 1; these count more.
MAIN_ROUTE_WEIGHT = 2  # the council names the route as its usual first step
LISTED_ANSWER_WEIGHT = 3  # an `ask` route whose council lists needs or factors the family has
CRITERIA_MET_WEIGHT = 10  # the council's own criteria are met
NOT_DESCRIBED_WEIGHT = -100  # after every route the council does describe


_ROUTE_RANK = {route: rank for rank, route in enumerate(ROUTE_TYPES)}
_TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}


def _apply_policy(
    a: Answers, route_type: str, policy: Policy, reasons: dict[str, dict[str, None]],
    tiers: dict[str, str], scores: dict[str, int],
) -> None:
    """Add what this council's policy says of this route to the family's result."""
    fits = POLICY_FITS.get(route_type)
    invited = False
    if policy.access == CRITERIA and is_child(a) and route_type in POLICY_FITS:
        if policy.met(a) and fits(a):
            invited = True
            scores[route_type] = scores.get(route_type, 0) + CRITERIA_MET_WEIGHT + len(
                policy.matched(a)
            )
        elif policy.partly_met(a) and fits(a):
            invited = True
            scores[route_type] = scores.get(route_type, 0) + 1
    elif policy.access == ASK and fits is not None and fits(a):
        invited = route_type == "social-work-assessment" or policy.main_route
        if invited:
            scores[route_type] = scores.get(route_type, 0) + 1
    elif policy.access == NOT_DESCRIBED and route_type == "social-work-assessment" and fits(a):
        invited = True  # the law gives every disabled child the right to ask

    if invited and route_type not in tiers:
        tiers[route_type] = SPECIFIC
        reasons[route_type] = {}
    if route_type not in tiers:
        return
    if tiers[route_type] != URGENT and not policy.for_age(a.age):
        # The council's own age limits (e.g. Norfolk's short breaks from 5): not this route.
        del tiers[route_type]
        del reasons[route_type]
        scores.pop(route_type, None)
        return

    found = reasons[route_type]
    lead: dict[str, None] = {}
    if policy.access == NOT_DESCRIBED:
        lead[NOT_DESCRIBED_REASON.format(council=policy.council)] = None
        if tiers[route_type] != URGENT:
            scores[route_type] = scores.get(route_type, 0) + NOT_DESCRIBED_WEIGHT
    elif policy.how_to_reach:
        lead[policy.how_to_reach] = None
    if policy.access == CRITERIA and route_type in POLICY_FITS and is_child(a):
        if policy.met(a):
            for answer in policy.matched(a):
                lead[ANSWER_REASONS[answer]] = None
        elif policy.partly_met(a):
            for answer in policy.matched(a):
                lead[ANSWER_REASONS[answer]] = None
            lead[PARTLY_MEETS] = None
    if policy.access == ASK and (policy.needs or policy.factors) and policy.matched(a):
        scores[route_type] = scores.get(route_type, 0) + LISTED_ANSWER_WEIGHT
        for answer in policy.matched(a):
            lead[ANSWER_REASONS[answer]] = None
    if (
        policy.access != CRITERIA
        and route_type == "social-work-assessment"
        and disabled_child_at_home(a)
    ):
        lead[ANY_DISABLED_CHILD_CAN_ASK] = None
    if policy.main_route and policy.access == ASK:
        scores[route_type] = scores.get(route_type, 0) + MAIN_ROUTE_WEIGHT
    reasons[route_type] = {**lead, **found}


def suggest(
    answers: Answers,
    services: Mapping[str, str | None],
    texts: Mapping[str, RouteText] | None = None,
    policies: Mapping[str, Policy] | None = None,
) -> Suggestion:
    """Rank the routes likely to fit this family, each with its reasons, service and duties.

    `services` maps a route type to the council's service slug that answers it (the service
    its RoutePolicy names); a route type the council maps to no service gets None, and the page
    points to the council's front door. `policies` gives the council's way into each route
    (its RoutePolicy rows); a route without one is open to ask, as the law has it. `texts`
    gives each route type's title and legal duties from the national route types; without it
    a route is named by its type and cites nothing, which is enough to test the rules.

    Order: urgent routes; then the rest by how strongly the answers point to them (the
    council's own criteria met counts most), ties in the contract's order; general ones last.
    """
    texts = texts or {}
    policies = policies or {}
    for mapping, name in ((services, "services"), (policies, "policies")):
        for route_type in mapping:
            if route_type not in _ROUTE_RANK:
                raise ValueError(f"unknown route type {route_type!r} in {name}")

    held = [rule for rule in RULES if rule.when(answers)]

    tiers: dict[str, str] = {}
    scores: dict[str, int] = {}
    for rule in held:
        if rule.tier == NOTE:
            continue
        if rule.tier == SPECIFIC:
            scores[rule.route] = scores.get(rule.route, 0) + rule.weight
        current = tiers.get(rule.route)
        if current is None or _TIER_RANK[rule.tier] < _TIER_RANK[current]:
            tiers[rule.route] = rule.tier

    reasons: dict[str, dict[str, None]] = {route_type: {} for route_type in tiers}
    for rule in held:
        if rule.route in reasons:
            reasons[rule.route][rule.reason] = None  # a dict keeps order and drops repeats

    for route_type in ROUTE_TYPES:
        _apply_policy(
            answers, route_type, policies.get(route_type, DEFAULT_POLICY), reasons, tiers, scores
        )
    for rule in held:  # notes for the routes a policy brought in
        if rule.tier == NOTE and rule.route in reasons:
            reasons[rule.route][rule.reason] = None

    ranked = sorted(
        tiers,
        key=lambda route_type: (
            _TIER_RANK[tiers[route_type]],
            -scores.get(route_type, 0) if tiers[route_type] == SPECIFIC else 0,
            _ROUTE_RANK[route_type],
        ),
    )
    routes = tuple(
        Route(
            type=route_type,
            service=services.get(route_type),
            title=texts.get(route_type, RouteText(route_type)).title,
            reasons=tuple(reasons[route_type]),
            legal_duties=texts.get(route_type, RouteText(route_type)).legal_duties,
            tier=tiers[route_type],
            fit=scores.get(route_type, 0),
            access=policies.get(route_type, DEFAULT_POLICY).access,
        )
        for route_type in ranked
    )
    return Suggestion(urgent=any(route.tier == URGENT for route in routes), routes=routes)
