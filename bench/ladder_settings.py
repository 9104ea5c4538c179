"""Production settings plus one extra address that returns saved bytes (benchmark rung B2)."""

from localoffer.settings import *  # noqa: F403

ROOT_URLCONF = "ladder_urls"
