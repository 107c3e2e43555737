"""The fallback when no channel can reach an office: the supporter delivers it.

The receipt then shows the office's contact form, phone and the letter text to
copy; the supporter can mark the letter sent once they have used them.
"""

from letters.channels.base import DeliveryResult, Handover, Office, OutgoingLetter


class ManualChannel:
    name = "manual"

    def is_available(self, office: Office) -> bool:
        return True

    def send(self, letter: OutgoingLetter, *, handover: Handover | None = None) -> DeliveryResult:
        return DeliveryResult(DeliveryResult.NEEDS_MANUAL, detail="no automatic channel")
