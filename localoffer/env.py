"""Read settings from the environment through helpers that refuse bad values.

Each helper raises ImproperlyConfigured with a one-line message naming the variable, so a
misconfigured server stops at start-up instead of running half-configured.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    """The variable as text, or the default when unset."""
    return os.environ.get(name, default)


def env_bool(name, default=False):
    """A yes/no variable: 1/true/yes/on or 0/false/no/off; anything else is refused."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, got {raw!r}")


def env_int(name, default, minimum=None, maximum=None):
    """A whole-number variable within bounds; anything else is refused."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ImproperlyConfigured(f"{name} must be between {minimum} and {maximum}, got {value}")
    return value


def env_list(name, default=()):
    """A comma-separated list; empty items are refused."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} has an empty item: {raw!r}")
    return items


def env_url(name, schemes, default=""):
    """A URL whose scheme is one of `schemes`; anything else is refused."""
    raw = os.environ.get(name, default)
    if not raw:
        return raw
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in schemes:
        allowed = ", ".join(schemes)
        raise ImproperlyConfigured(f"{name} must start with one of {allowed}://, got {raw!r}")
    return raw


def env_proxies(name):
    """Which proxies to believe: a count ("1": the app is reached only through one proxy) or
    comma-separated addresses and networks ("10.0.0.5,10.1.0.0/16"); unset believes none.

    Returns the count as an int, or a tuple of the addresses and networks as text.
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return ()
    if raw.isdigit():
        count = int(raw)
        if not 1 <= count <= 10:
            raise ImproperlyConfigured(f"{name} must be a count from 1 to 10, got {raw!r}")
        return count
    items = tuple(item.strip() for item in raw.split(",") if item.strip())
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must be a count or IP addresses and networks, got {item!r}"
            ) from None
    return items
