"""Only in benchmark runs (DJANGO_BENCH=1): the ceiling every page is compared with."""

from django.http import HttpResponse


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")
