"""Media kept in an S3-compatible bucket, still served from the site's own origin.

Chosen by `MEDIA_STORAGE=s3` (actioncenter/settings/base.py). Pages link every file under
MEDIA_URL, and `images.views.media` streams it from the bucket: a visitor's browser never
talks to the bucket's host, so no third party learns who looked at the page.
"""

from urllib.parse import quote

from django.conf import settings
from storages.backends.s3 import S3Storage


class SameOriginS3Storage(S3Storage):
    """S3Storage whose URLs are the site's own (MEDIA_URL), never the bucket's."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{quote(name.lstrip('/'))}"
