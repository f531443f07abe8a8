import json

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from cica_site.content_archive import content_models, export_archive
from events.models import Event
from plans.models import Plan
from publications.models import Publication, PublicationKind
from tests.security.public_pages import public_pages

pytestmark = pytest.mark.django_db


def snapshot(client, paths):
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content.decode()
    return pages


def empty_content():
    for model in reversed(content_models()):
        if model._meta.app_label != "sites":
            model._default_manager.all().delete()


def test_round_trip_restores_every_public_page(client, tmp_path):
    # Frozen: feeds, calendars and "upcoming" must not differ by the seconds between runs.
    with time_machine.travel(timezone.now(), tick=False):
        call_command("load_demo", verbosity=0)
        paths = public_pages()
        before = snapshot(client, paths)
        archive_file = tmp_path / "archive.json"
        call_command("export_content", str(archive_file), verbosity=0)

        empty_content()
        assert client.get("/members/kazakhstan/").status_code == 404
        assert not (Publication.objects.exists() or Event.objects.exists() or Plan.objects.exists())

        call_command("import_content", str(archive_file), verbosity=0)
        after = snapshot(client, paths)
    differing = [path for path in paths if after[path] != before[path]]
    assert not differing, f"pages that differ after the round trip: {differing}"


def test_round_trip_covers_every_kind_of_public_page():
    """The comparison above reads each page type, with content on each (not empty lists)."""
    call_command("load_demo", verbosity=0)
    paths = public_pages()
    for prefix in ("/members/", "/plans/", "/events/", "/publications/", "/about/", "/search/"):
        assert sum(path.startswith(prefix) for path in paths) >= 3, prefix
    assert any(path.endswith(".ics") and path != "/events/calendar.ics" for path in paths)
    assert any("/feed/" in path for path in paths if path.startswith("/publications/feed/"))
    kinds = {path.split("/")[3] for path in paths if path.startswith("/publications/feed/")}
    assert kinds & set(PublicationKind.values)


def test_archive_is_versioned_and_keeps_history(staff_user):
    call_command("load_demo", verbosity=0)
    archive = export_archive()
    assert archive["format"] == "cica-content" and archive["version"] == 1
    models = {entry["model"] for entry in archive["objects"]}
    assert "members.historicalparticipant" in models
    assert all("password" not in user for user in archive["users"])


def test_import_refuses_a_database_with_content(tmp_path):
    call_command("load_demo", verbosity=0)
    archive_file = tmp_path / "archive.json"
    archive_file.write_text(json.dumps(export_archive()))
    with pytest.raises(CommandError, match="already holds content"):
        call_command("import_content", str(archive_file))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "Cannot read"),
        ('{"format": "other"}', "not a CICA content archive"),
        ('{"format": "cica-content", "version": 99}', "version 99 is not supported"),
    ],
)
def test_import_rejects_bad_archives_without_touching_data(tmp_path, content, message):
    archive_file = tmp_path / "archive.json"
    archive_file.write_text(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_content", str(archive_file))
