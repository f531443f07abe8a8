from django.views.generic import DetailView, ListView

from core.preview import PreviewableDetailMixin, never_store

from .charts import NARROW_REGION_LAYOUT, WIDE_REGION_LAYOUT, growth_chart, region_chart
from .models import Chairmanship, Participant, membership_growth
from .regions import group_by_subregion

SORT_ORDERS = {
    "name": ["name"],
    "-name": ["-name"],
    "year": ["accession_date", "name"],
    "-year": ["-accession_date", "name"],
}
DEFAULT_SORT = "name"


def may_preview(user):
    return user.is_staff and user.has_perm(Participant.objects.change_permission())


class MemberListView(ListView):
    template_name = "members/participant_list.html"
    context_object_name = "member_states"

    def get_sort(self):
        sort = self.request.GET.get("sort", DEFAULT_SORT)
        return sort if sort in SORT_ORDERS else DEFAULT_SORT

    def get_queryset(self):
        return (
            Participant.objects.visible_to(self.request.user)
            .states()
            .members()
            .order_by(*SORT_ORDERS[self.get_sort()])
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visible = Participant.objects.visible_to(self.request.user)
        observers = list(visible.observers().order_by("kind", "name"))
        member_states = context["member_states"]
        growth = membership_growth(member_states)
        regions = group_by_subregion(member_states)
        context.update(
            sort=self.get_sort(),
            observer_states=[p for p in observers if p.kind == "state"],
            observer_organisations=[p for p in observers if p.kind == "organisation"],
            current_chair=Chairmanship.objects.filter(state__in=visible).current(),
            growth=growth,
            growth_chart=growth_chart(growth),
            growth_chart_narrow=growth_chart(growth, width=360, height=200, padding=16),
            regions=regions,
            # Two drawings of the same grouping: CSS shows the narrow one on phones.
            region_chart_wide=region_chart(regions, WIDE_REGION_LAYOUT),
            region_chart_narrow=region_chart(regions, NARROW_REGION_LAYOUT),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # Staff see drafts in these lists (visible_to).
        return never_store(response) if may_preview(self.request.user) else response


class MemberDetailView(PreviewableDetailMixin, DetailView):
    template_name = "members/participant_detail.html"
    context_object_name = "participant"

    def get_queryset(self):
        return Participant.objects.visible_to(self.request.user).with_profile()
