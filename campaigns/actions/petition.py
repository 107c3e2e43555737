"""The petition action kind: sign with name, email and ZIP; counts "signatures"."""

from django.utils.translation import gettext_lazy as _

from campaigns.actions.registry import ActionKind, register
from campaigns.forms import PetitionForm
from campaigns.models import Petition
from campaigns.services.signatures import signature_create

PETITION = register(
    ActionKind(
        slug="petition",
        label=_("Petition"),
        config_model=Petition,
        form=PetitionForm,
        service=signature_create,
        metrics=("signatures", "supporters"),
        cta=_("Sign the petition"),
        description=_("Add your name and tell Congress where you stand."),
        url_name="campaigns:petition-sign",
        order=10,
    )
)
