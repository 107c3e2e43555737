"""Settings for the test suite: fast, isolated, same security headers as production."""

from .base import *  # noqa: F403
from .base import DATABASES, env, postgres_database

if not DATABASES:
    from actioncenter.db.embedded import database_settings

    DATABASES = {"default": postgres_database(database_settings())}

DEBUG = False
SECRET_KEY = "test-secret-key-not-used-anywhere-else-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test gets a clean cache unless CACHE_URL asks for Redis (the server pass).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://tests")}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The test process runs tasks in-process; the real worker started by the
# `celery_worker` fixture sets TEST_TASKS_EAGER=0 so what it enqueues goes
# through the broker.
CELERY_TASK_ALWAYS_EAGER = env.bool("TEST_TASKS_EAGER", default=True)
# The Congress the test fixtures' district maps are of, whatever today's date.
CURRENT_CONGRESS = 119
# Links in emails name one fixed address, whatever host a test client calls itself; the
# browser tests turn this on to follow the live server's address.
SITE_URL_FROM_REQUEST = False
