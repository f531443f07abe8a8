from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.preview import PreviewableDetailMixin
from core.queries import years_with
from events.models import Event
from members.models import Participant
from plans.models import Plan

from .filters import PublicationFilter
from .models import Publication


class PublicationListView(FilterView):
    filterset_class = PublicationFilter
    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    paginate_by = 12

    def get_queryset(self):
        # The Markdown source is not shown in the list; body_html gives the excerpt.
        return Publication.objects.published().defer("body")

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["years"] = years_with(Publication.objects.published(), "posted_on")
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.filterset.form.cleaned_data.get("kind") if self.filterset.is_valid() else ""
        if kind:
            context["rss_url"] = reverse("publications:kind-feed-rss", kwargs={"kind": kind})
            context["atom_url"] = reverse("publications:kind-feed-atom", kwargs={"kind": kind})
        else:
            context["rss_url"] = reverse("publications:feed-rss")
            context["atom_url"] = reverse("publications:feed-atom")
        return context


class PublicationDetailView(PreviewableDetailMixin, DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        # Related items are listed only once they are public themselves.
        return Publication.objects.visible_to(self.request.user).prefetch_related(
            Prefetch("related_states", queryset=Participant.objects.published()),
            Prefetch("related_plans", queryset=Plan.objects.published()),
            Prefetch("related_events", queryset=Event.objects.published()),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["canonical_url"] = self.request.build_absolute_uri(self.object.get_absolute_url())
        if self.object.image:
            context["image_url"] = self.request.build_absolute_uri(self.object.image.url)
        return context
