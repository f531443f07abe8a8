from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.generic import TemplateView

from members.models import Chairmanship, Participant


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member_count"] = Participant.objects.published().states().members().count()
        context["current_chair"] = Chairmanship.objects.current()
        return context


class SearchView(TemplateView):
    template_name = "search.html"


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request's context processors: the database may be the fault.
    return HttpResponseServerError(loader.render_to_string("500.html"))
