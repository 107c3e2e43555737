import itertools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A staff account; `role` names the group (Organizer, Reporter, Admin) it belongs to."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda number: f"staff{number}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


def sign_in(client, user):
    """Signs `user` in past both factors, as staff are after the code step."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Authenticator app", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return user


_campaigns = itertools.count(1)


def live_campaign(**fields):
    from campaigns.models import Campaign

    number = next(_campaigns)
    values = {
        "slug": f"campaign-{number}", "title": f"Campaign {number}", "status": "live",
        "sensitive": False,
    }  # fmt: skip
    return Campaign.objects.create(**{**values, **fields})


def petition_campaign(**fields):
    """A live campaign with an open petition."""
    from petitions.models import Petition

    campaign = live_campaign(**fields)
    Petition.objects.create(campaign=campaign, text="We ask Congress to act.")
    return campaign


def sign(campaign, *, email, first_name="Ana", last_name="Lopez", zip_code="10001", **details):
    """Sign through the same service as the public form (so the counters move too)."""
    from legislators.models import ZipDistrict
    from petitions.services import signature_create

    if zip_code == "10001" and not ZipDistrict.objects.filter(zcta="10001").exists():
        ZipDistrict.objects.create(zcta="10001", state="NY", district=12)
    signature, _created = signature_create(
        campaign=campaign,
        email=email,
        first_name=first_name,
        last_name=last_name,
        zip_code=zip_code,
        **details,
    )
    return signature


def letter_campaign():
    """A campaign with a letter action, one letter and its delivery to a House office."""
    from campaigns.services.supporters import supporter_upsert
    from devdata.letters import demo_outreach_create
    from letters.models import Delivery, Letter
    from tests.legislators.factories import LegislatorFactory

    campaign = live_campaign()
    action, _call = demo_outreach_create(campaign)
    supporter = supporter_upsert(email="writer@example.org", first_name="Wren", zip_code="10001")
    house = LegislatorFactory(representative=True, state="NY", district=12)
    letter = Letter.objects.create(
        action=action, campaign=campaign, supporter=supporter, prefix="Mx.",
        first_name="Wren", last_name="Writer", address1="1 Main St", city="New York",
        state="NY", zip_code="10001", email=supporter.email, district=12,
    )  # fmt: skip
    delivery = Delivery.objects.create(
        letter=letter, campaign=campaign, supporter=supporter, legislator=house,
        office_code="HNY12", office_name=house.official_full_name, chamber="house",
        office_state="NY", office_district=12, subject=action.subject, body="Dear member",
    )  # fmt: skip
    return campaign, delivery


def audit_entries():
    from campaigns.models import AuditEntry

    return AuditEntry.objects.filter(action="export")
