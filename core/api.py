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
from rest_framework.generics import get_object_or_404
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.throttling import AnonRateThrottle

from . import page_cache
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
    """Numbered pages with next/previous links; ?page_size up to 100.

    A view with a ``get_paginator(queryset, per_page)`` of its own (as Django's ListView
    has) gives the paginator: the HTML list's, where it reads less than every row.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        make_paginator = getattr(view, "get_paginator", None)
        if make_paginator is not None:
            self.django_paginator_class = make_paginator
        return super().paginate_queryset(queryset, request, view)


class FilterSetBackend(DjangoFilterBackend):
    """The app's own FilterSet, as the HTML list uses it. A bad value is a 400 whose JSON
    names the field (django-filter's own behaviour with REST framework).

    A view may add keyword arguments of its FilterSet with ``filterset_kwargs()``; the
    FilterSet used is left on the view as ``view.filterset`` (its paginator may read it).
    """

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        extra = getattr(view, "filterset_kwargs", None)
        if extra is not None:
            kwargs.update(extra())
        return kwargs


def keys_of(queryset):
    """The primary keys of a QuerySet, in its order, without its joins or prefetches."""
    return queryset.select_related(None).prefetch_related(None).values_list("pk", flat=True)


def in_key_order(queryset, keys):
    """The objects of ``queryset`` with these keys, in the keys' order."""
    by_key = {obj.pk: obj for obj in queryset.filter(pk__in=keys)}
    return [by_key[key] for key in keys if key in by_key]


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Published objects by slug, paginated in a stable order, filtered by a FilterSet.

    Keys first: a list pages through the keys of its objects, a detail finds its
    object's key; the objects are then represented from the fragment cache, keyed by the
    keys, the content versions the answer shows (as the ETag and page cache are), the
    language and the address of the site (the links are absolute). Only on a miss are
    the objects read whole, with everything they show, and serialized. As for the
    pages' fragments, a save of what an answer shows changes its key.
    """

    lookup_field = "slug"
    pagination_class = ApiPagination
    filter_backends = [FilterSetBackend]
    # A serializer of its own for the list (lighter rows) when given.
    list_serializer_class = None
    # How long a representation is kept; a save changes its key well before.
    representation_seconds = 600

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return self.serializer_class

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        keys = self.paginate_queryset(keys_of(self.filter_queryset(queryset)))
        data = self.represent(keys, lambda: in_key_order(queryset, keys), many=True)
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        key = get_object_or_404(keys_of(queryset), **lookup)
        return Response(self.represent([key], lambda: queryset.get(pk=key)))

    def represent(self, keys, read_objects, many=False):
        """The serialized objects of these keys, from the fragment cache or read anew."""
        return page_cache.request_fragment(
            self.request,
            f"api:{self.basename}:{self.get_serializer_class().__name__}",
            keys,
            lambda: self.get_serializer(read_objects(), many=many).data,
            timeout=self.representation_seconds,
        )


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
