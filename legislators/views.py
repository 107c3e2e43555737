from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from actioncenter.ratelimit import LOOKUP_RATE
from legislators.forms import FindRepresentativesForm, LegislatorFilterForm
from legislators.models import Legislator
from legislators.selectors import committee_list, legislator_get, legislator_list
from legislators.services.answers import LookupResult
from legislators.services.lookup import lookup_by_address, lookup_by_zip
from legislators.states import STATES_BY_CODE

DIRECTORY_PAGE_SIZE = 100


def member_cards(result: LookupResult) -> dict:
    """What the result template shows: House candidates (or vacancies) and senators."""
    house = [
        {
            "candidate": candidate,
            "legislator": candidate.representative,
            "office": result.nearest_offices.get(candidate.representative.bioguide_id)
            if candidate.representative
            else None,
        }
        for candidate in result.candidates
    ]
    senate = [
        {"legislator": senator, "office": result.nearest_offices.get(senator.bioguide_id)}
        for senator in result.senators
    ]
    return {"house_cards": house, "senate_cards": senate}


@method_decorator(never_cache, name="dispatch")
class RepresentativesFindView(View):
    """Address or ZIP form; the answer is rendered in the response (nothing is stored)."""

    template_name = "legislators/find.html"

    def get(self, request):
        return render(request, self.template_name, {"form": FindRepresentativesForm()})

    @method_decorator(ratelimit(key="ip", rate=LOOKUP_RATE, method="POST", block=True))
    def post(self, request):
        form = FindRepresentativesForm(request.POST)
        context = {"form": form}
        if form.is_valid():
            data = form.cleaned_data
            if data["street"].strip():
                result = lookup_by_address(
                    street=data["street"],
                    city=data["city"],
                    state=data["state"],
                    zip_code=data["zip_code"],
                )
            else:
                result = lookup_by_zip(data["zip_code"])
            context |= {"result": result, **member_cards(result)}
        return render(request, self.template_name, context)


class LegislatorListView(View):
    template_name = "legislators/legislator_list.html"

    def get(self, request):
        committees = list(committee_list())
        form = LegislatorFilterForm(request.GET or None, committees=committees)
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        queryset = legislator_list(
            state=filters.get("state", ""),
            chamber=filters.get("chamber", ""),
            committee=filters.get("committee", ""),
            with_details=False,
        )
        page = Paginator(queryset, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = {
            "form": form,
            "page": page,
            "legislators": page.object_list,
            "query": query.urlencode(),
            "state_names": {code: facts.name for code, facts in STATES_BY_CODE.items()},
        }
        return render(request, self.template_name, context)


class LegislatorDetailView(View):
    template_name = "legislators/legislator_detail.html"

    def get(self, request, bioguide_id: str):
        legislator = legislator_get(bioguide_id)
        if legislator is None:
            raise Http404
        context = {
            "legislator": legislator,
            "state": STATES_BY_CODE.get(legislator.state),
            "offices": list(legislator.offices.all()),
            "memberships": list(legislator.committee_memberships.all()),
            "is_senator": legislator.chamber == Legislator.Chamber.SENATE,
        }
        return render(request, self.template_name, context)
