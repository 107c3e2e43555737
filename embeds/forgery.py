"""How a form in a partner's frame is protected against cross-site request forgery.

The rest of the site uses Django's CSRF protection: a token in the form matched against the
CSRF cookie. Inside a partner's frame this site is a third party, and browsers do not send
its SameSite=Lax cookies there (Safari and Firefox keep no third-party cookies at all), so
that check would refuse every supporter. Making the cookie SameSite=None would weaken it for
the whole site and would still fail where third-party cookies are blocked.

An embedded form is checked without any cookie instead, and only on the embed views:

- the form carries a signed token (the secret key's HMAC, with a timestamp) naming the
  campaign, the form and the partner's source code. It is made when the frame loads, from the
  configuration (EMBED_PARTNERS), so the source an action counts under cannot be changed by
  the visitor, and an old form stops working after EMBED_FORM_MAX_AGE;
- the browser's Origin header (the Referer's origin when a browser sends no Origin) must be
  this site, which is the origin of a document in the frame, or one of the partner's own
  origins. A page on any other site posting the form is refused: it cannot make the browser
  lie about its origin, which is what Django's own check relies on too over HTTPS.

Nothing here keeps state, so it works the same in every browser and without a session.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from embeds.partners import origin_of, partner_named

SALT = "embeds.form"


@dataclass(frozen=True)
class EmbedForm:
    """What a signed token says about the form it came with."""

    campaign_id: int
    form: str  # "sign", "join" or "updates"
    source: str


class FormRefused(Exception):
    """The post cannot be taken; `expired` when only loading the form again is needed."""

    def __init__(self, reason: str, *, expired: bool = False):
        super().__init__(reason)
        self.expired = expired


def form_token(form: EmbedForm) -> str:
    return signing.dumps([form.campaign_id, form.form, form.source], salt=SALT, compress=True)


def form_from_token(token: str) -> EmbedForm:
    """The form a token was made for; FormRefused if it is altered, foreign or too old."""
    try:
        campaign_id, name, source = signing.loads(
            token or "", salt=SALT, max_age=settings.EMBED_FORM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise FormRefused("expired", expired=True) from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise FormRefused("bad token") from error
    return EmbedForm(int(campaign_id), str(name), str(source))


def post_origin(request) -> str:
    """Where the browser says the post comes from: Origin, else the Referer's origin."""
    origin = request.headers.get("Origin", "")
    if origin and origin != "null":
        return origin_of(origin) or origin
    return origin_of(request.headers.get("Referer", ""))


def site_origins(request) -> set[str]:
    """This site's own origins: the one the request came to, SITE_URL's and the exact ones of
    CSRF_TRUSTED_ORIGINS (Django's own check trusts the same)."""
    scheme = "https" if request.is_secure() else "http"
    own = {origin_of(f"{scheme}://{request.get_host()}"), origin_of(settings.SITE_URL)}
    return own | {origin for origin in settings.CSRF_TRUSTED_ORIGINS if "*" not in origin}


def post_check(request, form: EmbedForm) -> None:
    """FormRefused unless the post comes from this site or from the form's partner."""
    origin = post_origin(request)
    partner = partner_named(form.source)
    allowed = site_origins(request) | set(partner.origins if partner else ())
    if not origin or origin not in allowed:
        raise FormRefused("origin")
