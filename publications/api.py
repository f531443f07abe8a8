"""Publications, read-only, for the API, with their published related states, plans
and events."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from core.api import (
    ApiUrlField,
    PageUrlField,
    PartialDateField,
    ReadOnlyViewSet,
    choice_label,
    describe_filters,
)
from core.queries import years_with
from events.models import Event
from members.models import Participant
from plans.api import EventLink, PlanLink, StateLink
from plans.models import Plan

from .filters import PublicationFilter
from .models import Publication


class PublicationSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    api_url = ApiUrlField("publication")
    kind_label = choice_label("kind")
    posted = PartialDateField(date="posted_on", precision="posted_precision")
    image = serializers.SerializerMethodField()
    related_states = StateLink(many=True, read_only=True)
    related_plans = PlanLink(many=True, read_only=True)
    related_events = EventLink(many=True, read_only=True)

    class Meta:
        model = Publication
        fields = [
            "slug",
            "title",
            "kind",
            "kind_label",
            "posted",
            "standfirst",
            "author",
            "speaker",
            "source_url",
            "image",
            "image_alt",
            "related_states",
            "related_plans",
            "related_events",
            "url",
            "api_url",
        ]

    def get_image(self, publication) -> str | None:
        if not publication.image:
            return None
        return self.context["request"].build_absolute_uri(publication.image.url)


class PublicationDetailSerializer(PublicationSerializer):
    body_html = serializers.CharField(read_only=True)

    class Meta(PublicationSerializer.Meta):
        fields = [*PublicationSerializer.Meta.fields[:-2], "body_html", "url", "api_url"]


describe_filters(PublicationFilter, year=OpenApiTypes.INT)


class PublicationViewSet(ReadOnlyViewSet):
    """Published news, press releases, interviews, speeches, statements and articles,
    most recent first."""

    serializer_class = PublicationDetailSerializer
    list_serializer_class = PublicationSerializer
    filterset_class = PublicationFilter

    def filterset_kwargs(self):
        # The years offered are those with publications, as on the list page.
        return {"years": years_with(Publication.objects.published(), "posted_on")}

    def get_queryset(self):
        publications = Publication.objects.published().order_by("-posted_on", "-pk")
        if self.action == "list":
            publications = publications.defer("body", "body_html")
        else:
            publications = publications.defer("body")
        return publications.prefetch_related(
            Prefetch("related_states", queryset=Participant.objects.published()),
            Prefetch("related_plans", queryset=Plan.objects.published().only("title", "slug")),
            Prefetch("related_events", queryset=Event.objects.published().only("title", "slug")),
        )
