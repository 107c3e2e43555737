"""Every API operation, driven by schemathesis from the published OpenAPI document:
no 5xx, and answers that match what the document says (status codes, content types,
response bodies), for an anonymous visitor and for a staff token.

Bounded (SCHEMATHESIS_MAX_EXAMPLES per operation, 25 by default) so it runs in CI.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi.checks import (
    ignored_auth,
    missing_required_header,
    positive_data_acceptance,
)

from staff.roles import REPORTER
from tests.staff.factories import UserFactory, letter_campaign, petition_campaign, sign

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "25"))
# Every other check runs. This one expects any schema-valid request to be accepted, but
# some rules join two fields or read the data (an end date before its start date, a
# campaign that is closed, a ZIP code no district covers): they are refused with a 400
# or 409 saying why, which the schema cannot express.
EXCLUDED = [positive_data_acceptance]
# With a staff token the test sets the header itself, so the checks that send altered or
# missing credentials never reach the server with them; the anonymous pass checks that
# every operation needing a token refuses a request without one.
EXCLUDED_WITH_TOKEN = [*EXCLUDED, ignored_auth, missing_required_header]


@pytest.fixture
def api_schema(db, settings):
    """The schema, served by the application itself (called in-process through WSGI)."""
    settings.RATELIMIT_ENABLE = False
    # As Django's test client does: the requests share the test's transaction, so the
    # handler must not close the connection at the end of each one.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def some_data(db):
    """A petition with a signature and a letter with its delivery, so that the operations
    that read one answer with it too."""
    campaign = petition_campaign()
    sign(campaign, email="signer@example.org")
    letter_campaign()


schema = schemathesis.pytest.from_fixture("api_schema")
HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@HYPOTHESIS
def test_every_operation_anonymously(case, some_data):
    case.call_and_validate(excluded_checks=EXCLUDED)


@schema.parametrize()
@HYPOTHESIS
def test_every_operation_with_a_staff_token(case, some_data):
    token, _created = Token.objects.get_or_create(
        user=UserFactory(username="schemathesis", role=REPORTER)
    )
    case.call_and_validate(
        headers={"Authorization": f"Token {token.key}"}, excluded_checks=EXCLUDED_WITH_TOKEN
    )
