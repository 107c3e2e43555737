"""The "letter" and "call" action kinds, registered with the campaigns' registry."""

from django.utils.translation import gettext_lazy as _

from campaigns.actions.registry import ActionKind, register
from campaigns.outreach.forms import CallOutcomeForm, SenderForm
from campaigns.outreach.models import CallAction, LetterAction
from campaigns.outreach.services.calls import call_log_create
from campaigns.outreach.services.letters import letter_submit

LETTER = register(
    ActionKind(
        slug="letter",
        label=_("Letter to Congress"),
        config_model=LetterAction,
        form=SenderForm,
        service=letter_submit,
        metrics=(
            "letters",
            "letters_personalized",
            "deliveries_queued",
            "deliveries_sent",
            "deliveries_failed",
            "deliveries_needs_manual",
            "offices_reached",
        ),
        cta=_("Write to your members of Congress"),
        description=_("Your House member and senators, in a few minutes, with a receipt."),
        url_name="outreach:letter-start",
        order=20,
    )
)

CALL = register(
    ActionKind(
        slug="call",
        label=_("Call Congress"),
        config_model=CallAction,
        form=CallOutcomeForm,
        service=call_log_create,
        metrics=("calls", "calls_reached", "calls_voicemail", "calls_busy"),
        cta=_("Call your members of Congress"),
        description=_("A short script and their phone numbers; only your ZIP code is needed."),
        url_name="outreach:call",
        order=30,
    )
)
