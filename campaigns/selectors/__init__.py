from campaigns.selectors.campaigns import (
    campaign_action_cards,
    campaign_featured,
    campaign_get_for_action,
    campaign_get_live,
    campaign_get_public,
    campaign_list_public,
    campaign_page_context,
    recent_signers,
)

__all__ = [
    "campaign_action_cards",
    "campaign_featured",
    "campaign_get_for_action",
    "campaign_get_live",
    "campaign_get_public",
    "campaign_list_public",
    "campaign_page_context",
    "recent_signers",
]
