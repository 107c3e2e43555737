"""A petition, a letter and a sign-up go through gunicorn and a Celery worker, with
personal data no log line may hold: none of it is found in the web, worker or access logs.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

from letters.models import Delivery
from signups.models import SignupAction
from tests import worker
from tests.legislators.factories import members_of
from tests.letters.factories import LetterActionFactory
from tests.petitions.factories import petition_campaign

# Made to be found: nothing else in a log could contain them by chance.
EMAIL = "zelda.quarrington.9931@example.org"
FIRST, LAST = "Zelda", "Quarrington"
STREET = "4417 Wisteria Hollow Lane"
PHONE = "703-555-0199"
NOTE = "My sister Ximena crossed the border in 2019"
SECRETS = [EMAIL, "zelda.quarrington", LAST, STREET, "Wisteria", "555-0199", "Ximena"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def web_server(django_db_setup, django_db_blocker):
    """gunicorn with the project's configuration (access log included), on the test DB."""
    port = _free_port()
    log_path = Path(tempfile.mkdtemp()) / "web.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "actioncenter.settings.test",
        "DATABASE_URL": worker.test_database_url(),
        "TEST_TASKS_EAGER": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "RATELIMIT_ENABLE": "false",
    }
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "actioncenter.wsgi",
             "--config", "actioncenter/gunicorn.conf.py"],  # fmt: skip
            cwd=worker.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                requests.get(f"{base}/healthz", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.2)
        yield base, log_path
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.mark.needs_worker
@pytest.mark.django_db(transaction=True)
def test_personal_data_reaches_no_log(web_server, celery_worker):
    base, web_log = web_server
    members_of()
    letter_action = LetterActionFactory()
    petition = petition_campaign()
    signup = SignupAction.objects.get_or_create(campaign=petition)[0]
    session = requests.Session()

    signed = session.post(f"{base}/api/v1/campaigns/{petition.slug}/signatures", json={
        "first_name": FIRST, "last_name": LAST, "email": EMAIL, "zip_code": "22201",
        "comment": NOTE})  # fmt: skip
    assert signed.status_code in (200, 201), signed.text
    letter = {
        "prefix": "Ms.", "first_name": FIRST, "last_name": LAST, "email": EMAIL,
        "address1": STREET, "city": "Arlington", "state": "VA", "zip_code": "22201",
        "phone": PHONE, "personal_note": NOTE,
    }  # fmt: skip
    written = session.post(
        f"{base}/api/v1/campaigns/{letter_action.campaign.slug}/letters", json=letter
    )
    assert written.status_code in (200, 201), written.text
    # A refused letter (an error logged with its request) and a lookup by address.
    session.post(f"{base}/api/v1/campaigns/{letter_action.campaign.slug}/letters",
                 json={**letter, "city": "A"})  # fmt: skip
    session.get(f"{base}/api/v1/representatives", params={"address": f"{STREET}, Arlington VA"})
    join = session.get(f"{base}/c/{signup.campaign.slug}/join/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', join.text)
    if token:
        session.post(f"{base}/c/{signup.campaign.slug}/join/", data={
            "csrfmiddlewaretoken": token.group(1), "first_name": FIRST, "last_name": LAST,
            "email": EMAIL, "zip_code": "22201"}, headers={"Referer": base})  # fmt: skip

    deadline = time.monotonic() + 60
    while (
        time.monotonic() < deadline
        and Delivery.objects.filter(status__in=["queued", "sending"]).exists()
    ):
        time.sleep(0.5)
    time.sleep(1)  # the receipt email task after the deliveries

    logs = {"web and access": web_log.read_text(), "worker": celery_worker.log_path.read_text()}
    assert '"logger": "gunicorn.access"' in logs["web and access"]  # the access log is there
    for name, text in logs.items():
        found = [secret for secret in SECRETS if secret.lower() in text.lower()]
        assert found == [], f"{name} log holds {found}"
    receipt_token = written.json().get("receipt_token") or ""
    if receipt_token:
        assert receipt_token not in logs["web and access"]
