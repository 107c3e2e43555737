from django import template

from movement.selectors import CAMPAIGN_LATEST, latest_list

register = template.Library()


@register.inclusion_tag("movement/includes/campaign_latest.html")
def campaign_latest(campaign):
    """A campaign page's "Read the latest": its newest items and a link to all of them.
    A tag, so the campaign page needs nothing from this app."""
    return {"items": latest_list(CAMPAIGN_LATEST, campaign)}
