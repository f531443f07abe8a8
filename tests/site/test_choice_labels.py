import pytest
from django.apps import apps
from django.db import models

from core.choice_labels import ChoiceLabelsMixin

MODELS = [model for model in apps.get_models() if issubclass(model, ChoiceLabelsMixin)]


def test_the_content_models_use_it():
    names = {model._meta.label for model in MODELS}
    assert {"plans.Plan", "plans.StatusChange", "events.Event", "members.Participant"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_labels_equal_djangos_for_every_choice_and_unknown_values(model):
    fields = [field for field in model._meta.concrete_fields if field.choices]
    assert fields
    for field in fields:
        display = getattr(model, f"get_{field.name}_display")
        for value in [value for value, _label in field.flatchoices] + ["not-a-choice", None]:
            instance = model()
            setattr(instance, field.attname, value)
            expected = models.Model._get_FIELD_display(instance, field)
            assert display(instance) == expected, (field.name, value)
            assert type(display(instance)) is type(expected)
