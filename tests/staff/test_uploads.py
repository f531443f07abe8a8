import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import sniff_document_type, validate_document, validate_image


def image_bytes(fmt):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, format=fmt)
    return buffer.getvalue()


def zip_bytes(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
DOCX = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("report.pdf", PDF, "pdf"), ("paper.docx", DOCX, "docx"), ("paper.odt", ODT, "odt")],
)
def test_documents_accepted_by_content(name, content, kind):
    upload = SimpleUploadedFile(name, content)
    validate_document(upload)
    assert sniff_document_type(upload) == kind


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.pdf", b"<html><script>alert(1)</script></html>"),
        ("macro.docx", zip_bytes({"other.xml": "<x/>"})),
        ("fake.odt", zip_bytes({"mimetype": "application/x-evil"})),
        ("broken.docx", b"PK\x03\x04 not really a zip"),
        ("empty.pdf", b""),
        ("image.pdf", image_bytes("PNG")),
    ],
)
def test_other_files_refused_whatever_their_name(name, content):
    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile(name, content))
    assert "Only PDF, DOCX and ODT" in str(error.value)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_images_accepted(fmt):
    validate_image(SimpleUploadedFile("picture.bin", image_bytes(fmt)))


@pytest.mark.parametrize(
    "content", [image_bytes("GIF"), image_bytes("BMP"), b"<svg onload=alert(1)>", PDF]
)
def test_other_images_refused(content):
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("picture.png", content))


def test_oversized_files_refused(settings):
    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile("big.pdf", PDF + b" " * 2048))
    assert "limit" in str(error.value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory_name", "content", "extension"),
    [
        ("PlanDocumentFactory", PDF, "pdf"),
        ("EventDocumentFactory", DOCX, "docx"),
        ("PlanDocumentFactory", ODT, "odt"),
    ],
)
def test_documents_are_stored_under_generated_names_with_the_proved_type(
    factory_name, content, extension
):
    import re

    from tests import factories

    upload = SimpleUploadedFile("../../etc/passwd.html", content)
    document = getattr(factories, factory_name)(file=upload)
    document.full_clean()
    assert re.fullmatch(rf"(plans|events)/\d{{4}}/[0-9a-f]{{32}}\.{extension}", document.file.name)


@pytest.mark.django_db
def test_refused_document_never_reaches_storage():
    from plans.models import PlanDocument

    document = PlanDocument(title="Bad", file=SimpleUploadedFile("x.pdf", b"<script>1</script>"))
    with pytest.raises(ValidationError):
        document.full_clean(exclude=["plan"])


@pytest.mark.django_db
def test_publication_image_through_the_admin(staff_client):
    from publications.models import Publication

    base = {
        "kind": "news",
        "title_en": "With picture",
        "slug": "with-picture",
        "standfirst_en": "",
        "posted_on": "2026-11-01",
        "posted_precision": "day",
        "body_en": "Text",
        "author_en": "",
        "speaker_en": "",
        "image_alt_en": "A meeting room",
        "publication_status": "draft",
        "publish_at_0": "2026-11-01",
        "publish_at_1": "10:00:00",
    }
    refused = staff_client.post(
        "/admin/publications/publication/add/",
        {**base, "image": SimpleUploadedFile("photo.png", image_bytes("GIF"))},
    )
    assert refused.status_code == 200
    assert "Only JPEG, PNG and WebP images" in refused.content.decode()
    assert not Publication.objects.filter(slug="with-picture").exists()

    accepted = staff_client.post(
        "/admin/publications/publication/add/",
        {**base, "image": SimpleUploadedFile("photo.gif", image_bytes("WEBP"))},
    )
    assert accepted.status_code == 302
    saved = Publication.objects.get(slug="with-picture")
    assert saved.image.name.endswith(".webp")
