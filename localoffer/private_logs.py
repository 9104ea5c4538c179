"""Logs that cannot tell what a family answered in Find my route (README, "No answer in any log").

Which of the route finder's question pages a family is shown, one after another, reveals their
answers (a question about age comes only after "yes, my child is disabled"). So a log line
about any address under /<council>/find-my-route/ carries neither the visitor's address nor
anything else that could tie it to the family's other lines (user agent, referrer, redirect
target), and its path is cut to the finder itself: "/essex/find-my-route/…".
"""

import logging
import re

from gunicorn.glogging import Logger

FINDER = re.compile(r"^(/[^/]+/find-my-route/)[^\s]*")
HIDDEN = "-"


def finder_path(path):
    """The route finder's address without the page within it; other paths unchanged."""
    return FINDER.sub(r"\1…", path) if isinstance(path, str) else path


class PrivateAccessLogger(Logger):
    """gunicorn's logger, with the route finder's lines stripped of what could link them."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        if FINDER.match(environ.get("PATH_INFO", "")):
            for name in list(atoms):
                if name.startswith("{"):  # every request and response header, every variable
                    atoms[name] = HIDDEN
            atoms.update(
                h=HIDDEN, u=HIDDEN, f=HIDDEN, a=HIDDEN, q=HIDDEN,
                U=finder_path(atoms["U"]),
                r=f"{atoms['m']} {finder_path(atoms['U'])} {atoms['H']}",
            )
        return atoms


class HideFinderPages(logging.Filter):
    """For Django's own lines ("Not Found: /essex/find-my-route/age/"): the same cut path."""

    def filter(self, record):
        if isinstance(record.args, tuple):
            record.args = tuple(finder_path(arg) for arg in record.args)
        elif isinstance(record.msg, str):
            record.msg = finder_path(record.msg)
        return True
