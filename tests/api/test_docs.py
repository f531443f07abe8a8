"""The API's documentation page (/api/, /ru/api/), the links to it, and the OpenAPI
description (/api/v1/schema/) that drf-spectacular checks without a warning."""

import datetime
from html import unescape

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, heading, root",
    [
        ("/api/", "Open data API", "http://testserver/api/v1/"),
        ("/ru/api/", "API открытых данных", "http://testserver/ru/api/v1/"),
    ],
)
def test_the_documentation_page_lists_every_resource_with_its_filters(client, path, heading, root):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    for resource in ("states", "dimensions", "priority-areas", "plans", "decisions", "events"):
        path = root.removeprefix("http://testserver")
        assert f'href="{root}{resource}/"><code lang="en">{path}{resource}/</code></a>' in html, (
            resource
        )
    # The filters come from the OpenAPI description, so they are the API's own.
    assert '<code lang="en">decided_after</code>' in html and ">page_size<" in html
    assert f"curl '{root}decisions/?decided_after=2024-01-01'" in unescape(html)
    assert f'href="{root}schema/"' in html
    # Our own page in the site's frame: no script or style from elsewhere.
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "<script" not in html.split("<footer")[0].split("<main")[1]


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_the_footer_and_the_plan_and_event_lists_link_to_it(client, prefix):
    for page in ("/", "/plans/", "/events/"):
        html = client.get(f"{prefix}{page}").content.decode()
        assert f'href="{prefix}/api/"' in html, page
    assert 'class="data-links"' in client.get(f"{prefix}/plans/").content.decode()
    assert 'class="data-links"' in client.get(f"{prefix}/events/").content.decode()


def test_the_openapi_description_is_served_in_both_languages(client):
    english = client.get("/api/v1/schema/", headers={"Accept": "application/json"})
    assert english.status_code == 200
    assert "/api/v1/plans/" in english.json()["paths"]
    russian = client.get("/ru/api/v1/schema/", headers={"Accept": "application/json"})
    assert "/ru/api/v1/plans/" in russian.json()["paths"]


def test_the_openapi_description_validates_without_a_warning(tmp_path):
    # Raises SystemExit on any warning or error (--fail-on-warn).
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    assert "/api/v1/decisions/" in schema.read_text()


def test_describing_the_api_leaves_the_year_filters_working(client):
    # drf-spectacular builds the form fields of the FilterSets' own filters; the year
    # filters, whose choices each FilterSet sets, must not inherit their empty choices.
    from tests.factories import EventFactory, PublicationFactory

    EventFactory(slug="old-soc", start_date=datetime.date(2010, 6, 1))
    PublicationFactory(posted_on=datetime.date(2012, 3, 3))
    client.get("/api/v1/schema/")
    client.get("/api/")
    for path in ("/api/v1/events/?year=2010", "/events/?year=2010", "/publications/?year=2012"):
        assert client.get(path).status_code == 200, path
    assert client.get("/api/v1/publications/?year=2012").json()["count"] == 1
