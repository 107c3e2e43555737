"""Images made in memory for the tests, in the formats and with the metadata phones write."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F
# Where the photo was taken: what must never reach the site's visitors.
GPS_LATITUDE = (40.0, 26.0, 46.32)
GPS_LONGITUDE = (79.0, 58.0, 56.0)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf'
    b'-syntax-ns#"><rdf:Description photoshop:City="Pittsburgh"/></rdf:RDF></x:xmpmeta>'
)
COMMENT = b"taken at the shelter on Elm Street"
RED = (220, 30, 30)
BLUE = (30, 30, 220)


def halves(size: tuple[int, int], mode: str = "RGB", left=RED, right=BLUE) -> Image.Image:
    """An image whose left half is `left` and right half `right`: orientation shows."""
    width, height = size
    image = Image.new(mode, size, right)
    image.paste(Image.new(mode, (width // 2, height), left), (0, 0))
    return image


def jpeg_with_gps(size=(2000, 1000), orientation: int | None = None) -> bytes:
    """A JPEG as a phone writes it: camera make, GPS position, XMP, a comment, an ICC
    profile and, when given, an EXIF orientation."""
    from PIL import ImageCms

    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    if orientation:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = GPS_LATITUDE
    gps[3] = "W"
    gps[4] = GPS_LONGITUDE
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    halves(size).save(
        buffer, "JPEG", exif=exif, xmp=XMP, comment=COMMENT, icc_profile=profile, quality=90
    )
    return buffer.getvalue()


def png_with_transparency(size=(1200, 600)) -> bytes:
    """A logo-like PNG: the left half opaque red, the right half fully transparent."""
    buffer = io.BytesIO()
    halves(size, "RGBA", left=(*RED, 255), right=(0, 0, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (64, 64), colour) for colour in (RED, BLUE)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)
