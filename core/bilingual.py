"""Content in CICA's two working languages, English and Russian.

django-modeltranslation adds a column per language to the model's own table
(``title_en``, ``title_ru``): a page reads both languages in the row it already reads,
with no join and no extra query, and ``obj.title`` gives the text of the active
language, falling back to English. Each app's translation.py registers its public text
fields through ``register`` below.

django-simple-history builds a model's historical table when the model class is
created, before modeltranslation adds the language columns (when the apps are ready),
so the history would lack them and could not save a record. ``register`` gives the
historical model the same columns, so every change of either language is recorded,
compared and reverted like any other field.
"""

import warnings

from django.db.migrations import RunPython
from django.db.models import F, Q
from django.utils.translation import get_language
from modeltranslation import settings as modeltranslation_settings
from modeltranslation.manager import MultilingualQuerySet, append_fallback
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname
from simple_history.models import transform_field

DEFAULT_LANGUAGE = "en"
# Every language a text can be written in, English first.
LANGUAGE_CODES = tuple(modeltranslation_settings.AVAILABLE_LANGUAGES)
OTHER_LANGUAGES = tuple(code for code in LANGUAGE_CODES if code != DEFAULT_LANGUAGE)


def register(model, fields):
    """Translate ``fields`` of ``model``: English required, Russian optional (NULL when
    absent, so that a unique English name never clashes with another item's missing
    Russian one). The first field names the item: it tells whether a language exists."""
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        {
            "fields": tuple(fields),
            "required_languages": (DEFAULT_LANGUAGE,),
            "empty_values": None,
        },
    )
    with warnings.catch_warnings():
        # Index names past 30 characters are renamed, as Django would: nothing to act on.
        warnings.filterwarnings("ignore", "Index name .* exceeds 30 characters", UserWarning)
        translator.register(model, options)
    model.translated_fields = tuple(fields)
    _add_to_history(model, fields)


def _add_to_history(model, fields):
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager_name is None:
        return
    historical = getattr(model, manager_name).model
    # The plain column (title) holds whichever language was active when the row was
    # saved: the history compares and restores the language columns instead.
    historical.tracked_fields = [f for f in historical.tracked_fields if f.name not in fields]
    for name in fields:
        for code in LANGUAGE_CODES:
            column = build_localized_fieldname(name, code)
            # A plain copy of the language column, as simple-history copies the others.
            original = model._meta.get_field(column)
            # Compared in the history's diff and copied back on revert.
            historical.tracked_fields.append(original)
            field = original.clone()
            field.blank = True
            field.set_attributes_from_name(column)
            transform_field(field)
            historical.add_to_class(column, field)
    historical._meta._expire_cache()


def localized(name, code):
    """The column of field ``name`` in language ``code``: title, ru -> title_ru."""
    return build_localized_fieldname(name, code)


def has_text(obj, name, code):
    """Whether ``obj`` has its own text of field ``name`` in language ``code``."""
    value = getattr(obj, localized(name, code), None)
    return bool(value and str(value).strip())


def shown_in_english(obj, field):
    """Whether ``obj``'s ``field`` is shown in English on the page of the active language
    (it has no text of its own in that language)."""
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    if obj is None or language == DEFAULT_LANGUAGE:
        return False
    return not has_text(obj, field, language) and has_text(obj, field, DEFAULT_LANGUAGE)


def name_field(model):
    return model.translated_fields[0]


def languages_of(obj):
    """The languages in which ``obj`` exists: English, and those its name is written in."""
    field = name_field(type(obj))
    return [
        code for code in LANGUAGE_CODES if code == DEFAULT_LANGUAGE or has_text(obj, field, code)
    ]


def in_any_language(name, lookup, value):
    """A filter on field ``name`` in every language: a Russian page shows English text
    where an item has no Russian, so a search there must find it by its English text."""
    condition = Q()
    for code in LANGUAGE_CODES:
        condition |= Q(**{f"{localized(name, code)}__{lookup}": value})
    return condition


def missing(model, code):
    """A filter: the rows whose name has no text in language ``code``."""
    column = localized(name_field(model), code)
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def copy_into_english(app_label, model_names):
    """A migration operation: the text stored before translation becomes the English
    text (``title`` -> ``title_en``), in the rows and in their history."""

    def forwards(apps, schema_editor):
        for name in model_names:
            for model_name in (name, f"Historical{name}"):
                try:
                    model = apps.get_model(app_label, model_name)
                except LookupError:
                    continue
                names = {field.name for field in model._meta.concrete_fields}
                english = {
                    localized(base, DEFAULT_LANGUAGE): F(base)
                    for base in names
                    if localized(base, DEFAULT_LANGUAGE) in names
                }
                rows = model._base_manager.all()
                # Outside migrations (tests), modeltranslation would read F("title") as
                # the active language's column.
                rows = rows.rewrite(False) if hasattr(rows, "rewrite") else rows
                rows.update(**english)

    return RunPython(forwards, RunPython.noop, elidable=True)


def _values_in_the_order_asked(self, *original, **kwargs):
    """MultilingualQuerySet._values, keeping the columns in the order asked for.

    modeltranslation 0.20 selects values()/values_list() columns in the order of a set
    (a different order in each process), so the columns of two querysets joined by
    union() could pair the wrong way (plans/tally.py, plans/querysets.py). Same
    behaviour otherwise: the fallback columns of translated fields are added after.
    """
    selects_all = kwargs.pop("selects_all", False)
    if not kwargs.pop("prepare", False):
        return super(MultilingualQuerySet, self)._values(*original, **kwargs)
    new_fields, translation_fields = append_fallback(self.model, original)
    if selects_all:
        new_fields.update(self.query.annotation_select.keys())
    ordered = [name for name in original if name in new_fields]
    ordered += sorted(new_fields.difference(ordered))
    clone = super(MultilingualQuerySet, self)._values(*ordered, **kwargs)
    clone.original_fields = tuple(original)
    clone.translation_fields = translation_fields
    return clone


MultilingualQuerySet._values = _values_in_the_order_asked
