import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.publishing import PublicationStatus
from publications.models import Publication
from tests.factories import (
    ParticipantFactory,
    PublicationFactory,
    PublicationsEventFactory,
    PublicationsPlanFactory,
)
from tests.publications.test_models import PNG

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:publications_publication_changelist")
ADD = reverse("admin:publications_publication_add")


def form_data(**overrides):
    data = {
        "kind": "news",
        "title_en": "Admin news",
        "slug": "admin-news",
        "standfirst_en": "",
        "posted_on": "2024-05-06",
        "posted_precision": "day",
        "body_en": "Hello **staff**.\n\n<script>alert(1)</script>",
        "author_en": "",
        "speaker_en": "",
        "image_alt_en": "",
        "publication_status": "draft",
        "publish_at_0": "2024-05-06",
        "publish_at_1": "09:00:00",
    }
    data.update(overrides)
    return data


def test_changelist_with_filters_search_and_date_hierarchy(staff_client):
    PublicationFactory(
        title="Interview 2020", kind="interview", posted_on=datetime.date(2020, 3, 3)
    )
    PublicationFactory(title="Speech 2019", kind="speech", posted_on=datetime.date(2019, 1, 1))
    for params, expected, absent in [
        ({}, "Interview 2020", None),
        ({"kind__exact": "interview"}, "Interview 2020", "Speech 2019"),
        ({"publication_status__exact": "published"}, "Interview 2020", None),
        ({"year": "2019"}, "Speech 2019", "Interview 2020"),
        ({"year": "not-a-year"}, "Speech 2019", None),
        ({"posted_on__year": "2020"}, "Interview 2020", "Speech 2019"),
        ({"q": "Speech"}, "Speech 2019", "Interview 2020"),
    ]:
        response = staff_client.get(CHANGELIST, params)
        assert response.status_code == 200, params
        text = response.content.decode()
        assert expected in text, params
        if absent:
            assert absent not in text, params


def test_changelist_links_to_the_live_page_or_the_preview(staff_client):
    PublicationFactory(slug="live-one")
    PublicationFactory(slug="draft-one", publication_status=PublicationStatus.DRAFT)
    text = staff_client.get(CHANGELIST).content.decode()
    assert 'href="/publications/live-one/" target="_blank" rel="noopener">View on site</a>' in text
    assert 'href="/publications/draft-one/" target="_blank" rel="noopener">Preview' in text


def test_add_form_opens_with_autocomplete_for_related_items(staff_client):
    response = staff_client.get(ADD)
    assert response.status_code == 200
    text = response.content.decode()
    for field in ("related_states", "related_plans", "related_events"):
        assert f'data-field-name="{field}"' in text


def test_staff_create_a_sanitised_draft_with_related_items(staff_client):
    state = ParticipantFactory(name="Kazakhstan")
    plan = PublicationsPlanFactory()
    event = PublicationsEventFactory()
    response = staff_client.post(
        ADD,
        form_data(related_states=[state.pk], related_plans=[plan.pk], related_events=[event.pk]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    publication = Publication.objects.get(slug="admin-news")
    assert publication.body_html == "<p>Hello <strong>staff</strong>.</p>"
    assert list(publication.related_states.all()) == [state]
    assert list(publication.related_plans.all()) == [plan]
    assert list(publication.related_events.all()) == [event]
    assert not publication.is_published


def test_an_image_without_alt_text_is_refused_in_the_admin(staff_client):
    upload = SimpleUploadedFile("photo.png", PNG, content_type="image/png")
    response = staff_client.post(ADD, form_data(image=upload))
    assert response.status_code == 200
    assert "Describe the image" in response.content.decode()
    assert not Publication.objects.exists()


def test_autocomplete_for_related_states_answers(staff_client):
    ParticipantFactory(name="Kazakhstan")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Kaz",
            "app_label": "publications",
            "model_name": "publication",
            "field_name": "related_states",
        },
    )
    assert response.status_code == 200
    assert "Kazakhstan" in response.content.decode()


def test_about_pages_are_edited_as_flatpages(staff_client):
    response = staff_client.get(reverse("admin:flatpages_flatpage_add"))
    assert response.status_code == 200
    assert "Markdown" in response.content.decode()


def test_view_on_site_stays_on_this_host(staff_client):
    publication = PublicationFactory(slug="here")
    change = staff_client.get(
        reverse("admin:publications_publication_change", args=[publication.pk])
    ).content.decode()
    assert 'href="/publications/here/" class="viewsitelink"' in change
