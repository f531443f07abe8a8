from django.views.generic import DetailView, ListView

from .models import Publication


class PublicationListView(ListView):
    template_name = "publications/publication_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Publication.objects.published()


class PublicationDetailView(DetailView):
    template_name = "publications/publication_detail.html"

    def get_queryset(self):
        return Publication.objects.visible_to(self.request.user)
