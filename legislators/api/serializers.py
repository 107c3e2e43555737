from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from legislators.forms import zip_error_message
from legislators.models import Committee, CommitteeMembership, DistrictOffice, Legislator
from legislators.services.lookup import classify_zip_input

# What the lookup reads as a ZIP code (classify_zip_input says which error otherwise).
ZIP_PATTERN = r"^\s*\d{5}(?:-?\d{4})?\s*$"


@extend_schema_field({"type": "string", "pattern": ZIP_PATTERN})
class ZipField(serializers.CharField):
    """A ZIP code, documented with its pattern; `validate_zip` explains a wrong one."""


class RepresentativesQuerySerializer(serializers.Serializer):
    address = serializers.CharField(
        required=False,
        max_length=300,
        help_text=_(
            "One-line street address, e.g. '1600 Pennsylvania Ave NW, Washington, DC 20500'."
        ),
    )
    # No max_length: the pattern bounds it, surrounding spaces aside (they are trimmed).
    zip = ZipField(required=False, help_text=_("5-digit ZIP code or ZIP+4."))

    def validate_address(self, value: str) -> str:
        if not value.strip():
            raise serializers.ValidationError(_("Enter a street address."))
        return value.strip()

    def validate_zip(self, value: str) -> str:
        zip5, code = classify_zip_input(value)
        if zip5 is None:
            raise serializers.ValidationError(zip_error_message(code), code=code)
        return value.strip()

    def validate(self, attrs):
        if not attrs.get("address") and not attrs.get("zip"):
            raise serializers.ValidationError(
                {"address": [_("Give an address or a zip parameter.")]}, code="required"
            )
        return attrs


@extend_schema_field({"type": "string", "pattern": "^([A-Za-z]{2})?$"})
class StateFilterField(serializers.RegexField):
    """A state's USPS code; empty (`?state=`, as a form with no state chosen sends it)
    means every state."""


class LegislatorListQuerySerializer(serializers.Serializer):
    state = StateFilterField(r"^[A-Za-z]{2}$", required=False)
    chamber = serializers.ChoiceField(choices=Legislator.Chamber.choices, required=False)
    committee = serializers.RegexField(
        r"^[A-Z0-9]{2,16}$", required=False, help_text=_("Committee THOMAS id, e.g. SSJU.")
    )
    current = serializers.BooleanField(required=False, default=True)
    page = serializers.IntegerField(required=False, min_value=1)


class DistrictOfficeSerializer(serializers.ModelSerializer):
    class Meta:
        model = DistrictOffice
        fields = [
            "office_id",
            "address",
            "suite",
            "building",
            "city",
            "state",
            "zip_code",
            "phone",
            "fax",
            "latitude",
            "longitude",
        ]


class CommitteeRefSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="thomas_id", read_only=True)

    class Meta:
        model = Committee
        fields = ["thomas_id", "name", "type", "parent"]


class MembershipSerializer(serializers.ModelSerializer):
    committee = CommitteeRefSerializer()

    class Meta:
        model = CommitteeMembership
        fields = ["committee", "side", "rank", "title"]


class LegislatorSummarySerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="role_title")

    class Meta:
        model = Legislator
        fields = [
            "bioguide_id",
            "official_full_name",
            "title",
            "party",
            "chamber",
            "state",
            "district",
            "dc_phone",
            "website",
            "contact_form_url",
        ]


class LegislatorSerializer(LegislatorSummarySerializer):
    offices = DistrictOfficeSerializer(many=True)
    committees = MembershipSerializer(source="committee_memberships", many=True)

    class Meta(LegislatorSummarySerializer.Meta):
        fields = [
            *LegislatorSummarySerializer.Meta.fields,
            "first_name",
            "middle_name",
            "last_name",
            "suffix",
            "nickname",
            "senate_class",
            "state_rank",
            "term_start",
            "term_end",
            "dc_office",
            "dc_address",
            "social",
            "is_current",
            "offices",
            "committees",
        ]


class RepresentativeSerializer(LegislatorSummarySerializer):
    """A member in a lookup answer: contact details, the nearest district office and
    committees; every office and the rest are at /api/v1/legislators/{bioguide_id}."""

    nearest_office = serializers.SerializerMethodField()
    committees = MembershipSerializer(source="committee_memberships", many=True)

    class Meta(LegislatorSummarySerializer.Meta):
        fields = [*LegislatorSummarySerializer.Meta.fields, "nearest_office", "committees"]

    @extend_schema_field(DistrictOfficeSerializer(allow_null=True))
    def get_nearest_office(self, legislator) -> dict | None:
        office = self.context.get("nearest_offices", {}).get(legislator.bioguide_id)
        return DistrictOfficeSerializer(office).data if office else None


class CandidateSerializer(serializers.Serializer):
    state = serializers.CharField()
    district = serializers.IntegerField(help_text=_("0 = at-large or delegate district"))
    label = serializers.CharField()
    member_title = serializers.CharField()
    representative = serializers.SerializerMethodField()

    @extend_schema_field(RepresentativeSerializer(allow_null=True))
    def get_representative(self, candidate) -> dict | None:
        if candidate.representative is None:
            return None
        return RepresentativeSerializer(candidate.representative, context=self.context).data


class LookupResultSerializer(serializers.Serializer):
    precision = serializers.ChoiceField(choices=["address", "zip", "none"])
    certain = serializers.BooleanField()
    state = serializers.CharField(allow_null=True)
    district = serializers.IntegerField(allow_null=True)
    senators_certain = serializers.BooleanField()
    fell_back = serializers.BooleanField()
    code = serializers.CharField()
    message = serializers.CharField()
    candidates = CandidateSerializer(many=True)
    senators = RepresentativeSerializer(many=True)
    states_without_senators = serializers.ListField(child=serializers.CharField())


class LookupHeadSerializer(LookupResultSerializer):
    """What an answer says before its lists of members: the part prepared per set of seats."""

    candidates = None
    senators = None
    states_without_senators = None
