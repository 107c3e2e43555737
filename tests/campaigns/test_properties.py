"""Whatever people type, the forms and the API answer sensibly (never a server error)."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.petitions.factories import petition_campaign

TEXT = st.text(max_size=300)
FIELDS = {
    "petitions:sign": ["first_name", "last_name", "email", "zip_code", "comment",
                      "updates_opt_in", "show_publicly", "website_url"],
    "signups:join": ["first_name", "last_name", "email", "zip_code", "updates_opt_in"],
    "signups:updates": ["first_name", "email"],
    "signups:organization": ["name", "website", "contact_name", "contact_email", "statement"],
}  # fmt: skip
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def live_campaign(db):
    return petition_campaign()


@pytest.mark.parametrize("view", list(FIELDS))
@pytest.mark.django_db
def test_any_text_in_any_form_field_never_causes_a_server_error(view, live_campaign, settings):
    settings.RATELIMIT_ENABLE = False
    url = reverse(view, args=[live_campaign.slug])

    @HYPOTHESIS
    @given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS[view], TEXT)))
    def check(data):
        response = Client().post(url, data)
        assert response.status_code < 500, (response.status_code, data)

    check()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=6,
)


@pytest.mark.django_db
def test_any_json_sent_to_the_signature_api_never_causes_a_server_error(live_campaign, settings):
    settings.RATELIMIT_ENABLE = False
    url = reverse("campaigns-signatures", args=[live_campaign.slug])
    names = ["first_name", "last_name", "email", "zip_code", "comment", "source",
             "updates_opt_in", "show_publicly", "partner_ids", "website_url"]  # fmt: skip

    @HYPOTHESIS
    @given(body=st.fixed_dictionaries({}, optional=dict.fromkeys(names, JSON_VALUES)) | JSON_VALUES)
    def check(body):
        response = Client().post(url, json.dumps(body), content_type="application/json")
        assert response.status_code < 500, (response.status_code, body)

    check()


@pytest.mark.django_db
def test_raw_bytes_sent_to_the_signature_api_never_cause_a_server_error(live_campaign, settings):
    settings.RATELIMIT_ENABLE = False
    url = reverse("campaigns-signatures", args=[live_campaign.slug])

    @HYPOTHESIS
    @given(body=st.binary(max_size=200))
    def check(body):
        response = Client().post(url, body, content_type="application/json")
        assert response.status_code < 500

    check()
