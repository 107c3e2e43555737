import datetime

import factory

from legislators.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    State,
    ZipDistrict,
)


class StateFactory(factory.django.DjangoModelFactory):
    """States are seeded by a migration; this returns the existing row for a known code."""

    class Meta:
        model = State
        django_get_or_create = ("code",)

    code = "VA"
    fips = factory.Sequence(lambda n: f"{90 + n % 10}")
    name = factory.LazyAttribute(lambda o: f"State {o.code}")
    type = State.Type.STATE
    voting_house_seats = 1
    at_large = False
    house_member_title = "Representative"
    senators = 2


class LegislatorFactory(factory.django.DjangoModelFactory):
    """A current House member by default; use `senator=True` for a senator."""

    class Meta:
        model = Legislator
        django_get_or_create = ("bioguide_id",)

    class Params:
        representative = factory.Trait(
            chamber=Legislator.Chamber.HOUSE, district=1, senate_class=None, state_rank=""
        )
        senator = factory.Trait(
            chamber=Legislator.Chamber.SENATE,
            district=None,
            senate_class=1,
            state_rank=Legislator.StateRank.SENIOR,
            website=factory.LazyAttribute(
                lambda o: f"https://www.{o.last_name.lower()}.senate.gov"
            ),
            dc_address="311 Hart Senate Office Building Washington DC 20510",
            contact_form_url=factory.LazyAttribute(
                lambda o: f"https://www.{o.last_name.lower()}.senate.gov/contact"
            ),
        )

    bioguide_id = factory.Sequence(lambda n: f"T{n:06d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    official_full_name = factory.LazyAttribute(lambda o: f"{o.first_name} {o.last_name}")
    party = "Independent"
    chamber = Legislator.Chamber.HOUSE
    state = "VA"
    district = 1
    term_start = datetime.date(2025, 1, 3)
    term_end = datetime.date(2027, 1, 3)
    dc_office = "1000 Longworth House Office Building"
    dc_address = "1000 Longworth House Office Building Washington DC 20515"
    dc_phone = factory.Sequence(lambda n: f"202-225-{n % 10000:04d}")
    website = factory.LazyAttribute(lambda o: f"https://{o.last_name.lower()}.house.gov")
    contact_form_url = ""
    is_current = True


class DistrictOfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistrictOffice

    legislator = factory.SubFactory(LegislatorFactory)
    office_id = factory.LazyAttributeSequence(lambda o, n: f"{o.legislator.bioguide_id}-office{n}")
    address = "100 Main St."
    suite = "Suite 1"
    city = "Springfield"
    state = factory.LazyAttribute(lambda o: o.legislator.state)
    zip_code = "22150"
    phone = factory.Sequence(lambda n: f"703-555-{n % 10000:04d}")
    latitude = 38.78
    longitude = -77.18


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("thomas_id",)

    thomas_id = factory.Sequence(lambda n: f"HS{n:02d}")
    name = factory.Sequence(lambda n: f"House Committee number {n}")
    type = Committee.Type.HOUSE
    parent = None
    url = ""


class CommitteeMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMembership

    committee = factory.SubFactory(CommitteeFactory)
    legislator = factory.SubFactory(LegislatorFactory)
    side = CommitteeMembership.Side.MAJORITY
    rank = factory.Sequence(lambda n: n + 1)
    title = ""


class ZipDistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZipDistrict
        django_get_or_create = ("zcta", "state", "district")

    zcta = "22150"
    state = "VA"
    district = 8


def members_of(zip_code="22201", state="VA", district=8):
    """A ZIP in one district with its House member and two senators (classes 1 and 2)."""
    ZipDistrictFactory(zcta=zip_code, state=state, district=district)
    house = LegislatorFactory(
        representative=True, state=state, district=district, first_name="Hana", last_name="Doe"
    )
    senior = LegislatorFactory(
        senator=True, state=state, senate_class=1, first_name="Sam", last_name="Senior"
    )
    junior = LegislatorFactory(
        senator=True,
        state=state,
        senate_class=2,
        state_rank="junior",
        first_name="Jo",
        last_name="Junior",
    )
    return house, senior, junior
