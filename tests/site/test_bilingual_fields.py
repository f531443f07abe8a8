"""Texts in English and Russian in the same row (core/bilingual.py), history included."""

import pytest
from django.apps import apps
from django.contrib.flatpages.models import FlatPage
from django.utils import translation

from core.bilingual import copy_into_english, languages_of
from events.models import Event
from members.models import Participant
from plans.models import Dimension, Plan
from publications.models import Publication
from tests.factories import EventFactory, ParticipantFactory, PlanFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Participant, ["name", "official_name", "summary"]),
        (Dimension, ["name", "description"]),
        (Plan, ["title", "summary", "body"]),
        (Event, ["title", "summary", "body", "city", "venue"]),
        (Publication, ["title", "standfirst", "body", "image_alt"]),
        (FlatPage, ["title", "content"]),
    ],
)
def test_every_public_text_has_a_column_per_language_in_the_row_and_its_history(model, fields):
    columns = {field.name for field in model._meta.concrete_fields}
    history_columns = {field.name for field in model.history.model._meta.concrete_fields}
    for name in fields:
        assert {f"{name}_en", f"{name}_ru"} <= columns
        assert {f"{name}_en", f"{name}_ru"} <= history_columns


def test_the_active_language_reads_its_text_and_falls_back_to_english():
    plan = PlanFactory(title="Action Plan on Energy", summary="In English only.")
    plan.title_ru = "План действий в области энергетики"
    plan.save()
    plan = Plan.objects.get(pk=plan.pk)
    with translation.override("ru"):
        assert plan.title == "План действий в области энергетики"
        assert plan.summary == "In English only."
    with translation.override("en"):
        assert plan.title == "Action Plan on Energy"
    assert languages_of(plan) == ["en", "ru"]
    assert languages_of(PlanFactory()) == ["en"]


def test_the_history_records_a_russian_edit_and_reverts_it():
    state = ParticipantFactory(name="Kazakhstan")
    state.name_ru = "Казахстан"
    state.save()
    newest, previous = state.history.all()[:2]
    delta = newest.diff_against(previous)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("name_ru", None, "Казахстан")]
    # Reverting to the English-only version takes the Russian name away again.
    previous.instance.save()
    state.refresh_from_db()
    assert state.name_ru is None and state.name_en == "Kazakhstan"


def test_each_language_of_a_publication_body_is_rendered_to_its_own_html():
    publication = PublicationFactory(body="**Bold** text.")
    publication.body_ru = "**Жирный** текст."
    publication.save()
    publication.refresh_from_db()
    assert publication.body_html_en == "<p><strong>Bold</strong> text.</p>"
    assert publication.body_html_ru == "<p><strong>Жирный</strong> текст.</p>"
    with translation.override("ru"):
        assert "Жирный" in publication.body_html
    english_only = PublicationFactory(body="Only English.")
    assert english_only.body_html_ru is None
    with translation.override("ru"):
        assert english_only.body_html == "<p>Only English.</p>"


def test_the_migration_makes_the_existing_text_the_english_text():
    event = EventFactory(title="Summit")
    Event.objects.filter(pk=event.pk).update(title_en=None)
    Event.history.model.objects.filter(id=event.pk).update(title_en=None)
    copy_into_english("events", ["Event"]).code(apps, None)
    event.refresh_from_db()
    assert event.title_en == "Summit"
    assert event.history.first().title_en == "Summit"
