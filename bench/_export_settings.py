"""Settings for bench_export.py: the local settings and a URLconf with a bare JSON view."""

from actioncenter.settings.local import *  # noqa: F403

ROOT_URLCONF = "bench._representatives_urls"
