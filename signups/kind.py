"""The sign-up action kind: join the movement as a person or sign on as an organization."""

from django.utils.translation import gettext_lazy as _

from campaigns.kinds import ActionKind, register
from metrics.registry import Metric, declare
from signups.admin import SignupActionInline
from signups.models import SignupAction
from signups.selectors import organizations_listed

METRICS = declare(
    Metric("signups", _("Sign-ups"), charted=True, broken_down=True),
    Metric("organizations", _("Organizations"), charted=True),
    Metric("organization_requests", _("Organizations asking to sign on")),
)


def page_context(campaign, signup: SignupAction, page) -> dict:
    """The organizations that signed on and were approved."""
    return {"organizations": organizations_listed(campaign)}


def preview_links(signup: SignupAction, urls: dict) -> list[dict]:
    links = [{"label": _("Join as a person"), "url": urls["join_url"]}]
    if signup.accepts_organizations:
        links.append({"label": _("Sign on as an organization"), "url": urls["organization_url"]})
    return links


SIGNUP = register(
    ActionKind(
        slug="signup",
        metrics=METRICS,
        label=_("Join the movement"),
        config_model=SignupAction,
        cta=_("Join the movement"),
        description=_("Join as a person, or sign on as an organization."),
        order=40,
        url_name="signups:join",
        page_context=page_context,
        preview_links=preview_links,
        demo_share=0.06,
        admin_inline=SignupActionInline,
    )
)
