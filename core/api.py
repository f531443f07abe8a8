"""What every app's read-only API (``<app>/api.py``) shares: links, partial dates,
pagination and the filter backend. The router that puts them under /api/v1/ is in
cica_site/api_urls.py, the only package that imports every app.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.reverse import reverse
from rest_framework.throttling import AnonRateThrottle

from .partial_dates import DatePrecision, format_partial_date


def iso_partial_date(value, precision):
    """The date as far as it is known: 2008-08-23, 2023-12 or 2023 (never a made-up day)."""
    if value is None:
        return None
    if precision == DatePrecision.MONTH:
        return value.strftime("%Y-%m")
    if precision in (DatePrecision.YEAR, DatePrecision.BY_YEAR):
        return str(value.year)
    return value.isoformat()


PARTIAL_DATE_SCHEMA = inline_serializer(
    name="PartialDate",
    fields={
        "date": serializers.CharField(
            help_text=_("ISO 8601 as far as known: YYYY-MM-DD, YYYY-MM or YYYY.")
        ),
        "precision": serializers.ChoiceField(choices=DatePrecision.choices),
        "text": serializers.CharField(help_text=_("The date as the pages write it.")),
    },
    allow_null=True,
)


@extend_schema_field(PARTIAL_DATE_SCHEMA)
class PartialDateField(serializers.Field):
    """{date, precision, text} from a date field and its precision field, or null.

    ``source`` names the date field; ``precision`` the field holding its precision.
    """

    def __init__(self, precision, **kwargs):
        self.precision_attr = precision
        kwargs.update(read_only=True, source="*")
        self.date_attr = kwargs.pop("date")
        super().__init__(**kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.date_attr)
        if value is None:
            return None
        precision = getattr(instance, self.precision_attr) or DatePrecision.DAY
        return {
            "date": iso_partial_date(value, precision),
            "precision": precision,
            "text": str(format_partial_date(value, precision)),
        }


@extend_schema_field(OpenApiTypes.URI)
class PageUrlField(serializers.Field):
    """The absolute address of the object's public page (get_absolute_url)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, instance):
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiUrlField(serializers.Field):
    """The absolute address of the object in the API, by its slug (or other lookup)."""

    def __init__(self, view_name, lookup_field="slug", **kwargs):
        self.view_name, self.lookup_field = view_name, lookup_field
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.lookup_field)
        return reverse(
            f"api:{self.view_name}-detail",
            kwargs={self.lookup_field: value},
            request=self.context["request"],
        )


def choice_label(source):
    """The translated label of a choices field (get_<field>_display()), beside its code."""
    return serializers.CharField(source=f"get_{source}_display", read_only=True)


def link_serializer(model_name, api_view, name_field="name"):
    """A small serializer naming an object of another resource: name, slug, url, api_url."""
    fields = {
        name_field: serializers.CharField(read_only=True),
        "slug": serializers.SlugField(read_only=True),
        "url": PageUrlField(),
        "api_url": ApiUrlField(api_view),
    }
    return type(f"{model_name}Link", (serializers.Serializer,), fields)


def describe_filters(filterset_class, **types):
    """Tell the OpenAPI description the type of filters it cannot infer (a filter with a
    method of its own, a model choice by slug): name=OpenApiTypes.STR, ..."""
    for name, openapi_type in types.items():
        extend_schema_field(openapi_type)(filterset_class.base_filters[name])
    return filterset_class


class ApiPagination(PageNumberPagination):
    """Numbered pages with next/previous links; ?page_size up to 100."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class FilterSetBackend(DjangoFilterBackend):
    """The app's own FilterSet, as the HTML list uses it. A bad value is a 400 whose JSON
    names the field (django-filter's own behaviour with REST framework).

    A view may add keyword arguments of its FilterSet with ``filterset_kwargs()``.
    """

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        extra = getattr(view, "filterset_kwargs", None)
        if extra is not None:
            kwargs.update(extra())
        return kwargs


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Published objects by slug, paginated in a stable order, filtered by a FilterSet."""

    lookup_field = "slug"
    pagination_class = ApiPagination
    filter_backends = [FilterSetBackend]
    # A serializer of its own for the list (lighter rows) when given.
    list_serializer_class = None

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return self.serializer_class


class AnonymousRateThrottle(AnonRateThrottle):
    """REST framework's limit per client address, counted in the default cache: Redis when
    REDIS_URL is set, so every app server counts the same requests. The rate is
    settings.API_RATE_LIMIT ("300/min"; None for no limit), read for each request.

    Every API request is anonymous (no authentication class): the address is the key.
    cica_site.middleware.ApiRateLimitMiddleware applies it before the page cache.
    """

    def get_rate(self):
        return getattr(settings, "API_RATE_LIMIT", None)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
