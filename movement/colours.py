"""The movement's colours: validated so white text on them stays readable (WCAG AA)."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # and six hexadecimal digits, like #5b2a86.")
)
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for ordinary text


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def readable_on_white(colour: str) -> None:
    """White text on `colour` (the header, buttons) and `colour` text on white (links)."""
    hex_colour(colour)
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "This colour is too light: white text on it has a contrast of %(ratio).1f:1, "
                "and at least 4.5:1 is needed to be readable. Choose a darker shade."
            ),
            code="contrast",
            params={"ratio": ratio},
        )


def darker(colour: str, share: float = 0.3) -> str:
    """`colour` mixed with `share` of black (hover and pressed states)."""
    channels = [round(int(colour[i : i + 2], 16) * (1 - share)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)
