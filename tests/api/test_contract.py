"""The API keeps to its OpenAPI document where a client would trip: unknown query
parameters, unknown URLs, bad paging, and two tokens that disagree."""

import pytest
from rest_framework.authtoken.models import Token

from staff.roles import REPORTER
from tests.staff.factories import UserFactory

pytestmark = pytest.mark.django_db


def _token():
    return Token.objects.create(user=UserFactory(role=REPORTER)).key


def test_an_unknown_query_parameter_is_named_in_a_400(client):
    response = client.get("/api/v1/legislators", {"stat": "VT"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"stat": ["Unknown query parameter: stat."]}
    assert client.get("/api/v1/legislators", {"state": "VT"}).status_code == 200


def test_an_unknown_query_parameter_on_osdi_is_an_osdi_error(client):
    response = client.get("/api/osdi/v1/people", {"per_pgae": "100"}, HTTP_OSDI_API_TOKEN=_token())
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/hal+json")
    [status] = response.json()["osdi:error"]["resource_status"]
    assert status["error_descriptions"][0]["properties"] == ["per_pgae"]


@pytest.mark.parametrize("value", ["x", "0", "-3", "1.5"])
def test_osdi_paging_that_is_not_a_whole_number_from_1_is_a_400(client, value):
    response = client.get("/api/osdi/v1/people", {"per_page": value}, HTTP_OSDI_API_TOKEN=_token())
    assert response.status_code == 400
    assert "osdi:error" in response.json()


def test_an_empty_parameter_is_an_absent_one(client):
    response = client.get("/api/osdi/v1/people", {"per_page": "", "filter": ""},
                          HTTP_OSDI_API_TOKEN=_token())  # fmt: skip
    assert response.status_code == 200
    assert response.json()["per_page"] == 25


def test_an_unknown_api_url_answers_in_json_not_html(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    osdi = client.get("/api/osdi/v1/petitions/1/signatures/%C3%91%0A")
    assert osdi.status_code == 404
    assert osdi["Content-Type"].startswith("application/hal+json")


def test_two_tokens_that_disagree_are_refused(client):
    mine, other = _token(), _token()
    assert client.get("/api/osdi/v1/", HTTP_OSDI_API_TOKEN=mine,
                      HTTP_AUTHORIZATION=f"Token {mine}").status_code == 200  # fmt: skip
    refused = client.get("/api/osdi/v1/", HTTP_OSDI_API_TOKEN=mine,
                         HTTP_AUTHORIZATION=f"Token {other}")  # fmt: skip
    assert refused.status_code == 401
    assert "osdi:error" in refused.json()
    assert client.get("/api/osdi/v1/", HTTP_AUTHORIZATION=f"Token {mine}").status_code == 200
