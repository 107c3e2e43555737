"""The demo campaign gets a letter to the supporter's three members and a call-in."""

import pytest

from calls.models import CallAction
from campaigns.templating import validate_template
from devdata.letters import demo_outreach_create
from letters.models import LetterAction
from tests.letters.factories import CampaignFactory

pytestmark = pytest.mark.django_db


def test_demo_adds_a_valid_letter_and_call_once():
    campaign = CampaignFactory()
    letter, call = demo_outreach_create(campaign)
    demo_outreach_create(campaign)
    assert LetterAction.objects.count() == CallAction.objects.count() == 1
    for text in (letter.template, letter.template_supporting, call.script):
        validate_template(text)
    assert "gender as a protected ground of asylum" in letter.template
    assert letter.targets == "own" and letter.chambers == "both"
    assert letter.topics[0] == "Immigration"
