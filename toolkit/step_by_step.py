"""The step-by-step "Get social care help for your disabled child": its steps, as plain data.

GOV.UK's step-by-step navigation pattern, one page per council at /<council>/step-by-step/.
Each route type belongs to at most one step; the route page says which. The law behind each
step is already stated on the route, duty and timescale pages the step links to.
"""

from dataclasses import dataclass

TITLE = "Get social care help for your disabled child"


@dataclass(frozen=True)
class Step:
    number: int
    slug: str  # the step's anchor on the page: /<council>/step-by-step/#<slug>
    title: str
    intro: str
    routes: tuple  # route type slugs, in the order a parent meets them


STEPS = (
    Step(
        1, "without-an-assessment", "Get help you can use without an assessment",
        "Some help is open to every family. You can ask for it yourself, without waiting for "
        "an assessment. Some short breaks need an assessment first: the short breaks page says "
        "which.",
        ("universal", "information-advice", "early-help", "short-breaks"),
    ),
    Step(
        2, "ask-for-an-assessment", "Ask for an assessment",
        "Every disabled child is a child in need in law, so you can ask the council to assess "
        "your child. As a parent carer, you can also ask for an assessment of your own needs. "
        "If your child has, or may need, an Education, Health and Care (EHC) plan, social care "
        "gives advice for it. Use a letter to ask, and keep a copy.",
        ("social-work-assessment", "parent-carer-assessment", "transition-assessment",
         "ehc-social-care"),
    ),
    Step(
        3, "how-long-it-takes", "How long it takes",
        "The council has deadlines for each step. Work out the date from the day you asked, or "
        "from the referral.",
        (),
    ),
    Step(
        4, "decision-and-plan", "The decision and the plan",
        "After the assessment, the council tells you what it decided and what help your child "
        "or your family will get. You can ask for a personal budget to arrange some of the "
        "help yourself.",
        ("direct-payments", "children-in-care", "adult-social-care"),
    ),
    Step(
        5, "if-you-disagree", "If you disagree",
        "If you disagree with a decision, or something was not done on time, you can complain. "
        "Free, impartial advice can help you at any stage.",
        (),
    ),
)
STEP_FOR_ROUTE = {route: step for step in STEPS for route in step.routes}
