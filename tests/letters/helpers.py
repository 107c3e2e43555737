from legislators.services.lookup import lookup_by_zip
from letters.recipients import letter_recipients
from letters.services.submit import Draft, letter_submit
from tests.letters.factories import sender


def submit(action, *, note: str = "", edited: str = "", source: str = "", **changes):
    """Submit a letter the way the flow does: lookup by ZIP, recipients, submit."""
    details = sender(**changes)
    lookup = lookup_by_zip(details.zip_code)
    recipients = letter_recipients(action=action, lookup=lookup)
    return letter_submit(
        action=action,
        sender=details,
        draft=Draft(edited_template=edited, personal_note=note),
        recipients=recipients,
        district=lookup.district,
        source=source,
    )


# What a partner's form posts to the letters API.
API_BODY = {
    "prefix": "Mx.",
    "first_name": "Alex",
    "last_name": "Rivera",
    "email": "alex@example.org",
    "address1": "1100 Main Street",
    "city": "Arlington",
    "state": "VA",
    "zip_code": "22201",
    "personal_note": "It matters to me.",
}


def api_post(client, action, body=API_BODY):
    url = f"/api/v1/campaigns/{action.campaign.slug}/letters"
    return client.post(url, body, content_type="application/json")
