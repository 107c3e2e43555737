"""The letter flow (address → recipients and editor → preview and details → receipt)
and the call page. Views validate a form, call one service, render or redirect; the
flow's state between steps lives in the session (never in the URL)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit

from actioncenter.exceptions import ApplicationError
from actioncenter.ratelimit import LOOKUP_RATE, supporter_action_allowed
from campaigns.views import action_refused
from legislators.services.lookup import lookup_by_address, lookup_by_chosen_seat, lookup_by_zip
from letters import flow
from letters.forms import AddressForm, DraftForm, SenderForm
from letters.outbox import delivery_mark_sent_by_supporter
from letters.selectors import letter_get_for_receipt
from letters.services.house_member import house_member_missing, letter_house_member_add
from letters.services.receipts import (
    letter_receipt_resend,
    receipt_key_from_token,
    receipt_url,
)
from letters.services.submit import letter_submit

# Letters written in this browser session: the only place a repeat submission may lead back
# to the receipt (elsewhere the link is emailed to the letter's own address).
WRITTEN_HERE = "letters:written-here"


@method_decorator(never_cache, name="dispatch")
class LetterStepView(View):
    """Shared lookup of the campaign's letter action and the flow state."""

    def dispatch(self, request, *args, slug: str, **kwargs):
        self.campaign, self.action = flow.action_for(slug)
        self.state = flow.FlowState.load(request.session, self.action)
        return super().dispatch(request, *args, **kwargs)

    def render(self, template: str, status: int = 200, **context):
        language = flow.state_language(self.action, self.state)
        context.update(
            campaign=self.campaign,
            action=self.action,
            state=self.state,
            letter_language=language,  # what the letter's texts carry as `lang`
            subject=self.action.text("subject", language),
        )
        return render(self.request, f"letters/{template}", context, status=status)


class LetterStartView(LetterStepView):
    def get(self, request):
        return self.render("letter_start.html", form=AddressForm(initial=self.state.address))

    @method_decorator(ratelimit(key="ip", rate=LOOKUP_RATE, method="POST", block=True))
    def post(self, request):
        form = AddressForm(request.POST)
        if not form.is_valid():  # invalid input is a 400, as on every supporter form
            return self.render("letter_start.html", status=400, form=form)
        try:
            self.state = flow.address_step(self.action, form.cleaned_data)
        except flow.DistrictUncertain as error:
            form.add_error(None, flow.district_message(error.lookup))
            return self.render("letter_start.html", form=form, **_district_choices(error))
        except flow.NotTargeted as error:
            return self.render(
                "letter_start.html",
                form=form,
                not_targeted=error,
                alternatives=flow.other_actions(self.campaign, self.action),
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
            return self.render("letter_start.html", form=form)
        self.state.save(request.session, self.action)
        return redirect("letters:write", slug=self.campaign.slug)


def _district_choices(error) -> dict:
    """The page's choice of district: each candidate described, and the senators alone."""
    return {
        "district_candidates": error.lookup.candidates,
        "senators_choice": error.senators_choice,
        "senators_now": flow.SENATORS_NOW,
    }


class LetterWriteView(LetterStepView):
    def get(self, request):
        if not self.state.has_recipients:
            return redirect("letters:start", slug=self.campaign.slug)
        initial = {
            "letter_body": flow.letter_body_initial(self.action, self.state),
            "personal_note": self.state.personal_note,
        }
        return self.render("letter_write.html", form=self._form(initial=initial), **self._context())

    def post(self, request):
        if not self.state.has_recipients:
            return redirect("letters:start", slug=self.campaign.slug)
        form = self._form(data=request.POST)
        if form.is_valid():
            try:
                self.state = flow.draft_step(self.action, self.state, form.cleaned_data)
            except ApplicationError as error:
                field = "letter_body" if "letter_body" in form.fields else None
                form.add_error(field, error.message)
            except flow.ValidationError as error:
                form.add_error("letter_body" if "letter_body" in form.fields else None, error)
            else:
                self.state.save(request.session, self.action)
                return redirect("letters:send", slug=self.campaign.slug)
        return self.render("letter_write.html", form=form, **self._context())

    def _form(self, **kwargs) -> DraftForm:
        return DraftForm(
            editable=self.action.editable,
            prompt=self.action.text(
                "personal_story_prompt", flow.state_language(self.action, self.state)
            ),
            language=flow.state_language(self.action, self.state),
            **kwargs,
        )

    def _context(self) -> dict:
        return {
            "recipients": flow.recipients(self.state),
            "previews": flow.previews(self.action, self.state),
        }


class LetterSendView(LetterStepView):
    def get(self, request):
        if not self.state.has_recipients:
            return redirect("letters:start", slug=self.campaign.slug)
        return self.render(
            "letter_send.html",
            form=SenderForm(initial=self.state.sender_initial()),
            **self._context(),
        )

    def post(self, request):
        if not self.state.has_recipients:
            return redirect("letters:start", slug=self.campaign.slug)
        form = SenderForm(request.POST)
        try:
            email = request.POST.get("email", "")
            if not supporter_action_allowed(request, scope="letter", email=email):
                return self._already_on_its_way(request)
        except ApplicationError as error:
            return action_refused(request, error, self.campaign)
        if not form.is_valid():
            return self.render("letter_send.html", status=400, form=form, **self._context())
        try:
            letter, created = letter_submit(
                action=self.action,
                sender=flow.sender(form.cleaned_data),
                draft=self.state.draft,
                recipients=flow.recipients(self.state),
                district=self.state.district,
                source=request.GET.get("source", "")[:64],
                language=flow.state_language(self.action, self.state),
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
            return self.render("letter_send.html", form=form, **self._context())
        flow.FlowState.clear(request.session, self.action)
        written = request.session.get(WRITTEN_HERE, [])
        if created:
            request.session[WRITTEN_HERE] = [*written[-19:], letter.pk]
        elif letter.pk in written:
            messages.info(request, _("You already wrote this letter. Here is your receipt."))
        else:
            letter_receipt_resend(letter=letter)
            return self._already_on_its_way(request)
        return redirect(receipt_url(letter))

    def _already_on_its_way(self, request):
        return render(
            request,
            "campaigns/done.html",
            {
                "campaign": self.campaign,
                "heading": _("Your letter is already on its way"),
                "text": _(
                    "A letter from this email address was already sent to Congress. "
                    "We emailed the link to its receipt to that address."
                ),
            },
        )

    def _context(self) -> dict:
        return {"previews": flow.previews(self.action, self.state)}


def _letter_or_404(token: str):
    key = receipt_key_from_token(token)
    letter = letter_get_for_receipt(receipt_key=key) if key else None
    if letter is None:
        raise Http404
    return letter


@method_decorator(never_cache, name="dispatch")
class ReceiptView(View):
    """Per-office status of one letter, reachable only with its signed link."""

    def get(self, request, token: str):
        letter = _letter_or_404(token)
        deliveries = list(letter.deliveries.all())
        house_later = house_member_missing(letter, deliveries)
        return render(
            request,
            "letters/receipt.html",
            {
                "letter": letter,
                "campaign": letter.campaign,
                "deliveries": deliveries,
                "token": token,
                "pending": any(not delivery.is_final for delivery in deliveries),
                "house_later": house_later,
                "district_candidates": (
                    lookup_by_zip(letter.zip_code).candidates if house_later else []
                ),
            },
        )

    def post(self, request, token: str):
        """The supporter sent a `needs_manual` letter themselves."""
        letter = _letter_or_404(token)
        delivery = letter.deliveries.filter(pk=request.POST.get("delivery", "")[:40]).first()
        if delivery is None:
            raise Http404
        try:
            delivery_mark_sent_by_supporter(delivery=delivery)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you! We marked it as sent."))
        return redirect(
            reverse("letters:receipt", args=[token]) + f"#office-{delivery.office_code}"
        )


@method_decorator(never_cache, name="dispatch")
class ReceiptHouseMemberView(View):
    """Adds the House member to a letter sent to the senators only: from the district the
    supporter chooses, or from the street address the letter carries (the address service
    may answer now)."""

    @method_decorator(ratelimit(key="ip", rate=LOOKUP_RATE, method="POST", block=True))
    def post(self, request, token: str):
        letter = _letter_or_404(token)
        state, _sep, number = request.POST.get("district", "")[:12].partition("-")
        if number.isdigit():
            lookup = lookup_by_chosen_seat(letter.zip_code, state=state, district=int(number))
        else:
            lookup = lookup_by_address(
                street=letter.address1, city=letter.city, state=letter.state,
                zip_code=letter.zip_code,
            )  # fmt: skip
        url = reverse("letters:receipt", args=[token])
        if lookup is None or not lookup.certain:
            messages.error(
                request,
                _("We still can't tell your district from your address. Please choose it."),
            )
            return redirect(url + "#house-member")
        try:
            delivery = letter_house_member_add(letter=letter, lookup=lookup)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect(url + "#house-member")
        if delivery is None:
            return redirect(url)
        messages.success(request, _("Your letter is on its way to your House member too."))
        return redirect(url + f"#office-{delivery.office_code}")


@never_cache
def receipt_status(request, token: str):
    """The live statuses for the receipt page's script (same data as the page)."""
    letter = _letter_or_404(token)
    return JsonResponse(
        {
            "deliveries": [
                {"office": d.office_code, "status": d.status, "label": d.get_status_display()}
                for d in letter.deliveries.all()
            ]
        }
    )
