"""Ask CWC to validate a message without delivering it (checks credentials and format)."""

import uuid

from django.core.management.base import BaseCommand, CommandError

from letters.channels import cwc_channel
from letters.channels.base import Constituent, Office, OutgoingLetter
from letters.channels.cwc import CwcClient, CwcPermanentError, CwcTransientError, message_xml
from letters.models import Delivery
from letters.outbox import outgoing_letter


class Command(BaseCommand):
    help = (
        "POST one CWC document to {base}/v2/validate: an existing delivery (--delivery) or a "
        "sample letter to an office (--office HVA04 or SWY02)."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--delivery", help="id of an existing delivery")
        group.add_argument("--office", help="CWC office code, e.g. HVA04 or SWY02")
        parser.add_argument("--print", action="store_true", help="also print the document")

    def handle(self, *args, **options):
        channel = cwc_channel()
        letter = self._letter(options)
        endpoint = channel.endpoints.get(letter.office.chamber)
        if endpoint is None or not endpoint.configured:
            raise CommandError(f"CWC is not configured for the {letter.office.chamber} chamber.")
        document = message_xml(letter, channel.agent)
        if options["print"]:
            self.stdout.write(document.decode())
        try:
            answer = CwcClient(endpoint).validate(document)
        except CwcPermanentError as exc:
            raise CommandError(f"CWC refused the document: {'; '.join(exc.errors) or exc}") from exc
        except CwcTransientError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"CWC accepted the document. {answer[:500]}"))

    def _letter(self, options) -> OutgoingLetter:
        if options["delivery"]:
            delivery = (
                Delivery.objects.select_related("letter__action")
                .filter(pk=options["delivery"])
                .first()
            )
            if delivery is None:
                raise CommandError("No such delivery.")
            office = Office(
                code=delivery.office_code,
                name=delivery.office_name,
                chamber=delivery.chamber,
            )
            return outgoing_letter(delivery, office)
        code = options["office"].upper()
        chamber = "senate" if code.startswith("S") else "house"
        return OutgoingLetter(
            delivery_id=uuid.uuid4().hex,
            campaign_code="cwc-validate",
            office=Office(code=code, name=code, chamber=chamber),
            constituent=Constituent(
                prefix="Mx.",
                first_name="Test",
                last_name="Constituent",
                address1="100 Main Street",
                city="Anytown",
                state=code[1:3],
                zip_code="00000",
                email="test@example.org",
            ),
            subject="Validation test message",
            organization_statement="This is a validation test; please do not deliver it.",
        )
