"""Import members of Congress, their offices and committees and the ZIP crosswalk."""

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from legislators.cache import bump_data_version
from legislators.models import (
    Committee,
    CommitteeMembership,
    DistrictOffice,
    Legislator,
    LegislatorImport,
    State,
    ZipDistrict,
)
from legislators.services.answer_sets import answer_set_prepare
from legislators.services.import_sources import SourceData, read_source, source_from_setting
from legislators.states import STATES

STALE_AFTER = datetime.timedelta(days=7)
BATCH = 500


@dataclass
class ImportSummary:
    source: str
    skipped: bool = False
    added: int = 0
    updated: int = 0
    retired: int = 0
    offices_changed: int = 0
    committees_changed: int = 0
    memberships_changed: int = 0
    zip_rows: int = 0
    zip_rows_added: int = 0
    zip_rows_removed: int = 0

    def as_text(self) -> str:
        if self.skipped:
            return _("Legislators from %(source)s were imported less than 7 days ago; skipped.") % {
                "source": self.source
            }
        return _(
            "Legislators: %(added)s added, %(updated)s updated, %(retired)s retired. "
            "District offices changed: %(offices)s. Committees changed: %(committees)s. "
            "Committee memberships changed: %(memberships)s. ZIP rows: %(zip_rows)s "
            "(%(zip_added)s added, %(zip_removed)s removed)."
        ) % {
            "added": self.added,
            "updated": self.updated,
            "retired": self.retired,
            "offices": self.offices_changed,
            "committees": self.committees_changed,
            "memberships": self.memberships_changed,
            "zip_rows": self.zip_rows,
            "zip_added": self.zip_rows_added,
            "zip_removed": self.zip_rows_removed,
        }


def legislators_import(*, source: str | None = None, if_stale: bool = False) -> ImportSummary:
    """Bring the database in line with `source` (a folder or base URL; default the setting).

    Every file is read and validated first, then everything is written in one
    transaction: added and changed members are saved, members no longer listed
    are marked as not serving (never deleted), and the crosswalk is replaced
    row by row, and the lookup answers are prepared from the result
    (`answer_set_prepare`). Repeating an import with the same data changes nothing. With
    `if_stale`, nothing is read when the same source was imported within 7 days.
    Raises ApplicationError (code source_unreachable / source_missing /
    source_malformed) naming the file; the database is then unchanged.
    """
    reader = source_from_setting(settings.LEGISLATORS_DATA_SOURCE if source is None else source)
    if if_stale and _imported_recently(reader.label):
        return ImportSummary(source=reader.label, skipped=True)
    data = read_source(reader)
    return _write(data, reader.label)


def _imported_recently(label: str) -> bool:
    since = timezone.now() - STALE_AFTER
    return LegislatorImport.objects.filter(source=label, finished_at__gte=since).exists()


@transaction.atomic
def _write(data: SourceData, label: str) -> ImportSummary:
    summary = ImportSummary(source=label)
    _sync_states()
    _sync_legislators(data, summary)
    ids = dict(Legislator.objects.values_list("bioguide_id", "id"))
    _sync_offices(data, ids, summary)
    committee_ids = _sync_committees(data, summary)
    _sync_memberships(data, ids, committee_ids, summary)
    _sync_zip_rows(data, summary)
    LegislatorImport.objects.create(source=label, summary=asdict(summary))
    # In this transaction: the answers become current with the data they were made from.
    answer_set_prepare()
    transaction.on_commit(bump_data_version)
    return summary


def _apply(obj, fields: dict) -> bool:
    """Set changed attributes on obj; True when anything changed."""
    changed = False
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _sync_states() -> None:
    existing = {state.code: state for state in State.objects.all()}
    for facts in STATES:
        fields = facts._asdict()
        state = existing.get(facts.code)
        if state is None:
            State.objects.create(**fields)
        elif _apply(state, fields):
            state.save()


def _sync_legislators(data: SourceData, summary: ImportSummary) -> None:
    existing = {person.bioguide_id: person for person in Legislator.objects.all()}
    now = timezone.now()
    to_create, to_update = [], []
    for bioguide, record in data.legislators.items():
        person = existing.get(bioguide)
        if person is None:
            to_create.append(Legislator(**record))
        elif _apply(person, record):
            person.updated_at = now
            to_update.append(person)
    summary.added, summary.updated = len(to_create), len(to_update)
    for bioguide, person in existing.items():
        if person.is_current and bioguide not in data.legislators:
            person.is_current = False
            person.updated_at = now
            to_update.append(person)
            summary.retired += 1
    Legislator.objects.bulk_create(to_create, batch_size=BATCH)
    fields = [f for f in next(iter(data.legislators.values())) if f != "bioguide_id"]
    Legislator.objects.bulk_update(to_update, [*fields, "updated_at"], batch_size=BATCH)


def _sync_offices(data: SourceData, ids: dict[str, int], summary: ImportSummary) -> None:
    existing = {office.office_id: office for office in DistrictOffice.objects.all()}
    to_create, to_update = [], []
    for office_id, (bioguide, fields) in data.offices.items():
        fields = {**fields, "legislator_id": ids[bioguide]}
        office = existing.pop(office_id, None)
        if office is None:
            to_create.append(DistrictOffice(office_id=office_id, **fields))
        elif _apply(office, fields):
            to_update.append(office)
    DistrictOffice.objects.bulk_create(to_create, batch_size=BATCH)
    if to_update:
        DistrictOffice.objects.bulk_update(to_update, list(fields), batch_size=BATCH)
    # Offices no longer listed are closed: remove them (nothing refers to them).
    _delete_ids(DistrictOffice, [office.pk for office in existing.values()])
    summary.offices_changed = len(to_create) + len(to_update) + len(existing)


def _sync_committees(data: SourceData, summary: ImportSummary) -> dict[str, int]:
    existing = {committee.thomas_id: committee for committee in Committee.objects.all()}
    ids = {thomas_id: committee.pk for thomas_id, committee in existing.items()}
    # Parents first, so subcommittees can point at them.
    for parents_pass in (True, False):
        to_create, to_update = [], []
        for thomas_id, (parent, fields) in data.committees.items():
            if (parent is None) != parents_pass:
                continue
            fields = {**fields, "parent_id": ids[parent] if parent else None}
            committee = existing.get(thomas_id)
            if committee is None:
                to_create.append(Committee(thomas_id=thomas_id, **fields))
            elif _apply(committee, fields):
                to_update.append(committee)
        for committee in Committee.objects.bulk_create(to_create, batch_size=BATCH):
            ids[committee.thomas_id] = committee.pk
        if to_update:
            Committee.objects.bulk_update(to_update, list(fields), batch_size=BATCH)
        summary.committees_changed += len(to_create) + len(to_update)
    gone = [c for t, c in existing.items() if c.is_current and t not in data.committees]
    for committee in gone:
        committee.is_current = False
    Committee.objects.bulk_update(gone, ["is_current"], batch_size=BATCH)
    summary.committees_changed += len(gone)
    return ids


def _sync_memberships(data, ids, committee_ids, summary: ImportSummary) -> None:
    existing = {(m.committee_id, m.legislator_id): m for m in CommitteeMembership.objects.all()}
    to_create, to_update = [], []
    for (thomas_id, bioguide), fields in data.memberships.items():
        key = (committee_ids[thomas_id], ids[bioguide])
        membership = existing.pop(key, None)
        if membership is None:
            to_create.append(
                CommitteeMembership(committee_id=key[0], legislator_id=key[1], **fields)
            )
        elif _apply(membership, fields):
            to_update.append(membership)
    CommitteeMembership.objects.bulk_create(to_create, batch_size=BATCH)
    if to_update:
        CommitteeMembership.objects.bulk_update(to_update, ["side", "rank", "title"], BATCH)
    _delete_ids(CommitteeMembership, [m.pk for m in existing.values()])
    summary.memberships_changed = len(to_create) + len(to_update) + len(existing)


def _sync_zip_rows(data: SourceData, summary: ImportSummary) -> None:
    existing = {
        (zcta, state, district): pk
        for pk, zcta, state, district in ZipDistrict.objects.values_list(
            "id", "zcta", "state", "district"
        )
    }
    to_add = data.zip_rows - existing.keys()
    to_remove = [pk for key, pk in existing.items() if key not in data.zip_rows]
    ZipDistrict.objects.bulk_create(
        [ZipDistrict(zcta=z, state=s, district=d) for z, s, d in sorted(to_add)],
        batch_size=2000,
    )
    _delete_ids(ZipDistrict, to_remove)
    summary.zip_rows = len(data.zip_rows)
    summary.zip_rows_added, summary.zip_rows_removed = len(to_add), len(to_remove)


def _delete_ids(model, pks: list[int]) -> None:
    for start in range(0, len(pks), BATCH):
        model.objects.filter(pk__in=pks[start : start + BATCH]).delete()
