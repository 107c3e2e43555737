import pytest

from tests.legislators.factories import (
    CommitteeFactory,
    CommitteeMembershipFactory,
    DistrictOfficeFactory,
    LegislatorFactory,
    ZipDistrictFactory,
)


@pytest.fixture
def congress(db):
    """A small Congress: members for a few states, DC, PR and Guam, and their ZIPs."""
    members = {}

    def rep(key, state, district, **kwargs):
        members[key] = LegislatorFactory(
            representative=True, state=state, district=district, last_name=key, **kwargs
        )
        return members[key]

    def senators(state):
        for rank, cls in (("senior", 1), ("junior", 2)):
            key = f"{state}-sen-{rank}"
            members[key] = LegislatorFactory(
                senator=True, state=state, state_rank=rank, senate_class=cls, last_name=key
            )

    rep("va8", "VA", 8)
    rep("va11", "VA", 11)
    rep("al3", "AL", 3)
    rep("ga14", "GA", 14)
    rep("wy", "WY", 0)
    rep("dc", "DC", 0)
    rep("pr", "PR", 0)
    rep("gu", "GU", 0)
    for state in ("VA", "AL", "GA", "WY"):
        senators(state)
    LegislatorFactory(representative=True, state="VA", district=8, is_current=False)
    for zcta, state, district in [
        ("22046", "VA", 8),
        ("22150", "VA", 8),
        ("22150", "VA", 11),
        ("30165", "GA", 14),
        ("30165", "AL", 3),
        ("82001", "WY", 0),
        ("20001", "DC", 0),
        ("00901", "PR", 0),
        ("33101", "FL", 20),  # a vacant seat
    ]:
        ZipDistrictFactory(zcta=zcta, state=state, district=district)
    DistrictOfficeFactory(legislator=members["va8"], city="Alexandria", zip_code="22304")
    DistrictOfficeFactory(legislator=members["va8"], city="Richmond", zip_code="23219")
    judiciary = CommitteeFactory(thomas_id="SSJU", name="Committee on the Judiciary", type="senate")
    immigration = CommitteeFactory(
        thomas_id="SSJU04", name="Immigration", type="senate", parent=judiciary
    )
    CommitteeMembershipFactory(committee=judiciary, legislator=members["VA-sen-senior"])
    CommitteeMembershipFactory(
        committee=immigration, legislator=members["VA-sen-senior"], title="Chair"
    )
    return members
