"""Rung B1: a bare WSGI callable returning the saved page, no Django at all."""

import os

with open(os.environ["LADDER_SAVED_PAGE"], "rb") as stream:
    SAVED = stream.read()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(SAVED)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [SAVED]
