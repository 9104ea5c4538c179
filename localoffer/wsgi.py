"""WSGI entry point for gunicorn."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localoffer.settings")
application = get_wsgi_application()

if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
    from localoffer import db_timeouts

    db_timeouts.install(settings.DB_TIMEOUT)
