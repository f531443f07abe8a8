"""Markup typed by staff into any text field never reaches a page, feed or export as markup."""

import datetime
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone

from plans.models import Coordination, CoordinationRole, PlanStatus
from tests.factories import (
    DimensionFactory,
    EventFactory,
    MeasureFactory,
    PlanDocumentFactory,
    PublicationFactory,
    member_state,
    plan_with_status,
)

from .hostile import MARKUP_PAYLOADS, body_of
from .public_pages import public_pages

pytestmark = pytest.mark.django_db

MARK = "zqstored"
PAYLOADS = [payload.format(m=MARK) for payload, _forbidden in MARKUP_PAYLOADS]
FORBIDDEN = [forbidden.format(m=MARK) for _payload, forbidden in MARKUP_PAYLOADS]
HOSTILE = " ".join(PAYLOADS)
# Markdown that tries to smuggle the same through the publication and About page bodies.
HOSTILE_MARKDOWN = "\n\n".join(
    [
        *PAYLOADS,
        f"[click](javascript:{MARK})",
        f'<a href="javascript:{MARK}">x</a>',
        f"<iframe src=//evil.example/{MARK}></iframe>",
        f'<p style="background:url(javascript:{MARK})" onclick="{MARK}">y</p>',
    ]
)
EXTRA_FORBIDDEN = [f"<iframe src=//evil.example/{MARK}", f'onclick="{MARK}', "javascript:" + MARK]


@pytest.fixture
def hostile_site():
    today = timezone.localdate()
    state = member_state(name=f"State {HOSTILE}"[:120], slug="hostile-state", year=2002)
    state.official_name = HOSTILE[:250]
    state.summary = HOSTILE
    state.save()
    dimension = DimensionFactory(name=f"Dimension {PAYLOADS[0]}", slug="hostile-dimension")
    plan = plan_with_status(
        PlanStatus.APPROVED_BY_SOC,
        decided_on=today - datetime.timedelta(days=3),
        title=f"Plan {HOSTILE}"[:250],
        slug="hostile-plan",
        dimension=dimension,
        priority_area=None,
        summary=HOSTILE,
        body=HOSTILE,
    )
    Coordination.objects.create(state=state, plan=plan, role=CoordinationRole.COORDINATOR)
    MeasureFactory(plan=plan, title=f"Measure {HOSTILE}"[:250]).responsible_states.add(state)
    PlanDocumentFactory(plan=plan, title=f"Document {HOSTILE}"[:250])
    for slug, day in (("hostile-event", today + datetime.timedelta(days=9)), ("old", None)):
        EventFactory(
            title=f"Event {HOSTILE}"[:250],
            slug=slug,
            start_date=day or datetime.date(2019, 4, 2),
            city=PAYLOADS[1],
            venue=PAYLOADS[2],
            organiser=PAYLOADS[3],
            summary=HOSTILE,
            body=HOSTILE,
            hosts=[state],
            plans=[plan],
        )
    for kind in ("news", "interview"):
        publication = PublicationFactory(
            kind=kind,
            title=f"Publication {HOSTILE}"[:300],
            slug=f"hostile-{kind}",
            standfirst=HOSTILE if kind == "news" else "",
            body=HOSTILE_MARKDOWN,
            author=PAYLOADS[4],
            speaker=PAYLOADS[5],
        )
        publication.related_states.add(state)
    site = Site.objects.get(pk=settings.SITE_ID)
    for url in ("/about/", "/about/hostile/"):
        page = FlatPage.objects.create(
            url=url, title=f"About {PAYLOADS[0]}", content=HOSTILE_MARKDOWN
        )
        page.sites.add(site)


TAGS = [fragment for fragment in FORBIDDEN + EXTRA_FORBIDDEN if fragment.startswith("<")]


class ActiveMarkupFinder(HTMLParser):
    """What a browser would run or obey: handlers, javascript: links, injected attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name in ("autofocus", "srcdoc"):
                self.found.append(f"<{tag} {name}>")
            injected = value.startswith("javascript:") or name in ("id", "src", "style")
            if MARK in value and injected:
                self.found.append(f"<{tag} {name}={value}>")

    def handle_comment(self, data):
        if MARK in data:
            self.found.append(f"<!--{data}")


def assert_no_markup(text, where):
    for fragment in TAGS:
        assert fragment not in text, (where, fragment)
    finder = ActiveMarkupFinder()
    finder.feed(text)
    assert finder.found == [], where


def feed_html_fields(body):
    """The text of feed elements that readers show as HTML (escaped once in the XML)."""
    root = ET.fromstring(body)
    return [
        element.text or ""
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in ("description", "summary", "content")
    ]


def test_stored_markup_is_escaped_or_removed_everywhere(client, hostile_site):
    paths = public_pages() + [f"/search/?q={MARK}", "/plans/?q=zqstored"]
    checked = 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        content_type = response["Content-Type"]
        body = body_of(response)
        if "html" in content_type:
            assert_no_markup(body.decode(), path)
            checked += 1
        elif "xml" in content_type:
            # In XML a quote or an attribute-like text is harmless; a tag is not.
            for fragment in TAGS:
                assert fragment not in body.decode(), (path, fragment)
            for html in feed_html_fields(body):
                assert_no_markup(html, f"{path} (feed HTML)")
            checked += 1
    assert checked > 20
    # The content is there, as text: the check looked at the right pages.
    html = client.get("/publications/hostile-news/").content.decode()
    assert "&lt;script&gt;zqstored&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "html",
    [
        f"<p>{PAYLOADS[0]}</p>",
        f'<a href="javascript:{MARK}">x</a>',
        f"<p onclick='{MARK}'>x</p>",
        f'<input value="" autofocus onfocus="{MARK}">',
        f"<b id={MARK}>x</b>",
        f"<!--{MARK}-->",
    ],
)
def test_the_markup_check_bites(html):
    with pytest.raises(AssertionError):
        assert_no_markup(html, "sample")
