"""Staff: letter settings are validated, deliveries can be filtered, retried and summarised."""

import pytest
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone

from letters.models import Delivery
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.letters.helpers import submit

pytestmark = pytest.mark.django_db


def test_saving_a_letter_with_an_unknown_placeholder_names_it(admin_client):
    action = LetterActionFactory()
    url = reverse("admin:letters_letteraction_change", args=[action.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        # A file field's initial value is no form data: the browser sends no file.
        if value is not None and not isinstance(value, (list, FieldFile))
    }
    data.update(
        {
            "campaign": action.campaign.pk,
            "template": "Dear {{ legislator.full_name }}, please act.",
            "topics": '["Immigration"]',
            "stances-TOTAL_FORMS": "0",
            "stances-INITIAL_FORMS": "0",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "{{ legislator.full_name }}" in response.content.decode()
    action.refresh_from_db()
    assert "full_name" not in action.template


def test_deliveries_filter_by_status_and_retry_failed(
    admin_client, django_capture_on_commit_callbacks
):
    members_of()
    action = LetterActionFactory()
    letter, _ = submit(action)
    Delivery.objects.filter(office_code="HVA08").update(
        status="failed", last_error="refused", finished_at=timezone.now()
    )
    url = reverse("admin:letters_delivery_changelist")
    listed = admin_client.get(url, {"status__exact": "failed"}).context["cl"].result_list
    assert [delivery.office_code for delivery in listed] == ["HVA08"]
    failed = Delivery.objects.get(office_code="HVA08")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "retry_failed", "_selected_action": [str(failed.pk)]})
    failed.refresh_from_db()
    assert failed.status == "needs_manual"  # retried, and with no CWC it falls back


def test_per_office_summary(admin_client):
    members_of()
    submit(LetterActionFactory())
    page = admin_client.get(reverse("admin:letters_delivery_by_office")).content.decode()
    assert "HVA08" in page and "SVA02" in page
