"""Search finds the About pages (SQLite's fallback and PostgreSQL's full text alike)."""

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

from cica_site import demo

pytestmark = pytest.mark.django_db


def main_of(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def about_group(main):
    assert 'id="results-about"' in main, main
    group = main[main.index('id="results-about"') :]
    return group[: group.index("</section>")]


@pytest.fixture
def about_pages():
    demo.load()


def test_secretariat_finds_the_secretariat_page(client, about_pages):
    main = main_of(client.get("/search/", {"q": "Secretariat"}))
    group = about_group(main)
    assert '<h2 id="results-about-heading">About CICA</h2>' in group
    assert '<a href="/about/secretariat/"><mark>Secretariat</mark></a>' in group
    # The title hit ranks first.
    assert group.index('href="/about/secretariat/"') < group.index('class="search-result__snippet"')


def test_words_of_an_about_page_body_find_it_with_a_snippet(client, about_pages):
    group = about_group(main_of(client.get("/search/", {"q": "Almaty Act"})))
    assert 'href="/about/"' in group
    assert 'class="search-result__snippet"' in group


def test_pages_the_public_cannot_read_are_not_found(client, about_pages):
    other_site = Site.objects.create(domain="elsewhere.example", name="Elsewhere")
    hidden = [
        FlatPage.objects.create(url="/about/internal/", title="Zanzibar staff notes"),
        FlatPage.objects.create(url="/elsewhere/", title="Zanzibar outside About"),
        FlatPage.objects.create(url="/about/other-site/", title="Zanzibar on another site"),
    ]
    hidden[0].registration_required = True
    hidden[0].save()
    hidden[0].sites.add(settings.SITE_ID)
    hidden[1].sites.add(settings.SITE_ID)
    hidden[2].sites.add(other_site)
    main = main_of(client.get("/search/", {"q": "Zanzibar"}))
    assert "Nothing found for “Zanzibar”." in main
    assert 'id="results-about"' not in main
    assert not any(page.url in main for page in hidden)


def test_about_page_markup_is_escaped_in_results(client, about_pages):
    page = FlatPage.objects.create(
        url="/about/hostile/",
        title="<script>alert(1)</script> Quokka",
        content="Quokka <img src=x onerror=alert(2)> text",
    )
    page.sites.add(settings.SITE_ID)
    group = about_group(main_of(client.get("/search/", {"q": "quokka"})))
    assert "<script>" not in group and "<img" not in group
    assert "&lt;script&gt;" in group
