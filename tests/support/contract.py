"""What every install defines, from the route-finder contract, written out once.

The national legal duties (/rights/<slug>/): the fixtures must define each of them
(tests/content), and the route finder may cite only them (tests/eligibility). The twelve route
types, in the contract's order: the fixtures load them (tests/content) and the rules name them
(tests/eligibility). Written out, not read from the fixtures or the code, so that the tests can
fail.
"""

DUTY_SLUGS = (
    "children-act-1989-s17-1",
    "children-act-1989-s17-10",
    "children-act-1989-s17zd",
    "children-act-1989-s17a",
    "children-act-1989-s47",
    "children-act-1989-part-3",
    "csdpa-1970-s2",
    "carers-recognition-and-services-act-1995-s1",
    "care-act-2014-s58",
    "care-act-2014-part-1",
    "breaks-for-carers-regulations-2011",
    "children-and-families-act-2014-s30",
    "children-and-families-act-2014-s36",
    "send-regulations-2014-reg-12",
    "send-regulations-2014-reg-13",
    "children-act-2004-s11",
    "children-and-social-work-act-2017-s1",
    "equality-act-2010-s6",
    "equality-act-2010-s149",
    "working-together-2023",
    "send-code-of-practice-2015",
    "sen-personal-budgets-regulations-2014",
    "l-and-p-v-warwickshire-2015",
)

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
