"""Spot personal data in a comment so staff check it before anything is published.

Plain Python, no Django. Reg 56(3) of the SEND Regulations 2014 asks for comments to be
published anonymised; these checks only flag a comment for a person to look at.
"""

import re

# "my name is" in any case; "I am" only before a capitalised word ("I am Sarah", not "I am a").
NAME = re.compile(r"(?i:\bmy name(?:'s| is)\b)|\b[Ii](?: am|'m|’m)\s+[A-Z][a-z]+")
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_CANDIDATE = re.compile(r"(?<![\w])(?:\+\s?44|0)[\d\s().-]{8,16}\d")

REASONS = {
    "name": "may contain a name",
    "email": "contains an email address",
    "phone": "contains a phone number",
}


def looks_like_uk_phone(candidate):
    digits = re.sub(r"\D", "", candidate)
    if digits.startswith("44"):
        return len(digits) in (11, 12)
    return digits.startswith("0") and len(digits) in (10, 11)


def personal_data(text):
    """Which kinds of personal data the text seems to contain: a list of REASONS keys."""
    found = []
    if NAME.search(text or ""):
        found.append("name")
    if EMAIL.search(text or ""):
        found.append("email")
    if any(looks_like_uk_phone(match) for match in PHONE_CANDIDATE.findall(text or "")):
        found.append("phone")
    return found


def describe(reasons):
    """e.g. "may contain a name; contains an email address"."""
    return "; ".join(REASONS[reason] for reason in reasons)
