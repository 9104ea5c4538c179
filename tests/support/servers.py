"""Real servers for tests: a throwaway PostgreSQL database, gunicorn instances and a TCP proxy."""

import atexit
import functools
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@functools.cache
def static_root():
    """A folder for this test process's collectstatic, removed when the process ends.

    Not the checkout's `staticfiles/`: with several test processes (pytest-xdist), one would
    rewrite it while another's server reads it.
    """
    folder = tempfile.mkdtemp(prefix="lo-static-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def server_env(**extra):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "localoffer.settings", "DEBUG": "false",
                "STATIC_ROOT": static_root()})
    env.update({k: str(v) for k, v in extra.items()})
    return env


def _admin_connection(params):
    admin = psycopg2.connect(
        host=params["HOST"], port=params["PORT"] or 5432, user=params["USER"], dbname="postgres"
    )
    admin.autocommit = True
    return admin


@contextmanager
def loaded_postgres_template(base_url):
    """A new database on the server of `base_url`, migrated and loaded once, to copy from.

    Yields its name; dropped afterwards. Copying it (CREATE DATABASE ... TEMPLATE) takes about a
    second, where migrate and load_content in a new process take tens.
    """
    with throwaway_postgres_database(base_url, prefix="lo_template") as url:
        yield dj_database_url.parse(url)["NAME"]


@contextmanager
def throwaway_postgres_database(base_url, template=None, prefix="lo_throwaway"):
    """A new database on the server of `base_url`, dropped afterwards; yields its URL.

    A copy of `template` (from loaded_postgres_template) when given; otherwise migrated and
    loaded with the shipped content by manage.py, as an operator would.
    """
    params = dj_database_url.parse(base_url)
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = _admin_connection(params)
    with admin.cursor() as cursor:
        if template:
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        else:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}/{name}"
    try:
        for command in () if template else (["migrate", "--noinput"], ["load_content"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, check=True,
                env=server_env(DATABASE_URL=url), capture_output=True,
            )
        yield url
    finally:
        with admin.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        admin.close()


def subprocess_database_url(tmp_path):
    """A DATABASE_URL with the test database's tables, for a manage.py run in a new process.

    On PostgreSQL, the test database itself: the new process sees the migrated tables and none
    of the test's uncommitted rows. SQLite's test database lives in memory, so it is copied to a
    file, which takes milliseconds where `migrate` on a new file takes seconds.
    """
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        path = tmp_path / "db.sqlite3"
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    params = connection.settings_dict
    return f"postgres://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}/{params['NAME']}"


@functools.cache
def collect_static():
    """Production settings serve hashed static names, so they need collectstatic's manifest.

    A clean checkout has none; without it every page that links a stylesheet is a 500. Once per
    test run is enough.
    """
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT, check=True, env=server_env(), capture_output=True,
    )


@contextmanager
def gunicorn(**environment):
    """One gunicorn instance on a loopback port; yields its base URL."""
    collect_static()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "localoffer.wsgi"],
        cwd=ROOT,
        env=server_env(**{"PORT": port, "WEB_CONCURRENCY": 1, "ACCESS_LOG": "/dev/null",
                          **environment}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_up(base, process, seconds=60):
    """Poll /healthz until gunicorn answers.

    On a busy machine a worker can take many seconds to import Django, so a connection that is
    accepted but not yet answered (a timeout) means "not yet", like a refused one.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}) before answering at {base}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5):
                return
        except OSError:  # refused, reset or timed out while the worker starts
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start at {base} within {seconds} s")


def fetch(url):
    """(status, headers, body) without raising on 4xx/5xx."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return 0, {}, f"no answer: {error}"


class TcpProxy:
    """Forwards a loopback port to a target; `cut()` drops every connection and refuses new ones.

    `stall()` keeps every connection open, and accepts new ones, but passes nothing on (a
    database or network that stops answering without closing anything); `resume()` ends that.
    """

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.connections = []
        self.listener = None
        self.lock = threading.Lock()
        self.stalled = False

    def stall(self):
        self.stalled = True

    def resume(self):
        self.stalled = False

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # On Linux, close() alone does not wake a thread blocked in accept(); shutdown() does.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for conn in self.connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                conn.close()
            self.connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                if not self.stalled:  # while stalled, what arrives is dropped
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.close()
                except OSError:
                    pass
