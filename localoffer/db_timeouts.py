"""A limit on how long the web server waits for PostgreSQL to say anything.

libpq waits for ever on a connection whose far end has gone silent (a database, proxy or
network that stops answering without closing the connection). PostgreSQL's own
statement_timeout cannot help there: the server never sees the query. psycopg2 lets a program
do the waiting itself (a "wait callback"): this one waits at most DB_TIMEOUT seconds for each
step of a connect or a query, then hangs up the connection and raises OperationalError, which
DatabaseUnavailableMiddleware turns into the 503 page.

Once the database has been silent, waits in the next DB_TIMEOUT seconds are cut to
SHORT_WAIT, so a request that first finds its pooled connection dead does not wait a second
time for the new one. Installed by localoffer/wsgi.py only: management commands (migrations,
loading content) wait as long as they must.
"""

import select
import socket
import time

import psycopg2
from django.db.backends.signals import connection_created
from psycopg2 import extensions

SHORT_WAIT = 0.5
_last_silence = float("-inf")


def install(seconds):
    """Make every psycopg2 connection in this process give up after `seconds` of silence."""

    def wait(conn):
        global _last_silence
        recently_silent = time.monotonic() - _last_silence < seconds
        limit = min(seconds, SHORT_WAIT) if recently_silent else seconds
        while True:
            state = conn.poll()
            if state == extensions.POLL_OK:
                return
            if state == extensions.POLL_READ:
                ready = select.select([conn.fileno()], [], [], limit)[0]
            elif state == extensions.POLL_WRITE:
                ready = select.select([], [conn.fileno()], [], limit)[1]
            else:
                raise psycopg2.OperationalError(f"unexpected state from poll(): {state}")
            if not ready:
                _last_silence = time.monotonic()
                _hang_up(conn)
                raise psycopg2.OperationalError(f"the database did not answer within {limit} s")

    extensions.set_wait_callback(wait)
    connection_created.connect(_limit_statements, dispatch_uid="db_timeouts.statement_timeout")


def _limit_statements(sender, connection, **kwargs):
    """The server cancels a web request's statement a second before the web server stops waiting.

    Set per connection here, in the web server only: migrations, load_content and backups run as
    long as they must.
    """
    if connection.vendor == "postgresql":
        from django.conf import settings

        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [(settings.DB_TIMEOUT - 1) * 1000])


def _hang_up(conn):
    """End the connection's socket at once; libpq's own close would wait on the silent peer.

    Django then finds the connection unusable and opens a new one on the next request.
    """
    with socket.fromfd(conn.fileno(), socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
