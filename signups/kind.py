"""The sign-up action kind: join the movement as a person or sign on as an organization."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaigns.kinds import ActionKind, Progress, register
from metrics.registry import Metric, declare
from signups.admin import SignupActionInline
from signups.forms import SignupSetupForm
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


def progress(campaign, signup: SignupAction, totals: dict) -> list[Progress]:
    people = totals.get("signups", 0)
    items = [Progress(people, ngettext("person joined", "people joined", people), _("Sign-ups"))]
    if signup.accepts_organizations:
        organizations = totals.get("organizations", 0)
        label = ngettext("organization signed on", "organizations signed on", organizations)
        items.append(Progress(organizations, label, _("Organizations")))
    return items


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
        builder_form=SignupSetupForm,
        progress=progress,
    )
)
