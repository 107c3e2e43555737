"""Each trick of `actioncenter.fastpaths`, timed against the plain Django/DRF way it replaces.

In-process, on a throwaway PostgreSQL database (dropped at the end) holding the demo
campaign. Every pair runs in alternating rounds, so both sides meet the same machine;
it prints the median microseconds of each side and the ratio plain / trick (above 1:
the trick saves time). docs/performance.md quotes these figures.

    .venv/bin/python bench/bench_fastpaths.py [--repeat 2000] [--json PATH]

In the JSON figures (bench/_report.py) each trick's value is its µs per call, its
reference the plain way's, and the ratio trick / plain: below 1, the trick saves time.
Its database is `ac_bench_fastpaths_<pid>`, dropped also when the run is interrupted.

Prints "skipped" and exits 0 without PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

from _interrupt import run_main, shielded, stop_on_terminate
from _postgres import (
    PG,
    close_django_connections,
    database_name,
    drop_database,
    postgres_problem,
    recreate_database,
)
from _report import Report, add_json_argument

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = database_name("fastpaths")
ROUNDS = 10
REPORT = Report("bench_fastpaths")

SIGNATURE = {
    "first_name": "Alex",
    "last_name": "Rivera",
    "email": "alex.rivera@example.org",
    "zip_code": "22150",
    "comment": "",
    "updates_opt_in": False,
    "show_publicly": True,
}


def alternate(plain, trick, repeat: int) -> tuple[float, float]:
    """Median µs per call of each function, over alternating rounds."""
    timings = {plain: [], trick: []}
    per_round = max(1, repeat // ROUNDS)
    for function in (plain, trick):  # warm-up
        for _ in range(20):
            function()
    for _ in range(ROUNDS):
        for function in (plain, trick):
            for _ in range(per_round):
                started = time.perf_counter_ns()
                function()
                timings[function].append((time.perf_counter_ns() - started) / 1000)
    return statistics.median(timings[plain]), statistics.median(timings[trick])


def show(name: str, plain_us: float, trick_us: float) -> None:
    print(
        f"{name:<44} plain {plain_us:8.1f} µs   trick {trick_us:8.1f} µs   "
        f"ratio {plain_us / trick_us:5.2f}"
    )
    REPORT.figure(
        name, trick_us, "µs",
        higher_is_better=False, reference="the plain way", reference_value=plain_us,
        goal="ratio < 1", note=f"plain / trick = {plain_us / trick_us:.2f}",
    )  # fmt: skip


def signing_statement(campaign, repeat: int) -> None:
    """The statement that records a signature, prepared on the server or planned each time;
    and the health check's round trip the signing endpoint skips, beside it."""
    from django.db import connection
    from django.utils import timezone

    from actioncenter.fastpaths import execute_prepared
    from campaigns.services.actions import Action, _statement
    from campaigns.services.supporters import Person
    from petitions.models import Signature

    action = Action(
        model=Signature,
        campaign_id=campaign.pk,
        values={"zip_code": "22150", "comment": "", "source": "", "show_publicly": False,
                "created_at": timezone.now()},
        unique=["campaign", "supporter"],
        counts={"signatures": 1},
        consents=["petition"],
    )  # fmt: skip
    person = Person(email="repeat@example.org", first_name="Sam", last_name="Lee", zip_code="22150")
    statement = _statement(action, person)  # a repeat signer: the whole plan, nothing new

    def plain():
        with connection.cursor() as cursor:
            cursor.execute(statement.sql, statement.params)
            cursor.fetchall()

    def prepared():
        execute_prepared(statement.sql, statement.params)

    plain_us, prepared_us = alternate(plain, prepared, repeat)
    show("signing statement: planned vs prepared", plain_us, prepared_us)

    def health_check_and_statement():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        prepared()

    check_us, alone_us = alternate(health_check_and_statement, prepared, repeat)
    show("signing: health check first vs none", check_us, alone_us)


def model_from_row(repeat: int) -> None:
    from actioncenter.db.statements import quote, returning
    from actioncenter.fastpaths import execute_prepared, instance_from_row
    from campaigns.models import Supporter

    supporter = Supporter.objects.order_by("pk").first()
    sql = f"SELECT {returning(Supporter)} FROM {quote(Supporter._meta.db_table)} WHERE id = %s"  # noqa: S608

    def orm():
        Supporter.objects.get(pk=supporter.pk)

    def from_row():
        [row] = execute_prepared(sql, [supporter.pk])
        instance_from_row(Supporter, row)

    show("supporter by id: ORM vs prepared row", *alternate(orm, from_row, repeat))


def input_serializer(repeat: int) -> None:
    from rest_framework import serializers

    from petitions.api.serializers import SignatureInputSerializer

    declared = SignatureInputSerializer._declared_fields
    plain_class = type(
        "PlainSignatureInput",
        (serializers.Serializer,),
        {name: copy.deepcopy(field) for name, field in declared.items()},
    )

    def plain():
        assert plain_class(data=SIGNATURE).is_valid()

    def once_per_thread():
        assert SignatureInputSerializer(data=SIGNATURE).is_valid()

    show("signature input: fields per instance vs once", *alternate(plain, once_per_thread, repeat))


def negotiation_and_parsing(repeat: int) -> None:
    from rest_framework.negotiation import DefaultContentNegotiation
    from rest_framework.parsers import JSONParser
    from rest_framework.renderers import JSONRenderer
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from actioncenter.fastpaths import BodyJSONParser, UsualRequestNegotiation

    body = json.dumps(SIGNATURE).encode()
    request = Request(
        APIRequestFactory().post("/api/v1/sign", body, content_type="application/json")
    )
    renderers, parsers = [JSONRenderer()], [BodyJSONParser()]

    def negotiate(negotiator):
        def run():
            negotiator.select_parser(request, parsers)
            negotiator.select_renderer(request, renderers)

        return run

    show(
        "negotiation: DRF's vs string comparison",
        *alternate(negotiate(DefaultContentNegotiation()), negotiate(UsualRequestNegotiation()),
                   repeat),
    )  # fmt: skip
    drf, ours = JSONParser(), BodyJSONParser()
    show(
        "JSON body: DRF's parser vs one decode",
        *alternate(lambda: drf.parse(io.BytesIO(body)), lambda: ours.parse(io.BytesIO(body)),
                   repeat),
    )  # fmt: skip


def main() -> int:
    global REPORT
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2000)
    add_json_argument(parser)
    options = parser.parse_args()
    REPORT = Report("bench_fastpaths", options.json, repeat=options.repeat)
    if problem := postgres_problem():
        REPORT.skip(problem)
        return 0
    try:
        recreate_database(DB_NAME)
        os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "actioncenter.settings.local"
        os.environ["LOG_LEVEL"] = "WARNING"
        os.environ.pop("CACHE_URL", None)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        from devdata.demo import load_demo

        call_command("migrate", verbosity=0)
        campaign = load_demo()
        signing_statement(campaign, options.repeat)
        model_from_row(options.repeat)
        input_serializer(options.repeat)
        negotiation_and_parsing(options.repeat)
        connections.close_all()
    finally:
        with shielded():
            close_django_connections()
            drop_database(DB_NAME)
    return 0


if __name__ == "__main__":
    sys.exit(run_main(main))
