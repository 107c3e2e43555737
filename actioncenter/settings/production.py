"""Production: refuses to start without a secret key, allowed hosts, a database and a mail
server; HTTPS only."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASE_URL, EMAIL_BACKEND, SITE_URL_FROM_REQUEST, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random string of at least 50 characters."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the site's host names.")
if not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL must name the PostgreSQL database.")
# The console backend would print receipts, confirmation links and supporters' addresses
# into the logs, and send nothing.
if EMAIL_BACKEND.endswith((".console.EmailBackend", ".locmem.EmailBackend", ".dummy.EmailBackend")):
    raise ImproperlyConfigured("EMAIL_URL must name a real mail server (smtp+tls://...).")

# Links in emails and share boxes name the site; a request's Host header never decides them.
if SITE_URL_FROM_REQUEST:
    raise ImproperlyConfigured("SITE_URL must name the site's address (https://your.host).")

# The site sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
