"""gunicorn settings for production: `make serve` uses them locally."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# Recycle workers now and then (MAX_REQUESTS=0 turns it off, as the load test does to see leaks).
max_requests = int(os.environ.get("MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# gunicorn believes no X-Forwarded-* header itself: the app's TrustedProxyMiddleware decides,
# from TRUSTED_PROXIES, whom to believe (README, "Behind a proxy").
forwarded_allow_ips = ""
secure_scheme_headers = {}
accesslog = os.environ.get("ACCESS_LOG", "-")
# Paths only: query strings can hold search words, and nothing a parent types is logged.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


def _without_server_header():
    """gunicorn always writes `Server: gunicorn`; naming the server only helps an attacker."""
    from gunicorn.http import wsgi

    default_headers = wsgi.Response.default_headers

    def headers(self):
        return [line for line in default_headers(self) if not line.startswith("Server:")]

    wsgi.Response.default_headers = headers


_without_server_header()
# The route finder's lines lose the address and the question page (localoffer/private_logs.py).
logger_class = "localoffer.private_logs.PrivateAccessLogger"
