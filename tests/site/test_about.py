import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site

from cica_site import demo

pytestmark = pytest.mark.django_db


def main_of(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


@pytest.fixture
def about_pages():
    demo.load()


def test_demo_loads_the_three_about_pages_idempotently():
    first = demo.load()
    second = demo.load()
    assert first == second == {"about pages": 3, "heads of the Secretariat": 7}
    assert set(FlatPage.objects.values_list("url", flat=True)) == {
        "/about/",
        "/about/structure/",
        "/about/secretariat/",
    }
    assert all(page.sites.filter(pk=settings.SITE_ID).exists() for page in FlatPage.objects.all())


def test_about_cica_page_tells_the_real_history(client, about_pages):
    response = client.get("/about/")
    assert response.status_code == 200
    main = main_of(response)
    assert "<h1>About CICA</h1>" in main
    for fact in (
        "47th session of the United Nations General Assembly",
        "14 September 1999",
        "Declaration on Principles Guiding Relations among CICA Member States",
        "4 June 2002",
        "Almaty Act",
        "22 October 2004",
        "28 member states",
        "English and Russian",
        "Istanbul",
    ):
        assert fact in main, fact
    assert "<table>" in main


def test_structure_page_names_every_body(client, about_pages):
    main = main_of(client.get("/about/structure/"))
    for body in (
        "Summit",
        "Ministerial Meeting",
        "Senior Officials Committee (SOC)",
        "Special Working Group (SWG)",
        "Experts Meeting",
        "Specialised Meeting",
        "CICA Business Council",
    ):
        assert f"<dt>{body}</dt>" in main, body
    assert 'href="/plans/status/"' in main


def test_secretariat_page(client, about_pages):
    main = main_of(client.get("/about/secretariat/"))
    assert "17 June 2006" in main
    assert "Astana" in main
    assert "Secretary General" in main


def test_about_breadcrumbs_and_sub_navigation(client, about_pages):
    text = client.get("/about/structure/").content.decode()
    assert '<li><a href="/about/">About CICA</a></li><li aria-current="page">Structure</li>' in text
    assert 'href="/about/secretariat/"' in text
    assert 'href="/about/structure/" aria-current="page"' in text


def test_missing_about_page_is_404_and_missing_slash_redirects(client, about_pages):
    assert client.get("/about/nothing-here/").status_code == 404
    assert client.get("/about/structure").status_code == 301
    assert client.get("/about/%00/").status_code == 404
    assert client.get("/about/" + "x" * 300 + "/").status_code == 404


def test_staff_html_in_about_pages_cannot_carry_scripts(client):
    page = FlatPage.objects.create(
        url="/about/hostile/",
        title="<script>alert(1)</script>Hostile",
        content=(
            '<p onclick="alert(2)">Text</p><script>alert(3)</script>'
            '<a href="javascript:alert(4)">link</a><img src=x onerror=alert(5)>'
        ),
    )
    page.sites.add(Site.objects.get_current())
    text = client.get("/about/hostile/").content.decode()
    assert "<script>alert" not in text
    assert "alert(" not in text.replace("&lt;script&gt;alert(1)&lt;/script&gt;", "")
    assert "onclick" not in text and "onerror" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Hostile" in text
    assert "<p>Text</p>" in text


def test_pages_outside_about_are_not_served(client):
    page = FlatPage.objects.create(url="/elsewhere/", title="Elsewhere", content="x")
    page.sites.add(Site.objects.get_current())
    assert client.get("/elsewhere/").status_code == 404


def test_registration_required_pages_ask_to_log_in(client):
    page = FlatPage.objects.create(
        url="/about/internal/", title="Internal", content="x", registration_required=True
    )
    page.sites.add(Site.objects.get_current())
    assert client.get("/about/internal/").status_code == 302


def test_about_page_admin_view_on_site_stays_on_this_host(staff_client, about_pages):
    page = FlatPage.objects.get(url="/about/structure/")
    change = staff_client.get(f"/admin/flatpages/flatpage/{page.pk}/change/").content.decode()
    assert 'href="/about/structure/" class="viewsitelink"' in change


def test_breadcrumbs_name_the_about_page_by_its_title(client, about_pages):
    about = client.get("/about/").content.decode()
    assert '<li aria-current="page">About CICA</li>' in about
    assert "About Us" not in about
    FlatPage.objects.filter(url="/about/").update(title="The Conference")
    structure = client.get("/about/structure/").content.decode()
    assert '<li><a href="/about/">The Conference</a></li>' in structure
    assert "About Us" not in structure
