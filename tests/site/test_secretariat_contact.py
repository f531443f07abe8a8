"""The Secretariat's contact section on /about/secretariat/, edited by staff in the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from cica_site import demo
from cica_site.models import Secretariat, SecretariatHead
from core.partial_dates import DatePrecision
from core.staff.roles import EDITOR, PUBLISHER
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def main_of(response):
    text = response.content.decode()
    return text[text.index("<main") : text.index("</main>")]


def contact_of(response):
    main = main_of(response)
    return main[main.index('<section class="secretariat-contact"') :]


@pytest.fixture
def demo_site():
    demo.load()


def test_demo_fills_only_what_the_facts_know(client, demo_site):
    response = client.get("/about/secretariat/")
    assert response.status_code == 200
    contact = contact_of(response)
    assert "<address>" in contact and "Astana, Kazakhstan" in contact
    # The facts give no e-mail, phone or office hours: nothing is shown for them.
    assert "mailto:" not in contact and "tel:" not in contact
    assert "Office hours" not in contact and "E-mail" not in contact
    assert "opened on 2 July 2025" in main_of(response)
    heads = contact[contact.index('<ol class="secretariat-heads">') :]
    names = ["Jandos Asanov", "Dulat Bakishev", "Çınar Aldemir", "Gong Jianwei"]
    names += ["Habibullo Mirzozoda", "Kairat Sarybay"]
    positions = [heads.index(name) for name in names]
    assert positions == sorted(positions)
    assert "(2006 – 2008)" in heads  # known only to the year
    assert "(August 2008 – 2010)" in heads
    assert "(from June 2010)" in heads  # the end of the term is not known
    assert "(by 2014 – September 2018)" in heads
    assert "Secretary General <span" in heads or "Secretary General</" in heads
    assert "(from 13 October 2022)" in heads


def test_demo_load_is_idempotent_and_keeps_what_staff_filled_in(demo_site):
    Secretariat.objects.update(email="info@example.org")
    demo.load()
    assert Secretariat.objects.count() == 1
    assert Secretariat.objects.get().email == "info@example.org"
    assert SecretariatHead.objects.count() == 7


def test_filled_fields_become_links_and_are_escaped(client, demo_site):
    Secretariat.objects.update(
        address="CICA Headquarters\n<b>Astana</b>",
        email="info@example.org",
        phone="+7 (7172) 00-00-00",
        office_hours="Mon–Fri 9:00–18:00",
    )
    contact = contact_of(client.get("/about/secretariat/"))
    assert "CICA Headquarters<br>&lt;b&gt;Astana&lt;/b&gt;" in contact
    assert '<a href="mailto:info@example.org">info@example.org</a>' in contact
    assert '<a href="tel:+77172000000">+7 (7172) 00-00-00</a>' in contact
    assert "Mon–Fri 9:00–18:00" in contact


def test_only_the_secretariat_page_shows_the_contact(client, demo_site):
    for url in ("/about/", "/about/structure/"):
        assert "secretariat-contact" not in client.get(url).content.decode(), url


def test_no_contact_row_no_section(client, demo_site):
    Secretariat.objects.all().delete()
    response = client.get("/about/secretariat/")
    assert response.status_code == 200
    assert "secretariat-contact" not in response.content.decode()


def test_a_contact_edit_shows_on_the_next_request_with_the_page_cache(client, settings, demo_site):
    settings.PAGE_CACHE_ENABLED = True
    assert "mailto:" not in client.get("/about/secretariat/").content.decode()
    secretariat = Secretariat.objects.get()
    secretariat.email = "press@example.org"
    secretariat.save()
    assert "mailto:press@example.org" in client.get("/about/secretariat/").content.decode()


def test_partial_dates_are_stored_as_the_first_day_known():
    head = SecretariatHead.objects.create(
        secretariat=Secretariat.objects.create(),
        name="A. Head",
        title="Executive Director",
        started=datetime.date(2010, 6, 17),
        started_precision=DatePrecision.MONTH,
    )
    head.refresh_from_db()
    assert head.started == datetime.date(2010, 6, 1)
    assert head.started_display == "June 2010" and head.ended_display == ""


def staff_client(role):
    user = UserFactory(username=role, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR if role == "editor" else PUBLISHER))
    client = Client()
    client.force_login(user)
    return client


def test_publishers_edit_the_contact_and_heads_inline(demo_site):
    client = staff_client("publisher")
    secretariat = Secretariat.objects.get()
    url = f"/admin/cica_site/secretariat/{secretariat.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kairat Sarybay" in html and 'name="heads-0-name_en"' in html
    # One row: no second may be added, and none deleted.
    assert client.get("/admin/cica_site/secretariat/add/").status_code == 403
    assert client.get(f"/admin/cica_site/secretariat/{secretariat.pk}/delete/").status_code == 403
    form = {
        "address_en": "Astana, Kazakhstan",
        "email": "info@example.org",
        "phone": "",
        "office_hours_en": "",
        "heads-TOTAL_FORMS": "1",
        "heads-INITIAL_FORMS": "0",
        "heads-MIN_NUM_FORMS": "0",
        "heads-MAX_NUM_FORMS": "1000",
        "heads-0-order": "100",
        "heads-0-name_en": "Next Head",
        "heads-0-title_en": "Secretary General",
        "heads-0-started": "2027-01-01",
        "heads-0-started_precision": "year",
        "heads-0-ended": "",
        "heads-0-ended_precision": "day",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Secretariat.objects.get().email == "info@example.org"
    assert SecretariatHead.objects.filter(name="Next Head").exists()


def test_editors_may_look_but_not_change(demo_site):
    client = staff_client("editor")
    secretariat = Secretariat.objects.get()
    url = f"/admin/cica_site/secretariat/{secretariat.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"address": "Elsewhere", "email": "", "phone": ""})
    assert response.status_code == 403
    assert Secretariat.objects.get().address == "Astana, Kazakhstan"


def test_about_is_in_the_main_and_footer_navigation(client, demo_site):
    html = client.get("/members/").content.decode()
    main_nav = html[html.index('<nav class="primary-nav"') :]
    main_nav = main_nav[: main_nav.index("</nav>")]
    footer = html[html.index('<footer class="site-footer"') :]
    assert '<a href="/about/">About</a>' in main_nav
    assert '<a href="/about/">About</a>' in footer
    assert '<a href="/about/secretariat/">Contact the Secretariat</a>' in footer
    secretariat = client.get("/about/secretariat/").content.decode()
    assert '<a href="/about/" aria-current="page">About</a>' in secretariat
