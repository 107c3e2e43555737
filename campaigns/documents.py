"""The documents staff may upload to the resources library: PDF, ODT and DOCX only.

A file is accepted when its name's extension AND its first bytes say the same format (a
renamed executable or web page is refused), and when it is no larger than
`RESOURCE_FILE_MAX_BYTES`. Files are served from the site's own address (MEDIA_URL).
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

DOCUMENT_HELP = _("A PDF, ODT or DOCX document, served from this site.")

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _is_pdf(head: bytes, upload) -> bool:
    return head.startswith(b"%PDF-")


def _zip_names(upload) -> list[str] | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    finally:
        upload.seek(0)


def _is_odt(head: bytes, upload) -> bool:
    # The OpenDocument format puts an uncompressed "mimetype" entry first in the archive.
    return (
        head.startswith(b"PK\x03\x04")
        and head[30:38] == b"mimetype"
        and (ODT_MIMETYPE in head[38:120])
    )


def _is_docx(head: bytes, upload) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(upload) or []
    return "[Content_Types].xml" in names and "word/document.xml" in names


SNIFFERS = {"pdf": _is_pdf, "odt": _is_odt, "docx": _is_docx}


def validate_document(upload) -> None:
    """Refuse a file that is not a PDF, ODT or DOCX document, or that is too large."""
    if getattr(upload, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    sniff = SNIFFERS.get(extension)
    if sniff is None:
        raise ValidationError(
            _("Upload a PDF, ODT or DOCX document (this file ends in “.%(extension)s”)."),
            code="extension",
            params={"extension": extension},
        )
    limit = settings.RESOURCE_FILE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the largest accepted is %(limit)s."),
            code="size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    upload.seek(0)
    head = upload.read(512)
    upload.seek(0)
    if not sniff(head, upload):
        raise ValidationError(
            _("This file's content is not in the %(format)s format, whatever its name says."),
            code="content",
            params={"format": extension.upper()},
        )
