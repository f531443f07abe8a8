from django.views.generic import DetailView, ListView

from .models import Plan


class PlanListView(ListView):
    template_name = "plans/plan_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Plan.objects.published()


class PlanDetailView(DetailView):
    template_name = "plans/plan_detail.html"

    def get_queryset(self):
        return Plan.objects.visible_to(self.request.user)
