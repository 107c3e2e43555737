"""Static files, uploads (a volume or an S3-compatible bucket) and what an uploaded image
or document may be.

Part of the base settings (`from .media import *` there), kept apart to keep each
settings module readable.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

# --- Static and media files -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# The largest document staff may upload to the resources library (campaigns.documents).
RESOURCE_FILE_MAX_BYTES = env.int("RESOURCE_FILE_MAX_BYTES", default=20 * 1024 * 1024)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads live on a volume (MEDIA_ROOT) or, with MEDIA_STORAGE=s3, in an S3-compatible
# bucket (needs the `s3` extra: pip install actioncenter[s3]). Either way the site serves
# them itself under MEDIA_URL (images.views.media); browsers never fetch from the bucket.
MEDIA_STORAGE = env("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE not in ("filesystem", "s3"):
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' or 's3'.")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "images.storage.SameOriginS3Storage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL", default=None),
            "region_name": env("MEDIA_S3_REGION", default=None),
            "access_key": env("MEDIA_S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY", default=None),
            "location": env("MEDIA_S3_PREFIX", default=""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }
# Images (images.processing): the widths stored beside each uploaded image, and what an
# upload may be at most.
IMAGES_RENDITION_WIDTHS = (480, 960, 1600)
IMAGES_MAX_PIXELS = env.int("IMAGES_MAX_PIXELS", default=40_000_000)
IMAGES_MAX_UPLOAD_BYTES = env.int("IMAGES_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
