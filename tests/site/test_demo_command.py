from io import StringIO

import pytest
from django.contrib.flatpages.models import FlatPage
from django.core.management import call_command

from publications.models import Publication

pytestmark = pytest.mark.django_db


def test_load_demo_loads_publications_and_about_pages_last_and_idempotently(client):
    output = StringIO()
    call_command("load_demo", stdout=output)
    lines = output.getvalue().splitlines()
    assert lines[-2].startswith("cica_site: 3 about pages, 7 heads of the Secretariat")
    assert any(line.startswith("publications: 35 publications") for line in lines)
    counts = (Publication.objects.count(), FlatPage.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (Publication.objects.count(), FlatPage.objects.count()) == counts == (35, 3)
    for path in ("/", "/about/", "/publications/", "/search/?q=panacea", "/sitemap.xml"):
        assert client.get(path).status_code == 200, path
