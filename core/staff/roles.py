"""The two Secretariat roles, as Django groups with exactly the permissions they need.

Editors create and edit drafts of all content and upload documents. Publishers may
also publish, unpublish and record plan status changes. Deleting stays with
superusers, so nothing is lost by a slip in the admin.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

EDITOR = "Secretariat editor"
PUBLISHER = "Secretariat publisher"

# (app_label, model_name) of everything staff edit.
CONTENT_MODELS = [
    ("members", "participant"),
    ("members", "statuschange"),
    ("members", "chairmanship"),
    ("plans", "dimension"),
    ("plans", "priorityarea"),
    ("plans", "plan"),
    ("plans", "coordination"),
    ("plans", "measure"),
    ("plans", "plandocument"),
    ("events", "event"),
    ("events", "eventdocument"),
    ("publications", "publication"),
]
# About pages and the Secretariat contact have no draft state: whatever is saved is
# public at once, so only publishers may add or change them; editors may look.
PUBLISHER_ONLY_MODELS = [
    ("flatpages", "flatpage"),
    ("cica_site", "secretariat"),
    ("cica_site", "secretariathead"),
]
# Records only the workflow writes: staff may look, never edit.
VIEW_ONLY_MODELS = [("plans", "statuschange")]
PUBLISHER_EXTRA = [
    ("members", "publish_participant"),
    ("plans", "publish_plan"),
    ("plans", "change_plan_status"),
    ("events", "publish_event"),
    ("publications", "publish_publication"),
]


def _permissions(Permission, ContentType, app_label, model_name, actions):
    try:
        model = global_apps.get_model(app_label, model_name)
    except LookupError:
        return []
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    codenames = [f"{action}_{model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def sync_roles(apps=global_apps, verbosity=0):
    """Create or update both groups. Idempotent; safe on every migrate."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=verbosity)
    Group = apps.get_model("auth", "Group")
    Permission = global_apps.get_model("auth", "Permission")
    ContentType = global_apps.get_model("contenttypes", "ContentType")

    editor_permissions = []
    for app_label, model_name in CONTENT_MODELS:
        editor_permissions += _permissions(
            Permission, ContentType, app_label, model_name, ["add", "change", "view"]
        )
    for app_label, model_name in VIEW_ONLY_MODELS + PUBLISHER_ONLY_MODELS:
        editor_permissions += _permissions(Permission, ContentType, app_label, model_name, ["view"])
    publisher_permissions = list(editor_permissions)
    for app_label, model_name in PUBLISHER_ONLY_MODELS:
        publisher_permissions += _permissions(
            Permission, ContentType, app_label, model_name, ["add", "change"]
        )
    for app_label, codename in PUBLISHER_EXTRA:
        publisher_permissions += Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )

    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set([p.pk for p in editor_permissions])
    publisher, _ = Group.objects.get_or_create(name=PUBLISHER)
    publisher.permissions.set([p.pk for p in publisher_permissions])
    return editor, publisher
