"""Read the Latest as an Atom feed."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from actioncenter.siteurl import site_url
from movement import selectors
from movement.identity import site_identity


class LatestFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("%(name)s: the latest") % {"name": site_identity().name}

    def subtitle(self):
        return site_identity().tagline or _("News and media coverage.")

    def link(self):
        return site_url() + reverse("movement:latest")

    def feed_url(self):
        return site_url() + reverse("movement:latest-feed")

    def items(self):
        # An Atom entry needs a date: an undated coverage item stays on the page only.
        items = selectors.latest_list(selectors.FEED_ITEMS)
        return [item for item in items if item.date is not None]

    def item_title(self, item):
        return f"{item.title} ({item.source})" if item.source else item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url if item.url.startswith(("http://", "https://")) else site_url() + item.url

    def item_guid(self, item):
        return self.item_link(item)

    def item_updateddate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(12)))

    item_pubdate = item_updateddate
