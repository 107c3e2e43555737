"""The movement's pages: home, "Read the Latest", the library and the donation note."""

from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views import View

from campaigns.models import Resource
from campaigns.views import leaving_page
from movement import selectors
from movement.identity import identity_get, site_identity
from movement.models import NewsPost


class HomeView(View):
    def get(self, request):
        context = selectors.home_context(site_identity())
        return render(request, "movement/home.html", context)


class LatestListView(View):
    """Read the Latest: news posts and media coverage, newest first, `?page=` by page."""

    def get(self, request):
        try:
            page = selectors.latest_page(request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        return render(request, "movement/latest.html", {"page": page, "language": get_language()})


class NewsPostDetailView(View):
    def get(self, request, slug):
        post = get_object_or_404(NewsPost, slug=slug)
        return render(request, "movement/news_detail.html", {"post": post})


class LibraryView(View):
    """Research & Analysis, by category (`?category=`): plain links, no script needed."""

    def get(self, request):
        kind = request.GET.get("category", "")
        if kind and kind not in Resource.LIBRARY_KINDS:
            raise Http404
        categories = [
            {"value": value, "label": Resource.Kind(value).label, "current": value == kind}
            for value in Resource.LIBRARY_KINDS
        ]
        context = {
            "resources": list(selectors.library_list(kind or None)),
            "categories": categories,
            "category": Resource.Kind(kind).label if kind else "",
        }
        return render(request, "movement/library.html", context)


class DonateView(View):
    """The movement's donation page, through the same "you are leaving" note as a campaign's."""

    def get(self, request):
        return leaving_page(
            request,
            donation_url=site_identity().donation_url,
            back_url=reverse("movement:home"),
        )


def identity_stylesheet(request):
    """The movement's colours as CSS custom properties: a same-origin stylesheet, which the
    Content-Security-Policy (`style-src 'self'`) allows where an inline style would not be."""
    identity = identity_get()
    etag = f'"{identity.version}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(identity.stylesheet, content_type="text/css; charset=utf-8")
    response["ETag"] = etag
    # Pages link to it with ?v=<version>: a new colour is a new address.
    patch_cache_control(response, public=True, max_age=86400)
    return response
