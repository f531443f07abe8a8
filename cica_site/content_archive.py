"""Export all content to one versioned JSON archive, and restore it into an empty database.

The archive holds every content model with its history and the *names* of uploaded
files (media is backed up separately, see docs/operations.md). Staff accounts travel without
their password hashes: restored accounts must set a new password.
"""

import datetime
import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import FileField

ARCHIVE_FORMAT = "cica-content"
ARCHIVE_VERSION = 1
CONTENT_APPS = ["members", "plans", "events", "publications", "sites", "flatpages"]
# Kept by the database from other tables (plans/tally.py): its triggers count the plans
# again as they are restored, so the archive leaves it out.
DERIVED_MODELS = {"plans.PublishedPlanTally"}


class ArchiveError(Exception):
    pass


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes and times to milliseconds; the archive keeps every
    digit, so that a restored site shows exactly the same timestamps (Atom <updated>)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def content_models():
    models = []
    for label in CONTENT_APPS:
        try:
            models.extend(
                model
                for model in apps.get_app_config(label).get_models()
                if model._meta.label not in DERIVED_MODELS
            )
        except LookupError:
            continue
    return serializers.sort_dependencies([(None, models)], allow_cycles=True)


def _file_references(models):
    references = []
    for model in models:
        file_fields = [f.name for f in model._meta.get_fields() if isinstance(f, FileField)]
        if not file_fields:
            continue
        for row in model._default_manager.values_list(*file_fields):
            references.extend(name for name in row if name)
    return sorted(set(references))


def export_archive():
    User = get_user_model()
    models = content_models()
    users = [
        {
            "pk": user.pk,
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_staff": user.is_staff,
            "is_active": user.is_active,
            "groups": list(user.groups.values_list("name", flat=True)),
        }
        for user in User.objects.order_by("pk")
    ]
    objects = []
    for model in models:
        queryset = model._default_manager.order_by("pk")
        objects.extend(
            json.loads(serializers.serialize("json", queryset, cls=FullPrecisionEncoder))
        )
    return {
        "format": ARCHIVE_FORMAT,
        "version": ARCHIVE_VERSION,
        "exported_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "users": users,
        "objects": objects,
        "files": _file_references(models),
    }


def _database_has_content():
    return any(
        model._default_manager.exists()
        for model in content_models()
        if model._meta.app_label != "sites"
    )


@transaction.atomic
def import_archive(archive):
    if archive.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError("This is not a CICA content archive.")
    if archive.get("version") != ARCHIVE_VERSION:
        raise ArchiveError(
            f"Archive version {archive.get('version')} is not supported "
            f"(this site reads version {ARCHIVE_VERSION})."
        )
    if _database_has_content():
        raise ArchiveError("The database already holds content: import only into an empty one.")
    User = get_user_model()
    Group = apps.get_model("auth", "Group")
    for entry in archive["users"]:
        user, _ = User.objects.update_or_create(
            pk=entry["pk"],
            defaults={
                "username": entry["username"],
                "first_name": entry["first_name"],
                "last_name": entry["last_name"],
                "email": entry["email"],
                "is_staff": entry["is_staff"],
                "is_active": entry["is_active"],
            },
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=entry["groups"]))
    if apps.is_installed("django.contrib.sites"):
        # A fresh database has the default example.com site; the archive brings the real one.
        apps.get_model("sites", "Site").objects.all().delete()
    count = 0
    for restored in serializers.deserialize("json", json.dumps(archive["objects"])):
        restored.save()
        count += 1
    _reset_sequences()
    return count


def _reset_sequences():
    sql = connection.ops.sequence_reset_sql(no_style(), [*content_models(), get_user_model()])
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)
