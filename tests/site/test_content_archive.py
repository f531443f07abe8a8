import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cica_site.content_archive import content_models, export_archive
from members.models import Participant

pytestmark = pytest.mark.django_db


def public_pages():
    """Every public page whose content comes from the archive."""
    paths = ["/", "/members/", "/members/?sort=year"]
    paths += [p.get_absolute_url() for p in Participant.objects.published()]
    return paths


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
    call_command("load_demo", verbosity=0)
    paths = public_pages()
    before = snapshot(client, paths)
    archive_file = tmp_path / "archive.json"
    call_command("export_content", str(archive_file), verbosity=0)

    empty_content()
    assert client.get("/members/kazakhstan/").status_code == 404

    call_command("import_content", str(archive_file), verbosity=0)
    after = snapshot(client, paths)
    assert after == before


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
