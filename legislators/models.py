"""Who represents whom: members of Congress, their offices and committees, and the
ZIP (ZCTA) to congressional district crosswalk."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from legislators.states import STATES_BY_CODE


class Chambers(models.TextChoices):
    """Which chambers an action reaches (a letter's recipients, a call-in's targets)."""

    BOTH = "both", _("House and Senate")
    HOUSE = "house", _("House only")
    SENATE = "senate", _("Senate only")


class State(models.Model):
    """A state, DC or a territory: the project's own reference table."""

    class Type(models.TextChoices):
        STATE = "state", _("State")
        DISTRICT = "district", _("Federal district")
        TERRITORY = "territory", _("Territory")

    code = models.CharField(_("postal code"), max_length=2, unique=True)
    fips = models.CharField(_("FIPS code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64)
    type = models.CharField(_("type"), max_length=16, choices=Type.choices, default=Type.STATE)
    voting_house_seats = models.PositiveSmallIntegerField(_("voting House seats"), default=0)
    at_large = models.BooleanField(_("at-large"), default=False)
    house_member_title = models.CharField(
        _("title of the House member"), max_length=32, default="Representative"
    )
    senators = models.PositiveSmallIntegerField(_("number of senators"), default=2)

    class Meta:
        ordering = ["name"]
        verbose_name = _("state")
        verbose_name_plural = _("states")
        constraints = [
            models.CheckConstraint(
                condition=Q(senators__in=[0, 2]), name="legislators_state_senators_0_or_2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_senators(self) -> bool:
        return self.senators > 0


class Legislator(models.Model):
    """A member of Congress, current or former (departed members are kept, never deleted)."""

    class Chamber(models.TextChoices):
        HOUSE = "house", _("House")
        SENATE = "senate", _("Senate")

    class StateRank(models.TextChoices):
        SENIOR = "senior", _("Senior")
        JUNIOR = "junior", _("Junior")

    bioguide_id = models.CharField(_("Bioguide ID"), max_length=16, unique=True)
    thomas_id = models.CharField(_("THOMAS ID"), max_length=16, blank=True)
    govtrack_id = models.PositiveIntegerField(_("GovTrack ID"), null=True, blank=True)
    first_name = models.CharField(_("first name"), max_length=64)
    middle_name = models.CharField(_("middle name"), max_length=64, blank=True)
    last_name = models.CharField(_("last name"), max_length=64)
    suffix = models.CharField(_("suffix"), max_length=16, blank=True)
    nickname = models.CharField(_("nickname"), max_length=64, blank=True)
    official_full_name = models.CharField(_("official full name"), max_length=128)
    party = models.CharField(_("party"), max_length=64)
    chamber = models.CharField(_("chamber"), max_length=8, choices=Chamber.choices)
    state = models.CharField(_("state"), max_length=2, db_index=True)
    # 0 = at-large seat or delegate / resident commissioner; NULL for senators.
    district = models.PositiveSmallIntegerField(_("district"), null=True, blank=True)
    senate_class = models.PositiveSmallIntegerField(_("Senate class"), null=True, blank=True)
    state_rank = models.CharField(
        _("state rank"), max_length=8, choices=StateRank.choices, blank=True
    )
    term_start = models.DateField(_("current term start"), null=True, blank=True)
    term_end = models.DateField(_("current term end"), null=True, blank=True)
    dc_office = models.CharField(_("DC office"), max_length=255, blank=True)
    dc_address = models.CharField(_("DC office address"), max_length=255, blank=True)
    dc_phone = models.CharField(_("DC phone"), max_length=32, blank=True)
    website = models.URLField(_("website"), max_length=255, blank=True)
    contact_form_url = models.URLField(_("contact form"), max_length=255, blank=True)
    social = models.JSONField(_("social media accounts"), default=dict, blank=True)
    is_current = models.BooleanField(_("currently serving"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["state", "chamber", "district", "last_name", "first_name"]
        verbose_name = _("legislator")
        verbose_name_plural = _("legislators")
        indexes = [
            models.Index(
                fields=["state", "chamber", "district"],
                condition=Q(is_current=True),
                name="legislators_current_seat_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(chamber="house", district__isnull=False)
                    | Q(chamber="senate", district__isnull=True)
                ),
                name="legislators_district_only_for_house",
            ),
            models.CheckConstraint(
                condition=Q(senate_class__isnull=True) | Q(senate_class__in=[1, 2, 3]),
                name="legislators_senate_class_1_2_3",
            ),
        ]

    def __str__(self) -> str:
        return self.official_full_name

    def get_absolute_url(self) -> str:
        return reverse("legislators:legislator-detail", args=[self.bioguide_id])

    @property
    def is_senator(self) -> bool:
        return self.chamber == self.Chamber.SENATE

    @property
    def seat_label(self) -> str:
        """ "CA-12", "WY at-large" or "VT" (senators)."""
        if self.district is None:
            return self.state
        if self.district == 0:
            return _("%(state)s at-large") % {"state": self.state}
        return f"{self.state}-{self.district}"

    @property
    def role_title(self) -> str:
        """ "Senator", "Representative", "Delegate" or "Resident Commissioner"."""
        if self.chamber == self.Chamber.SENATE:
            return _("Senator")
        facts = STATES_BY_CODE.get(self.state)
        titles = {"Delegate": _("Delegate"), "Resident Commissioner": _("Resident Commissioner")}
        return titles.get(facts.house_member_title if facts else "", _("Representative"))

    @property
    def dc_phone_tel(self) -> str:
        digits = "".join(ch for ch in self.dc_phone if ch.isdigit())
        return f"+1{digits}" if len(digits) == 10 else digits


class DistrictOffice(models.Model):
    legislator = models.ForeignKey(
        Legislator, on_delete=models.CASCADE, related_name="offices", verbose_name=_("legislator")
    )
    office_id = models.CharField(_("office ID"), max_length=128, unique=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    suite = models.CharField(_("suite"), max_length=128, blank=True)
    building = models.CharField(_("building"), max_length=128, blank=True)
    city = models.CharField(_("city"), max_length=64, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    fax = models.CharField(_("fax"), max_length=32, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["legislator_id", "city", "office_id"]
        verbose_name = _("district office")
        verbose_name_plural = _("district offices")

    def __str__(self) -> str:
        return f"{self.city}, {self.state}" if self.city else self.office_id

    @property
    def phone_tel(self) -> str:
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"+1{digits}" if len(digits) == 10 else digits


class Committee(models.Model):
    """A committee or, with `parent` set, a subcommittee (thomas_id = parent id + own id)."""

    class Type(models.TextChoices):
        HOUSE = "house", _("House")
        SENATE = "senate", _("Senate")
        JOINT = "joint", _("Joint")

    thomas_id = models.CharField(_("THOMAS ID"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=255)
    type = models.CharField(_("type"), max_length=8, choices=Type.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subcommittees",
        verbose_name=_("parent committee"),
    )
    url = models.URLField(_("website"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    jurisdiction = models.TextField(_("jurisdiction"), blank=True)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        ordering = ["type", "name"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.name

    @property
    def is_subcommittee(self) -> bool:
        return self.parent_id is not None


class CommitteeMembership(models.Model):
    class Side(models.TextChoices):
        MAJORITY = "majority", _("Majority")
        MINORITY = "minority", _("Minority")

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("committee")
    )
    legislator = models.ForeignKey(
        Legislator,
        on_delete=models.CASCADE,
        related_name="committee_memberships",
        verbose_name=_("legislator"),
    )
    side = models.CharField(_("side"), max_length=8, choices=Side.choices, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=64, blank=True)

    class Meta:
        ordering = ["committee_id", "rank"]
        verbose_name = _("committee membership")
        verbose_name_plural = _("committee memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "legislator"], name="legislators_one_membership_per_committee"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.legislator_id} on {self.committee_id}"


class ZipDistrict(models.Model):
    """One (ZCTA, state, district) pair of the crosswalk; a ZCTA may have several."""

    zcta = models.CharField(_("ZCTA"), max_length=5)
    state = models.CharField(_("state"), max_length=2)
    district = models.PositiveSmallIntegerField(_("district"))

    class Meta:
        ordering = ["zcta", "state", "district"]
        verbose_name = _("ZIP district")
        verbose_name_plural = _("ZIP districts")
        constraints = [
            models.UniqueConstraint(
                fields=["zcta", "state", "district"], name="legislators_zip_district_unique"
            ),
        ]
        indexes = [models.Index(fields=["state", "district"], name="legislators_zip_seat_idx")]

    def __str__(self) -> str:
        return f"{self.zcta} → {self.state}-{self.district}"


class LegislatorImport(models.Model):
    """A successful `load_legislators` run, so a repeat within a week can be skipped."""

    source = models.CharField(_("source"), max_length=500)
    finished_at = models.DateTimeField(_("finished"), auto_now_add=True)
    summary = models.JSONField(_("summary"), default=dict)

    class Meta:
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"
        verbose_name = _("legislator import")
        verbose_name_plural = _("legislator imports")
        indexes = [models.Index(fields=["source", "finished_at"], name="legislators_import_idx")]

    def __str__(self) -> str:
        return f"{self.source} @ {self.finished_at:%Y-%m-%d %H:%M}"


class AnswerSet(models.Model):
    """The lookup answers prepared from one state of the legislator data, ready to send.

    Each import prepares a set in its own transaction and makes it the current one, so a
    reader sees the whole old set or the whole new one. `version` is a digest of the
    set's content: an import that changes nothing keeps the set, and its ETags.
    """

    version = models.CharField(_("version"), max_length=32, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_current = models.BooleanField(_("current"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("answer set")
        verbose_name_plural = _("answer sets")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="legislators_one_current_answer_set",
            ),
        ]

    def __str__(self) -> str:
        return self.version


class AnswerFragment(models.Model):
    """A piece of JSON shared by many answers (a member, an office, a seat, a header)."""

    answer_set = models.ForeignKey(
        AnswerSet, on_delete=models.CASCADE, related_name="fragments", verbose_name=_("answer set")
    )
    # "" for a fragment that reads the same in every language.
    language = models.CharField(_("language"), max_length=8, blank=True)
    key = models.CharField(_("key"), max_length=64)
    body = models.BinaryField(_("body"))

    class Meta:
        verbose_name = _("answer fragment")
        verbose_name_plural = _("answer fragments")
        constraints = [
            models.UniqueConstraint(
                fields=["answer_set", "language", "key"], name="legislators_one_fragment_per_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language or '*'}:{self.key}"


class ZipAnswer(models.Model):
    """Which fragments, in which order, make the answer for one ZIP code."""

    answer_set = models.ForeignKey(
        AnswerSet,
        on_delete=models.CASCADE,
        related_name="zip_answers",
        verbose_name=_("answer set"),
    )
    zip_code = models.CharField(_("ZIP code"), max_length=5)
    # Fragment keys separated by spaces (keys have none): cheap to read back by the thousand.
    parts = models.TextField(_("parts"))

    class Meta:
        verbose_name = _("ZIP answer")
        verbose_name_plural = _("ZIP answers")
        constraints = [
            models.UniqueConstraint(
                fields=["answer_set", "zip_code"], name="legislators_one_answer_per_zip"
            ),
        ]

    def __str__(self) -> str:
        return self.zip_code
