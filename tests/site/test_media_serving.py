"""Uploaded files under `make run` (DEBUG): served by Django; in production, never."""

import importlib

import pytest
from django.urls import clear_url_caches

import cica_site.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls_built_with(settings):
    """Rebuilds the URLconf as it is imported with the given DEBUG, then as it was."""

    def build(debug):
        settings.DEBUG = debug
        importlib.reload(cica_site.urls)
        clear_url_caches()

    yield build
    settings.DEBUG = False
    importlib.reload(cica_site.urls)
    clear_url_caches()


@pytest.fixture
def uploaded_document(settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "documents").mkdir()
    (settings.MEDIA_ROOT / "documents" / "report.pdf").write_bytes(b"%PDF-1.7 uploaded")
    return "/media/documents/report.pdf"


def test_development_mode_serves_uploaded_files(client, urls_built_with, uploaded_document):
    urls_built_with(debug=True)
    response = client.get(uploaded_document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 uploaded"
    assert response["Content-Type"] == "application/pdf"
    assert client.get("/media/documents/missing.pdf").status_code == 404


def test_production_leaves_media_to_the_front_server(client, urls_built_with, uploaded_document):
    urls_built_with(debug=False)
    assert client.get(uploaded_document).status_code == 404
