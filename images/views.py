"""Uploaded files served by the site itself, from whichever storage keeps them.

Images and documents are read from `default_storage` (a volume, or a bucket through
`images.storage`) and streamed from the site's own origin, in production too: a page never
makes a visitor's browser ask another host for a picture.

Only the types below are served, each with its own Content-Type, and `nosniff` so a browser
never guesses another; anything but an image is a download (`attachment`), so a document
never runs as a page of the site. There is no listing of folders and no way out of the
media root: a path with `..`, a hidden name, a backslash or an empty part is not found.
"""

from __future__ import annotations

import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from images.processing import is_rendition_or_original

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
DOCUMENT_TYPES = {
    ".pdf": "application/pdf",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# Images written by images.processing never change under their name: cached for a year.
IMMUTABLE = "public, max-age=31536000, immutable"
# Anything else may be replaced under the same name by staff: an hour.
REVALIDATED = "public, max-age=3600"


def safe_media_path(path: str) -> str | None:
    """`path` when it names a file inside the media root, else None."""
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return None
    parts = path.split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    if posixpath.normpath(path) != path:
        return None
    return path


@require_safe
def media(request, path: str):
    """One uploaded file, streamed from storage with the headers above; 404 otherwise."""
    name = safe_media_path(path)
    extension = posixpath.splitext(name or "")[1].lower()
    content_type = IMAGE_TYPES.get(extension) or DOCUMENT_TYPES.get(extension)
    if name is None or content_type is None:
        raise Http404
    try:
        if not default_storage.exists(name):
            raise Http404
        stored = default_storage.open(name, "rb")
    except (SuspiciousFileOperation, OSError, ValueError) as error:
        raise Http404 from error
    is_image = extension in IMAGE_TYPES
    response = FileResponse(
        stored,
        content_type=content_type,
        as_attachment=not is_image,
        filename=posixpath.basename(name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = IMMUTABLE if is_rendition_or_original(name) else REVALIDATED
    # A file is never a page: nothing in it may run or be framed, whatever a browser makes
    # of it.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
