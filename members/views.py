from django.utils.functional import cached_property
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


class MemberOverview:
    """What the member list shows besides its rows, read and drawn only when the page's
    fragment is (a cached fragment needs none of it)."""

    def __init__(self, member_states, user):
        self.visible = Participant.objects.visible_to(user)
        self._member_states = member_states

    @cached_property
    def member_states(self):
        return list(self._member_states)

    @cached_property
    def observers(self):
        return list(self.visible.observers().order_by("kind", "name"))

    @cached_property
    def observer_states(self):
        return [p for p in self.observers if p.kind == "state"]

    @cached_property
    def observer_organisations(self):
        return [p for p in self.observers if p.kind == "organisation"]

    @cached_property
    def current_chair(self):
        return Chairmanship.objects.filter(state__in=self.visible).current()

    @cached_property
    def growth(self):
        return membership_growth(self.member_states)

    def growth_chart(self):
        return growth_chart(self.growth)

    def growth_chart_narrow(self):
        return growth_chart(self.growth, width=360, height=200, padding=16)

    @cached_property
    def regions(self):
        return group_by_subregion(self.member_states)

    # Two drawings of the same grouping: CSS shows the narrow one on phones.
    def region_chart_wide(self):
        return region_chart(self.regions, WIDE_REGION_LAYOUT)

    def region_chart_narrow(self):
        return region_chart(self.regions, NARROW_REGION_LAYOUT)


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
        context.update(
            sort=self.get_sort(),
            overview=MemberOverview(context["member_states"], self.request.user),
            # What the page's fragment varies on besides the members' content: the sort
            # and the other parameters its sort links keep.
            query_state=sorted(self.request.GET.lists()),
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
