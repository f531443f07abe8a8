import datetime

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import cache_control
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


@cache_control(max_age=86400, public=True)
def security_txt(request):
    """RFC 9116. The contact comes from settings; by default the Secretariat page."""
    contact = settings.SECURITY_CONTACT or request.build_absolute_uri("/about/secretariat/")
    expires = (timezone.now() + datetime.timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en, ru",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request's context processors: the database may be the fault.
    return HttpResponseServerError(loader.render_to_string("500.html"))
