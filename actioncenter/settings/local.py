"""Developer defaults: debug on, a throwaway secret, local hosts only."""

from .base import *  # noqa: F403
from .base import DATABASES, env, postgres_database

if not DATABASES:
    from actioncenter.db.embedded import database_settings

    DATABASES = {"default": postgres_database(database_settings())}

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-development-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
