import django_filters
from django.utils.translation import gettext_lazy as _

from core.widgets import FilterSelect

from .models import Publication, PublicationKind


class PublicationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        widget=FilterSelect,
        choices=PublicationKind.choices,
        label=_("Kind"),
        empty_label=_("All kinds"),
    )
    # Choices are the years that have publications: anything else is a form error.
    year = django_filters.ChoiceFilter(
        widget=FilterSelect,
        field_name="posted_on",
        lookup_expr="year",
        label=_("Year"),
        empty_label=_("All years"),
    )

    class Meta:
        model = Publication
        fields = ["kind", "year"]

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
        # A form field built on the class's own filter (the OpenAPI description builds
        # them) would come along in the copy with no choices, refusing every year.
        self.filters["year"].__dict__.pop("_field", None)
