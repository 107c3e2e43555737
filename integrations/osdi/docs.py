"""This site's own pages for OSDI's link relations (the `curies` of every response).

A partner's developer following `osdi:outreaches` lands on a page that says what this
site puts in an outreach and what it does not do, rather than on the general
specification.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

SPECIFICATION = "https://opensupporter.github.io/osdi-docs/"


@dataclass(frozen=True)
class RelationDoc:
    title: str
    summary: str
    notes: tuple = ()


RELATIONS = {
    "petitions": RelationDoc(
        _("Petitions"),
        _("Campaigns with a petition. total_signatures counts each person once."),
    ),
    "signatures": RelationDoc(
        _("Signatures"),
        _("One per person and petition; a repeat with the same email returns the first."),
        (_("modified_date is the signing date: a signature never changes."),),
    ),
    "record_signature_helper": RelationDoc(
        _("Record signature helper"),
        _(
            "POST a person (an email is required) to sign the petition on their behalf, "
            "under the same rules as the public form. 201 for a new signature, 200 with "
            "the first one for a repeat."
        ),
        (
            _("identifiers, origin_system, action_date and referrer_data are kept."),
            _(
                "Tags, lists, question responses and triggers are not supported: they are "
                "named under osdi:not_applied in the response, with any person details "
                "this site does not keep."
            ),
        ),
    ),
    "advocacy_campaigns": RelationDoc(
        _("Advocacy campaigns"),
        _("Campaigns with a letter to Congress. total_outreaches counts supporters' letters."),
    ),
    "outreaches": RelationDoc(
        _("Outreaches"),
        _(
            "One per supporter's letter, with every office it went to in targets, each "
            "identified by its OCD division id and carrying this site's delivery_status "
            "(queued, sending, sent, failed, needs_manual, held or self_reported)."
        ),
        (
            _("modified_date moves when a delivery to one of its offices ends."),
            _("The message is left out for campaigns marked sensitive."),
        ),
    ),
    "record_outreach_helper": RelationDoc(
        _("Record outreach helper"),
        _(
            "POST a person and the targets they contacted through your system. The "
            "outreach counts as a letter of the campaign; nothing is sent from this site."
        ),
        (
            _("At least one target is required, named or identified by an OCD division id."),
            _("action_date cannot be in the future."),
        ),
    ),
    "people": RelationDoc(
        _("People"),
        _(
            "Supporters: email with its status (subscribed once they confirmed updates), "
            "town, state and ZIP code, and a phone number given with a letter. Never the "
            "street address."
        ),
        (_("modified_date also moves when a person confirms or leaves updates."),),
    ),
}
FILTER_NOTE = _(
    "Every collection takes filter=modified_date gt '2026-03-20T21:04:31Z' (also ge, lt, "
    "le, eq, and created_date; clauses joined with and) for incremental sync. Errors come "
    "as osdi:error."
)


def relation_doc(request, rel: str):
    doc = RELATIONS.get(rel)
    if doc is None:
        raise Http404
    context = {"rel": rel, "doc": doc, "filter_note": FILTER_NOTE, "specification": SPECIFICATION}
    return render(request, "osdi/relation.html", context)
