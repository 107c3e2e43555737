"""`{% picture %}`: an uploaded image as a responsive, described `<img>`.

    {% load images %}
    {% picture campaign.hero_image alt=campaign.localized.hero_alt sizes="100vw" lazy=False %}
    {% picture partner.logo decorative=True sizes="8rem" %}

renders `<img src srcset sizes width height alt loading decoding>` from the image's name
alone (see `images.processing`): no query, no read of the file. Images are lazy-loaded
unless `lazy=False` (the one above the fold, which is fetched first instead). Nothing is
rendered for an empty field. `alt` is required; only `decorative=True` gives an empty one.
Also `class`, `lang` (the language of the alt text) and `sizes` (default "100vw").
"""

from __future__ import annotations

from django import template
from django.template.base import token_kwargs
from django.utils.html import format_html, format_html_join

from actioncenter.siteurl import site_url
from images.processing import renditions_of

register = template.Library()

PICTURE_OPTIONS = frozenset({"alt", "decorative", "sizes", "lazy", "class", "lang"})
# The version given as `src` (what a browser without srcset, or a crawler, fetches): the
# largest of at most this width.
SRC_MAX_WIDTH = 960
# The version a social network's card shows: the largest of at most this width.
SHARE_MAX_WIDTH = 1600


@register.tag
def picture(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% picture %} takes an image field first.")
    image = parser.compile_filter(bits[1])
    remaining = bits[2:]
    options = token_kwargs(remaining, parser)
    if remaining:
        raise template.TemplateSyntaxError(
            f"{{% picture %}} takes only name=value options, not {remaining[0]!r}."
        )
    unknown = set(options) - PICTURE_OPTIONS
    if unknown:
        raise template.TemplateSyntaxError(f"{{% picture %}} has no option {sorted(unknown)}.")
    if "alt" not in options and "decorative" not in options:
        raise template.TemplateSyntaxError(
            "{% picture %} needs alt=... (or decorative=True for an image that says nothing)."
        )
    return PictureNode(image, options)


class PictureNode(template.Node):
    def __init__(self, image, options):
        self.image = image
        self.options = options

    def render(self, context):
        image = self.image.resolve(context)
        if not image:
            return ""
        options = {name: value.resolve(context) for name, value in self.options.items()}
        return render_picture(image, **options)


def render_picture(
    image, *, alt="", decorative=False, sizes="100vw", lazy=True, lang="", **extra
) -> str:
    versions = versions_of(image)
    attributes: list[tuple[str, object]] = [("src", image_url(image, SRC_MAX_WIDTH))]
    if len(versions) > 1:
        srcset = ", ".join(f"{url} {width}w" for width, _height, url in versions)
        attributes += [("srcset", srcset), ("sizes", sizes or "100vw")]
    width, height = dimensions(image)
    if width and height:
        attributes += [("width", width), ("height", height)]
    attributes.append(("alt", "" if decorative else (alt or "")))
    if lang and not decorative:
        attributes.append(("lang", lang))
    if extra.get("class"):
        attributes.append(("class", extra["class"]))
    attributes += [("loading", "lazy")] if lazy else [("fetchpriority", "high")]
    attributes.append(("decoding", "async"))
    return format_html("<img{}>", format_html_join("", ' {}="{}"', attributes))


def versions_of(image) -> list[tuple[int, int, str]]:
    """(width, height, URL) of each stored version of the image, the original last."""
    storage = image.storage
    return [(width, height, storage.url(name)) for width, height, name in renditions_of(image.name)]


def dimensions(image) -> tuple[int | None, int | None]:
    versions = renditions_of(image.name)
    if versions:
        return versions[-1][0], versions[-1][1]
    try:  # an image stored before images were processed: read its header
        return image.width, image.height
    except (OSError, ValueError, TypeError):
        return None, None


def image_url(image, max_width: int) -> str:
    """The URL of the image's largest version of at most `max_width` pixels (the smallest
    when every one is wider), or of the image itself when it has no versions."""
    versions = versions_of(image)
    if not versions:
        return image.url
    fitting = [url for width, _height, url in versions if width <= max_width]
    return fitting[-1] if fitting else versions[0][2]


@register.simple_tag
def share_image_meta(image, alt=""):
    """Open Graph and Twitter card tags of a share image, with its absolute URL."""
    if not image:
        return ""
    url = site_url() + image_url(image, SHARE_MAX_WIDTH)
    width, height = next(
        ((w, h) for w, h, u in reversed(versions_of(image)) if w <= SHARE_MAX_WIDTH),
        dimensions(image),
    )
    tags = [("property", "og:image", url)]
    if width and height:
        tags += [("property", "og:image:width", width), ("property", "og:image:height", height)]
    tags += [
        ("property", "og:image:alt", alt),
        ("name", "twitter:image", url),
        ("name", "twitter:image:alt", alt),
    ]
    return format_html_join("\n", '<meta {}="{}" content="{}">', tags)
