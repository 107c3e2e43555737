import json

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from actioncenter.ratelimit import LOOKUP_RATE
from legislators.api.answers import zip_answer
from legislators.api.views import serialize_lookup
from legislators.cards import answer_cards
from legislators.forms import FindRepresentativesForm, LegislatorFilterForm
from legislators.models import Legislator
from legislators.prepared import AnswerBook, answer_book
from legislators.selectors import (
    committee_list,
    legislator_get,
    legislator_list,
    parent_committee_names,
)
from legislators.services.answers import LookupResult
from legislators.services.lookup import lookup_by_address, lookup_by_zip
from legislators.states import STATES_BY_CODE

DIRECTORY_PAGE_SIZE = 100


@method_decorator(never_cache, name="dispatch")
class RepresentativesFindView(View):
    """Address or ZIP form; the answer is rendered in the response (nothing is stored).

    GET with `?zip=` shows the prepared answer for that ZIP, the one the API sends. The
    page is never cached, like every page (a visit may say someone is looking for help).
    """

    template_name = "legislators/find.html"

    def get(self, request):
        if "zip" not in request.GET:
            return render(request, self.template_name, {"form": FindRepresentativesForm()})
        form = FindRepresentativesForm({"zip_code": request.GET["zip"]})
        context = {"form": form}
        if form.is_valid():
            answer = json.loads(zip_answer(form.cleaned_data["zip_code"]).body)
            book = answer_book()
            names = book.committees if isinstance(book, AnswerBook) else parent_committee_names()
            context |= {"result": answer, **answer_cards(answer, committee_names=names)}
        return render(request, self.template_name, context)

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
            answer = serialize_lookup(result)
            cards = answer_cards(answer, committee_names=_parent_names(result))
            context |= {"result": answer, **cards}
        return render(request, self.template_name, context)


def _parent_names(result: LookupResult) -> dict[str, str]:
    """Parent committees of the members' subcommittees, from what the lookup fetched."""
    members = [*result.representatives, *result.senators]
    return {
        m.committee.parent.thomas_id: m.committee.parent.name
        for member in members
        for m in member.committee_memberships.all()
        if m.committee.parent
    }


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
