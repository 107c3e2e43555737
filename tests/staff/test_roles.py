import pytest
from django.contrib.auth.models import Group

from staff.roles import ADMIN, EXPORT_DATA, ORGANIZER, REPORTER, VIEW_DASHBOARD
from tests.staff.factories import UserFactory

pytestmark = pytest.mark.django_db


def _codenames(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_the_three_staff_roles_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {ORGANIZER, REPORTER, ADMIN}


def test_reporters_see_dashboards_and_export_but_do_not_edit_campaigns():
    permissions = _codenames(REPORTER)
    assert {VIEW_DASHBOARD, EXPORT_DATA} <= permissions
    assert not any(
        name.split(".")[1].startswith(("add_", "change_", "delete_")) for name in permissions
    )


def test_organizers_see_dashboards_but_cannot_export_supporter_data():
    permissions = _codenames(ORGANIZER)
    assert VIEW_DASHBOARD in permissions
    assert EXPORT_DATA not in permissions


def test_admins_manage_staff_accounts_and_read_everything():
    permissions = _codenames(ADMIN)
    assert {VIEW_DASHBOARD, EXPORT_DATA, "auth.add_user", "auth.change_group"} <= permissions


def test_a_user_gets_the_permissions_of_their_role():
    reporter = UserFactory(role=REPORTER)
    organizer = UserFactory(role=ORGANIZER)
    assert reporter.has_perm(EXPORT_DATA)
    assert not organizer.has_perm(EXPORT_DATA)
    assert organizer.has_perm(VIEW_DASHBOARD)


def test_organizers_build_campaigns_and_approve_organizations_but_do_not_read_supporters():
    permissions = _codenames(ORGANIZER)
    assert {
        "campaigns.add_campaign",
        "campaigns.change_campaign",
        "petitions.add_petition",
        "signups.change_organizationsignon",
        "letters.change_letteraction",
    } <= permissions
    assert "campaigns.view_supporter" not in permissions
    assert "metrics.change_cell" not in permissions


def test_reporters_read_supporters_and_signatures_but_not_the_audit_trail():
    permissions = _codenames(REPORTER)
    assert {"campaigns.view_supporter", "petitions.view_signature"} <= permissions
    assert "campaigns.view_auditentry" not in permissions
    assert "campaigns.view_auditentry" in _codenames(ADMIN)
