"""The signup action kind: join as a person or sign on as an organization."""

from django.utils.translation import gettext_lazy as _

from campaigns.actions.registry import ActionKind, register
from campaigns.forms import SignupForm
from campaigns.models import SignupAction
from campaigns.services.signups import signup_create

SIGNUP = register(
    ActionKind(
        slug="signup",
        label=_("Join the movement"),
        config_model=SignupAction,
        form=SignupForm,
        service=signup_create,
        metrics=("signups", "organizations", "supporters"),
        cta=_("Join the movement"),
        description=_("Join as a person, or sign on as an organization."),
        url_name="campaigns:signup",
        order=40,
    )
)
