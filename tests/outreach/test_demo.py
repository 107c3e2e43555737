"""The demo campaign gets a letter to the supporter's three members and a call-in."""

import pytest

from campaigns.outreach.demo import demo_outreach_create
from campaigns.outreach.models import CallAction, LetterAction
from campaigns.outreach.templating import validate_template
from tests.outreach.factories import CampaignFactory

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
