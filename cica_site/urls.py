from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from . import sitemaps, views

# Every page in each working language: English at the addresses it always had, Russian
# under /ru/ (prefix_default_language=False), so no English URL changes or changes meaning.
urlpatterns = i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("members/", include("members.urls")),
    path("plans/", include("plans.urls")),
    path("events/", include("events.urls")),
    path("publications/", include("publications.urls")),
    path("search/", views.SearchView.as_view(), name="search"),
    path("about/", views.about_page, name="about"),
    path("about/<path:subpath>", views.about_page, name="about-page"),
    path("admin/", admin.site.urls),
    path("api/", include("cica_site.api_urls")),
    prefix_default_language=False,
)

# Files for crawlers and tools, one per site rather than per language: robots.txt and
# security.txt must sit at the root, and the sitemap lists both languages' addresses
# with their alternates itself (cica_site/sitemaps.py).
urlpatterns += [
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
]

if settings.BENCH_MODE:
    from . import bench_views

    urlpatterns.append(path("bench/bare/", bench_views.bare, name="bench-bare"))

# Uploaded files in development mode only (static() adds nothing when DEBUG is off):
# in production the front server serves MEDIA_ROOT (docs/operations.md).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "cica_site.views.page_not_found"
handler500 = "cica_site.views.server_error"
