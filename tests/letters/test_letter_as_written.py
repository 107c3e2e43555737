"""A letter supporters may not edit (the builder's default) goes out as the organizer
wrote it, with the supporter's own words beside it."""

import pytest
from django.urls import reverse

from letters.models import Delivery
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.test_views import DETAILS

pytestmark = pytest.mark.django_db


def test_a_letter_that_cannot_be_edited_is_sent_as_written(
    client, django_capture_on_commit_callbacks
):
    members_of()
    action = LetterActionFactory(editable=False)
    slug = action.campaign.slug
    write, send = reverse("letters:write", args=[slug]), reverse("letters:send", args=[slug])
    assert client.post(reverse("letters:start", args=[slug]), {"zip_code": "22201"}).url == write
    assert client.post(write, {"personal_note": "My sister was turned away."}).url == send
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send, DETAILS)
    bodies = list(Delivery.objects.values_list("body", flat=True))
    assert len(bodies) == 3
    assert all(body.startswith("Dear ") for body in bodies)
