import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaigns.models import AuditEntry, Supporter
from metrics.totals import campaign_totals
from signups.models import OrganizationSignOn, Signup
from signups.services.signups import organization_signon_review
from tests.signups.factories import OrganizationSignOnFactory

pytestmark = pytest.mark.django_db


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "purple").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_organization_sign_on_waits_for_approval_and_is_not_public(client, campaign):
    url = reverse("signups:organization", args=[campaign.slug])
    response = client.post(
        url,
        {
            "name": "Riverside Women's Shelter",
            "website": "https://shelter.example.org",
            "contact_name": "Pat Doe",
            "contact_email": "pat@example.org",
            "statement": "We stand with survivors.",
            "logo": _png(),
        },
    )
    assert response.status_code == 200
    assert "once approved" in response.content.decode()
    signon = OrganizationSignOn.objects.get()
    assert signon.status == "pending"
    assert signon.logo.name.endswith(".png")
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Riverside Women&#x27;s Shelter" not in page
    assert "organizations" not in campaign_totals(campaign.pk)


def test_approved_organization_is_listed_counted_and_audited(client, campaign, django_user_model):
    staff = django_user_model.objects.create_user("reviewer", is_staff=True)
    signon = OrganizationSignOnFactory(campaign=campaign, name="Harbor Legal Aid")
    organization_signon_review(signon=signon, approve=True, actor=staff)
    organization_signon_review(signon=signon, approve=True, actor=staff)  # repeat: no change
    assert "Harbor Legal Aid" in client.get(campaign.get_absolute_url()).content.decode()
    assert campaign_totals(campaign.pk)["organizations"] == 1
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action) == (staff, "organization_signon_review")
    assert entry.details["to"] == "approved"


def test_rejecting_an_approved_organization_removes_it(client, campaign):
    signon = OrganizationSignOnFactory(campaign=campaign, name="Harbor Legal Aid")
    organization_signon_review(signon=signon, approve=True)
    organization_signon_review(signon=signon, approve=False)
    assert "Harbor Legal Aid" not in client.get(campaign.get_absolute_url()).content.decode()
    assert campaign_totals(campaign.pk)["organizations"] == 0


def test_admin_approval_action_approves_the_selected_requests(admin_client, campaign):
    signon = OrganizationSignOnFactory(campaign=campaign)
    response = admin_client.post(
        reverse("admin:signups_organizationsignon_changelist"),
        {"action": "approve", "_selected_action": [signon.pk]},
    )
    assert response.status_code == 302
    signon.refresh_from_db()
    assert signon.status == "approved"
    assert signon.reviewed_by is not None


def test_logo_that_is_not_an_image_is_refused(client, campaign):
    url = reverse("signups:organization", args=[campaign.slug])
    fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post(
        url, {"name": "X", "contact_name": "Y", "contact_email": "y@example.org", "logo": fake}
    )
    assert response.status_code == 400
    assert not OrganizationSignOn.objects.exists()


def test_individual_can_join_the_movement(client, campaign):
    url = reverse("signups:join", args=[campaign.slug])
    data = {
        "first_name": "Ana",
        "last_name": "Lopez",
        "email": "a@example.org",
        "zip_code": "22150",
    }
    assert client.post(url, data).status_code == 200
    assert client.post(url, data).status_code == 200
    assert campaign_totals(campaign.pk) == {"signups": 1, "supporters": 1, "supporters_new": 1}


def test_joining_again_with_someone_elses_email_is_answered_alike_and_changes_nothing(
    client, campaign
):
    url = reverse("signups:join", args=[campaign.slug])
    mine = {
        "first_name": "Ana",
        "last_name": "Lopez",
        "email": "a@example.org",
        "zip_code": "22150",
    }
    first = client.post(url, mine)
    theirs = {**mine, "first_name": "Mallory", "last_name": "Other", "zip_code": "10001"}
    repeat = client.post(url, {**theirs, "email": " A@Example.org"})
    assert (repeat.status_code, repeat.content) == (first.status_code, first.content)
    supporter = Supporter.objects.get()
    assert (supporter.first_name, supporter.last_name, supporter.zip_code) == (
        "Ana",
        "Lopez",
        "22150",
    )
    assert Signup.objects.count() == 1


def test_a_second_organization_with_the_same_contact_leaves_the_first_as_it_was(client, campaign):
    url = reverse("signups:organization", args=[campaign.slug])
    details = {"contact_name": "Pat Doe", "contact_email": "pat@example.org", "statement": ""}
    first = client.post(url, {**details, "name": "Casa de Paz", "website": ""})
    repeat = client.post(url, {**details, "name": "Other Group", "contact_name": "Mallory"})
    assert (repeat.status_code, repeat.content) == (first.status_code, first.content)
    original = OrganizationSignOn.objects.get(name="Casa de Paz")
    assert (original.contact_name, original.status) == ("Pat Doe", "pending")
    assert "Casa de Paz" not in repeat.content.decode()


def test_the_contact_hears_when_we_receive_and_when_we_list_the_organization(
    client, campaign, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("signups:organization", args=[campaign.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "name": "Riverside\nShelter",
                "contact_name": "Pat Doe",
                "contact_email": "pat@example.org",
            },
        )
    assert [message.to for message in mailoutbox] == [["pat@example.org"]]
    assert "We received your organization's sign-on" in mailoutbox[0].subject
    assert "reviews every organization" in mailoutbox[0].body
    signon = OrganizationSignOn.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        organization_signon_review(signon=signon, approve=True)
    assert len(mailoutbox) == 2
    assert "is now listed" in mailoutbox[1].subject
    assert campaign.get_absolute_url() in mailoutbox[1].body


def test_each_contact_email_goes_out_once_however_often_the_task_runs(campaign, mailoutbox):
    from signups.tasks import organization_signon_email_task

    signon = OrganizationSignOnFactory(campaign=campaign)
    assert organization_signon_email_task(signon.pk, "received") is True
    assert organization_signon_email_task(signon.pk, "received") is False
    assert organization_signon_email_task(signon.pk, "approved") is False  # not approved
    assert len(mailoutbox) == 1
