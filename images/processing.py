"""What happens to every image staff (or a signing organization) upload: the one rule.

An upload is decoded and drawn again into a new file that carries nothing but pixels: no
EXIF (camera, date, GPS position), no XMP, no ICC profile, no comments. The camera's
orientation is applied first and colours are converted to sRGB before the profile goes, so
the picture still looks as it did. Photos become JPEG; an image with transparency, or drawn
in a lossless format (logos, screenshots), becomes PNG.

Beside the original the same picture is stored at a few smaller widths, never larger than
the original. Names carry everything a page needs to build `srcset`, `width` and `height`:

    campaigns/hero/march.1600x1067.jpg        the sanitised original, 1600 × 1067 pixels
    campaigns/hero/march.1600x1067.w480.jpg   its 480-pixel-wide rendition (480 × 320)

so rendering an image costs no database column, no query and no read of the file: the row
keeps the one name it always kept, and the widths follow from the name and the settings.
"""

from __future__ import annotations

import io
import posixpath
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Formats accepted on upload (Pillow's names); MPO is how many phones write a JPEG.
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "GIF", "WEBP"})
# Sources whose pixels are exact: kept exact (PNG) rather than turned into a JPEG.
LOSSLESS_FORMATS = frozenset({"PNG", "GIF"})
JPEG_QUALITY = 85

NAME_PATTERN = re.compile(
    r"^(?P<stem>.+)\.(?P<width>\d+)x(?P<height>\d+)(?:\.w(?P<rendition>\d+))?\.(?P<ext>jpg|png)$"
)

NOT_AN_IMAGE = _("This file is not an image the site can read. Upload a JPEG, PNG, GIF or WebP.")
ANIMATED = _("Animated images are not accepted. Upload a still image (JPEG or PNG).")


class ImageRefused(ValidationError):
    """An upload that cannot become a safe image; its message tells the uploader why."""


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class ProcessedImage:
    width: int
    height: int
    extension: str  # "jpg" or "png"
    data: bytes
    renditions: tuple[Rendition, ...]


def rendition_widths() -> tuple[int, ...]:
    return tuple(sorted(settings.IMAGES_RENDITION_WIDTHS))


def rendition_height(width: int, height: int, target: int) -> int:
    """The height of the `target`-wide rendition of a `width` × `height` image."""
    return max(1, round(height * target / width))


def open_checked(content) -> Image.Image:
    """The upload opened with Pillow, refused (ImageRefused) when it is not a still image of
    an accepted format within the size limits. Only the header is read so far."""
    size = getattr(content, "size", None)
    max_bytes = settings.IMAGES_MAX_UPLOAD_BYTES
    if size is not None and size > max_bytes:
        raise ImageRefused(
            _("This file is %(size)s MB; the largest image accepted is %(max)s MB.")
            % {"size": _megabytes(size), "max": _megabytes(max_bytes)},
            code="too_large",
        )
    content.seek(0)
    try:
        image = Image.open(content)
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ImageRefused(NOT_AN_IMAGE, code="invalid_image") from error
    if image.format not in ACCEPTED_FORMATS:
        raise ImageRefused(NOT_AN_IMAGE, code="invalid_image")
    if getattr(image, "is_animated", False) and image.format != "MPO":
        raise ImageRefused(ANIMATED, code="animated")
    if image.width * image.height > settings.IMAGES_MAX_PIXELS:
        raise _too_many_pixels(image.width, image.height)
    return image


def process(content) -> ProcessedImage:
    """The upload decoded, stripped of its metadata and encoded again, with its renditions.
    Raises ImageRefused for anything that is not a readable still image within the limits."""
    image = open_checked(content)
    try:
        return _redrawn(image)
    except (OSError, ValueError, SyntaxError) as error:  # truncated, or pixels Pillow can't read
        raise ImageRefused(NOT_AN_IMAGE, code="invalid_image") from error


def _redrawn(image: Image.Image) -> ProcessedImage:
    image.load()
    source_format = image.format
    image = _in_srgb(ImageOps.exif_transpose(image))
    transparent = _has_transparency(image)
    extension = "png" if transparent or source_format in LOSSLESS_FORMATS else "jpg"
    image = _pixels_only(image, transparent)
    renditions = tuple(
        _rendition(image, target, extension)
        for target in rendition_widths()
        if target < image.width
    )
    data = _encode(image, extension)
    return ProcessedImage(image.width, image.height, extension, data, renditions)


def store(storage, name: str, processed: ProcessedImage, *, max_length: int | None = None) -> str:
    """Save the original and its renditions under names derived from `name` (the field's
    upload path); returns the original's stored name. An existing name is never replaced:
    a new upload gets a fresh stem, so a cached copy of an old image is never wrong."""
    directory, filename = posixpath.split(name)
    stem = _stem(filename)
    dims = f"{processed.width}x{processed.height}"
    # The stem is cut so the name fits the column even with a fresh token ("_" + 7) added.
    room = (max_length or 100) - len(directory) - 1 - len(f".{dims}.{processed.extension}") - 8
    stem = stem[: max(room, 1)]
    candidate = posixpath.join(directory, f"{stem}.{dims}.{processed.extension}")
    while storage.exists(candidate):
        token = get_random_string(7).lower()
        candidate = posixpath.join(directory, f"{stem}_{token}.{dims}.{processed.extension}")
    stored = storage.save(candidate, ContentFile(processed.data), max_length=max_length)
    for rendition in processed.renditions:
        storage.save(rendition_name(stored, rendition.width), ContentFile(rendition.data))
    return stored


def delete_renditions(storage, name: str) -> None:
    """Delete the renditions stored beside the original `name` (not the original)."""
    for _width, _height, version in renditions_of(name)[:-1]:
        storage.delete(version)


def parse_name(name: str) -> tuple[int, int] | None:
    """(width, height) of a sanitised original named by `store`, else None (an older
    upload, or a rendition)."""
    match = NAME_PATTERN.match(posixpath.basename(name or ""))
    if not match or match["rendition"]:
        return None
    return int(match["width"]), int(match["height"])


def is_rendition_or_original(name: str) -> bool:
    """True for the names `store` writes: they never change content, so they may be cached
    for good."""
    return NAME_PATTERN.match(posixpath.basename(name)) is not None


def rendition_name(name: str, target: int) -> str:
    root, extension = posixpath.splitext(name)
    return f"{root}.w{target}{extension}"


def renditions_of(name: str) -> list[tuple[int, int, str]]:
    """(width, height, name) of each stored version of a sanitised original, the smallest
    first and the original last; [] for a name `store` did not write."""
    dims = parse_name(name)
    if dims is None:
        return []
    width, height = dims
    versions = [
        (target, rendition_height(width, height, target), rendition_name(name, target))
        for target in rendition_widths()
        if target < width
    ]
    return [*versions, (width, height, name)]


def _stem(filename: str) -> str:
    stem = posixpath.splitext(filename)[0]
    match = NAME_PATTERN.match(filename)
    if match:  # re-saving a sanitised image: keep its stem, not its old dimensions
        stem = match["stem"]
    return re.sub(r"[^\w-]+", "-", stem).strip("-.") or "image"


def _has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA"):
        return image.getchannel("A").getextrema()[0] < 255
    return "transparency" in image.info


def _in_srgb(image: Image.Image) -> Image.Image:
    """Colours converted from the image's own ICC profile to sRGB, the one profile a page
    assumes once the profile is removed; unchanged when it has none or it cannot be read."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=output
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted or image


def _pixels_only(image: Image.Image, transparent: bool) -> Image.Image:
    """A copy in a mode the output format keeps, with no metadata left in `info`."""
    if transparent:
        mode = "LA" if image.mode in ("L", "LA") else "RGBA"
    else:
        mode = "L" if image.mode in ("1", "L", "LA", "I", "I;16", "F") else "RGB"
    if image.mode == "P" or image.mode != mode:
        image = image.convert("RGBA" if transparent else "RGB").convert(mode)
    else:
        image = image.copy()
    image.info = {}
    return image


def _rendition(image: Image.Image, target: int, extension: str) -> Rendition:
    height = rendition_height(image.width, image.height, target)
    resized = image.resize((target, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    resized.info = {}
    return Rendition(target, height, _encode(resized, extension))


def _encode(image: Image.Image, extension: str) -> bytes:
    buffer = io.BytesIO()
    if extension == "jpg":
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f}".rstrip("0").rstrip(".")


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ImageRefused:
    limit = settings.IMAGES_MAX_PIXELS / 1_000_000
    if width is None:
        message = _("This image is too large. Upload an image of at most %(limit)s megapixels.")
        return ImageRefused(message % {"limit": f"{limit:g}"}, code="too_many_pixels")
    message = _(
        "This image is %(width)s × %(height)s pixels, more than the %(limit)s megapixels "
        "accepted. Make it smaller (2,400 pixels wide is plenty) and upload it again."
    )
    return ImageRefused(
        message % {"width": width, "height": height, "limit": f"{limit:g}"},
        code="too_many_pixels",
    )
