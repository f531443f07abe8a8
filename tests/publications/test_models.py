import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from core.publishing import PublicationStatus
from publications.models import Publication
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

ALMATY = datetime.timezone(datetime.timedelta(hours=5))


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


# A tiny real PNG: uploads are checked by content (JPEG, PNG and WebP only).
PNG = _png()


def test_body_is_rendered_and_sanitised_on_save():
    publication = PublicationFactory(body="Hello *world*.\n\n<script>alert(1)</script>")
    assert publication.body_html == "<p>Hello <em>world</em>.</p>"
    stored = Publication.objects.get(pk=publication.pk)
    assert stored.body_html == "<p>Hello <em>world</em>.</p>"


def test_body_html_follows_a_partial_save_of_the_body():
    publication = PublicationFactory(body="Old.")
    publication.body = "New **text**."
    publication.save(update_fields=["body"])
    assert (
        Publication.objects.get(pk=publication.pk).body_html == "<p>New <strong>text</strong>.</p>"
    )


def test_an_image_requires_alt_text_in_forms():
    publication = PublicationFactory.build(
        slug="with-image", image=SimpleUploadedFile("photo.png", PNG, "image/png"), image_alt=""
    )
    with pytest.raises(ValidationError) as error:
        publication.full_clean()
    # The English alt text is the required one (the admin form names it image_alt_en).
    assert "image_alt_en" in error.value.message_dict


def test_an_image_with_alt_text_is_valid():
    publication = PublicationFactory.build(
        slug="with-image",
        image=SimpleUploadedFile("photo.png", PNG, "image/png"),
        image_alt="The Secretariat building in Astana",
    )
    publication.full_clean()


def test_the_database_refuses_an_image_without_alt_text():
    publication = PublicationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).update(image="publications/x.png")


def test_description_prefers_the_standfirst_and_falls_back_to_plain_text():
    assert PublicationFactory(standfirst="Lead.").description == "Lead."
    publication = PublicationFactory(standfirst="", body="Fish & *chips*.")
    assert publication.description == "Fish & chips."


def test_str_and_absolute_url():
    publication = PublicationFactory(title="A title", slug="a-title")
    assert str(publication) == "A title"
    assert publication.get_absolute_url() == "/publications/a-title/"


def test_scheduled_publication_appears_at_its_time_by_itself():
    publish_at = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=ALMATY)
    with time_machine.travel(publish_at - datetime.timedelta(hours=1), tick=False):
        publication = PublicationFactory(publish_at=publish_at)
        assert not Publication.objects.published().filter(pk=publication.pk).exists()
        assert not publication.is_published
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1), tick=False):
        assert Publication.objects.published().filter(pk=publication.pk).exists()


def test_drafts_and_withdrawn_items_are_never_published():
    draft = PublicationFactory(publication_status=PublicationStatus.DRAFT)
    withdrawn = PublicationFactory(publication_status=PublicationStatus.WITHDRAWN)
    shown = PublicationFactory()
    published = set(Publication.objects.published())
    assert shown in published
    assert draft not in published and withdrawn not in published
    assert timezone.is_aware(shown.publish_at)
