"""What the movement's pages read: its home page, "Read the Latest" and the library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet, Value

from actioncenter.languages import language_in_a_sentence
from campaigns.models import Campaign, Fact, Partner, Resource, Testimonial
from campaigns.selectors import campaign_list_public
from movement.models import NewsPost

LATEST_PER_PAGE = 10
HOME_LATEST = 3
CAMPAIGN_LATEST = 3
HOME_RESOURCES = 3
FEED_ITEMS = 20

# Content of a campaign is public once the campaign is.
_PUBLIC = Q(campaign__isnull=True) | Q(campaign__status__in=Campaign.PUBLIC_STATUSES)


def campaign_list_home() -> list[Campaign]:
    """Live campaigns and victories, featured first, then the newest."""
    return list(
        campaign_list_public().filter(status__in=[Campaign.Status.LIVE, Campaign.Status.WON])
    )


def join_campaign_get(campaign_id: int | None, listed: list[Campaign]) -> Campaign | None:
    """The live campaign people join through: the identity's choice, else the first listed."""
    live = [c for c in listed if c.status == Campaign.Status.LIVE]
    chosen = [c for c in live if c.pk == campaign_id]
    return (chosen or live or [None])[0]


def fact_list_movement() -> QuerySet[Fact]:
    return Fact.objects.filter(campaign__isnull=True).order_by("position", "pk")


def partner_list_movement() -> QuerySet[Partner]:
    return Partner.objects.filter(campaign__isnull=True).order_by("position", "pk")


def quote_list_movement() -> QuerySet[Testimonial]:
    return Testimonial.objects.filter(campaign__isnull=True).order_by("position", "pk")


def library_list(kind: str | None = None) -> QuerySet[Resource]:
    """The "Research & Analysis" library (the movement's and public campaigns'), newest
    first; only `kind` when given."""
    kinds = [kind] if kind else list(Resource.LIBRARY_KINDS)
    return (
        Resource.objects.filter(_PUBLIC, kind__in=kinds)
        .select_related("campaign")
        .order_by(F("published_on").desc(nulls_last=True), "position", "-pk")
    )


@dataclass(frozen=True)
class LatestItem:
    """One entry of "Read the Latest": a news post of this site or a media coverage item."""

    kind: str  # "news" or "coverage"
    title: str
    title_lang: str
    date: dt.date | None
    url: str  # a page of this site (news) or the outlet's article (coverage)
    source: str  # the outlet, for coverage
    language: str  # what the link opens is written in it
    summary: str
    summary_lang: str

    @property
    def is_news(self) -> bool:
        return self.kind == "news"

    @property
    def language_name(self) -> str:
        return language_in_a_sentence(self.language)


def _news_item(post: NewsPost) -> LatestItem:
    return LatestItem(
        kind="news",
        title=post.title,
        title_lang=post.language,
        date=post.published_on,
        url=post.get_absolute_url(),
        source="",
        language=post.language,
        summary="",
        summary_lang=post.language,
    )


def _coverage_item(resource: Resource) -> LatestItem:
    text = resource.localized
    return LatestItem(
        kind="coverage",
        title=text.title,
        title_lang=text.lang,
        date=resource.published_on,
        url=resource.href,
        source=resource.source,
        language=resource.language,
        summary=text.summary,
        summary_lang=text.lang,
    )


def _coverage(campaign: Campaign | None = None) -> QuerySet[Resource]:
    rows = Resource.objects.filter(_PUBLIC, kind=Resource.Kind.MEDIA)
    return rows.filter(campaign=campaign) if campaign is not None else rows


def _news(campaign: Campaign | None = None) -> QuerySet[NewsPost]:
    return NewsPost.objects.filter(campaigns=campaign) if campaign else NewsPost.objects.all()


def _keys(campaign: Campaign | None = None) -> list[tuple[str, int]]:
    """Every item's (kind, pk), newest first, in one query of the dates only, so a page
    loads just its own rows."""

    def dated(rows, kind: str):
        return rows.order_by().annotate(item=Value(kind)).values_list("published_on", "item", "pk")

    union = dated(_news(campaign), "news").union(dated(_coverage(campaign), "coverage"), all=True)
    # Undated coverage last; on one day, news before coverage, then the newest row.
    rows = sorted(union, key=lambda row: (row[0] or dt.date.min, row[1] == "news", row[2]))
    return [(kind, pk) for _date, kind, pk in reversed(rows)]


def _items(keys: list[tuple[str, int]]) -> list[LatestItem]:
    news_ids = [pk for kind, pk in keys if kind == "news"]
    coverage_ids = [pk for kind, pk in keys if kind == "coverage"]
    rows = {
        ("news", post.pk): _news_item(post) for post in NewsPost.objects.filter(pk__in=news_ids)
    }
    coverage = Resource.objects.filter(pk__in=coverage_ids).select_related("campaign")
    rows.update({("coverage", row.pk): _coverage_item(row) for row in coverage})
    return [rows[key] for key in keys if key in rows]


def latest_page(number) -> Page:
    """One page of "Read the Latest", newest first; raises InvalidPage for a bad number."""
    page = Paginator(_keys(), LATEST_PER_PAGE).page(number)
    page.object_list = _items(list(page.object_list))
    return page


def latest_list(limit: int, campaign: Campaign | None = None) -> list[LatestItem]:
    """The newest `limit` items (of `campaign` only: its coverage and the posts tagged to it)."""
    return _items(_keys(campaign)[:limit])


def home_context(identity) -> dict:
    """Every section of the home page; the template hides each one that is empty."""
    listed = campaign_list_home()
    partners = list(partner_list_movement())
    return {
        "campaigns": listed,
        "join_campaign": join_campaign_get(identity.join_campaign_id, listed),
        "facts": list(fact_list_movement()),
        "founding_members": [p for p in partners if p.founding_member],
        "partners": [p for p in partners if not p.founding_member],
        "quotes": list(quote_list_movement()),
        "latest": latest_list(HOME_LATEST),
        "resources": list(library_list()[:HOME_RESOURCES]),
    }
