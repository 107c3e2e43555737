"""Staff roles: which group may do what.

Organizer: builds campaigns and their actions, publishes/closes/archives them,
approves organizations, and sees the dashboards.
Reporter: dashboards, exports and the private API (supporter data).
Admin: everything, including the audit trail and staff accounts.

`roles_sync` is called from data migrations with the historical app registry,
so it only relies on models present in the migration state.
"""

from django.contrib.auth.management import create_permissions

from campaigns.models import Campaign

ORGANIZER = "Organizer"
REPORTER = "Reporter"
ADMIN = "Admin"
ROLE_NAMES = (ORGANIZER, REPORTER, ADMIN)

VIEW_DASHBOARD = "staff.view_dashboard"
EXPORT_DATA = "staff.export_data"
PREVIEW_CAMPAIGN = Campaign.PREVIEW_PERMISSION

# Apps whose rows staff work with.
CAMPAIGN_APPS = ("campaigns", "movement", "petitions", "letters", "calls", "signups")
# Models holding what supporters sent us: never edited by hand, only reporters read them.
PERSONAL_MODELS = {
    "supporter",
    "consentrecord",
    "signature",
    "signup",
    "organizationsignon",
    "updatessubscription",
    "letter",
    "delivery",
    "calllog",
}
# Written only by the code (the audit trail, who took part, offices reached); nobody edits
# them. The totals (the metrics app) are for admins only.
SYSTEM_MODELS = {"auditentry", "participation", "officereach"}
# Organizers approve or reject organizations that sign on.
ORGANIZER_REVIEWS = {"organizationsignon"}
ADMIN_APPS = (*CAMPAIGN_APPS, "legislators", "metrics", "staff", "auth", "authtoken", "axes")


def _ensure_permissions(apps) -> None:
    """Create content types and permissions now; Django would only do it after migrate."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _codenames_for(apps, app_label: str) -> dict[str, list[str]]:
    """{model name: [codename, ...]} for the models of one app in this state."""
    try:
        app_config = apps.get_app_config(app_label)
    except LookupError:
        return {}
    result = {}
    for model in app_config.get_models():
        opts = model._meta
        codenames = [f"{action}_{opts.model_name}" for action in opts.default_permissions]
        codenames += [codename for codename, _name in opts.permissions]
        result[opts.model_name] = codenames
    return result


def role_permissions(apps) -> dict[str, set[tuple[str, str]]]:
    """{role: {(app_label, codename), ...}} for the models present in `apps`."""
    reports = {("staff", "view_dashboard"), ("staff", "export_data")}
    roles = {
        ORGANIZER: {("staff", "view_dashboard")},
        REPORTER: set(reports),
        ADMIN: set(reports),
    }
    for app_label in ADMIN_APPS:
        for model_name, codenames in _codenames_for(apps, app_label).items():
            roles[ADMIN].update((app_label, codename) for codename in codenames)
            if app_label not in (*CAMPAIGN_APPS, "legislators"):
                continue
            view = (app_label, f"view_{model_name}")
            if model_name not in SYSTEM_MODELS:
                roles[REPORTER].add(view)
            if model_name in ORGANIZER_REVIEWS:
                roles[ORGANIZER].update({view, (app_label, f"change_{model_name}")})
            elif model_name in PERSONAL_MODELS or model_name in SYSTEM_MODELS:
                continue
            elif app_label == "legislators":
                roles[ORGANIZER].add(view)
            else:
                roles[ORGANIZER].update((app_label, codename) for codename in codenames)
    roles[ADMIN].add(("campaigns", "view_auditentry"))
    return roles


def roles_sync(apps, schema_editor=None) -> None:
    """Create the three groups and set exactly their permissions (safe to repeat)."""
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in role_permissions(apps).items():
        group, _created = Group.objects.get_or_create(name=role)
        labels = {app_label for app_label, _codename in wanted}
        candidates = Permission.objects.filter(content_type__app_label__in=labels)
        permissions = [
            permission
            for permission in candidates.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        group.permissions.set(permissions)
