"""The result page's "What to do first" box: who to call or write to, what to say, the letter.

Plain data for the template. Nothing here is stored or logged: it is built per request from the
engine's result and the council's published data.
"""

from __future__ import annotations

from dataclasses import dataclass

# Route type -> what to say when you call or write, in a parent's words.
WHAT_TO_SAY = {
    "child-protection": "Say you are worried your child is at risk of serious harm, and why. "
    "Ask what they will do next, and when.",
    "adult-social-care": "Say your young person is 18 or over and disabled. Ask for an "
    "assessment of their care and support needs under the Care Act 2014.",
    "social-work-assessment": "Say your child is disabled. Ask for an assessment of their needs "
    "as a child in need, under section 17 of the Children Act 1989.",
    "early-help": "Ask for an Early Help assessment. Say what is hard for your family at the "
    "moment.",
    "short-breaks": "Ask what short breaks there are for your child, and whether you need an "
    "assessment to get them.",
    "parent-carer-assessment": "Say you care for a disabled child. Ask for a parent carer needs "
    "assessment, under section 17ZD of the Children Act 1989.",
    "transition-assessment": "Ask for a transition assessment before your child turns 18, "
    "under section 58 of the Care Act 2014.",
    "children-in-care": "Talk to your child's social worker about what your child needs now.",
    "ehc-social-care": "Ask who gives the social care advice for your child's education, "
    "health and care (EHC) plan, and what it says.",
    "direct-payments": "Ask whether your child's support can be paid to you as a direct "
    "payment, so you can arrange it yourself.",
    "universal": "Tell them what is hard for your family and ask what help there is.",
    "information-advice": "Tell them what is hard for your family and ask what help there is.",
}
URGENT_ADULT = (
    "Say you are worried your young person is at risk of serious harm, and why. Ask adult "
    "social care to look into it today."
)
CRITERIA_SAY = (
    "Say your child is disabled. Tell them about your child's needs and the pressures on your "
    "family, and ask for an assessment by {owner}."
)

# Route type -> the letter that asks for it (the toolkit's letters; a test keeps them in step).
LETTER_FOR_ROUTE = {
    "social-work-assessment": "child-in-need-assessment",
    "parent-carer-assessment": "parent-carer-needs-assessment",
    "transition-assessment": "transition-assessment",
}


@dataclass(frozen=True)
class Contact:
    """Who to call or write to: a name and whatever the council publishes to reach them."""

    name: str
    phone: str = ""
    email: str = ""
    url: str = ""


def front_door(council) -> Contact:
    return Contact(
        name=council.front_door_name or council.name,
        phone=council.front_door_phone,
        email=council.front_door_email,
        url=council.front_door_url or council.website_url,
    )


def route_contact(council, details) -> Contact:
    """Who answers this route: the council's contact for it, its service's, or the front door.

    A route the council's sources do not describe always goes to the front door.
    """
    policy = getattr(details, "policy", None)
    if policy is not None and policy.access == "not-described":
        if policy.route_type.slug == "adult-social-care":
            # The front door is for children: send adults to the council itself (audit A8).
            return Contact(name=council.name, url=council.website_url)
        return front_door(council)
    candidates = []
    if details.guide is not None and details.guide.contact is not None:
        candidates.append(details.guide.contact)
    if details.service is not None:
        candidates.extend(details.service.contacts.all())
    with_phone = [c for c in candidates if c.phone]
    chosen = (with_phone or candidates or [None])[0]
    route_type = details.route_type.slug if details.route_type is not None else ""
    if chosen is None and route_type == "adult-social-care":
        # The front door is for children: with no adult contact, send adults to the council's
        # own service or website rather than to children's social care (audit A8).
        name = details.service.name if details.service is not None else council.name
        return Contact(name=f"{council.name}: {name}", url=council.website_url)
    if chosen is None:
        return front_door(council)
    return Contact(name=chosen.name, phone=chosen.phone, email=chosen.email, url=chosen.url)


def what_to_say(route, policy=None, adult=False) -> str:
    if route.tier == "urgent" and route.type == "adult-social-care":
        return URGENT_ADULT
    if (
        route.type == "social-work-assessment"
        and policy is not None
        and policy.access == "criteria"
        and policy.criteria_owner
    ):
        return CRITERIA_SAY.format(owner=policy.criteria_owner)
    return WHAT_TO_SAY.get(route.type, WHAT_TO_SAY["information-advice"])
